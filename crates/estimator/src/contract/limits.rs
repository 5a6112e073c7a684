//! Allowed ranges of every numeric input, declared once; every range message comes from here.

use crate::error::{Error, ErrorKind};

/// An inclusive range a scenario number must lie in.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    /// Smallest allowed value.
    pub min: f64,
    /// Largest allowed value.
    pub max: f64,
    /// Whether the value must be a whole number.
    pub whole: bool,
}

impl Limit {
    /// Checks `value` for the field `field`.
    pub fn check(&self, field: &str, value: f64) -> Result<f64, Error> {
        if !(value >= self.min && value <= self.max) {
            return Err(Error::new(
                field,
                ErrorKind::OutOfRange {
                    value,
                    min: self.min,
                    max: self.max,
                },
            ));
        }
        if self.whole && value.fract() != 0.0 {
            return Err(Error::new(field, ErrorKind::NotWhole { value }));
        }
        Ok(value)
    }
}

const fn lim(min: f64, max: f64) -> Limit {
    Limit {
        min,
        max,
        whole: false,
    }
}

/// Training compute in FLOP.
pub const FLOP: Limit = lim(1.0, 1e35);
/// Parameters (total or active).
pub const PARAMS: Limit = lim(1.0, 1e16);
/// Training tokens.
pub const TOKENS: Limit = lim(1.0, 1e18);
/// Accelerators, packages or racks.
pub const COUNT: Limit = Limit {
    min: 1.0,
    max: 1e9,
    whole: true,
};
/// Model FLOPs utilization: above 1 is impossible.
pub const UTILIZATION: Limit = lim(0.001, 1.0);
/// Power usage effectiveness: 1 is a perfect site.
pub const PUE: Limit = lim(1.0, 3.0);
/// Rental price per GPU-hour.
pub const USD_PER_CHIP_HOUR: Limit = lim(0.0, 1e4);
/// Electricity price.
pub const USD_PER_KWH: Limit = lim(0.0, 100.0);
/// Grid carbon intensity.
pub const KG_CO2_PER_KWH: Limit = lim(0.0, 2.0);
/// A duration (claimed or targeted), in seconds: one second to a thousand years.
pub const DURATION_S: Limit = lim(1.0, 3.2e10);
/// A custom chip's peak, per precision.
pub const PEAK_FLOP_PER_S: Limit = lim(1e9, 1e18);
/// A custom chip's all-in power.
pub const ALL_IN_W: Limit = lim(1.0, 1e6);
/// A custom chip's HBM.
pub const HBM_BYTES: Limit = lim(0.0, 1e15);
/// GPUs per package or per rack of a custom chip.
pub const GPUS_PER_UNIT: Limit = Limit {
    min: 1.0,
    max: 1e6,
    whole: true,
};
/// A site's power (a claim's): one watt to 100 GW.
pub const SITE_POWER_W: Limit = lim(1.0, 1e11);
/// A claim's budget, or the scenario's.
pub const BUDGET_USD: Limit = lim(1.0, 1e14);
/// Interruptions per GPU-hour: from one per 114,000 GPU-years to one per GPU-hour.
pub const INTERRUPTIONS_PER_GPU_HOUR: Limit = lim(1e-9, 1.0);
/// Time to write a checkpoint: 10 ms to a week.
pub const CHECKPOINT_S: Limit = lim(0.01, 604_800.0);
/// Time to restart after an interruption: none to a week.
pub const RESTART_S: Limit = lim(0.0, 604_800.0);
/// Purchase price of one GPU.
pub const USD_PURCHASE_PER_CHIP: Limit = lim(1.0, 1e8);
/// Facility build cost per watt of IT capacity.
pub const FACILITY_USD_PER_W: Limit = lim(0.0, 1000.0);
/// Amortization lifetime: a day to a hundred years.
pub const LIFETIME_S: Limit = lim(86_400.0, 3.2e9);

/// A model dimension or layout size of the performance model (layers, hidden, heads, tp, …).
pub const PERF_DIM: Limit = Limit {
    min: 1.0,
    max: 1e7,
    whole: true,
};
/// GPUs of a performance prediction.
pub const PERF_GPUS: Limit = Limit {
    min: 1.0,
    max: 1e8,
    whole: true,
};
/// Global batch of a performance prediction, in sequences.
pub const PERF_BATCH: Limit = Limit {
    min: 1.0,
    max: 1e8,
    whole: true,
};
/// HBM of a custom accelerator in the performance model (bytes).
pub const PERF_HBM_BYTES: Limit = lim(1e6, 1e15);
/// A bandwidth of a custom accelerator (bytes/s).
pub const PERF_BANDWIDTH: Limit = lim(1e6, 1e16);
