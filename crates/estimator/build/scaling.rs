//! The scaling-law fits (`data/scaling-fits.csv`): one row per published fit of
//! L(N, D) = E + A/N^α + B/D^β, each with its sources.

use std::collections::HashSet;
use std::fmt::Write as _;

use crate::cells::{Cells, Row};

/// Writes `FITS` (the fits in file order) to `out`. Exactly one row must be the default, and
/// every coefficient must be a positive number (the closed-form optimum divides by them).
pub fn fits(out: &mut String, rows: &[(usize, Row)], ids: &HashSet<String>) -> Result<(), String> {
    out.push_str("/// Every scaling-law fit, in file order.\npub static FITS: &[Fit] = &[\n");
    let mut defaults = 0;
    for (l, r) in rows {
        let mut c = Cells::new("scaling-fits.csv", *l, r);
        let mut lits = Vec::new();
        for col in ["e", "a", "b", "alpha", "beta"] {
            let n = c.num(col, 0)?;
            if !(n.value > 0.0 && n.value.is_finite()) {
                return Err(format!("{}: must be a positive number", c.at(col)));
            }
            lits.push(n.lit);
        }
        if !c.ranges.is_empty() {
            return Err(format!("{}: a fit's coefficients take no range", c.at("e")));
        }
        let default = match c.required("default")? {
            "yes" => true,
            "no" => false,
            v => return Err(format!("{}: `{v}` must be yes or no", c.at("default"))),
        };
        defaults += usize::from(default);
        writeln!(
            out,
            "    Fit {{ id: {}, name: {}, e: {}, a: {}, b: {}, alpha: {}, beta: {}, data_set: {}, default: {default}, sources: {}, notes: {} }},",
            c.required_str("id")?,
            c.required_str("name")?,
            lits[0],
            lits[1],
            lits[2],
            lits[3],
            lits[4],
            c.required_str("data_set")?,
            c.sources("sources", ids)?,
            c.required_prose("notes")?,
        )
        .ok();
    }
    out.push_str("];\n");
    if defaults != 1 {
        return Err(format!(
            "scaling-fits.csv: {defaults} rows have default = yes; exactly one must"
        ));
    }
    Ok(())
}
