//! Writing quantities for people: SI prefixes, days and hours, grouped digits, in English or
//! French number style.
//!
//! ```
//! use zettaflop_estimator::format::{si, duration, Locale};
//! assert_eq!(si(3.2e20, "FLOP/s", Locale::En), "320 EFLOP/s");
//! assert_eq!(duration(164_062.5, Locale::En), "1 d 21.6 h");
//! assert_eq!(si(2.5e8, "W", Locale::Fr), "250 MW");
//! ```

/// Number style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    /// `1,234.5`
    #[default]
    En,
    /// `1 234,5` (narrow no-break space)
    Fr,
}

/// `value` with `decimals` decimals and grouped thousands.
pub fn grouped(value: f64, decimals: usize, locale: Locale) -> String {
    if !value.is_finite() {
        return "–".into();
    }
    let text = format!("{:.*}", decimals, value.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let (sep, dec) = match locale {
        Locale::En => (",", "."),
        Locale::Fr => ("\u{202f}", ","),
    };
    let mut out = String::new();
    if value < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        out.push('-');
    }
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(ch);
    }
    if !frac.is_empty() {
        out.push_str(dec);
        out.push_str(frac);
    }
    out
}

/// Three significant digits, grouped: 94.4, 1,250, 0.328.
pub fn sig3(value: f64, locale: Locale) -> String {
    let a = value.abs();
    let decimals = if a == 0.0 || a >= 100.0 {
        0
    } else if a >= 10.0 {
        1
    } else if a >= 1.0 {
        2
    } else {
        // 0.0123 → 4 decimals; capped so tiny values stay readable.
        ((-a.log10()).floor() as usize + 3).min(8)
    };
    let s = grouped(value, decimals, locale);
    if decimals > 0 {
        let dec = if locale == Locale::Fr { ',' } else { '.' };
        let s = s.trim_end_matches('0');
        s.trim_end_matches(dec).to_string()
    } else {
        s
    }
}

const PREFIXES: [(f64, &str); 9] = [
    (1e24, "Y"),
    (1e21, "Z"),
    (1e18, "E"),
    (1e15, "P"),
    (1e12, "T"),
    (1e9, "G"),
    (1e6, "M"),
    (1e3, "k"),
    (1.0, ""),
];

/// `value` with an SI prefix on `unit`, three significant digits.
pub fn si(value: f64, unit: &str, locale: Locale) -> String {
    let a = value.abs();
    let (scale, prefix) = PREFIXES
        .iter()
        .copied()
        .find(|(s, _)| a >= *s)
        .unwrap_or((1.0, ""));
    let unit_sep = if unit.is_empty() { "" } else { " " };
    format!("{}{unit_sep}{prefix}{unit}", sig3(value / scale, locale))
}

/// Seconds as minutes, hours, or days and hours, or years.
pub fn duration(seconds: f64, locale: Locale) -> String {
    let (d, h) = match locale {
        Locale::En => ("d", "h"),
        Locale::Fr => ("j", "h"),
    };
    if !seconds.is_finite() {
        return "–".into();
    }
    if seconds < 60.0 {
        format!("{} s", sig3(seconds, locale))
    } else if seconds < 3600.0 {
        format!("{} min", sig3(seconds / 60.0, locale))
    } else if seconds < 86_400.0 {
        format!("{} {h}", sig3(seconds / 3600.0, locale))
    } else if seconds < 2.0 * 31_557_600.0 {
        // Round once, then split, so 23.96 h never shows as "24 h": tenths of an hour below ten
        // days, whole hours above.
        let per_hour = if seconds < 10.0 * 86_400.0 { 10.0 } else { 1.0 };
        let units = (seconds / 3600.0 * per_hour).round();
        let days = (units / (24.0 * per_hour)).floor();
        let hours = (units - days * 24.0 * per_hour) / per_hour;
        if hours == 0.0 {
            format!("{} {d}", grouped(days, 0, locale))
        } else {
            format!(
                "{} {d} {} {h}",
                grouped(days, 0, locale),
                sig3(hours, locale)
            )
        }
    } else {
        let y = if locale == Locale::Fr { "ans" } else { "years" };
        format!("{} {y}", sig3(seconds / 31_557_600.0, locale))
    }
}

/// Dollars as `$108M`, `$500B` (en) / `108 M$`, `500 Md$` (fr).
pub fn usd(value: f64, locale: Locale) -> String {
    const EN: [(f64, &str); 4] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")];
    const FR: [(f64, &str); 4] = [(1e12, "T"), (1e9, "Md"), (1e6, "M"), (1e3, "k")];
    let table = if locale == Locale::Fr { FR } else { EN };
    let (scale, prefix) = table
        .iter()
        .copied()
        .find(|(s, _)| value.abs() >= *s)
        .unwrap_or((1.0, ""));
    let n = sig3(value / scale, locale);
    match locale {
        Locale::En => format!("${n}{prefix}"),
        Locale::Fr => format!("{n} {prefix}$"),
    }
}

/// A cluster's FLOP/s: in ZFLOP/s from 10 EFLOP/s up (the unit of press claims), else with an
/// SI prefix.
pub fn flops(value: f64, locale: Locale) -> String {
    if value.abs() >= 1e19 {
        format!("{} ZFLOP/s", sig3(value / 1e21, locale))
    } else {
        si(value, "FLOP/s", locale)
    }
}

/// Joules as watt-hours with an SI prefix: `11.7 GWh`.
pub fn energy(joules: f64, locale: Locale) -> String {
    si(joules / 3600.0, "Wh", locale)
}

/// Kilograms as tonnes above one tonne: `4,280 t`.
pub fn mass(kg: f64, locale: Locale) -> String {
    if kg.abs() >= 1000.0 {
        format!("{} t", big(kg / 1000.0, locale))
    } else {
        format!("{} kg", sig3(kg, locale))
    }
}

/// A ratio as a percentage: `32.8 %`.
pub fn percent(ratio: f64, locale: Locale) -> String {
    format!("{}\u{a0}%", sig3(ratio * 100.0, locale))
}

/// A large count, grouped and rounded to three significant digits: `209,000`.
pub fn big(value: f64, locale: Locale) -> String {
    if value.abs() < 1000.0 {
        return sig3(value, locale);
    }
    let magnitude = 10f64.powi(value.abs().log10().floor() as i32 - 2);
    grouped((value / magnitude).round() * magnitude, 0, locale)
}

/// A compact machine-neutral number for formulas: `2.1e25`, `128000`, `0.4`.
pub fn compact(v: f64) -> String {
    let a = v.abs();
    if a == 0.0 || (1e-3..1e6).contains(&a) {
        let s = format!("{v:.4}");
        let s = s.trim_end_matches('0').trim_end_matches('.');
        s.to_string()
    } else {
        let s = format!("{v:.3e}");
        match s.split_once('e') {
            Some((m, e)) => format!("{}e{e}", m.trim_end_matches('0').trim_end_matches('.')),
            None => s,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(grouped(1234.5, 1, Locale::En), "1,234.5");
        assert_eq!(grouped(1234.5, 1, Locale::Fr), "1\u{202f}234,5");
        assert_eq!(grouped(-1234567.0, 0, Locale::En), "-1,234,567");
        assert_eq!(sig3(0.328125, Locale::En), "0.328");
        assert_eq!(sig3(94.44, Locale::En), "94.4");
        assert_eq!(sig3(2.0, Locale::En), "2");
        assert_eq!(si(2.1e25, "FLOP", Locale::En), "21 YFLOP");
        assert_eq!(si(0.5, "W", Locale::En), "0.5 W");
        assert_eq!(usd(1.08e8, Locale::En), "$108M");
        assert_eq!(usd(1.08e8, Locale::Fr), "108 M$");
        assert_eq!(usd(512.0, Locale::Fr), "512 $");
        assert_eq!(usd(5e11, Locale::En), "$500B");
        assert_eq!(usd(5e11, Locale::Fr), "500 Md$");
        assert_eq!(flops(3.2e20, Locale::En), "0.32 ZFLOP/s");
        assert_eq!(flops(7.8e18, Locale::Fr), "7,8 EFLOP/s");
        assert_eq!(compact(2.1e25), "2.1e25");
        assert_eq!(compact(128000.0), "128000");
        assert_eq!(compact(0.4), "0.4");
        assert_eq!(duration(95.0 * 86_400.0, Locale::En), "95 d");
        assert_eq!(duration(86_400.0 * 2.0 - 100.0, Locale::En), "2 d");
        assert_eq!(
            duration(86_400.0 * 30.0 + 3.0 * 3600.0, Locale::En),
            "30 d 3 h"
        );
        assert_eq!(duration(43_200.0, Locale::Fr), "12 h");
        assert_eq!(energy(4.20084e13, Locale::En), "11.7 GWh");
        assert_eq!(mass(4.2825e6, Locale::En), "4,280 t");
        assert_eq!(mass(12.5, Locale::En), "12.5 kg");
        assert_eq!(percent(0.3279, Locale::En), "32.8\u{a0}%");
        assert_eq!(big(209_476.9, Locale::En), "209,000");
        assert_eq!(big(128_000.0, Locale::Fr), "128\u{202f}000");
    }
}
