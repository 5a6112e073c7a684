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

pub mod backtest;
pub mod catalog;
pub mod claim;
pub mod contract;
#[cfg(feature = "full-catalog")]
pub mod epoch;
mod error;
mod estimate;
pub mod export;
pub mod fields;
pub mod format;
pub mod goodput;
mod hardware;
pub mod input_message;
pub mod limits;
pub mod money;
pub mod names;
pub mod parse;
pub mod perf;
pub mod query;
pub mod quote;
mod report;
pub mod scaling;
mod scenario;
#[cfg(feature = "schema")]
pub mod schema;
pub mod site;
mod sweep;
pub mod utilization;
mod workload;

pub use error::{Error, ErrorKind};
pub use estimate::{estimate, estimate_in, HOURS_PER_YEAR, J_PER_KWH};
pub use hardware::{CountUnit, CustomHardware, Hardware, HardwareChoice, Peaks, Precision};
pub use report::{
    Assumptions, Budget, Capex, Cited, Comparison, Cost, EnergySplit, Goodput, HardwareUsed, Range,
    Ranges, Report, Site, Step, Warning,
};
pub use scenario::Scenario;
pub use sweep::{default_counts, sweep, SweepPoint};
pub use utilization::{PredictedUtilization, Utilization};
pub use workload::{Compute, Workload};
