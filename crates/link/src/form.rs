//! The page's calculator form without the page: its text inputs ([`Field`]), their defaults,
//! and how the inputs read into a [`Scenario`] and an estimate, with the input a problem belongs
//! to ([`FieldError`]). The page's Leptos form reads its signals through [`Read`]; the light
//! module that answers before the page's app is loaded (`crates/live`) reads the DOM.

use zettaflop_estimator::fields;
use zettaflop_estimator::format::{self as fmt, Locale};
use zettaflop_estimator::parse::{parse, Dimension};
use zettaflop_estimator::{
    catalog, estimate_in, input_message, CountUnit, HardwareChoice, Precision, Report, Scenario,
    Utilization, Workload,
};

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
    pub fn dimension(self) -> Dimension {
        fields::by_name(self.name()).map_or(Dimension::Count, |f| f.dimension)
    }

    /// Whether an empty field means "not given".
    pub fn optional(self) -> bool {
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

/// Every text input, in the form's order.
pub const FIELDS: [Field; 20] = [
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

/// What the form holds, however it is held.
pub trait Read {
    /// `g` applied to a text field's text.
    fn with_text<R>(&self, f: Field, g: impl FnOnce(&str) -> R) -> R;
    /// The model choice (a preset id, [`CUSTOM_FLOP`] or [`CUSTOM_PARAMS`]).
    fn model(&self) -> String;
    /// The chip's id.
    fn hardware(&self) -> String;
    /// `chip`, `package` or `rack`.
    fn count_unit(&self) -> String;
    /// The precision's id.
    fn precision(&self) -> String;
    /// Whether the sparse peak is asked for.
    fn sparse(&self) -> bool;
}

/// A field's value: `Ok(None)` when an optional field is empty (or utilization is `auto`),
/// with the error message in `l`.
pub fn value_in(r: &impl Read, field: Field, l: Locale) -> Result<Option<f64>, FieldError> {
    r.with_text(field, |t| {
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

fn required(r: &impl Read, field: Field, l: Locale) -> Result<f64, FieldError> {
    let missing = if l == Locale::Fr {
        "obligatoire"
    } else {
        "required"
    };
    value_in(r, field, l)?.ok_or(FieldError {
        field: field.name(),
        message: missing.into(),
    })
}

/// The utilization field: a share of the peak, or `auto`.
fn utilization(r: &impl Read, l: Locale) -> Result<Utilization, FieldError> {
    if r.with_text(Field::Utilization, |t| {
        t.trim().eq_ignore_ascii_case("auto")
    }) {
        return Ok(Utilization::Auto);
    }
    Ok(Utilization::Given(required(r, Field::Utilization, l)?))
}

/// Whether a model choice is one of the custom workloads.
pub fn custom(model: &str) -> Option<&'static str> {
    match model {
        CUSTOM_FLOP => Some(CUSTOM_FLOP),
        CUSTOM_PARAMS => Some(CUSTOM_PARAMS),
        _ => None,
    }
}

/// Reads every input into a scenario.
///
/// # Errors
/// The first input that does not parse.
pub fn scenario(r: &impl Read, l: Locale) -> Result<Scenario, FieldError> {
    let workload = match custom(&r.model()) {
        Some(CUSTOM_FLOP) => Workload::Flop {
            flop: required(r, Field::Flop, l)?,
        },
        Some(_) => Workload::Params {
            params: required(r, Field::Params, l)?,
            tokens: required(r, Field::Tokens, l)?,
            active_params: value_in(r, Field::ActiveParams, l)?,
        },
        None => Workload::Preset(r.model()),
    };
    let count_unit = match r.count_unit().as_str() {
        "package" => CountUnit::Package,
        "rack" => CountUnit::Rack,
        _ => CountUnit::Chip,
    };
    let v = |f| value_in(r, f, l);
    Ok(Scenario {
        workload,
        hardware: HardwareChoice::Id(r.hardware()),
        count: required(r, Field::Count, l)?,
        count_unit,
        precision: Precision::from_id(&r.precision()).unwrap_or_default(),
        sparse: r.sparse(),
        utilization: Some(utilization(r, l)?),
        pue: required(r, Field::Pue, l)?,
        usd_per_chip_hour: v(Field::UsdPerChipHour)?,
        usd_per_kwh: required(r, Field::UsdPerKwh, l)?,
        kg_co2_per_kwh: required(r, Field::KgCo2PerKwh, l)?,
        claimed_duration_s: v(Field::Claimed)?,
        target_duration_s: v(Field::Target)?,
        global_batch: None,
        interruptions_per_gpu_hour: v(Field::Interruptions)?,
        checkpoint_s: v(Field::Checkpoint)?,
        restart_s: v(Field::Restart)?,
        usd_purchase_per_chip: v(Field::PurchasePrice)?,
        facility_usd_per_w: v(Field::FacilityCost)?,
        lifetime_s: v(Field::Lifetime)?,
        site_power_w: v(Field::SitePower)?,
        budget_usd: v(Field::Budget)?,
    })
}

/// The estimate of a scenario read from the form, its sentences in `l`; an estimator error is
/// said in the unit of the input it belongs to, with what was typed ("150 %: at most 100 %").
///
/// # Errors
/// The input the estimator's error belongs to.
pub fn estimate(r: &impl Read, s: &Scenario, l: Locale) -> Result<Report, FieldError> {
    estimate_in(s, l).map_err(|e| {
        let field = input_for(e.field());
        let typed = FIELDS
            .iter()
            .find(|f| f.name() == field)
            .map(|f| r.with_text(*f, str::to_string))
            .unwrap_or_default();
        FieldError {
            field,
            message: input_message::message(&e, &typed, l),
        }
    })
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
