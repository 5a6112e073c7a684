//! JSON Schemas (draft-07) of the JSON contract, generated from the Rust types (feature
//! `schema`, native only: neither the page nor the JS API carries it).
//!
//! The types derive `schemars::JsonSchema` next to their serde derives, so a field added to a
//! [`Scenario`] or a [`Report`] is in the schema (and in the JS API's TypeScript declarations,
//! generated from it) at the next build. Doc comments become `description`s, serde defaults
//! `default`s, `deny_unknown_fields` `"additionalProperties": false`. Two things the derives do not
//! know are added here: the allowed ranges of [`crate::limits`] (declared once, as
//! `minimum`/`maximum`, and `"type": "integer"` for whole numbers) and the hand-written serde of
//! [`Utilization`] and [`crate::perf::Rejections`].
//!
//! ```
//! use zettaflop_estimator::schema::{self, Root};
//! let s = schema::root(Root::Scenario)?;
//! assert_eq!(s["$ref"], "#/definitions/Scenario");
//! assert_eq!(s["definitions"]["Scenario"]["properties"]["pue"]["maximum"], 3.0);
//! # Ok::<(), String>(())
//! ```
//!
//! Optional fields are typed without `null`: the schema describes what to send and what comes
//! back (a report omits an absent field rather than writing `null`), while the CLI also accepts a
//! `null` for an optional input.

use schemars::gen::{SchemaGenerator, SchemaSettings};
use schemars::schema::{
    InstanceType, Metadata, NumberValidation, ObjectValidation, Schema, SchemaObject,
    SubschemaValidation,
};
use schemars::JsonSchema;
use serde_json::{json, Map, Value};

use crate::claim::{CheckReport, Claim};
use crate::contract::{ApiError, CatalogIds};
use crate::fields;
use crate::limits::{self, Limit};
use crate::perf::{Job, Prediction, Reject, SearchResult};
use crate::utilization::Utilization;
use crate::{Report, Scenario};

/// The documents of the contract that have a schema: what the CLI and the JS API take and give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Root {
    /// Input of `estimate`.
    Scenario,
    /// Output of `estimate`.
    Report,
    /// Input of `check`.
    Claim,
    /// Output of `check`.
    CheckReport,
    /// Input of `predict` and `search`.
    Job,
    /// Output of `predict`.
    Prediction,
    /// Output of `search`.
    SearchResult,
    /// Output of `catalogIds` (`zettaflop catalog --json`).
    CatalogIds,
    /// What the JS API throws.
    ApiError,
    /// One point of `sweep` (`zettaflop sweep`'s CSV row).
    SweepPoint,
    /// Input of `optimal`.
    OptimalRequest,
    /// Output of `optimal`.
    OptimalResult,
    /// Output of `quote`: the sentence to quote.
    Quote,
}

impl Root {
    /// Every root, inputs before their outputs.
    pub const ALL: [Root; 13] = [
        Root::Scenario,
        Root::Report,
        Root::Claim,
        Root::CheckReport,
        Root::Job,
        Root::Prediction,
        Root::SearchResult,
        Root::CatalogIds,
        Root::ApiError,
        Root::SweepPoint,
        Root::OptimalRequest,
        Root::OptimalResult,
        Root::Quote,
    ];

    /// The name on the command line (`zettaflop schema scenario`).
    pub fn id(self) -> &'static str {
        match self {
            Root::Scenario => "scenario",
            Root::Report => "report",
            Root::Claim => "claim",
            Root::CheckReport => "check-report",
            Root::Job => "job",
            Root::Prediction => "prediction",
            Root::SearchResult => "search-result",
            Root::CatalogIds => "catalog-ids",
            Root::ApiError => "error",
            Root::SweepPoint => "sweep-point",
            Root::OptimalRequest => "optimal-request",
            Root::OptimalResult => "optimal-result",
            Root::Quote => "quote",
        }
    }

    /// Reads a command-line name back.
    pub fn from_id(id: &str) -> Option<Root> {
        Root::ALL.into_iter().find(|r| r.id() == id)
    }

    /// The definition's name (and the TypeScript type's).
    pub fn type_name(self) -> &'static str {
        match self {
            Root::Scenario => "Scenario",
            Root::Report => "Report",
            Root::Claim => "Claim",
            Root::CheckReport => "CheckReport",
            Root::Job => "Job",
            Root::Prediction => "Prediction",
            Root::SearchResult => "SearchResult",
            Root::CatalogIds => "CatalogIds",
            Root::ApiError => "ApiError",
            Root::SweepPoint => "SweepPoint",
            Root::OptimalRequest => "OptimalRequest",
            Root::OptimalResult => "OptimalResult",
            Root::Quote => "Quote",
        }
    }

    fn add(self, g: &mut SchemaGenerator) {
        match self {
            Root::Scenario => g.subschema_for::<Scenario>(),
            Root::Report => g.subschema_for::<Report>(),
            Root::Claim => g.subschema_for::<Claim>(),
            Root::CheckReport => g.subschema_for::<CheckReport>(),
            Root::Job => g.subschema_for::<Job>(),
            Root::Prediction => g.subschema_for::<Prediction>(),
            Root::SearchResult => g.subschema_for::<SearchResult>(),
            Root::CatalogIds => g.subschema_for::<CatalogIds>(),
            Root::ApiError => g.subschema_for::<ApiError>(),
            Root::SweepPoint => g.subschema_for::<crate::SweepPoint>(),
            Root::OptimalRequest => g.subschema_for::<crate::scaling::OptimalRequest>(),
            Root::OptimalResult => g.subschema_for::<crate::scaling::OptimalResult>(),
            Root::Quote => g.subschema_for::<crate::quote::Quote>(),
        };
    }
}

/// Where a [`Limit`] applies beside the scenario's fields (whose ranges come from
/// [`fields::ALL`]): (definition, property). Only checks every input goes through: a limit
/// checked only on some paths (e.g. a scenario's `global_batch`, read by `"auto"` alone) is left
/// out, so the schema never rejects what the estimator accepts.
const LIMITS: &[(&str, &str, Limit)] = &[
    ("Peaks", "fp64", limits::PEAK_FLOP_PER_S),
    ("Peaks", "tf32", limits::PEAK_FLOP_PER_S),
    ("Peaks", "bf16", limits::PEAK_FLOP_PER_S),
    ("Peaks", "fp16", limits::PEAK_FLOP_PER_S),
    ("Peaks", "fp8", limits::PEAK_FLOP_PER_S),
    ("Peaks", "fp4", limits::PEAK_FLOP_PER_S),
    ("CustomHardware", "all_in_w", limits::ALL_IN_W),
    ("CustomHardware", "hbm_bytes", limits::HBM_BYTES),
    ("CustomHardware", "gpus_per_package", limits::GPUS_PER_UNIT),
    ("CustomHardware", "gpus_per_rack", limits::GPUS_PER_UNIT),
    (
        "CustomHardware",
        "usd_per_chip_hour",
        limits::USD_PER_CHIP_HOUR,
    ),
    ("Claim", "count", limits::COUNT),
    ("Claim", "pue", limits::PUE),
    ("Claim", "duration_s", limits::DURATION_S),
    ("Claim", "quoted_peak_flop_per_s", limits::FLOP),
    ("Claim", "site_power_w", limits::SITE_POWER_W),
    ("Claim", "budget_usd", limits::BUDGET_USD),
    ("Job", "gpus", limits::PERF_GPUS),
    ("Job", "global_batch", limits::PERF_BATCH),
    ("ModelShape", "layers", limits::PERF_DIM),
    ("ModelShape", "hidden", limits::PERF_DIM),
    ("ModelShape", "heads", limits::PERF_DIM),
    ("ModelShape", "kv_heads", limits::PERF_DIM),
    ("ModelShape", "ffn", limits::PERF_DIM),
    ("ModelShape", "seq_len", limits::PERF_DIM),
    ("ModelShape", "vocab", limits::PERF_DIM),
    ("ModelShape", "experts", limits::PERF_DIM),
    ("ModelShape", "active_experts", limits::PERF_DIM),
    ("Layout", "tp", limits::PERF_DIM),
    ("Layout", "pp", limits::PERF_DIM),
    ("Layout", "dp", limits::PERF_DIM),
    ("Layout", "cp", limits::PERF_DIM),
    ("Layout", "ep", limits::PERF_DIM),
    ("Layout", "micro_batch", limits::PERF_DIM),
    ("Layout", "interleave", limits::PERF_DIM),
    ("PerfHardware", "hbm_bytes", limits::PERF_HBM_BYTES),
    ("PerfHardware", "hbm_bytes_per_s", limits::PERF_BANDWIDTH),
    (
        "PerfHardware",
        "scaleup_bytes_per_s",
        limits::PERF_BANDWIDTH,
    ),
    (
        "PerfHardware",
        "scaleout_bytes_per_s",
        limits::PERF_BANDWIDTH,
    ),
    ("PerfHardware", "scaleup_domain", limits::GPUS_PER_UNIT),
    ("OptimalRequest", "flop", limits::FLOP),
    ("OptimalRequest", "usd", limits::BUDGET_USD),
    ("OptimalRequest", "pue", limits::PUE),
    (
        "OptimalRequest",
        "usd_per_chip_hour",
        limits::USD_PER_CHIP_HOUR,
    ),
    ("OptimalRequest", "usd_per_kwh", limits::USD_PER_KWH),
];

fn generator() -> SchemaGenerator {
    SchemaSettings::draft07()
        .with(|s| s.option_add_null_type = false)
        .into_generator()
}

/// One document's schema: `{"$schema", "title", "$ref": "#/definitions/<Type>", "definitions"}`.
///
/// # Errors
/// A range of [`crate::limits`] names a property the types no longer have (a bug; the tests
/// catch it).
pub fn root(r: Root) -> Result<Value, String> {
    let mut g = generator();
    r.add(&mut g);
    document(
        &format!("Zettaflop {}", r.type_name()),
        Some(r.type_name()),
        g,
    )
}

/// Every document's schema in one: the definitions of all the roots, no `$ref` at the top.
/// This is what the TypeScript declarations of the JS API are generated from.
///
/// # Errors
/// As [`root`].
pub fn bundle() -> Result<Value, String> {
    let mut g = generator();
    for r in Root::ALL {
        r.add(&mut g);
    }
    let mut doc = document("Zettaflop JSON contract", None, g)?;
    if let Value::Object(o) = &mut doc {
        o.insert(
            "roots".into(),
            Value::Object(
                Root::ALL
                    .iter()
                    .map(|r| (r.id().to_string(), json!(r.type_name())))
                    .collect(),
            ),
        );
    }
    Ok(doc)
}

fn document(title: &str, top: Option<&str>, mut g: SchemaGenerator) -> Result<Value, String> {
    let defs = g.take_definitions();
    let mut defs = serde_json::to_value(defs).map_err(|e| e.to_string())?;
    if let Value::Object(d) = &mut defs {
        // The bundle has every definition: there a range naming a missing type is a bug too.
        apply_limits(d, top.is_none())?;
    }
    strip_code(&mut defs);
    let mut doc = Map::new();
    doc.insert(
        "$schema".into(),
        json!("http://json-schema.org/draft-07/schema#"),
    );
    doc.insert("title".into(), json!(title));
    if let Some(t) = top {
        doc.insert("$ref".into(), json!(format!("#/definitions/{t}")));
    }
    doc.insert("definitions".into(), defs);
    Ok(Value::Object(doc))
}

/// The scenario's ranges, from the field registry: (definition, property, limit).
fn scenario_limits() -> impl Iterator<Item = (&'static str, &'static str, Limit)> {
    fields::ALL
        .iter()
        .copied()
        .filter(|f| f.in_schema)
        .map(|f| match f.key.split_once('.') {
            Some((_, prop)) => ("Workload", prop, f.limit),
            None => ("Scenario", f.key, f.limit),
        })
}

/// Puts every range of the scenario's fields and of [`LIMITS`] on its property (where the
/// definition is part of the document).
fn apply_limits(defs: &mut Map<String, Value>, all: bool) -> Result<(), String> {
    for (def, prop, limit) in scenario_limits().chain(LIMITS.iter().copied()) {
        let Some(d) = defs.get_mut(def) else {
            if all {
                return Err(format!(
                    "schema: limits name {def}, which is no type of the contract"
                ));
            }
            continue;
        };
        // A property is found in the definition's own `properties` or in one of its `anyOf`
        // alternatives (an untagged enum such as Workload).
        let mut found = false;
        let alternatives: Vec<&mut Value> = if d.get("anyOf").is_some_and(Value::is_array) {
            match d.get_mut("anyOf") {
                Some(Value::Array(a)) => a.iter_mut().collect(),
                _ => vec![],
            }
        } else {
            vec![d]
        };
        for alt in alternatives {
            if let Some(p) = alt.get_mut("properties").and_then(|p| p.get_mut(prop)) {
                range(p, &limit);
                found = true;
            }
        }
        if !found {
            return Err(format!(
                "schema: limits name {def}.{prop}, which the type does not have"
            ));
        }
    }
    Ok(())
}

fn range(p: &mut Value, limit: &Limit) {
    let Value::Object(o) = p else { return };
    o.insert("minimum".into(), json!(limit.min));
    o.insert("maximum".into(), json!(limit.max));
    if limit.whole {
        o.insert("type".into(), json!("integer"));
        if o.get("format").is_some_and(|f| f == "double") {
            o.remove("format");
        }
    }
}

/// Drops the doc examples (fenced code) that doc comments carry into `description`s.
fn strip_code(v: &mut Value) {
    match v {
        Value::Object(o) => {
            for (k, x) in o.iter_mut() {
                match x {
                    Value::String(d) if k == "description" && d.contains("```") => {
                        let prose: Vec<&str> = d.split("```").step_by(2).map(str::trim).collect();
                        *d = prose
                            .into_iter()
                            .filter(|p| !p.is_empty())
                            .collect::<Vec<_>>()
                            .join("\n\n");
                    }
                    _ => strip_code(x),
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(strip_code),
        _ => {}
    }
}

fn described(description: &str, schema: SchemaObject) -> Schema {
    Schema::Object(SchemaObject {
        metadata: Some(Box::new(Metadata {
            description: Some(description.into()),
            ..Metadata::default()
        })),
        ..schema
    })
}

impl JsonSchema for Utilization {
    fn schema_name() -> String {
        "Utilization".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let u = limits::UTILIZATION;
        let share = SchemaObject {
            instance_type: Some(InstanceType::Number.into()),
            number: Some(Box::new(NumberValidation {
                minimum: Some(u.min),
                maximum: Some(u.max),
                ..NumberValidation::default()
            })),
            ..SchemaObject::default()
        };
        let auto = SchemaObject {
            const_value: Some(json!("auto")),
            ..SchemaObject::default()
        };
        described(
            "Model FLOPs utilization: a share of the peak, or \"auto\" (predicted from the best \
             parallel layout).",
            SchemaObject {
                subschemas: Some(Box::new(SubschemaValidation {
                    any_of: Some(vec![share.into(), auto.into()]),
                    ..SubschemaValidation::default()
                })),
                ..SchemaObject::default()
            },
        )
    }
}

impl JsonSchema for crate::perf::Rejections {
    fn schema_name() -> String {
        "Rejections".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let count = SchemaObject {
            instance_type: Some(InstanceType::Integer.into()),
            number: Some(Box::new(NumberValidation {
                minimum: Some(1.0),
                ..NumberValidation::default()
            })),
            ..SchemaObject::default()
        };
        let properties = Reject::ALL
            .iter()
            .map(|r| (r.id().to_string(), Schema::from(count.clone())))
            .collect();
        described(
            "Layouts rejected, by reason (only reasons with at least one rejection).",
            SchemaObject {
                instance_type: Some(InstanceType::Object.into()),
                object: Some(Box::new(ObjectValidation {
                    properties,
                    additional_properties: Some(Box::new(Schema::Bool(false))),
                    ..ObjectValidation::default()
                })),
                ..SchemaObject::default()
            },
        )
    }
}
