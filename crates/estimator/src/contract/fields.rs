//! The scenario's numeric inputs, each declared once: its JSON key, the page's input name (also
//! its key in links), unit, allowed range, default, label and help in both languages, and how
//! it is read from text. The scenario check ([`crate::estimate`]), the JSON Schema's ranges,
//! the exports' input rows and the permalink (`quote`, through [`crate::query`]) all read this
//! table; adding an input starts with one entry here (docs/howto.md).
//!
//! The choices (model, chip, count unit, precision, sparsity) are not numbers and keep their
//! own types ([`crate::Workload`], [`crate::HardwareChoice`], …).
//!
//! ```
//! use zettaflop_estimator::fields;
//! let pue = fields::by_key("pue").unwrap();
//! assert_eq!(pue.name, Some("pue"));
//! assert!(pue.check(0.5).is_err());
//! assert_eq!(pue.resolve(&zettaflop_estimator::Scenario::default())?, Some(1.2));
//! assert_eq!(fields::by_name("site-power").unwrap().key, "site_power_w");
//! # Ok::<(), zettaflop_estimator::Error>(())
//! ```

use crate::catalog::{
    KG_CO2_PER_KWH_DEFAULT, PUE_DEFAULT, USD_PER_KWH_DEFAULT, UTILIZATION_DEFAULT,
};
use crate::error::Error;
use crate::format::compact;
use crate::limits::{self, Limit};
use crate::parse::Dimension;
use crate::utilization::Utilization;
use crate::workload::Workload;
use crate::{goodput, money, Scenario};

/// A text in English and French.
pub type Tr = (&'static str, &'static str);

/// What the estimate uses when a field is left out.
#[derive(Debug, Clone, Copy)]
pub enum Fallback {
    /// Nothing: the field must be given (for the workload's fields: when that kind of
    /// workload is chosen).
    Required,
    /// Nothing: the figure that needs it is not computed.
    Absent,
    /// A sourced default.
    Value(fn() -> f64),
    /// The chip's figure in the catalog (an error if it has none and the field is needed).
    Chip,
}

/// How a link writes the value (the page reads it back with [`Field::dimension`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkText {
    /// The number, compact (`64000`, `2.1e25`).
    Number,
    /// Seconds: `86400 s`.
    Seconds,
    /// Watts: `1.2e9 W`.
    Watts,
}

/// How a value or a bound is written back to the reader (in messages beside the field).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// An amount: grouped digits (`64,000`), or compact when huge (`2.1e25`).
    Amount,
    /// A percentage.
    Percent,
    /// A duration (`5 min`, `95 d`).
    Duration,
    /// Dollars.
    Money,
    /// Watts with an SI prefix.
    Power,
    /// Three significant digits (a ratio, a rate).
    Plain,
}

/// One numeric input of the scenario.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The JSON contract's key, as a path (`pue`, `workload.flop`); errors name it.
    pub key: &'static str,
    /// The page's input name (its element id is `in-<name>`) and its key in links; `None`
    /// when the page has no input for it.
    pub name: Option<&'static str>,
    /// The unit the exports write.
    pub unit: &'static str,
    /// The allowed range, checked by the estimate.
    pub limit: Limit,
    /// Whether the JSON Schema states the range (not when it applies on some paths only:
    /// `utilization` may be `"auto"`, `global_batch` is read by `"auto"` alone).
    pub in_schema: bool,
    /// Whether the scenario may leave it out.
    pub optional: bool,
    /// What is used when it is left out.
    pub fallback: Fallback,
    /// How it is read from typed text.
    pub dimension: Dimension,
    /// How a link writes it.
    pub link: LinkText,
    /// How a message writes it back.
    pub shown: Shown,
    /// Its label in the page's form.
    pub label: Tr,
    /// The hint under it.
    pub help: Tr,
    /// Its value in a scenario (`None`: left out, or not this kind of workload).
    pub value: fn(&Scenario) -> Option<f64>,
}

impl Field {
    /// Checks `v` against the field's range.
    ///
    /// # Errors
    /// Out of range or not whole, naming the field's key.
    pub fn check(&self, v: f64) -> Result<f64, Error> {
        self.limit.check(self.key, v)
    }

    /// The scenario's value, checked; `None` when left out.
    ///
    /// # Errors
    /// As [`Field::check`].
    pub fn given(&self, s: &Scenario) -> Result<Option<f64>, Error> {
        (self.value)(s).map(|v| self.check(v)).transpose()
    }

    /// The scenario's value, checked, or the field's sourced default; `None` when neither.
    ///
    /// # Errors
    /// As [`Field::check`].
    pub fn resolve(&self, s: &Scenario) -> Result<Option<f64>, Error> {
        Ok(match (self.given(s)?, self.fallback) {
            (Some(v), _) => Some(v),
            (None, Fallback::Value(default)) => Some(default()),
            (None, _) => None,
        })
    }

    /// The value as a link writes it.
    pub fn link_text(&self, v: f64) -> String {
        match self.link {
            LinkText::Number => compact(v),
            LinkText::Seconds => format!("{} s", compact(v)),
            LinkText::Watts => format!("{} W", compact(v)),
        }
    }

    /// Whether the field is one of the workload's (`workload.…`).
    pub fn is_workload(&self) -> bool {
        self.key.starts_with("workload.")
    }
}

/// The field with this JSON key.
pub fn by_key(key: &str) -> Option<&'static Field> {
    ALL.iter().copied().find(|f| f.key == key)
}

/// The field with this page input name (link key).
pub fn by_name(name: &str) -> Option<&'static Field> {
    ALL.iter().copied().find(|f| f.name == Some(name))
}

fn params(s: &Scenario) -> Option<(f64, f64, Option<f64>)> {
    match s.workload {
        Workload::Params {
            params,
            tokens,
            active_params,
        } => Some((params, tokens, active_params)),
        _ => None,
    }
}

/// What most fields are: an optional number, read as a plain amount, written in links as a
/// number, its range stated in the schema. Each field below says how it differs.
const NUMBER: Field = Field {
    key: "",
    name: None,
    unit: "",
    limit: limits::COUNT,
    in_schema: true,
    optional: true,
    fallback: Fallback::Absent,
    dimension: Dimension::Count,
    link: LinkText::Number,
    shown: Shown::Amount,
    label: ("", ""),
    help: ("", ""),
    value: |_| None,
};

/// Training compute (a workload given as FLOP).
pub const FLOP: Field = Field {
    key: "workload.flop",
    name: Some("flop"),
    unit: "FLOP",
    limit: limits::FLOP,
    optional: false,
    fallback: Fallback::Required,
    label: ("Training compute (FLOP)", "Calcul d'entraînement (FLOP)"),
    help: ("e.g. 2.1e25, 3.8e25", "ex. 2,1e25, 3,8e25"),
    value: |s| match s.workload {
        Workload::Flop { flop } => Some(flop),
        _ => None,
    },
    ..NUMBER
};
/// Parameters (a workload given as 6·N·D).
pub const PARAMS: Field = Field {
    key: "workload.params",
    name: Some("params"),
    unit: "",
    limit: limits::PARAMS,
    optional: false,
    fallback: Fallback::Required,
    label: ("Parameters N", "Paramètres N"),
    help: ("e.g. 175B, 405B, 1.8T", "ex. 175B, 405 milliards, 1,8T"),
    value: |s| params(s).map(|p| p.0),
    ..NUMBER
};
/// Training tokens (with the parameters).
pub const TOKENS: Field = Field {
    key: "workload.tokens",
    name: Some("tokens"),
    unit: "",
    limit: limits::TOKENS,
    optional: false,
    fallback: Fallback::Required,
    label: ("Training tokens D", "Jetons d'entraînement D"),
    help: ("e.g. 300B, 15T", "ex. 300B, 15T"),
    value: |s| params(s).map(|p| p.1),
    ..NUMBER
};
/// Active parameters of a mixture of experts.
pub const ACTIVE_PARAMS: Field = Field {
    key: "workload.active_params",
    name: Some("active-params"),
    unit: "",
    limit: limits::PARAMS,
    label: (
        "Active parameters (mixture of experts)",
        "Paramètres actifs (mélange d'experts)",
    ),
    help: ("optional, e.g. 37B", "facultatif, ex. 37B"),
    value: |s| params(s).and_then(|p| p.2),
    ..NUMBER
};
/// How many chips, packages or racks.
pub const COUNT: Field = Field {
    key: "count",
    name: Some("count"),
    unit: "",
    limit: limits::COUNT,
    optional: false,
    fallback: Fallback::Required,
    label: ("How many", "Combien"),
    help: ("e.g. 64,000, 64k, 25000", "ex. 64 000, 64k, 25000"),
    value: |s| Some(s.count),
    ..NUMBER
};
/// Model FLOPs utilization (or `"auto"`).
pub const UTILIZATION: Field = Field {
    key: "utilization",
    name: Some("utilization"),
    unit: "1",
    limit: limits::UTILIZATION,
    in_schema: false,
    fallback: Fallback::Value(|| UTILIZATION_DEFAULT.value),
    dimension: Dimension::Fraction,
    label: ("Utilization (MFU)", "Utilisation (MFU)"),
    help: (
        "share of the peak sustained: 0.4 or 40%; large runs reach 35-45%; auto = predicted from the best layout",
        "part du pic soutenue : 0,4 ou 40 % ; les grands entraînements atteignent 35-45 % ; auto = prédite par la meilleure répartition",
    ),
    value: |s| match s.utilization {
        Some(Utilization::Given(u)) => Some(u),
        _ => None,
    },
    shown: Shown::Percent,
    ..NUMBER
};
/// Sequences per optimizer step, for `"auto"`.
pub const GLOBAL_BATCH: Field = Field {
    key: "global_batch",
    name: None,
    unit: "sequences",
    limit: limits::PERF_BATCH,
    in_schema: false,
    label: ("Global batch (sequences)", "Lot global (séquences)"),
    help: (
        "default: 16 Mi tokens / sequence length",
        "par défaut : 16 Mi jetons / longueur de séquence",
    ),
    value: |s| s.global_batch.map(f64::from),
    ..NUMBER
};
/// Power usage effectiveness.
pub const PUE: Field = Field {
    key: "pue",
    name: Some("pue"),
    unit: "1",
    limit: limits::PUE,
    optional: false,
    fallback: Fallback::Value(|| PUE_DEFAULT.value),
    label: (
        "PUE (site power / IT power)",
        "PUE (puissance du site / informatique)",
    ),
    help: (
        "1.1-1.2 hyperscale, 1.58 industry average",
        "1,1-1,2 chez les hyperscalers, 1,58 en moyenne",
    ),
    value: |s| Some(s.pue),
    shown: Shown::Plain,
    ..NUMBER
};
/// Rental price per GPU-hour.
pub const USD_PER_CHIP_HOUR: Field = Field {
    key: "usd_per_chip_hour",
    name: Some("usd-per-chip-hour"),
    unit: "USD/GPU-h",
    limit: limits::USD_PER_CHIP_HOUR,
    fallback: Fallback::Chip,
    dimension: Dimension::Money,
    label: ("Price per GPU-hour ($)", "Prix par heure-GPU ($)"),
    help: (
        "empty: the catalog's rental price",
        "vide : le prix de location du catalogue",
    ),
    value: |s| s.usd_per_chip_hour,
    shown: Shown::Money,
    ..NUMBER
};
/// Electricity price.
pub const USD_PER_KWH: Field = Field {
    key: "usd_per_kwh",
    name: Some("usd-per-kwh"),
    unit: "USD/kWh",
    limit: limits::USD_PER_KWH,
    optional: false,
    fallback: Fallback::Value(|| USD_PER_KWH_DEFAULT.value),
    dimension: Dimension::Money,
    label: ("Electricity ($/kWh)", "Électricité ($/kWh)"),
    help: (
        "US industrial price about 0.08",
        "prix industriel aux États-Unis : environ 0,08",
    ),
    value: |s| Some(s.usd_per_kwh),
    shown: Shown::Money,
    ..NUMBER
};
/// Grid carbon intensity.
pub const KG_CO2_PER_KWH: Field = Field {
    key: "kg_co2_per_kwh",
    name: Some("kg-co2-per-kwh"),
    unit: "kg/kWh",
    limit: limits::KG_CO2_PER_KWH,
    optional: false,
    fallback: Fallback::Value(|| KG_CO2_PER_KWH_DEFAULT.value),
    label: ("Grid carbon (kg CO₂/kWh)", "Carbone du réseau (kg CO₂/kWh)"),
    help: ("US 2023: 0.367", "États-Unis 2023 : 0,367"),
    value: |s| Some(s.kg_co2_per_kwh),
    shown: Shown::Plain,
    ..NUMBER
};
/// A duration someone claims.
pub const CLAIMED_DURATION_S: Field = Field {
    key: "claimed_duration_s",
    name: Some("claimed-duration"),
    unit: "s",
    limit: limits::DURATION_S,
    dimension: Dimension::Duration,
    link: LinkText::Seconds,
    label: ("Claimed duration", "Durée annoncée"),
    help: (
        "check a claim: e.g. 12 h, 95 days (a bare number is days)",
        "vérifier une affirmation : ex. 12 h, 95 jours (un nombre seul = jours)",
    ),
    value: |s| s.claimed_duration_s,
    shown: Shown::Duration,
    ..NUMBER
};
/// A duration wanted.
pub const TARGET_DURATION_S: Field = Field {
    key: "target_duration_s",
    name: Some("target-duration"),
    unit: "s",
    limit: limits::DURATION_S,
    dimension: Dimension::Duration,
    link: LinkText::Seconds,
    label: ("Target duration", "Durée visée"),
    help: (
        "GPUs needed to finish in: e.g. 30 days",
        "GPU nécessaires pour finir en : ex. 30 jours",
    ),
    value: |s| s.target_duration_s,
    shown: Shown::Duration,
    ..NUMBER
};
/// Interruptions per GPU-hour.
pub const INTERRUPTIONS_PER_GPU_HOUR: Field = Field {
    key: "interruptions_per_gpu_hour",
    name: Some("interruptions"),
    unit: "1/GPU-h",
    limit: limits::INTERRUPTIONS_PER_GPU_HOUR,
    fallback: Fallback::Value(goodput::llama3_rate_per_gpu_hour),
    label: ("Interruptions per GPU-hour", "Interruptions par heure-GPU"),
    help: (
        "empty: Llama 3 405B's rate, 419 in 54 days on 16,384 H100",
        "vide : le taux de Llama 3 405B, 419 en 54 jours sur 16 384 H100",
    ),
    value: |s| s.interruptions_per_gpu_hour,
    shown: Shown::Plain,
    ..NUMBER
};
/// Time training stops to write a checkpoint.
pub const CHECKPOINT_S: Field = Field {
    key: "checkpoint_s",
    name: Some("checkpoint"),
    unit: "s",
    limit: limits::CHECKPOINT_S,
    fallback: Fallback::Value(goodput::default_checkpoint_s),
    dimension: Dimension::Duration,
    link: LinkText::Seconds,
    label: ("Checkpoint write time", "Écriture d'un point de reprise"),
    help: (
        "training stops meanwhile: e.g. 30 s, 2 min (a bare number is days)",
        "l'entraînement s'arrête pendant ce temps : ex. 30 s, 2 min (un nombre seul = jours)",
    ),
    value: |s| s.checkpoint_s,
    shown: Shown::Duration,
    ..NUMBER
};
/// Time from an interruption to training again.
pub const RESTART_S: Field = Field {
    key: "restart_s",
    name: Some("restart"),
    unit: "s",
    limit: limits::RESTART_S,
    fallback: Fallback::Value(goodput::default_restart_s),
    dimension: Dimension::Duration,
    link: LinkText::Seconds,
    label: (
        "Restart after an interruption",
        "Redémarrage après une interruption",
    ),
    help: (
        "detect, replace the node, reload: e.g. 5 min, 20 min",
        "détecter, remplacer le nœud, recharger : ex. 5 min, 20 min",
    ),
    value: |s| s.restart_s,
    shown: Shown::Duration,
    ..NUMBER
};
/// Purchase price of one GPU.
pub const USD_PURCHASE_PER_CHIP: Field = Field {
    key: "usd_purchase_per_chip",
    name: Some("usd-purchase-per-chip"),
    unit: "USD",
    limit: limits::USD_PURCHASE_PER_CHIP,
    fallback: Fallback::Chip,
    dimension: Dimension::Money,
    label: ("Purchase price per GPU ($)", "Prix d'achat par GPU ($)"),
    help: ("empty: the catalog's price", "vide : le prix du catalogue"),
    value: |s| s.usd_purchase_per_chip,
    shown: Shown::Money,
    ..NUMBER
};
/// Facility build cost per watt of IT power.
pub const FACILITY_USD_PER_W: Field = Field {
    key: "facility_usd_per_w",
    name: Some("facility-usd-per-w"),
    unit: "USD/W",
    limit: limits::FACILITY_USD_PER_W,
    fallback: Fallback::Value(money::default_facility_usd_per_w),
    dimension: Dimension::Money,
    label: (
        "Facility build cost ($ per W of IT power)",
        "Construction du site ($ par W informatique)",
    ),
    help: (
        "about 11.7, i.e. $11.7M per MW (9.3–15)",
        "environ 11,7, soit 11,7 M$ par MW (9,3–15)",
    ),
    value: |s| s.facility_usd_per_w,
    shown: Shown::Money,
    ..NUMBER
};
/// Amortization lifetime of owned hardware.
pub const LIFETIME_S: Field = Field {
    key: "lifetime_s",
    name: Some("lifetime"),
    unit: "s",
    limit: limits::LIFETIME_S,
    fallback: Fallback::Value(money::default_lifetime_s),
    dimension: Dimension::Duration,
    link: LinkText::Seconds,
    label: (
        "Owned hardware amortized over",
        "Matériel possédé amorti sur",
    ),
    help: ("e.g. 4 years, 6 years", "ex. 4 ans, 6 ans"),
    value: |s| s.lifetime_s,
    shown: Shown::Duration,
    ..NUMBER
};
/// A site's power.
pub const SITE_POWER_W: Field = Field {
    key: "site_power_w",
    name: Some("site-power"),
    unit: "W",
    limit: limits::SITE_POWER_W,
    dimension: Dimension::Power,
    link: LinkText::Watts,
    label: (
        "A site's power: how many GPUs does it hold?",
        "La puissance d'un site : combien de GPU accueille-t-il ?",
    ),
    help: ("e.g. 1.2 GW, 150 MW", "ex. 1,2 GW, 150 MW"),
    value: |s| s.site_power_w,
    shown: Shown::Power,
    ..NUMBER
};
/// A budget.
pub const BUDGET_USD: Field = Field {
    key: "budget_usd",
    name: Some("budget"),
    unit: "USD",
    limit: limits::BUDGET_USD,
    dimension: Dimension::Money,
    label: (
        "A budget: what does it buy?",
        "Un budget : qu'achète-t-il ?",
    ),
    help: ("e.g. $1B, 500 billion", "ex. 1 milliard, 500 milliards"),
    value: |s| s.budget_usd,
    shown: Shown::Money,
    ..NUMBER
};

/// Every numeric input, in the order the exports list them (the permalink writes the ones
/// always present first, then the optional ones, each in this order).
pub const ALL: &[&Field] = &[
    &FLOP,
    &PARAMS,
    &TOKENS,
    &ACTIVE_PARAMS,
    &COUNT,
    &UTILIZATION,
    &GLOBAL_BATCH,
    &PUE,
    &USD_PER_CHIP_HOUR,
    &USD_PER_KWH,
    &KG_CO2_PER_KWH,
    &CLAIMED_DURATION_S,
    &TARGET_DURATION_S,
    &INTERRUPTIONS_PER_GPU_HOUR,
    &CHECKPOINT_S,
    &RESTART_S,
    &USD_PURCHASE_PER_CHIP,
    &FACILITY_USD_PER_W,
    &LIFETIME_S,
    &SITE_POWER_W,
    &BUDGET_USD,
];
