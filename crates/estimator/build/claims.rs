//! The press claims (`data/claims.csv`, compiled into `catalog::CLAIMS`) and the published
//! Megatron-LM runs the performance model is calibrated against
//! (`data/validation/mfu-calibration.csv`, compiled into `perf::calibration::ROWS`).

use std::collections::HashSet;
use std::fmt::Write as _;

use crate::cells::{Cells, Row};

type Rows = [(usize, Row)];

const VERDICTS: [&str; 6] = [
    "plausible",
    "optimistic",
    "impossible",
    "accurate",
    "misleading",
    "wrong",
];

/// Claims and published runs state single figures: no `central [low..high]` cells.
fn no_ranges(c: &Cells) -> Result<(), String> {
    if c.ranges.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} line {}: this file takes single numbers, not `central [low..high]`",
            c.file, c.line
        ))
    }
}

pub fn claims(
    out: &mut String,
    rows: &Rows,
    ids: &HashSet<String>,
    chips: &HashSet<String>,
    models: &HashSet<String>,
) -> Result<(), String> {
    out.push_str(
        "/// Claims from the press, checked as built-in cases.\npub static CLAIMS: &[BuiltinClaim] = &[\n",
    );
    for (l, r) in rows {
        let mut c = Cells::new("claims.csv", *l, r);
        let hw = c.required("hardware")?;
        if !chips.contains(hw) {
            return Err(format!(
                "{}: `{hw}` is not in accelerators.csv",
                c.at("hardware")
            ));
        }
        let unit = match c.required("count_unit")? {
            "chip" => "CountUnit::Chip",
            "package" => "CountUnit::Package",
            "rack" => "CountUnit::Rack",
            other => {
                return Err(format!(
                    "{}: `{other}` must be chip, package or rack",
                    c.at("count_unit")
                ))
            }
        };
        let precision = match c.get("precision")? {
            "" => "None",
            "fp64" => "Some(Precision::Fp64)",
            "tf32" => "Some(Precision::Tf32)",
            "bf16" => "Some(Precision::Bf16)",
            "fp16" => "Some(Precision::Fp16)",
            "fp8" => "Some(Precision::Fp8)",
            "fp4" => "Some(Precision::Fp4)",
            other => {
                return Err(format!(
                    "{}: `{other}` must be fp64, tf32, bf16, fp16, fp8 or fp4",
                    c.at("precision")
                ))
            }
        };
        let workload = c.get("workload")?;
        if !workload.is_empty() && !models.contains(workload) {
            return Err(format!(
                "{}: `{workload}` is not in models.csv",
                c.at("workload")
            ));
        }
        let verdict = c.required("expected_verdict")?;
        if !VERDICTS.contains(&verdict) {
            return Err(format!(
                "{}: `{verdict}` is not a verdict ({})",
                c.at("expected_verdict"),
                VERDICTS.join(", ")
            ));
        }
        let fields = [
            format!("id: {}", c.required_str("id")?),
            format!("title_en: {}", c.required_str("title_en")?),
            format!("title_fr: {}", c.required_str("title_fr")?),
            format!("workload: {}", c.opt_str("workload")?),
            format!("duration_days: {}", c.opt_num_lit("duration_days", 0)?),
            format!("count: {}", c.num("count", 0)?.lit),
            format!("count_unit: {unit}"),
            format!("hardware: {hw:?}"),
            format!("precision: {precision}"),
            format!(
                "quoted_peak_flop_per_s: {}",
                c.opt_num_lit("quoted_peak_flop_per_s", 0)?
            ),
            format!("site_power_w: {}", c.opt_num_lit("site_power_w", 0)?),
            format!("budget_usd: {}", c.opt_num_lit("budget_usd", 0)?),
            format!("expected_verdict: {verdict:?}"),
            format!("sources: {}", c.sources("sources", ids)?),
        ];
        no_ranges(&c)?;
        writeln!(out, "    BuiltinClaim {{ {} }},", fields.join(", ")).ok();
    }
    out.push_str("];\n");
    Ok(())
}

pub fn calibration(out: &mut String, rows: &Rows) -> Result<(), String> {
    let whole = |c: &Cells, col: &str| -> Result<String, String> {
        Ok(match c.opt_whole(col)? {
            Some(n) => format!("Some({n})"),
            None => "None".into(),
        })
    };
    let req = |c: &Cells, col: &str| -> Result<u32, String> {
        c.opt_whole(col)?
            .ok_or_else(|| format!("{}: is empty", c.at(col)))
    };
    out.push_str(
        "/// The published runs of `data/validation/mfu-calibration.csv`.\npub static ROWS: &[Published] = &[\n",
    );
    for (l, r) in rows {
        let mut c = Cells::new("validation/mfu-calibration.csv", *l, r);
        let fields = [
            format!("source: {}", c.required_str("source")?),
            format!("model: {}", c.required_str("model")?),
            format!("layers: {}", req(&c, "layers")?),
            format!("hidden: {}", req(&c, "hidden")?),
            format!("heads: {}", whole(&c, "heads")?),
            format!("seq_len: {}", req(&c, "seq_len")?),
            format!("global_batch: {}", req(&c, "global_batch")?),
            format!("gpus: {}", req(&c, "gpus")?),
            format!("gpu_type: {}", c.required_str("gpu_type")?),
            format!("tp: {}", req(&c, "tp")?),
            format!("pp: {}", req(&c, "pp")?),
            format!("dp: {}", req(&c, "dp")?),
            format!("recompute: {}", c.opt_str("recompute")?),
            format!(
                "achieved_tflops_per_gpu: {}",
                c.num("achieved_tflops_per_gpu", 0)?.lit
            ),
            format!("mfu: {}", c.opt_num_lit("mfu", 0)?),
            format!("hfu: {}", c.opt_num_lit("hfu", 0)?),
            format!("notes: {}", c.str_lit("notes")?),
        ];
        no_ranges(&c)?;
        writeln!(out, "    Published {{ {} }},", fields.join(", ")).ok();
    }
    out.push_str("];\n");
    Ok(())
}
