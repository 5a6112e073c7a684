//! The JS API (feature `wasm`): the same JSON contract as the CLI, as JS objects.
//!
//! ```js
//! const report = estimate({ workload: "gpt-4", hardware: "gb200", count: 64000, count_unit: "package" });
//! report.duration_s; // 164062.5
//! ```
//! Errors are thrown as `{ field, message }`.

use serde::Serialize;
use wasm_bindgen::prelude::*;

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

/// Estimates a scenario object; returns the report object or throws `{field, message}`.
#[wasm_bindgen(js_name = estimate)]
pub fn estimate_js(scenario: JsValue) -> Result<JsValue, JsValue> {
    let s: Scenario = serde_wasm_bindgen::from_value(scenario)
        .map_err(|e| js_error("scenario", e.to_string()))?;
    let r = crate::estimate(&s).map_err(|e| js_error(e.field(), e.reason()))?;
    r.serialize(&serializer())
        .map_err(|e| js_error("report", e.to_string()))
}

/// The catalog ids: `{ hardware: [...], models: [...] }`.
#[wasm_bindgen(js_name = catalogIds)]
pub fn catalog_ids() -> Result<JsValue, JsValue> {
    crate::contract::CatalogIds::new()
        .serialize(&serializer())
        .map_err(|e| js_error("catalog", e.to_string()))
}
