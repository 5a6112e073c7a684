//! "N× faster than X": the ratio of the two sides' peaks at every pairing of precisions, dense
//! or sparse. It holds like for like (the same precision, dense), or only on a measure the claim
//! does not state (FP8 against BF16, FP8 against FP64, a sparse peak), or on none.

use crate::error::Error;
use crate::format::{self as fmt, Locale};
use crate::hardware::{Hardware, Precision};
use crate::limits;

use super::input::{is_sixteen, Context, FACTOR};
use super::readings::precisions;
use super::words::{factor, off_by, peak_name};
use super::{CompareCheck, CompareReading, Verdict, PEAK_MATCH};
use crate::text::keys::fill;

/// How much past the like-for-like ratio a factor is still optimistic rather than wrong.
pub const COMPARE_OPTIMISTIC: f64 = 1.3;

/// One side: (precision, sparse, FLOP/s) for each peak it has.
type Side = Vec<(Precision, bool, f64)>;

fn side(h: &Hardware, gpus: f64, sparse_too: bool) -> Side {
    let mut ps = precisions(None, h);
    if h.peaks.fp64.is_some() {
        ps.push(Precision::Fp64);
    }
    let mut v = Vec::new();
    for p in ps {
        for s in [false, true] {
            if s && !sparse_too {
                continue;
            }
            if let Ok(x) = h.peak_per_gpu(p, s) {
                v.push((p, s, x * gpus));
            }
        }
    }
    v
}

fn same(a: Precision, b: Precision) -> bool {
    a == b || (is_sixteen(a) && is_sixteen(b))
}

fn sides(ctx: &Context) -> Result<Option<(Side, Side, f64)>, Error> {
    let Some(c) = &ctx.claim.comparison else {
        return Ok(None);
    };
    let f = FACTOR.check("comparison.factor", c.factor)?;
    let gpus = ctx.gpus(ctx.claim.count_unit).unwrap_or(ctx.count);
    let left = match ctx.quoted {
        Some(q) => vec![(ctx.plain_precision, false, q)],
        None => side(&ctx.h, gpus, true),
    };
    let right = match (&c.than, c.than_flop_per_s) {
        (_, Some(x)) => {
            let x = limits::FLOP.check("comparison.than_flop_per_s", x)?;
            vec![(c.than_precision.unwrap_or(Precision::Bf16), false, x)]
        }
        (Some(than), None) => {
            let h = than.resolve().map_err(|e| {
                Error::new(
                    format!(
                        "comparison.than{}",
                        e.field().trim_start_matches("hardware")
                    ),
                    e.kind().clone(),
                )
            })?;
            let n = c.than_count.unwrap_or(ctx.count);
            let n = limits::COUNT.check("comparison.than_count", n)?;
            side(&h, n, false)
        }
        (None, None) => {
            return Err(Error::said(
                "comparison.than",
                super::input::Fails::ComparisonThan,
                &[],
            ))
        }
    };
    Ok(Some((left, right, f)))
}

fn pair_name(r: &CompareReading, l: Locale) -> String {
    let a = peak_name(r.precision, r.sparse, l);
    let b = peak_name(r.than_precision, false, l);
    fill(Says::Against.t(l), &[&a, &b])
}

/// The verdict of factor `f` against the like-for-like ratio `like` and every pairing `rs`.
fn judge(f: f64, like: Option<f64>, rs: &[CompareReading], l: Locale) -> (Verdict, String) {
    let fx = factor(f, l);
    match like {
        Some(k) if f <= k * (1.0 + PEAK_MATCH) => {
            let v = if (f / k - 1.0).abs() <= PEAK_MATCH {
                Verdict::Accurate
            } else {
                Verdict::Plausible
            };
            (v, fill(Says::HoldsLikeForLike.t(l), &[&fx, &factor(k, l)]))
        }
        Some(k) if f <= k * COMPARE_OPTIMISTIC => (
            Verdict::Optimistic,
            fill(
                Says::AboveLikeForLike.t(l),
                &[&fx, &fmt::percent(f / k - 1.0, l), &factor(k, l)],
            ),
        ),
        _ => match rs
            .iter()
            .filter(|r| r.holds)
            .min_by(|a, b| a.sparse.cmp(&b.sparse).then(a.ratio.total_cmp(&b.ratio)))
        {
            Some(r) => {
                let like_txt = like
                    .map(|k| fill(Says::LikeForLike.t(l), &[&factor(k, l)]))
                    .unwrap_or_default();
                (
                    Verdict::Misleading,
                    fill(
                        Says::HoldsOnlyComparingMeasure.t(l),
                        &[&fx, &pair_name(r, l), &factor(r.ratio, l), &like_txt],
                    ),
                )
            }
            None => {
                let best = like.unwrap_or_else(|| {
                    rs.iter().map(|r| r.ratio).fold(f64::MIN_POSITIVE, f64::max)
                });
                (
                    Verdict::Wrong,
                    fill(
                        Says::NoMeasureGivesMore.t(l),
                        &[&fx, &off_by(f / best, l), &factor(best, l)],
                    ),
                )
            }
        },
    }
}

/// The comparison section.
///
/// # Errors
/// A factor or a count out of range, an unknown chip, no side to compare with.
pub fn check(
    ctx: &Context,
    l: Locale,
    sections: &mut Vec<(Verdict, String)>,
) -> Result<Option<CompareCheck>, Error> {
    let Some((left, right, f)) = sides(ctx)? else {
        return Ok(None);
    };
    let mut rs = Vec::new();
    for &(p, s, x) in &left {
        for &(q, _, y) in &right {
            let ratio = x / y;
            rs.push(CompareReading {
                precision: p,
                sparse: s,
                than_precision: q,
                ratio,
                holds: ratio * (1.0 + PEAK_MATCH) >= f,
            });
        }
    }
    let like = rs
        .iter()
        .find(|r| !r.sparse && same(r.precision, r.than_precision))
        .map(|r| r.ratio);
    let (verdict, why) = judge(f, like, &rs, l);
    sections.push((verdict, why.clone()));
    Ok(Some(CompareCheck {
        factor: f,
        like_for_like: like,
        readings: rs,
        verdict,
        reason: why,
    }))
}

crate::keys! {
    /// The sentences of this file, by key; `{}` (or `{N}`, the N-th) are the figures.
    pub(super) enum Says {
        Against => "{} against {}",
            "{} contre {}";
        HoldsLikeForLike => "{} holds like for like: the same precision, dense, gives {}.",
            "{} tient à précision égale : le même format, dense, donne {}.";
        AboveLikeForLike => "{} is {} above the like-for-like ratio ({}).",
            "{} dépasse de {} le rapport à précision égale ({}).";
        LikeForLike => " Like for like: {}.",
            " À précision égale : {}.";
        HoldsOnlyComparingMeasure => "{} holds only comparing {} ({}), a measure the claim does not state.{}",
            "{} ne tient qu'en comparant {} ({}), une mesure que l'affirmation ne dit pas.{}";
        NoMeasureGivesMore => "{} is {}: no measure gives more than {}.",
            "{} est {} : aucune mesure ne donne plus de {}.";
    }
}
