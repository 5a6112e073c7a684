//! The output half of the JSON contract: the report of an estimate.

use serde::{Deserialize, Serialize};

pub use super::codes::{IntervalRule, UtilizationBasis, Varied, WarningCode};
use crate::hardware::{CountUnit, Precision};
use crate::utilization::PredictedUtilization;

/// Everything an estimate yields. Quantities are SI; the unit is the key's suffix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Report {
    /// Training compute.
    pub training_flop: f64,
    /// The hardware used.
    pub hardware: HardwareUsed,
    /// The count as given.
    pub count: f64,
    /// Its unit.
    pub count_unit: CountUnit,
    /// GPUs that count stands for.
    pub gpus: f64,
    /// Precision used.
    pub precision: Precision,
    /// Whether the sparse peak was used.
    pub sparse: bool,
    /// Peak of one GPU at that precision.
    pub peak_flop_per_s_per_gpu: f64,
    /// Peak of the whole cluster.
    pub peak_flop_per_s: f64,
    /// Utilization used.
    pub utilization: f64,
    /// Where it comes from: `given`, `default` (0.40) or `predicted` (`"auto"`).
    pub utilization_basis: UtilizationBasis,
    /// The performance model's prediction, when the utilization is `"auto"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predicted_utilization: Option<PredictedUtilization>,
    /// Sustained throughput = peak × utilization.
    pub effective_flop_per_s: f64,
    /// Wall-clock training time.
    pub duration_s: f64,
    /// GPU-hours.
    pub chip_hours: f64,
    /// Power of the GPUs with their share of hosts and network.
    pub it_power_w: f64,
    /// IT power × PUE.
    pub facility_power_w: f64,
    /// Facility energy over the run.
    pub energy_j: f64,
    /// That energy split: the IT equipment's and the facility's overhead (PUE − 1).
    pub energy_split_j: EnergySplit,
    /// Emissions of that energy at the grid intensity.
    pub co2_kg: f64,
    /// Average US homes drawing the same power as the site.
    pub homes: f64,
    /// Years of an average US home's consumption equal to the run's energy.
    pub home_years: f64,
    /// Costs.
    pub cost_usd: Cost,
    /// Utilization implied by `claimed_duration_s` (may exceed 1: the claim is then impossible).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implied_utilization: Option<f64>,
    /// GPUs needed to finish within `target_duration_s`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chips_needed: Option<f64>,
    /// The same, in `count_unit`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count_needed: Option<f64>,
    /// Interruptions, checkpoints and the wall clock they give (the headline `duration_s`
    /// stays the failure-free time).
    pub goodput: Goodput,
    /// The GPUs `site_power_w` holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<Site>,
    /// What owning the cluster costs (absent when no purchase price is known).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capex: Option<Capex>,
    /// What `budget_usd` buys.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<Budget>,
    /// The workload's parameters and tokens against the compute-optimal model for the same
    /// compute (a scaling law; absent when the workload has no parameters and tokens).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compute_optimal: Option<crate::scaling::ComputeOptimal>,
    /// The loss a compute-optimal model reaches with 1×, 2×, 10×, 100× this run's cost on this
    /// cluster (absent when the run costs nothing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diminishing_returns: Option<crate::scaling::DiminishingReturns>,
    /// Low / central / high of the headline results, from the ranges of the inputs that have
    /// one (a preset's compute estimate, the typical utilization band when the default is used,
    /// the PUE band when the default is used).
    pub ranges: Ranges,
    /// The assumption values used (defaults filled in).
    pub assumptions: Assumptions,
    /// What deserves a second look.
    pub warnings: Vec<Warning>,
    /// The computation, step by step.
    pub steps: Vec<Step>,
    /// Every source cited by the steps.
    pub sources: Vec<Cited>,
}

/// Which hardware a report is for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HardwareUsed {
    /// Catalog id or `custom`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// All-in power per GPU.
    pub all_in_w: f64,
}

/// Money, in US dollars.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Cost {
    /// GPU rental: chip-hours × $/chip-hour.
    pub compute: f64,
    /// Electricity: energy × $/kWh.
    pub electricity: f64,
    /// Sum (rental).
    pub total: f64,
    /// Owning instead of renting: the capex amortized over the run's share of the lifetime,
    /// plus electricity (absent when no purchase price is known).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ownership: Option<f64>,
}

/// Facility energy split into what the IT equipment draws and the site's overhead (cooling,
/// conversion losses): `it + overhead` = `energy_j`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EnergySplit {
    /// IT power × duration.
    pub it: f64,
    /// (Site power − IT power) × duration.
    pub overhead: f64,
}

/// Assumptions as used.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Assumptions {
    /// Utilization.
    pub utilization: f64,
    /// PUE.
    pub pue: f64,
    /// $/GPU-hour.
    pub usd_per_chip_hour: f64,
    /// $/kWh.
    pub usd_per_kwh: f64,
    /// kg CO₂/kWh.
    pub kg_co2_per_kwh: f64,
    /// Interruptions per GPU-hour.
    pub interruptions_per_gpu_hour: f64,
    /// Checkpoint write time.
    pub checkpoint_s: f64,
    /// Restart time.
    pub restart_s: f64,
    /// Purchase price per GPU, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usd_purchase_per_chip: Option<f64>,
    /// Facility build cost per watt of IT power.
    pub facility_usd_per_w: f64,
    /// Amortization lifetime.
    pub lifetime_s: f64,
}

/// Interruptions and checkpoints (see [`crate::goodput`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Goodput {
    /// Interruptions per GPU-hour.
    pub interruptions_per_gpu_hour: f64,
    /// Mean time between interruptions of the whole job.
    pub mtbf_s: f64,
    /// Checkpoint write time.
    pub checkpoint_s: f64,
    /// Restart time.
    pub restart_s: f64,
    /// Optimal checkpoint interval: Young's √(2·δ·M), or M when δ ≥ M/2.
    pub checkpoint_interval_s: f64,
    /// `young`, or `mtbf` when the interval was capped at the MTBF.
    pub interval_rule: IntervalRule,
    /// Share of the wall clock spent training, 0–1.
    pub fraction: f64,
    /// Wall clock with interruptions = `duration_s` / fraction (absent: never finishes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wall_clock_s: Option<f64>,
    /// Interruptions expected over the wall clock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_interruptions: Option<f64>,
    /// Facility energy over the wall clock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub energy_j: Option<f64>,
    /// Rental and electricity over the wall clock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_usd: Option<f64>,
    /// Ownership cost over the wall clock (with a purchase price).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ownership_usd: Option<f64>,
}

/// The GPUs a site's power holds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Site {
    /// The site power given.
    pub site_power_w: f64,
    /// Site power per GPU: all-in W × PUE.
    pub w_per_gpu: f64,
    /// GPUs it holds: ⌊site W / (all-in W × PUE)⌋.
    pub gpus: f64,
    /// The same in `count_unit` (whole units).
    pub count: f64,
}

/// Buying the cluster.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Capex {
    /// Purchase price per GPU.
    pub usd_per_chip: f64,
    /// GPUs × price.
    pub chips_usd: f64,
    /// Facility: $/W × IT power.
    pub facility_usd: f64,
    /// Chips + facility.
    pub total_usd: f64,
    /// Lifetime it is amortized over.
    pub lifetime_s: f64,
    /// Its share for the failure-free run: total × duration / lifetime.
    pub amortized_usd: f64,
}

/// What a budget buys: GPUs with their share of the facility.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Budget {
    /// The budget given.
    pub budget_usd: f64,
    /// Capex per GPU: price + $/W × all-in W.
    pub usd_per_gpu: f64,
    /// GPUs bought: ⌊budget / capex per GPU⌋.
    pub gpus: f64,
    /// The same in `count_unit` (whole units).
    pub count: f64,
    /// Site power they need: GPUs × all-in W × PUE.
    pub facility_power_w: f64,
}

/// Something to look at twice; not an error.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Warning {
    /// Stable code.
    pub code: WarningCode,
    /// The field concerned.
    pub field: String,
    /// One sentence.
    pub message: String,
}

/// One line of "show the math".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Step {
    /// Stable id (the report key it yields, without unit suffix).
    pub id: String,
    /// Name of the quantity.
    pub quantity: String,
    /// The formula in symbols.
    pub formula: String,
    /// The formula with the numbers put in.
    pub substitution: String,
    /// Result.
    pub value: f64,
    /// Unit of the result (SI symbol; `1` a ratio, shown as a percentage; empty a plain count).
    pub unit: String,
    /// Ids of the sources of the inputs.
    pub sources: Vec<String>,
}

/// A source as cited in a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Cited {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Link.
    pub url: String,
    /// Date.
    pub date: String,
    /// Kind (reported, estimate…).
    pub kind: String,
}

/// Speed-up and ratios between two reports (e.g. a new cluster against the original run).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Comparison {
    /// How many times faster `new` is than `old`.
    pub speedup: f64,
    /// Energy of `new` / energy of `old`.
    pub energy_ratio: f64,
    /// Peak of `new` / peak of `old`.
    pub peak_ratio: f64,
}

impl Report {
    /// Compares this report (`new`) with `old`.
    pub fn compare(&self, old: &Report) -> Comparison {
        Comparison {
            speedup: old.duration_s / self.duration_s,
            energy_ratio: self.energy_j / old.energy_j,
            peak_ratio: self.peak_flop_per_s / old.peak_flop_per_s,
        }
    }
}

/// Low, central and high values.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Range {
    /// Low.
    pub low: f64,
    /// Central (the default).
    pub central: f64,
    /// High.
    pub high: f64,
}

/// The headline results as ranges.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Ranges {
    /// Training time.
    pub duration_s: Range,
    /// Facility energy.
    pub energy_j: Range,
    /// Total cost.
    pub cost_usd: Range,
    /// Which inputs were varied: `workload`, `utilization`, `pue`, `power` (the chip's all-in
    /// power), `peak` (the chip's peak at this precision); empty: the range is a point.
    pub varied: Vec<Varied>,
}
