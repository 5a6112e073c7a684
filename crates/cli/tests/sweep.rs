//! `zettaflop sweep`: the CSV series of a scenario over GPU counts, and its bad input.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::zettaflop;

#[test]
fn sweep_prints_a_csv_series() {
    // No count: the sweep does not need one.
    let input = r#"{"workload": {"flop": 3.8e25}, "hardware": "h100", "utilization": 0.4}"#;
    let out = zettaflop(&["sweep", "-"], input);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "gpus,count,ideal_duration_s,compute_duration_s,duration_s,energy_j,cost_usd,utilization"
    );
    let rows: Vec<Vec<f64>> = lines
        .map(|l| l.split(',').map(|x| x.parse().unwrap()).collect())
        .collect();
    assert_eq!(rows.len(), 11);
    assert_eq!(rows[0][0], 1024.0);
    assert_eq!(rows[10][0], 1_048_576.0);
    for r in &rows {
        assert_eq!(r.len(), 8);
        // ideal = C / (G × 989.4e12) < with utilization (÷ 0.4) < with interruptions.
        assert!((r[2] - 3.8e25 / (r[0] * 989.4e12)).abs() / r[2] < 1e-12);
        assert!((r[3] - r[2] / 0.4).abs() / r[3] < 1e-12);
        assert!(r[4] > r[3] && r[5] > 0.0 && r[6] > 0.0);
    }
    // The row at 16,384 GPUs is the estimate's wall clock.
    let est = zettaflop(
        &["estimate", "-"],
        r#"{"workload": {"flop": 3.8e25}, "hardware": "h100", "utilization": 0.4, "count": 16384}"#,
    );
    let rep: serde_json::Value = serde_json::from_slice(&est.stdout).unwrap();
    let goodput = |k: &str| rep["goodput"][k].as_f64();
    // (serde_json's float parsing may differ from Rust's in the last bit.)
    let same = |a: f64, b: Option<f64>| (a / b.unwrap() - 1.0).abs() < 1e-15;
    assert!(same(rows[4][4], goodput("wall_clock_s")));
    assert!(same(rows[4][5], goodput("energy_j")));
    assert!(same(rows[4][6], goodput("cost_usd")));
    // Counts on the command line.
    let out = zettaflop(&["sweep", "-", "1000", "3000"], input);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 3);
    assert!(text.lines().nth(2).unwrap().starts_with("3000,3000,"));
}

#[test]
fn sweep_bad_input_names_the_field_with_exit_code_2() {
    let cases: [(&[&str], &str, &str); 5] = [
        (
            &["sweep", "-"],
            r#"{"workload": "gpt-4", "hardware": "h100", "restart_s": -1}"#,
            "restart_s",
        ),
        (
            &["sweep", "-"],
            r#"{"workload": "gpt-4", "hardware": "h100", "colour": 1}"#,
            "colour",
        ),
        (
            &["sweep", "-", "0"],
            r#"{"workload": "gpt-4", "hardware": "h100"}"#,
            "count",
        ),
        (
            &["sweep", "-", "many"],
            r#"{"workload": "gpt-4", "hardware": "h100"}"#,
            "count",
        ),
        (&["sweep", "-"], r#"{"hardware": "h100"}"#, "workload"),
    ];
    for (args, input, field) in cases {
        let out = zettaflop(args, input);
        assert_eq!(out.status.code(), Some(2), "{input}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains(field), "{input}: {err} should name {field}");
    }
    assert_eq!(zettaflop(&["sweep"], "").status.code(), Some(2));
    // estimate still requires its count.
    let out = zettaflop(
        &["estimate", "-"],
        r#"{"workload": "gpt-4", "hardware": "h100"}"#,
    );
    assert_eq!(out.status.code(), Some(2));
}
