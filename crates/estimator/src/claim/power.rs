//! A site's power and the chips it holds: the watts per GPU the claim leaves, against what a
//! GPU needs at the favourable end (its server's IT power alone, the site's figure read as IT
//! power, PUE 1), at the central figures (all-in power × PUE) and the chip's own TDP.

use crate::catalog::{self, H100_SERVER_KW, PUE_HIGH};
use crate::error::Error;
use crate::format::{self as fmt, Locale};
use crate::hardware::Hardware;
use crate::limits;
use crate::report::Range;

use super::input::{opt, range_of, Context, ENERGY_WH};
use super::words::unit_word;
use super::{CountReading, PowerCheck, Verdict, POWER_SLACK};
use crate::text::keys::fill;

/// The share of a GPU's all-in power that its server alone draws: a DGX H100 draws 10.2 kW for
/// 8 GPUs, 1,275 W a GPU, against the H100's 1,500 W all-in (150 MW for 100,000 H100 with
/// network and storage, SemiAnalysis): 0.85.
pub fn server_share() -> f64 {
    let h100 = catalog::accelerator("h100")
        .and_then(|a| a.all_in_w)
        .unwrap_or(1500.0);
    H100_SERVER_KW.value * 1000.0 / 8.0 / h100
}

/// Watts a GPU of `h` needs: favourable (the server's share, PUE 1), central (all-in × `pue`),
/// high (the highest all-in sourced × the industry-average PUE).
pub fn w_per_gpu(h: &Hardware, pue: f64) -> Range {
    let ranges = catalog::accelerator(&h.id).map_or(&[][..], |a| a.ranges);
    let (low, high) = range_of(ranges, "all_in_w", h.all_in_w);
    Range {
        low: low.min(h.all_in_w * server_share()),
        central: h.all_in_w * pue,
        high: high * PUE_HIGH.value,
    }
}

/// Past this many times the watts a GPU needs at the high end, the site's power is not these
/// chips' (another phase, another cluster).
pub const OVER_POWER: f64 = 2.0;

/// How `per_gpu` watts fare against `need` (with the 10 % rounding of press figures).
fn verdict(per_gpu: f64, need: &Range) -> Verdict {
    if per_gpu > need.high * OVER_POWER {
        Verdict::Wrong
    } else if per_gpu * POWER_SLACK >= need.central {
        Verdict::Plausible
    } else if per_gpu * POWER_SLACK >= need.low {
        Verdict::Optimistic
    } else {
        Verdict::Impossible
    }
}

fn reading_text(
    r: &CountReading,
    need: &Range,
    tdp: Option<f64>,
    ctx: &Context,
    l: Locale,
) -> String {
    let n = fmt::big(ctx.count, l);
    let u = unit_word(r.count_unit, &ctx.h, l);
    let w = fmt::si(r.per_gpu, "W", l);
    let what = match r.verdict {
        Verdict::Plausible => Says::FitsCentralFigures.t(l).to_string(),
        Verdict::Optimistic => fill(Says::FitsOnlyWithSite.t(l), &[&fmt::si(need.low, "W", l)]),
        Verdict::Wrong => fill(
            Says::MostGpuNeedsSite.t(l),
            &[
                &super::words::factor(r.per_gpu / need.high, l),
                &fmt::si(need.high, "W", l),
            ],
        ),
        _ if tdp.is_some_and(|t| r.per_gpu < t) => fill(
            Says::BelowChipOwnTdp.t(l),
            &[&fmt::si(tdp.unwrap_or_default(), "W", l)],
        ),
        _ => fill(Says::BelowEvenServerPer.t(l), &[&fmt::si(need.low, "W", l)]),
    };
    fill(Says::PerGpu.t(l), &[&n, &u, &w, &what, r.verdict.label(l)])
}

/// The site's power, from `site_power_w` or (the MWh-for-MW slip) `site_energy_wh`.
fn site(ctx: &Context) -> Result<Option<(f64, Option<f64>)>, Error> {
    if let Some(p) = ctx.claim.site_power_w {
        return Ok(Some((limits::SITE_POWER_W.check("site_power_w", p)?, None)));
    }
    Ok(opt("site_energy_wh", ctx.claim.site_energy_wh, ENERGY_WH)?.map(|e| (e, Some(e))))
}

/// The power question.
///
/// # Errors
/// A site power or energy out of range.
pub fn check(
    ctx: &Context,
    l: Locale,
    sections: &mut Vec<(Verdict, String)>,
) -> Result<Option<PowerCheck>, Error> {
    let Some((site_w, energy)) = site(ctx)? else {
        return Ok(None);
    };
    let need = w_per_gpu(&ctx.h, ctx.pue);
    let tdp = ctx.accelerator().and_then(|a| a.tdp_w);
    let rs: Vec<CountReading> = ctx
        .units
        .iter()
        .filter_map(|&u| ctx.gpus(u).map(|g| (u, g)))
        .map(|(u, gpus)| {
            let per_gpu = site_w / gpus;
            CountReading {
                count_unit: u,
                gpus,
                needed: gpus * need.central,
                ratio: gpus * need.central / site_w,
                needed_favourable: gpus * need.low,
                per_gpu,
                verdict: verdict(per_gpu, &need),
            }
        })
        .collect();
    let mut why = fill(
        Says::HoldsAboutGpusPer.t(l),
        &[
            &fmt::si(site_w, "W", l),
            &fmt::big((site_w / need.central).floor(), l),
            &fmt::si(need.central, "W", l),
            &fmt::si(ctx.h.all_in_w, "W", l),
            &fmt::sig3(ctx.pue, l),
            &fmt::si(need.low, "W", l),
        ],
    );
    for r in &rs {
        why.push_str(&reading_text(r, &need, tdp, ctx, l));
    }
    let mut v = rs.first().map_or(Verdict::Impossible, |r| r.verdict);
    if v == Verdict::Impossible && rs.iter().skip(1).any(|r| r.verdict.severity() < 2) {
        v = Verdict::Misleading;
        why.push_str(Says::ItFitsOnlyUnder.t(l));
    }
    if let Some(e) = energy {
        if v.severity() < 2 {
            v = Verdict::Misleading;
        }
        let e = fmt::si(e, "Wh", l);
        why = fill(Says::EnergyNotPowerRead.t(l), &[&e, &why]);
    }
    sections.push((v, why.clone()));
    let home_w = crate::estimate::home_w();
    Ok(Some(PowerCheck {
        site_power_w: site_w,
        site_energy_wh: energy,
        gpus_supported: (site_w / need.central).floor(),
        w_per_gpu: need,
        tdp_w: tdp,
        homes: site_w / home_w,
        readings: rs,
        verdict: v,
        reason: why,
    }))
}

crate::keys! {
    /// The sentences of this file, by key; `{}` (or `{N}`, the N-th) are the figures.
    pub(super) enum Says {
        FitsCentralFigures => "fits at the central figures",
            "tient aux chiffres centraux";
        FitsOnlyWithSite => "fits only with the site's figure read as IT power (PUE 1) and {} per GPU",
            "ne tient qu'en lisant le chiffre du site comme puissance informatique (PUE 1) et {} par GPU";
        MostGpuNeedsSite => "{} the most a GPU needs ({}): the site's power is not these chips'",
            "{} le plus qu'un GPU demande ({}) : la puissance du site n'est pas celle de ces puces";
        BelowChipOwnTdp => "below the chip's own TDP ({})",
            "moins que le TDP de la puce elle-même ({})";
        BelowEvenServerPer => "below even a server's {} per GPU at PUE 1",
            "moins même que les {} par GPU d'un serveur à PUE 1";
        PerGpu => " As {} {}: {} per GPU, {} ({}).",
            " En {} {} : {} par GPU, {} ({}).";
        HoldsAboutGpusPer => "{} holds about {} GPUs at {} per GPU (all-in {} × PUE {}); at least {} at the favourable end.",
            "{} alimente environ {} GPU à {} par GPU (tout compris {} × PUE {}) ; au moins {} au plus favorable.";
        ItFitsOnlyUnder => " It fits only under a count the claim does not state.",
            " Cela ne tient qu'avec un décompte que l'affirmation ne dit pas.";
        EnergyNotPowerRead => "{} is an energy, not a power; read as the power it stands for: {}",
            "{} est une énergie, pas une puissance ; lu comme la puissance qu'il désigne : {}";
    }
}
