//! `zettaflop predict`, `search` and `calibrate` seen from outside: the output schema is
//! re-declared here (not imported from the estimator) and the binary's real output must
//! deserialize into it exactly.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::zettaflop;

use std::collections::BTreeMap;

use serde::Deserialize;

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Layout {
    tp: u32,
    pp: u32,
    dp: u32,
    cp: u32,
    ep: u32,
    micro_batch: u32,
    interleave: u32,
    recompute: String,
    sequence_parallel: bool,
    distributed_optimizer: bool,
    /// Absent when `none`.
    #[serde(default)]
    sharding: Option<String>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Time {
    matmul_s: f64,
    attention_s: f64,
    memory_bound_s: f64,
    tp_comm_s: f64,
    cp_comm_s: f64,
    ep_comm_s: f64,
    pipeline_bubble_s: f64,
    pipeline_p2p_s: f64,
    dp_comm_s: f64,
    sync_s: f64,
    optimizer_s: f64,
    allocator_s: f64,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Memory {
    stage: String,
    params: f64,
    weights_bytes: f64,
    gradients_bytes: f64,
    optimizer_bytes: f64,
    activations_bytes: f64,
    reserved_bytes: f64,
    total_bytes: f64,
    capacity_bytes: f64,
    fits: bool,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Prediction {
    layout: Layout,
    microbatches: u32,
    iteration_s: f64,
    tokens_per_s: f64,
    mfu: f64,
    mfu_low: f64,
    mfu_high: f64,
    hfu: f64,
    achieved_flop_per_s_per_gpu: f64,
    hardware_flop_per_s_per_gpu: f64,
    peak_flop_per_s_per_gpu: f64,
    model_flop_per_iteration: f64,
    hardware_flop_per_iteration: f64,
    params: f64,
    active_params: f64,
    time: Time,
    memory: Memory,
    /// Present only when the prediction assumed something (a default bandwidth, generic
    /// efficiency constants).
    #[serde(default)]
    notes: Vec<String>,
    /// Present only when memory is over HBM.
    #[serde(default)]
    warnings: Vec<String>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Search {
    best: Prediction,
    runners_up: Vec<Prediction>,
    why: String,
    evaluated: u64,
    feasible: u64,
    rejected: BTreeMap<String, u64>,
}

const LLAMA: &str =
    r#""model": "llama-3.1-405b", "hardware": "h100", "gpus": 16384, "global_batch": 2048"#;

#[test]
fn predict_prints_the_contract() {
    let job = format!(
        r#"{{{LLAMA}, "layout": {{"tp": 8, "pp": 16, "micro_batch": 1, "interleave": 4, "recompute": "full", "sequence_parallel": true, "distributed_optimizer": true}}}}"#
    );
    let out = zettaflop(&["predict", "-"], &job);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let p: Prediction = serde_json::from_slice(&out.stdout).expect("prediction schema");
    assert_eq!(p.layout.dp, 128);
    assert!(p.memory.fits);
    assert!(p.mfu > 0.2 && p.mfu < p.hfu && p.hfu < 1.0);
    let t = &p.time;
    let sum = t.matmul_s
        + t.attention_s
        + t.memory_bound_s
        + t.tp_comm_s
        + t.cp_comm_s
        + t.ep_comm_s
        + t.pipeline_bubble_s
        + t.pipeline_p2p_s
        + t.dp_comm_s
        + t.sync_s
        + t.optimizer_s
        + t.allocator_s;
    assert!((sum / p.iteration_s - 1.0).abs() < 1e-9);
    assert!((p.tokens_per_s * p.iteration_s / (2048.0 * 8192.0) - 1.0).abs() < 1e-9);
}

#[test]
fn predict_answers_a_layout_over_hbm_with_a_warning() {
    // 405B on one pipeline stage: ~200 GiB of weights and gradients per GPU. Predicted all the
    // same (exit 0), with `fits` false and the breakdown in `warnings`.
    let job = format!(
        r#"{{{LLAMA}, "layout": {{"tp": 8, "pp": 1, "micro_batch": 1, "sharding": "zero-1"}}}}"#
    );
    let out = zettaflop(&["predict", "-"], &job);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let p: Prediction = serde_json::from_slice(&out.stdout).expect("schema");
    assert!(!p.memory.fits && p.memory.total_bytes > p.memory.capacity_bytes);
    assert_eq!(p.layout.sharding.as_deref(), Some("optimizer"));
    assert_eq!(p.warnings.len(), 1);
    assert!(
        p.warnings[0].contains("GiB per GPU but"),
        "{:?}",
        p.warnings
    );
    assert!(p.warnings[0].contains("activations"), "{:?}", p.warnings);
    assert!(p.mfu > 0.0 && p.iteration_s > 0.0);
}

#[test]
fn predict_auto_and_a_shape() {
    let job = r#"{"model": {"layers": 32, "hidden": 4096, "heads": 32, "kv_heads": 8, "ffn": 14336,
        "seq_len": 4096, "vocab": 32000, "experts": 8, "active_experts": 2},
        "hardware": "h100", "gpus": 64, "global_batch": 256, "layout": "auto"}"#;
    let out = zettaflop(&["predict", "-"], job);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let p: Prediction = serde_json::from_slice(&out.stdout).expect("schema");
    assert!(p.memory.fits);
    assert!(p.active_params < p.params);
}

#[test]
fn search_prints_best_runners_up_and_counts() {
    let out = zettaflop(&["search", "-"], &format!("{{{LLAMA}}}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s: Search = serde_json::from_slice(&out.stdout).expect("search schema");
    assert!(s.best.memory.fits);
    assert_eq!(s.runners_up.len(), 4);
    assert!(s
        .runners_up
        .iter()
        .all(|r| r.iteration_s >= s.best.iteration_s));
    assert!(s.evaluated > 1000 && s.feasible > 0);
    assert!(s.rejected.get("does_not_fit").copied().unwrap_or(0) > 0);
    assert!(s.why.contains("MFU"));
}

#[test]
fn calibrate_prints_the_table() {
    let out = zettaflop(&["calibrate"], "");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("median absolute error"));
    assert!(text.lines().filter(|l| l.starts_with("| ")).count() >= 30);
}

#[test]
fn bad_jobs_are_one_line_naming_the_field_with_exit_code_2() {
    let cases = [
        (
            format!(r#"{{{LLAMA}, "layout": {{"tp": 16, "pp": 16, "micro_batch": 1}}}}"#),
            "layout.tp",
        ),
        (
            format!(r#"{{{LLAMA}, "layout": {{"tp": 8, "pp": 16, "micro_batch": 3}}}}"#),
            "layout.micro_batch",
        ),
        (
            format!(r#"{{{LLAMA}, "layout": {{"tp": 8, "pp": 16, "micro_batch": 1, "colour": 1}}}}"#),
            "layout.colour",
        ),
        (
            format!(r#"{{{LLAMA}, "layout": {{"tp": 8, "pp": 16, "micro_batch": 1, "recompute": "some"}}}}"#),
            "layout.recompute",
        ),
        (
            format!(r#"{{{LLAMA}, "layout": {{"tp": 8, "pp": 16, "micro_batch": 1, "recompute_layers": 4}}}}"#),
            "layout.recompute_layers: needs recompute full",
        ),
        (format!(r#"{{{LLAMA}}}"#), "layout"),
        (format!(r#"{{{LLAMA}, "layout": "best"}}"#), "layout"),
        (
            r#"{"model": "gpt-4", "hardware": "h100", "gpus": 8, "global_batch": 8, "layout": "auto"}"#.to_string(),
            "model",
        ),
        (
            r#"{"model": {"layers": 0, "hidden": 64, "heads": 1, "ffn": 64, "seq_len": 8, "vocab": 8}, "hardware": "h100", "gpus": 8, "global_batch": 8, "layout": "auto"}"#.to_string(),
            "model.layers",
        ),
        (
            r#"{"model": "gpt-3", "hardware": "tpu9", "gpus": 8, "global_batch": 8, "layout": "auto"}"#.to_string(),
            "hardware",
        ),
        (
            r#"{"model": "gpt-3", "hardware": "v100", "gpus": 8, "global_batch": 8, "layout": "auto"}"#.to_string(),
            "precision",
        ),
        (
            r#"{"model": "gpt-3", "hardware": "h100", "gpus": 8, "global_batch": 8, "layout": "auto"}"#.to_string(),
            "gpus",
        ),
        (
            r#"{"model": "gpt-3", "hardware": "h100", "gpus": 1.5, "global_batch": 8}"#.to_string(),
            "gpus",
        ),
        ("not json".to_string(), "job"),
    ];
    for (input, needle) in &cases {
        let out = zettaflop(&["predict", "-"], input);
        assert_eq!(out.status.code(), Some(2), "{input}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(
            err.contains(needle),
            "{input}: {err} should contain {needle}"
        );
    }
    let fixed = format!(r#"{{{LLAMA}, "layout": {{"tp": 8, "pp": 16, "micro_batch": 1}}}}"#);
    let out = zettaflop(&["search", "-"], &fixed);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("layout"));
    assert_eq!(zettaflop(&["predict"], "").status.code(), Some(2));
}

#[test]
fn predict_notes_what_the_catalog_lacks() {
    let out = zettaflop(
        &["predict", "-"],
        r#"{"model": "llama-3.1-405b", "hardware": "gb200", "gpus": 4608, "global_batch": 2304, "layout": "auto"}"#,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let p: Prediction = serde_json::from_slice(&out.stdout).expect("schema");
    assert!(
        p.notes.iter().any(|n| n.contains("scale-out")),
        "{:?}",
        p.notes
    );
    let out = zettaflop(
        &["predict", "-"],
        r#"{"model": "llama-3.1-405b", "hardware": "h100-pcie", "gpus": 2048, "global_batch": 1024, "layout": "auto"}"#,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("hardware") && err.contains("scaleup_domain"),
        "{err}"
    );
    let out = zettaflop(
        &["predict", "-"],
        r#"{"model": "gopher", "hardware": "h100", "gpus": 8, "global_batch": 8, "layout": "auto"}"#,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no ffn"));
}
