//! The report's warnings, as a table: when each applies and what it says.

use super::explain::X;
use crate::catalog::UTILIZATION_WARNING;
use crate::format as fmt;
use crate::report::{Warning, WarningCode};
use crate::text::keys::fill;

crate::keys! {
    /// Each warning's sentence, by its code; `{}` are the figures, in order.
    pub(crate) enum Says {
        CheckpointSlow => "a checkpoint ({}) takes half the time between interruptions ({}) or more: the interval is set to the MTBF",
            "un point de reprise ({}) prend la moitié du temps entre interruptions ({}) ou plus : l'intervalle est pris égal au MTBF";
        NeverFinishes => "interruptions every {} against a restart of {}: the run never finishes",
            "une interruption toutes les {} pour un redémarrage de {} : l'entraînement ne finit jamais";
        AutoFailed => "no parallel layout found for this cluster ({}): the default utilization is used",
            "aucune répartition trouvée pour ce cluster ({}) : l'utilisation par défaut est retenue";
        UtilizationHigh => "utilization {} is above {}: no published large training run sustains that",
            "une utilisation de {} dépasse {} : aucun grand entraînement publié ne la soutient";
        SparsePeak => "the sparse peak assumes 2:4 structured sparsity, which training does not use: compare dense figures",
            "le pic creux suppose une parcimonie structurée 2:4, que l'entraînement n'utilise pas : comparez les pics denses";
        ClaimImpossible => "the claimed duration needs {} of the peak: impossible",
            "la durée annoncée demande {} du pic : impossible";
        ClaimOptimistic => "the claimed duration needs {} of the peak: beyond any published run",
            "la durée annoncée demande {} du pic : au-delà de tout entraînement publié";
    }
}

/// A table of warnings, in the order the page lists them: each is its code (which is also its
/// sentence's key), the field it is about, and the figures of its sentence when it applies
/// (`None`: it does not). Expanded in place.
macro_rules! warnings_table {
    ($l:expr; $( $code:ident, $field:literal => $figures:expr; )*) => {{
        let mut out = Vec::new();
        $( if let Some(figures) = $figures {
            let figures: &[String] = &figures;
            let figures: Vec<&str> = figures.iter().map(String::as_str).collect();
            out.push(Warning {
                code: WarningCode::$code,
                field: $field.into(),
                message: fill(Says::$code.t($l), &figures),
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
    let dur = |s: f64| fmt::duration(s, l);
    let implied = x.n.implied_utilization;
    let cap = UTILIZATION_WARNING.value;
    warnings_table! { l;
        CheckpointSlow, "checkpoint_s" => g.capped.then(|| [dur(x.r.checkpoint_s), dur(g.mtbf_s)]);
        NeverFinishes, "goodput" => x.n.goodput.wall.is_none().then(|| [dur(g.mtbf_s), dur(x.r.restart_s)]);
        AutoFailed, "utilization" => x.r.auto_failed.as_ref().map(|e| [e.reason_in(l)]);
        UtilizationHigh, "utilization" => (x.r.u > cap).then(|| [pct(x.r.u), pct(cap)]);
        SparsePeak, "sparse" => x.r.s.sparse.then_some([] as [String; 0]);
        ClaimImpossible, "claimed_duration_s" => implied.filter(|&iu| iu > 1.0).map(|iu| [pct(iu)]);
        ClaimOptimistic, "claimed_duration_s" => implied
            .filter(|&iu| iu <= 1.0 && iu > cap)
            .map(|iu| [pct(iu)]);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_warning_is_written_in_both_languages() {
        assert_eq!(
            crate::text::keys::check(super::Says::ALL, super::Says::pair),
            Ok(())
        );
    }
}
