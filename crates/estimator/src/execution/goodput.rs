//! Goodput: how much of the wall clock a large job spends training, given that interruptions
//! grow with the number of GPUs, that every interruption loses the work since the last
//! checkpoint plus a restart, and that checkpoints themselves stop training.
//!
//! - Interruption rate per GPU-hour λ₁: from Llama 3 405B, 419 unexpected interruptions in a
//!   54-day snapshot on 16,384 H100 (Meta, *The Llama 3 Herd of Models*, section 3.3.4);
//!   the job's rate grows linearly with its GPUs: λ = G · λ₁, MTBF M = 1 / λ.
//! - Checkpoint interval: Young's first-order optimum τ = √(2·δ·M) (Young 1974), δ the checkpoint
//!   write time. When δ ≥ M/2 the formula asks for an interval longer than the MTBF; then τ = M
//!   (Daly 2006's rule for that regime).
//! - Effective fraction: the exact expectation for exponential interruptions (Daly 2006): one
//!   segment of τ seconds of work costs on average M·e^{R/M}·(e^{(τ+δ)/M} − 1) seconds of wall
//!   clock, R the restart time; the fraction is τ over that. To first order it is
//!   1 − √(2δ/M) − R/M. It never goes below 0: when interruptions come much faster than a
//!   restart, the fraction underflows to 0 and the run never finishes.

use crate::catalog::{
    CHECKPOINT_S_DEFAULT, INTERRUPTIONS_LLAMA3_405B, INTERRUPTIONS_LLAMA3_DAYS,
    INTERRUPTIONS_LLAMA3_GPUS, RESTART_S_DEFAULT,
};

/// The interruption rate per GPU-hour of the Llama 3 405B run:
/// 419 / (16,384 × 54 × 24) ≈ 1.973 × 10⁻⁵.
pub fn llama3_rate_per_gpu_hour() -> f64 {
    INTERRUPTIONS_LLAMA3_405B.value
        / (INTERRUPTIONS_LLAMA3_GPUS.value * INTERRUPTIONS_LLAMA3_DAYS.value * 24.0)
}

/// Default checkpoint write time (s).
pub fn default_checkpoint_s() -> f64 {
    CHECKPOINT_S_DEFAULT.value
}

/// Default restart time (s).
pub fn default_restart_s() -> f64 {
    RESTART_S_DEFAULT.value
}

/// The failure model of one job, before its duration is known.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Model {
    /// Mean time between interruptions of the whole job (s).
    pub mtbf_s: f64,
    /// Checkpoint interval (s of work between checkpoints).
    pub interval_s: f64,
    /// Whether τ was capped at the MTBF (δ ≥ M/2: Young's formula does not hold).
    pub capped: bool,
    /// Share of the wall clock spent on useful training, in [0, 1].
    pub fraction: f64,
}

/// The failure model of a job on `gpus` GPUs with `rate` interruptions per GPU-hour, a
/// checkpoint write time `checkpoint_s` and a restart time `restart_s`. Inputs are positive
/// and finite (the caller checks them); every output is finite.
pub fn model(gpus: f64, rate: f64, checkpoint_s: f64, restart_s: f64) -> Model {
    let mtbf_s = 3600.0 / (gpus * rate);
    let young = (2.0 * checkpoint_s * mtbf_s).sqrt();
    let capped = young > mtbf_s;
    let interval_s = if capped { mtbf_s } else { young };
    // ln of the expected wall clock of one segment, so huge exponents give a fraction of 0, not NaN.
    let x = (interval_s + checkpoint_s) / mtbf_s;
    let ln_segment = mtbf_s.ln() + restart_s / mtbf_s + x.exp_m1().ln();
    let fraction = (interval_s.ln() - ln_segment).exp().clamp(0.0, 1.0);
    Model {
        mtbf_s,
        interval_s,
        capped,
        fraction: if fraction.is_finite() { fraction } else { 0.0 },
    }
}

impl Model {
    /// Wall clock of a run that needs `compute_s` of failure-free training; `None` when the
    /// fraction is 0 or the result is not finite (the run never finishes).
    pub fn wall_clock_s(&self, compute_s: f64) -> Option<f64> {
        let w = compute_s / self.fraction;
        (self.fraction > 0.0 && w.is_finite()).then_some(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_order_agrees_when_failures_are_rare() {
        // 1,000 GPUs: M = 3600 / (1000 × 1.973e-5) ≈ 182,437 s; δ = 30, R = 300.
        let m = model(1000.0, llama3_rate_per_gpu_hour(), 30.0, 300.0);
        let first = 1.0 - (2.0 * 30.0 / m.mtbf_s).sqrt() - 300.0 / m.mtbf_s;
        assert!(
            (m.fraction - first).abs() < 1e-3,
            "{} vs {first}",
            m.fraction
        );
    }

    #[test]
    fn never_nan_at_the_extremes() {
        for g in [1.0, 1e3, 1e6, 1e9] {
            for r in [1e-9, 1e-5, 1.0] {
                for (d, re) in [(0.01, 0.0), (30.0, 300.0), (86_400.0, 604_800.0)] {
                    let m = model(g, r, d, re);
                    assert!(m.fraction.is_finite() && (0.0..=1.0).contains(&m.fraction));
                    assert!(m.mtbf_s.is_finite() && m.interval_s.is_finite());
                }
            }
        }
    }
}
