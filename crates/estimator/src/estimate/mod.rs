//! The execution: from a scenario to a report, every step written down.
//!
//! A pipeline of small pure steps, each in its own file:
//!
//! 1. [`resolve`]: the scenario's inputs checked against their limits, defaults filled in
//!    (every error is raised here);
//! 2. [`compute`]: the numbers, and only numbers, each formula computed once;
//! 3. [`explain`] (and `explain_scale`, `warnings`): the "show the math" rows and the warnings,
//!    as tables of definitions that read the numbers;
//! 4. [`ranges`]: the optimistic and pessimistic corners, run through the same
//!    [`compute::run`];
//! 5. [`assemble`]: the report.

mod assemble;
mod compute;
pub(crate) use compute::home_w;
mod explain;
mod explain_scale;
mod ranges;
mod resolve;
mod warnings;

use crate::error::Error;
use crate::format::Locale;
use crate::report::Report;
use crate::scenario::Scenario;

/// Joules in a kilowatt-hour.
pub const J_PER_KWH: f64 = 3.6e6;
/// Hours in an average year (365.25 days).
pub const HOURS_PER_YEAR: f64 = 8766.0;

/// Estimates time, power, energy, emissions and cost of a training scenario.
///
/// Pure and stateless: the CLI, the JS API and the page all call this.
///
/// # Errors
/// A field out of range, an unknown id, or an impossible combination (fp8 on a V100, racks of
/// H100); [`Error::field`] names the field.
///
/// ```
/// use zettaflop_estimator::{estimate, Scenario, Workload, HardwareChoice};
/// // GPT-4 (2.1e25 FLOP) on 25,000 A100 at 33 % utilization takes about 95 days.
/// let s = Scenario {
///     workload: Workload::Flop { flop: 2.1e25 },
///     hardware: HardwareChoice::Id("a100".into()),
///     count: 25_000.0,
///     utilization: Some(0.33.into()),
///     ..Scenario::default()
/// };
/// let s = Scenario { count_unit: zettaflop_estimator::CountUnit::Chip, ..s };
/// let days = estimate(&s)?.duration_s / 86_400.0;
/// assert!((days - 94.4).abs() < 0.1);
/// # Ok::<(), zettaflop_estimator::Error>(())
/// ```
pub fn estimate(s: &Scenario) -> Result<Report, Error> {
    estimate_in(s, Locale::En)
}

/// [`estimate`] with the step names and warnings in `l`.
///
/// # Errors
/// As [`estimate`].
pub fn estimate_in(s: &Scenario, l: Locale) -> Result<Report, Error> {
    let r = resolve::resolve(s, l)?;
    let n = compute::compute(&r);
    let x = explain::X { r: &r, n: &n, l };
    let steps = explain::explain(&x);
    let warnings = warnings::warnings(&x);
    let ranges = ranges::ranges(&r, &n);
    assemble::assemble(assemble::Parts {
        r,
        n,
        steps,
        warnings,
        ranges,
    })
}
