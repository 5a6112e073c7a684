//! The page's inputs: one signal per field, read into a [`Scenario`]. Parsing and checking are
//! the estimator's; this module only binds text to it and says which field a problem belongs to.

use leptos::prelude::*;
use zettaflop_estimator::fields;
use zettaflop_estimator::format::{self as fmt, Locale};
use zettaflop_estimator::parse::{parse, Dimension};
use zettaflop_estimator::{
    catalog, estimate_in, input_message, CountUnit, HardwareChoice, Precision, Report, Scenario,
    Utilization, Workload,
};
use zettaflop_link::Choice;

use crate::share::Binding;

/// Model choices that are not presets.
pub const CUSTOM_FLOP: &str = "custom-flop";
/// Parameters × tokens.
pub const CUSTOM_PARAMS: &str = "custom-params";

/// A text input of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Flop,
    Params,
    Tokens,
    ActiveParams,
    Count,
    Utilization,
    Pue,
    UsdPerChipHour,
    UsdPerKwh,
    KgCo2PerKwh,
    Claimed,
    Target,
    // Scale: failures, sites and money.
    Interruptions,
    Checkpoint,
    Restart,
    PurchasePrice,
    FacilityCost,
    Lifetime,
    SitePower,
    Budget,
}

impl Field {
    /// The input's name (its id is `in-<name>`).
    pub fn name(self) -> &'static str {
        match self {
            Field::Flop => "flop",
            Field::Params => "params",
            Field::Tokens => "tokens",
            Field::ActiveParams => "active-params",
            Field::Count => "count",
            Field::Utilization => "utilization",
            Field::Pue => "pue",
            Field::UsdPerChipHour => "usd-per-chip-hour",
            Field::UsdPerKwh => "usd-per-kwh",
            Field::KgCo2PerKwh => "kg-co2-per-kwh",
            Field::Claimed => "claimed-duration",
            Field::Target => "target-duration",
            Field::Interruptions => "interruptions",
            Field::Checkpoint => "checkpoint",
            Field::Restart => "restart",
            Field::PurchasePrice => "usd-purchase-per-chip",
            Field::FacilityCost => "facility-usd-per-w",
            Field::Lifetime => "lifetime",
            Field::SitePower => "site-power",
            Field::Budget => "budget",
        }
    }

    /// How its text is read: the field registry's entry for this input.
    fn dimension(self) -> Dimension {
        fields::by_name(self.name()).map_or(Dimension::Count, |f| f.dimension)
    }

    /// Whether an empty field means "not given".
    fn optional(self) -> bool {
        matches!(
            self,
            Field::ActiveParams
                | Field::UsdPerChipHour
                | Field::Claimed
                | Field::Target
                | Field::Interruptions
                | Field::Checkpoint
                | Field::Restart
                | Field::PurchasePrice
                | Field::FacilityCost
                | Field::Lifetime
                | Field::SitePower
                | Field::Budget
        )
    }
}

/// A problem and the input it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    /// Input name (see [`Field::name`]), or `model`, `hardware`, `count-unit`, `precision`, `sparse`.
    pub field: &'static str,
    /// What is wrong.
    pub message: String,
}

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

/// Which input an estimator error path belongs to: the registry's input for a numeric field,
/// else the choice it names (a hardware path is the chip; anything else, the model).
pub fn input_for(path: &str) -> &'static str {
    if let Some(name) = fields::by_key(path).and_then(|f| f.name) {
        return name;
    }
    match path {
        "count_unit" => "count-unit",
        "precision" => "precision",
        "sparse" => "sparse",
        p if p.starts_with("hardware") => "hardware",
        _ => "model",
    }
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

const FIELDS: [Field; 20] = [
    Field::Flop,
    Field::Params,
    Field::Tokens,
    Field::ActiveParams,
    Field::Count,
    Field::Utilization,
    Field::Pue,
    Field::UsdPerChipHour,
    Field::UsdPerKwh,
    Field::KgCo2PerKwh,
    Field::Claimed,
    Field::Target,
    Field::Interruptions,
    Field::Checkpoint,
    Field::Restart,
    Field::PurchasePrice,
    Field::FacilityCost,
    Field::Lifetime,
    Field::SitePower,
    Field::Budget,
];

impl Default for Form {
    fn default() -> Self {
        Form::new()
    }
}

/// A text field's text when the page opens in English.
pub fn initial(f: Field) -> String {
    initial_in(f, Locale::En)
}

/// A text field's default text, written `l`'s way (`64,000` / `64 000`, `1.2` / `1,2`).
pub fn initial_in(f: Field, l: Locale) -> String {
    let fr = l == Locale::Fr;
    match f {
        Field::Flop => if fr { "2,1e25" } else { "2.1e25" }.into(),
        Field::Params => if fr { "175 Md" } else { "175B" }.into(),
        Field::Tokens => if fr { "300 Md" } else { "300B" }.into(),
        Field::Count => fmt::grouped(64_000.0, 0, l),
        Field::Utilization => if fr { "40\u{202f}%" } else { "40%" }.into(),
        Field::Pue => fmt::sig3(catalog::PUE_DEFAULT.value, l),
        Field::UsdPerKwh => fmt::sig3(catalog::USD_PER_KWH_DEFAULT.value, l),
        Field::KgCo2PerKwh => fmt::sig3(catalog::KG_CO2_PER_KWH_DEFAULT.value, l),
        _ => String::new(),
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
        self.value_in(field, Locale::En)
    }

    /// The field's value, with the error message in `l`.
    pub fn value_in(&self, field: Field, l: Locale) -> Result<Option<f64>, FieldError> {
        self.text(field).with(|t| {
            if field.optional() && t.trim().is_empty() {
                return Ok(None);
            }
            if field == Field::Utilization && t.trim().eq_ignore_ascii_case("auto") {
                return Ok(None);
            }
            parse(t, field.dimension())
                .map(Some)
                .map_err(|e| FieldError {
                    field: field.name(),
                    message: e.text(l).to_string(),
                })
        })
    }

    fn required(&self, field: Field, l: Locale) -> Result<f64, FieldError> {
        let missing = if l == Locale::Fr {
            "obligatoire"
        } else {
            "required"
        };
        self.value_in(field, l)?.ok_or(FieldError {
            field: field.name(),
            message: missing.into(),
        })
    }

    /// The utilization field: a share of the peak, or `auto`.
    fn utilization(&self, l: Locale) -> Result<Utilization, FieldError> {
        if self
            .text(Field::Utilization)
            .with(|t| t.trim().eq_ignore_ascii_case("auto"))
        {
            return Ok(Utilization::Auto);
        }
        Ok(Utilization::Given(self.required(Field::Utilization, l)?))
    }

    /// Whether the custom workload fields are in use.
    pub fn custom(&self) -> Option<&'static str> {
        self.model.with(|m| match m.as_str() {
            CUSTOM_FLOP => Some(CUSTOM_FLOP),
            CUSTOM_PARAMS => Some(CUSTOM_PARAMS),
            _ => None,
        })
    }

    /// Reads every input into a scenario.
    ///
    /// # Errors
    /// The first input that does not parse.
    pub fn scenario(&self, l: Locale) -> Result<Scenario, FieldError> {
        let workload = match self.custom() {
            Some(CUSTOM_FLOP) => Workload::Flop {
                flop: self.required(Field::Flop, l)?,
            },
            Some(_) => Workload::Params {
                params: self.required(Field::Params, l)?,
                tokens: self.required(Field::Tokens, l)?,
                active_params: self.value_in(Field::ActiveParams, l)?,
            },
            None => Workload::Preset(self.model.get()),
        };
        let count_unit = match self.count_unit.get().as_str() {
            "package" => CountUnit::Package,
            "rack" => CountUnit::Rack,
            _ => CountUnit::Chip,
        };
        Ok(Scenario {
            workload,
            hardware: HardwareChoice::Id(self.hardware.get()),
            count: self.required(Field::Count, l)?,
            count_unit,
            precision: Precision::from_id(&self.precision.get()).unwrap_or_default(),
            sparse: self.sparse.get(),
            utilization: Some(self.utilization(l)?),
            pue: self.required(Field::Pue, l)?,
            usd_per_chip_hour: self.value_in(Field::UsdPerChipHour, l)?,
            usd_per_kwh: self.required(Field::UsdPerKwh, l)?,
            kg_co2_per_kwh: self.required(Field::KgCo2PerKwh, l)?,
            claimed_duration_s: self.value_in(Field::Claimed, l)?,
            target_duration_s: self.value_in(Field::Target, l)?,
            global_batch: None,
            interruptions_per_gpu_hour: self.value_in(Field::Interruptions, l)?,
            checkpoint_s: self.value_in(Field::Checkpoint, l)?,
            restart_s: self.value_in(Field::Restart, l)?,
            usd_purchase_per_chip: self.value_in(Field::PurchasePrice, l)?,
            facility_usd_per_w: self.value_in(Field::FacilityCost, l)?,
            lifetime_s: self.value_in(Field::Lifetime, l)?,
            site_power_w: self.value_in(Field::SitePower, l)?,
            budget_usd: self.value_in(Field::Budget, l)?,
        })
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
        estimate_in(&s, l).map_err(|e| {
            let field = input_for(e.field());
            // Said in the field's unit, with what was typed ("150 %: at most 100 %").
            let typed = FIELDS
                .iter()
                .find(|f| f.name() == field)
                .map(|f| self.text(*f).get_untracked())
                .unwrap_or_default();
            FieldError {
                field,
                message: input_message::message(&e, &typed, l),
            }
        })
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod registry_agrees {
    use super::*;

    #[test]
    fn every_input_is_a_registered_field_with_the_same_reading() {
        for f in FIELDS {
            let spec = fields::by_name(f.name()).unwrap_or_else(|| panic!("{}", f.name()));
            assert_eq!(input_for(spec.key), f.name(), "{}", spec.key);
        }
        // The readings the page relied on before the registry drove them.
        let dim = |f: Field| f.dimension();
        assert_eq!(dim(Field::Utilization), Dimension::Fraction);
        for f in [
            Field::Claimed,
            Field::Target,
            Field::Checkpoint,
            Field::Restart,
            Field::Lifetime,
        ] {
            assert_eq!(dim(f), Dimension::Duration, "{}", f.name());
        }
        for f in [
            Field::UsdPerChipHour,
            Field::UsdPerKwh,
            Field::PurchasePrice,
            Field::FacilityCost,
            Field::Budget,
        ] {
            assert_eq!(dim(f), Dimension::Money, "{}", f.name());
        }
        assert_eq!(dim(Field::SitePower), Dimension::Power);
        for f in [
            Field::Flop,
            Field::Params,
            Field::Tokens,
            Field::ActiveParams,
            Field::Count,
            Field::Pue,
            Field::KgCo2PerKwh,
            Field::Interruptions,
        ] {
            assert_eq!(dim(f), Dimension::Count, "{}", f.name());
        }
        // The choices keep their inputs.
        assert_eq!(input_for("count_unit"), "count-unit");
        assert_eq!(input_for("hardware.peak_flop_per_s"), "hardware");
        assert_eq!(input_for("workload"), "model");
    }
}
