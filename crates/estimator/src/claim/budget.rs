//! A budget and the chips it buys: the dollars per GPU the claim leaves, against the chip's
//! price alone (the favourable end), the catalog's price with its share of the server (central)
//! and the highest price sourced.

use super::input::Fails;
use crate::catalog::{self, H100_CHIP_USD};
use crate::error::Error;
use crate::format::{self as fmt, Locale};
use crate::limits;
use crate::report::Range;

use super::input::{range_of, Context};
use super::words::unit_word;
use super::{BudgetCheck, CountReading, Verdict, POWER_SLACK};
use crate::text::keys::fill;

/// The share of a GPU's catalog price (an 8-GPU server's price / 8) that is the chip alone:
/// $25,000 for an H100 (the low end CNBC reports) against $33,810 a GPU in an HGX H100 server.
pub fn chip_share() -> f64 {
    let h100 = catalog::accelerator("h100")
        .and_then(|a| a.usd_purchase_per_chip)
        .unwrap_or(H100_CHIP_USD.value);
    (H100_CHIP_USD.value / h100).min(1.0)
}

fn price_range(a: &catalog::Accelerator, central: f64) -> Range {
    let (_, high) = range_of(a.ranges, "usd_purchase_per_chip", central);
    Range {
        low: central * chip_share(),
        central,
        high,
    }
}

fn verdict(per_gpu: f64, price: &Range) -> Verdict {
    if per_gpu * POWER_SLACK >= price.central {
        Verdict::Plausible
    } else if per_gpu * POWER_SLACK >= price.low {
        Verdict::Optimistic
    } else {
        Verdict::Impossible
    }
}

fn reading_text(r: &CountReading, price: &Range, ctx: &Context, l: Locale) -> String {
    let n = fmt::big(ctx.count, l);
    let u = unit_word(r.count_unit, &ctx.h, l);
    let per = fmt::usd(r.per_gpu, l);
    let what = match r.verdict {
        Verdict::Plausible => Says::EnoughForChipsWith.t(l).to_string(),
        Verdict::Optimistic => fill(Says::EnoughOnlyForChips.t(l), &[&fmt::usd(price.low, l)]),
        _ => fill(
            Says::BelowEvenChipOwn.t(l),
            &[
                &fmt::usd(price.low, l),
                &fmt::sig3(price.low / r.per_gpu, l),
            ],
        ),
    };
    fill(
        Says::PerGpu.t(l),
        &[&n, &u, &per, &what, r.verdict.label(l)],
    )
}

/// The budget question.
///
/// # Errors
/// A budget out of range, or a chip with no purchase price in the catalog.
pub fn check(
    ctx: &Context,
    l: Locale,
    sections: &mut Vec<(Verdict, String)>,
) -> Result<Option<BudgetCheck>, Error> {
    let Some(b) = ctx.claim.budget_usd else {
        return Ok(None);
    };
    let b = limits::BUDGET_USD.check("budget_usd", b)?;
    let a = ctx.accelerator();
    let Some((a, central)) = a.and_then(|a| a.usd_purchase_per_chip.map(|p| (a, p))) else {
        return Err(Error::said(
            "hardware",
            Fails::PurchasePrice,
            &[&ctx.h.name],
        ));
    };
    let price = price_range(a, central);
    let rs: Vec<CountReading> = ctx
        .units
        .iter()
        .filter_map(|&u| ctx.gpus(u).map(|g| (u, g)))
        .map(|(u, gpus)| {
            let per_gpu = b / gpus;
            CountReading {
                count_unit: u,
                gpus,
                needed: gpus * central,
                ratio: gpus * central / b,
                needed_favourable: gpus * price.low,
                per_gpu,
                verdict: verdict(per_gpu, &price),
            }
        })
        .collect();
    let mut why = fill(
        Says::BuysAboutGpusEach.t(l),
        &[
            &fmt::usd(b, l),
            &fmt::big((b / central).floor(), l),
            &fmt::usd(central, l),
            &fmt::big((b / price.low).floor(), l),
            &fmt::usd(price.low, l),
        ],
    );
    for r in &rs {
        why.push_str(&reading_text(r, &price, ctx, l));
    }
    let mut v = rs.first().map_or(Verdict::Impossible, |r| r.verdict);
    if v == Verdict::Impossible && rs.iter().skip(1).any(|r| r.verdict.severity() < 2) {
        v = Verdict::Misleading;
        why.push_str(Says::ItHoldsOnlyUnder.t(l));
    }
    sections.push((v, why.clone()));
    Ok(Some(BudgetCheck {
        budget_usd: b,
        gpus_affordable: (b / central).floor(),
        usd_per_gpu: price,
        readings: rs,
        verdict: v,
        reason: why,
    }))
}

crate::keys! {
    /// The sentences of this file, by key; `{}` (or `{N}`, the N-th) are the figures.
    pub(super) enum Says {
        EnoughForChipsWith => "enough for the chips with their servers",
            "assez pour les puces avec leurs serveurs";
        EnoughOnlyForChips => "enough only for the chips without their servers (about {} each)",
            "assez seulement pour les puces sans leurs serveurs (environ {} pièce)";
        BelowEvenChipOwn => "below even the chip's own price (about {}; {}× short)",
            "moins que le prix de la puce seule (environ {} ; {}× trop peu)";
        PerGpu => " As {} {}: {} per GPU, {} ({}).",
            " En {} {} : {} par GPU, {} ({}).";
        BuysAboutGpusEach => "{} buys about {} GPUs at {} each with their servers, {} at {} for the chip alone.",
            "{} achètent environ {} GPU à {} pièce avec leurs serveurs, {} à {} pour la puce seule.";
        ItHoldsOnlyUnder => " It holds only under a count the claim does not state.",
            " Cela ne tient qu'avec un décompte que l'affirmation ne dit pas.";
    }
}
