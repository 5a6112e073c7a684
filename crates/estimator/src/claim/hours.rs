//! GPU-hours and the cost of a run: GPU-hours × a price per GPU-hour (the claim's, or the
//! catalog's rental price and its range).

use super::input::Fails;
use crate::error::Error;
use crate::format::{self as fmt, Locale};
use crate::limits;
use crate::report::Range;

use super::input::{bought_hours, opt, range_of, Context, GPU_HOURS};
use super::words::off_by;
use super::{HoursCheck, Verdict, POWER_SLACK};
use crate::text::keys::fill;

fn gpu_hours(ctx: &Context) -> Result<Option<f64>, Error> {
    let given = opt("gpu_hours", ctx.claim.gpu_hours, GPU_HOURS)?;
    if given.is_some() || ctx.claim.run_cost_usd.is_none() {
        return Ok(given);
    }
    if ctx.claim.duration_s.is_none() {
        if let Some(h) = bought_hours(ctx.claim)? {
            return Ok(Some(h));
        }
    }
    let (Some(d), Some(gpus)) = (ctx.claim.duration_s, ctx.gpus(ctx.claim.count_unit)) else {
        return Err(Error::said("gpu_hours", Fails::RunCostHours, &[]));
    };
    Ok(Some(
        gpus * limits::DURATION_S.check("duration_s", d)? / 3600.0,
    ))
}

fn price(ctx: &Context) -> Option<Range> {
    if let Some(p) = ctx.claim.usd_per_gpu_hour {
        return Some(Range {
            low: p,
            central: p,
            high: p,
        });
    }
    let a = ctx.accelerator()?;
    let central = a.usd_per_chip_hour?;
    let (low, high) = range_of(a.ranges, "usd_per_chip_hour", central);
    Some(Range { low, central, high })
}

fn cost_verdict(cost: f64, h: f64, p: &Range, l: Locale) -> (Verdict, String) {
    let implied = cost / h;
    let band = if p.low < p.high {
        format!("{}–{}", fmt::usd(p.low, l), fmt::usd(p.high, l))
    } else {
        fmt::usd(p.central, l)
    };
    let (c, hours) = (fmt::usd(cost, l), fmt::big(h, l));
    let per = fmt::usd(implied, l);
    if implied * POWER_SLACK >= p.low && implied <= p.high * POWER_SLACK {
        let why = fill(Says::ForGpuHoursPer.t(l), &[&c, &hours, &per, &band]);
        return (Verdict::Plausible, why);
    }
    let off = off_by(implied / p.central, l);
    let buys = fmt::big(cost / p.central, l);
    let why = fill(
        Says::ForGpuHoursPer2.t(l),
        &[
            &c,
            &hours,
            &per,
            &off,
            &band,
            &fmt::usd(p.central, l),
            &buys,
        ],
    );
    (Verdict::Wrong, why)
}

/// The GPU-hours section (a verdict only when the claim gives a run cost).
///
/// # Errors
/// GPU-hours or a run cost out of range; a run cost with no way to count GPU-hours.
pub fn check(
    ctx: &Context,
    l: Locale,
    sections: &mut Vec<(Verdict, String)>,
) -> Result<Option<HoursCheck>, Error> {
    let Some(h) = gpu_hours(ctx)? else {
        return Ok(None);
    };
    let run_cost = opt("run_cost_usd", ctx.claim.run_cost_usd, limits::BUDGET_USD)?;
    let gpus = ctx.gpus(ctx.claim.count_unit).unwrap_or(ctx.count);
    let wall = h * 3600.0 / gpus;
    let p = price(ctx);
    let cost = p.map(|p| Range {
        low: h * p.low,
        central: h * p.central,
        high: h * p.high,
    });
    let mut why = fill(
        Says::GpuHoursGpus.t(l),
        &[&fmt::big(h, l), &fmt::duration(wall, l), &fmt::big(gpus, l)],
    );
    if let Some(c) = &cost {
        why.push_str(&fill(
            Says::AndCostAboutRent.t(l),
            &[&fmt::usd(c.central, l)],
        ));
    } else {
        why.push('.');
    }
    let mut verdict = None;
    if let (Some(rc), Some(p)) = (run_cost, &p) {
        let (v, w) = cost_verdict(rc, h, p, l);
        why = format!("{why} {w}");
        sections.push((v, why.clone()));
        verdict = Some(v);
    } else if run_cost.is_some() {
        return Err(Error::said(
            "usd_per_gpu_hour",
            Fails::RentalPrice,
            &[&ctx.h.name],
        ));
    }
    Ok(Some(HoursCheck {
        gpu_hours: h,
        wall_clock_s: wall,
        usd_per_gpu_hour: p,
        cost_usd: cost,
        run_cost_usd: run_cost,
        implied_usd_per_gpu_hour: run_cost.map(|c| c / h),
        verdict,
        reason: why,
    }))
}

crate::keys! {
    /// The sentences of this file, by key; `{}` (or `{N}`, the N-th) are the figures.
    pub(super) enum Says {
        ForGpuHoursPer => "{} for {} GPU-hours is {} per GPU-hour, within {}.",
            "{} pour {} heures-GPU, c'est {} par heure-GPU, dans la fourchette {}.";
        ForGpuHoursPer2 => "{} for {} GPU-hours is {} per GPU-hour, {} for a price of {}: at {} it pays for {} GPU-hours.",
            "{} pour {} heures-GPU, c'est {} par heure-GPU, {} pour un prix de {} : à {} cela paie {} heures-GPU.";
        GpuHoursGpus => "{} GPU-hours are {} on {} GPUs",
            "{} heures-GPU font {} sur {} GPU";
        AndCostAboutRent => " and cost about {} to rent.",
            " et coûtent environ {} en location.";
    }
}
