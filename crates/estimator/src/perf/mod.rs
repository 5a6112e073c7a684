//! The performance model: from a model shape, a cluster and a parallel layout to the time of one
//! training iteration, MFU, HFU, tokens/s and memory per GPU; and the search for the best
//! layout.
//!
//! Split as Calculon does: the model ([`ModelShape`]), the system ([`System`]), the execution
//! ([`Execution`] = [`Training`] + [`Layout`]). [`predict()`] is a pure function of the three;
//! [`search()`] is a loop around the same memory and time model. [`Job`] is the JSON input of the
//! CLI (`zettaflop predict`, `zettaflop search`).
//!
//! Modules, one concept each: [`model`] (shape, parameters, the FLOP formula), [`system`]
//! (hardware figures and the efficiency constants per generation), [`layout`] (the layout and
//! its rules), [`memory`] (bytes per GPU), [`time`] (the iteration's time breakdown),
//! [`predict`](mod@predict) (MFU, HFU, throughput), [`search`](mod@search) (the layout search),
//! [`job`] (the JSON input).

pub mod calibration;
mod comm;
pub mod fit;
pub mod fitted;
pub mod heldout;
pub mod job;
pub mod layout;
pub mod memory;
pub mod mla;
pub mod model;
pub mod predict;
mod prepared;
pub mod report;
pub mod search;
pub mod software;
pub mod system;
pub mod time;
mod why;

pub use job::{IdOr, Job};
pub use layout::{Execution, Layout, Recompute, Reject, Sharding, Training};
pub use memory::Memory;
pub use model::{Counts, Mla, Mlp, ModelShape};
pub use predict::{evaluate, predict, Prediction};
pub use search::{describe, describe_in, explain, search, Fixed, Rejections, SearchResult};
pub use software::{Attention, Dispatcher, Schedule, Software};
pub use system::{Efficiency, Generation, PerfHardware, System, DEFAULT_SCALEOUT_BYTES_PER_S};
pub use time::TimeBreakdown;
