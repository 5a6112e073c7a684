//! The held-out evaluation: the performance model against published runs it was never tuned on
//! (`data/validation/public-runs.csv`, one normalized row per measurement, made from the shared
//! `public-runs.csv` by `scripts/normalize-public-runs.py`).
//!
//! Each row becomes a [`Job`] and goes through [`Job::predict`], exactly as `zettaflop predict`
//! would: the row's layout when the source gives it (micro-batch included), else `"auto"` with the
//! parts the source gives pinned. A row is *answered* when the prediction comes back; memory over
//! HBM is a warning there, never a refusal. The error is predicted throughput / published − 1 (so
//! positive = the model is optimistic), in the row's own metric: tokens/s per GPU (from the
//! iteration time when that is what the source gives), hardware TFLOP/s per GPU, or MFU.

use serde::Serialize;

use crate::error::Error;
use crate::hardware::Precision;

use super::job::{IdOr, Job};
use super::layout::{Attention, Dispatcher, Layout, Recompute, Sharding, Software};
use super::model::{Mla, Mlp, ModelShape};
use super::search::Fixed;
use super::software::Schedule;

const CSV: &str = include_str!("../../data/validation/public-runs.csv");

/// One normalized published measurement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PublicRun {
    /// The measurement id (`meas=` in the shared file).
    pub meas: String,
    /// Source family: `llm-foundry`, `mlperf`, `dgxc`, `fms-fsdp`, `reports`.
    pub group: String,
    /// Model name.
    pub model: String,
    /// Shape fields, as in the file.
    pub shape: [u32; 7],
    /// MLP form id.
    pub mlp: String,
    /// GPUs.
    pub gpus: u32,
    /// Catalog hardware id.
    pub hardware: String,
    /// Precision id.
    pub precision: String,
    /// tp, pp, cp, ep, interleave (tp = pp = 0: not given).
    pub parallel: [u32; 5],
    /// `none`, `optimizer`, `gradients`, `full`.
    pub sharding: String,
    /// Micro-batch (0 = not given).
    pub micro_batch: u32,
    /// Global batch in sequences.
    pub global_batch: u32,
    /// `none`, `selective`, `full`.
    pub recompute: String,
    /// `iteration_s`, `tokens_per_s_per_gpu`, `tflops_per_gpu`, `mfu`.
    pub metric: String,
    /// The published value in that metric.
    pub value: f64,
    /// `ok`, or `out: <why the model does not describe this run>`.
    pub status: String,
    /// Expert tensor parallelism when the source states it (0 = not stated).
    pub expert_tp: u32,
}

/// Every row of the file.
pub fn runs() -> Vec<PublicRun> {
    CSV.lines().skip(1).filter_map(parse).collect()
}

fn parse(line: &str) -> Option<PublicRun> {
    let c: Vec<&str> = line.split(',').collect();
    if c.len() != 27 {
        return None;
    }
    let n = |i: usize| c[i].trim().parse::<u32>().unwrap_or(0);
    Some(PublicRun {
        meas: c[0].into(),
        group: c[1].into(),
        model: c[2].into(),
        shape: [n(3), n(4), n(5), n(6), n(7), n(8), n(9)],
        mlp: c[10].into(),
        gpus: n(11),
        hardware: c[12].into(),
        precision: c[13].into(),
        parallel: [n(14), n(15), n(16), n(17), n(18)],
        sharding: c[19].into(),
        micro_batch: n(20),
        global_batch: n(21),
        recompute: c[22].into(),
        metric: c[23].into(),
        value: c[24].trim().parse().unwrap_or(f64::NAN),
        status: c[25].into(),
        expert_tp: n(26),
    })
}

/// The 2022 runs, on Megatron-LM / DeepSpeed code from before sequence parallelism (Megatron-LM
/// added it in mid-2022) and before Megatron-Core's overlap options: no sequence parallelism,
/// and tensor-parallel all-reduces that wait (the one overlap switch is off; their
/// data-parallel traffic is a few percent of the step).
const NO_SP: [&str; 5] = ["bloom176b", "neox20b", "glm130b", "bloomberggpt", "pythia-"];
/// Among them, unfused attention: BLOOM, GPT-NeoX-20B and GLM-130B (the shared file's
/// `attention` column), and BloombergGPT, whose ALiBi no fused kernel of 2022 supported
/// (FlashAttention added ALiBi in its 2.4 release, 2023).
const OLD_SOFTWARE: [&str; 4] = ["bloom176b", "neox20b", "glm130b", "bloomberggpt"];
/// Runs with a fused attention kernel from before FlashAttention-2 (July 2023): Pythia
/// (2022–23, `attention-config` flash in its configs), StarCoderBase and Falcon-180B
/// (FlashAttention, trained in the first half of 2023), LLaMA (xformers' memory-efficient
/// attention, 2022–23).
const FLASH1: [&str; 5] = [
    "pythia-",
    "starcoderbase",
    "falcon180b",
    "llama1-",
    "llama65b",
];

fn software(r: &PublicRun) -> Software {
    let is = |list: &[&str]| list.iter().any(|p| r.meas.starts_with(p));
    let attention = if is(&OLD_SOFTWARE) {
        Attention::Unfused
    } else if is(&FLASH1) {
        Attention::Flash1
    } else if r.group == "llm-foundry" {
        Attention::Triton
    } else {
        Attention::Flash
    };
    Software {
        attention,
        comm_overlap: !is(&NO_SP),
        ..moe_software(&r.meas).unwrap_or_default()
    }
}

/// The mixture-of-experts runs whose sources say how their tokens moved, when that is not
/// Megatron-Core's default NCCL all-to-all:
/// - `mcore-dsv3-gb200-final`: the optimized run replaced the all-to-all dispatcher with
///   HybridEP (Megatron-LM `docs/discussions/deepseek-v3-gb200-optimization`);
/// - `dsv3`: DeepSeek's own kernels (DeepEP) and DualPipe, which runs one micro-batch's
///   dispatch and combine while another computes, with its own bubble
///   (arXiv:2412.19437 §3.2.1–3.2.2).
fn moe_software(meas: &str) -> Option<Software> {
    let (moe_dispatcher, moe_overlap, schedule) = match meas {
        "mcore-dsv3-gb200-final" => (Dispatcher::Fused, false, Schedule::OneFOneB),
        "dsv3" => (Dispatcher::Fused, true, Schedule::DualPipe),
        _ => return None,
    };
    Some(Software {
        moe_dispatcher,
        moe_overlap,
        schedule,
        ..Software::default()
    })
}

fn mlp(id: &str) -> Mlp {
    match id {
        "gelu" => Mlp::Gelu,
        "relu" => Mlp::Relu,
        "squared-relu" => Mlp::SquaredRelu,
        "geglu" => Mlp::Geglu,
        _ => Mlp::Swiglu,
    }
}

fn recompute(id: &str) -> Recompute {
    match id {
        "full" => Recompute::Full,
        "selective" => Recompute::Selective,
        _ => Recompute::None,
    }
}

/// Layers each GPU recomputes in the fms-fsdp runs that checkpoint only some of their blocks.
/// fms-fsdp's "selective" checkpointing recomputes a fraction p of the blocks whole (the
/// normalized rows say `full`); its README gives no p but gives MFU (the model's FLOPs) and HFU
/// (PyTorch's FLOP counter, recomputation included), so HFU/MFU − 1 is the recomputed forward
/// over the model's FLOPs, ≈ p/3 × 0.97 for these shapes (the output layer is not recomputed).
/// DERIVED, from two-digit figures:
/// - 13B on A100: 0.69/0.61 → p ≈ 0.40 (0.35–0.46 within the rounding) → 16 of 40 layers;
/// - 13B on H100: 0.46/0.43 → p ≈ 0.22 (0.14–0.29) → 9 of 40;
/// - 34B and 70B: 0.74/0.55 (A100), 0.49/0.38 and 0.47/0.38 (H100) → p ≈ 1: every layer (no
///   entry); 7B: MFU = HFU → none (the row says so).
fn recompute_layers(meas: &str) -> Option<u32> {
    match meas {
        "fms:13b:128" => Some(16),
        "fms:13b:96" => Some(9),
        _ => None,
    }
}

fn sharding(id: &str) -> Sharding {
    match id {
        "optimizer" => Sharding::Optimizer,
        "gradients" => Sharding::Gradients,
        "full" => Sharding::Full,
        _ => Sharding::None,
    }
}

/// The mixture-of-experts shape a row's columns cannot hold, from the model's paper or
/// open-weights config (`public-runs-sources.md`, "Mixture-of-experts shapes"): `model` with its
/// experts, shared experts, dense leading layers, attention and expert FFN filled in.
pub fn moe_shape(name: &str, mut model: ModelShape) -> ModelShape {
    if name.starts_with("DeepSeek-V3") {
        // arXiv:2412.19437 §4.2: 256 routed + 1 shared expert of 2048, 8 active, the first 3
        // layers dense (the row's ffn, 18432), MLA.
        model.dense_ffn = model.ffn;
        model.ffn = 2048;
        model.experts = 256;
        model.active_experts = 8;
        model.shared_experts = 1;
        model.dense_layers = 3;
        model.mla = Some(Mla::DEEPSEEK_V3);
    } else if name.starts_with("Grok-1") {
        // xai-org/grok-1 model.py / run.py: 8 experts, 2 active, gated GeLU; the expert FFN is
        // DERIVED from widening_factor 8: int(8 · 6144) · 2 / 3 = 32768.
        model.ffn = 32768;
        model.experts = 8;
        model.active_experts = 2;
    }
    model
}

/// The job `zettaflop predict` is asked for this row.
pub fn job(r: &PublicRun) -> Job {
    let [layers, hidden, heads, kv, ffn, vocab, seq] = r.shape;
    let [tp, pp, cp, ep, interleave] = r.parallel;
    let model = ModelShape {
        layers,
        hidden,
        heads,
        kv_heads: Some(kv),
        ffn,
        seq_len: seq,
        vocab,
        experts: 1,
        active_experts: 1,
        mlp: mlp(&r.mlp),
        tied_embeddings: false,
        shared_experts: 0,
        dense_layers: 0,
        dense_ffn: 0,
        mla: None,
    };
    let model = moe_shape(&r.model, model);
    let precision = match r.precision.as_str() {
        "fp8" => Precision::Fp8,
        "fp4" => Precision::Fp4,
        "fp16" => Precision::Fp16,
        _ => Precision::Bf16,
    };
    let sh = sharding(&r.sharding);
    // A source that gives tp and pp but no micro-batch: Megatron's default, 1.
    let micro_batch = if tp > 0 && r.micro_batch == 0 {
        1
    } else {
        r.micro_batch
    };
    let (layout, fixed) = if tp > 0 && micro_batch > 0 {
        let layout = Layout {
            tp,
            pp,
            dp: None,
            cp,
            ep,
            micro_batch,
            // A proxy run on one stage keeps its recipe's VP setting, which does nothing there.
            interleave: if pp > 1 { interleave } else { 1 },
            recompute: recompute(&r.recompute),
            recompute_layers: recompute_layers(&r.meas),
            expert_tp: (r.expert_tp > 0).then_some(r.expert_tp),
            sequence_parallel: tp > 1 && !NO_SP.iter().any(|p| r.meas.starts_with(p)),
            distributed_optimizer: false,
            sharding: sh,
        };
        (IdOr::Value(layout), None)
    } else {
        let fixed = Fixed {
            tp: (tp > 0).then_some(tp),
            pp: (pp > 0).then_some(pp),
            cp: Some(cp),
            ep: Some(ep),
            recompute: Some(recompute(&r.recompute)),
            sharding: Some(sh),
            ..Fixed::default()
        };
        (IdOr::Id("auto".into()), Some(fixed))
    };
    Job {
        model: IdOr::Value(model),
        hardware: IdOr::Id(r.hardware.clone()),
        gpus: r.gpus,
        global_batch: r.global_batch,
        precision,
        software: software(r),
        layout: Some(layout),
        fixed,
    }
}

/// One row, predicted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeldOut {
    /// The row.
    pub run: PublicRun,
    /// Published value, in the compared unit (tokens/s per GPU for time metrics).
    pub published: f64,
    /// Predicted value, same unit; `None` when the model did not answer.
    pub predicted: Option<f64>,
    /// predicted / published − 1.
    pub relative_error: Option<f64>,
    /// Why it did not answer, or the memory warning.
    pub note: String,
    /// The layout predicted, described.
    pub layout: String,
}

fn published(r: &PublicRun) -> f64 {
    match r.metric.as_str() {
        "iteration_s" => {
            f64::from(r.global_batch) * f64::from(r.shape[6]) / (r.value * f64::from(r.gpus))
        }
        _ => r.value,
    }
}

/// Predicts one row.
pub fn evaluate(r: &PublicRun) -> HeldOut {
    let published = published(r);
    let out = |predicted: Option<f64>, note: String, layout: String| HeldOut {
        run: r.clone(),
        published,
        predicted,
        relative_error: predicted.map(|p| p / published - 1.0),
        note,
        layout,
    };
    match job(r).predict() {
        Ok(p) => {
            let gpus = f64::from(r.gpus);
            let v = match r.metric.as_str() {
                "tflops_per_gpu" => p.hardware_flop_per_s_per_gpu / 1e12,
                "mfu" => 100.0 * p.mfu,
                _ => p.tokens_per_s / gpus,
            };
            let note = if p.memory.fits {
                String::new()
            } else {
                format!(
                    "memory {:.0} of {:.0} GiB",
                    p.memory.total_bytes / GIB,
                    p.memory.capacity_bytes / GIB
                )
            };
            out(Some(v), note, super::describe(&p.layout))
        }
        Err(e) => out(None, error_line(&e), String::new()),
    }
}

const GIB: f64 = 1024.0 * 1024.0 * 1024.0;

fn error_line(e: &Error) -> String {
    let s = e.to_string();
    s.chars().take(120).collect()
}

/// Every in-scope row, predicted.
pub fn evaluate_all() -> Vec<HeldOut> {
    runs()
        .iter()
        .filter(|r| r.status == "ok")
        .map(evaluate)
        .collect()
}

/// Answered rows, median and maximum absolute error, for one group (or all: `None`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct GroupSummary {
    /// Rows in scope.
    pub rows: usize,
    /// Rows answered.
    pub answered: usize,
    /// Median |error| over answered rows.
    pub median_abs_error: f64,
    /// Maximum |error| over answered rows.
    pub max_abs_error: f64,
    /// Median signed error (bias).
    pub median_error: f64,
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    match n {
        0 => 0.0,
        _ if n % 2 == 1 => v[n / 2],
        _ => 0.5 * (v[n / 2 - 1] + v[n / 2]),
    }
}

/// Summary over `rows` whose group is `group` (all rows for `None`).
pub fn summarize(rows: &[HeldOut], group: Option<&str>) -> GroupSummary {
    let sel: Vec<&HeldOut> = rows
        .iter()
        .filter(|r| group.is_none_or(|g| r.run.group == g))
        .collect();
    let errs: Vec<f64> = sel.iter().filter_map(|r| r.relative_error).collect();
    let abs: Vec<f64> = errs.iter().map(|e| e.abs()).collect();
    GroupSummary {
        rows: sel.len(),
        answered: errs.len(),
        median_abs_error: median(abs.clone()),
        max_abs_error: abs.iter().copied().fold(0.0, f64::max),
        median_error: median(errs),
    }
}

/// Whether a row's model is a mixture of experts.
pub fn is_moe(r: &PublicRun) -> bool {
    match job(r).model {
        IdOr::Value(m) => m.experts > 1,
        IdOr::Id(_) => false,
    }
}

/// The `q`-quantile (0–1) of the signed errors of the answered rows.
pub fn error_quantile(rows: &[HeldOut], q: f64) -> f64 {
    quantile(rows.iter().filter_map(|r| r.relative_error).collect(), q)
}

/// The same over the rows whose model is (`moe` true) or is not a mixture of experts: the
/// range a prediction carries comes from the rows of its kind.
pub fn error_quantile_of(rows: &[HeldOut], q: f64, moe: bool) -> f64 {
    quantile(
        rows.iter()
            .filter(|r| is_moe(&r.run) == moe)
            .filter_map(|r| r.relative_error)
            .collect(),
        q,
    )
}

fn quantile(mut e: Vec<f64>, q: f64) -> f64 {
    e.sort_by(f64::total_cmp);
    if e.is_empty() {
        return 0.0;
    }
    let i = ((e.len() as f64 - 1.0) * q.clamp(0.0, 1.0)).round() as usize;
    e[i.min(e.len() - 1)]
}

/// The source groups, in the order the docs list them.
pub const GROUPS: [&str; 5] = ["llm-foundry", "mlperf", "dgxc", "fms-fsdp", "reports"];
