//! The JS API in a real browser (wasm-bindgen-test, headless Chromium): a scenario object in, a
//! report object out, the same numbers as the native estimate; errors thrown as `{field, message}`.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde::Deserialize;
use wasm_bindgen_test::*;
use zettaflop_estimator::{estimate, Report, Scenario};
use zettaflop_js::estimate_js;

wasm_bindgen_test_configure!(run_in_browser);

fn js(json: &str) -> wasm_bindgen::JsValue {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap()
}

use serde::Serialize;

#[wasm_bindgen_test]
fn estimate_round_trips_through_js() {
    let text = r#"{"workload": "gpt-4", "hardware": "gb200", "count": 64000, "count_unit": "package", "claimed_duration_s": 43200}"#;
    let out = estimate_js(js(text), None).expect("valid scenario");
    assert!(out.is_object());
    let report: Report = serde_wasm_bindgen::from_value(out).expect("report object");
    let native = estimate(&serde_json::from_str::<Scenario>(text).unwrap()).unwrap();
    assert_eq!(report, native);
    assert_eq!(report.gpus, 128_000.0);
    assert_eq!(report.duration_s, 164_062.5);
}

#[derive(Deserialize)]
struct JsError {
    field: String,
    message: String,
}

#[wasm_bindgen_test]
fn errors_are_thrown_with_the_field() {
    let err = estimate_js(
        js(r#"{"workload": "gpt-4", "hardware": "gb200", "count": 64000, "utilization": 2}"#),
        Some("fr".into()),
    )
    .unwrap_err();
    let e: JsError = serde_wasm_bindgen::from_value(err).unwrap();
    assert_eq!(e.field, "utilization");
    assert!(e.message.contains("hors limites"), "{}", e.message);
    let err = estimate_js(js(r#"{"workload": "gpt-4"}"#), None).unwrap_err();
    let e: JsError = serde_wasm_bindgen::from_value(err).unwrap();
    assert_eq!(e.field, "scenario");
    // NaN is named, not read as an absent key (JSON would write it as null).
    let scenario = js(r#"{"workload": "gpt-4", "hardware": "gb200", "count": 1}"#);
    js_sys::Reflect::set(&scenario, &"utilization".into(), &f64::NAN.into()).unwrap();
    let e: JsError =
        serde_wasm_bindgen::from_value(estimate_js(scenario, None).unwrap_err()).unwrap();
    assert_eq!(e.field, "utilization");
    assert!(e.message.contains("not a finite number"), "{}", e.message);
    // An unknown (here misspelt) key is rejected, as by the CLI, not silently ignored.
    let err = estimate_js(
        js(r#"{"workload": "gpt-4", "hardware": "gb200", "count": 1, "utilisation": 0.3}"#),
        None,
    )
    .unwrap_err();
    let e: JsError = serde_wasm_bindgen::from_value(err).unwrap();
    assert_eq!(e.field, "scenario");
    assert!(
        e.message.starts_with("unknown field `utilisation`") && !e.message.contains("line"),
        "{}",
        e.message
    );
}

#[wasm_bindgen_test]
fn check_round_trips_through_js() {
    let out = zettaflop_js::check_js(
        js(r#"{"workload": "gpt-4", "duration_s": 43200, "count": 64000, "count_unit": "package", "hardware": "gb200", "precision": "fp16"}"#),
        None,
    )
    .expect("valid claim");
    let r: zettaflop_estimator::claim::CheckReport = serde_wasm_bindgen::from_value(out).unwrap();
    assert_eq!(r.verdict, zettaflop_estimator::claim::Verdict::Optimistic);
}

#[wasm_bindgen_test]
fn sweep_takes_a_scenario_without_a_count() {
    use zettaflop_estimator::{sweep, SweepPoint};
    use zettaflop_js::sweep_js;
    let text = r#"{"workload": {"flop": 3.8e25}, "hardware": "h100", "utilization": 0.4}"#;
    let out = sweep_js(js(text), Some(vec![1024.0, 16_384.0]), None).expect("valid scenario");
    let points: Vec<SweepPoint> = serde_wasm_bindgen::from_value(out).unwrap();
    let mut s: serde_json::Value = serde_json::from_str(text).unwrap();
    s["count"] = 1.into();
    let native = sweep(&serde_json::from_value(s).unwrap(), &[1024.0, 16_384.0]).unwrap();
    assert_eq!(points, native);
    // Without counts: the 11 default ones; a bad field is thrown with its name.
    let out = sweep_js(js(text), None, None).unwrap();
    let points: Vec<SweepPoint> = serde_wasm_bindgen::from_value(out).unwrap();
    assert_eq!(points.len(), 11);
    let err = sweep_js(
        js(r#"{"workload": "gpt-4", "hardware": "h100", "restart_s": -1}"#),
        None,
        Some("fr".into()),
    )
    .unwrap_err();
    let e: JsError = serde_wasm_bindgen::from_value(err).unwrap();
    assert_eq!(e.field, "restart_s");
}

#[wasm_bindgen_test]
fn optimal_round_trips_through_js() {
    use zettaflop_estimator::scaling::{optimal, OptimalRequest, OptimalResult};
    use zettaflop_js::optimal_js;
    let text = r#"{"flop": 5.76e23, "fit": "hoffmann"}"#;
    let out = optimal_js(js(text), None).expect("valid request");
    let r: OptimalResult = serde_wasm_bindgen::from_value(out).unwrap();
    let native = optimal(&serde_json::from_str::<OptimalRequest>(text).unwrap()).unwrap();
    assert_eq!(r, native);
    assert!((r.params / 4.031e10 - 1.0).abs() < 1e-3);
    let e: JsError =
        serde_wasm_bindgen::from_value(optimal_js(js(r#"{"flop": -1}"#), None).unwrap_err())
            .unwrap();
    assert_eq!(e.field, "flop");
    let e: JsError = serde_wasm_bindgen::from_value(
        optimal_js(js(r#"{"flop": 1e24, "fit": "kaplan"}"#), Some("fr".into())).unwrap_err(),
    )
    .unwrap();
    assert_eq!(e.field, "fit");
    assert!(e.message.contains("inconnu"), "{}", e.message);
}
