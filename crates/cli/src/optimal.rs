//! `zettaflop optimal FILE|-`: the compute-optimal model for a compute or a budget (see
//! `zettaflop_estimator::scaling::request`), printed as JSON.

use zettaflop_estimator::scaling::{optimal, OptimalRequest};

use crate::args::Opts;
use crate::io::{read_json, to_json};
use crate::Failure;

/// `optimal FILE|-`: the compute-optimal model for `{flop, fit?}` or `{usd, hardware, ...}`.
pub(crate) fn run(o: &Opts) -> Result<String, Failure> {
    let req: OptimalRequest = read_json(&o.positional[0], "request")?;
    let result = optimal(&req).map_err(|e| Failure(e.to_string()))?;
    to_json(&result)
}
