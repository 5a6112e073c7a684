//! The library of published claims (`data/claims-library.csv`): one row per claim with its
//! source, its quote, the claim in the JSON contract's terms and a careful reader's verdict.
//! The checker's verdict is computed, never typed; [`LibraryClaim::file_verdict`] is kept only
//! to list where the two differ (`docs/claims.md` explains each difference).
//!
//! The `claim` column holds the claim's fields as `key=value` pairs separated by spaces
//! (`workload=gpt-4 duration_s=43200 count=64000 count_unit=package hardware=gb200`), with the
//! JSON contract's names; `flop=…` stands for `workload: {"flop": …}` and
//! `comparison.factor=…` for the fields of `comparison`. Adding a claim is adding a row.
//!
//! The text is compiled into the CLI and the tests only (the page fetches the checked library
//! as a JSON asset the CLI writes at build time).

use serde::Serialize;

use crate::format::Locale;
use crate::hardware::{CountUnit, HardwareChoice, Precision};
use crate::workload::Workload;

use super::{check, CheckReport, Claim, Comparison, Verdict};

/// The library's CSV text.
pub const CSV: &str = include_str!("../../data/claims-library.csv");

/// One published claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LibraryClaim {
    /// Id (`C01`…).
    pub id: String,
    /// Language of the quote (`en`, `fr`).
    pub lang: String,
    /// Who published it.
    pub outlet: String,
    /// When (ISO, `~` when approximate).
    pub date: String,
    /// Where the text was seen.
    pub url: String,
    /// The words, verbatim (`[…]` marks an elision).
    pub quote: String,
    /// What kind of claim (`training_time`, `peak`, `site_power`, `budget`, `gpu_hours`,
    /// `comparison`, `run_cost`, `benchmark_window`, `energy_unit`, `equivalents`).
    pub kind: String,
    /// The claim as the `claim` column writes it.
    pub claim_text: String,
    /// The claim in the JSON contract.
    pub claim: Claim,
    /// The verdict of the careful reading the library was gathered with (not the checker's).
    pub file_verdict: Verdict,
    /// What is ambiguous.
    pub ambiguity: String,
    /// The reader's arithmetic.
    pub arithmetic: String,
}

/// Splits CSV text into rows of cells (RFC 4180 quoting: `"…"`, `""` for a quote).
pub fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut cell, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if cell.is_empty() => quoted = true,
            (',', false) => row.push(std::mem::take(&mut cell)),
            ('\n', false) => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            ('\r', false) => {}
            _ => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

fn num(key: &str, v: &str) -> Result<f64, String> {
    v.parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
        .ok_or_else(|| format!("{key}: `{v}` is not a number"))
}

fn precision(key: &str, v: &str) -> Result<Precision, String> {
    Precision::ALL
        .into_iter()
        .find(|p| p.id() == v)
        .ok_or_else(|| format!("{key}: unknown precision `{v}`"))
}

fn set_comparison(c: &mut Comparison, key: &str, v: &str) -> Result<(), String> {
    match key {
        "comparison.factor" => c.factor = num(key, v)?,
        "comparison.than" => c.than = Some(HardwareChoice::Id(v.into())),
        "comparison.than_count" => c.than_count = Some(num(key, v)?),
        "comparison.than_flop_per_s" => c.than_flop_per_s = Some(num(key, v)?),
        "comparison.than_precision" => c.than_precision = Some(precision(key, v)?),
        _ => return Err(format!("unknown field `{key}`")),
    }
    Ok(())
}

fn set(c: &mut Claim, key: &str, v: &str) -> Result<(), String> {
    match key {
        "workload" => c.workload = Some(Workload::Preset(v.into())),
        "flop" => c.workload = Some(Workload::Flop { flop: num(key, v)? }),
        "duration_s" => c.duration_s = Some(num(key, v)?),
        "count" => c.count = num(key, v)?,
        "count_unit" => {
            c.count_unit = [CountUnit::Chip, CountUnit::Package, CountUnit::Rack]
                .into_iter()
                .find(|u| u.id() == v)
                .ok_or_else(|| format!("count_unit: unknown unit `{v}`"))?
        }
        "hardware" => c.hardware = HardwareChoice::Id(v.into()),
        "precision" => c.precision = Some(precision(key, v)?),
        "quoted_peak_flop_per_s" => c.quoted_peak_flop_per_s = Some(num(key, v)?),
        "site_power_w" => c.site_power_w = Some(num(key, v)?),
        "site_energy_wh" => c.site_energy_wh = Some(num(key, v)?),
        "budget_usd" => c.budget_usd = Some(num(key, v)?),
        "pue" => c.pue = num(key, v)?,
        "gpu_hours" => c.gpu_hours = Some(num(key, v)?),
        "usd_per_gpu_hour" => c.usd_per_gpu_hour = Some(num(key, v)?),
        "run_cost_usd" => c.run_cost_usd = Some(num(key, v)?),
        "equivalent_of" => c.equivalent_of = Some(v.into()),
        "window_flop" => c.window_flop = Some(num(key, v)?),
        "window_s" => c.window_s = Some(num(key, v)?),
        _ => {
            let cmp = c.comparison.get_or_insert(Comparison {
                factor: 1.0,
                than: None,
                than_count: None,
                than_flop_per_s: None,
                than_precision: None,
            });
            set_comparison(cmp, key, v)?
        }
    }
    Ok(())
}

/// A claim from its `key=value` text.
///
/// # Errors
/// A pair without `=`, an unknown field, a value that does not parse (the message names it).
pub fn parse_claim(text: &str) -> Result<Claim, String> {
    let mut c = Claim::default();
    for pair in text.split_whitespace() {
        let (k, v) = pair
            .split_once('=')
            .ok_or_else(|| format!("`{pair}` is not key=value"))?;
        set(&mut c, k, v)?;
    }
    Ok(c)
}

const COLUMNS: [&str; 11] = [
    "id",
    "lang",
    "outlet",
    "date",
    "url",
    "quote",
    "kind",
    "claim",
    "file_verdict",
    "ambiguity",
    "arithmetic",
];

fn row(cells: &[String]) -> Result<LibraryClaim, String> {
    let at = |i: usize| cells.get(i).cloned().unwrap_or_default();
    let id = at(0);
    let claim = parse_claim(&at(7)).map_err(|e| format!("{id}: claim: {e}"))?;
    let file_verdict = Verdict::from_id(&at(8))
        .ok_or_else(|| format!("{id}: file_verdict: unknown verdict `{}`", at(8)))?;
    if !matches!(at(1).as_str(), "en" | "fr") {
        return Err(format!("{id}: lang must be en or fr"));
    }
    Ok(LibraryClaim {
        lang: at(1),
        outlet: at(2),
        date: at(3),
        url: at(4),
        quote: at(5),
        kind: at(6),
        claim_text: at(7),
        claim,
        file_verdict,
        ambiguity: at(9),
        arithmetic: at(10),
        id,
    })
}

/// Every claim of the library.
///
/// # Errors
/// A header or a row that does not read (the message names the row and the field).
pub fn library() -> Result<Vec<LibraryClaim>, String> {
    let rows = csv_rows(CSV);
    let (header, body) = rows.split_first().ok_or("claims-library.csv is empty")?;
    if header.iter().map(String::as_str).ne(COLUMNS) {
        return Err(format!(
            "claims-library.csv: the columns must be {}",
            COLUMNS.join(",")
        ));
    }
    body.iter()
        .filter(|r| r.iter().any(|c| !c.is_empty()))
        .map(|r| row(r))
        .collect()
}

/// A library claim with the checker's answer in one language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Checked {
    /// The claim and its source.
    #[serde(flatten)]
    pub claim: LibraryClaim,
    /// The checker's verdict.
    pub verdict: Verdict,
    /// The checker's reason.
    pub reason: String,
    /// The full check.
    pub report: CheckReport,
}

/// Checks every claim of the library in `l`.
///
/// # Errors
/// A row that does not read or a claim the checker rejects (named by its id).
pub fn check_all(l: Locale) -> Result<Vec<Checked>, String> {
    library()?
        .into_iter()
        .map(|c| {
            let report = check(&c.claim, l).map_err(|e| format!("{}: {e}", c.id))?;
            Ok(Checked {
                verdict: report.verdict,
                reason: report.reason.clone(),
                report,
                claim: c,
            })
        })
        .collect()
}
