//! The form: model, cluster, assumptions and the two questions.

use leptos::prelude::*;
use zettaflop_estimator::catalog;

use crate::fields::{CheckField, SelectField, TextField};
use crate::form::{Field, FieldError, Form, CUSTOM_FLOP, CUSTOM_PARAMS};

fn model_options() -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = catalog::MODELS
        .iter()
        .map(|m| {
            (
                m.id.to_string(),
                format!("{} ({}, {})", m.name, m.organization, m.date),
            )
        })
        .collect();
    v.push((CUSTOM_FLOP.into(), "Custom: total compute (FLOP)".into()));
    v.push((CUSTOM_PARAMS.into(), "Custom: parameters × tokens".into()));
    v
}

/// The inputs. `problem` is the estimate's error, shown next to the field it names.
#[component]
pub fn Inputs(form: Form, #[prop(into)] problem: Signal<Option<FieldError>>) -> impl IntoView {
    let named = move |name: &'static str| {
        Signal::derive(move || problem.get().filter(|p| p.field == name).map(|p| p.message))
    };
    let err = move |f: Field| {
        let other = named(f.name());
        Signal::derive(move || {
            form.value(f)
                .err()
                .map(|e| e.message)
                .or_else(|| other.get())
        })
    };
    let text = move |f: Field, label: &'static str, hint: &'static str| {
        view! { <TextField name=f.name() label=label hint=hint value=form.text(f) error=err(f) /> }
    };
    let chip = move || catalog::accelerator(&form.hardware.get());
    let hardware_options = catalog::ACCELERATORS
        .iter()
        .map(|a| (a.id.to_string(), a.name.to_string()))
        .collect::<Vec<_>>();
    let unit_options = Signal::derive(move || {
        let mut v = vec![("chip".to_string(), "GPUs (chips)".to_string())];
        if let Some(a) = chip() {
            v.push((
                "package".into(),
                format!(
                    "packages: {} ({} GPU{})",
                    a.package_name,
                    a.gpus_per_package,
                    if a.gpus_per_package > 1 { "s" } else { "" }
                ),
            ));
            if let (Some(r), Some(name)) = (a.gpus_per_rack, a.rack_name) {
                v.push(("rack".into(), format!("racks: {name} ({r} GPUs)")));
            }
        }
        v
    });
    let precision_options = Signal::derive(move || {
        chip()
            .map(|a| {
                a.peaks
                    .supported()
                    .into_iter()
                    .map(|p| (p.id().to_string(), p.id().to_uppercase()))
                    .collect()
            })
            .unwrap_or_default()
    });
    let price_placeholder = Signal::derive(move || {
        chip()
            .and_then(|a| a.usd_per_chip_hour)
            .map(|p| format!("catalog: {p}"))
            .unwrap_or_default()
    });
    let custom = move || form.custom();
    view! {
        <form class="inputs" on:submit=|ev| ev.prevent_default() aria-label="Scenario">
            <fieldset>
                <legend>"Model"</legend>
                <SelectField name="model" label="Model or compute" value=form.model options=model_options() error=named("model") />
                <Show when=move || custom() == Some(CUSTOM_FLOP)>
                    {text(Field::Flop, "Training compute (FLOP)", "e.g. 2.1e25, 3.8e25")}
                </Show>
                <Show when=move || custom() == Some(CUSTOM_PARAMS)>
                    {text(Field::Params, "Parameters N", "e.g. 175B, 405B, 1.8T")}
                    {text(Field::Tokens, "Training tokens D", "e.g. 300B, 15T")}
                    {text(Field::ActiveParams, "Active parameters (mixture of experts)", "optional, e.g. 37B")}
                </Show>
            </fieldset>
            <fieldset>
                <legend>"Cluster"</legend>
                <SelectField
                    name="hardware"
                    label="Accelerator"
                    value=form.hardware
                    options=hardware_options
                    error=named("hardware")
                    on_pick=Callback::new(move |id| form.choose_hardware(id))
                />
                {text(Field::Count, "How many", "e.g. 64,000, 64k, 25000")}
                <SelectField name="count-unit" label="Counted as" value=form.count_unit options=unit_options error=named("count-unit") />
                <SelectField name="precision" label="Precision" value=form.precision options=precision_options error=named("precision") />
                <CheckField
                    name="sparse"
                    label="Use the sparse (2:4) peak, as marketing figures do"
                    value=form.sparse
                    enabled=Signal::derive(move || chip().is_some_and(|a| a.sparse))
                    error=named("sparse")
                />
            </fieldset>
            <fieldset>
                <legend>"Assumptions"</legend>
                {text(Field::Utilization, "Utilization (MFU)", "share of peak sustained: 0.4 or 40%; large runs reach 35-45%")}
                {text(Field::Pue, "PUE", "site power / IT power: 1.1-1.2 hyperscale, 1.58 average")}
                <TextField
                    name=Field::UsdPerChipHour.name()
                    label="Price per GPU-hour ($)"
                    hint="empty: the catalog's rental price"
                    value=form.text(Field::UsdPerChipHour)
                    error=err(Field::UsdPerChipHour)
                    placeholder=price_placeholder
                />
                {text(Field::UsdPerKwh, "Electricity ($/kWh)", "US industrial about 0.08")}
                {text(Field::KgCo2PerKwh, "Grid carbon (kg CO₂/kWh)", "US 2023: 0.367")}
            </fieldset>
            <fieldset>
                <legend>"Questions"</legend>
                {text(Field::Claimed, "Claimed duration", "check a claim: e.g. 12 h, 95 days (a bare number is days)")}
                {text(Field::Target, "Target duration", "how many GPUs to finish in: e.g. 30 days")}
            </fieldset>
        </form>
    }
}
