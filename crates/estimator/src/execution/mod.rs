//! The **execution**: the assumptions of a run (the [`crate::Scenario`], the JSON input), the
//! utilization (given, or predicted by [`crate::perf`]), interruptions and checkpoints (goodput),
//! money, and one scenario swept over cluster sizes.

pub mod goodput;
pub mod money;
pub(crate) mod scenario;
pub(crate) mod sweep;
pub mod utilization;
