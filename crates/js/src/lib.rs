//! The JS API: the same JSON contract as the CLI, as JS objects. Built into
//! `dist/api/zettaflop.js` by `scripts/build-api.sh`.
//!
//! ```js
//! import init, { estimate, check } from './api/zettaflop.js';
//! await init();
//! const report = estimate({ workload: "gpt-4", hardware: "gb200", count: 64000, count_unit: "package" });
//! report.duration_s; // 164062.5
//! ```
//! Errors are thrown as `{ field, message }` ([`ApiError`]). The TypeScript declarations name the
//! contract's types (`unchecked_param_type`, `unchecked_return_type`); `scripts/api-types.mjs`
//! appends them, generated from the JSON Schema (`zettaflop schema`).

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use zettaflop_estimator::claim::Claim;
use zettaflop_estimator::contract::ApiError;
use zettaflop_estimator::format::Locale;
use zettaflop_estimator::Scenario;

fn js_error(field: &str, message: String) -> JsValue {
    serde_wasm_bindgen::to_value(&ApiError {
        field: field.into(),
        message,
    })
    .unwrap_or_else(|_| JsValue::from_str(field))
}

/// Reads a JS object as `T` through JSON. serde-wasm-bindgen alone reads only the fields a struct
/// names, so an unknown or misspelt key would pass unnoticed; through JSON, `deny_unknown_fields`
/// holds as in the CLI. A document that does not parse is reported on `what` (`scenario`,
/// `claim`, `job`), the message naming the key (the CLI's JSON path would cost the module 12 KB).
fn from_js<T: DeserializeOwned>(value: &JsValue, what: &str) -> Result<T, JsValue> {
    // JSON has no NaN or Infinity: JSON.stringify would write `null`, which an optional key
    // reads as absent. Name them first.
    if let Some((path, n)) = non_finite(value, String::new()) {
        let field = if path.is_empty() { what } else { &path };
        return Err(js_error(field, format!("{n} is not a finite number")));
    }
    let text = js_sys::JSON::stringify(value)
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| js_error(what, "expected an object".into()))?;
    serde_json::from_str(&text).map_err(|e| {
        // The position in a JSON text the caller never wrote says nothing.
        let message = e.to_string();
        let message = match message.rsplit_once(" at line ") {
            Some((m, _)) => m.to_string(),
            None => message,
        };
        js_error(what, message)
    })
}

/// The path (`hardware.peak_flop_per_s.bf16`, `readings.2`) and value of the first number that
/// is NaN or infinite.
fn non_finite(value: &JsValue, path: String) -> Option<(String, f64)> {
    let join = |key: &str| {
        if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        }
    };
    if let Some(n) = value.as_f64() {
        return (!n.is_finite()).then_some((path, n));
    }
    if js_sys::Array::is_array(value) {
        let items = js_sys::Array::from(value);
        return (0..items.length()).find_map(|i| non_finite(&items.get(i), join(&i.to_string())));
    }
    if value.is_object() {
        let entries = js_sys::Object::entries(value.unchecked_ref());
        return entries.iter().find_map(|entry| {
            let pair = js_sys::Array::from(&entry);
            let key = pair.get(0).as_string().unwrap_or_default();
            non_finite(&pair.get(1), join(&key))
        });
    }
    None
}

fn serializer() -> serde_wasm_bindgen::Serializer {
    // Plain objects (not Maps), so the result looks like the CLI's JSON.
    serde_wasm_bindgen::Serializer::json_compatible()
}

/// `value` as a plain JS object (the CLI's JSON); a failure is thrown as `{field, message}`.
fn to_js<T: Serialize>(value: &T, field: &str) -> Result<JsValue, JsValue> {
    value
        .serialize(&serializer())
        .map_err(|e| js_error(field, e.to_string()))
}

fn locale(lang: Option<String>) -> Locale {
    match lang.as_deref() {
        Some(l) if l.starts_with("fr") => Locale::Fr,
        _ => Locale::En,
    }
}

/// Estimates a scenario object; returns the report object or throws `{field, message}`.
/// `lang` (`"en"` or `"fr"`, default English) is the language of the sentences.
#[wasm_bindgen(js_name = estimate, unchecked_return_type = "Report")]
pub fn estimate_js(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    lang: Option<String>,
) -> Result<JsValue, JsValue> {
    let l = locale(lang);
    let s: Scenario = from_js(&scenario, "scenario")?;
    let r =
        zettaflop_estimator::estimate_in(&s, l).map_err(|e| js_error(e.field(), e.reason_in(l)))?;
    to_js(&r, "report")
}

/// The sentence to quote for a scenario object (see `text/quote.rs`): `{text, query?, credit}`, the
/// same sentence as the page and the Markdown export; or throws `{field, message}`. `lang` as
/// for `estimate`.
#[wasm_bindgen(js_name = quote, unchecked_return_type = "Quote")]
pub fn quote_js(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    lang: Option<String>,
) -> Result<JsValue, JsValue> {
    let l = locale(lang);
    let s: Scenario = from_js(&scenario, "scenario")?;
    let r =
        zettaflop_estimator::estimate_in(&s, l).map_err(|e| js_error(e.field(), e.reason_in(l)))?;
    to_js(&zettaflop_estimator::quote::estimate(&s, &r, l), "quote")
}

/// Checks a claim object (see docs/contract.md, "Claims"); returns the check report or throws
/// `{field, message}`.
#[wasm_bindgen(js_name = check, unchecked_return_type = "CheckReport")]
pub fn check_js(
    #[wasm_bindgen(unchecked_param_type = "Claim")] claim: JsValue,
    lang: Option<String>,
) -> Result<JsValue, JsValue> {
    let l = locale(lang);
    let c: Claim = from_js(&claim, "claim")?;
    let r = zettaflop_estimator::claim::check(&c, l)
        .map_err(|e| js_error(e.field(), e.reason_in(l)))?;
    to_js(&r, "report")
}

/// Sweeps a scenario over GPU counts (see `zettaflop sweep`): an array of points
/// `{gpus, count, ideal_duration_s, compute_duration_s, duration_s, energy_j, cost_usd,
/// utilization}`, or throws `{field, message}`. `counts` (in the scenario's `count_unit`)
/// defaults to 1,024 … 1,048,576 (powers of two); the scenario's `count` may be absent (the
/// sweep ignores it).
#[wasm_bindgen(js_name = sweep, unchecked_return_type = "SweepPoint[]")]
pub fn sweep_js(
    #[wasm_bindgen(unchecked_param_type = "Omit<Scenario, \"count\"> & { count?: number }")]
    scenario: JsValue,
    counts: Option<Vec<f64>>,
    lang: Option<String>,
) -> Result<JsValue, JsValue> {
    let l = locale(lang);
    // The count is ignored: a placeholder lets a scenario without one deserialize (on a copy:
    // the caller's object is left as it was).
    let mut value: serde_json::Value = from_js(&scenario, "scenario")?;
    if let Some(o) = value.as_object_mut() {
        o.entry("count").or_insert(1.into());
    }
    let s: Scenario =
        serde_json::from_value(value).map_err(|e| js_error("scenario", e.to_string()))?;
    let counts = counts.unwrap_or_else(zettaflop_estimator::default_counts);
    let points =
        zettaflop_estimator::sweep(&s, &counts).map_err(|e| js_error(e.field(), e.reason_in(l)))?;
    to_js(&points, "report")
}

/// The catalog ids: `{ hardware: [...], models: [...] }`.
#[wasm_bindgen(js_name = catalogIds, unchecked_return_type = "CatalogIds")]
pub fn catalog_ids() -> Result<JsValue, JsValue> {
    to_js(&zettaflop_estimator::contract::CatalogIds::new(), "catalog")
}

/// Predicts a performance job (see `zettaflop predict`): iteration time, MFU, HFU, breakdown,
/// memory; or throws `{field, message}`.
#[wasm_bindgen(js_name = predict, unchecked_return_type = "Prediction")]
pub fn predict_js(
    #[wasm_bindgen(unchecked_param_type = "Job")] job: JsValue,
) -> Result<JsValue, JsValue> {
    let j: zettaflop_estimator::perf::Job = from_js(&job, "job")?;
    let p = j.predict().map_err(|e| js_error(e.field(), e.reason()))?;
    to_js(&p, "report")
}

/// Searches the best layout of a performance job (see `zettaflop search`); or throws
/// `{field, message}`.
#[wasm_bindgen(js_name = search, unchecked_return_type = "SearchResult")]
pub fn search_js(
    #[wasm_bindgen(unchecked_param_type = "Job")] job: JsValue,
) -> Result<JsValue, JsValue> {
    let j: zettaflop_estimator::perf::Job = from_js(&job, "job")?;
    let r = j.search().map_err(|e| js_error(e.field(), e.reason()))?;
    to_js(&r, "report")
}

/// The compute-optimal model for `{flop, fit?}` or `{usd, hardware, ...}` (see `zettaflop
/// optimal`): `{fit, fit_name, data_set, flop, params, tokens, tokens_per_param, loss, sources,
/// usd?, usd_per_flop?}`, or throws `{field, message}`.
#[wasm_bindgen(js_name = optimal, unchecked_return_type = "OptimalResult")]
pub fn optimal_js(
    #[wasm_bindgen(unchecked_param_type = "OptimalRequest")] request: JsValue,
    lang: Option<String>,
) -> Result<JsValue, JsValue> {
    let l = locale(lang);
    let req: zettaflop_estimator::scaling::OptimalRequest = from_js(&request, "request")?;
    let r = zettaflop_estimator::scaling::optimal(&req)
        .map_err(|e| js_error(e.field(), e.reason_in(l)))?;
    to_js(&r, "report")
}
