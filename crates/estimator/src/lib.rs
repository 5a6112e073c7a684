//! Zettaflop's estimator: what it takes to train a model on a cluster (time, GPUs, power,
//! energy, CO₂, money), with every step and source written down.
//!
//! The problem is split as Calculon does: the *model* ([`Workload`]), the *system*
//! ([`HardwareChoice`], the [`catalog`]) and the *execution* ([`Scenario`] assumptions), and one
//! pure function, [`estimate`], turns a scenario into a [`Report`]. The scenario and the report
//! are the JSON contract shared by the CLI, the JS API (crate `zettaflop-js`) and the page.
//!
//! ```
//! use zettaflop_estimator::{estimate, Scenario};
//! // The seed article's case: GPT-4 on 64,000 GB200 superchips (128,000 GPUs) at 40 %.
//! let report = estimate(&Scenario::default())?;
//! assert_eq!(report.gpus, 128_000.0);
//! assert_eq!(report.peak_flop_per_s, 3.2e20); // 0.32 ZFLOP/s dense BF16
//! assert!((report.duration_s / 3600.0 - 45.6).abs() < 0.05);
//! # Ok::<(), zettaflop_estimator::Error>(())
//! ```
#![deny(missing_docs)]
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

// The rooms (ARCHITECTURE.md): the catalog, the problem split as Calculon splits it (model,
// system, execution), the estimate joining them, the performance model, scaling laws, claims,
// text, and the contract shared by the CLI, the JS API and the page.
pub mod catalog;
pub mod claim;
pub mod contract;
mod estimate;
pub mod execution;
pub mod model;
pub mod perf;
pub mod scaling;
pub mod system;
pub mod text;

// Short paths to the modules the CLI, the JS API and the page use (the same modules as above).
#[cfg(feature = "full-catalog")]
pub use catalog::epoch;
pub use catalog::{backtest, names};
#[cfg(feature = "schema")]
pub use contract::schema;
use contract::{error, report};
pub use contract::{export, fields, limits};
pub use execution::{goodput, money, utilization};
use execution::{scenario, sweep};
use model::workload;
use system::hardware;
pub use system::site;
pub use text::{answer, format, input_message, parse, query, quote};

pub use error::{Conflict, Error, ErrorKind, Need};
pub use estimate::{estimate, estimate_in, HOURS_PER_YEAR, J_PER_KWH};
pub use hardware::{CountUnit, CustomHardware, Hardware, HardwareChoice, Peaks, Precision};
pub use report::{
    Assumptions, Budget, Capex, Cited, Comparison, Cost, EnergySplit, Goodput, HardwareUsed,
    IntervalRule, Range, Ranges, Report, Site, Step, UtilizationBasis, Varied, Warning,
    WarningCode,
};
pub use scenario::Scenario;
pub use sweep::{default_counts, sweep, SweepPoint};
pub use utilization::{PredictedUtilization, Utilization};
pub use workload::{Compute, Workload};
