//! Scaling-law figures written for people, in English or French, for the exports and the page.

use crate::format::{sig3, Locale};

/// A count of parameters or tokens: `72.2B` / `72,2 Md`, `1.33T` / `1,33 T`.
///
/// ```
/// use zettaflop_estimator::{format::Locale, scaling::text::count};
/// assert_eq!(count(7.2249e10, Locale::En), "72.2B");
/// assert_eq!(count(1.3287e12, Locale::Fr), "1,33\u{a0}T");
/// ```
pub fn count(value: f64, l: Locale) -> String {
    const EN: [(f64, &str); 3] = [(1e12, "T"), (1e9, "B"), (1e6, "M")];
    const FR: [(f64, &str); 3] = [(1e12, "T"), (1e9, "Md"), (1e6, "M")];
    let table = if l == Locale::Fr { FR } else { EN };
    match table.iter().find(|(s, _)| value.abs() >= *s) {
        Some((s, p)) if l == Locale::Fr => format!("{}\u{a0}{p}", sig3(value / s, l)),
        Some((s, p)) => format!("{}{p}", sig3(value / s, l)),
        None => sig3(value, l),
    }
}

/// A loss in nats per token: `1.974` (three decimals).
pub fn loss(value: f64, l: Locale) -> String {
    let s = format!("{value:.3}");
    if l == Locale::Fr {
        s.replace('.', ",")
    } else {
        s
    }
}
