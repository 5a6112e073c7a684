//! `zettaflop predict`, `search` and `calibrate`: the performance model on the command line.

use serde::Serialize;
use zettaflop_estimator::perf::{calibration, Job};

use crate::args::Opts;
use crate::io::{read_json, to_json};
use crate::Failure;

/// `predict FILE|-`: one layout's iteration, as JSON.
pub fn predict(o: &Opts) -> Result<String, Failure> {
    let job: Job = read_json(&o.positional[0], "job")?;
    to_json(&job.predict().map_err(|e| Failure(e.to_string()))?)
}

/// `search FILE|-`: the fastest layout and the runners-up, as JSON.
pub fn search(o: &Opts) -> Result<String, Failure> {
    let job: Job = read_json(&o.positional[0], "job")?;
    to_json(&job.search().map_err(|e| Failure(e.to_string()))?)
}

#[derive(Serialize)]
struct Calibration {
    summary: calibration::Summary,
    rows: Vec<calibration::Compared>,
}

/// `calibrate [--json]`: the model against published runs (Markdown, or JSON).
pub fn calibrate(o: &Opts) -> Result<String, Failure> {
    let rows = calibration::compare_all().map_err(|e| Failure(e.to_string()))?;
    if o.json {
        let summary = calibration::summary(&rows);
        return to_json(&Calibration { summary, rows });
    }
    Ok(calibration::markdown(&rows))
}
