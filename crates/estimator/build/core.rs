//! The core catalog: sources, accelerators, model presets, clusters and constants.

use std::collections::HashSet;
use std::fmt::Write as _;

use crate::cells::{Cells, Row};

type Rows = [(usize, Row)];

pub fn sources(out: &mut String, rows: &Rows) -> Result<(), String> {
    out.push_str("/// Every source the catalog cites.\npub static SOURCES: &[Source] = &[\n");
    for (l, r) in rows {
        let c = Cells::new("sources.csv", *l, r);
        let url = c.get("url")?;
        let kind = c.required("kind")?;
        if !url.starts_with("https://") && kind != "derived" {
            return Err(format!("{}: `{url}` must start with https://", c.at("url")));
        }
        writeln!(
            out,
            "    Source {{ id: {}, title: {}, url: {}, date: {}, kind: {}, by: {} }},",
            c.required_str("id")?,
            c.required_str("title")?,
            c.str_lit("url")?,
            c.required_str("date")?,
            c.required_str("kind")?,
            c.required_str("by")?,
        )
        .ok();
    }
    out.push_str("];\n");
    Ok(())
}

fn yes_no(c: &Cells, col: &str) -> Result<&'static str, String> {
    match c.required(col)? {
        "yes" => Ok("true"),
        "no" => Ok("false"),
        other => Err(format!("{}: `{other}` must be yes or no", c.at(col))),
    }
}

fn opt_u32(c: &Cells, col: &str) -> Result<String, String> {
    Ok(match c.opt_whole(col)? {
        Some(n) => format!("Some({n})"),
        None => "None".into(),
    })
}

fn list(text: &str) -> String {
    let items: Vec<String> = text
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| format!("{s:?}"))
        .collect();
    format!("&[{}]", items.join(", "))
}

/// `generation` → the variant of `perf::Generation`, which selects the performance model's
/// efficiency constants.
const GENERATIONS: [(&str, &str); 10] = [
    ("volta", "Volta"),
    ("ampere", "Ampere"),
    ("hopper", "Hopper"),
    ("blackwell", "Blackwell"),
    ("cdna2", "Cdna2"),
    ("cdna3", "Cdna3"),
    ("cdna4", "Cdna4"),
    ("tpu", "Tpu"),
    ("gaudi", "Gaudi"),
    ("trainium", "Trainium"),
];

fn generation(c: &Cells) -> Result<&'static str, String> {
    let g = c.required("generation")?;
    GENERATIONS
        .iter()
        .find(|(id, _)| *id == g)
        .map(|(_, v)| *v)
        .ok_or_else(|| {
            let ids: Vec<&str> = GENERATIONS.iter().map(|(id, _)| *id).collect();
            format!(
                "{}: `{g}` must be one of {}",
                c.at("generation"),
                ids.join(", ")
            )
        })
}

pub fn accelerators(out: &mut String, rows: &Rows, ids: &HashSet<String>) -> Result<(), String> {
    out.push_str("/// The core accelerators, figures per GPU, peaks dense.\npub static ACCELERATORS: &[Accelerator] = &[\n");
    for (l, r) in rows {
        let mut c = Cells::new("accelerators.csv", *l, r);
        let sparse = yes_no(&c, "sparse")?;
        let package = c
            .opt_whole("gpus_per_package")?
            .ok_or_else(|| format!("{}: is empty", c.at("gpus_per_package")))?;
        let year: u16 = c
            .required("launch_year")?
            .parse()
            .map_err(|_| format!("{}: not a year", c.at("launch_year")))?;
        let peaks = peaks(&mut c, *l)?;
        let tdp = c.opt_num_lit("tdp_w", 0)?;
        let all_in = c.opt_num_lit("all_in_w", 0)?;
        if all_in != "None" && c.get("all_in_basis")?.is_empty() {
            return Err(format!(
                "{}: say how all_in_w was obtained",
                c.at("all_in_basis")
            ));
        }
        let price = c.opt_num_lit("usd_per_chip_hour", 0)?;
        let purchase = c.opt_num_lit("usd_purchase_per_chip", 0)?;
        let fields = [
            format!("id: {}", c.required_str("id")?),
            format!("name: {}", c.required_str("name")?),
            format!("vendor: {}", c.required_str("vendor")?),
            format!("launch_year: {year}"),
            format!("peaks: Peaks {{ {} }}", peaks.join(", ")),
            format!("sparse: {sparse}"),
            format!("hbm_bytes: {}", c.num("hbm_gb", 9)?.lit),
            format!("tdp_w: {tdp}"),
            format!("all_in_w: {all_in}"),
            format!("all_in_basis: {}", c.prose("all_in_basis")?),
            format!("gpus_per_package: {package}"),
            format!("package_name: {}", c.required_str("package_name")?),
            format!("gpus_per_rack: {}", opt_u32(&c, "gpus_per_rack")?),
            format!("rack_name: {}", c.opt_str("rack_name")?),
            format!("usd_per_chip_hour: {price}"),
            format!(
                "usd_per_chip_hour_note: {}",
                c.prose("usd_per_chip_hour_note")?
            ),
            format!(
                "usd_per_chip_hour_date: {}",
                c.str_lit("usd_per_chip_hour_date")?
            ),
            format!("usd_purchase_per_chip: {purchase}"),
            format!("usd_purchase_note: {}", c.prose("usd_purchase_note")?),
            format!(
                "purchase_sources: {}",
                c.sources_if("purchase_sources", ids, purchase != "None")?
            ),
            format!("peak_sources: {}", c.sources("peak_sources", ids)?),
            format!(
                "power_sources: {}",
                c.sources_if("power_sources", ids, tdp != "None" || all_in != "None")?
            ),
            format!(
                "price_sources: {}",
                c.sources_if("price_sources", ids, price != "None")?
            ),
            format!("notes: {}", c.prose("notes")?),
        ];
        let fields = [fields.to_vec(), perf_fields(&mut c, ids)?].concat();
        writeln!(
            out,
            "    Accelerator {{ {}, ranges: {} }},",
            fields.join(", "),
            c.ranges_lit()
        )
        .ok();
    }
    out.push_str("];\n");
    Ok(())
}

/// The dense peaks per precision, `Peaks { fp64: …, … }`'s fields; at least one is given.
fn peaks(c: &mut Cells, l: usize) -> Result<Vec<String>, String> {
    let mut peaks = Vec::new();
    for (field, col) in [
        ("fp64", "fp64_tflops"),
        ("tf32", "tf32_tflops"),
        ("bf16", "bf16_tflops"),
        ("fp16", "fp16_tflops"),
        ("fp8", "fp8_tflops"),
        ("fp4", "fp4_tflops"),
    ] {
        peaks.push(format!("{field}: {}", c.opt_num_lit(col, 12)?));
    }
    if !peaks.iter().any(|p| p.contains("Some")) {
        return Err(format!("{} line {l}: no peak at any precision", c.file));
    }
    Ok(peaks)
}

/// The performance model's figures of a chip, its extra peaks, its Epoch names.
fn perf_fields(c: &mut Cells, ids: &HashSet<String>) -> Result<Vec<String>, String> {
    let perf_given = [
        "hbm_tb_s",
        "scaleup_gb_s",
        "scaleup_domain",
        "scaleout_gb_s",
    ]
    .iter()
    .any(|col| c.get(col).is_ok_and(|v| !v.is_empty()));
    let fields = [
        format!("generation: crate::perf::Generation::{}", generation(c)?),
        format!("hbm_bytes_per_s: {}", c.opt_num_lit("hbm_tb_s", 12)?),
        format!("scaleup_bytes_per_s: {}", c.opt_num_lit("scaleup_gb_s", 9)?),
        format!("scaleup_domain: {}", opt_u32(c, "scaleup_domain")?),
        format!(
            "scaleout_bytes_per_s: {}",
            c.opt_num_lit("scaleout_gb_s", 9)?
        ),
        format!(
            "perf_sources: {}",
            c.sources_if("perf_sources", ids, perf_given)?
        ),
        format!("perf_note: {}", c.prose("perf_note")?),
        format!("fp32: {}", c.opt_num_lit("fp32_tflops", 12)?),
        format!("sparse_bf16: {}", c.opt_num_lit("sparse_bf16_tflops", 12)?),
        format!(
            "epoch_names: {}",
            if std::env::var_os("CARGO_FEATURE_PROSE").is_some() {
                list(c.get("epoch_names")?)
            } else {
                "&[]".to_string()
            }
        ),
        format!("validity_note: {}", c.prose("validity_note")?),
    ];
    Ok(fields.to_vec())
}

/// `mlp` → the variant of `perf::Mlp` (the FLOP count needs only whether it is gated).
const MLP: [(&str, &str); 5] = [
    ("gelu", "Gelu"),
    ("swiglu", "Swiglu"),
    ("relu", "Relu"),
    ("squared-relu", "SquaredRelu"),
    ("geglu", "Geglu"),
];

/// The architecture columns: the published figures as given (`Architecture`, any may be empty)
/// and, when every dimension the performance model needs is given, the `perf::ModelShape`
/// (experts default to 1 = dense, kv heads to the heads).
fn architecture(c: &Cells, ids: &HashSet<String>) -> Result<(String, String, String), String> {
    const COLS: [&str; 9] = [
        "layers",
        "hidden",
        "heads",
        "kv_heads",
        "ffn",
        "seq_len",
        "vocab",
        "experts",
        "active_experts",
    ];
    let mut fields = Vec::new();
    let mut given = false;
    for col in COLS {
        let v = opt_u32(c, col)?;
        given |= v != "None";
        fields.push(format!("{col}: {v}"));
    }
    let mlp = c.get("mlp")?;
    let variant = if mlp.is_empty() {
        None
    } else {
        let ids: Vec<&str> = MLP.iter().map(|(id, _)| *id).collect();
        Some(
            MLP.iter()
                .find(|(id, _)| *id == mlp)
                .map(|(_, v)| *v)
                .ok_or_else(|| {
                    format!("{}: `{mlp}` must be one of {}", c.at("mlp"), ids.join(", "))
                })?,
        )
    };
    given |= variant.is_some();
    fields.push(format!("mlp: {}", c.opt_str("mlp")?));
    if !given {
        c.sources_if("arch_sources", ids, false)?;
        return Ok(("None".into(), "None".into(), "&[]".into()));
    }
    let need = |col: &str| c.opt_whole(col);
    let shape = match (
        need("layers")?,
        need("hidden")?,
        need("heads")?,
        need("ffn")?,
        need("seq_len")?,
        need("vocab")?,
        variant,
    ) {
        (
            Some(layers),
            Some(hidden),
            Some(heads),
            Some(ffn),
            Some(seq_len),
            Some(vocab),
            Some(mlp),
        ) => {
            let experts = need("experts")?.unwrap_or(1);
            let active = need("active_experts")?.unwrap_or(1);
            if active > experts {
                return Err(format!(
                    "{}: {active} active experts of {experts}",
                    c.at("active_experts")
                ));
            }
            format!(
                "Some(crate::perf::ModelShape {{ layers: {layers}, hidden: {hidden}, heads: {heads}, kv_heads: {}, ffn: {ffn}, seq_len: {seq_len}, vocab: {vocab}, experts: {experts}, active_experts: {active}, mlp: crate::perf::Mlp::{mlp}, tied_embeddings: false, shared_experts: 0, dense_layers: 0, dense_ffn: 0, mla: None }})",
                opt_u32(c, "kv_heads")?
            )
        }
        _ => "None".into(),
    };
    Ok((
        shape,
        format!("Some(Architecture {{ {} }})", fields.join(", ")),
        c.sources("arch_sources", ids)?,
    ))
}

fn precision(c: &Cells) -> Result<String, String> {
    let p = c.get("precision")?;
    let v = match p {
        "" => return Ok("None".into()),
        "fp64" => "Fp64",
        "tf32" => "Tf32",
        "bf16" => "Bf16",
        "fp16" => "Fp16",
        "fp8" => "Fp8",
        "fp4" => "Fp4",
        other => {
            return Err(format!(
                "{}: `{other}` must be fp64, tf32, bf16, fp16, fp8 or fp4",
                c.at("precision")
            ))
        }
    };
    Ok(format!("Some(Precision::{v})"))
}

pub fn models(
    out: &mut String,
    rows: &Rows,
    ids: &HashSet<String>,
    chips: &HashSet<String>,
) -> Result<(), String> {
    out.push_str("/// Model presets: the training compute of notable runs and the run itself where known.\npub static MODELS: &[ModelPreset] = &[\n");
    for (l, r) in rows {
        let mut c = Cells::new("models.csv", *l, r);
        let hw = c.get("run_hardware")?;
        if !hw.is_empty() && !chips.contains(hw) {
            return Err(format!(
                "{}: `{hw}` is not in accelerators.csv",
                c.at("run_hardware")
            ));
        }
        let count = c.opt_num("run_count", 0)?;
        let unit = match c.get("run_count_unit")? {
            "" if count.is_none() => "CountUnit::Chip",
            "chip" => "CountUnit::Chip",
            "package" => "CountUnit::Package",
            "rack" => "CountUnit::Rack",
            other => {
                return Err(format!(
                    "{}: `{other}` must be chip, package or rack",
                    c.at("run_count_unit")
                ))
            }
        };
        let days = c.opt_num("run_days", 0)?;
        let run = match (&count, &days) {
            (Some(n), Some(d)) if !hw.is_empty() => format!(
                "Some(ReferenceRun {{ hardware: {hw:?}, count: {}, count_unit: {unit}, duration_days: {}, duration_basis: {} }})",
                n.lit,
                d.lit,
                c.required_prose("run_days_basis")?
            ),
            (_, Some(_)) => {
                return Err(format!(
                    "{} line {l}: run_days needs run_hardware and run_count",
                    c.file
                ))
            }
            _ => "None".into(),
        };
        let flop = c.opt_num_lit("flop", 0)?;
        let params = c.opt_num_lit("params", 0)?;
        let tokens = c.opt_num_lit("tokens", 0)?;
        if flop == "None" && (params == "None" || tokens == "None") {
            return Err(format!(
                "{} line {l}: a preset needs flop, or params and tokens",
                c.file
            ));
        }
        let (arch, architecture, arch_sources) = architecture(&c, ids)?;
        let epoch_name = c.opt_str("epoch_name")?;
        let fields = [
            format!("id: {}", c.required_str("id")?),
            format!("name: {}", c.required_str("name")?),
            format!("organization: {}", c.required_str("organization")?),
            format!("date: {}", c.required_str("date")?),
            format!("flop: {flop}"),
            format!("flop_low: {}", c.opt_num_lit("flop_low", 0)?),
            format!("flop_high: {}", c.opt_num_lit("flop_high", 0)?),
            format!("params: {params}"),
            format!("active_params: {}", c.opt_num_lit("active_params", 0)?),
            format!("tokens: {tokens}"),
            format!("compute_basis: {}", c.required_prose("compute_basis")?),
            format!("run: {run}"),
            format!("hardware: {}", c.opt_str("run_hardware")?),
            format!(
                "hardware_count: {}",
                count.map_or("None".into(), |n| format!("Some({})", n.lit))
            ),
            format!("sources: {}", c.sources("sources", ids)?),
            format!("notes: {}", c.prose("notes")?),
            format!("arch: {arch}"),
            format!("architecture: {architecture}"),
            format!("arch_sources: {arch_sources}"),
            format!("precision: {}", precision(&c)?),
            format!("reported_mfu: {}", c.opt_num_lit("reported_mfu", 0)?),
            format!("mfu_basis: {}", c.prose("mfu_basis")?),
            format!("gpu_hours: {}", c.opt_num_lit("gpu_hours", 0)?),
            format!("cost_usd: {}", c.opt_num_lit("cost_usd", 0)?),
            format!("epoch_name: {epoch_name}"),
            format!("validity_note: {}", c.prose("validity_note")?),
        ];
        writeln!(
            out,
            "    ModelPreset {{ {}, ranges: {} }},",
            fields.join(", "),
            c.ranges_lit()
        )
        .ok();
    }
    out.push_str("];\n");
    Ok(())
}

pub fn clusters(
    out: &mut String,
    rows: &Rows,
    ids: &HashSet<String>,
    chips: &HashSet<String>,
) -> Result<(), String> {
    out.push_str("/// Clusters and sites: chips, chip type, power, dates.\npub static CLUSTERS: &[Cluster] = &[\n");
    for (l, r) in rows {
        let mut c = Cells::new("clusters.csv", *l, r);
        let hw = c.get("hardware")?;
        if !hw.is_empty() && !chips.contains(hw) {
            return Err(format!(
                "{}: `{hw}` is not in accelerators.csv",
                c.at("hardware")
            ));
        }
        let fields = [
            format!("id: {}", c.required_str("id")?),
            format!("name: {}", c.required_str("name")?),
            format!("operator: {}", c.required_str("operator")?),
            format!("location: {}", c.required_str("location")?),
            format!("hardware: {}", c.opt_str("hardware")?),
            format!("gpus: {}", c.opt_num_lit("gpus", 0)?),
            format!("count_as_given: {}", c.prose("count_as_given")?),
            format!("power_w: {}", c.opt_num_lit("power_mw", 6)?),
            format!("date: {}", c.required_str("date")?),
            format!("status: {}", c.required_str("status")?),
            format!("sources: {}", c.sources("sources", ids)?),
            format!("notes: {}", c.prose("notes")?),
        ];
        writeln!(
            out,
            "    Cluster {{ {}, ranges: {} }},",
            fields.join(", "),
            c.ranges_lit()
        )
        .ok();
    }
    out.push_str("];\n");
    Ok(())
}

pub fn constants(out: &mut String, rows: &Rows, ids: &HashSet<String>) -> Result<(), String> {
    let mut names = Vec::new();
    for (l, r) in rows {
        let mut c = Cells::new("constants.csv", *l, r);
        let id = c.required("id")?;
        let value = c.num("value", 0)?;
        let description = c.required("description")?;
        writeln!(
            out,
            "/// {description}\npub const {}: Constant = Constant {{ id: {id:?}, value: {}, unit: {}, description: {description:?}, sources: {}, ranges: {} }};",
            id.to_uppercase(),
            value.lit,
            c.required_str("unit")?,
            c.sources("sources", ids)?,
            c.ranges_lit(),
        )
        .ok();
        names.push(id.to_uppercase());
    }
    writeln!(
        out,
        "/// All constants, for listing.\npub static CONSTANTS: &[Constant] = &[{}];",
        names.join(", ")
    )
    .ok();
    Ok(())
}
