//! `zettaflop claims --library` and `zettaflop check` with the claim kinds of the news, from
//! outside: the binary's real output, and exit code 2 with one line naming the field.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::zettaflop;
use std::process::Output;

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

#[test]
fn claims_library_lists_every_claim_with_verdict_reason_and_readings() {
    let v = json(&zettaflop(&["claims", "--library", "--json"], ""));
    let rows = v.as_array().expect("array");
    assert_eq!(rows.len(), 52);
    for r in rows {
        for key in [
            "id", "lang", "outlet", "date", "url", "quote", "kind", "verdict", "reason",
        ] {
            assert!(r[key].is_string(), "{key}: {r}");
        }
        assert!(r["report"]["readings"].is_array(), "{r}");
    }
    let c01 = rows.iter().find(|r| r["id"] == "C01").expect("C01");
    assert_eq!(c01["verdict"], "misleading");
    assert_eq!(c01["file_verdict"], "impossible");
    let fr = String::from_utf8(zettaflop(&["claims", "--library", "--lang", "fr"], "").stdout)
        .expect("utf-8");
    assert!(fr.contains("C29 [trompeur] (référence: trompeur)"), "{fr}");
    assert!(fr.contains("est une énergie, pas une puissance"), "{fr}");
    assert_eq!(fr.lines().filter(|l| l.starts_with('C')).count(), 52);
}

#[test]
fn the_news_asset_has_both_languages() {
    let v = json(&zettaflop(&["claims", "--library", "--asset"], ""));
    let claims = v["claims"].as_array().expect("claims");
    assert_eq!(claims.len(), 52);
    for c in claims {
        assert_ne!(c["summary_en"], c["summary_fr"], "{c}");
        assert!(
            c["claim_text"].as_str().unwrap().contains("hardware="),
            "{c}"
        );
    }
    let bad = zettaflop(&["claims", "--asset"], "");
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn check_takes_every_new_kind() {
    let cases = [
        (
            r#"{"workload": "deepseek-v3", "gpu_hours": 2.78e6, "count": 2048, "hardware": "h800", "precision": "fp8"}"#,
            "plausible",
        ),
        (
            r#"{"count": 288000, "equivalent_of": "h100", "hardware": "gb200", "site_power_w": 2e8}"#,
            "optimistic",
        ),
        (
            r#"{"count": 1, "hardware": "h200", "comparison": {"factor": 2, "than": "h100"}}"#,
            "misleading",
        ),
        (
            r#"{"count": 100000, "hardware": "h100", "site_energy_wh": 1.5e8}"#,
            "misleading",
        ),
        (
            r#"{"workload": "gpt-3", "duration_s": 234, "count": 10752, "hardware": "h100", "window_flop": 1.05e21}"#,
            "misleading",
        ),
        (
            r#"{"duration_s": 288000, "count": 512, "hardware": "h800", "run_cost_usd": 294000, "usd_per_gpu_hour": 2}"#,
            "wrong",
        ),
        (
            r#"{"count": 100000, "hardware": "h100", "site_power_w": 5e7}"#,
            "impossible",
        ),
        (
            r#"{"count": 100000, "hardware": "h100", "site_power_w": 1.5e8}"#,
            "optimistic",
        ),
    ];
    for (claim, verdict) in cases {
        let v = json(&zettaflop(&["check", "-"], claim));
        assert_eq!(v["verdict"], verdict, "{claim}: {}", v["reason"]);
    }
}

#[test]
fn bad_claims_exit_2_with_one_line_naming_the_field() {
    let cases = [
        (
            r#"{"workload": "gpt-4", "gpu_hours": -5, "count": 1, "hardware": "h100"}"#,
            "gpu_hours",
        ),
        (
            r#"{"count": 1, "hardware": "h100", "comparison": {"factor": 0}}"#,
            "comparison.factor",
        ),
        (
            r#"{"count": 1, "hardware": "h100", "comparison": {"factor": 2}}"#,
            "comparison.than",
        ),
        (
            r#"{"count": 1, "hardware": "h100", "comparison": {"factor": 2, "than": "h999"}}"#,
            "comparison.than",
        ),
        (
            r#"{"count": 1, "equivalent_of": "h999", "hardware": "h100", "site_power_w": 1e6}"#,
            "equivalent_of",
        ),
        (
            r#"{"count": 1, "hardware": "h100", "site_energy_wh": 0}"#,
            "site_energy_wh",
        ),
        (
            r#"{"count": 1, "hardware": "h100", "run_cost_usd": 1e6}"#,
            "gpu_hours",
        ),
        (
            r#"{"count": 1, "hardware": "tpu-v5e", "duration_s": 3600, "run_cost_usd": 1e6}"#,
            "usd_per_gpu_hour",
        ),
        (
            r#"{"count": 1, "hardware": "h100", "wattage": 5}"#,
            "wattage",
        ),
        (
            r#"{"count": 1, "hardware": "h100", "gpu_hours": 10, "run_cost_usd": 100, "usd_per_gpu_hour": 0}"#,
            "usd_per_gpu_hour",
        ),
    ];
    for (claim, field) in cases {
        let out = zettaflop(&["check", "-"], claim);
        assert_eq!(out.status.code(), Some(2), "{claim}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{claim}: {err}");
        assert!(
            err.starts_with(&format!("zettaflop: {field}")),
            "{claim}: {err}"
        );
    }
}
