//! The one error type: what went wrong and in which field of the scenario. An error carries
//! data (the field, the value, the limits, the ids involved, which rule or which missing value);
//! its words in each language are written at the edge, by `text/error_text.rs`.

use std::fmt;

use crate::format::Locale;
use crate::hardware::Precision;
use crate::text::keys::Key;

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
        /// Smallest allowed value.
        min: f64,
        /// Largest allowed value.
        max: f64,
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
    Conflict(Conflict),
    /// A required value is missing.
    Needs(Need),
    /// An error of the claim checker, a compute-optimal request, a sweep or the performance
    /// model: a key of the table of the code that raises it (its words, linked only where that
    /// code is) and the ids, names or sizes it shows, in order. (The calculator's errors are
    /// `Conflict` and `Needs`.)
    Said {
        /// The message.
        key: Key,
        /// Its figures, the same in both languages (ids, names).
        figures: Vec<String>,
    },
}

/// A rule that valid inputs break together: the data of [`ErrorKind::Conflict`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Conflict {
    /// More active parameters than parameters.
    ActiveParamsExceedTotal {
        /// Active parameters.
        active: f64,
        /// Total parameters.
        total: f64,
    },
    /// A step's result overflows (`quantity`: the step's name, in the report's language).
    NotFinite {
        /// The step's name.
        quantity: String,
    },
    /// A chip without a figure at a precision.
    NoPrecision {
        /// The chip's name.
        chip: String,
        /// The precision asked for.
        precision: Precision,
        /// The precisions it has.
        supported: Vec<Precision>,
    },
    /// A catalog chip without a sourced all-in power.
    NoPowerFigure {
        /// The chip's name.
        chip: String,
    },
    /// Racks counted on a chip without a rack definition.
    NoRack {
        /// The chip's name.
        chip: String,
    },
    /// The sparse peak asked for on a chip (or precision) without one.
    NoSparseMode {
        /// The chip's name.
        chip: String,
        /// The precision asked for.
        precision: Precision,
    },
    /// `"auto"` on a preset without a published architecture.
    AutoNeedsArchitecture {
        /// The presets that have one.
        presets: Vec<&'static str>,
    },
    /// `"auto"` on a custom chip.
    AutoNeedsCatalogChip,
    /// `"auto"` beyond the performance model's GPU count.
    AutoTooManyGpus,
    /// `"auto"` in a build without the performance model (feature `no-auto`).
    AutoNotInBuild,
}

/// A value that must be given: the data of [`ErrorKind::Needs`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Need {
    /// A preset without a compute figure.
    PresetCompute {
        /// The preset's id.
        preset: String,
    },
    /// A chip without a catalog rental price (`usd_per_chip_hour`).
    RentalPrice {
        /// The chip's name.
        chip: String,
    },
    /// A budget without a purchase price.
    PurchasePrice,
    /// A custom chip without any peak.
    CustomPeak,
}

impl Error {
    pub(crate) fn new(field: impl Into<String>, kind: ErrorKind) -> Error {
        Error {
            field: field.into(),
            kind,
        }
    }

    /// An error in the words of `key` (a key of the raising code's table) with `figures`.
    pub(crate) fn said(field: &str, key: impl Into<Key>, figures: &[&str]) -> Error {
        Error::new(
            field,
            ErrorKind::Said {
                key: key.into(),
                figures: figures.iter().map(|f| f.to_string()).collect(),
            },
        )
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

    /// The message without the field name, in `l` (the words: `text/error_text.rs`).
    pub fn reason_in(&self, l: Locale) -> String {
        crate::text::error_text::message(&self.kind, l)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.reason())
    }
}

impl std::error::Error for Error {}
