//! The JS API (feature `wasm`): the same JSON contract as the CLI, as JS objects. Built into
//! `dist/api/zettaflop.js` by `scripts/build-api.sh`.
//!
//! ```js
//! import init, { estimate, check } from './api/zettaflop.js';
//! await init();
//! const report = estimate({ workload: "gpt-4", hardware: "gb200", count: 64000, count_unit: "package" });
//! report.duration_s; // 164062.5
//! ```
//! Errors are thrown as `{ field, message }`.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::claim::Claim;
use crate::format::Locale;
use crate::Scenario;

#[derive(Serialize)]
struct JsError {
    field: String,
    message: String,
}

fn js_error(field: &str, message: String) -> JsValue {
    serde_wasm_bindgen::to_value(&JsError {
        field: field.into(),
        message,
    })
    .unwrap_or_else(|_| JsValue::from_str(field))
}

fn serializer() -> serde_wasm_bindgen::Serializer {
    // Plain objects (not Maps), so the result looks like the CLI's JSON.
    serde_wasm_bindgen::Serializer::json_compatible()
}

fn locale(lang: Option<String>) -> Locale {
    match lang.as_deref() {
        Some(l) if l.starts_with("fr") => Locale::Fr,
        _ => Locale::En,
    }
}

/// Estimates a scenario object; returns the report object or throws `{field, message}`.
/// `lang` (`"en"` or `"fr"`, default English) is the language of the sentences.
#[wasm_bindgen(js_name = estimate)]
pub fn estimate_js(scenario: JsValue, lang: Option<String>) -> Result<JsValue, JsValue> {
    let l = locale(lang);
    let s: Scenario = serde_wasm_bindgen::from_value(scenario)
        .map_err(|e| js_error("scenario", e.to_string()))?;
    let r = crate::estimate_in(&s, l).map_err(|e| js_error(e.field(), e.reason_in(l)))?;
    r.serialize(&serializer())
        .map_err(|e| js_error("report", e.to_string()))
}

/// Checks a claim object (see the README); returns the check report or throws
/// `{field, message}`.
#[wasm_bindgen(js_name = check)]
pub fn check_js(claim: JsValue, lang: Option<String>) -> Result<JsValue, JsValue> {
    let l = locale(lang);
    let c: Claim =
        serde_wasm_bindgen::from_value(claim).map_err(|e| js_error("claim", e.to_string()))?;
    let r = crate::claim::check(&c, l).map_err(|e| js_error(e.field(), e.reason_in(l)))?;
    r.serialize(&serializer())
        .map_err(|e| js_error("report", e.to_string()))
}

#[wasm_bindgen]
extern "C" {
    /// `Object.assign(target, source)`: copies the scenario's keys over the defaults.
    #[wasm_bindgen(js_namespace = Object, js_name = assign)]
    fn object_assign(target: &JsValue, source: &JsValue) -> JsValue;
}

#[derive(Serialize)]
struct CountPlaceholder {
    count: f64,
}

/// Sweeps a scenario over GPU counts (see `zettaflop sweep`): an array of points
/// `{gpus, count, ideal_duration_s, compute_duration_s, duration_s, energy_j, cost_usd,
/// utilization}`, or throws `{field, message}`. `counts` (in the scenario's `count_unit`)
/// defaults to 1,000 … 1,000,000 (1, 2, 5 per decade); the scenario's `count` may be absent.
#[wasm_bindgen(js_name = sweep)]
pub fn sweep_js(
    scenario: JsValue,
    counts: Option<Vec<f64>>,
    lang: Option<String>,
) -> Result<JsValue, JsValue> {
    let l = locale(lang);
    // The count is ignored: a placeholder lets a scenario without one deserialize.
    let placeholder = CountPlaceholder { count: 1.0 }
        .serialize(&serializer())
        .map_err(|e| js_error("scenario", e.to_string()))?;
    let merged = object_assign(&placeholder, &scenario);
    let s: Scenario =
        serde_wasm_bindgen::from_value(merged).map_err(|e| js_error("scenario", e.to_string()))?;
    let counts = counts.unwrap_or_else(crate::default_counts);
    let points = crate::sweep(&s, &counts).map_err(|e| js_error(e.field(), e.reason_in(l)))?;
    points
        .serialize(&serializer())
        .map_err(|e| js_error("report", e.to_string()))
}

/// The catalog ids: `{ hardware: [...], models: [...] }`.
#[wasm_bindgen(js_name = catalogIds)]
pub fn catalog_ids() -> Result<JsValue, JsValue> {
    crate::contract::CatalogIds::new()
        .serialize(&serializer())
        .map_err(|e| js_error("catalog", e.to_string()))
}

/// Predicts a performance job (see `zettaflop predict`): iteration time, MFU, HFU, breakdown,
/// memory; or throws `{field, message}`.
#[wasm_bindgen(js_name = predict)]
pub fn predict_js(job: JsValue) -> Result<JsValue, JsValue> {
    let j: crate::perf::Job =
        serde_wasm_bindgen::from_value(job).map_err(|e| js_error("job", e.to_string()))?;
    let p = j.predict().map_err(|e| js_error(e.field(), e.reason()))?;
    p.serialize(&serializer())
        .map_err(|e| js_error("report", e.to_string()))
}

/// Searches the best layout of a performance job (see `zettaflop search`); or throws
/// `{field, message}`.
#[wasm_bindgen(js_name = search)]
pub fn search_js(job: JsValue) -> Result<JsValue, JsValue> {
    let j: crate::perf::Job =
        serde_wasm_bindgen::from_value(job).map_err(|e| js_error("job", e.to_string()))?;
    let r = j.search().map_err(|e| js_error(e.field(), e.reason()))?;
    r.serialize(&serializer())
        .map_err(|e| js_error("report", e.to_string()))
}
