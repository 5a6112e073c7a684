//! `zettaflop optimal`: the compute-optimal model for a compute or a budget, and bad input as
//! one line on stderr naming the field, with exit code 2.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::zettaflop;

fn ok(stdin: &str) -> serde_json::Value {
    let out = zettaflop(&["optimal", "-"], stdin);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn a_compute_gives_the_hand_checked_optimum_of_each_fit() {
    let v = ok(r#"{"flop": 5.76e23}"#);
    assert_eq!(v["fit"], "epoch");
    let n = v["params"].as_f64().unwrap();
    assert!((n / 7.225e10 - 1.0).abs() < 1e-3, "{n}");
    assert!((v["tokens"].as_f64().unwrap() / 1.329e12 - 1.0).abs() < 1e-3);
    assert!((v["tokens_per_param"].as_f64().unwrap() - 18.4).abs() < 0.05);
    assert!((v["loss"].as_f64().unwrap() - 1.974).abs() < 5e-4);
    assert_eq!(v["data_set"], "MassiveText");
    assert_eq!(v["sources"][0]["url"], "https://arxiv.org/abs/2404.10102");
    assert!(v.get("usd").is_none());

    let v = ok(r#"{"flop": 5.76e23, "fit": "hoffmann"}"#);
    assert_eq!(v["fit"], "hoffmann");
    assert!((v["params"].as_f64().unwrap() / 4.031e10 - 1.0).abs() < 1e-3);
    assert!((v["tokens"].as_f64().unwrap() / 2.382e12 - 1.0).abs() < 1e-3);
    assert!((v["loss"].as_f64().unwrap() - 1.918).abs() < 5e-4);
    assert!(v["fit_name"].as_str().unwrap().contains("Hoffmann"));
}

#[test]
fn a_budget_on_a_cluster_buys_its_compute() {
    let v = ok(r#"{"usd": 1e9, "hardware": "h100", "utilization": 0.4}"#);
    // One H100-hour: 989.4 TFLOP/s × 0.4 × 3600 s for $2.99 rental + 1.5 kW × 1.2 × $0.078.
    let per_flop = (2.99 + 1.5 * 1.2 * 0.078) / (989.4e12 * 0.4 * 3600.0);
    let got = v["usd_per_flop"].as_f64().unwrap();
    assert!((got / per_flop - 1.0).abs() < 1e-9, "{got} vs {per_flop}");
    assert!((v["flop"].as_f64().unwrap() * per_flop / 1e9 - 1.0).abs() < 1e-9);
    assert_eq!(v["usd"], 1e9);
}

#[test]
fn bad_requests_exit_2_with_one_line_naming_the_field() {
    let cases = [
        (r#"{"flop": -1}"#, "flop"),
        (r#"{"flop": 0}"#, "flop"),
        (r#"{"flop": "a lot"}"#, "flop"),
        (r#"{"flop": null}"#, "flop"),
        (r#"{}"#, "flop"),
        (r#"{"flop": 1e24, "fit": "kaplan"}"#, "fit"),
        (r#"{"flop": 1e24, "fit": 3}"#, "fit"),
        (r#"{"flop": 1e24, "colour": "red"}"#, "colour"),
        (r#"{"flop": 1e24, "count": 8}"#, "count"),
        (r#"{"flop": 1e24, "usd": 1e9}"#, "usd"),
        (r#"{"flop": 1e24, "hardware": "h100"}"#, "hardware"),
        (r#"{"usd": -3, "hardware": "h100"}"#, "usd"),
        (r#"{"usd": 1e9}"#, "hardware"),
        (r#"{"usd": 1e9, "hardware": "tpu9"}"#, "hardware"),
        (
            r#"{"usd": 1e9, "hardware": "h100", "utilization": "auto"}"#,
            "utilization",
        ),
        (r#"{"usd": 1e9, "hardware": "h100", "pue": 9}"#, "pue"),
        ("not json", "request"),
    ];
    for (input, field) in cases {
        let out = zettaflop(&["optimal", "-"], input);
        assert_eq!(out.status.code(), Some(2), "{input}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{input}: {err}");
        assert!(
            err.starts_with(&format!("zettaflop: {field}: ")),
            "{input}: {err}"
        );
        assert!(out.stdout.is_empty());
    }
    let out = zettaflop(&["optimal"], "");
    assert_eq!(out.status.code(), Some(2));
    let out = zettaflop(&["optimal", "/no/such/file.json"], "");
    assert_eq!(out.status.code(), Some(2));
}
