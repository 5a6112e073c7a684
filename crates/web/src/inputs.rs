//! The form: model, cluster, assumptions and the two questions.

use leptos::prelude::*;
use zettaflop_estimator::catalog;
use zettaflop_estimator::format::{self as fmt, sig3};
use zettaflop_estimator::text::keys;
use zettaflop_estimator::{fields, goodput, money, names};

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

/// What every input of the form needs: the form, the estimate's error (shown next to the field
/// it names) and the page's language.
#[derive(Clone, Copy)]
struct Ctx {
    form: Form,
    problem: Signal<Option<FieldError>>,
    l: RwSignal<Locale>,
}

impl Ctx {
    /// The estimate's message for the input `name`, if it names it.
    /// A memo: the field's four readers (its class, `aria-invalid`, `aria-describedby`, the
    /// message) re-run only when the message changes, not at every keystroke elsewhere.
    fn named(self, name: &'static str) -> Signal<Option<String>> {
        let problem = self.problem;
        Memo::new(move |_| {
            problem.with(|p| {
                p.as_ref()
                    .filter(|p| p.field == name)
                    .map(|p| p.message.clone())
            })
        })
        .into()
    }

    /// The field's own reading error, else the estimate's message for it (a memo, as above).
    fn err(self, f: Field) -> Signal<Option<String>> {
        let other = self.named(f.name());
        let (form, l) = (self.form, self.l);
        Memo::new(move |_| {
            zettaflop_link::form::value_in(&form, f, l.get())
                .err()
                .map(|e| e.message)
                .or_else(|| other.get())
        })
        .into()
    }

    /// The field's label and hint in the page language, as the estimator's field registry
    /// declares them (`contract/fields.rs`: one place for an input's words).
    fn words(self, f: Field) -> (Signal<&'static str>, Signal<&'static str>) {
        let spec = fields::by_name(f.name());
        let l = self.l;
        let say = move |part: fn(&fields::Field) -> fields::Tr| {
            Signal::derive(move || spec.map_or("", |s| keys::pick(part(s), l.get())))
        };
        (say(|s| s.label), say(|s| s.help))
    }

    /// A text input with its label and hint.
    fn text(self, f: Field) -> impl IntoView {
        let (label, hint) = self.words(f);
        view! { <TextField name=f.name() label=label hint=hint value=self.form.text(f) error=self.err(f) /> }
    }

    /// A text input empty until typed in, its placeholder showing the value used meanwhile.
    fn placeheld(self, f: Field, placeholder: Signal<String>) -> impl IntoView {
        let (label, hint) = self.words(f);
        view! { <TextField name=f.name() label=label hint=hint value=self.form.text(f) error=self.err(f) placeholder=placeholder /> }
    }

    /// A scale input: empty until typed in, its placeholder shows the default used.
    fn defaulted(self, f: Field, default: fn(Locale) -> String) -> impl IntoView {
        let l = self.l;
        let placeholder =
            Signal::derive(move || fill(t(K::DefaultIs, l.get()), &[&default(l.get())]));
        self.placeheld(f, placeholder)
    }

    /// The chosen chip, if the catalog has it.
    fn chip(self) -> Option<&'static catalog::Accelerator> {
        catalog::accelerator(&self.form.hardware.get())
    }
}

/// The inputs. `problem` is the estimate's error, shown next to the field it names.
#[component]
pub fn Inputs(form: Form, #[prop(into)] problem: Signal<Option<FieldError>>) -> impl IntoView {
    let c = Ctx {
        form,
        problem,
        l: lang(),
    };
    view! {
        <form class="inputs" on:submit=|ev| ev.prevent_default() aria-label=tr(K::Scenario)>
            <crate::search::CatalogSearch form=form />
            {model_fields(c)}
            {cluster_fields(c)}
            {assumptions(c)}
            {failures(c)}
            {questions(c)}
        </form>
    }
}

/// The model: a preset, or a compute, or parameters and tokens.
fn model_fields(c: Ctx) -> impl IntoView {
    let custom = move || c.form.custom();
    view! {
        <fieldset>
            <legend>{tr(K::Model)}</legend>
            <SelectField name="model" label=sig(K::ModelOrCompute) value=c.form.model options=model_options(false) error=c.named("model") />
            <Show when=move || custom() == Some(CUSTOM_FLOP)>
                {c.text(Field::Flop)}
            </Show>
            <Show when=move || custom() == Some(CUSTOM_PARAMS)>
                {c.text(Field::Params)}
                {c.text(Field::Tokens)}
                {c.text(Field::ActiveParams)}
            </Show>
        </fieldset>
    }
}

/// The cluster: a catalog cluster (fills the chip and count), the chip, the count, the
/// precision and the utilization.
fn cluster_fields(c: Ctx) -> impl IntoView {
    let (form, l) = (c.form, c.l);
    let precision_options = Signal::derive(move || {
        c.chip()
            .map(|a| {
                a.peaks
                    .supported()
                    .into_iter()
                    .map(|p| (p.id().to_string(), p.label().to_string()))
                    .collect()
            })
            .unwrap_or_default()
    });
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
                error=c.named("hardware")
                on_pick=Callback::new(move |id| form.choose_hardware(id))
            />
            {c.text(Field::Count)}
            <SelectField name="count-unit" label=sig(K::CountedAs) value=form.count_unit options=unit_options(form.hardware) error=c.named("count-unit") />
            <SelectField name="precision" label=sig(K::Precision) value=form.precision options=precision_options error=c.named("precision") />
            {c.text(Field::Utilization)}
            <CheckField
                name="sparse"
                label=sig(K::Sparse)
                value=form.sparse
                enabled=Signal::derive(move || c.chip().is_some_and(|a| a.sparse))
                error=c.named("sparse")
            />
        </fieldset>
    }
}

/// PUE, rental price, electricity and carbon (folded on a narrow screen).
fn assumptions(c: Ctx) -> impl IntoView {
    let l = c.l;
    let price_placeholder = Signal::derive(move || {
        c.chip()
            .and_then(|a| a.usd_per_chip_hour)
            .map(|p| fill(t(K::PricePlaceholder, l.get()), &[&sig3(p, l.get())]))
            .unwrap_or_default()
    });
    view! {
        <details class="group" data-group="assumptions" open=open_initially(c.form, &ASSUMPTIONS)>
            <summary>{tr(K::Assumptions)}</summary>
            {c.text(Field::Pue)}
            {c.placeheld(Field::UsdPerChipHour, price_placeholder)}
            {c.text(Field::UsdPerKwh)}
            {c.text(Field::KgCo2PerKwh)}
        </details>
    }
}

/// Interruptions, checkpoints and restarts; owning the chips (folded on a narrow screen).
fn failures(c: Ctx) -> impl IntoView {
    let l = c.l;
    let purchase_placeholder = Signal::derive(move || {
        c.chip()
            .and_then(|a| a.usd_purchase_per_chip)
            .map(|p| {
                fill(
                    t(K::PricePlaceholder, l.get()),
                    &[&fmt::grouped(p, 0, l.get())],
                )
            })
            .unwrap_or_default()
    });
    view! {
        <details class="group" data-group="failures" open=open_initially(c.form, &FAILURES)>
            <summary>{tr(K::FailuresMoney)}</summary>
            {c.defaulted(Field::Interruptions, |l| {
                let rate = fmt::compact(goodput::llama3_rate_per_gpu_hour());
                if l == Locale::Fr { rate.replace('.', ",") } else { rate }
            })}
            {c.defaulted(Field::Checkpoint, |l| fmt::duration(goodput::default_checkpoint_s(), l))}
            {c.defaulted(Field::Restart, |l| fmt::duration(goodput::default_restart_s(), l))}
            {c.placeheld(Field::PurchasePrice, purchase_placeholder)}
            {c.defaulted(Field::FacilityCost, |l| sig3(money::default_facility_usd_per_w(), l))}
            {c.defaulted(Field::Lifetime, |l| fmt::duration(money::default_lifetime_s(), l))}
        </details>
    }
}

/// The questions: a claimed time, a target time, a site's power, a budget.
fn questions(c: Ctx) -> impl IntoView {
    view! {
        <details class="group" data-group="questions" open=open_initially(c.form, &QUESTIONS)>
            <summary>{tr(K::Questions)}</summary>
            {c.text(Field::Claimed)}
            {c.text(Field::Target)}
            {c.text(Field::SitePower)}
            {c.text(Field::Budget)}
        </details>
    }
}
