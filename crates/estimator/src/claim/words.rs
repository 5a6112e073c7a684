//! The words the claim checker's reasons share, in both languages.

use crate::format::{self as fmt, Locale};
use crate::hardware::{CountUnit, Hardware, Precision};

use super::Reading;

/// `en` or `fr`.
pub fn en_fr(l: Locale, en: String, fr: String) -> String {
    match l {
        Locale::En => en,
        Locale::Fr => fr,
    }
}

/// What the count is read as: `GPUs`, `superchips of 2 GPUs`, `racks`.
pub fn unit_word(u: CountUnit, h: &Hardware, l: Locale) -> String {
    match (u, l) {
        (CountUnit::Chip, Locale::En) => "GPUs".into(),
        (CountUnit::Chip, Locale::Fr) => "GPU".into(),
        (CountUnit::Package, Locale::En) if h.gpus_per_package > 1 => {
            format!("superchips of {} GPUs", h.gpus_per_package)
        }
        (CountUnit::Package, Locale::Fr) if h.gpus_per_package > 1 => {
            format!("superpuces de {} GPU", h.gpus_per_package)
        }
        (CountUnit::Package, Locale::En) => "packages".into(),
        (CountUnit::Package, Locale::Fr) => "boîtiers".into(),
        (CountUnit::Rack, Locale::En) => "racks".into(),
        (CountUnit::Rack, Locale::Fr) => "baies".into(),
    }
}

/// `dense FP8` / `FP8 dense`, `sparse FP4` / `FP4 creux (sparse)`.
pub fn peak_name(p: Precision, sparse: bool, l: Locale) -> String {
    let p = p.label();
    match (sparse, l) {
        (false, Locale::En) => format!("dense {p}"),
        (true, Locale::En) => format!("sparse {p}"),
        (false, Locale::Fr) => format!("{p} dense"),
        (true, Locale::Fr) => format!("{p} creux (sparse)"),
    }
}

/// `128,000 GPUs, dense FP16`.
pub fn reading_label(r: &Reading, h: &Hardware, l: Locale) -> String {
    let unit = if r.gpus == 1.0 && l == Locale::En {
        "GPU".to_string()
    } else {
        unit_word(CountUnit::Chip, h, l)
    };
    format!(
        "{} {unit}, {}",
        fmt::grouped(r.gpus, 0, l),
        peak_name(r.precision, r.sparse, l)
    )
}

/// The colon of `l` (French puts a narrow space before it).
pub fn colon(l: Locale) -> &'static str {
    match l {
        Locale::En => ":",
        Locale::Fr => "\u{a0}:",
    }
}

/// A ratio as a factor: `1,000×`, `2.3×`.
pub fn factor(x: f64, l: Locale) -> String {
    if x >= 100.0 {
        format!("{}×", fmt::grouped(x, 0, l))
    } else {
        format!("{}×", fmt::sig3(x, l))
    }
}

/// `1,000× too small` / `1 000× trop petit`, for a figure `ratio` times the reference.
pub fn off_by(ratio: f64, l: Locale) -> String {
    if ratio < 1.0 {
        let f = factor(1.0 / ratio, l);
        en_fr(l, format!("{f} too small"), format!("{f} trop petit"))
    } else {
        let f = factor(ratio, l);
        en_fr(l, format!("{f} too large"), format!("{f} trop grand"))
    }
}
