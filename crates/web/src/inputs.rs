//! The form: model, cluster, assumptions and the two questions.

use leptos::prelude::*;
use zettaflop_estimator::catalog;
use zettaflop_estimator::format::{self as fmt, sig3};
use zettaflop_estimator::{goodput, money, names};

use crate::fields::{CheckField, SelectField, TextField};
use crate::form::{Field, FieldError, Form, CUSTOM_FLOP, CUSTOM_PARAMS};
use crate::i18n::{fill, lang, sig, t, tr, Locale, K};

/// Model presets, then the two custom choices.
pub fn model_options(k_flop: bool) -> Signal<Vec<(String, String)>> {
    let l = lang();
    Signal::derive(move || {
        let mut v: Vec<(String, String)> = catalog::MODELS
            .iter()
            .map(|m| {
                (
                    m.id.to_string(),
                    format!(
                        "{} ({}, {})",
                        names::name_in(m.name, l.get()),
                        m.organization,
                        m.date
                    ),
                )
            })
            .collect();
        v.push((CUSTOM_FLOP.into(), t(K::CustomFlop, l.get()).into()));
        if !k_flop {
            v.push((CUSTOM_PARAMS.into(), t(K::CustomParams, l.get()).into()));
        }
        v
    })
}

/// Count units the chip `id` can be counted in.
pub fn unit_options(hardware: RwSignal<String>) -> Signal<Vec<(String, String)>> {
    let l = lang();
    Signal::derive(move || {
        let l = l.get();
        let mut v = vec![("chip".to_string(), t(K::UnitChips, l).to_string())];
        if let Some(a) = catalog::accelerator(&hardware.get()) {
            let n = a.gpus_per_package.to_string();
            let package = if a.gpus_per_package > 1 {
                fill(t(K::UnitSuperchips, l), &[&n])
            } else {
                t(K::UnitPackages, l).to_string()
            };
            v.push(("package".into(), package));
            if let Some(r) = a.gpus_per_rack {
                v.push(("rack".into(), fill(t(K::UnitRacks, l), &[&r.to_string()])));
            }
        }
        v
    })
}

/// The catalog's accelerators, their names' qualifiers in the page's language.
pub fn hardware_options() -> Signal<Vec<(String, String)>> {
    let l = lang();
    Signal::derive(move || {
        catalog::ACCELERATORS
            .iter()
            .map(|a| (a.id.to_string(), names::name_in(a.name, l.get())))
            .collect()
    })
}

/// The rarely changed inputs, folded on a narrow screen.
const ASSUMPTIONS: [Field; 4] = [
    Field::Pue,
    Field::UsdPerChipHour,
    Field::UsdPerKwh,
    Field::KgCo2PerKwh,
];
const FAILURES: [Field; 6] = [
    Field::Interruptions,
    Field::Checkpoint,
    Field::Restart,
    Field::PurchasePrice,
    Field::FacilityCost,
    Field::Lifetime,
];
const QUESTIONS: [Field; 4] = [
    Field::Claimed,
    Field::Target,
    Field::SitePower,
    Field::Budget,
];

/// Whether a folded group opens at first: on a wide screen (there is room), or when one of its
/// fields holds something other than its default (a link set it: the reader sees what the
/// result assumes, and any message beside it).
fn open_initially(form: Form, fields: &[Field]) -> bool {
    // At build time the groups are folded; the prerendered page's inline script opens them on a
    // wide screen before the first paint (scripts/prerender.mjs), as this does.
    let wide = cfg!(target_arch = "wasm32")
        && window()
            .match_media("(min-width: 60rem)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches());
    wide || fields.iter().any(|f| {
        let text = form.text(*f).get_untracked();
        text != crate::form::initial_in(*f, Locale::En)
            && text != crate::form::initial_in(*f, Locale::Fr)
    })
}

/// The inputs. `problem` is the estimate's error, shown next to the field it names.
#[component]
pub fn Inputs(form: Form, #[prop(into)] problem: Signal<Option<FieldError>>) -> impl IntoView {
    let l = lang();
    let named = move |name: &'static str| {
        Signal::derive(move || problem.get().filter(|p| p.field == name).map(|p| p.message))
    };
    let err = move |f: Field| {
        let other = named(f.name());
        Signal::derive(move || {
            form.value_in(f, l.get())
                .err()
                .map(|e| e.message)
                .or_else(|| other.get())
        })
    };
    let text = move |f: Field, label: K, hint: K| {
        view! { <TextField name=f.name() label=sig(label) hint=sig(hint) value=form.text(f) error=err(f) /> }
    };
    let chip = move || catalog::accelerator(&form.hardware.get());
    let precision_options = Signal::derive(move || {
        chip()
            .map(|a| {
                a.peaks
                    .supported()
                    .into_iter()
                    .map(|p| (p.id().to_string(), p.label().to_string()))
                    .collect()
            })
            .unwrap_or_default()
    });
    let price_placeholder = Signal::derive(move || {
        chip()
            .and_then(|a| a.usd_per_chip_hour)
            .map(|p| fill(t(K::PricePlaceholder, l.get()), &[&sig3(p, l.get())]))
            .unwrap_or_default()
    });
    // The scale fields are empty until typed in: their placeholder shows the default used.
    let defaulted = move |f: Field, label: K, hint: K, default: fn(Locale) -> String| {
        let placeholder =
            Signal::derive(move || fill(t(K::DefaultIs, l.get()), &[&default(l.get())]));
        view! { <TextField name=f.name() label=sig(label) hint=sig(hint) value=form.text(f) error=err(f) placeholder=placeholder /> }
    };
    let purchase_placeholder = Signal::derive(move || {
        chip()
            .and_then(|a| a.usd_purchase_per_chip)
            .map(|p| {
                fill(
                    t(K::PricePlaceholder, l.get()),
                    &[&fmt::grouped(p, 0, l.get())],
                )
            })
            .unwrap_or_default()
    });
    let custom = move || form.custom();
    // The cluster picker only fills the chip and count; the select shows the last pick.
    let cluster = RwSignal::new(String::new());
    let cluster_options = Signal::derive(move || {
        let mut v = vec![(String::new(), t(K::ClusterNone, l.get()).to_string())];
        v.extend(
            catalog::CLUSTERS
                .iter()
                .filter(|c| c.hardware.is_some() && c.gpus.is_some())
                .map(|c| (c.id.to_string(), names::name_in(c.name, l.get()))),
        );
        v
    });
    view! {
        <form class="inputs" on:submit=|ev| ev.prevent_default() aria-label=tr(K::Scenario)>
            <crate::search::CatalogSearch form=form />
            <fieldset>
                <legend>{tr(K::Model)}</legend>
                <SelectField name="model" label=sig(K::ModelOrCompute) value=form.model options=model_options(false) error=named("model") />
                <Show when=move || custom() == Some(CUSTOM_FLOP)>
                    {text(Field::Flop, K::Flop, K::FlopHint)}
                </Show>
                <Show when=move || custom() == Some(CUSTOM_PARAMS)>
                    {text(Field::Params, K::Params, K::ParamsHint)}
                    {text(Field::Tokens, K::Tokens, K::TokensHint)}
                    {text(Field::ActiveParams, K::ActiveParams, K::ActiveParamsHint)}
                </Show>
            </fieldset>
            <fieldset>
                <legend>{tr(K::Cluster)}</legend>
                <SelectField
                    name="cluster"
                    label=sig(K::ClusterPick)
                    value=cluster
                    options=cluster_options
                    error=Signal::derive(|| None::<String>)
                    on_pick=Callback::new(move |id: String| {
                        form.choose_cluster(&id);
                        cluster.set(id);
                    })
                />
                <SelectField
                    name="hardware"
                    label=sig(K::Accelerator)
                    value=form.hardware
                    options=hardware_options()
                    error=named("hardware")
                    on_pick=Callback::new(move |id| form.choose_hardware(id))
                />
                {text(Field::Count, K::Count, K::CountHint)}
                <SelectField name="count-unit" label=sig(K::CountedAs) value=form.count_unit options=unit_options(form.hardware) error=named("count-unit") />
                <SelectField name="precision" label=sig(K::Precision) value=form.precision options=precision_options error=named("precision") />
                {text(Field::Utilization, K::Utilization, K::UtilizationHint)}
                <CheckField
                    name="sparse"
                    label=sig(K::Sparse)
                    value=form.sparse
                    enabled=Signal::derive(move || chip().is_some_and(|a| a.sparse))
                    error=named("sparse")
                />
            </fieldset>
            <details class="group" data-group="assumptions" open=open_initially(form, &ASSUMPTIONS)>
                <summary>{tr(K::Assumptions)}</summary>
                {text(Field::Pue, K::Pue, K::PueHint)}
                <TextField
                    name=Field::UsdPerChipHour.name()
                    label=sig(K::Price)
                    hint=sig(K::PriceHint)
                    value=form.text(Field::UsdPerChipHour)
                    error=err(Field::UsdPerChipHour)
                    placeholder=price_placeholder
                />
                {text(Field::UsdPerKwh, K::Electricity, K::ElectricityHint)}
                {text(Field::KgCo2PerKwh, K::Carbon, K::CarbonHint)}
            </details>
            <details class="group" data-group="failures" open=open_initially(form, &FAILURES)>
                <summary>{tr(K::FailuresMoney)}</summary>
                {defaulted(Field::Interruptions, K::Interruptions, K::InterruptionsHint, |l| {
                    let rate = fmt::compact(goodput::llama3_rate_per_gpu_hour());
                    if l == Locale::Fr { rate.replace('.', ",") } else { rate }
                })}
                {defaulted(Field::Checkpoint, K::Checkpoint, K::CheckpointHint, |l| fmt::duration(goodput::default_checkpoint_s(), l))}
                {defaulted(Field::Restart, K::Restart, K::RestartHint, |l| fmt::duration(goodput::default_restart_s(), l))}
                <TextField
                    name=Field::PurchasePrice.name()
                    label=sig(K::PurchasePrice)
                    hint=sig(K::PurchasePriceHint)
                    value=form.text(Field::PurchasePrice)
                    error=err(Field::PurchasePrice)
                    placeholder=purchase_placeholder
                />
                {defaulted(Field::FacilityCost, K::FacilityCost, K::FacilityCostHint, |l| sig3(money::default_facility_usd_per_w(), l))}
                {defaulted(Field::Lifetime, K::Lifetime, K::LifetimeHint, |l| fmt::duration(money::default_lifetime_s(), l))}
            </details>
            <details class="group" data-group="questions" open=open_initially(form, &QUESTIONS)>
                <summary>{tr(K::Questions)}</summary>
                {text(Field::Claimed, K::Claimed, K::ClaimedHint)}
                {text(Field::Target, K::Target, K::TargetHint)}
                {text(Field::SitePower, K::SitePower, K::SitePowerHint)}
                {text(Field::Budget, K::Budget, K::BudgetHint)}
            </details>
        </form>
    }
}
