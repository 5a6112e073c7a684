//! The one error type: what went wrong and in which field of the scenario.

use std::fmt;

use crate::format::{compact, Locale};

/// Why a scenario could not be estimated. The message names the field (as a JSON path into the
/// scenario, e.g. `workload.tokens`), the value given and what is allowed.
///
/// ```
/// use zettaflop_estimator::{estimate, Scenario};
/// let mut s = Scenario::default();
/// s.utilization = Some(1.5.into());
/// let err = estimate(&s).unwrap_err();
/// assert_eq!(err.field(), "utilization");
/// assert!(err.to_string().contains("1.5"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    field: String,
    kind: ErrorKind,
}

/// The kinds of error, so callers can react without parsing messages.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A number outside its allowed range (NaN and infinities included).
    OutOfRange {
        /// The value given.
        value: f64,
        /// Human description of the allowed range, e.g. `0.001 ≤ x ≤ 1`.
        allowed: String,
    },
    /// A number that must be whole is not.
    NotWhole {
        /// The value given.
        value: f64,
    },
    /// A catalog id that does not exist.
    UnknownId {
        /// What kind of id (`hardware`, `model preset`).
        what: &'static str,
        /// The id given.
        id: String,
        /// The ids that exist.
        known: Vec<&'static str>,
    },
    /// A valid value that this combination of inputs cannot use (e.g. fp8 on a V100).
    Unsupported {
        /// Why, in one sentence.
        reason: String,
        /// The same in French.
        fr: String,
    },
    /// A required value is missing.
    Missing {
        /// What to give instead.
        hint: String,
        /// The same in French.
        fr: String,
    },
    /// Text that does not read as a quantity (see [`crate::parse`]).
    Parse {
        /// Why, in one sentence.
        reason: String,
        /// The same in French.
        fr: String,
    },
    /// A valid layout whose memory per GPU exceeds the chip's HBM.
    DoesNotFit {
        /// Bytes per GPU needed.
        needs_bytes: f64,
        /// Bytes per GPU available.
        has_bytes: f64,
        /// "needs X GiB per GPU but … has only Y GiB (…)".
        detail: String,
    },
}

impl Error {
    pub(crate) fn new(field: impl Into<String>, kind: ErrorKind) -> Error {
        Error {
            field: field.into(),
            kind,
        }
    }

    /// The JSON path of the offending field, e.g. `count` or `workload.tokens`.
    pub fn field(&self) -> &str {
        &self.field
    }

    /// The kind of error.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The message without the field name, for display next to the field itself.
    pub fn reason(&self) -> String {
        self.reason_in(Locale::En)
    }

    /// The message without the field name, in `l`.
    pub fn reason_in(&self, l: Locale) -> String {
        let num = |v: f64| {
            if l == Locale::Fr {
                compact(v).replace('.', ",")
            } else {
                compact(v)
            }
        };
        match (&self.kind, l) {
            (ErrorKind::OutOfRange { value, allowed }, _) if value.is_nan() => match l {
                Locale::En => format!("is not a number; allowed: {allowed}"),
                Locale::Fr => format!(
                    "n'est pas un nombre ; permis : {}",
                    allowed.replace('.', ",")
                ),
            },
            (ErrorKind::OutOfRange { value, allowed }, Locale::En) => {
                format!("{} is out of range; allowed: {allowed}", num(*value))
            }
            (ErrorKind::OutOfRange { value, allowed }, Locale::Fr) => {
                format!(
                    "{} est hors limites ; permis : {}",
                    num(*value),
                    allowed.replace('.', ",")
                )
            }
            (ErrorKind::NotWhole { value }, Locale::En) => {
                format!("{} is not a whole number", num(*value))
            }
            (ErrorKind::NotWhole { value }, Locale::Fr) => {
                format!("{} n'est pas un nombre entier", num(*value))
            }
            (ErrorKind::UnknownId { what, id, known }, Locale::En) => {
                format!("unknown {what} `{id}`; known: {}", known.join(", "))
            }
            (ErrorKind::UnknownId { id, known, .. }, Locale::Fr) => {
                format!("identifiant inconnu `{id}` ; connus : {}", known.join(", "))
            }
            (ErrorKind::Unsupported { reason, .. }, Locale::En) => reason.clone(),
            // Messages of the performance model are English only for now (empty `fr`).
            (ErrorKind::Unsupported { reason, fr }, Locale::Fr) if fr.is_empty() => reason.clone(),
            (ErrorKind::Unsupported { fr, .. }, Locale::Fr) => fr.clone(),
            (ErrorKind::Missing { hint, .. }, Locale::En) => format!("missing: {hint}"),
            (ErrorKind::Missing { hint, fr }, Locale::Fr) if fr.is_empty() => {
                format!("manquant : {hint}")
            }
            (ErrorKind::Missing { fr, .. }, Locale::Fr) => format!("manquant : {fr}"),
            (ErrorKind::Parse { reason, .. }, Locale::En) => reason.clone(),
            (ErrorKind::Parse { reason, fr }, Locale::Fr) if fr.is_empty() => reason.clone(),
            (ErrorKind::Parse { fr, .. }, Locale::Fr) => fr.clone(),
            (ErrorKind::DoesNotFit { detail, .. }, _) => detail.clone(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.reason())
    }
}

impl std::error::Error for Error {}
