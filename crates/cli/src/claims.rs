//! `zettaflop check` and `zettaflop claims`: a claim worked backwards, and the article's claims.

use serde::Serialize;
use zettaflop_estimator::catalog as data;
use zettaflop_estimator::claim::{check, CheckReport, Claim};

use crate::args::Opts;
use crate::io::{read_json, to_json};
use crate::Failure;

/// `check FILE|-`: the claim's readings and verdict, as JSON.
pub fn check_cmd(o: &Opts) -> Result<String, Failure> {
    let claim: Claim = read_json(&o.positional[0], "claim")?;
    let report = check(&claim, o.lang).map_err(|e| Failure(e.to_string()))?;
    to_json(&report)
}

/// One of the article's claims with its check, for `claims --json`.
#[derive(Serialize)]
struct Checked {
    id: &'static str,
    title: &'static str,
    report: CheckReport,
}

/// `claims [--json]`: the article's claims with their verdicts.
pub fn claims(o: &Opts) -> Result<String, Failure> {
    let mut rows = Vec::new();
    for c in data::CLAIMS {
        let report =
            check(&c.claim(), o.lang).map_err(|e| Failure(format!("claim {}: {e}", c.id)))?;
        rows.push(Checked {
            id: c.id,
            title: c.title(o.lang),
            report,
        });
    }
    if o.json {
        return to_json(&rows);
    }
    let mut out = String::new();
    for r in rows {
        out.push_str(&format!(
            "{} [{}]\n  {}\n  {}\n",
            r.id,
            r.report.verdict.label(o.lang),
            r.title,
            r.report.reason
        ));
    }
    Ok(out)
}
