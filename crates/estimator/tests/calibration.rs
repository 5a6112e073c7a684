//! The performance model against published Megatron-LM runs: prints the table, fails unless the
//! median absolute error is ≤ 8 % and the maximum ≤ 20 %.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use zettaflop_estimator::perf::calibration::{compare_all, markdown, summary};

#[test]
fn predictions_match_published_runs() {
    let rows = compare_all().expect("every row can be predicted");
    println!("{}", markdown(&rows));
    let s = summary(&rows);
    assert!(s.rows >= 25, "{} rows", s.rows);
    assert!(
        s.median_abs_error <= 0.08,
        "median absolute error {:.1} % > 8 %",
        100.0 * s.median_abs_error
    );
    assert!(
        s.max_abs_error <= 0.20,
        "maximum absolute error {:.1} % > 20 %",
        100.0 * s.max_abs_error
    );
}
