//! The one error type: what went wrong and in which field of the scenario.

use std::fmt;

/// Why a scenario could not be estimated. The message names the field (as a JSON path into the
/// scenario, e.g. `workload.tokens`), the value given and what is allowed.
///
/// ```
/// use zettaflop_estimator::{estimate, Scenario};
/// let mut s = Scenario::default();
/// s.utilization = 1.5;
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
    },
    /// A required value is missing.
    Missing {
        /// What to give instead.
        hint: String,
    },
    /// Text that does not read as a quantity (see [`crate::parse`]).
    Parse {
        /// Why, in one sentence.
        reason: String,
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
        match &self.kind {
            ErrorKind::OutOfRange { value, allowed } => {
                if value.is_nan() {
                    format!("is not a number; allowed: {allowed}")
                } else {
                    format!("{value} is out of range; allowed: {allowed}")
                }
            }
            ErrorKind::NotWhole { value } => format!("{value} is not a whole number"),
            ErrorKind::UnknownId { what, id, known } => {
                format!("unknown {what} `{id}`; known: {}", known.join(", "))
            }
            ErrorKind::Unsupported { reason } => reason.clone(),
            ErrorKind::Missing { hint } => format!("missing: {hint}"),
            ErrorKind::Parse { reason } => reason.clone(),
            ErrorKind::DoesNotFit { detail, .. } => detail.clone(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.reason())
    }
}

impl std::error::Error for Error {}
