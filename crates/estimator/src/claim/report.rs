//! The answer to a claim: its readings and one section per question (the JSON contract).

use serde::{Deserialize, Serialize};

use crate::hardware::{CountUnit, Precision};
use crate::report::Range;

use super::input::{Context, Time};
use super::Verdict;

/// One way of reading the claim's chips: a count unit, a precision, dense or sparse.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Reading {
    /// The count read as chips (GPUs), packages or racks.
    pub count_unit: CountUnit,
    /// GPUs under that reading.
    pub gpus: f64,
    /// Precision.
    pub precision: Precision,
    /// Sparse peak or dense.
    pub sparse: bool,
    /// Cluster peak under this reading.
    pub peak_flop_per_s: f64,
    /// For a training claim: C / (peak × duration) at the central compute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implied_utilization: Option<f64>,
    /// The same at the low and high ends of the model's compute interval.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implied_utilization_range: Option<Range>,
    /// For a training claim: implied utilization ≤ 1 at the favourable end of the compute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub physically_possible: Option<bool>,
    /// For a quoted peak: whether this reading gives it (within 10 %).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matches_quoted_peak: Option<bool>,
    /// How the reading fares.
    pub verdict: Verdict,
    /// Why, in one sentence.
    pub reason: String,
}

/// A count reading for the power and budget questions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CountReading {
    /// The count read as.
    pub count_unit: CountUnit,
    /// GPUs.
    pub gpus: f64,
    /// Power needed (W) or cost (USD) at the central figures.
    pub needed: f64,
    /// Needed / available at the central figures.
    pub ratio: f64,
    /// Needed at the favourable end (PUE 1 and the low all-in power; the chip without its
    /// server).
    pub needed_favourable: f64,
    /// Per GPU: the site's watts or the budget's dollars.
    pub per_gpu: f64,
    /// Verdict.
    pub verdict: Verdict,
}

/// Whether the chips fit in a site's power.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PowerCheck {
    /// The site's power the claim gives (W).
    pub site_power_w: f64,
    /// The energy (Wh) the claim wrote where a power was meant, if it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site_energy_wh: Option<f64>,
    /// GPUs it holds at the central all-in power and PUE.
    pub gpus_supported: f64,
    /// Watts per GPU a site needs: favourable (low all-in power, PUE 1), central, high.
    pub w_per_gpu: Range,
    /// The chip's own TDP (W), the floor no reading goes below.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tdp_w: Option<f64>,
    /// Equivalent US homes.
    pub homes: f64,
    /// Per count reading.
    pub readings: Vec<CountReading>,
    /// The stated reading's verdict (misleading when only another reading fits).
    pub verdict: Verdict,
    /// Why.
    pub reason: String,
}

/// Whether a budget buys the chips.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BudgetCheck {
    /// The budget the claim gives.
    pub budget_usd: f64,
    /// GPUs it buys at the central price (the catalog's purchase price).
    pub gpus_affordable: f64,
    /// Price per GPU: the chip alone (favourable), the catalog's price with its server share,
    /// the highest price sourced.
    pub usd_per_gpu: Range,
    /// Per count reading: what the chips cost.
    pub readings: Vec<CountReading>,
    /// The stated reading's verdict.
    pub verdict: Verdict,
    /// Why.
    pub reason: String,
}

/// GPU-hours and what they cost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HoursCheck {
    /// GPU-hours (given, or count × duration).
    pub gpu_hours: f64,
    /// Wall clock on the claim's GPUs (s).
    pub wall_clock_s: f64,
    /// Price per GPU-hour: low, central, high (the claim's own price is a point).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usd_per_gpu_hour: Option<Range>,
    /// GPU-hours × price.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_usd: Option<Range>,
    /// The run cost the claim gives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run_cost_usd: Option<f64>,
    /// Run cost / GPU-hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implied_usd_per_gpu_hour: Option<f64>,
    /// The run cost's verdict, if the claim gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    /// Why.
    pub reason: String,
}

/// One pairing of precisions for an "N× faster".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CompareReading {
    /// The claim's chips at this precision.
    pub precision: Precision,
    /// Sparse or dense.
    pub sparse: bool,
    /// Against this precision of the other side.
    pub than_precision: Precision,
    /// The ratio of the peaks.
    pub ratio: f64,
    /// Within 10 % of the claim's factor, or above it.
    pub holds: bool,
}

/// An "N× faster than X", measure by measure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CompareCheck {
    /// The claim's factor.
    pub factor: f64,
    /// The ratio at equal precision, dense (16-bit where both have it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub like_for_like: Option<f64>,
    /// Every pairing.
    pub readings: Vec<CompareReading>,
    /// Verdict.
    pub verdict: Verdict,
    /// Why.
    pub reason: String,
}

/// A count in "equivalents" of another chip, converted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Equivalence {
    /// The chip the count is in (e.g. `h100`).
    pub of: String,
    /// GPUs of the claim's chip per equivalent (dense 16-bit peaks).
    pub gpus_per_equivalent: f64,
    /// GPUs of the claim's chip.
    pub gpus: f64,
}

/// A benchmark window read as a whole run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WindowCheck {
    /// The compute the benchmark trains.
    pub window_flop: f64,
    /// Its share of the whole run's compute.
    pub share: f64,
    /// The benchmark's utilization of the plain dense peak.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_utilization: Option<f64>,
    /// The whole run at the benchmark's rate (s).
    pub full_run_s: f64,
    /// Verdict.
    pub verdict: Verdict,
    /// Why.
    pub reason: String,
}

/// The answer to a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CheckReport {
    /// Training compute of the workload (central), for a training claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub training_flop: Option<f64>,
    /// Low and high ends of the workload's compute interval.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub training_flop_range: Option<Range>,
    /// The claimed duration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_s: Option<f64>,
    /// Every reading of the chips (with implied utilization for a training claim, peak match
    /// for a quoted peak).
    pub readings: Vec<Reading>,
    /// Duration at typical utilization (30 / 40 / 45 %) on the plain reading (dense, the quoted
    /// or 16-bit precision, the count as given): high, central, low.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_at_typical_s: Option<Range>,
    /// For a training claim: the index in `readings` of the reading its verdict rests on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<usize>,
    /// The power question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub power: Option<PowerCheck>,
    /// The budget question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<BudgetCheck>,
    /// GPU-hours and the run's cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<HoursCheck>,
    /// The "N× faster" question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparison: Option<CompareCheck>,
    /// The count converted from equivalents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equivalence: Option<Equivalence>,
    /// The benchmark window question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<WindowCheck>,
    /// The claim's verdict: the most severe of its questions.
    pub verdict: Verdict,
    /// Why, in one or more sentences: every question's answer.
    pub reason: String,
    /// The answer of the question that decided the verdict.
    pub summary: String,
}

impl CheckReport {
    /// A report with the claim's figures and no question answered yet.
    pub(super) fn empty(ctx: &Context) -> CheckReport {
        let t = ctx.training;
        CheckReport {
            training_flop: t.map(|t| t.flop),
            training_flop_range: t.filter(|t| t.flop_low < t.flop_high).map(|t| Range {
                low: t.flop_low,
                central: t.flop,
                high: t.flop_high,
            }),
            duration_s: t.and_then(|t| match t.time {
                Time::Wall(s) => Some(s),
                Time::GpuHours(_) => None,
            }),
            readings: Vec::new(),
            duration_at_typical_s: None,
            headline: None,
            power: None,
            budget: None,
            hours: None,
            comparison: None,
            equivalence: None,
            window: None,
            verdict: Verdict::Wrong,
            reason: String::new(),
            summary: String::new(),
        }
    }
}
