//! The output half of the JSON contract: the report of an estimate.

use serde::{Deserialize, Serialize};

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
    pub utilization_basis: String,
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
    /// Sum.
    pub total: f64,
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
}

/// Something to look at twice; not an error.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Warning {
    /// Stable code.
    pub code: String,
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
    /// Unit of the result.
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
    pub varied: Vec<String>,
}
