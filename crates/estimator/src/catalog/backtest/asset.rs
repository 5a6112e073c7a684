//! The back-test as a CSV asset: written by `zettaflop backtest --csv` at build time (a Trunk
//! hook puts it in `dist/backtest.csv`), read by the page when its back-test tab is first
//! opened. One row per run, a header naming the columns; the reader finds its columns by name,
//! so columns may be added.

use crate::backtest::{BacktestRow, Origin, Verdict};

/// The columns, in order. `reason_fr` is the reason in French.
pub const COLUMNS: &str = "id,name,organization,date,year,origin,hardware,hardware_name,mixed_hardware,chips,hours,flop,format,format_assumed,peak_flop_per_s,implied_utilization,reported_mfu,agrees_with_reported,verdict,reason,note,confidence,reason_fr";

fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The CSV of `rows` (reasons in English) and `fr` (the same runs, reasons in French).
///
/// ```
/// use zettaflop_estimator::backtest::{asset, backtest, backtest_in};
/// use zettaflop_estimator::format::Locale;
/// let text = asset::write(&backtest(), &backtest_in(Locale::Fr));
/// let points = asset::read(&text)?;
/// assert_eq!(points.len(), backtest().len());
/// # Ok::<(), zettaflop_estimator::backtest::asset::AssetError>(())
/// ```
pub fn write(rows: &[BacktestRow], fr: &[BacktestRow]) -> String {
    let mut out = String::from(COLUMNS);
    out.push('\n');
    let opt = |x: Option<f64>| x.map(|x| x.to_string()).unwrap_or_default();
    for (r, f) in rows.iter().zip(fr) {
        let fields = [
            field(r.id),
            field(r.name),
            field(r.organization),
            field(r.date),
            r.year.map(|y| y.to_string()).unwrap_or_default(),
            match r.origin {
                Origin::Core => "core".into(),
                Origin::Epoch => "epoch".into(),
            },
            field(r.hardware),
            field(r.hardware_name),
            r.mixed_hardware.to_string(),
            r.chips.to_string(),
            r.hours.to_string(),
            format!("{:e}", r.flop),
            r.format.id().into(),
            r.format_assumed.to_string(),
            opt(r.peak_flop_per_s),
            opt(r.implied_utilization),
            opt(r.reported_mfu),
            r.agrees_with_reported
                .map(|b| b.to_string())
                .unwrap_or_default(),
            r.verdict.id().into(),
            field(&r.reason),
            field(r.note),
            field(r.confidence),
            field(&f.reason),
        ];
        out.push_str(&fields.join(","));
        out.push('\n');
    }
    out
}

/// A run as the page plots it.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// Preset id (core) or Epoch model id.
    pub id: String,
    /// Model name.
    pub name: String,
    /// Publication date (`YYYY-MM` or `YYYY-MM-DD`).
    pub date: String,
    /// Chips (GPUs) in the run.
    pub chips: f64,
    /// Chip name.
    pub hardware_name: String,
    /// C / (chips × dense peak × seconds); `None` when the chip has no peak for the format.
    pub implied_utilization: Option<f64>,
    /// Reported (or Epoch-derived) MFU.
    pub reported_mfu: Option<f64>,
    /// Verdict.
    pub verdict: Verdict,
    /// Why, in English (empty when plausible).
    pub reason: String,
    /// Why, in French.
    pub reason_fr: String,
}

impl Point {
    /// The date as a fractional year (2023-03 → 2023.17), for a time axis.
    ///
    /// ```
    /// # use zettaflop_estimator::backtest::{asset::Point, Verdict};
    /// # let p = |date: &str| Point { id: "x".into(), name: "x".into(), date: date.into(), chips: 1.0, hardware_name: "x".into(), implied_utilization: None, reported_mfu: None, verdict: Verdict::NoPeak, reason: String::new(), reason_fr: String::new() };
    /// assert_eq!(p("2023-07").when(), Some(2023.5));
    /// assert_eq!(p("2020").when(), Some(2020.0));
    /// assert_eq!(p("soon").when(), None);
    /// ```
    pub fn when(&self) -> Option<f64> {
        let mut parts = self.date.split('-');
        let year: f64 = parts.next()?.parse().ok()?;
        let month: f64 = parts.next().and_then(|m| m.parse().ok()).unwrap_or(1.0);
        let day: f64 = parts.next().and_then(|d| d.parse().ok()).unwrap_or(1.0);
        Some(year + (month - 1.0) / 12.0 + (day - 1.0) / 365.0)
    }

    /// The year of the date.
    pub fn year(&self) -> Option<u16> {
        self.date.get(..4)?.parse().ok()
    }
}

/// Why the asset could not be read: the line (1 = the header) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssetError {
    /// Line of the CSV text.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for AssetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "backtest.csv line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for AssetError {}

/// The records of a CSV text, each with the line it starts on (quoted fields may hold commas,
/// doubled quotes and line breaks).
fn records(text: &str) -> Vec<(usize, Vec<String>)> {
    let mut out = Vec::new();
    let mut record = vec![String::new()];
    let (mut line, mut start, mut quoted) = (1, 1, false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let cell = record.len() - 1;
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                record[cell].push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => record.push(String::new()),
            ('\r', false) => {}
            ('\n', false) => {
                line += 1;
                if record.len() > 1 || !record[0].is_empty() {
                    out.push((start, std::mem::replace(&mut record, vec![String::new()])));
                }
                start = line;
            }
            (c, _) => {
                if c == '\n' {
                    line += 1;
                }
                record[cell].push(c);
            }
        }
    }
    if record.len() > 1 || !record[0].is_empty() {
        out.push((start, record));
    }
    out
}

/// Reads the asset written by [`write()`].
///
/// # Errors
/// A missing column, a row with fewer cells than the header, a number that does not parse,
/// an unknown verdict: with the line.
pub fn read(text: &str) -> Result<Vec<Point>, AssetError> {
    let mut rows = records(text).into_iter();
    let (_, header) = rows.next().ok_or(AssetError {
        line: 1,
        message: "empty".into(),
    })?;
    let col = |name: &str| {
        header.iter().position(|h| h == name).ok_or(AssetError {
            line: 1,
            message: format!("no column `{name}`"),
        })
    };
    let [id, name, date, chips, hw, implied, mfu, verdict, reason, reason_fr] = [
        col("id")?,
        col("name")?,
        col("date")?,
        col("chips")?,
        col("hardware_name")?,
        col("implied_utilization")?,
        col("reported_mfu")?,
        col("verdict")?,
        col("reason")?,
        col("reason_fr")?,
    ];
    rows.map(|(line, r)| {
        let err = |message: String| AssetError { line, message };
        if r.len() < header.len() {
            return Err(err(format!(
                "{} cells, the header has {}",
                r.len(),
                header.len()
            )));
        }
        let number = |i: usize| -> Result<Option<f64>, AssetError> {
            let s = r[i].as_str();
            if s.is_empty() {
                return Ok(None);
            }
            s.parse()
                .map(Some)
                .map_err(|_| err(format!("{}: `{s}` is not a number", header[i])))
        };
        Ok(Point {
            id: r[id].clone(),
            name: r[name].clone(),
            date: r[date].clone(),
            chips: number(chips)?.ok_or_else(|| err("chips: empty".into()))?,
            hardware_name: r[hw].clone(),
            implied_utilization: number(implied)?,
            reported_mfu: number(mfu)?,
            verdict: Verdict::from_id(&r[verdict])
                .ok_or_else(|| err(format!("verdict: unknown `{}`", r[verdict])))?,
            reason: r[reason].clone(),
            reason_fr: r[reason_fr].clone(),
        })
    })
    .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::format::Locale;

    #[test]
    fn what_is_written_reads_back() {
        let en = crate::backtest::backtest();
        let fr = crate::backtest::backtest_in(Locale::Fr);
        let points = read(&write(&en, &fr)).unwrap();
        assert_eq!(points.len(), en.len());
        for ((p, e), f) in points.iter().zip(&en).zip(&fr) {
            assert_eq!(p.id, e.id);
            assert_eq!(p.name, e.name);
            assert_eq!(p.chips, e.chips);
            assert_eq!(p.implied_utilization, e.implied_utilization);
            assert_eq!(p.reported_mfu, e.reported_mfu);
            assert_eq!(p.verdict, e.verdict);
            assert_eq!(p.reason, e.reason);
            assert_eq!(p.reason_fr, f.reason);
            assert_eq!(p.year(), e.year);
        }
    }

    #[test]
    fn quotes_commas_and_line_breaks() {
        let text = "id,name,date,chips,hardware_name,implied_utilization,reported_mfu,verdict,reason,reason_fr,extra\r\n\
                    a,\"x, \"\"y\"\"\",2020-01,8,H100,1.5,,impossible,\"two\nlines\",deux,\n\
                    b,z,2021,16,A100,0.3,0.31,plausible,,,\n";
        let points = read(text).unwrap();
        assert_eq!(points.len(), 2);
        assert_eq!(points[0].name, "x, \"y\"");
        assert_eq!(points[0].reason, "two\nlines");
        assert_eq!(points[0].reported_mfu, None);
        assert_eq!(points[1].reported_mfu, Some(0.31));
        let bad = text.replace("0.3,", "0.3x,");
        assert_eq!(
            read(&bad).unwrap_err().to_string(),
            "backtest.csv line 4: implied_utilization: `0.3x` is not a number"
        );
        let err = read("id,name\n").unwrap_err();
        assert_eq!(err.to_string(), "backtest.csv line 1: no column `date`");
        assert!(read("").is_err());
    }
}
