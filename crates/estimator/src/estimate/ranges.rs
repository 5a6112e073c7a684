//! Step 4 of the pipeline: the optimistic and pessimistic corners of the inputs that carry a
//! range, each run through the same [`compute::run`] as the central estimate.

use super::compute::{self, Numbers};
use super::resolve::Resolved;
use crate::catalog::{self, PUE_DEFAULT, PUE_HIGH, PUE_LOW};
use crate::catalog::{UTILIZATION_TYPICAL_HIGH, UTILIZATION_TYPICAL_LOW};
use crate::hardware::HardwareChoice;
use crate::report::UtilizationBasis as Basis;
use crate::report::{Range, Ranges, Varied};

/// One input's low and high (for compute and utilization, the values; for the peak and the
/// power, ratios to the value the estimate used).
type Span = Option<(f64, f64)>;

/// The ranges of duration, energy and cost, and which inputs were varied.
pub(super) fn ranges(r: &Resolved, n: &Numbers) -> Ranges {
    let s = r.s;
    let flop = n.flop;
    let preset = r.compute.preset;
    let workload: Span = match preset.map(|m| (m.flop_low, m.flop_high)) {
        Some((Some(lo), Some(hi))) if preset.and_then(|m| m.flop) == Some(flop) => Some((lo, hi)),
        _ => None,
    };
    let utilization: Span = if r.basis == Basis::Default {
        Some((
            UTILIZATION_TYPICAL_LOW.value,
            UTILIZATION_TYPICAL_HIGH.value,
        ))
    } else {
        // The performance model's range: the spread of its errors on published runs.
        let u = r.u;
        r.predicted
            .as_ref()
            .filter(|p| p.mfu > 0.0)
            .map(|p| (u * p.mfu_low / p.mfu, u * p.mfu_high / p.mfu))
    };
    let pue: Span = (s.pue == PUE_DEFAULT.value).then_some((PUE_LOW.value, PUE_HIGH.value));
    // Catalog figures that sources disagree on: the chip's all-in power and its peak at this
    // precision (as ratios to the default the estimate used).
    let chip = match &s.hardware {
        HardwareChoice::Id(id) => catalog::accelerator(id),
        HardwareChoice::Custom(_) => None,
    };
    let ratio = |column: &str| -> Span {
        chip.and_then(|a| a.ranges.iter().find(|r| r.column == column))
            .filter(|r| r.central > 0.0 && r.low < r.high)
            .map(|r| (r.low / r.central, r.high / r.central))
    };
    let power = ratio("all_in_w");
    let peak = ratio(&format!("{}_tflops", s.precision.id()));
    let mut varied = Vec::new();
    for (name, span) in [
        (Varied::Workload, workload),
        (Varied::Utilization, utilization),
        (Varied::Pue, pue),
        (Varied::Power, power),
        (Varied::Peak, peak),
    ] {
        if span.is_some() {
            varied.push(name);
        }
    }
    let lo = |v: Span, x: f64| v.map_or(x, |v| v.0);
    let hi = |v: Span, x: f64| v.map_or(x, |v| v.1);
    // Energy and cost are lowest with the fastest run and the lowest power, highest with the
    // slowest run and the highest power (a higher peak shortens the run at the same power).
    let corner = |f: f64, u: f64, pue: f64, peak_scale: f64, power_scale: f64| {
        let run = compute::run(
            f,
            n.gpus,
            n.peak * peak_scale,
            u,
            n.it * power_scale,
            pue,
            r.prices(),
        );
        (run.duration, run.energy, run.total)
    };
    let (t_lo, e_lo, c_lo) = corner(
        lo(workload, flop),
        hi(utilization, r.u),
        lo(pue, r.pue),
        hi(peak, 1.0),
        lo(power, 1.0),
    );
    let (t_hi, e_hi, c_hi) = corner(
        hi(workload, flop),
        lo(utilization, r.u),
        hi(pue, r.pue),
        lo(peak, 1.0),
        hi(power, 1.0),
    );
    let range = |low, central, high| Range { low, central, high };
    Ranges {
        duration_s: range(t_lo, n.run.duration, t_hi),
        energy_j: range(e_lo, n.run.energy, e_hi),
        cost_usd: range(c_lo, n.run.total, c_hi),
        varied,
    }
}
