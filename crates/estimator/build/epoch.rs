//! Epoch AI's tables (CC-BY), kept verbatim in `data/epoch/`: the chips not already in
//! accelerators.csv, and every notable model with a training-compute figure.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use crate::cells::{slug, Cells, Row};

type Rows = [(usize, Row)];

const HW: &str = "epoch/ml-hardware.csv";
const MODELS: &str = "epoch/notable-models.csv";

/// Emits `EPOCH_HARDWARE` (chips not in the core set) and returns Epoch hardware name → chip id
/// (a core id where accelerators.csv claims the name in `epoch_names`).
pub fn hardware(
    out: &mut String,
    rows: &Rows,
    core: &Rows,
    core_ids: &HashSet<String>,
) -> Result<HashMap<String, String>, String> {
    let sixteen: HashMap<&str, Option<f64>> = rows
        .iter()
        .filter_map(|(_, r)| {
            let name = r.get("Hardware name")?;
            let v = r.get("Tensor-FP16/BF16 performance (FLOP/s)")?;
            Some((name.as_str(), v.parse::<f64>().ok()))
        })
        .collect();
    let mut names: HashMap<String, String> = HashMap::new();
    for (l, r) in core {
        let c = Cells::new("accelerators.csv", *l, r);
        let id = c.required("id")?;
        for name in c.get("epoch_names")?.split(';').map(str::trim) {
            if name.is_empty() {
                continue;
            }
            let Some(theirs) = sixteen.get(name) else {
                return Err(format!(
                    "{}: `{name}` is not a Hardware name of data/{HW}",
                    c.at("epoch_names")
                ));
            };
            agree(&c, name, *theirs)?;
            if let Some(prev) = names.insert(name.to_string(), id.to_string()) {
                return Err(format!(
                    "{}: `{name}` is already claimed by `{prev}`",
                    c.at("epoch_names")
                ));
            }
        }
    }
    out.push_str("/// Epoch AI's ML hardware not already in the core set (figures per chip as Epoch gives them).\npub static EPOCH_HARDWARE: &[EpochChip] = &[\n");
    let mut seen: HashSet<String> = core_ids.clone();
    for (l, r) in rows {
        let mut c = Cells::new(HW, *l, r);
        let name = c.required("Hardware name")?;
        if names.contains_key(name) {
            continue;
        }
        let id = slug(name);
        if id.is_empty() || !seen.insert(id.clone()) {
            return Err(format!(
                "{}: `{name}` gives id `{id}`, empty or already used",
                c.at("Hardware name")
            ));
        }
        let cols = [
            ("release_price_usd", "Release price (USD)"),
            ("fp64", "FP64 (double precision) performance (FLOP/s)"),
            ("fp32", "FP32 (single precision) performance (FLOP/s)"),
            ("fp16", "FP16 (half precision) performance (FLOP/s)"),
            ("tf32", "TF32 (TensorFloat-32) performance (FLOP/s)"),
            ("tensor16", "Tensor-FP16/BF16 performance (FLOP/s)"),
            ("int8", "INT8 performance (OP/s)"),
            ("memory_bytes", "Memory size per board (Byte)"),
            ("memory_bytes_per_s", "Memory bandwidth (byte/s)"),
            ("intranode_bytes_per_s", "Intranode bandwidth (byte/s)"),
            ("internode_bits_per_s", "Internode bandwidth (bit/s)"),
            ("tdp_w", "TDP (W)"),
            (
                "gcp_usd_per_hour",
                "Google Cloud pricing ($ per hour) data from 17 dec 2022",
            ),
        ];
        let mut fields = vec![
            format!("id: {id:?}"),
            format!("name: {name:?}"),
            format!("manufacturer: {}", c.str_lit("Manufacturer")?),
            format!("kind: {}", c.str_lit("Type")?),
            format!("release_date: {}", c.str_lit("Release date")?),
        ];
        for (field, col) in cols {
            fields.push(format!("{field}: {}", c.opt_num_lit(col, 0)?));
        }
        let link = first_line(c.get("Link to datasheet")?);
        fields.push(format!("datasheet: {link:?}"));
        writeln!(out, "    EpochChip {{ {} }},", fields.join(", ")).ok();
        names.insert(name.to_string(), id);
    }
    out.push_str("];\n");
    Ok(names)
}

/// The core row's 16-bit peak must match Epoch's within 5 %, or the row's `validity_note` says
/// why not.
fn agree(c: &Cells, name: &str, theirs: Option<f64>) -> Result<(), String> {
    let ours = ["bf16_tflops", "fp16_tflops"]
        .iter()
        .filter_map(|col| c.get(col).ok())
        .filter_map(|v| v.split('[').next()?.trim().parse::<f64>().ok())
        .fold(None, |m: Option<f64>, v| Some(m.map_or(v, |m| m.max(v))));
    if let (Some(ours), Some(theirs)) = (ours, theirs) {
        let theirs = theirs / 1e12;
        if (ours / theirs - 1.0).abs() > 0.05 && c.get("validity_note")?.is_empty() {
            return Err(format!(
                "{}: 16-bit peak {ours} TFLOP/s disagrees with Epoch's {theirs} for `{name}` by more than 5 %; fix it or say why in validity_note",
                c.at("epoch_names")
            ));
        }
    }
    Ok(())
}

fn first_line(s: &str) -> &str {
    s.split_whitespace().next().unwrap_or("")
}

/// Emits `EPOCH_MODELS`: every notable model with a training-compute figure.
pub fn models(
    out: &mut String,
    rows: &Rows,
    chips: &HashMap<String, String>,
    core: &Rows,
) -> Result<(), String> {
    let core_of = core_names(rows, core)?;
    out.push_str("/// Epoch AI's notable models with a training-compute figure.\npub static EPOCH_MODELS: &[EpochModel] = &[\n");
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (l, r) in rows {
        let fields = model(*l, r, chips, &core_of, &mut seen)?;
        writeln!(out, "    EpochModel {{ {} }},", fields.join(", ")).ok();
    }
    out.push_str("];\n");
    Ok(())
}

/// The core catalog's model id of each Epoch model name it claims (`epoch_name`), each claimed
/// once and each a Model of Epoch's table.
fn core_names(rows: &Rows, core: &Rows) -> Result<HashMap<String, String>, String> {
    let mut core_of: HashMap<String, String> = HashMap::new();
    let model_names: HashSet<&str> = rows
        .iter()
        .filter_map(|(_, r)| r.get("Model").map(String::as_str))
        .collect();
    for (l, r) in core {
        let c = Cells::new("models.csv", *l, r);
        let name = c.get("epoch_name")?;
        if name.is_empty() {
            continue;
        }
        if !model_names.contains(name) {
            return Err(format!(
                "{}: `{name}` is not a Model of data/{MODELS}",
                c.at("epoch_name")
            ));
        }
        if core_of
            .insert(name.to_string(), c.required("id")?.to_string())
            .is_some()
        {
            return Err(format!("{}: `{name}` is claimed twice", c.at("epoch_name")));
        }
    }
    Ok(core_of)
}

/// One model's fields (its id made unique with `seen`).
fn model(
    l: usize,
    r: &Row,
    chips: &HashMap<String, String>,
    core_of: &HashMap<String, String>,
    seen: &mut HashMap<String, usize>,
) -> Result<Vec<String>, String> {
    let mut c = Cells::new(MODELS, l, r);
    let name = c.required("Model")?;
    let base = slug(name);
    let n = seen.entry(base.clone()).or_insert(0);
    *n += 1;
    let id = if *n == 1 { base } else { format!("{base}-{n}") };
    let mut hw = Vec::new();
    for h in c.get("Training hardware")?.split(',').map(str::trim) {
        if h.is_empty() {
            continue;
        }
        let chip = chips.get(h).ok_or_else(|| {
            format!(
                "{}: `{h}` is not a Hardware name of data/{HW}",
                c.at("Training hardware")
            )
        })?;
        hw.push(format!("{chip:?}"));
    }
    let flop = c.num("Training compute (FLOP)", 0)?;
    let core_id = core_of
        .get(name)
        .map_or("None".to_string(), |id| format!("Some({id:?})"));
    let fields = [
        format!("id: {id:?}"),
        format!("name: {name:?}"),
        format!("domain: {}", c.str_lit("Domain")?),
        format!("organization: {}", c.str_lit("Organization")?),
        format!("date: {}", c.str_lit("Publication date")?),
        format!("link: {:?}", first_line(c.get("Link")?)),
        format!("params: {}", c.opt_num_lit("Parameters", 0)?),
        format!("flop: {}", flop.lit),
        format!(
            "flop_low: {}",
            c.opt_num_lit("Training compute lower bound", 0)?
        ),
        format!(
            "flop_high: {}",
            c.opt_num_lit("Training compute upper bound", 0)?
        ),
        format!(
            "dataset_size: {}",
            c.opt_num_lit("Training dataset size (datapoints)", 0)?
        ),
        format!("hours: {}", c.opt_num_lit("Training time (hours)", 0)?),
        format!("hardware: &[{}]", hw.join(", ")),
        format!("hardware_count: {}", c.opt_num_lit("Hardware quantity", 0)?),
        format!("mfu: {}", c.opt_num_lit("Hardware utilization (MFU)", 0)?),
        format!("chip_hours: {}", c.opt_num_lit("Training chip-hours", 0)?),
        format!("precision: {}", c.str_lit("Numerical format")?),
        format!("power_w: {}", c.opt_num_lit("Training power draw (W)", 0)?),
        format!(
            "method: {}",
            c.str_lit("Training compute estimation method")?
        ),
        format!("confidence: {}", c.str_lit("Confidence")?),
        format!(
            "cost_2023_usd: {}",
            c.opt_num_lit("Training compute cost (2023 USD)", 0)?
        ),
        format!("accessibility: {}", c.str_lit("Model accessibility")?),
        format!("country: {}", c.str_lit("Country (of organization)")?),
        format!("core_id: {core_id}"),
    ];
    Ok(fields.to_vec())
}
