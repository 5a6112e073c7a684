//! An error's words: one function per language over the error's data ([`ErrorKind`],
//! [`Conflict`], [`Need`]). `Error::reason_in` calls [`message`]; `Display` is English.

use crate::error::{Conflict, ErrorKind, Need};
use crate::format::{compact, Locale};
use crate::hardware::Precision;
use crate::text::keys::fill;

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

/// A key's text with its figures.
fn said(text: &str, figures: &[String]) -> String {
    let figures: Vec<&str> = figures.iter().map(String::as_str).collect();
    fill(text, &figures)
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
        ErrorKind::Said { key, figures } => said(key.t(Locale::En), figures),
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
        ErrorKind::Said { key, figures } => said(key.t(Locale::Fr), figures),
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
        Conflict::AutoNeedsArchitecture { presets } => format!(
            "\"auto\" needs a model preset with a published architecture ({})",
            presets.join(", ")
        ),
        Conflict::AutoNeedsCatalogChip => "\"auto\" needs a catalog chip".into(),
        Conflict::AutoTooManyGpus => "too many GPUs for the performance model".into(),
        Conflict::AutoNotInBuild => "the performance model is not in this build".into(),
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
        Conflict::AutoNeedsArchitecture { presets } => format!(
            "« auto » demande un modèle dont l'architecture est publiée ({})",
            presets.join(", ")
        ),
        Conflict::AutoNeedsCatalogChip => "« auto » demande une puce du catalogue".into(),
        Conflict::AutoTooManyGpus => "trop de GPU pour le modèle de performance".into(),
        Conflict::AutoNotInBuild => "le modèle de performance n'est pas dans cette version".into(),
    }
}

fn en_need(n: &Need) -> String {
    match n {
        Need::PresetCompute { preset } => format!("preset `{preset}` has no compute figure"),
        Need::RentalPrice { chip } => {
            format!("{chip} has no catalog rental price: give usd_per_chip_hour")
        }
        Need::PurchasePrice => {
            "a budget needs a purchase price per GPU: give usd_purchase_per_chip".into()
        }
        Need::CustomPeak => "give at least one precision, e.g. {\"bf16\": 1e15}".into(),
    }
}

fn fr_need(n: &Need) -> String {
    match n {
        Need::PresetCompute { preset } => {
            format!("le modèle `{preset}` n'a pas de valeur de calcul")
        }
        Need::RentalPrice { chip } => {
            format!("{chip} n'a pas de prix de location au catalogue : donnez usd_per_chip_hour")
        }
        Need::PurchasePrice => {
            "un budget demande un prix d'achat par GPU : donnez usd_purchase_per_chip".into()
        }
        Need::CustomPeak => "donnez au moins une précision, par ex. {\"bf16\": 1e15}".into(),
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
        // The performance model's errors: a key of its table and the figures.
        let layout = ErrorKind::Said {
            key: crate::perf::layout::Rejected::Product.into(),
            figures: vec!["24".into(), "64".into()],
        };
        assert_eq!(
            message(&layout, Locale::En),
            "tp × pp × cp = 24 does not divide the 64 GPUs"
        );
        assert_eq!(
            message(&layout, Locale::Fr),
            "tp × pp × cp = 24 ne divise pas les 64 GPU"
        );
    }
}
