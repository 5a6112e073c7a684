//! The training question: a model in a time (or in GPU-hours) on the claim's chips, and a
//! benchmark window read as, or extrapolated to, a whole run.

use crate::catalog::{UTILIZATION_DEFAULT, UTILIZATION_TYPICAL_HIGH, UTILIZATION_TYPICAL_LOW};
use crate::error::Error;
use crate::format::{self as fmt, Locale};
use crate::hardware::Precision;
use crate::report::Range;

use super::input::{is_sixteen, Context, Time};
use super::readings::training_verdict;
use super::words::{colon, off_by, reading_label};
use super::{CheckReport, Reading, Verdict, WindowCheck, PEAK_MATCH};
use crate::text::keys::fill;

/// The stated reading: the count as given, the quoted precision (or 16-bit), dense.
fn stated(ctx: &Context, r: &Reading) -> bool {
    let p = ctx.plain_precision;
    r.count_unit == ctx.claim.count_unit
        && !r.sparse
        && (r.precision == p || (is_sixteen(p) && is_sixteen(r.precision)))
}

/// A reading the claim does not state but allows: another count unit at the stated
/// precision, or (when no precision is quoted) FP8; never a sparse peak, which training does
/// not use.
fn unstated_rescue<'r>(ctx: &Context, readings: &'r [Reading]) -> Option<&'r Reading> {
    readings
        .iter()
        .filter(|r| !r.sparse && !stated(ctx, r) && r.verdict == Verdict::Plausible)
        .filter(|r| {
            let same_class = r.precision == ctx.plain_precision
                || (is_sixteen(ctx.plain_precision) && is_sixteen(r.precision));
            same_class || (ctx.claim.precision.is_none() && r.precision == Precision::Fp8)
        })
        .min_by(|a, b| {
            a.implied_utilization
                .partial_cmp(&b.implied_utilization)
                .unwrap_or(std::cmp::Ordering::Equal)
        })
}

/// The training section: the stated reading's verdict, misleading when only an unstated
/// reading makes it plausible.
pub fn section(
    ctx: &Context,
    out: &mut CheckReport,
    l: Locale,
    sections: &mut Vec<(Verdict, String)>,
) {
    let Some(t) = ctx.training else {
        return;
    };
    let Some((i, h)) = out
        .readings
        .iter()
        .enumerate()
        .find(|(_, r)| stated(ctx, r))
    else {
        return;
    };
    out.headline = Some(i);
    let c = colon(l);
    let mut verdict = h.verdict;
    let mut why = format!("{}{c} {}.", reading_label(h, &ctx.h, l), h.reason);
    if h.verdict == Verdict::Impossible {
        if let Some(r) = unstated_rescue(ctx, &out.readings) {
            verdict = Verdict::Misleading;
            why.push_str(&fill(
                Says::OnlyWhichClaimDoes.t(l),
                &[&reading_label(r, &ctx.h, l), &r.reason],
            ));
        } else if let Some(fp8) = out
            .readings
            .iter()
            .find(|r| r.count_unit == h.count_unit && !r.sparse && r.precision == Precision::Fp8)
        {
            why.push_str(&fill(Says::EvenFp.t(l), &[&fp8.reason, c]));
        }
    }
    if let Time::Wall(_) = t.time {
        let at = |u: f64| t.flop / (h.peak_flop_per_s * u);
        out.duration_at_typical_s = Some(Range {
            low: at(UTILIZATION_TYPICAL_HIGH.value),
            central: at(UTILIZATION_DEFAULT.value),
            high: at(UTILIZATION_TYPICAL_LOW.value),
        });
    }
    if ctx.claim.window_flop.is_some() && ctx.claim.window_s.is_none() {
        // The window section judges the duration (it is the benchmark's, not the run's).
        return;
    }
    sections.push((verdict, why));
}

/// The benchmark window: the claimed time is the window's (MLPerf trains a slice of GPT-3), or
/// the window's time extrapolated to the whole run.
///
/// # Errors
/// None today (kept for the limits of future fields).
pub fn window(
    ctx: &Context,
    out: &CheckReport,
    l: Locale,
    sections: &mut Vec<(Verdict, String)>,
) -> Result<Option<WindowCheck>, Error> {
    let (Some(wf), Some(t), Some(h)) = (
        ctx.claim.window_flop,
        ctx.training,
        out.headline.and_then(|i| out.readings.get(i)),
    ) else {
        return Ok(None);
    };
    let Time::Wall(claimed) = t.time else {
        return Ok(None);
    };
    let share = wf / t.flop;
    let share_txt = fmt::percent(share, l);
    let (verdict, why, window_u, full_run_s) = match ctx.claim.window_s {
        None => {
            let u = wf / (h.peak_flop_per_s * claimed);
            let (wv, wwhy) = training_verdict(u, (u, u), h.precision, false, l);
            let full = claimed / share;
            let v = if h.verdict != Verdict::Plausible && wv == Verdict::Plausible {
                Verdict::Misleading
            } else {
                h.verdict
            };
            let d = fmt::duration(full, l);
            let why = fill(
                Says::TimeBenchmarkWindowWhole.t(l),
                &[&share_txt, &wwhy, &d, &h.reason],
            );
            (v, why, Some(u), full)
        }
        Some(ws) => {
            let full = ws / share;
            let ratio = claimed / full;
            let d = fmt::duration(full, l);
            if (ratio - 1.0).abs() <= PEAK_MATCH {
                let why = fill(
                    Says::BenchmarkRateRunWhole.t(l),
                    &[&share_txt, &fmt::duration(ws, l), &d],
                );
                (h.verdict, why, None, full)
            } else {
                let off = off_by(ratio, l);
                let why = fill(
                    Says::ExtrapolationBenchmarkRateRun.t(l),
                    &[&off, &share_txt, &fmt::duration(ws, l), &d],
                );
                (Verdict::Wrong, why, None, full)
            }
        }
    };
    sections.push((verdict, why.clone()));
    Ok(Some(WindowCheck {
        window_flop: wf,
        share,
        window_utilization: window_u,
        full_run_s,
        verdict,
        reason: why,
    }))
}

crate::keys! {
    /// The sentences of this file, by key; `{}` (or `{N}`, the N-th) are the figures.
    pub(super) enum Says {
        OnlyWhichClaimDoes => " Only as {}, which the claim does not state: {}.",
            " Seulement en {}, ce que l'affirmation ne dit pas : {}.";
        EvenFp => " Even in FP8: {0}.",
            " Même en FP8{1} {0}.";
        TimeBenchmarkWindowWhole => "The time is the benchmark window's, {} of the whole run's compute ({}); at that rate the whole run takes {}. As a whole run: {}.",
            "La durée est celle de la fenêtre du banc d'essai, {} du calcul de l'entraînement complet ({}) ; à ce rythme l'entraînement complet prend {}. Comme entraînement complet : {}.";
        BenchmarkRateRunWhole => "At the benchmark's rate ({} of the run in {}), the whole run takes {}, as claimed.",
            "Au rythme du banc d'essai ({} de l'entraînement en {}), l'entraînement complet prend {}, comme annoncé.";
        ExtrapolationBenchmarkRateRun => "The extrapolation is {}: at the benchmark's rate ({} of the run in {}), the whole run takes {}.",
            "L'extrapolation est {} : au rythme du banc d'essai ({} de l'entraînement en {}), l'entraînement complet prend {}.";
    }
}
