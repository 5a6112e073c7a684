//! Every reading of a claim's chips (count unit × precision × dense or sparse), with what a
//! training claim implies under it and whether it gives a quoted peak.

use crate::catalog::{UTILIZATION_MAX_FP8, UTILIZATION_WARNING};
use crate::error::Error;
use crate::format::{self as fmt, Locale};
use crate::hardware::{Hardware, Precision};
use crate::report::Range;

use super::input::{is_sixteen, Context, Time, Training};
use super::{Reading, Verdict, PEAK_MATCH, POWER_SLACK};
use crate::text::keys::fill;

/// The precisions worth trying: the quoted one, 16-bit, FP8, FP4.
pub fn precisions(quoted: Option<Precision>, h: &Hardware) -> Vec<Precision> {
    let sixteen = if h.peaks.bf16.is_some() {
        Precision::Bf16
    } else {
        Precision::Fp16
    };
    let mut v: Vec<Precision> = quoted.into_iter().collect();
    for p in [sixteen, Precision::Fp8, Precision::Fp4] {
        let same_class = v.iter().any(|q| is_sixteen(*q) && is_sixteen(p));
        if h.peaks.get(p).is_some() && !v.contains(&p) && !same_class {
            v.push(p);
        }
    }
    v
}

/// The highest utilization published runs reach at `p` (None: no published frontier run).
pub fn max_observed(p: Precision) -> Option<f64> {
    match p {
        Precision::Fp8 => Some(UTILIZATION_MAX_FP8.value),
        Precision::Fp4 => None,
        _ => Some(UTILIZATION_WARNING.value),
    }
}

/// Utilization of `peak_gpu` (per GPU) over `gpus` for `flop` in the claim's time.
fn utilization(t: &Training, flop: f64, gpus: f64, peak_gpu: f64) -> f64 {
    match t.time {
        Time::Wall(s) => flop / (gpus * peak_gpu * s),
        Time::GpuHours(h) => flop / (peak_gpu * h * 3600.0),
    }
}

/// Below this share of the peak even at the high end of the compute, a claimed time is some
/// 400 times longer than a typical run takes: not a slow run but a figure off by orders of
/// magnitude (the "1.8 billion" for 1.8 trillion parameters). A claim that a model "could be
/// trained" in more time than it needs is otherwise plausible: it is an upper bound.
pub const TOO_SLOW: f64 = 0.001;

/// The verdict of a training reading and why, from its utilization at the central compute
/// (`u`) and at the low and high ends of the compute interval.
pub fn training_verdict(
    u: f64,
    (low, high): (f64, f64),
    p: Precision,
    sparse: bool,
    l: Locale,
) -> (Verdict, String) {
    let pct = fmt::percent(u, l);
    let at_low = fmt::percent(low, l);
    if high < TOO_SLOW && !sparse {
        let f = super::words::factor(crate::catalog::UTILIZATION_DEFAULT.value / u, l);
        let s = fill(Says::OnlyPeakTypicalUtilization.t(l), &[&pct, &f]);
        return (Verdict::Wrong, s);
    }
    if low > POWER_SLACK {
        let still = if low < u {
            fill(Says::StillLowEndCompute.t(l), &[&at_low])
        } else {
            String::new()
        };
        let s = fill(Says::NeedsPeakMoreThan.t(l), &[&pct, &still]);
        return (Verdict::Impossible, s);
    }
    // A time computed at the whole peak (a keynote's "at a petaFLOP, 30 billion seconds") is a
    // bound, not a run: optimistic, whatever the published runs reach.
    if !sparse && (u - 1.0).abs() <= super::PEAK_MATCH {
        let s = fill(Says::NeedsPeakWholePeak.t(l), &[&pct]);
        return (Verdict::Optimistic, s);
    }
    if let Some(v) = beyond_published(u, low, p, sparse, l) {
        return v;
    }
    if sparse {
        let s = fill(Says::SparsePeakWhichTraining.t(l), &[&pct]);
        return (Verdict::Optimistic, s);
    }
    if low > 1.0 {
        let s = fill(Says::NeedsPeakWholePeak2.t(l), &[&pct]);
        return (Verdict::Optimistic, s);
    }
    let Some(max) = max_observed(p) else {
        let s = fill(Says::FpPeakNoFrontier.t(l), &[&pct]);
        return (Verdict::Optimistic, s);
    };
    if u <= max {
        let s = fill(Says::PeakWithinWhatPublished.t(l), &[&pct]);
        return (Verdict::Plausible, s);
    }
    let best = fmt::percent(max, l);
    let s = if u > 1.0 {
        fill(Says::NeedsPeakCentralCompute.t(l), &[&pct, &at_low, &best])
    } else {
        fill(Says::PeakBeyondBestPublished.t(l), &[&pct, &best])
    };
    (Verdict::Optimistic, s)
}

/// Even at the low end of the compute estimate, more than the best published runs reach (with
/// the rounding of press figures): no honest reading makes it true. A sparse or FP4 reading has
/// no published run to compare with, so only physics bounds it (the caller's check).
fn beyond_published(
    u: f64,
    low: f64,
    p: Precision,
    sparse: bool,
    l: Locale,
) -> Option<(Verdict, String)> {
    let max = max_observed(p).filter(|_| !sparse)?;
    if low <= max * POWER_SLACK || low > POWER_SLACK {
        return None;
    }
    let (pct, at_low, best) = (
        fmt::percent(u, l),
        fmt::percent(low, l),
        fmt::percent(max, l),
    );
    let still = if low < u {
        fill(Says::StillLowEndCompute2.t(l), &[&at_low])
    } else {
        String::new()
    };
    let s = fill(Says::NeedsPeakBeyondAny.t(l), &[&pct, &still, &best]);
    Some((Verdict::Impossible, s))
}

fn with_training(r: &mut Reading, t: &Training, peak_gpu: f64, l: Locale) {
    let u = utilization(t, t.flop, r.gpus, peak_gpu);
    let low = utilization(t, t.flop_low, r.gpus, peak_gpu);
    let high = utilization(t, t.flop_high, r.gpus, peak_gpu);
    let (v, why) = training_verdict(u, (low, high), r.precision, r.sparse, l);
    r.implied_utilization = Some(u);
    if low < high {
        r.implied_utilization_range = Some(Range {
            low,
            central: u,
            high,
        });
    }
    r.physically_possible = Some(low <= 1.0);
    r.verdict = v;
    r.reason = why;
}

fn with_quoted(r: &mut Reading, q: f64, plain: bool, l: Locale) {
    let m = (r.peak_flop_per_s / q - 1.0).abs() <= PEAK_MATCH;
    r.matches_quoted_peak = Some(m);
    r.verdict = match (m, plain) {
        (true, true) => Verdict::Accurate,
        (true, false) => Verdict::Misleading,
        (false, _) => Verdict::Wrong,
    };
    let peak = fmt::flops(r.peak_flop_per_s, l);
    r.reason = match m {
        true => fill(Says::Gives.t(l), &[&peak]),
        false => fill(Says::GivesNotQuotedFigure.t(l), &[&peak]),
    };
}

/// Every reading of the claim's chips.
///
/// # Errors
/// A count unit the chip does not have.
pub fn all(ctx: &Context, l: Locale) -> Result<Vec<Reading>, Error> {
    let mut readings = Vec::new();
    for &unit in &ctx.units {
        let gpus = ctx.count * f64::from(ctx.h.gpus_per(unit)?) * ctx.scale;
        for p in precisions(ctx.claim.precision, &ctx.h) {
            for sparse in [false, true] {
                let Ok(peak_gpu) = ctx.h.peak_per_gpu(p, sparse) else {
                    continue;
                };
                let mut r = Reading {
                    count_unit: unit,
                    gpus,
                    precision: p,
                    sparse,
                    peak_flop_per_s: gpus * peak_gpu,
                    implied_utilization: None,
                    implied_utilization_range: None,
                    physically_possible: None,
                    matches_quoted_peak: None,
                    verdict: Verdict::Plausible,
                    reason: String::new(),
                };
                let plain = unit == ctx.claim.count_unit && !sparse && p == ctx.plain_precision;
                if let Some(q) = ctx.quoted {
                    with_quoted(&mut r, q, plain, l);
                }
                if let Some(t) = &ctx.training {
                    with_training(&mut r, t, peak_gpu, l);
                }
                readings.push(r);
            }
        }
    }
    Ok(readings)
}

crate::keys! {
    /// The sentences of this file, by key; `{}` (or `{N}`, the N-th) are the figures.
    pub(super) enum Says {
        OnlyPeakTypicalUtilization => "only {} of the peak: at a typical utilization the run takes {} less time, so the time or the model is off",
            "seulement {} du pic : à une utilisation typique l'entraînement prend {} moins de temps, donc la durée ou le modèle est faux";
        StillLowEndCompute => " (still {} at the low end of the compute estimate)",
            " (encore {} au bas de l'estimation du calcul)";
        NeedsPeakMoreThan => "needs {} of the peak{}: more than the chips can do",
            "demande {} du pic{} : plus que les puces ne peuvent fournir";
        NeedsPeakWholePeak => "needs {} of the peak: the whole peak, a bound no run reaches",
            "demande {} du pic : tout le pic, une borne qu'aucun entraînement n'atteint";
        SparsePeakWhichTraining => "{} of a sparse peak, which training does not use (it needs 2:4 sparse weights)",
            "{} d'un pic creux, que l'entraînement n'utilise pas (il faut des poids creux 2:4)";
        NeedsPeakWholePeak2 => "needs {} of the peak, the whole peak within the rounding of press figures",
            "demande {} du pic, tout le pic à l'arrondi des chiffres de presse près";
        FpPeakNoFrontier => "{} of the FP4 peak; no frontier model is known to have been trained in FP4",
            "{} du pic FP4 ; aucun modèle de pointe connu n'a été entraîné en FP4";
        PeakWithinWhatPublished => "{} of the peak, within what published runs achieve",
            "{} du pic, dans ce qu'atteignent les entraînements publiés";
        NeedsPeakCentralCompute => "needs {} of the peak at the central compute estimate; only its low end brings it to {} (the best published runs reach about {})",
            "demande {} du pic à l'estimation centrale du calcul ; seul le bas de l'estimation le ramène à {} (les meilleurs entraînements publiés atteignent environ {})";
        PeakBeyondBestPublished => "{} of the peak, beyond the best published runs (about {} at this precision)",
            "{} du pic, au-delà des meilleurs entraînements publiés (environ {} à cette précision)";
        StillLowEndCompute2 => ", still {} at the low end of the compute estimate",
            ", encore {} au bas de l'estimation du calcul";
        NeedsPeakBeyondAny => "needs {} of the peak{}: beyond any published run (the best reach about {})",
            "demande {} du pic{} : au-delà de tout entraînement publié (les meilleurs atteignent environ {})";
        Gives => "gives {}",
            "donne {}";
        GivesNotQuotedFigure => "gives {}, not the quoted figure",
            "donne {}, pas le chiffre cité";
    }
}
