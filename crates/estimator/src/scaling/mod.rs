//! Scaling laws: what a compute budget buys in model quality.
//!
//! A fitted loss law L(N, D) = E + A/N^α + B/D^β (N parameters, D training tokens, C = 6·N·D)
//! gives, for a compute C, the split between N and D that reaches the lowest loss (the
//! *compute-optimal* model, [`fit`](mod@fit)), the report's `compute_optimal` block for a workload with
//! parameters and tokens ([`block`]), the loss that 1×, 2×, 10× and 100× the scenario's budget
//! buys ([`returns`]) and the `optimal` request of the CLI and the JS API ([`request`]).
//!
//! The loss is in nats per token on the fit's data set (MassiveText) and does not transfer to
//! other data or tokenizers: only the split of C between N and D, and relative changes, carry
//! over. Formulas and sources: docs/scaling.md.

pub mod block;
mod detmath;
pub mod fit;
pub mod request;
pub mod returns;
pub mod text;

pub use block::{compute_optimal, ComputeOptimal, FitResult};
pub use fit::{default_fit, fit, Fit, Optimum, FITS};
pub use request::{optimal, OptimalRequest, OptimalResult};
pub use returns::{diminishing_returns, loss_curve, DiminishingReturns, ReturnPoint};
