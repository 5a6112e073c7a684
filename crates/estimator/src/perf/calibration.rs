//! The calibration: the performance model against published Megatron-LM runs
//! (`data/validation/mfu-calibration.csv`), row by row.
//!
//! Each row gives the shape (layers, hidden, heads, sequence), the batch, the GPUs and the
//! tensor / pipeline / data-parallel sizes. What the rows leave out is set per *software era*,
//! from what the sources say, never per row:
//!
//! | | Megatron-LM 2021 (A100 rows) | Megatron-Core r0.8 2024 (H100 rows) |
//! |---|---|---|
//! | hardware | `a100` (Selene DGX A100: 8 × 200 Gb/s HDR per node) | `h100` |
//! | precision | fp16 (same 312 TFLOP/s peak as bf16) | bf16 |
//! | vocabulary | 51,200 (notes) | 131,072 (notes) |
//! | MLP | GeLU, ffn = 4·hidden; multi-head attention | same |
//! | attention | unfused (FlashAttention dates from 2022) | fused (`flash`) |
//! | communication overlap | off | on ("DP/TP/PP comm overlap on") |
//! | sequence parallelism, distributed optimizer | off (both from 2022) | searched |
//! | recompute | full (rows) | searched (not stated) |
//! | interleaved pipeline | searched; 1 for the January 2021 table ("older software": the schedule came with the April 2021 release and the SC21 paper) | searched |
//! | compared | HFU: the published "% of peak" counts the recomputed forward | MFU |
//!
//! Micro-batch and interleave, which no row gives, are searched: the prediction is the best
//! layout the model finds with the row's tp, pp and dp fixed, as a tuned published run would be.
//! Heads missing (GPT 310B) are taken as hidden / 128.

use serde::Serialize;

use crate::error::Error;
use crate::hardware::Precision;

use super::layout::{Attention, Layout, Recompute, Software, Training};
use super::model::{Mlp, ModelShape};
use super::search::{search, Fixed};
use super::system::{PerfHardware, System};

/// A published run, as in the CSV.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Published {
    /// Where it was read.
    pub source: &'static str,
    /// Model name.
    pub model: &'static str,
    /// Layers.
    pub layers: u32,
    /// Hidden size.
    pub hidden: u32,
    /// Heads, if given.
    pub heads: Option<u32>,
    /// Sequence length.
    pub seq_len: u32,
    /// Global batch (sequences).
    pub global_batch: u32,
    /// GPUs.
    pub gpus: u32,
    /// GPU as written.
    pub gpu_type: &'static str,
    /// Tensor-parallel size.
    pub tp: u32,
    /// Pipeline-parallel size.
    pub pp: u32,
    /// Data-parallel size.
    pub dp: u32,
    /// Recompute, if given.
    pub recompute: Option<&'static str>,
    /// Published TFLOP/s per GPU.
    pub achieved_tflops_per_gpu: f64,
    /// Published MFU, if that is what the row reports.
    pub mfu: Option<f64>,
    /// Published HFU, if that is what the row reports.
    pub hfu: Option<f64>,
    /// Notes.
    pub notes: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/calibration_data.rs"));

/// Which utilization a row reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Metric {
    /// Model FLOPs utilization.
    Mfu,
    /// Hardware FLOPs utilization (recomputation counted).
    Hfu,
}

/// One row of the calibration table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Compared {
    /// Source of the row.
    pub source: &'static str,
    /// Model name.
    pub model: &'static str,
    /// GPUs.
    pub gpus: u32,
    /// What is compared.
    pub metric: Metric,
    /// Published TFLOP/s per GPU (in the row's metric).
    pub published_tflops: f64,
    /// Predicted TFLOP/s per GPU (same metric).
    pub predicted_tflops: f64,
    /// Published utilization.
    pub published_utilization: f64,
    /// Predicted utilization.
    pub predicted_utilization: f64,
    /// predicted / published − 1.
    pub relative_error: f64,
    /// The layout predicted (row's tp, pp, dp; the rest searched).
    pub layout: Layout,
}

/// Median and maximum absolute relative error.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Summary {
    /// Rows compared.
    pub rows: usize,
    /// Median of |predicted / published − 1|.
    pub median_abs_error: f64,
    /// Maximum of |predicted / published − 1|.
    pub max_abs_error: f64,
}

/// The settings a row's software era implies (see the module docs).
struct Era {
    hardware: &'static str,
    precision: Precision,
    vocab: u32,
    software: Software,
    metric: Metric,
    searched_extras: bool,
    interleave: Option<u32>,
}

fn era(p: &Published) -> Era {
    if p.gpu_type.starts_with("A100") {
        Era {
            hardware: "a100",
            precision: Precision::Fp16,
            vocab: 51_200,
            software: Software {
                attention: Attention::Unfused,
                comm_overlap: false,
                ..Software::default()
            },
            metric: Metric::Hfu,
            searched_extras: false,
            interleave: if p.source.starts_with("megatron_readme_2021-01") {
                Some(1)
            } else {
                None
            },
        }
    } else {
        Era {
            hardware: "h100",
            precision: Precision::Bf16,
            vocab: 131_072,
            software: Software {
                attention: Attention::Flash,
                comm_overlap: true,
                ..Software::default()
            },
            metric: Metric::Mfu,
            searched_extras: true,
            interleave: None,
        }
    }
}

fn recompute(s: Option<&str>) -> Option<Recompute> {
    match s {
        Some("full") => Some(Recompute::Full),
        Some("selective") => Some(Recompute::Selective),
        Some("none") => Some(Recompute::None),
        _ => None,
    }
}

/// Predicts one published row.
///
/// # Errors
/// A row the model cannot place (e.g. no micro-batch fits): the search's error.
pub fn compare(p: &Published) -> Result<Compared, Error> {
    let e = era(p);
    let heads = p.heads.unwrap_or(p.hidden / 128);
    let model = ModelShape {
        layers: p.layers,
        hidden: p.hidden,
        heads,
        kv_heads: None,
        ffn: 4 * p.hidden,
        seq_len: p.seq_len,
        vocab: e.vocab,
        experts: 1,
        active_experts: 1,
        mlp: Mlp::Gelu,
        tied_embeddings: false,
        shared_experts: 0,
        dense_layers: 0,
        dense_ffn: 0,
        mla: None,
    };
    let system = System {
        hardware: PerfHardware::from_catalog(e.hardware)?,
        gpus: p.gpus,
    };
    let training = Training {
        global_batch: p.global_batch,
        precision: e.precision,
        software: e.software,
    };
    let fixed = Fixed {
        tp: Some(p.tp),
        pp: Some(p.pp),
        dp: Some(p.dp),
        cp: Some(1),
        ep: Some(1),
        recompute: recompute(p.recompute),
        interleave: e.interleave,
        micro_batch: None,
        sequence_parallel: if e.searched_extras { None } else { Some(false) },
        distributed_optimizer: if e.searched_extras { None } else { Some(false) },
        sharding: if e.searched_extras {
            None
        } else {
            Some(super::Sharding::None)
        },
    };
    let best = search(&model, &system, &training, &fixed, 0)?.best;
    let (predicted, published_util) = match e.metric {
        Metric::Mfu => (best.achieved_flop_per_s_per_gpu, p.mfu),
        Metric::Hfu => (best.hardware_flop_per_s_per_gpu, p.hfu),
    };
    let published = p.achieved_tflops_per_gpu * 1e12;
    Ok(Compared {
        source: p.source,
        model: p.model,
        gpus: p.gpus,
        metric: e.metric,
        published_tflops: p.achieved_tflops_per_gpu,
        predicted_tflops: predicted / 1e12,
        published_utilization: published_util.unwrap_or(published / best.peak_flop_per_s_per_gpu),
        predicted_utilization: predicted / best.peak_flop_per_s_per_gpu,
        relative_error: predicted / published - 1.0,
        layout: best.layout,
    })
}

/// Every row.
///
/// # Errors
/// The first row that cannot be predicted.
pub fn compare_all() -> Result<Vec<Compared>, Error> {
    ROWS.iter().map(compare).collect()
}

/// Median and maximum absolute error.
pub fn summary(rows: &[Compared]) -> Summary {
    let mut e: Vec<f64> = rows.iter().map(|r| r.relative_error.abs()).collect();
    e.sort_by(f64::total_cmp);
    let n = e.len();
    let median = match n {
        0 => 0.0,
        _ if n % 2 == 1 => e[n / 2],
        _ => 0.5 * (e[n / 2 - 1] + e[n / 2]),
    };
    Summary {
        rows: n,
        median_abs_error: median,
        max_abs_error: e.last().copied().unwrap_or(0.0),
    }
}

fn short_source(s: &str) -> &str {
    s.split(' ').next().unwrap_or(s)
}

/// The table as markdown, followed by the held-out section ([`super::report`]): what
/// `docs/calibration.md` holds.
pub fn markdown(rows: &[Compared]) -> String {
    let s = summary(rows);
    let mut out = String::from(
        "# Calibration: predicted vs published Megatron-LM runs\n\n\
         Generated by `cargo run -p zettaflop-cli -- calibrate` from \
         `crates/estimator/data/validation/mfu-calibration.csv` (the Megatron-LM table, one family \
         of the fit) and `public-runs.csv` (held out, below); `crates/estimator/tests/calibration.rs` \
         fails unless the table's median absolute error is ≤ 4 % and the maximum ≤ 25 %. How each row \
         is set up (software era, what is searched) is documented in \
         `crates/estimator/src/perf/calibration.rs`; the model in `docs/performance-model.md`.\n\n",
    );
    out += &format!(
        "**{} rows: median absolute error {:.1} %, maximum {:.1} %.**\n\n",
        s.rows,
        100.0 * s.median_abs_error,
        100.0 * s.max_abs_error
    );
    out += "| source | model | GPUs | metric | published TFLOP/s | predicted TFLOP/s | published util. | predicted util. | error | predicted layout |\n";
    out += "|---|---|---|---|---|---|---|---|---|---|\n";
    for r in rows {
        out += &format!(
            "| {} | {} | {} | {} | {:.1} | {:.1} | {:.1} % | {:.1} % | {:+.1} % | {} |\n",
            short_source(r.source),
            r.model,
            r.gpus,
            match r.metric {
                Metric::Mfu => "MFU",
                Metric::Hfu => "HFU",
            },
            r.published_tflops,
            r.predicted_tflops,
            100.0 * r.published_utilization,
            100.0 * r.predicted_utilization,
            100.0 * r.relative_error,
            super::describe(&r.layout)
        );
    }
    out += &super::report::markdown();
    out
}
