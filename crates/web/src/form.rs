//! The page's inputs: one signal per field, read into a [`Scenario`]. Parsing and checking are
//! the estimator's; this module only binds text to it and says which field a problem belongs to.

use leptos::prelude::*;
use zettaflop_estimator::format::Locale;
#[cfg(all(feature = "lite", target_arch = "wasm32"))]
use zettaflop_estimator::Utilization;
use zettaflop_estimator::{catalog, Precision, Report, Scenario};
use zettaflop_link::form::{self as shared, Read, FIELDS};
pub use zettaflop_link::form::{
    initial, initial_in, input_for, Field, FieldError, CUSTOM_FLOP, CUSTOM_PARAMS,
};
use zettaflop_link::Choice;

use crate::share::Binding;

/// The message of `outcome`'s error when it belongs to the input `name`, for display beside it.
pub fn message_for<T: Send + Sync + 'static>(
    outcome: Memo<Result<T, FieldError>>,
    name: &'static str,
) -> Signal<Option<String>>
where
    Result<T, FieldError>: PartialEq,
{
    Signal::derive(move || {
        outcome.with(|o| {
            o.as_ref()
                .err()
                .filter(|p| p.field == name)
                .map(|p| p.message.clone())
        })
    })
}

/// One signal per input. Copy: every field is a signal handle.
#[derive(Debug, Clone, Copy)]
pub struct Form {
    pub model: RwSignal<String>,
    pub hardware: RwSignal<String>,
    pub count_unit: RwSignal<String>,
    pub precision: RwSignal<String>,
    pub sparse: RwSignal<bool>,
    texts: [RwSignal<String>; 20],
}

impl Default for Form {
    fn default() -> Self {
        Form::new()
    }
}

impl Form {
    /// The seed article's case: GPT-4 on 64,000 GB200 superchips, sourced defaults.
    pub fn new() -> Form {
        Form {
            model: RwSignal::new("gpt-4".into()),
            hardware: RwSignal::new("gb200".into()),
            count_unit: RwSignal::new("package".into()),
            precision: RwSignal::new("bf16".into()),
            sparse: RwSignal::new(false),
            texts: FIELDS.map(|f| RwSignal::new(initial(f))),
        }
    }

    /// Every input with its name (the id is `in-<name>`), for links: the text fields of
    /// [`FIELDS`], then the choices.
    pub fn bindings(&self) -> Vec<Binding> {
        let mut v: Vec<Binding> = FIELDS
            .iter()
            .map(|f| {
                let defaults = [initial_in(*f, Locale::En), initial_in(*f, Locale::Fr)];
                Binding::text_in(f.name(), self.text(*f), defaults)
            })
            .collect();
        v.extend([
            Binding::choice("model", self.model, Choice::Model),
            Binding::choice("hardware", self.hardware, Choice::Hardware),
            Binding::choice("count-unit", self.count_unit, Choice::CountUnit),
            Binding::choice("precision", self.precision, Choice::Precision),
            Binding::flag("sparse", self.sparse),
        ]);
        v
    }

    /// The signal holding a text field.
    pub fn text(&self, field: Field) -> RwSignal<String> {
        let i = FIELDS.iter().position(|f| *f == field).unwrap_or(0);
        self.texts[i]
    }

    /// The field's value: `Ok(None)` when an optional field is empty; errors in English.
    pub fn value(&self, field: Field) -> Result<Option<f64>, FieldError> {
        shared::value_in(self, field, Locale::En)
    }

    /// Whether the custom workload fields are in use.
    pub fn custom(&self) -> Option<&'static str> {
        self.model.with(|m| shared::custom(m))
    }

    /// Reads every input into a scenario.
    ///
    /// # Errors
    /// The first input that does not parse.
    pub fn scenario(&self, l: Locale) -> Result<Scenario, FieldError> {
        shared::scenario(self, l)
    }

    /// The estimate of the current inputs, its sentences in `l`.
    pub fn outcome(&self, l: Locale) -> Result<Report, FieldError> {
        let s = self.scenario(l)?;
        // The light first module has no performance model: "auto" loads the full app, which
        // takes the page over and computes it; meanwhile the field says so.
        #[cfg(all(feature = "lite", target_arch = "wasm32"))]
        if s.utilization == Some(Utilization::Auto) {
            crate::lazy::load_full(None);
            return Err(FieldError {
                field: Field::Utilization.name(),
                message: crate::i18n::t(crate::i18n::K::LoadingModel, l).into(),
            });
        }
        shared::estimate(self, &s, l)
    }

    /// Picks a cluster of the catalog: its chip and GPU count fill the cluster inputs (an event,
    /// not an effect).
    pub fn choose_cluster(&self, id: &str) {
        if let Some((hw, gpus)) = catalog::cluster(id).and_then(|c| c.hardware.zip(c.gpus)) {
            self.choose_hardware(hw.to_string());
            self.count_unit.set("chip".into());
            self.text(Field::Count).set(format!("{gpus}"));
        }
    }

    /// Picks a chip, keeping the precision and count unit valid for it (an event, not an effect).
    pub fn choose_hardware(&self, id: String) {
        if let Some(a) = catalog::accelerator(&id) {
            let supported = a.peaks.supported();
            let current = Precision::from_id(&self.precision.get_untracked());
            if current.is_none_or(|p| !supported.contains(&p)) {
                let fallback = [Precision::Bf16, Precision::Fp16]
                    .into_iter()
                    .find(|p| supported.contains(p));
                if let Some(p) = fallback.or(supported.first().copied()) {
                    self.precision.set(p.id().into());
                }
            }
            if !a.sparse {
                self.sparse.set(false);
            }
            if self.count_unit.get_untracked() == "rack" && a.gpus_per_rack.is_none() {
                self.count_unit.set("chip".into());
            }
        }
        self.hardware.set(id);
    }
}

/// The signals, read tracked: a memo over the form follows every input it read.
impl Read for Form {
    fn with_text<R>(&self, f: Field, g: impl FnOnce(&str) -> R) -> R {
        self.text(f).with(|t| g(t))
    }
    fn model(&self) -> String {
        self.model.get()
    }
    fn hardware(&self) -> String {
        self.hardware.get()
    }
    fn count_unit(&self) -> String {
        self.count_unit.get()
    }
    fn precision(&self) -> String {
        self.precision.get()
    }
    fn sparse(&self) -> bool {
        self.sparse.get()
    }
}
