//! `zettaflop backtest`: every known run's implied utilization against its chip's peak.

use zettaflop_estimator::backtest::{self, BacktestRow, Verdict};
use zettaflop_estimator::epoch;
use zettaflop_estimator::format::Locale;

use crate::args::Opts;
use crate::io::to_json;
use crate::Failure;

/// `backtest [--csv|--json] [--lang en|fr]`. The CSV is the page's asset: it carries the reasons
/// in both languages whatever `--lang` says.
pub fn backtest_cmd(o: &Opts) -> Result<String, Failure> {
    if o.csv {
        return Ok(backtest::asset::write(
            &backtest::backtest(),
            &backtest::backtest_in(Locale::Fr),
        ));
    }
    let rows = backtest::backtest_in(o.lang);
    if o.json {
        to_json(&rows)
    } else {
        Ok(text(&rows))
    }
}

fn pct(x: Option<f64>) -> String {
    x.map(|x| format!("{:.1}", x * 100.0)).unwrap_or_default()
}

fn text(rows: &[BacktestRow]) -> String {
    let mut out = format!(
        "{:<10} {:>8} {:>8} {:>5} {:>8} {:>8} {:<6} {:<28} {}\n",
        "verdict", "implied%", "MFU%", "year", "chips", "hours", "format", "hardware", "model"
    );
    for r in rows {
        out.push_str(&format!(
            "{:<10} {:>8} {:>8} {:>5} {:>8} {:>8.0} {:<6} {:<28} {}{}\n",
            r.verdict.id(),
            pct(r.implied_utilization),
            pct(r.reported_mfu),
            r.year.map(|y| y.to_string()).unwrap_or_default(),
            r.chips,
            r.hours,
            r.format.id(),
            r.hardware_name.chars().take(28).collect::<String>(),
            r.name,
            if r.reason.is_empty() {
                String::new()
            } else {
                format!("  [{}]", r.reason)
            }
        ));
    }
    out.push_str(&summary(rows));
    out
}

fn summary(rows: &[BacktestRow]) -> String {
    let count = |v| rows.iter().filter(|r| r.verdict == v).count();
    format!(
        "{} runs: {} plausible, {} low (<{:.0} %), {} high (>{:.0} %), {} impossible (>100 %), {} without a peak. {}\n",
        rows.len(),
        count(Verdict::Plausible),
        count(Verdict::Low),
        backtest::LOW * 100.0,
        count(Verdict::High),
        backtest::HIGH * 100.0,
        count(Verdict::Impossible),
        count(Verdict::NoPeak),
        epoch::CREDIT
    )
}
