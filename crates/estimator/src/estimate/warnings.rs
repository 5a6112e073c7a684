//! The report's warnings, as a table: when each applies and what it says.

use super::explain::X;
use crate::catalog::UTILIZATION_WARNING;
use crate::format::{self as fmt, Locale};
use crate::report::{Warning, WarningCode};

/// Picks the sentence in the reader's language.
fn say(l: Locale, en: String, fr: String) -> String {
    match l {
        Locale::En => en,
        Locale::Fr => fr,
    }
}

/// A table of warnings, in the order the page lists them: each is its code, the field it is
/// about, and its sentence when it applies (`None`: it does not). Expanded in place.
macro_rules! warnings_table {
    ($( $code:ident, $field:literal => $message:expr; )*) => {{
        let mut out = Vec::new();
        $( if let Some(message) = $message {
            out.push(Warning {
                code: WarningCode::$code,
                field: $field.into(),
                message,
            });
        } )*
        out
    }};
}

/// The warnings that apply.
pub(super) fn warnings(x: &X) -> Vec<Warning> {
    let l = x.l;
    let g = &x.n.goodput.g;
    let pct = |v: f64| fmt::percent(v, l);
    let implied = x.n.implied_utilization;
    warnings_table! {
        CheckpointSlow, "checkpoint_s" => g.capped.then(|| {
            let (d, m) = (fmt::duration(x.r.checkpoint_s, l), fmt::duration(g.mtbf_s, l));
            say(l,
                format!("a checkpoint ({d}) takes half the time between interruptions ({m}) or more: the interval is set to the MTBF"),
                format!("un point de reprise ({d}) prend la moitié du temps entre interruptions ({m}) ou plus : l'intervalle est pris égal au MTBF"),
            )
        });
        NeverFinishes, "goodput" => x.n.goodput.wall.is_none().then(|| {
            let (m, r) = (fmt::duration(g.mtbf_s, l), fmt::duration(x.r.restart_s, l));
            say(l,
                format!("interruptions every {m} against a restart of {r}: the run never finishes"),
                format!("une interruption toutes les {m} pour un redémarrage de {r} : l'entraînement ne finit jamais"),
            )
        });
        AutoFailed, "utilization" => x.r.auto_failed.as_ref().map(|e| {
            let why = e.reason_in(l);
            say(l,
                format!("no parallel layout found for this cluster ({why}): the default utilization is used"),
                format!("aucune répartition trouvée pour ce cluster ({why}) : l'utilisation par défaut est retenue"),
            )
        });
        UtilizationHigh, "utilization" => (x.r.u > UTILIZATION_WARNING.value).then(|| {
            let (u, max) = (pct(x.r.u), pct(UTILIZATION_WARNING.value));
            say(l,
                format!("utilization {u} is above {max}: no published large training run sustains that"),
                format!("une utilisation de {u} dépasse {max} : aucun grand entraînement publié ne la soutient"),
            )
        });
        SparsePeak, "sparse" => x.r.s.sparse.then(|| say(l,
            "the sparse peak assumes 2:4 structured sparsity, which training does not use: compare dense figures".into(),
            "le pic creux suppose une parcimonie structurée 2:4, que l'entraînement n'utilise pas : comparez les pics denses".into(),
        ));
        ClaimImpossible, "claimed_duration_s" => implied.filter(|&iu| iu > 1.0).map(|iu| say(l,
            format!("the claimed duration needs {} of the peak: impossible", pct(iu)),
            format!("la durée annoncée demande {} du pic : impossible", pct(iu)),
        ));
        ClaimOptimistic, "claimed_duration_s" => implied
            .filter(|&iu| iu <= 1.0 && iu > UTILIZATION_WARNING.value)
            .map(|iu| say(l,
                format!("the claimed duration needs {} of the peak: beyond any published run", pct(iu)),
                format!("la durée annoncée demande {} du pic : au-delà de tout entraînement publié", pct(iu)),
            ));
    }
}
