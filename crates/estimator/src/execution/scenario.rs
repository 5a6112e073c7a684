//! The input half of the JSON contract: a scenario (what is trained, on what, under which
//! assumptions).

use serde::{Deserialize, Serialize};

use crate::catalog;
use crate::hardware::{CountUnit, HardwareChoice, Precision};
use crate::utilization::Utilization;
use crate::workload::Workload;

/// A training scenario. Every field but `workload`, `hardware` and `count` has a sourced default
/// (see docs/contract.md), and the report echoes the values used.
///
/// ```
/// let s: zettaflop_estimator::Scenario = serde_json::from_str(
///     r#"{"workload": "gpt-4", "hardware": "gb200", "count": 64000, "count_unit": "package"}"#,
/// )?;
/// assert_eq!(s.utilization, None); // 0.40 for GPT-4, which has no published architecture
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// What is trained.
    pub workload: Workload,
    /// On what.
    pub hardware: HardwareChoice,
    /// How many, in `count_unit`.
    pub count: f64,
    /// `chip` (GPU), `package` (GB200 superchip = 2 GPUs) or `rack` (NVL72 = 72 GPUs).
    #[serde(default)]
    pub count_unit: CountUnit,
    /// Number format of the matmuls.
    #[serde(default)]
    pub precision: Precision,
    /// Use the 2:4 structured-sparsity peak (2 × dense). Training does not use it: only to
    /// reproduce marketing figures.
    #[serde(default)]
    pub sparse: bool,
    /// Model FLOPs utilization: a number 0 < u ≤ 1, or `"auto"` (predicted from the best
    /// parallel layout). Absent: `"auto"` for a preset with a published architecture, else 0.40.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utilization: Option<Utilization>,
    /// Sequences per optimizer step, for `"auto"` (default: 16 Mi tokens / sequence length).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub global_batch: Option<u32>,
    /// Power usage effectiveness of the site (default 1.2).
    #[serde(default = "default_pue")]
    pub pue: f64,
    /// Rental price per GPU-hour; default: the catalog's price for the chip.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usd_per_chip_hour: Option<f64>,
    /// Electricity price (default 0.078).
    #[serde(default = "default_usd_per_kwh")]
    pub usd_per_kwh: f64,
    /// Grid carbon intensity (default 0.367, US 2023).
    #[serde(default = "default_kg_co2_per_kwh")]
    pub kg_co2_per_kwh: f64,
    /// A duration someone claims: the report gives the utilization it implies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimed_duration_s: Option<f64>,
    /// A duration wanted: the report gives the chips needed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_duration_s: Option<f64>,
    /// Interruptions per GPU-hour (default: Llama 3 405B's, 419 in 54 days on 16,384 H100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interruptions_per_gpu_hour: Option<f64>,
    /// Time training stops to write a checkpoint (default 30 s).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkpoint_s: Option<f64>,
    /// Time from an interruption to training again (default 300 s).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restart_s: Option<f64>,
    /// A site's power: the report gives the GPUs it holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site_power_w: Option<f64>,
    /// A budget: the report gives the GPUs (and their facility) it buys.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_usd: Option<f64>,
    /// Purchase price of one GPU; default: the catalog's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usd_purchase_per_chip: Option<f64>,
    /// Facility build cost per watt of IT power (default 11.7, i.e. $11.7M per MW).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facility_usd_per_w: Option<f64>,
    /// Lifetime over which owned GPUs and facility are amortized (default 4 years).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifetime_s: Option<f64>,
}

fn default_pue() -> f64 {
    catalog::PUE_DEFAULT.value
}
fn default_usd_per_kwh() -> f64 {
    catalog::USD_PER_KWH_DEFAULT.value
}
fn default_kg_co2_per_kwh() -> f64 {
    catalog::KG_CO2_PER_KWH_DEFAULT.value
}

impl Default for Scenario {
    /// The seed article's headline case: GPT-4 on 64,000 GB200 superchips.
    fn default() -> Self {
        Scenario {
            workload: Workload::default(),
            hardware: HardwareChoice::default(),
            count: 64_000.0,
            count_unit: CountUnit::Package,
            precision: Precision::Bf16,
            sparse: false,
            utilization: None,
            global_batch: None,
            pue: default_pue(),
            usd_per_chip_hour: None,
            usd_per_kwh: default_usd_per_kwh(),
            kg_co2_per_kwh: default_kg_co2_per_kwh(),
            claimed_duration_s: None,
            target_duration_s: None,
            interruptions_per_gpu_hour: None,
            checkpoint_s: None,
            restart_s: None,
            site_power_w: None,
            budget_usd: None,
            usd_purchase_per_chip: None,
            facility_usd_per_w: None,
            lifetime_s: None,
        }
    }
}

impl Scenario {
    /// The original run of a model preset (e.g. GPT-4 on 25,000 A100 in 95 days), with its
    /// duration as `claimed_duration_s` so the report gives the utilization it implies, in the
    /// preset's precision (else bf16 where the chip has it, fp16 otherwise).
    /// `None` when the preset has no known run.
    pub fn reference_run(model_id: &str) -> Option<Scenario> {
        let m = catalog::model(model_id)?;
        let run = m.run?;
        Some(Scenario {
            workload: Workload::Preset(m.id.into()),
            hardware: HardwareChoice::Id(run.hardware.into()),
            count: run.count,
            count_unit: run.count_unit,
            precision: match m.precision {
                Some(p) => p,
                None if catalog::accelerator(run.hardware)?.peaks.bf16.is_some() => Precision::Bf16,
                None => Precision::Fp16,
            },
            claimed_duration_s: Some(run.duration_days * 86_400.0),
            ..Scenario::default()
        })
    }
}
