//! Working a claim backwards: what a "model in N days on M chips" (or a quoted peak, a site's
//! power, a budget, GPU-hours, a run's cost, an "N× faster", H100-equivalents, a benchmark
//! window) implies under every reading that matters, and whether it holds.
//!
//! Every figure a claim leans on has a range (the model's compute, the all-in power per GPU and
//! the PUE, the chip's price with or without its server, the utilization band): a claim is
//! **impossible** only when it fails even at the favourable end of every range, **optimistic**
//! when it needs that end, **plausible** inside the central band, **misleading** when it holds
//! only under a reading it does not state, **wrong** when no reading gives its figure (the
//! reason says by which factor). Press figures are rounded: within [`PEAK_MATCH`] a figure
//! matches. The rules, their thresholds and sources: `docs/claims.md`.
//!
//! ```
//! use zettaflop_estimator::claim::{check, Claim, Verdict};
//! use zettaflop_estimator::format::Locale;
//! // "GPT-4 in 12 hours on 64,000 GB200": 152 % of the dense FP16 peak at Epoch's central
//! // compute, and still 59 % at the low end of its interval: optimistic, not impossible.
//! let claim: Claim = serde_json::from_str(r#"{"workload": "gpt-4", "duration_s": 43200,
//!     "count": 64000, "count_unit": "package", "hardware": "gb200", "precision": "fp16"}"#).unwrap();
//! let report = check(&claim, Locale::En)?;
//! assert_eq!(report.verdict, Verdict::Optimistic);
//! # Ok::<(), zettaflop_estimator::Error>(())
//! ```

mod budget;
mod builtin;
mod compare;
mod duration;
mod equivalent;
mod hours;
mod input;
pub mod library;
mod peak;
mod power;
mod readings;
mod report;
mod verdict;
mod words;

use serde::{Deserialize, Serialize};

use crate::catalog::PUE_DEFAULT;
use crate::error::Error;
use crate::format::Locale;
use crate::hardware::{CountUnit, HardwareChoice, Precision};
use crate::workload::Workload;

pub use report::{
    BudgetCheck, CheckReport, CompareCheck, CompareReading, CountReading, Equivalence, HoursCheck,
    PowerCheck, Reading, WindowCheck,
};
pub use verdict::Verdict;

/// Two figures closer than this (relative) are the same figure: press figures are rounded
/// (0.64 ZFLOP/s for 0.6 to 0.68), so a quoted peak within 10 % of a reading matches it.
pub const PEAK_MATCH: f64 = 0.10;
/// The rounding allowed on a power, a budget or a price before a claim fails (10 %, as
/// [`PEAK_MATCH`]).
pub const POWER_SLACK: f64 = 1.10;

/// A claim as the press makes it. Give at least one question: `workload` with `duration_s` or
/// `gpu_hours`, `quoted_peak_flop_per_s`, `site_power_w`, `site_energy_wh`, `budget_usd`,
/// `run_cost_usd` or `comparison`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// What was (or would be) trained.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workload: Option<Workload>,
    /// In how long (wall clock).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_s: Option<f64>,
    /// How many chips the claim names.
    pub count: f64,
    /// As the claim counts them (the other readings are tried too).
    #[serde(default)]
    pub count_unit: CountUnit,
    /// Which chip.
    pub hardware: HardwareChoice,
    /// The precision the claim quotes, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precision: Option<Precision>,
    /// A peak the claim quotes for the whole cluster (with a `comparison`: the figure compared).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quoted_peak_flop_per_s: Option<f64>,
    /// A site power the claim says the chips fit in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site_power_w: Option<f64>,
    /// An energy (Wh) the claim gives where a power is meant ("150 MWh" for a site): read as
    /// that many watts for one hour, i.e. a power.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site_energy_wh: Option<f64>,
    /// A budget the claim says buys the chips.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_usd: Option<f64>,
    /// PUE for the power question (default 1.2; the favourable end reads the site's figure as
    /// IT power, PUE 1).
    #[serde(default = "default_pue")]
    pub pue: f64,
    /// GPU-hours the claim gives (instead of, or beside, a wall-clock duration).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gpu_hours: Option<f64>,
    /// Price per GPU-hour the claim uses (default: the catalog's rental price and its range).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usd_per_gpu_hour: Option<f64>,
    /// What the claim says a run cost (GPU-hours × price).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run_cost_usd: Option<f64>,
    /// The count is in "equivalents" of this catalog chip (e.g. `h100` for "288,000
    /// H100-equivalents"): the GPUs of `hardware` with the same dense 16-bit peak.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equivalent_of: Option<String>,
    /// An "N× faster than X" the claim makes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparison: Option<Comparison>,
    /// The compute of the benchmark window `duration_s` actually measured (MLPerf's GPT-3 run
    /// trains about 0.4 % of GPT-3), when the claim reads it as the whole training.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_flop: Option<f64>,
    /// The benchmark window's own time, when the claim extrapolates it to `duration_s` for the
    /// whole run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_s: Option<f64>,
}

/// "N× faster than X": the claim's factor and what it compares with (a catalog chip, or a
/// machine's figure at a precision).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    /// How many times faster (or more compute) the claim says.
    pub factor: f64,
    /// The chip compared with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub than: Option<HardwareChoice>,
    /// How many of them (default: the claim's count).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub than_count: Option<f64>,
    /// Or a machine's figure (FLOP/s), such as a supercomputer's FP64 result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub than_flop_per_s: Option<f64>,
    /// The precision of that figure (default: 16-bit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub than_precision: Option<Precision>,
}

fn default_pue() -> f64 {
    PUE_DEFAULT.value
}

impl Default for Claim {
    fn default() -> Self {
        Claim {
            workload: None,
            duration_s: None,
            count: 1.0,
            count_unit: CountUnit::Chip,
            hardware: HardwareChoice::default(),
            precision: None,
            quoted_peak_flop_per_s: None,
            site_power_w: None,
            site_energy_wh: None,
            budget_usd: None,
            pue: default_pue(),
            gpu_hours: None,
            usd_per_gpu_hour: None,
            run_cost_usd: None,
            equivalent_of: None,
            comparison: None,
            window_flop: None,
            window_s: None,
        }
    }
}

/// Checks a claim: each question it asks (duration or GPU-hours, quoted peak, power, budget,
/// run cost, comparison), each under every reading; the claim's verdict is the most severe of
/// its questions' verdicts, and its reason joins theirs.
///
/// # Errors
/// Nothing to check, an unknown id, a number out of range (field named as in the claim JSON).
pub fn check(claim: &Claim, l: Locale) -> Result<CheckReport, Error> {
    let ctx = input::Context::new(claim)?;
    let mut out = CheckReport::empty(&ctx);
    let mut sections: Vec<(Verdict, String)> = Vec::new();
    out.equivalence = equivalent::check(&ctx, l, &mut sections)?;
    out.readings = readings::all(&ctx, l)?;
    duration::section(&ctx, &mut out, l, &mut sections);
    out.window = duration::window(&ctx, &out, l, &mut sections)?;
    peak::section(&ctx, &out.readings, l, &mut sections);
    out.power = power::check(&ctx, l, &mut sections)?;
    out.budget = budget::check(&ctx, l, &mut sections)?;
    out.hours = hours::check(&ctx, l, &mut sections)?;
    out.comparison = compare::check(&ctx, l, &mut sections)?;
    let (verdict, summary) = sections
        .iter()
        .max_by_key(|(v, _)| v.rank())
        .cloned()
        .unwrap_or((Verdict::Wrong, String::new()));
    out.verdict = verdict;
    out.summary = summary;
    out.reason = sections
        .iter()
        .map(|(_, s)| s.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Ok(out)
}

#[cfg(test)]
mod tests {
    use crate::text::keys::check;

    #[test]
    fn every_reason_is_written_in_both_languages() {
        let tables = [
            check(super::words::Words::ALL, super::words::Words::pair),
            check(super::input::Fails::ALL, super::input::Fails::pair),
            check(super::budget::Says::ALL, super::budget::Says::pair),
            check(super::compare::Says::ALL, super::compare::Says::pair),
            check(super::duration::Says::ALL, super::duration::Says::pair),
            check(super::equivalent::Says::ALL, super::equivalent::Says::pair),
            check(super::hours::Says::ALL, super::hours::Says::pair),
            check(super::peak::Says::ALL, super::peak::Says::pair),
            check(super::power::Says::ALL, super::power::Says::pair),
            check(super::readings::Says::ALL, super::readings::Says::pair),
        ];
        for t in tables {
            assert_eq!(t, Ok(()));
        }
    }
}
