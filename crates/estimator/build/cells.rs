//! Reading CSV rows and turning cells into Rust literals, with errors naming file, line and
//! column. A numeric cell is either a number or `central [low..high]`: the first number is the
//! default, the bracket the range sources disagree on.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

/// One row: column name → trimmed text.
pub type Row = HashMap<String, String>;

/// Reads a CSV file into numbered rows (line 1 is the header).
pub fn read(path: &Path) -> Result<Vec<(usize, Row)>, String> {
    let name = path.display().to_string();
    let mut rdr = csv::Reader::from_path(path).map_err(|e| format!("{name}: {e}"))?;
    let headers = rdr.headers().map_err(|e| format!("{name}: {e}"))?.clone();
    let mut rows = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| format!("{name}: {e}"))?;
        let line = rec.position().map_or(0, |p| p.line() as usize);
        let row: Row = headers
            .iter()
            .zip(rec.iter())
            .map(|(h, v)| (h.to_string(), v.trim().to_string()))
            .collect();
        rows.push((line, row));
    }
    Ok(rows)
}

/// A row being read, so every message can say where.
pub struct Cells<'a> {
    /// File name as shown in messages.
    pub file: &'a str,
    /// Line of the row in the file.
    pub line: usize,
    /// The row.
    pub row: &'a Row,
    /// `Ranged` literals collected from range cells.
    pub ranges: Vec<String>,
}

/// A number as a Rust literal, and the range if the cell gave one.
pub struct Num {
    /// The central value as a float literal.
    pub lit: String,
    /// Value as a float, for checks.
    pub value: f64,
}

impl<'a> Cells<'a> {
    pub fn new(file: &'a str, line: usize, row: &'a Row) -> Self {
        Cells {
            file,
            line,
            row,
            ranges: Vec::new(),
        }
    }

    /// Where: `file line N column `c``.
    pub fn at(&self, col: &str) -> String {
        format!("{} line {} column `{col}`", self.file, self.line)
    }

    pub fn get(&self, col: &str) -> Result<&'a str, String> {
        self.row
            .get(col)
            .map(String::as_str)
            .ok_or_else(|| format!("{} line {}: no column `{col}`", self.file, self.line))
    }

    pub fn required(&self, col: &str) -> Result<&'a str, String> {
        let v = self.get(col)?;
        if v.is_empty() {
            return Err(format!("{}: is empty", self.at(col)));
        }
        Ok(v)
    }

    pub fn str_lit(&self, col: &str) -> Result<String, String> {
        Ok(format!("{:?}", self.get(col)?))
    }

    /// A prose column (notes, bases of estimates): its text with the feature `prose` (CLI,
    /// tests), an empty string without it (the page, which shows none of them). The column is
    /// read — and so checked — either way.
    pub fn prose(&self, col: &str) -> Result<String, String> {
        let text = self.get(col)?;
        Ok(if std::env::var_os("CARGO_FEATURE_PROSE").is_some() {
            format!("{text:?}")
        } else {
            "\"\"".into()
        })
    }

    /// [`Self::prose`] for a column that must not be empty.
    pub fn required_prose(&self, col: &str) -> Result<String, String> {
        self.required(col)?;
        self.prose(col)
    }

    pub fn required_str(&self, col: &str) -> Result<String, String> {
        Ok(format!("{:?}", self.required(col)?))
    }

    pub fn opt_str(&self, col: &str) -> Result<String, String> {
        let v = self.get(col)?;
        Ok(if v.is_empty() {
            "None".into()
        } else {
            format!("Some({v:?})")
        })
    }

    /// An optional number scaled by `10^exp`; a range cell records a `Ranged` entry.
    pub fn opt_num(&mut self, col: &str, exp: i32) -> Result<Option<Num>, String> {
        let text = self.get(col)?;
        if text.is_empty() {
            return Ok(None);
        }
        let at = self.at(col);
        let (central, range) = split_range(text, &at)?;
        let c = num(central, exp, &at)?;
        if let Some((lo, hi)) = range {
            let l = num(lo, exp, &at)?;
            let h = num(hi, exp, &at)?;
            if !(l.value <= c.value && c.value <= h.value) {
                return Err(format!(
                    "{at}: range `{text}` must read central [low..high] with low ≤ central ≤ high"
                ));
            }
            self.ranges.push(format!(
                "Ranged {{ column: {col:?}, low: {}, central: {}, high: {} }}",
                l.lit, c.lit, h.lit
            ));
        }
        Ok(Some(c))
    }

    pub fn num(&mut self, col: &str, exp: i32) -> Result<Num, String> {
        self.opt_num(col, exp)?
            .ok_or_else(|| format!("{}: is empty", self.at(col)))
    }

    /// `Some(lit)` or `None`.
    pub fn opt_num_lit(&mut self, col: &str, exp: i32) -> Result<String, String> {
        Ok(match self.opt_num(col, exp)? {
            Some(n) => format!("Some({})", n.lit),
            None => "None".into(),
        })
    }

    pub fn opt_whole(&self, col: &str) -> Result<Option<u32>, String> {
        let v = self.get(col)?;
        if v.is_empty() {
            return Ok(None);
        }
        v.parse()
            .map(Some)
            .map_err(|_| format!("{}: `{v}` is not a whole number", self.at(col)))
    }

    /// A space-separated list of source ids, each of which must exist.
    pub fn sources(&self, col: &str, ids: &HashSet<String>) -> Result<String, String> {
        let v = self.required(col)?;
        let mut out = String::from("&[");
        for id in v.split_whitespace() {
            if !ids.contains(id) {
                return Err(format!(
                    "{}: unknown source `{id}` (see sources.csv)",
                    self.at(col)
                ));
            }
            write!(out, "{id:?},").ok();
        }
        out.push(']');
        Ok(out)
    }

    /// Sources that may be empty only when the figures they back are empty.
    pub fn sources_if(
        &self,
        col: &str,
        ids: &HashSet<String>,
        needed: bool,
    ) -> Result<String, String> {
        if self.get(col)?.is_empty() {
            if needed {
                return Err(format!(
                    "{}: is empty, but the row gives the figure it should source",
                    self.at(col)
                ));
            }
            return Ok("&[]".into());
        }
        self.sources(col, ids)
    }

    pub fn ranges_lit(&self) -> String {
        format!("&[{}]", self.ranges.join(", "))
    }
}

/// The low and high texts of a range cell.
type Bounds<'t> = (&'t str, &'t str);

/// `2.1e25` → (`2.1e25`, None); `25000 [20000..25000]` → (`25000`, Some((`20000`, `25000`))).
fn split_range<'t>(text: &'t str, at: &str) -> Result<(&'t str, Option<Bounds<'t>>), String> {
    let Some((central, rest)) = text.split_once('[') else {
        return Ok((text, None));
    };
    let inner = rest
        .trim()
        .strip_suffix(']')
        .ok_or_else(|| format!("{at}: `{text}` opens `[` without closing it"))?;
    let (lo, hi) = inner
        .split_once("..")
        .ok_or_else(|| format!("{at}: `{text}`: a range reads [low..high]"))?;
    Ok((central.trim(), Some((lo.trim(), hi.trim()))))
}

/// A decimal number as a Rust float literal, optionally scaled by a power of ten written into
/// the literal (so `989.4` TFLOP/s becomes `989.4e12`, the nearest double to the decimal).
pub fn num(text: &str, exp: i32, what: &str) -> Result<Num, String> {
    let clean = text.replace(['$', ','], "");
    let v: f64 = clean
        .parse()
        .map_err(|_| format!("{what}: `{text}` is not a number"))?;
    if !v.is_finite() || v < 0.0 {
        return Err(format!(
            "{what}: `{text}` must be a finite, non-negative number"
        ));
    }
    if exp == 0 {
        return Ok(Num {
            lit: format!("{v:?}_f64"),
            value: v,
        });
    }
    if clean.contains(['e', 'E']) {
        return Err(format!(
            "{what}: `{text}` should be plain decimal (the column has a unit)"
        ));
    }
    let lit = if clean.contains('.') {
        clean.clone()
    } else {
        format!("{clean}.0")
    };
    Ok(Num {
        lit: format!("{lit}e{exp}_f64"),
        value: v * 10f64.powi(exp),
    })
}

/// Lower-case ASCII slug: `NVIDIA Tesla V100 SXM2` → `nvidia-tesla-v100-sxm2`.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}
