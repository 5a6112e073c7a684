//! The words the claim checker's reasons share, in both languages.

use crate::format::{self as fmt, Locale};
use crate::hardware::{CountUnit, Hardware, Precision};
use crate::text::keys::fill;

use super::Reading;

/// What the count is read as: `GPUs`, `superchips of 2 GPUs`, `racks`.
pub fn unit_word(u: CountUnit, h: &Hardware, l: Locale) -> String {
    match u {
        CountUnit::Chip => Words::Gpus.t(l).into(),
        CountUnit::Package if h.gpus_per_package > 1 => {
            fill(Words::Superchips.t(l), &[&h.gpus_per_package.to_string()])
        }
        CountUnit::Package => Words::Packages.t(l).into(),
        CountUnit::Rack => Words::Racks.t(l).into(),
    }
}

/// `dense FP8` / `FP8 dense`, `sparse FP4` / `FP4 creux (sparse)`.
pub fn peak_name(p: Precision, sparse: bool, l: Locale) -> String {
    let key = if sparse { Words::Sparse } else { Words::Dense };
    fill(key.t(l), &[p.label()])
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
    Words::Colon.t(l)
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
        fill(Words::TooSmall.t(l), &[&f])
    } else {
        let f = factor(ratio, l);
        fill(Words::TooLarge.t(l), &[&f])
    }
}

crate::keys! {
    /// The words the reasons share; `{}` are figures.
    pub(super) enum Words {
        Gpus => "GPUs", "GPU";
        Superchips => "superchips of {} GPUs", "superpuces de {} GPU";
        Packages => "packages", "boîtiers";
        Racks => "racks", "baies";
        Dense => "dense {}", "{} dense";
        Sparse => "sparse {}", "{} creux (sparse)";
        Colon => ":", "\u{a0}:";
        TooSmall => "{} too small", "{} trop petit";
        TooLarge => "{} too large", "{} trop grand";
    }
}
