//! Counts in "equivalents" ("288,000 H100-equivalents"): converted to GPUs of the claim's chip
//! with the same dense 16-bit peak, and the literal reading (that many real H100) set beside.

use crate::catalog;
use crate::error::Error;
use crate::format::{self as fmt, Locale};
use crate::hardware::{Hardware, HardwareChoice, Precision};

use super::input::Context;
use super::{Claim, Equivalence, Verdict};
use crate::text::keys::fill;

fn sixteen(h: &Hardware) -> Option<f64> {
    h.peaks
        .get(Precision::Bf16)
        .or(h.peaks.get(Precision::Fp16))
}

fn of(claim: &Claim) -> Result<Option<Hardware>, Error> {
    let Some(id) = &claim.equivalent_of else {
        return Ok(None);
    };
    let h = HardwareChoice::Id(id.clone())
        .resolve()
        .map_err(|e| Error::new("equivalent_of", e.kind().clone()))?;
    Ok(Some(h))
}

/// GPUs of `h` per counted unit: 1, or for equivalents the ratio of the dense 16-bit peaks.
///
/// # Errors
/// An unknown chip, or one without a 16-bit peak.
pub fn scale(claim: &Claim, h: &Hardware) -> Result<f64, Error> {
    let Some(e) = of(claim)? else {
        return Ok(1.0);
    };
    match (sixteen(&e), sixteen(h)) {
        (Some(a), Some(b)) => Ok(a / b),
        _ => Err(Error::said(
            "equivalent_of",
            super::input::Fails::EquivalentPeak,
            &[],
        )),
    }
}

/// The equivalence, and the literal reading of a site's power as that many real chips.
///
/// # Errors
/// An unknown chip.
pub fn check(
    ctx: &Context,
    l: Locale,
    sections: &mut Vec<(Verdict, String)>,
) -> Result<Option<Equivalence>, Error> {
    let Some(e) = of(ctx.claim)? else {
        return Ok(None);
    };
    let gpus = ctx.count * ctx.scale;
    let n = fmt::big(ctx.count, l);
    let mut why = fill(
        Says::EquivalentsAboutGpusBy.t(l),
        &[&n, &e.name, &fmt::big(gpus.round(), l), &ctx.h.name],
    );
    let site = ctx.claim.site_power_w.or(ctx.claim.site_energy_wh);
    let tdp = catalog::accelerator(&e.id).and_then(|a| a.tdp_w);
    if let (Some(site), Some(tdp)) = (site, tdp) {
        let w = site / ctx.count;
        if w < tdp {
            why.push_str(&fill(
                Says::ReadRealSiteWould.t(l),
                &[&n, &e.name, &fmt::si(w, "W", l), &fmt::si(tdp, "W", l)],
            ));
        }
    }
    sections.push((Verdict::Plausible, why));
    Ok(Some(Equivalence {
        of: e.id,
        gpus_per_equivalent: ctx.scale,
        gpus,
    }))
}

crate::keys! {
    /// The sentences of this file, by key; `{}` (or `{N}`, the N-th) are the figures.
    pub(super) enum Says {
        EquivalentsAboutGpusBy => "{} {}-equivalents are about {} {} GPUs by dense 16-bit peak.",
            "{} équivalents {} font environ {} GPU {} au pic 16 bits dense.";
        ReadRealSiteWould => " Read as {} real {}, the site would leave {} per chip, below its own TDP ({}): impossible.",
            " Lu comme {} vraies {}, le site laisserait {} par puce, moins que son propre TDP ({}) : impossible.";
    }
}
