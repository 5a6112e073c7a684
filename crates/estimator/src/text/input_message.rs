//! A value out of range, said in the unit the reader typed it in: "−5 days: a duration must be
//! positive", "150 %: at most 100 %", rather than the engine's "-432000 is out of range,
//! allowed 1 ≤ x ≤ 3.2e10". The page shows these beside its fields; the CLI and the JS API keep
//! the engine's message, which names the JSON value.
//!
//! ```
//! use zettaflop_estimator::{estimate, input_message, Scenario, Utilization};
//! use zettaflop_estimator::format::Locale;
//! let s = Scenario { utilization: Some(Utilization::Given(1.5)), ..Scenario::default() };
//! let e = estimate(&s).unwrap_err();
//! assert_eq!(input_message::message(&e, "150 %", Locale::En), "150 %: at most 100\u{a0}%");
//! assert_eq!(input_message::message(&e, "150 %", Locale::Fr), "150 %\u{202f}: au plus 100\u{a0}%");
//! ```

use crate::error::{Error, ErrorKind};
use crate::fields::{self, Shown as Unit};
use crate::format::{self as fmt, Locale};
use crate::limits::{self, Limit};
use crate::text::keys::fill;

/// The range of the input at the JSON path `path` and how its values are written: the field
/// registry's (the page's inputs), and a claim's `workload` (FLOP) and `duration_s`.
fn limit_for(path: &str) -> Option<(Limit, Unit)> {
    match path {
        "workload" => Some((limits::FLOP, Unit::Amount)),
        "duration_s" => Some((limits::DURATION_S, Unit::Duration)),
        _ => fields::by_key(path)
            .filter(|f| f.name.is_some())
            .map(|f| (f.limit, f.shown)),
    }
}

/// A bound written in the field's unit.
fn bound(x: f64, unit: Unit, l: Locale) -> String {
    match unit {
        Unit::Percent => fmt::percent(x, l),
        Unit::Duration => fmt::duration(x, l),
        Unit::Money => fmt::usd(x, l),
        Unit::Power => fmt::si(x, "W", l),
        Unit::Amount if x < 1e9 => fmt::grouped(x, 0, l),
        Unit::Amount => {
            let s = fmt::compact(x);
            if l == Locale::Fr {
                s.replace('.', ",")
            } else {
                s
            }
        }
        Unit::Plain => fmt::sig3(x, l),
    }
}

/// What the reader typed, as they typed it (a leading hyphen as a minus sign).
fn typed_text(typed: &str) -> String {
    let t = typed.trim();
    match t.strip_prefix('-') {
        Some(rest) => format!("−{rest}"),
        None => t.to_string(),
    }
}

/// The message for `err` beside a field where the reader typed `typed`: for a value out of
/// range or not whole, what they typed and the bound in the field's unit; any other error, the
/// engine's message in `l`.
pub fn message(err: &Error, typed: &str, l: Locale) -> String {
    let shown = typed_text(typed);
    let Some((limit, unit)) = limit_for(err.field()) else {
        return err.reason_in(l);
    };
    if shown.is_empty() {
        return err.reason_in(l);
    }
    let says = match err.kind() {
        ErrorKind::OutOfRange { value, .. } if value.is_nan() => return err.reason_in(l),
        ErrorKind::OutOfRange { value, .. } if *value < limit.min => {
            if unit == Unit::Duration && *value < 0.0 {
                Says::DurationPositive.t(l).to_string()
            } else {
                fill(Says::AtLeast.t(l), &[&bound(limit.min, unit, l)])
            }
        }
        ErrorKind::OutOfRange { .. } => fill(Says::AtMost.t(l), &[&bound(limit.max, unit, l)]),
        ErrorKind::NotWhole { .. } => Says::Whole.t(l).to_string(),
        _ => return err.reason_in(l),
    };
    fill(Says::Typed.t(l), &[&shown, &says])
}

crate::keys! {
    /// What is wrong with a typed value; `{}` are the bound or what was typed.
    enum Says {
        DurationPositive => "a duration must be positive", "une durée doit être positive";
        AtLeast => "at least {}", "au moins {}";
        AtMost => "at most {}", "au plus {}";
        Whole => "a whole number is needed", "il faut un nombre entier";
        Typed => "{}: {}", "{}\u{202f}: {}";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out(field: &str, value: f64) -> Error {
        Error::new(
            field,
            ErrorKind::OutOfRange {
                value,
                min: 0.0,
                max: 0.0,
            },
        )
    }

    #[test]
    fn every_text_is_written_in_both_languages() {
        assert_eq!(crate::text::keys::check(Says::ALL, Says::pair), Ok(()));
    }

    #[test]
    fn messages_speak_the_fields_unit() {
        let e = out("claimed_duration_s", -432_000.0);
        assert_eq!(
            message(&e, "-5 jours", Locale::Fr),
            "−5 jours\u{202f}: une durée doit être positive"
        );
        assert_eq!(
            message(&e, "-5 days", Locale::En),
            "−5 days: a duration must be positive"
        );
        let e = out("pue", 5.0);
        assert_eq!(message(&e, "5", Locale::Fr), "5\u{202f}: au plus 3");
        let e = out("count", 0.0);
        assert_eq!(message(&e, "0", Locale::En), "0: at least 1");
        let e = out("checkpoint_s", 0.0);
        assert_eq!(message(&e, "0 s", Locale::En), "0 s: at least 0.01 s");
        let e = Error::new("count", ErrorKind::NotWhole { value: 1.5 });
        assert_eq!(
            message(&e, "1,5", Locale::Fr),
            "1,5\u{202f}: il faut un nombre entier"
        );
        // Not a range: the engine's message.
        let e = out("hardware.all_in_w", 0.0);
        assert_eq!(message(&e, "0", Locale::En), e.reason_in(Locale::En));
    }
}
