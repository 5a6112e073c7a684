//! A quoted cluster peak: accurate when the plain reading gives it (within 10 %), misleading
//! when only another reading does (sparse, FP8/FP4, superchips vs GPUs), wrong otherwise, with
//! the factor.

use crate::format::{self as fmt, Locale};

use super::input::Context;
use super::words::{off_by, reading_label};
use super::{Reading, Verdict};
use crate::text::keys::fill;

/// The quoted-peak section.
pub fn section(
    ctx: &Context,
    readings: &[Reading],
    l: Locale,
    sections: &mut Vec<(Verdict, String)>,
) {
    let Some(q) = ctx.quoted else {
        return;
    };
    if ctx.claim.comparison.is_some() {
        // The quoted figure is the comparison's left side.
        return;
    }
    let plain = readings.iter().find(|r| {
        r.count_unit == ctx.claim.count_unit && !r.sparse && r.precision == ctx.plain_precision
    });
    let matching: Vec<&Reading> = readings
        .iter()
        .filter(|r| r.matches_quoted_peak == Some(true))
        .collect();
    let p = ctx.plain_precision.label();
    let plain_peak = plain
        .map(|r| fmt::flops(r.peak_flop_per_s, l))
        .unwrap_or_default();
    let quoted = fmt::flops(q, l);
    let (verdict, why) = if plain.is_some_and(|r| r.matches_quoted_peak == Some(true)) {
        let why = fill(Says::QuotedPeakDensePeak.t(l), &[&quoted, p, &plain_peak]);
        (Verdict::Accurate, why)
    } else if !matching.is_empty() {
        let names: Vec<String> = matching
            .iter()
            .map(|r| reading_label(r, &ctx.h, l))
            .collect();
        let why = fill(
            Says::QuotedFigureOnlyReached.t(l),
            &[
                &quoted,
                &names.join("; "),
                p,
                &plain_peak,
                &names.join(" ; "),
            ],
        );
        (Verdict::Misleading, why)
    } else {
        let off = plain
            .map(|r| off_by(q / r.peak_flop_per_s, l))
            .unwrap_or_default();
        let why = fill(
            Says::NoReadingGivesQuoted.t(l),
            &[&quoted, &off, p, &plain_peak],
        );
        (Verdict::Wrong, why)
    };
    sections.push((verdict, why));
}

crate::keys! {
    /// The sentences of this file, by key; `{}` (or `{N}`, the N-th) are the figures.
    pub(super) enum Says {
        QuotedPeakDensePeak => "the quoted peak ({}) is the dense {} peak ({}).",
            "le pic cité ({}) est le pic {} dense ({}).";
        QuotedFigureOnlyReached => "the quoted figure ({0}) is only reached as: {1}. The dense {2} peak is {3}.",
            "le chiffre cité ({0}) n'est atteint qu'ainsi : {4}. Le pic {2} dense est de {3}.";
        NoReadingGivesQuoted => "no reading gives the quoted figure ({}): it is {} for the dense {} peak ({}).",
            "aucune lecture ne donne le chiffre cité ({}) : il est {} pour le pic {} dense ({}).";
    }
}
