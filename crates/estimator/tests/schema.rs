//! The JSON Schemas of the contract (feature `schema`): every document has one, the ranges of
//! `limits` land on the properties they guard, and a hand-written serde has its hand-written
//! schema. (The schemas are validated against real reports by tests/api.spec.mjs, with ajv.)

#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::Value;
use zettaflop_estimator::limits;
use zettaflop_estimator::schema::{self, Root};

fn def<'a>(doc: &'a Value, name: &str) -> &'a Value {
    doc["definitions"]
        .get(name)
        .unwrap_or_else(|| panic!("no definition {name}"))
}

#[test]
fn every_document_has_a_schema_with_its_type_at_the_top() {
    let bundle = schema::bundle().unwrap();
    for r in Root::ALL {
        assert_eq!(Root::from_id(r.id()), Some(r));
        let doc = schema::root(r).unwrap();
        assert_eq!(doc["$ref"], format!("#/definitions/{}", r.type_name()));
        assert_eq!(doc["$schema"], "http://json-schema.org/draft-07/schema#");
        // The same definition in the document and in the bundle.
        assert_eq!(
            def(&doc, r.type_name()),
            def(&bundle, r.type_name()),
            "{r:?}"
        );
        assert_eq!(bundle["roots"][r.id()], r.type_name());
    }
    assert_eq!(Root::from_id("scenarios"), None);
}

#[test]
fn inputs_reject_unknown_keys_and_say_their_defaults() {
    let doc = schema::root(Root::Scenario).unwrap();
    let s = def(&doc, "Scenario");
    assert_eq!(s["additionalProperties"], false);
    let required: Vec<&str> = s["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(required, ["count", "hardware", "workload"]);
    assert_eq!(s["properties"]["pue"]["default"], 1.2);
    assert_eq!(s["properties"]["usd_per_kwh"]["default"], 0.078);
    assert_eq!(s["properties"]["count_unit"]["default"], "chip");
    assert_eq!(s["properties"]["precision"]["default"], "bf16");
    // Doc comments are the descriptions; their code examples are not.
    let d = s["description"].as_str().unwrap();
    assert!(d.starts_with("A training scenario."), "{d}");
    assert!(!d.contains("```") && !d.contains("serde_json"), "{d}");
    let claim = schema::root(Root::Claim).unwrap();
    assert_eq!(def(&claim, "Claim")["additionalProperties"], false);
    let job = schema::root(Root::Job).unwrap();
    assert_eq!(def(&job, "Job")["additionalProperties"], false);
    assert_eq!(def(&job, "Layout")["additionalProperties"], false);
}

#[test]
fn ranges_come_from_limits() {
    let doc = schema::bundle().unwrap();
    let prop = |d: &str, p: &str| def(&doc, d)["properties"][p].clone();
    let pue = prop("Scenario", "pue");
    assert_eq!(pue["minimum"], limits::PUE.min);
    assert_eq!(pue["maximum"], limits::PUE.max);
    // A whole number is an integer.
    let count = prop("Scenario", "count");
    assert_eq!(count["type"], "integer");
    assert_eq!(count["minimum"], limits::COUNT.min);
    assert_eq!(count["maximum"], limits::COUNT.max);
    assert_eq!(prop("Layout", "tp")["maximum"], limits::PERF_DIM.max);
    assert_eq!(
        prop("Claim", "budget_usd")["maximum"],
        limits::BUDGET_USD.max
    );
    // Inside an untagged enum's alternatives.
    let workload = def(&doc, "Workload")["anyOf"].as_array().unwrap();
    let flop = workload
        .iter()
        .find_map(|a| a["properties"].get("flop"))
        .unwrap();
    assert_eq!(flop["maximum"], limits::FLOP.max);
}

#[test]
fn hand_written_serde_has_a_hand_written_schema() {
    let doc = schema::bundle().unwrap();
    let u = def(&doc, "Utilization")["anyOf"].as_array().unwrap();
    assert_eq!(u[0]["type"], "number");
    assert_eq!(u[0]["minimum"], limits::UTILIZATION.min);
    assert_eq!(u[0]["maximum"], limits::UTILIZATION.max);
    assert_eq!(u[1]["const"], "auto");
    let r = def(&doc, "Rejections");
    assert_eq!(r["additionalProperties"], false);
    for reason in zettaflop_estimator::perf::Reject::ALL {
        assert!(
            r["properties"].get(reason.id()).is_some(),
            "{}",
            reason.id()
        );
    }
}

/// The strings a contract enum's schema allows (each variant is a one-string `enum`).
fn enum_strings(doc: &Value, name: &str) -> Vec<String> {
    def(doc, name)["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|v| v["enum"].as_array().unwrap().clone())
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn report_enums_are_enums_of_todays_strings() {
    use zettaflop_estimator::{IntervalRule, UtilizationBasis, Varied, WarningCode};
    fn ids<T: Copy + serde::Serialize>(all: &[T], id: fn(T) -> &'static str) -> Vec<String> {
        all.iter()
            .map(|&v| {
                // The JSON value is the id.
                assert_eq!(serde_json::to_value(v).unwrap(), id(v));
                id(v).to_string()
            })
            .collect()
    }
    let doc = schema::root(Root::Report).unwrap();
    let basis = ids(UtilizationBasis::ALL, UtilizationBasis::id);
    assert_eq!(basis, ["given", "default", "predicted"]);
    assert_eq!(enum_strings(&doc, "UtilizationBasis"), basis);
    assert_eq!(
        enum_strings(&doc, "IntervalRule"),
        ids(IntervalRule::ALL, IntervalRule::id)
    );
    assert_eq!(enum_strings(&doc, "Varied"), ids(Varied::ALL, Varied::id));
    let codes = ids(WarningCode::ALL, WarningCode::id);
    assert_eq!(codes.len(), 7);
    assert_eq!(enum_strings(&doc, "WarningCode"), codes);
    assert_eq!(
        def(&doc, "Report")["properties"]["utilization_basis"]["$ref"],
        "#/definitions/UtilizationBasis"
    );
}
