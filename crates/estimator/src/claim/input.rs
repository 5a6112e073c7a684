//! A claim's figures checked and resolved once: the chip, the count, the questions it asks.

use crate::catalog::{self, Ranged};
use crate::error::Error;
use crate::hardware::{CountUnit, Hardware, Precision};
use crate::limits::{self, Limit};

use super::Claim;

/// GPU-hours: one to ten trillion.
pub const GPU_HOURS: Limit = Limit {
    min: 1.0,
    max: 1e13,
    whole: false,
};
/// A price per GPU-hour: more than zero (a cost is divided by it), at most $10,000.
pub const USD_PER_GPU_HOUR: Limit = Limit {
    min: 1e-6,
    max: 1e4,
    whole: false,
};
/// A "N× faster" factor.
pub const FACTOR: Limit = Limit {
    min: 1e-6,
    max: 1e9,
    whole: false,
};
/// A site's energy in Wh (the MWh-for-MW slip).
pub const ENERGY_WH: Limit = Limit {
    min: 1.0,
    max: 1e14,
    whole: false,
};

/// How the claim gives the time of a run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Time {
    /// Wall clock, seconds.
    Wall(f64),
    /// GPU-hours (the count does not matter for the utilization).
    GpuHours(f64),
}

/// The training question: the compute (central, and the low and high ends of its interval) and
/// the time.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Training {
    /// Central compute (FLOP).
    pub flop: f64,
    /// Low end of the compute interval (the favourable end).
    pub flop_low: f64,
    /// High end.
    pub flop_high: f64,
    /// The time.
    pub time: Time,
}

/// The claim resolved.
pub struct Context<'c> {
    /// The claim.
    pub claim: &'c Claim,
    /// Its chip.
    pub h: Hardware,
    /// Its count (for H100-equivalents: the count as given; see `equivalent`).
    pub count: f64,
    /// GPUs per counted unit as stated, after H100-equivalents are converted.
    pub scale: f64,
    /// PUE.
    pub pue: f64,
    /// The count readings tried, the stated one first.
    pub units: Vec<CountUnit>,
    /// The precision of the plain reading: the quoted one, else 16-bit.
    pub plain_precision: Precision,
    /// The training question, if any.
    pub training: Option<Training>,
    /// A quoted cluster peak.
    pub quoted: Option<f64>,
}

fn missing(field: &str, key: Fails) -> Error {
    Error::said(field, key, &[])
}

/// Checks an optional figure against its limit.
pub fn opt(field: &str, v: Option<f64>, limit: Limit) -> Result<Option<f64>, Error> {
    v.map(|x| limit.check(field, x)).transpose()
}

/// The low and high ends of a catalog figure (the central value when no range is given).
pub fn range_of(ranges: &[Ranged], column: &str, central: f64) -> (f64, f64) {
    ranges
        .iter()
        .find(|r| r.column == column)
        .map_or((central, central), |r| {
            (r.low.min(central), r.high.max(central))
        })
}

fn training(claim: &Claim) -> Result<Option<Training>, Error> {
    let time = match (claim.duration_s, claim.gpu_hours) {
        (Some(d), _) => Some(Time::Wall(limits::DURATION_S.check("duration_s", d)?)),
        (None, Some(h)) => Some(Time::GpuHours(GPU_HOURS.check("gpu_hours", h)?)),
        (None, None) => bought_hours(claim)?.map(Time::GpuHours),
    };
    match (&claim.workload, time) {
        (Some(w), Some(time)) => {
            let c = w.compute()?;
            let (flop_low, flop_high) = c.preset.map_or((c.flop, c.flop), |p| {
                (
                    p.flop_low.unwrap_or(c.flop).min(c.flop),
                    p.flop_high.unwrap_or(c.flop).max(c.flop),
                )
            });
            Ok(Some(Training {
                flop: c.flop,
                flop_low,
                flop_high,
                time,
            }))
        }
        (Some(_), None) if claim.run_cost_usd.is_none() => {
            Err(missing("duration_s", Fails::TrainingDuration))
        }
        (None, Some(_)) if claim.run_cost_usd.is_none() && claim.window_flop.is_none() => {
            Err(missing("workload", Fails::DurationWorkload))
        }
        _ => Ok(None),
    }
}

/// The GPU-hours a run cost buys at the claim's price per GPU-hour ("2,000 H800 for $6
/// million" at $2 an hour: 3 million GPU-hours).
pub fn bought_hours(claim: &Claim) -> Result<Option<f64>, Error> {
    match (claim.run_cost_usd, claim.usd_per_gpu_hour) {
        (Some(c), Some(p)) => {
            let c = limits::BUDGET_USD.check("run_cost_usd", c)?;
            let p = USD_PER_GPU_HOUR.check("usd_per_gpu_hour", p)?;
            Ok(Some(GPU_HOURS.check("run_cost_usd", c / p)?))
        }
        _ => Ok(None),
    }
}

fn asks_something(c: &Claim, training: bool) -> bool {
    training
        || c.quoted_peak_flop_per_s.is_some()
        || c.site_power_w.is_some()
        || c.site_energy_wh.is_some()
        || c.budget_usd.is_some()
        || c.run_cost_usd.is_some()
        || c.comparison.is_some()
        || (c.window_flop.is_some() && c.duration_s.is_some())
}

impl<'c> Context<'c> {
    /// Resolves and checks the claim's figures.
    ///
    /// # Errors
    /// Nothing to check, an unknown id, a number out of range.
    pub fn new(claim: &'c Claim) -> Result<Self, Error> {
        let h = claim.hardware.resolve()?;
        let count = limits::COUNT.check("count", claim.count)?;
        let pue = limits::PUE.check("pue", claim.pue)?;
        h.gpus_per(claim.count_unit)?;
        if let Some(p) = claim.precision {
            h.peak_per_gpu(p, false)?;
        }
        let training = training(claim)?;
        let quoted = opt(
            "quoted_peak_flop_per_s",
            claim.quoted_peak_flop_per_s,
            limits::FLOP,
        )?;
        opt("usd_per_gpu_hour", claim.usd_per_gpu_hour, USD_PER_GPU_HOUR)?;
        opt("window_flop", claim.window_flop, limits::FLOP)?;
        opt("window_s", claim.window_s, limits::DURATION_S)?;
        if !asks_something(claim, training.is_some()) {
            return Err(missing("claim", Fails::SomethingToCheck));
        }
        let scale = super::equivalent::scale(claim, &h)?;
        let mut units = vec![claim.count_unit];
        if h.gpus_per_package > 1 && claim.equivalent_of.is_none() {
            for u in [CountUnit::Package, CountUnit::Chip] {
                if !units.contains(&u) {
                    units.push(u);
                }
            }
        }
        let sixteen = if h.peaks.bf16.is_some() {
            Precision::Bf16
        } else {
            Precision::Fp16
        };
        Ok(Context {
            claim,
            plain_precision: claim.precision.unwrap_or(sixteen),
            h,
            count,
            scale,
            pue,
            units,
            training,
            quoted,
        })
    }

    /// GPUs under the count reading `u`.
    pub fn gpus(&self, u: CountUnit) -> Option<f64> {
        let per = self.h.gpus_per(u).ok()?;
        Some(self.count * f64::from(per) * self.scale)
    }

    /// The catalog row of the chip, if it is one.
    pub fn accelerator(&self) -> Option<&'static catalog::Accelerator> {
        catalog::accelerator(&self.h.id)
    }
}

/// BF16 and FP16 are one class for training.
pub fn is_sixteen(p: Precision) -> bool {
    matches!(p, Precision::Bf16 | Precision::Fp16)
}

crate::keys! {
    /// The claim checker's errors; `{}` is a chip's name.
    pub(super) enum Fails {
        SomethingToCheck => "missing: nothing to check: give workload and duration_s or gpu_hours, quoted_peak_flop_per_s, site_power_w, site_energy_wh, budget_usd, run_cost_usd or comparison",
            "manquant : rien à vérifier : donnez workload et duration_s ou gpu_hours, quoted_peak_flop_per_s, site_power_w, site_energy_wh, budget_usd, run_cost_usd ou comparison";
        TrainingDuration => "missing: a training claim needs duration_s or gpu_hours",
            "manquant : une affirmation d'entraînement demande duration_s ou gpu_hours";
        DurationWorkload => "missing: a duration claim needs a workload",
            "manquant : une affirmation de durée demande un modèle (workload)";
        ComparisonThan => "missing: a comparison needs than (a chip) or than_flop_per_s",
            "manquant : une comparaison demande than (une puce) ou than_flop_per_s";
        RunCostHours => "missing: a run cost needs gpu_hours, or duration_s with the count",
            "manquant : un coût d'entraînement demande gpu_hours, ou duration_s avec le nombre de puces";
        RentalPrice => "missing: {} has no rental price in the catalog: give usd_per_gpu_hour",
            "manquant : {} n'a pas de prix de location dans le catalogue : donnez usd_per_gpu_hour";
        PurchasePrice => "{} has no purchase price in the catalog",
            "{} n'a pas de prix d'achat dans le catalogue";
        EquivalentPeak => "equivalents are counted by the dense 16-bit peak, which one of the chips lacks",
            "les équivalents se comptent au pic 16 bits dense, qui manque à l'une des puces";
    }
}
