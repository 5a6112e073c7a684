//! The report's warnings, as a table: when each applies and what it says.

use super::explain::X;
use crate::catalog::UTILIZATION_WARNING;
use crate::format::{self as fmt, Locale};
use crate::report::Warning;

/// One warning: its code, the field it is about, and its sentence when it applies.
struct Def {
    code: &'static str,
    field: &'static str,
    message: fn(&X) -> Option<String>,
}

/// Picks the sentence in the reader's language.
fn say(l: Locale, en: String, fr: String) -> String {
    match l {
        Locale::En => en,
        Locale::Fr => fr,
    }
}

/// The warnings that apply, in the order the page lists them.
pub(super) fn warnings(x: &X) -> Vec<Warning> {
    WARNINGS
        .iter()
        .filter_map(|d| {
            (d.message)(x).map(|message| Warning {
                code: d.code.into(),
                field: d.field.into(),
                message,
            })
        })
        .collect()
}

const WARNINGS: &[Def] = &[
    Def {
        code: "checkpoint_slow",
        field: "checkpoint_s",
        message: |x| {
            let g = &x.n.goodput.g;
            let (l, d, m) = (x.l, x.r.checkpoint_s, g.mtbf_s);
            g.capped.then(|| say(l,
                format!("a checkpoint ({}) takes half the time between interruptions ({}) or more: the interval is set to the MTBF", fmt::duration(d, l), fmt::duration(m, l)),
                format!("un point de reprise ({}) prend la moitié du temps entre interruptions ({}) ou plus : l'intervalle est pris égal au MTBF", fmt::duration(d, l), fmt::duration(m, l)),
            ))
        },
    },
    Def {
        code: "never_finishes",
        field: "goodput",
        message: |x| {
            let (l, m, r) = (x.l, x.n.goodput.g.mtbf_s, x.r.restart_s);
            x.n.goodput.wall.is_none().then(|| say(l,
                format!("interruptions every {} against a restart of {}: the run never finishes", fmt::duration(m, l), fmt::duration(r, l)),
                format!("une interruption toutes les {} pour un redémarrage de {} : l'entraînement ne finit jamais", fmt::duration(m, l), fmt::duration(r, l)),
            ))
        },
    },
    Def {
        code: "auto_failed",
        field: "utilization",
        message: |x| {
            let l = x.l;
            x.r.auto_failed.as_ref().map(|e| say(l,
                format!("no parallel layout found for this cluster ({}): the default utilization is used", e.reason_in(l)),
                format!("aucune répartition trouvée pour ce cluster ({}) : l'utilisation par défaut est retenue", e.reason_in(l)),
            ))
        },
    },
    Def {
        code: "utilization_high",
        field: "utilization",
        message: |x| {
            let l = x.l;
            let (u, max) = (
                fmt::percent(x.r.u, l),
                fmt::percent(UTILIZATION_WARNING.value, l),
            );
            (x.r.u > UTILIZATION_WARNING.value).then(|| say(l,
                format!("utilization {u} is above {max}: no published large training run sustains that"),
                format!("une utilisation de {u} dépasse {max} : aucun grand entraînement publié ne la soutient"),
            ))
        },
    },
    Def {
        code: "sparse_peak",
        field: "sparse",
        message: |x| {
            x.r.s.sparse.then(|| say(x.l,
                "the sparse peak assumes 2:4 structured sparsity, which training does not use: compare dense figures".into(),
                "le pic creux suppose une parcimonie structurée 2:4, que l'entraînement n'utilise pas : comparez les pics denses".into(),
            ))
        },
    },
    Def {
        code: "claim_impossible",
        field: "claimed_duration_s",
        message: |x| {
            let l = x.l;
            let iu = x.n.implied_utilization.filter(|&iu| iu > 1.0)?;
            Some(say(
                l,
                format!(
                    "the claimed duration needs {} of the peak: impossible",
                    fmt::percent(iu, l)
                ),
                format!(
                    "la durée annoncée demande {} du pic : impossible",
                    fmt::percent(iu, l)
                ),
            ))
        },
    },
    Def {
        code: "claim_optimistic",
        field: "claimed_duration_s",
        message: |x| {
            let l = x.l;
            let iu =
                x.n.implied_utilization
                    .filter(|&iu| iu <= 1.0 && iu > UTILIZATION_WARNING.value)?;
            Some(say(
                l,
                format!(
                    "the claimed duration needs {} of the peak: beyond any published run",
                    fmt::percent(iu, l)
                ),
                format!(
                    "la durée annoncée demande {} du pic : au-delà de tout entraînement publié",
                    fmt::percent(iu, l)
                ),
            ))
        },
    },
];
