//! Time against cluster size: one scenario estimated at many counts, for charts and
//! `zettaflop sweep`.

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::estimate::estimate;
use crate::format::compact;
use crate::scenario::Scenario;
use crate::utilization::{self, Utilization};
use crate::workload::Workload;

/// One point of a sweep. Quantities are SI, as in the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SweepPoint {
    /// GPUs (count × GPUs per unit).
    pub gpus: f64,
    /// The count, in the scenario's `count_unit`.
    pub count: f64,
    /// C / (G × peak): at 100 % of the peak, without interruptions.
    pub ideal_duration_s: f64,
    /// C / (G × peak × u): at the utilization, without interruptions (the report's `duration_s`).
    pub compute_duration_s: f64,
    /// With the utilization and the interruptions: the wall clock (`goodput.wall_clock_s`).
    pub duration_s: f64,
    /// Facility energy over `duration_s`.
    pub energy_j: f64,
    /// Rental and electricity over `duration_s`.
    pub cost_usd: f64,
    /// The utilization used at this size (predicted with `"auto"`).
    pub utilization: f64,
}

/// Log-spaced counts from 1,024 to 1,048,576: the powers of two (11 counts, about 3 per
/// decade). Powers of two divide the power-of-two batches and model sizes the layout search
/// needs, so `"auto"` finds a layout at most of them (at 5,000 GPUs a batch of 2,048 sequences
/// has no data-parallel split).
pub fn default_counts() -> Vec<f64> {
    (10..=20).map(|k| f64::from(1u32 << k)).collect()
}

/// Estimates `s` at each of `counts` (in the scenario's `count_unit`; the scenario's own
/// `count`, claimed and target durations, site and budget are ignored).
///
/// With utilization `"auto"` each count runs its own layout search; where no layout fits, that
/// point falls back to the default utilization (as an absent utilization does for a preset).
///
/// # Errors
/// Any error of [`estimate`] at one of the counts, or a count at which the run never finishes
/// (interruptions faster than restarts); field `count`.
///
/// ```
/// use zettaflop_estimator::{sweep, Scenario};
/// let points = sweep(&Scenario::default(), &[1000.0, 64_000.0])?;
/// assert_eq!(points[1].gpus, 128_000.0);
/// assert!(points[1].duration_s > points[1].compute_duration_s);
/// # Ok::<(), zettaflop_estimator::Error>(())
/// ```
pub fn sweep(s: &Scenario, counts: &[f64]) -> Result<Vec<SweepPoint>, Error> {
    let preset = match &s.workload {
        Workload::Preset(id) => Some(id.as_str()),
        _ => None,
    };
    let mut base = Scenario {
        claimed_duration_s: None,
        target_duration_s: None,
        site_power_w: None,
        budget_usd: None,
        ..s.clone()
    };
    if base.utilization == Some(Utilization::Auto) && utilization::auto_by_default(preset) {
        base.utilization = None;
    }
    counts
        .iter()
        .map(|&count| {
            let r = estimate(&Scenario {
                count,
                ..base.clone()
            })?;
            let g = &r.goodput;
            match (g.wall_clock_s, g.energy_j, g.cost_usd) {
                (Some(wall), Some(energy), Some(cost)) => Ok(SweepPoint {
                    gpus: r.gpus,
                    count: r.count,
                    ideal_duration_s: r.training_flop / r.peak_flop_per_s,
                    compute_duration_s: r.duration_s,
                    duration_s: wall,
                    energy_j: energy,
                    cost_usd: cost,
                    utilization: r.utilization,
                }),
                _ => Err(Error::said(
                    "count",
                    Fails::NeverFinishes,
                    &[&compact(r.gpus), &compact(g.mtbf_s), &compact(g.restart_s)],
                )),
            }
        })
        .collect()
}

crate::keys! {
    /// A sweep's error; `{}` are the GPUs, the MTBF and the restart time in seconds.
    enum Fails {
        NeverFinishes => "at {} GPUs an interruption comes every {} s on average, against a restart of {} s: the run never finishes",
            "à {} GPU une interruption survient toutes les {} s en moyenne, pour un redémarrage de {} s : l'entraînement ne finit jamais";
    }
}
