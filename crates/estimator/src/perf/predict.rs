//! One layout → one prediction: iteration time, MFU, HFU, throughput, memory.
//!
//! **MFU** (model FLOPs utilization) = model FLOPs per iteration / (iteration time × GPUs ×
//! dense peak); **HFU** (hardware FLOPs utilization) counts the recomputed FLOPs too (see
//! [`super::model`] for the formula).

use serde::Serialize;

use crate::error::Error;

use super::fitted;
use super::layout::{self, Execution, Layout, Recompute, Resolved};
use super::memory::{self, Memory};
use super::model::ModelShape;
use super::prepared::Prepared;
use super::system::System;
use super::time::{self, TimeBreakdown};

/// What a layout achieves.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Prediction {
    /// The layout, with `dp` filled in.
    pub layout: Layout,
    /// Micro-batches per pipeline per iteration.
    pub microbatches: u32,
    /// Seconds per optimizer step.
    pub iteration_s: f64,
    /// Tokens per second over the whole cluster.
    pub tokens_per_s: f64,
    /// Model FLOPs utilization.
    pub mfu: f64,
    /// The MFU published runs reached, 10th percentile, when the model predicted `mfu`: the
    /// low end of the prediction's range (from the held-out errors, `docs/calibration.md`).
    pub mfu_low: f64,
    /// The 90th percentile: the high end of the range.
    pub mfu_high: f64,
    /// Hardware FLOPs utilization (recomputation counted).
    pub hfu: f64,
    /// Model FLOP/s per GPU (what MFU divides by the peak).
    pub achieved_flop_per_s_per_gpu: f64,
    /// Hardware FLOP/s per GPU (what HFU divides by the peak).
    pub hardware_flop_per_s_per_gpu: f64,
    /// Dense peak per GPU at the precision used.
    pub peak_flop_per_s_per_gpu: f64,
    /// Model FLOPs per iteration.
    pub model_flop_per_iteration: f64,
    /// Hardware FLOPs per iteration.
    pub hardware_flop_per_iteration: f64,
    /// All parameters of the model.
    pub params: f64,
    /// Parameters active per token.
    pub active_params: f64,
    /// Where the time goes.
    pub time: TimeBreakdown,
    /// Memory of the fullest GPU.
    pub memory: Memory,
    /// What the prediction assumed for lack of catalog figures (a default scale-out
    /// bandwidth, generic efficiency constants); absent when nothing was.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub notes: Vec<String>,
    /// What the prediction warns about: memory over HBM, with its breakdown (the layout is
    /// still predicted: memory models err, and runs the model thought too large have run).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub warnings: Vec<String>,
}

/// The light result a search ranks by.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Quick {
    pub iteration_s: f64,
}

/// FLOPs the hardware runs per token: the model's, plus the recomputed forward (the attention
/// core, or `share` of the layers whole).
pub(crate) fn hardware_flop_per_token(p: &Prepared, recompute: Recompute, share: f64) -> f64 {
    let c = &p.counts;
    c.model_flop_per_token
        + match recompute {
            Recompute::None => 0.0,
            Recompute::Selective => p.layers * c.attention_fwd_flop_per_token,
            Recompute::Full => share * p.layers * c.layer_fwd_flop_per_token,
        }
}

pub(crate) fn full(
    p: &Prepared,
    r: &Resolved,
    mem: Memory,
    notes: &[String],
    chip: &str,
) -> Prediction {
    let mut time = time::breakdown(p, r);
    time.allocator_s = time::allocator(p, r, &time, mem.fits);
    let iteration_s = time.total();
    let tokens = p.global_batch * p.seq;
    let model_flop = p.counts.model_flop_per_token * tokens;
    let share = r.recompute_share(memory::layers_per_gpu(p, r));
    let hw_flop = hardware_flop_per_token(p, r.layout.recompute, share) * tokens;
    let per_gpu = |f: f64| f / (iteration_s * p.gpus);
    Prediction {
        layout: r.layout,
        microbatches: r.microbatches,
        iteration_s,
        tokens_per_s: tokens / iteration_s,
        mfu: per_gpu(model_flop) / p.peak,
        mfu_low: fitted::range(per_gpu(model_flop) / p.peak, p.moe).0,
        mfu_high: fitted::range(per_gpu(model_flop) / p.peak, p.moe).1,
        hfu: per_gpu(hw_flop) / p.peak,
        achieved_flop_per_s_per_gpu: per_gpu(model_flop),
        hardware_flop_per_s_per_gpu: per_gpu(hw_flop),
        peak_flop_per_s_per_gpu: p.peak,
        model_flop_per_iteration: model_flop,
        hardware_flop_per_iteration: hw_flop,
        params: p.counts.params,
        active_params: p.counts.active_params,
        time,
        warnings: if mem.fits {
            Vec::new()
        } else {
            vec![over_hbm(&mem, chip)]
        },
        memory: mem,
        notes: notes.to_vec(),
    }
}

pub(crate) fn quick(p: &Prepared, r: &Resolved) -> Quick {
    Quick {
        iteration_s: time::breakdown(p, r).total(),
    }
}

const GIB: f64 = 1024.0 * 1024.0 * 1024.0;

/// Predicts a layout even when it does not fit in memory (`memory.fits` says so): what a page
/// shows as "memory against HBM".
///
/// # Errors
/// Invalid model, system, batch or precision (fields `model.…`, `hardware…`, `gpus`,
/// `global_batch`, `precision`), or a layout that breaks a rule (`layout.…`).
pub fn evaluate(
    model: &ModelShape,
    system: &System,
    exec: &Execution,
) -> Result<Prediction, Error> {
    let p = Prepared::new(model, system, &exec.training)?;
    layout::check_ranges(&exec.layout)?;
    layout::check_schedule(&exec.training.software, &exec.layout)?;
    let r = layout::check(model, system, exec.training.global_batch, &exec.layout).map_err(
        |reason| {
            layout::explain(
                reason,
                model,
                system,
                exec.training.global_batch,
                &exec.layout,
            )
        },
    )?;
    let mem = memory::memory(&p, &r);
    Ok(full(
        &p,
        &r,
        mem,
        &system.hardware.notes(),
        &system.hardware.name,
    ))
}

/// Predicts one layout: the same as [`evaluate`]. A layout over HBM is predicted all the same,
/// with `memory.fits` false and a warning in `warnings`; only [`super::search()`] skips layouts that
/// do not fit.
///
/// ```
/// use zettaflop_estimator::perf::{predict, Execution, Layout, PerfHardware, Recompute, System, Training};
/// let model = zettaflop_estimator::catalog::model("llama-3.1-405b").and_then(|m| m.arch).unwrap();
/// let system = System { hardware: PerfHardware::from_catalog("h100")?, gpus: 16_384 };
/// let layout = Layout {
///     tp: 8, pp: 16, dp: None, cp: 1, ep: 1, expert_tp: None, micro_batch: 1, interleave: 1,
///     recompute: Recompute::Full, recompute_layers: None, sequence_parallel: true,
///     distributed_optimizer: true, sharding: Default::default(),
/// };
/// let training = Training { global_batch: 2048, precision: Default::default(), software: Default::default() };
/// let p = predict(&model, &system, &Execution { training, layout })?;
/// assert!(p.memory.fits && p.warnings.is_empty() && p.mfu > 0.2 && p.mfu < 0.7);
/// # Ok::<(), zettaflop_estimator::Error>(())
/// ```
///
/// # Errors
/// As [`evaluate`].
pub fn predict(model: &ModelShape, system: &System, exec: &Execution) -> Result<Prediction, Error> {
    evaluate(model, system, exec)
}

/// The warning for a layout over HBM, with the fullest stage's breakdown.
pub(crate) fn over_hbm(m: &Memory, chip: &str) -> String {
    format!(
        "memory: needs {:.1} GiB per GPU but {chip} has only {:.1} GiB ({} stage: weights {:.1}, gradients {:.1}, optimizer {:.1}, activations {:.1}, reserved {:.1} GiB); it may not run as given: try recompute, more tp or pp, or more sharding",
        m.total_bytes / GIB,
        m.capacity_bytes / GIB,
        m.stage,
        m.weights_bytes / GIB,
        m.gradients_bytes / GIB,
        m.optimizer_bytes / GIB,
        m.activations_bytes / GIB,
        m.reserved_bytes / GIB,
    )
}
