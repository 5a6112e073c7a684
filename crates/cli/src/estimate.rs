//! `zettaflop estimate` and `zettaflop sweep`: a scenario, its report, or its report at many
//! GPU counts.

use zettaflop_estimator::{default_counts, estimate_in, export, sweep, Scenario, SweepPoint};

use crate::args::{Format, Opts};
use crate::io::{parse_json, read_input, read_json, to_json};
use crate::Failure;

/// `estimate FILE|- [--format json|csv|md] [--lang en|fr]`.
pub fn estimate(o: &Opts) -> Result<String, Failure> {
    let scenario: Scenario = read_json(&o.positional[0], "scenario")?;
    let report = estimate_in(&scenario, o.lang).map_err(|e| Failure(e.to_string()))?;
    match o.format {
        Format::Csv => Ok(export::csv(&scenario, &report)),
        Format::Md => Ok(export::markdown(&scenario, &report, o.lang)),
        Format::Json => to_json(&report),
    }
}

/// `sweep FILE|- [COUNT...] [--json]`: the scenario (a missing `count` is filled in, the sweep
/// ignores it) at each count, as CSV or JSON.
pub fn sweep_cmd(o: &Opts) -> Result<String, Failure> {
    let text = read_input(&o.positional[0])?;
    let mut value: serde_json::Value = parse_json(&text, "scenario")?;
    if let Some(obj) = value.as_object_mut() {
        obj.entry("count").or_insert(serde_json::json!(1));
    }
    let scenario: Scenario = parse_json(&value.to_string(), "scenario")?;
    let counts = counts(&o.positional[1..])?;
    let points = sweep(&scenario, &counts).map_err(|e| Failure(e.to_string()))?;
    if o.json {
        to_json(&points)
    } else {
        Ok(csv(&points))
    }
}

fn counts(args: &[String]) -> Result<Vec<f64>, Failure> {
    if args.is_empty() {
        return Ok(default_counts());
    }
    args.iter()
        .map(|c| {
            c.parse::<f64>().map_err(|_| {
                Failure(format!(
                    "count: `{c}` is not a number; give whole counts, e.g. 1024 2048"
                ))
            })
        })
        .collect()
}

fn csv(points: &[SweepPoint]) -> String {
    let mut out = String::from(
        "gpus,count,ideal_duration_s,compute_duration_s,duration_s,energy_j,cost_usd,utilization\n",
    );
    for p in points {
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{}\n",
            p.gpus,
            p.count,
            p.ideal_duration_s,
            p.compute_duration_s,
            p.duration_s,
            p.energy_j,
            p.cost_usd,
            p.utilization
        ));
    }
    out
}
