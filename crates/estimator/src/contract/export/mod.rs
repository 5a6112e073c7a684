//! A scenario and its report as files people keep: CSV for a spreadsheet, Markdown for a
//! document. (The JSON file is the report itself, the contract's format.) The page's
//! "Download" buttons and `zettaflop estimate --format csv|md` write the same text.
//!
//! ```
//! use zettaflop_estimator::{estimate, export, format::Locale, Scenario};
//! let scenario = Scenario::default();
//! let report = estimate(&scenario)?;
//! let csv = export::csv(&scenario, &report);
//! assert!(csv.starts_with("section,key,value,unit,note\n"));
//! assert!(csv.contains("\nresult,duration_s,164062.5,s,"));
//! let md = export::markdown(&scenario, &report, Locale::En);
//! assert!(md.contains("| Duration | 1 d 21.6 h"));
//! # Ok::<(), zettaflop_estimator::Error>(())
//! ```

mod figures;
mod inputs;
mod markdown;

use crate::format::{self as fmt, Locale};
use crate::{Report, Scenario, Step};
use figures::figures;
use inputs::inputs;
pub use markdown::markdown;

/// The CSV's header: every row is one input, result, step, warning or source.
pub const CSV_HEADER: &str = "section,key,value,unit,note";

/// A number as CSV and Markdown write it raw: Rust's shortest round-trip form, with an
/// exponent for very large or small magnitudes (2.1e25, not 26 digits).
pub fn raw(x: f64) -> String {
    let a = x.abs();
    if a != 0.0 && !(1e-4..1e15).contains(&a) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

/// One CSV field, quoted when it holds a comma, a quote or a line break.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The scenario and its report as CSV (RFC 4180, `\n` line ends), one row per input, headline
/// result, step of the math, warning and cited source: `section,key,value,unit,note`. Values
/// are raw SI numbers (the report's); notes are the report's sentences, in its language.
pub fn csv(scenario: &Scenario, report: &Report) -> String {
    let mut out = String::from(CSV_HEADER);
    out.push('\n');
    let mut row = |cells: [&str; 5]| {
        let line: Vec<String> = cells.iter().map(|c| field(c)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    };
    for i in inputs(scenario) {
        row(["input", i.key, &i.value, i.unit, ""]);
    }
    row([
        "result",
        "hardware",
        &report.hardware.id,
        "",
        &report.hardware.name,
    ]);
    row([
        "result",
        "utilization_basis",
        report.utilization_basis.id(),
        "",
        "",
    ]);
    for f in figures(report, Locale::En) {
        row(["result", f.key, &raw(f.value), f.unit, ""]);
    }
    for s in &report.steps {
        let note = format!("{}: {} = {}", s.quantity, s.formula, s.substitution);
        row(["step", &s.id, &raw(s.value), &s.unit, &note]);
    }
    for w in &report.warnings {
        row(["warning", w.code.id(), "", "", &w.message]);
    }
    for s in &report.sources {
        let note = format!("{} ({}, {})", s.title, s.kind, s.date);
        row(["source", &s.id, &s.url, "", &note]);
    }
    out
}

/// Text for a Markdown table cell: no line break, `|` escaped.
pub(super) fn cell(s: &str) -> String {
    s.replace(['\n', '\r'], " ").replace('|', "\\|")
}

/// A "show the math" value as the page and the Markdown write it, in its step's unit: a ratio
/// as a percentage, a plain count (unit `""`) grouped, seconds as a duration, dollars as money,
/// homes as a count of homes, anything else with an SI prefix.
pub fn step_value(s: &Step, l: Locale) -> String {
    match (s.unit.as_str(), l) {
        ("1", _) => fmt::percent(s.value, l),
        ("", _) => fmt::big(s.value, l),
        ("s", _) => fmt::duration(s.value, l),
        ("USD", _) => fmt::usd(s.value, l),
        ("homes", Locale::En) => format!("{} homes", fmt::big(s.value, l)),
        ("homes", Locale::Fr) => format!("{} foyers", fmt::big(s.value, l)),
        (u, _) => fmt::si(s.value, u, l),
    }
}
