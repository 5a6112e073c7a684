//! An error's words: one function per language over the error's data ([`ErrorKind`],
//! [`Conflict`], [`Need`]). `Error::reason_in` calls [`message`]; `Display` is English.

use crate::error::{Conflict, ErrorKind, Need};
use crate::format::{compact, Locale};
use crate::hardware::Precision;

/// The message of `kind` in `l`, without the field name.
pub fn message(kind: &ErrorKind, l: Locale) -> String {
    match l {
        Locale::En => en(kind),
        Locale::Fr => fr(kind),
    }
}

fn ids(ps: &[Precision]) -> String {
    ps.iter().map(|p| p.id()).collect::<Vec<_>>().join(", ")
}

/// A decimal with a French comma.
fn comma(v: f64) -> String {
    compact(v).replace('.', ",")
}

fn en(kind: &ErrorKind) -> String {
    match kind {
        ErrorKind::OutOfRange { value, min, max } => {
            let allowed = format!("{} ≤ x ≤ {}", compact(*min), compact(*max));
            if value.is_nan() {
                format!("is not a number; allowed: {allowed}")
            } else {
                format!("{} is out of range; allowed: {allowed}", compact(*value))
            }
        }
        ErrorKind::NotWhole { value } => format!("{} is not a whole number", compact(*value)),
        ErrorKind::UnknownId { what, id, known } => {
            format!("unknown {what} `{id}`; known: {}", known.join(", "))
        }
        ErrorKind::Conflict(c) => en_conflict(c),
        ErrorKind::Needs(n) => format!("missing: {}", en_need(n)),
        ErrorKind::Unsupported { reason, .. } | ErrorKind::Parse { reason, .. } => reason.clone(),
        ErrorKind::Missing { hint, .. } => format!("missing: {hint}"),
    }
}

fn fr(kind: &ErrorKind) -> String {
    match kind {
        ErrorKind::OutOfRange { value, min, max } => {
            let allowed = format!("{} ≤ x ≤ {}", comma(*min), comma(*max));
            if value.is_nan() {
                format!("n'est pas un nombre ; permis : {allowed}")
            } else {
                format!("{} est hors limites ; permis : {allowed}", comma(*value))
            }
        }
        ErrorKind::NotWhole { value } => format!("{} n'est pas un nombre entier", comma(*value)),
        ErrorKind::UnknownId { id, known, .. } => {
            format!("identifiant inconnu `{id}` ; connus : {}", known.join(", "))
        }
        ErrorKind::Conflict(c) => fr_conflict(c),
        ErrorKind::Needs(n) => format!("manquant : {}", fr_need(n)),
        // The performance model's words: English where no French was written.
        ErrorKind::Unsupported { reason, fr } | ErrorKind::Parse { reason, fr } => {
            if fr.is_empty() { reason } else { fr }.clone()
        }
        ErrorKind::Missing { hint, fr } => {
            format!("manquant : {}", if fr.is_empty() { hint } else { fr })
        }
    }
}

fn en_conflict(c: &Conflict) -> String {
    match c {
        Conflict::ActiveParamsExceedTotal { active, total } => {
            format!("{active:e} active parameters exceed the {total:e} total")
        }
        Conflict::NotFinite { quantity } => {
            format!("{quantity} does not fit in a finite number; check the magnitudes")
        }
        Conflict::EquivalentNeedsSixteenBitPeak => {
            "equivalents are counted by the dense 16-bit peak, which one of the chips lacks".into()
        }
        Conflict::NoPurchasePrice { chip } => {
            format!("{chip} has no purchase price in the catalog")
        }
        Conflict::NoPrecision {
            chip,
            precision,
            supported,
        } => format!(
            "{chip} has no {} figure; it supports {}",
            precision.id(),
            ids(supported)
        ),
        Conflict::NoPowerFigure { chip } => format!(
            "{chip} has no sourced power figure in the catalog; describe it as custom hardware with its all_in_w"
        ),
        Conflict::NoRack { chip } => {
            format!("{chip} has no rack definition in the catalog; count chips or packages")
        }
        Conflict::NoSparseMode { chip, precision } => {
            format!("{chip} has no sparse {} mode", precision.id())
        }
        Conflict::NeverFinishes {
            gpus,
            mtbf_s,
            restart_s,
        } => format!(
            "at {} GPUs an interruption comes every {} s on average, against a restart of {} s: the run never finishes",
            compact(*gpus),
            compact(*mtbf_s),
            compact(*restart_s)
        ),
        Conflict::AutoNeedsArchitecture { presets } => format!(
            "\"auto\" needs a model preset with a published architecture ({})",
            presets.join(", ")
        ),
        Conflict::AutoNeedsCatalogChip => "\"auto\" needs a catalog chip".into(),
        Conflict::AutoTooManyGpus => "too many GPUs for the performance model".into(),
        Conflict::AutoNeedsModelAndCluster => {
            "\"auto\" needs a model and a cluster size: give a number, e.g. 0.4".into()
        }
        Conflict::FreeCluster => {
            "the cluster costs nothing at these prices: a budget buys no defined compute".into()
        }
        Conflict::OnlyWithUsd => "only with usd: a compute in FLOP needs no cluster".into(),
        Conflict::FlopOrUsd => "give flop or usd, not both".into(),
    }
}

fn fr_conflict(c: &Conflict) -> String {
    match c {
        Conflict::ActiveParamsExceedTotal { active, total } => {
            format!("{active:e} paramètres actifs dépassent le total de {total:e}")
        }
        Conflict::NotFinite { quantity } => format!(
            "{quantity} dépasse les nombres représentables ; vérifiez les ordres de grandeur"
        ),
        Conflict::EquivalentNeedsSixteenBitPeak => {
            "les équivalents se comptent au pic 16 bits dense, qui manque à l'une des puces".into()
        }
        Conflict::NoPurchasePrice { chip } => {
            format!("{chip} n'a pas de prix d'achat dans le catalogue")
        }
        Conflict::NoPrecision {
            chip,
            precision,
            supported,
        } => format!(
            "{chip} n'a pas de valeur {} ; précisions disponibles : {}",
            precision.id(),
            ids(supported)
        ),
        Conflict::NoPowerFigure { chip } => format!(
            "{chip} n'a pas de puissance sourcée au catalogue ; décrivez-la comme une puce personnalisée avec son all_in_w"
        ),
        Conflict::NoRack { chip } => format!(
            "{chip} n'a pas de baie définie au catalogue ; comptez des puces ou des boîtiers"
        ),
        Conflict::NoSparseMode { chip, precision } => {
            format!("{chip} n'a pas de mode {} creux (sparse)", precision.id())
        }
        Conflict::NeverFinishes {
            gpus,
            mtbf_s,
            restart_s,
        } => format!(
            "à {} GPU une interruption survient toutes les {} s en moyenne, pour un redémarrage de {} s : l'entraînement ne finit jamais",
            compact(*gpus),
            compact(*mtbf_s),
            compact(*restart_s)
        ),
        Conflict::AutoNeedsArchitecture { presets } => format!(
            "« auto » demande un modèle dont l'architecture est publiée ({})",
            presets.join(", ")
        ),
        Conflict::AutoNeedsCatalogChip => "« auto » demande une puce du catalogue".into(),
        Conflict::AutoTooManyGpus => "trop de GPU pour le modèle de performance".into(),
        Conflict::AutoNeedsModelAndCluster => {
            "\"auto\" demande un modèle et une taille de cluster : donnez un nombre, p. ex. 0,4"
                .into()
        }
        Conflict::FreeCluster => {
            "le cluster ne coûte rien à ces prix : un budget n'achète pas de calcul défini".into()
        }
        Conflict::OnlyWithUsd => {
            "seulement avec usd : un calcul en FLOP n'a pas besoin de cluster".into()
        }
        Conflict::FlopOrUsd => "donnez flop ou usd, pas les deux".into(),
    }
}

fn en_need(n: &Need) -> String {
    match n {
        Need::PresetCompute { preset } => format!("preset `{preset}` has no compute figure"),
        Need::RentalPrice { chip } => {
            format!("{chip} has no catalog rental price: give usd_per_chip_hour")
        }
        Need::ClaimRentalPrice { chip } => {
            format!("{chip} has no rental price in the catalog: give usd_per_gpu_hour")
        }
        Need::PurchasePrice => {
            "a budget needs a purchase price per GPU: give usd_purchase_per_chip".into()
        }
        Need::CustomPeak => "give at least one precision, e.g. {\"bf16\": 1e15}".into(),
        Need::ComparisonThan => "a comparison needs than (a chip) or than_flop_per_s".into(),
        Need::RunCostHours => "a run cost needs gpu_hours, or duration_s with the count".into(),
        Need::TrainingDuration => "a training claim needs duration_s or gpu_hours".into(),
        Need::DurationWorkload => "a duration claim needs a workload".into(),
        Need::SomethingToCheck => "nothing to check: give workload and duration_s or gpu_hours, quoted_peak_flop_per_s, site_power_w, site_energy_wh, budget_usd, run_cost_usd or comparison".into(),
        Need::BudgetChip => {
            "with usd, give the chip the budget is spent on, e.g. \"h100\"".into()
        }
        Need::FlopOrBudget => "give a compute {\"flop\": 5.76e23} or a budget {\"usd\": 1e9, \"hardware\": \"h100\"}".into(),
    }
}

fn fr_need(n: &Need) -> String {
    match n {
        Need::PresetCompute { preset } => {
            format!("le modèle `{preset}` n'a pas de valeur de calcul")
        }
        Need::RentalPrice { chip } => format!(
            "{chip} n'a pas de prix de location au catalogue : donnez usd_per_chip_hour"
        ),
        Need::ClaimRentalPrice { chip } => format!(
            "{chip} n'a pas de prix de location dans le catalogue : donnez usd_per_gpu_hour"
        ),
        Need::PurchasePrice => {
            "un budget demande un prix d'achat par GPU : donnez usd_purchase_per_chip".into()
        }
        Need::CustomPeak => "donnez au moins une précision, par ex. {\"bf16\": 1e15}".into(),
        Need::ComparisonThan => {
            "une comparaison demande than (une puce) ou than_flop_per_s".into()
        }
        Need::RunCostHours => {
            "un coût d'entraînement demande gpu_hours, ou duration_s avec le nombre de puces".into()
        }
        Need::TrainingDuration => {
            "une affirmation d'entraînement demande duration_s ou gpu_hours".into()
        }
        Need::DurationWorkload => "une affirmation de durée demande un modèle (workload)".into(),
        Need::SomethingToCheck => "rien à vérifier : donnez workload et duration_s ou gpu_hours, quoted_peak_flop_per_s, site_power_w, site_energy_wh, budget_usd, run_cost_usd ou comparison".into(),
        Need::BudgetChip => {
            "avec usd, donnez la puce sur laquelle le budget est dépensé, p. ex. \"h100\"".into()
        }
        Need::FlopOrBudget => "donnez un calcul {\"flop\": 5.76e23} ou un budget {\"usd\": 1e9, \"hardware\": \"h100\"}".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_data_worded_per_language() {
        let range = ErrorKind::OutOfRange {
            value: 1.5,
            min: 0.001,
            max: 1.0,
        };
        assert_eq!(
            message(&range, Locale::En),
            "1.5 is out of range; allowed: 0.001 ≤ x ≤ 1"
        );
        assert_eq!(
            message(&range, Locale::Fr),
            "1,5 est hors limites ; permis : 0,001 ≤ x ≤ 1"
        );
        let nan = ErrorKind::OutOfRange {
            value: f64::NAN,
            min: 1.0,
            max: 3.0,
        };
        assert_eq!(
            message(&nan, Locale::En),
            "is not a number; allowed: 1 ≤ x ≤ 3"
        );
        let sparse = ErrorKind::Conflict(Conflict::NoSparseMode {
            chip: "V100".into(),
            precision: Precision::Fp8,
        });
        assert_eq!(message(&sparse, Locale::En), "V100 has no sparse fp8 mode");
        assert_eq!(
            message(&sparse, Locale::Fr),
            "V100 n'a pas de mode fp8 creux (sparse)"
        );
        let price = ErrorKind::Needs(Need::RentalPrice { chip: "X".into() });
        assert_eq!(
            message(&price, Locale::En),
            "missing: X has no catalog rental price: give usd_per_chip_hour"
        );
        assert!(message(&price, Locale::Fr).starts_with("manquant : X n'a pas"));
        // The performance model's prose: English where no French was written.
        let prose = ErrorKind::Unsupported {
            reason: "no layout".into(),
            fr: String::new(),
        };
        assert_eq!(message(&prose, Locale::Fr), "no layout");
    }
}
