//! `zettaflop catalog [hardware|models|clusters|constants|epoch] [--json]` and `zettaflop show
//! ID`: the compiled-in catalog as readable tables or JSON, and every field of one entry with its
//! sources.

use serde::Serialize;
use serde_json::Value;
use zettaflop_estimator::catalog::{self, Source};
use zettaflop_estimator::contract::CatalogIds;
use zettaflop_estimator::epoch;

use crate::args::Opts;
use crate::io::to_json;
use crate::Failure;

/// `catalog [TABLE] [--json]`.
pub fn catalog_cmd(o: &Opts) -> Result<String, Failure> {
    match o.positional.first().map(String::as_str) {
        None if o.json => to_json(&CatalogIds::new()),
        None => Ok(ids_text()),
        // Epoch AI's tables are JSON only (an asset, not a table to read): --json or not.
        Some("epoch") => to_json(&EpochTables::new()),
        Some(word) => {
            let t = Table::parse(word).ok_or_else(|| {
                Failure(format!(
                    "catalog: unknown table `{word}`; allowed: hardware, models, clusters, constants, epoch"
                ))
            })?;
            if o.json {
                table_json(t)
            } else {
                Ok(table_text(t))
            }
        }
    }
}

/// `show ID [--json]`.
pub fn show_cmd(o: &Opts) -> Result<String, Failure> {
    show(&o.positional[0], o.json)
}

/// The ids of the chips and model presets, one per line with its name.
fn ids_text() -> String {
    let mut out = String::from("hardware (count_unit: chip = 1 GPU; package and rack as noted):\n");
    for a in catalog::ACCELERATORS {
        let rack = a
            .gpus_per_rack
            .map(|r| format!(", rack = {r} GPUs"))
            .unwrap_or_default();
        out.push_str(&format!(
            "  {:<16} {} (package = {} GPU{}{rack})\n",
            a.id,
            a.name,
            a.gpus_per_package,
            if a.gpus_per_package > 1 { "s" } else { "" }
        ));
    }
    out.push_str("model presets:\n");
    for m in catalog::MODELS {
        out.push_str(&format!(
            "  {:<16} {} ({}, {})\n",
            m.id, m.name, m.organization, m.date
        ));
    }
    out
}

/// Epoch AI's tables as one JSON document, with the credit the licence requires.
#[derive(Serialize)]
struct EpochTables {
    credit: &'static str,
    hardware_url: &'static str,
    models_url: &'static str,
    hardware: &'static [epoch::EpochChip],
    models: &'static [epoch::EpochModel],
}

impl EpochTables {
    fn new() -> Self {
        EpochTables {
            credit: epoch::CREDIT,
            hardware_url: epoch::HARDWARE_URL,
            models_url: epoch::MODELS_URL,
            hardware: epoch::EPOCH_HARDWARE,
            models: epoch::EPOCH_MODELS,
        }
    }
}

/// A table of the catalog.
#[derive(Debug, Clone, Copy)]
pub enum Table {
    Hardware,
    Models,
    Clusters,
    Constants,
}

impl Table {
    /// `hardware`, `models`, `clusters`, `constants`.
    pub fn parse(word: &str) -> Option<Table> {
        match word {
            "hardware" => Some(Table::Hardware),
            "models" => Some(Table::Models),
            "clusters" => Some(Table::Clusters),
            "constants" => Some(Table::Constants),
            _ => None,
        }
    }
}

/// The table as JSON: every field of every row, as the estimator holds it (SI units).
pub fn table_json(t: Table) -> Result<String, Failure> {
    match t {
        Table::Hardware => to_json(&catalog::ACCELERATORS),
        Table::Models => to_json(&catalog::MODELS),
        Table::Clusters => to_json(&catalog::CLUSTERS),
        Table::Constants => to_json(&catalog::CONSTANTS),
    }
}

/// A table ready to print: its headers, its rows and a footer on where the rest is.
type TextTable = (&'static [&'static str], Vec<Vec<String>>, String);

/// The table as aligned text columns, with a footer on where the rest is.
pub fn table_text(t: Table) -> String {
    let (headers, rows, footer) = match t {
        Table::Hardware => hardware_text(),
        Table::Models => models_text(),
        Table::Clusters => clusters_text(),
        Table::Constants => constants_text(),
    };
    let mut out = columns(headers, &rows);
    out.push_str(&footer);
    out.push_str("`zettaflop show ID` prints every field of a row with its sources.\n");
    out
}

/// An optional figure divided by `scale`, or an empty cell.
fn opt(x: Option<f64>, scale: f64) -> String {
    x.map(|x| num(x / scale)).unwrap_or_default()
}

fn hardware_text() -> TextTable {
    let rows = catalog::ACCELERATORS
        .iter()
        .map(|a| {
            vec![
                a.id.into(),
                a.name.into(),
                a.vendor.into(),
                a.launch_year.to_string(),
                opt(a.peaks.bf16.or(a.peaks.fp16), 1e12),
                opt(a.peaks.fp8, 1e12),
                num(a.hbm_bytes / 1e9),
                opt(a.all_in_w, 1.0),
                opt(a.usd_per_chip_hour, 1.0),
            ]
        })
        .collect();
    let footer = format!(
        "{} chips; peaks dense per GPU. Epoch AI's {} other chips: `zettaflop catalog epoch` ({}, {}).\n",
        catalog::ACCELERATORS.len(),
        epoch::EPOCH_HARDWARE.len(),
        epoch::CREDIT,
        epoch::HARDWARE_URL
    );
    let headers: &[&str] = &[
        "id", "name", "vendor", "year", "bf16 TF", "fp8 TF", "HBM GB", "all-in W", "$/GPU-h",
    ];
    (headers, rows, footer)
}

fn models_text() -> TextTable {
    let rows = catalog::MODELS
        .iter()
        .map(|m| {
            let run = m
                .run
                .map(|r| {
                    format!(
                        "{} {} × {}, {} d",
                        num(r.count),
                        r.count_unit.id(),
                        r.hardware,
                        num(r.duration_days)
                    )
                })
                .unwrap_or_default();
            vec![
                m.id.into(),
                m.name.into(),
                m.organization.into(),
                m.date.into(),
                m.compute().map(num).unwrap_or_default(),
                m.params.map(num).unwrap_or_default(),
                m.tokens.map(num).unwrap_or_default(),
                run,
            ]
        })
        .collect();
    let footer = format!(
        "{} presets. Epoch AI's {} notable models: `zettaflop catalog epoch` ({}, {}).\n",
        catalog::MODELS.len(),
        epoch::EPOCH_MODELS.len(),
        epoch::CREDIT,
        epoch::MODELS_URL
    );
    let headers: &[&str] = &[
        "id",
        "name",
        "organization",
        "date",
        "FLOP",
        "params",
        "tokens",
        "run",
    ];
    (headers, rows, footer)
}

fn clusters_text() -> TextTable {
    let rows = catalog::CLUSTERS
        .iter()
        .map(|c| {
            vec![
                c.id.into(),
                c.name.into(),
                c.operator.into(),
                c.hardware.unwrap_or("").into(),
                c.gpus.map(num).unwrap_or_default(),
                opt(c.power_w, 1e6),
                c.date.into(),
                c.status.into(),
            ]
        })
        .collect();
    let headers: &[&str] = &[
        "id", "name", "operator", "chip", "GPUs", "MW", "date", "status",
    ];
    (
        headers,
        rows,
        format!("{} clusters and sites.\n", catalog::CLUSTERS.len()),
    )
}

fn constants_text() -> TextTable {
    let rows = catalog::CONSTANTS
        .iter()
        .map(|c| {
            vec![
                c.id.into(),
                num(c.value),
                c.unit.into(),
                c.description.into(),
            ]
        })
        .collect();
    let headers: &[&str] = &["id", "value", "unit", "description"];
    (
        headers,
        rows,
        format!("{} constants.\n", catalog::CONSTANTS.len()),
    )
}

/// Rows as columns padded to the widest cell (the last column is not padded).
fn columns(headers: &[&str], rows: &[Vec<String>]) -> String {
    let width = |i: usize| {
        rows.iter()
            .map(|r| r[i].chars().count())
            .chain([headers[i].chars().count()])
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..headers.len()).map(width).collect();
    let line = |cells: Vec<&str>| {
        let last = cells.len() - 1;
        let mut s = String::new();
        for (i, c) in cells.into_iter().enumerate() {
            if i == last {
                s.push_str(c);
            } else {
                s.push_str(c);
                s.push_str(&" ".repeat(widths[i] - c.chars().count() + 2));
            }
        }
        s.trim_end().to_string() + "\n"
    };
    let mut out = line(headers.to_vec());
    for r in rows {
        out.push_str(&line(r.iter().map(String::as_str).collect()));
    }
    out
}

/// A number for people: plain up to a million (at most 4 decimals), else `2.1e25`.
fn num(x: f64) -> String {
    if x != 0.0 && !(1e-3..1e6).contains(&x.abs()) {
        return format!("{x:e}");
    }
    let s = format!("{x:.4}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// One entry found by id: what it is and its fields.
#[derive(Serialize)]
struct Entry {
    /// `chip`, `model`, `cluster`, `constant`, `source`, `epoch chip`, `epoch model`.
    kind: &'static str,
    /// Every field, as the estimator holds it.
    item: Value,
    /// The sources the entry cites (every `*sources` field), resolved.
    sources: Vec<Source>,
    /// For a source: the entries citing it, as `id (field)`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    cited_by: Vec<String>,
    /// The credit Epoch AI's data require, for Epoch rows.
    #[serde(skip_serializing_if = "Option::is_none")]
    credit: Option<String>,
}

fn value<T: Serialize>(x: &T) -> Result<Value, Failure> {
    serde_json::to_value(x).map_err(|e| Failure(format!("output: {e}")))
}

/// Every entry of the core catalog as `(kind, value)`.
fn core_entries() -> Result<Vec<(&'static str, Value)>, Failure> {
    let mut all = Vec::new();
    for a in catalog::ACCELERATORS {
        all.push(("chip", value(a)?));
    }
    for m in catalog::MODELS {
        all.push(("model", value(m)?));
    }
    for c in catalog::CLUSTERS {
        all.push(("cluster", value(c)?));
    }
    for c in catalog::CONSTANTS {
        all.push(("constant", value(c)?));
    }
    Ok(all)
}

/// The source ids cited anywhere in `v` (fields whose name ends in `sources`), with the field.
fn cited(v: &Value, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                if k.ends_with("sources") {
                    for id in x.as_array().into_iter().flatten().filter_map(Value::as_str) {
                        if !out.iter().any(|(s, f)| s == id && f == k) {
                            out.push((id.to_string(), k.clone()));
                        }
                    }
                } else {
                    cited(x, out);
                }
            }
        }
        Value::Array(xs) => xs.iter().for_each(|x| cited(x, out)),
        _ => {}
    }
}

/// Every entry whose id is `id` (ids are unique within the core catalog; a source or an Epoch
/// row may share one).
fn find(id: &str) -> Result<Vec<Entry>, Failure> {
    let mut found = Vec::new();
    let entry = |kind, item: Value, credit: Option<String>| {
        let mut ids = Vec::new();
        cited(&item, &mut ids);
        let mut sources: Vec<Source> = Vec::new();
        for (s, _) in ids {
            if let Some(src) = catalog::source(&s) {
                if !sources.iter().any(|x| x.id == src.id) {
                    sources.push(*src);
                }
            }
        }
        Entry {
            kind,
            item,
            sources,
            cited_by: Vec::new(),
            credit,
        }
    };
    for (kind, v) in core_entries()? {
        if v["id"] == id {
            found.push(entry(kind, v, None));
        }
    }
    if let Some(s) = catalog::source(id) {
        let mut by = Vec::new();
        for (_, v) in core_entries()? {
            let mut ids = Vec::new();
            cited(&v, &mut ids);
            for (_, field) in ids.iter().filter(|(s, _)| s == id) {
                by.push(format!("{} ({field})", v["id"].as_str().unwrap_or("?")));
            }
        }
        let mut e = entry("source", value(s)?, None);
        e.cited_by = by;
        found.push(e);
    }
    let credit = |url: &str| Some(format!("{} — {url}", epoch::CREDIT));
    if let Some(c) = epoch::chip(id) {
        found.push(entry("epoch chip", value(c)?, credit(epoch::HARDWARE_URL)));
    }
    if let Some(m) = epoch::model(id) {
        found.push(entry("epoch model", value(m)?, credit(epoch::MODELS_URL)));
    }
    if found.is_empty() {
        return Err(Failure(format!(
            "show: no chip, model, cluster, constant or source has the id `{id}`; try `zettaflop catalog hardware` (or models, clusters, constants)"
        )));
    }
    Ok(found)
}

/// `zettaflop show ID [--json]`.
fn show(id: &str, json: bool) -> Result<String, Failure> {
    let found = find(id)?;
    if json {
        return match found.as_slice() {
            [one] => to_json(one),
            many => to_json(&many),
        };
    }
    let mut out = String::new();
    for e in found {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&format!("{} {id}\n", e.kind));
        let mut lines = Vec::new();
        fields("", &e.item, &mut lines);
        let w = lines
            .iter()
            .map(|(k, _)| k.chars().count())
            .max()
            .unwrap_or(0);
        for (k, v) in lines {
            out.push_str(&format!("  {k:<w$}  {v}\n"));
        }
        if !e.sources.is_empty() {
            out.push_str("sources:\n");
            for s in &e.sources {
                out.push_str(&format!("  {}: {}\n", s.id, source_line(s)));
            }
        }
        if !e.cited_by.is_empty() {
            out.push_str(&format!("cited by: {}\n", e.cited_by.join(", ")));
        }
        if let Some(c) = e.credit {
            out.push_str(&format!("{c}\n"));
        }
    }
    Ok(out)
}

fn source_line(s: &Source) -> String {
    let url = if s.url.is_empty() {
        String::new()
    } else {
        format!(" <{}>", s.url)
    };
    format!("{} ({}, {}, {}){url}", s.title, s.kind, s.by, s.date)
}

/// Flattens `v` into `(path, text)` lines: nested objects as `a.b`, arrays of objects as
/// `a[0].b`, arrays of plain values joined; an empty field reads `–`.
fn fields(prefix: &str, v: &Value, out: &mut Vec<(String, String)>) {
    let key = |k: &str| {
        if prefix.is_empty() {
            k.to_string()
        } else {
            format!("{prefix}.{k}")
        }
    };
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                match x {
                    Value::Object(_) => fields(&key(k), x, out),
                    Value::Array(xs) if xs.iter().any(Value::is_object) => {
                        for (i, y) in xs.iter().enumerate() {
                            fields(&format!("{}[{i}]", key(k)), y, out);
                        }
                    }
                    _ => out.push((key(k), scalar(x))),
                }
            }
        }
        _ => out.push((prefix.to_string(), scalar(v))),
    }
}

fn scalar(v: &Value) -> String {
    match v {
        Value::Null => "–".into(),
        Value::String(s) if s.is_empty() => "–".into(),
        Value::String(s) => s.clone(),
        Value::Number(n) => n.as_f64().map(num).unwrap_or_else(|| n.to_string()),
        Value::Array(xs) if xs.is_empty() => "–".into(),
        Value::Array(xs) => xs.iter().map(scalar).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}
