//! Reading quantities as people type them: `2.1e25`, `175B`, `15T`, `64k`, `64,000`, `40%`,
//! `1.2 GW`, `95 days`, `12 h`.
//!
//! Each field has a [`Dimension`]; the result is in SI base units (FLOP, W, s, or a plain
//! number). Errors say what was not understood, never panic.
//!
//! ```
//! use zettaflop_estimator::parse::{parse, Dimension};
//! assert_eq!(parse("175B", Dimension::Count), Ok(175e9));
//! assert_eq!(parse("1.2 GW", Dimension::Power), Ok(1.2e9));
//! assert_eq!(parse("95 days", Dimension::Duration), Ok(95.0 * 86_400.0));
//! assert_eq!(parse("40%", Dimension::Fraction), Ok(0.4));
//! assert!(parse("lots", Dimension::Count).is_err());
//! ```

/// What a field measures, which decides the units it accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    /// A plain amount (parameters, tokens, chips, FLOP): `k`, `M`, `B`/`G`, `T`, `P`, `E`, `Z`
    /// suffixes and the words thousand…trillion (and French mille, million(s), milliard(s)); a
    /// trailing `FLOP` is allowed.
    Count,
    /// A ratio: `0.4` or `40%`.
    Fraction,
    /// Power: `W`, `kW`, `MW`, `GW`, `TW`; a bare number is watts.
    Power,
    /// Duration: `s`, `min`, `h`, `d`/`days`/`jours`, `w`/`weeks`, `mo`/`months`, `y`/`years`;
    /// a bare number is days.
    Duration,
    /// A price or plain number: a leading or trailing `$` is allowed.
    Money,
}

/// Why text did not read as a quantity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// One sentence.
    pub reason: String,
    /// The same in French.
    pub fr: String,
}

impl ParseError {
    /// The sentence in `l`.
    pub fn text(&self, l: crate::format::Locale) -> &str {
        match l {
            crate::format::Locale::En => &self.reason,
            crate::format::Locale::Fr => &self.fr,
        }
    }
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for ParseError {}

fn err(reason: impl Into<String>, fr: impl Into<String>) -> ParseError {
    ParseError {
        reason: reason.into(),
        fr: fr.into(),
    }
}

const COUNT_SUFFIXES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("mille", 1e3),
    ("million", 1e6),
    ("millions", 1e6),
    ("billion", 1e9),
    ("billions", 1e9),
    ("milliard", 1e9),
    ("milliards", 1e9),
    ("trillion", 1e12),
    ("trillions", 1e12),
    ("bn", 1e9),
    ("mn", 1e6),
    ("k", 1e3),
    ("K", 1e3),
    ("M", 1e6),
    ("B", 1e9),
    ("G", 1e9),
    ("Md", 1e9),
    ("T", 1e12),
    ("P", 1e15),
    ("E", 1e18),
    ("Z", 1e21),
];

const POWER_UNITS: &[(&str, f64)] = &[
    ("W", 1.0),
    ("kW", 1e3),
    ("MW", 1e6),
    ("GW", 1e9),
    ("TW", 1e12),
];

const DURATION_UNITS: &[(&str, f64)] = &[
    ("s", 1.0),
    ("sec", 1.0),
    ("second", 1.0),
    ("seconds", 1.0),
    ("seconde", 1.0),
    ("secondes", 1.0),
    ("min", 60.0),
    ("minute", 60.0),
    ("minutes", 60.0),
    ("h", 3600.0),
    ("hr", 3600.0),
    ("hrs", 3600.0),
    ("hour", 3600.0),
    ("hours", 3600.0),
    ("heure", 3600.0),
    ("heures", 3600.0),
    ("d", 86_400.0),
    ("j", 86_400.0),
    ("day", 86_400.0),
    ("days", 86_400.0),
    ("jour", 86_400.0),
    ("jours", 86_400.0),
    ("w", 604_800.0),
    ("wk", 604_800.0),
    ("week", 604_800.0),
    ("weeks", 604_800.0),
    ("semaine", 604_800.0),
    ("semaines", 604_800.0),
    ("mo", 2_629_800.0),
    ("month", 2_629_800.0),
    ("months", 2_629_800.0),
    ("mois", 2_629_800.0),
    ("y", 31_557_600.0),
    ("yr", 31_557_600.0),
    ("year", 31_557_600.0),
    ("years", 31_557_600.0),
    ("an", 31_557_600.0),
    ("ans", 31_557_600.0),
];

/// Splits `text` into its leading number and the rest (trimmed).
fn split_number(text: &str) -> (&str, &str) {
    let mut end = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let exp_sign = (b == b'-' || b == b'+') && i > 0 && matches!(bytes[i - 1], b'e' | b'E');
        let exp = (b == b'e' || b == b'E')
            && i > 0
            && bytes
                .get(i + 1)
                .is_some_and(|n| n.is_ascii_digit() || *n == b'-' || *n == b'+');
        if b.is_ascii_digit()
            || b == b'.'
            || b == b','
            || (i == 0 && (b == b'-' || b == b'+'))
            || exp_sign
            || exp
        {
            i += 1;
            end = i;
        } else {
            break;
        }
    }
    (&text[..end], text[end..].trim())
}

/// Reads a number written with `.` or `,` as decimal mark and `,` as thousands separator
/// (`64,000` = 64000, `2,5` = 2.5).
fn read_number(num: &str) -> Result<f64, ParseError> {
    if num.is_empty() || num == "-" || num == "+" {
        return Err(err("expected a number", "un nombre est attendu"));
    }
    let cleaned = if num.contains(',') {
        let groups: Vec<&str> = num.split(',').collect();
        // A leading group of 1-3 digits not starting with 0: `0,367` is a decimal (French),
        // `64,000` thousands.
        let lead = groups[0].trim_start_matches(['-', '+']);
        let thousands = !num.contains('.')
            && groups.len() >= 2
            && groups[1..]
                .iter()
                .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
            && !lead.is_empty()
            && lead.len() <= 3
            && !lead.starts_with('0');
        let thousands_with_decimal = num.contains('.')
            && groups.len() >= 2
            && groups[1..groups.len() - 1].iter().all(|g| g.len() == 3)
            && groups[groups.len() - 1]
                .split('.')
                .next()
                .is_some_and(|g| g.len() == 3);
        if thousands || thousands_with_decimal {
            num.replace(',', "")
        } else if groups.len() == 2 && !num.contains('.') {
            num.replace(',', ".")
        } else {
            return Err(err(
                format!("cannot read `{num}` as a number"),
                format!("`{num}` ne se lit pas comme un nombre"),
            ));
        }
    } else {
        num.to_string()
    };
    let v: f64 = cleaned.parse().map_err(|_| {
        err(
            format!("cannot read `{num}` as a number"),
            format!("`{num}` ne se lit pas comme un nombre"),
        )
    })?;
    if !v.is_finite() {
        return Err(err(
            format!("`{num}` is too large"),
            format!("`{num}` est trop grand"),
        ));
    }
    Ok(v)
}

fn lookup(table: &[(&str, f64)], unit: &str) -> Option<f64> {
    table.iter().find(|(u, _)| *u == unit).map(|(_, m)| *m)
}

fn units_list(table: &[(&str, f64)]) -> String {
    table
        .iter()
        .map(|(u, _)| *u)
        .filter(|u| u.len() <= 3)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Parses `text` as a quantity of `dimension`, in SI base units.
///
/// Spaces (including non-breaking and thin spaces) are thousands separators: `64 000` = 64000.
///
/// # Errors
/// The text is empty, is not a number, or has a unit this dimension does not accept.
pub fn parse(text: &str, dimension: Dimension) -> Result<f64, ParseError> {
    let compact: String = text
        .chars()
        .filter(|c| !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}' | '_'))
        .collect();
    let trimmed = compact.trim();
    if trimmed.is_empty() {
        return Err(err("empty: type a number", "vide : tapez un nombre"));
    }
    // Spaces between digits are thousands separators; keep the space before a unit.
    let mut joined = String::with_capacity(trimmed.len());
    let chars: Vec<char> = trimmed.chars().collect();
    for (i, ch) in chars.iter().enumerate() {
        if *ch == ' '
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit())
        {
            continue;
        }
        joined.push(*ch);
    }
    let mut s = joined.as_str();
    if dimension == Dimension::Money {
        s = s.trim_start_matches('$').trim_end_matches('$').trim();
    }
    let (num, unit) = split_number(s);
    let value = read_number(num)?;
    let unit = unit.trim();
    let factor = match dimension {
        Dimension::Count | Dimension::Money => {
            let unit = unit
                .strip_suffix("FLOP")
                .or_else(|| unit.strip_suffix("flop"))
                .unwrap_or(unit)
                .trim();
            if unit.is_empty() {
                1.0
            } else {
                lookup(COUNT_SUFFIXES, unit).ok_or_else(|| {
                    err(
                        format!("unknown suffix `{unit}`; use k, M, B, T, P, E or Z"),
                        format!("suffixe inconnu `{unit}` ; utilisez k, M, Md, T, P, E ou Z"),
                    )
                })?
            }
        }
        Dimension::Fraction => match unit {
            "" => 1.0,
            "%" => 0.01,
            _ => {
                return Err(err(
                    format!("unknown unit `{unit}`; write 0.4 or 40%"),
                    format!("unité inconnue `{unit}` ; écrivez 0,4 ou 40 %"),
                ))
            }
        },
        Dimension::Power => {
            if unit.is_empty() {
                1.0
            } else {
                lookup(POWER_UNITS, unit).ok_or_else(|| {
                    err(
                        format!(
                            "unknown power unit `{unit}`; use {}",
                            units_list(POWER_UNITS)
                        ),
                        format!(
                            "unité de puissance inconnue `{unit}` ; utilisez {}",
                            units_list(POWER_UNITS)
                        ),
                    )
                })?
            }
        }
        Dimension::Duration => {
            if unit.is_empty() {
                86_400.0
            } else {
                lookup(DURATION_UNITS, unit)
                    .or_else(|| lookup(DURATION_UNITS, &unit.to_ascii_lowercase()))
                    .ok_or_else(|| {
                        err(
                            format!("unknown duration unit `{unit}`; use {}", units_list(DURATION_UNITS)),
                            format!("unité de durée inconnue `{unit}` ; utilisez s, min, h, j, semaines, mois, ans"),
                        )
                    })?
            }
        }
    };
    let v = value * factor;
    if !v.is_finite() {
        return Err(err("the number is too large", "le nombre est trop grand"));
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        assert_eq!(parse("2.1e25", Dimension::Count), Ok(2.1e25));
        assert_eq!(parse("2.1E25 FLOP", Dimension::Count), Ok(2.1e25));
        assert_eq!(parse("15T", Dimension::Count), Ok(15e12));
        assert_eq!(parse("64k", Dimension::Count), Ok(64e3));
        assert_eq!(parse(" 64 000 ", Dimension::Count), Ok(64e3));
        assert_eq!(parse("64\u{a0}000", Dimension::Count), Ok(64e3));
        assert_eq!(parse("64,000", Dimension::Count), Ok(64e3));
        assert_eq!(parse("1,234,567.5", Dimension::Count), Ok(1_234_567.5));
        assert_eq!(parse("2,5", Dimension::Count), Ok(2.5));
        // A French decimal below one is not thousands.
        assert_eq!(parse("0,367", Dimension::Money), Ok(0.367));
        assert_eq!(parse("0,078", Dimension::Money), Ok(0.078));
        assert_eq!(parse("2,1e25", Dimension::Count), Ok(2.1e25));
        assert_eq!(parse("64\u{202f}000", Dimension::Count), Ok(64e3));
        assert_eq!(parse("40\u{202f}%", Dimension::Fraction), Ok(0.4));
        assert_eq!(parse("1.5 billion", Dimension::Count), Ok(1.5e9));
        assert_eq!(parse("3 milliards", Dimension::Count), Ok(3e9));
        assert_eq!(parse("-3", Dimension::Count), Ok(-3.0));
    }

    #[test]
    fn units() {
        assert_eq!(parse("1.2 GW", Dimension::Power), Ok(1.2e9));
        assert_eq!(parse("120kW", Dimension::Power), Ok(120e3));
        assert_eq!(parse("12 h", Dimension::Duration), Ok(43_200.0));
        assert_eq!(parse("95", Dimension::Duration), Ok(95.0 * 86_400.0));
        assert_eq!(parse("3 mois", Dimension::Duration), Ok(3.0 * 2_629_800.0));
        assert_eq!(parse("2 Weeks", Dimension::Duration), Ok(2.0 * 604_800.0));
        assert_eq!(parse("33%", Dimension::Fraction), Ok(0.33));
        assert_eq!(parse("$2.99", Dimension::Money), Ok(2.99));
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for bad in [
            "",
            "   ",
            "abc",
            "1.2.3",
            "1,2,3",
            "e5",
            "12 parsecs",
            "1e999",
            "--1",
            "5 GW",
            "5%%",
            ",",
        ] {
            let dim = if bad == "5 GW" {
                Dimension::Duration
            } else {
                Dimension::Count
            };
            assert!(parse(bad, dim).is_err(), "{bad:?} should not parse");
        }
    }
}
