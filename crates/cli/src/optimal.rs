//! `zettaflop optimal FILE|-`: the compute-optimal model for a compute or a budget (see
//! `zettaflop_estimator::scaling::request`), printed as JSON.

use zettaflop_estimator::scaling::{optimal, OptimalRequest};

use crate::{parse_json, read_input, to_json, Failure};

/// Usage lines for `--help`.
pub(crate) const HELP: &str = "    zettaflop optimal FILE|-      read {\"flop\": C, \"fit\"?: \"epoch\"|\"hoffmann\"} or {\"usd\": X,
                                  \"hardware\": ID, ...the scenario keys that price the compute:
                                  precision, sparse, utilization, pue, usd_per_chip_hour,
                                  usd_per_kwh}, print the compute-optimal model (JSON): params,
                                  tokens, tokens_per_param, loss (nats/token on the fit's data
                                  set), flop, the fit's name and sources (docs/scaling.md)
";

/// Runs `optimal` on the arguments after the command name.
pub(crate) fn run(args: &[&str]) -> Result<String, Failure> {
    let [path] = args else {
        return Err(Failure(
            "optimal: give a request FILE, or - for stdin".into(),
        ));
    };
    let req: OptimalRequest = parse_json(&read_input(path)?, "request")?;
    let result = optimal(&req).map_err(|e| Failure(e.to_string()))?;
    to_json(&result)
}
