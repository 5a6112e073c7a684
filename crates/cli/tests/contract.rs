//! The JSON contract seen from outside: the report schema is re-declared here (not imported
//! from the estimator) and the binary's real output must deserialize into it exactly.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::zettaflop;

use serde::Deserialize;

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Report {
    training_flop: f64,
    hardware: Hw,
    count: f64,
    count_unit: String,
    gpus: f64,
    precision: String,
    sparse: bool,
    peak_flop_per_s_per_gpu: f64,
    peak_flop_per_s: f64,
    utilization: f64,
    utilization_basis: String,
    predicted_utilization: Option<serde_json::Map<String, serde_json::Value>>,
    effective_flop_per_s: f64,
    duration_s: f64,
    chip_hours: f64,
    it_power_w: f64,
    facility_power_w: f64,
    energy_j: f64,
    energy_split_j: EnergySplit,
    co2_kg: f64,
    homes: f64,
    home_years: f64,
    cost_usd: Cost,
    implied_utilization: Option<f64>,
    chips_needed: Option<f64>,
    count_needed: Option<f64>,
    goodput: Goodput,
    site: Option<Site>,
    capex: Option<Capex>,
    budget: Option<Budget>,
    compute_optimal: Option<ComputeOptimal>,
    diminishing_returns: Option<DiminishingReturns>,
    ranges: Ranges,
    assumptions: serde_json::Map<String, serde_json::Value>,
    warnings: Vec<Warning>,
    steps: Vec<Step>,
    sources: Vec<serde_json::Map<String, serde_json::Value>>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EnergySplit {
    it: f64,
    overhead: f64,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Ranges {
    duration_s: Range,
    energy_j: Range,
    cost_usd: Range,
    varied: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Range {
    low: f64,
    central: f64,
    high: f64,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Hw {
    id: String,
    name: String,
    all_in_w: f64,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cost {
    compute: f64,
    electricity: f64,
    total: f64,
    ownership: Option<f64>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Goodput {
    interruptions_per_gpu_hour: f64,
    mtbf_s: f64,
    checkpoint_s: f64,
    restart_s: f64,
    checkpoint_interval_s: f64,
    interval_rule: String,
    fraction: f64,
    wall_clock_s: Option<f64>,
    expected_interruptions: Option<f64>,
    energy_j: Option<f64>,
    cost_usd: Option<f64>,
    ownership_usd: Option<f64>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Site {
    site_power_w: f64,
    w_per_gpu: f64,
    gpus: f64,
    count: f64,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Capex {
    usd_per_chip: f64,
    chips_usd: f64,
    facility_usd: f64,
    total_usd: f64,
    lifetime_s: f64,
    amortized_usd: f64,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Budget {
    budget_usd: f64,
    usd_per_gpu: f64,
    gpus: f64,
    count: f64,
    facility_power_w: f64,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ComputeOptimal {
    flop: f64,
    params: f64,
    tokens: f64,
    tokens_per_param: f64,
    reference_tokens_per_param: f64,
    data_set: String,
    fit: String,
    fit_name: String,
    loss: f64,
    optimal: Optimum,
    equivalent_flop: f64,
    efficiency: f64,
    sources: Vec<String>,
    other_fits: Vec<FitResult>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FitResult {
    fit: String,
    fit_name: String,
    loss: f64,
    optimal: Optimum,
    equivalent_flop: f64,
    efficiency: f64,
    sources: Vec<String>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Optimum {
    flop: f64,
    params: f64,
    tokens: f64,
    tokens_per_param: f64,
    loss: f64,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DiminishingReturns {
    fit: String,
    usd_per_flop: f64,
    loss: f64,
    points: Vec<ReturnPoint>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReturnPoint {
    multiple: f64,
    usd: f64,
    flop: f64,
    params: f64,
    tokens: f64,
    loss: f64,
    loss_drop_per_billion_usd: Option<f64>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Warning {
    code: String,
    field: String,
    message: String,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Step {
    id: String,
    quantity: String,
    formula: String,
    substitution: String,
    value: f64,
    unit: String,
    sources: Vec<String>,
}

#[test]
fn estimate_prints_the_contract() {
    let out = zettaflop(
        &["estimate", "-"],
        r#"{"workload": "gpt-4", "hardware": "gb200", "count": 64000, "count_unit": "package", "claimed_duration_s": 43200, "target_duration_s": 86400}"#,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: Report =
        serde_json::from_slice(&out.stdout).expect("report matches the declared schema");
    assert_eq!(r.gpus, 128_000.0);
    assert_eq!(r.peak_flop_per_s, 3.2e20);
    assert_eq!(r.count_unit, "package");
    assert!((r.implied_utilization.expect("asked") - 1.519).abs() < 1e-3);
    assert!(r.chips_needed.expect("asked") > 128_000.0);
    assert!(r.warnings.iter().any(|w| w.code == "claim_impossible"));
    assert!(r.steps.len() >= 16);
    assert_eq!(r.ranges.varied, ["workload", "utilization", "pue", "power"]);
    let d = &r.ranges.duration_s;
    assert!(d.low < d.central && d.central < d.high && d.central == r.duration_s);
}

#[test]
fn estimate_reads_a_file() {
    let dir = std::env::temp_dir().join(format!("zettaflop-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp dir");
    let path = dir.join("s.json");
    std::fs::write(&path, r#"{"workload": {"params": 175e9, "tokens": 300e9}, "hardware": "v100", "count": 10000, "precision": "fp16"}"#).expect("write");
    let out = zettaflop(&["estimate", path.to_str().expect("utf-8 path")], "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: Report = serde_json::from_slice(&out.stdout).expect("schema");
    assert!((r.training_flop / 3.15e23 - 1.0).abs() < 1e-12);
    // Params and tokens: the compute-optimal block, with both fits.
    let b = r.compute_optimal.expect("compute_optimal");
    assert_eq!(
        (b.params, b.tokens, b.fit.as_str()),
        (175e9, 300e9, "epoch")
    );
    assert_eq!(b.other_fits[0].fit, "hoffmann");
    assert!(b.loss > b.optimal.loss && b.equivalent_flop < b.flop);
    let d = r.diminishing_returns.expect("diminishing_returns");
    assert_eq!(d.points.len(), 4);
}

#[test]
fn bad_input_is_one_line_naming_the_field_with_exit_code_2() {
    let cases = [
        (
            r#"{"workload": "gpt-4", "hardware": "gb200", "count": 64000, "utilization": 1.5}"#,
            "utilization",
        ),
        (
            r#"{"workload": "gpt-4", "hardware": "gb200", "count": 0}"#,
            "count",
        ),
        (
            r#"{"workload": "gpt-4", "hardware": "tpu9", "count": 1}"#,
            "hardware",
        ),
        (
            r#"{"workload": "gpt-4", "hardware": "gb200", "count": 1, "colour": "red"}"#,
            "colour",
        ),
        (
            r#"{"workload": "gpt-4", "hardware": "gb200", "count": 1, "precision": "fp3"}"#,
            "precision",
        ),
        (r#"{"workload": "gpt-4", "hardware": "gb200"}"#, "count"),
        (
            r#"{"workload": "gpt-4", "hardware": "v100", "count": 1, "precision": "fp8"}"#,
            "precision",
        ),
        (r#"not json"#, "scenario"),
    ];
    for (input, field) in cases {
        let out = zettaflop(&["estimate", "-"], input);
        assert_eq!(out.status.code(), Some(2), "{input}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains(field), "{input}: {err} should name {field}");
    }
    assert_eq!(zettaflop(&["frobnicate"], "").status.code(), Some(2));
    assert_eq!(
        zettaflop(&["estimate", "/no/such/file.json"], "")
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn catalog_lists_the_ids() {
    let out = zettaflop(&["catalog", "--json"], "");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let ids: Vec<&str> = v["hardware"]
        .as_array()
        .expect("hardware")
        .iter()
        .filter_map(|h| h["id"].as_str())
        .collect();
    for id in ["v100", "a100", "h100", "b200", "gb200"] {
        assert!(ids.contains(&id), "{id} missing");
    }
    let text = zettaflop(&["catalog"], "");
    assert!(String::from_utf8_lossy(&text.stdout).contains("gpt-4"));
}

#[test]
fn backtest_prints_every_run_as_csv_and_json() {
    let out = zettaflop(&["backtest", "--csv"], "");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    for col in [
        "id",
        "implied_utilization",
        "reported_mfu",
        "verdict",
        "reason",
        "year",
        "chips",
    ] {
        assert!(header.contains(&col), "{col}");
    }
    assert!(lines.count() > 250);
    let out = zettaflop(&["backtest", "--json"], "");
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let gpt4 = rows.iter().find(|r| r["id"] == "gpt-4").unwrap();
    assert_eq!(gpt4["verdict"], "plausible");
    assert!(rows.iter().any(|r| r["verdict"] == "impossible"));
    let out = zettaflop(&["backtest"], "");
    assert!(String::from_utf8(out.stdout).unwrap().contains("Epoch AI"));
}

#[test]
fn catalog_epoch_is_the_long_tail_asset_with_its_credit() {
    let out = zettaflop(&["catalog", "epoch"], "");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["credit"], "Data: Epoch AI (CC-BY)");
    assert_eq!(v["models"].as_array().unwrap().len(), 988);
    assert_eq!(v["hardware"].as_array().unwrap().len(), 109);
}

#[test]
fn check_prints_readings_and_a_verdict() {
    let out = zettaflop(
        &["check", "-"],
        r#"{"workload": "gpt-4", "duration_s": 43200, "count": 64000, "count_unit": "package", "hardware": "gb200", "precision": "fp16"}"#,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    // 152 % at GPT-4's central compute, 59 % at its low end: optimistic (docs/claims.md).
    assert_eq!(v["verdict"], "optimistic");
    let readings = v["readings"].as_array().expect("readings");
    assert!(readings.len() >= 8);
    for r in readings {
        for key in [
            "count_unit",
            "gpus",
            "precision",
            "sparse",
            "peak_flop_per_s",
            "implied_utilization",
            "verdict",
            "reason",
        ] {
            assert!(!r[key].is_null(), "reading lacks {key}: {r}");
        }
    }
    let t = &v["duration_at_typical_s"];
    assert!(
        t["low"].as_f64() < t["central"].as_f64() && t["central"].as_f64() < t["high"].as_f64()
    );
    let bad = zettaflop(&["check", "-"], r#"{"count": 1, "hardware": "h100"}"#);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).starts_with("zettaflop: claim:"));
}

#[test]
fn claims_lists_the_article_cases_in_both_languages() {
    let en = String::from_utf8(zettaflop(&["claims"], "").stdout).expect("utf-8");
    let fr = String::from_utf8(zettaflop(&["claims", "--fr"], "").stdout).expect("utf-8");
    assert!(
        en.contains("gpt4-12h [optimistic]") && en.contains("stargate-peak [misleading]"),
        "{en}"
    );
    assert!(
        fr.contains("gpt4-12h [optimiste]") && fr.contains("stargate-peak [trompeur]"),
        "{fr}"
    );
}

#[test]
fn schema_prints_one_document_or_all_of_them() {
    let out = zettaflop(&["schema", "scenario"], "");
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["$ref"], "#/definitions/Scenario");
    let out = zettaflop(&["schema"], "");
    assert!(out.status.success());
    let all: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for name in [
        "Scenario",
        "Report",
        "Claim",
        "CheckReport",
        "Job",
        "SearchResult",
    ] {
        assert!(all["definitions"].get(name).is_some(), "{name}");
    }
    let out = zettaflop(&["schema", "scenarios"], "");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("unknown document `scenarios`") && err.contains("check-report"),
        "{err}"
    );
}

#[test]
fn estimate_prints_goodput_site_capex_and_budget() {
    // Llama 3's cluster: 16,384 H100; a 1.2 GW site; a $1B budget.
    let out = zettaflop(
        &["estimate", "-"],
        r#"{"workload": {"flop": 3.8e25}, "hardware": "h100", "count": 16384, "utilization": 0.4, "site_power_w": 1.2e9, "budget_usd": 1e9}"#,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: Report = serde_json::from_slice(&out.stdout).expect("schema");
    // M = 54 days × 86,400 / 419 = 11,135.08 s; f ≈ 0.9037 (Meta: > 90 %).
    assert!((r.goodput.mtbf_s - 54.0 * 86_400.0 / 419.0).abs() < 1e-6);
    assert!((r.goodput.fraction - 0.9037).abs() < 1e-4);
    let wall = r.goodput.wall_clock_s.expect("finishes");
    assert!((wall - r.duration_s / r.goodput.fraction).abs() < 1e-3);
    // 1.2e9 / (1,500 × 1.2) = 666,666.7 → 666,666 GPUs.
    assert_eq!(r.site.expect("asked").gpus, 666_666.0);
    // 16,384 × ($33,810 + $11.7/W × 1,500 W) = $841,482,240.
    assert_eq!(r.capex.expect("priced").total_usd, 841_482_240.0);
    // $1B / $51,360 = 19,470 GPUs.
    assert_eq!(r.budget.expect("asked").gpus, 19_470.0);
    assert!(r.cost_usd.ownership.expect("priced") > r.cost_usd.electricity);
    assert_eq!(r.assumptions["checkpoint_s"], 30.0);
    assert_eq!(r.assumptions["restart_s"], 300.0);
    assert_eq!(r.assumptions["lifetime_s"], 126_230_400.0);
    assert_eq!(r.assumptions["facility_usd_per_w"], 11.7);
}

#[test]
fn a_workload_with_keys_of_two_kinds_is_rejected_not_half_read() {
    // `{"flop", "params"}` used to be read as `{"flop"}`, the params silently dropped.
    for workload in [
        r#"{"flop": 2e25, "params": 1e12}"#,
        r#"{"params": 1e12, "tokens": 1e13, "flop": 2e25}"#,
        r#"{"flop": 2e25, "flops": 3e25}"#,
    ] {
        let input = format!(r#"{{"workload": {workload}, "hardware": "h100", "count": 1000}}"#);
        let out = zettaflop(&["estimate", "-"], &input);
        assert_eq!(out.status.code(), Some(2), "{workload}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("zettaflop: workload:"), "{workload}: {err}");
    }
}
