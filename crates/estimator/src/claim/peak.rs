//! A quoted cluster peak: accurate when the plain reading gives it (within 10 %), misleading
//! when only another reading does (sparse, FP8/FP4, superchips vs GPUs), wrong otherwise, with
//! the factor.

use crate::format::{self as fmt, Locale};

use super::input::Context;
use super::words::{en_fr, off_by, reading_label};
use super::{Reading, Verdict};

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
        let why = en_fr(
            l,
            format!("the quoted peak ({quoted}) is the dense {p} peak ({plain_peak})."),
            format!("le pic cité ({quoted}) est le pic {p} dense ({plain_peak})."),
        );
        (Verdict::Accurate, why)
    } else if !matching.is_empty() {
        let names: Vec<String> = matching
            .iter()
            .map(|r| reading_label(r, &ctx.h, l))
            .collect();
        let why = en_fr(l, format!("the quoted figure ({quoted}) is only reached as: {}. The dense {p} peak is {plain_peak}.", names.join("; ")), format!("le chiffre cité ({quoted}) n'est atteint qu'ainsi : {}. Le pic {p} dense est de {plain_peak}.", names.join(" ; ")));
        (Verdict::Misleading, why)
    } else {
        let off = plain
            .map(|r| off_by(q / r.peak_flop_per_s, l))
            .unwrap_or_default();
        let why = en_fr(l, format!("no reading gives the quoted figure ({quoted}): it is {off} for the dense {p} peak ({plain_peak})."), format!("aucune lecture ne donne le chiffre cité ({quoted}) : il est {off} pour le pic {p} dense ({plain_peak})."));
        (Verdict::Wrong, why)
    };
    sections.push((verdict, why));
}
