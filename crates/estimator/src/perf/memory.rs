//! Memory per GPU: weights, gradients, optimizer states, activations, and whether they fit.
//!
//! - Weights 2 bytes per parameter (BF16), gradients 4 (Megatron-LM's FP32 main gradients),
//!   Adam states 12 (FP32 master copy, first and second moments): 18 bytes per parameter.
//!   The layout's [`Sharding`] divides them over the data-parallel group: ZeRO-1 (the
//!   distributed optimizer) the 12, ZeRO-2 the 4 too, ZeRO-3 / FSDP the 2 too, plus two layers
//!   of weights gathered whole (the one computing and the one prefetched).
//! - Activations per layer and micro-batch follow Korthikanti et al. 2022 ("Reducing Activation
//!   Recomputation in Large Transformer Models"), generalized to grouped-query attention, gated
//!   MLPs, experts and context parallelism, without dropout masks (today's pre-training uses no
//!   dropout); in FP8 the matmul inputs are kept in one byte (Transformer Engine). With fused attention the s × s scores are never stored (only the output and the
//!   softmax statistics); unfused attention stores 5·heads·s bytes per token (scores, softmax,
//!   dropout), which selective recomputation drops. Full recomputation keeps only each layer's
//!   input. The first pipeline stage holds the activations of min(micro-batches, pp) micro-batches
//!   in flight, × (1 + (pp−1)/(pp·interleave)) with interleaving; the last stage holds one, plus
//!   the FP32 logits.
//! - A reserve of 2 GiB + 5 % of HBM for the CUDA context, NCCL buffers and allocator
//!   fragmentation.

use serde::Serialize;

use super::layout::{Attention, Recompute, Resolved, Sharding};
use super::prepared::Prepared;
use super::software::Schedule;

/// Fixed part of the reserve (bytes).
pub const RESERVE_FIXED_BYTES: f64 = 2.0 * 1024.0 * 1024.0 * 1024.0;
/// Part of the reserve proportional to HBM.
pub const RESERVE_FRACTION: f64 = 0.05;

/// Memory of the fullest GPU.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Memory {
    /// Which pipeline stage is fullest: `first` or `last` (`only` without a pipeline).
    pub stage: &'static str,
    /// Parameters held by that GPU.
    pub params: f64,
    /// BF16 weights.
    pub weights_bytes: f64,
    /// FP32 gradients.
    pub gradients_bytes: f64,
    /// Adam states and FP32 master weights.
    pub optimizer_bytes: f64,
    /// Activations stored for the backward pass, plus the working set of one layer.
    pub activations_bytes: f64,
    /// CUDA context, communication buffers, fragmentation.
    pub reserved_bytes: f64,
    /// Sum of the above.
    pub total_bytes: f64,
    /// HBM of the GPU.
    pub capacity_bytes: f64,
    /// total ≤ capacity.
    pub fits: bool,
}

/// Parameters held by one GPU of the stage with the most layers: (dense, expert), plus the
/// embedding (first stage) and the output layer (last stage) shares.
pub(crate) struct StageParams {
    pub dense: f64,
    pub expert: f64,
    pub embedding: f64,
    pub output: f64,
}

/// Layers on the busiest GPU: ⌈layers / (pp · interleave)⌉ per virtual stage × interleave.
pub(crate) fn layers_per_gpu(p: &Prepared, r: &Resolved) -> f64 {
    let chunks = f64::from(r.layout.pp) * f64::from(r.layout.interleave);
    (p.layers / chunks).ceil() * f64::from(r.layout.interleave)
}

pub(crate) fn stage_params(p: &Prepared, r: &Resolved) -> StageParams {
    let t = f64::from(r.layout.tp);
    let ep = f64::from(r.layout.ep);
    let etp = r.experts().etp;
    let ls = layers_per_gpu(p, r);
    let (n_moe, n_dense) = p.stage_mix(ls);
    let attn = match p.mla {
        // The down-projections are replicated over tp (Megatron-Core's MLA).
        Some(_) => p.attn_params.0 + p.attn_params.1 / t,
        None => {
            // K and V are replicated when tp exceeds the kv heads.
            let hkv = p.hkv * (t / p.kv_heads).max(1.0);
            (p.h * (p.h + 2.0 * hkv) + p.h * p.h) / t
        }
    };
    let router = if p.moe { p.h * p.experts } else { 0.0 };
    let shared = p.shared * p.mlp_mats * p.h * p.ffn / t;
    let dense_layer = attn + 2.0 * p.h + router + shared;
    let expert_layer = p.experts * p.mlp_mats * p.h * p.ffn / (etp * ep);
    let dense_mlp = p.mlp_mats * p.h * p.dense_ffn / t;
    StageParams {
        dense: n_moe * dense_layer + n_dense * (attn + 2.0 * p.h + dense_mlp),
        expert: n_moe * expert_layer,
        embedding: p.vocab * p.h / t,
        output: p.vocab * p.h / t,
    }
}

/// Bytes of activations one layer keeps for one micro-batch on one GPU.
///
/// Per token, with g the bytes of a kept matmul input (2, or 1 in FP8): the two norm inputs (2h
/// each) and outputs (the QKV and MLP inputs, g·h each), replicated over tp without sequence
/// parallelism; Q, K, V (2 bytes each); the attention output (2h, also the output projection's
/// input); the MLP's first output (2·f, or 2·2f gated) and its activated output (the second
/// matmul's input, g·f); the scores when the attention is unfused; the experts' dispatch copy.
fn layer_activations(p: &Prepared, r: &Resolved, recompute: Recompute) -> f64 {
    let l = &r.layout;
    let t = f64::from(l.tp);
    let tokens = f64::from(l.micro_batch) * p.seq / f64::from(l.cp);
    let rep = if l.sequence_parallel { 1.0 / t } else { 1.0 };
    let th = tokens * p.h;
    if recompute == Recompute::Full {
        return 2.0 * th * rep;
    }
    let g = p.gemm_input_bytes;
    let hkv = p.hkv * (t / p.kv_heads).max(1.0);
    let norms = 2.0 * (2.0 + g) * th * rep;
    let (qkv, out) = match &p.mla {
        // Q, K (n·qk each) and V (n·v) after the up-projections, the attention output (n·v),
        // and the latents the up-projections read (d′c and dc, with their norms' inputs).
        Some(m) => {
            let n = p.heads;
            let v = f64::from(m.v_head_dim);
            let latent = f64::from(m.q_lora_rank) + f64::from(m.kv_lora_rank);
            let up = 2.0 * tokens * n * (2.0 * m.qk_head_dim() + v) / t;
            (up + (2.0 + g) * tokens * latent, 2.0 * tokens * n * v / t)
        }
        None => (2.0 * tokens * (p.h + 2.0 * hkv) / t, 2.0 * th / t),
    };
    let scores = match (p.attention, recompute) {
        (Attention::Flash | Attention::Flash1 | Attention::Triton, _) => 4.0 * tokens * p.heads / t,
        (Attention::Unfused, Recompute::None) => 5.0 * p.heads * tokens * p.seq / t,
        (Attention::Unfused, _) => 0.0,
    };
    let first = if p.mlp_mats > 2.5 { 4.0 } else { 2.0 };
    let mlp = (first + g) * tokens * p.ffn * (p.active + p.shared) / t;
    let dispatch = if p.moe { 2.0 * th * p.active / t } else { 0.0 };
    norms + qkv + out + scores + mlp + dispatch
}

/// Bytes per parameter held for (weights, gradients, optimizer) under a sharding over `n`
/// data-parallel ranks: 2 + 4 + 12 unsharded; ZeRO-1 divides the 12, ZeRO-2 the 4 too, ZeRO-3
/// the 2 too.
pub(crate) fn bytes_per_param(s: Sharding, n: f64, grad: f64) -> (f64, f64, f64) {
    let n = n.max(1.0);
    match s {
        Sharding::None => (2.0, grad, 12.0),
        Sharding::Optimizer => (2.0, grad, 12.0 / n),
        Sharding::Gradients => (2.0, grad / n, 12.0 / n),
        Sharding::Full => (2.0 / n, grad / n, 12.0 / n),
    }
}

/// Micro-batches whose activations the first stage holds at its fullest: min(m, pp) with 1F1B
/// (stage i keeps pp − i), × (1 + (pp−1)/(pp·v)) with v interleaved chunks (Narayanan et al.
/// 2021, Korthikanti et al. 2022), 1 without a pipeline.
pub(crate) fn in_flight(r: &Resolved) -> f64 {
    let l = &r.layout;
    if l.pp == 1 {
        return 1.0;
    }
    let pp = f64::from(l.pp);
    let v = f64::from(l.interleave);
    let base = f64::from(r.microbatches).min(pp);
    if l.interleave > 1 {
        base * (1.0 + (pp - 1.0) / (pp * v))
    } else {
        base
    }
}

pub(crate) fn memory(p: &Prepared, r: &Resolved) -> Memory {
    let l = &r.layout;
    let dp = f64::from(r.dp);
    let edp = r.experts().edp;
    let t = f64::from(l.tp);
    let sp = stage_params(p, r);
    let ls = layers_per_gpu(p, r);
    let tokens = f64::from(l.micro_batch) * p.seq / f64::from(l.cp);
    let rep = if l.sequence_parallel { 1.0 / t } else { 1.0 };
    let sharding = l.effective_sharding();
    let grad = 4.0;

    let (n_moe, n_dense) = p.stage_mix(ls);
    let pd = p.dense_layer();
    // With `recompute_layers`, the share of layers recomputed keeps only its inputs.
    let share = r.recompute_share(ls);
    let stored = |q: &Prepared| {
        if l.recompute == Recompute::Full && share < 1.0 {
            share * layer_activations(q, r, Recompute::Full)
                + (1.0 - share) * layer_activations(q, r, Recompute::None)
        } else {
            layer_activations(q, r, l.recompute)
        }
    };
    let stored_stage = n_moe * stored(p) + n_dense * stored(&pd);
    let working = layer_activations(p, r, Recompute::None).max(if n_dense > 0.0 {
        layer_activations(&pd, r, Recompute::None)
    } else {
        0.0
    });
    let logits = 4.0 * tokens * p.vocab / t;
    let embed_out = 2.0 * tokens * p.h * rep;
    let inflight = in_flight(r);

    // ZeRO-3 gathers one layer's weights at a time and prefetches the next: two layers whole.
    let gathered = if sharding == Sharding::Full {
        2.0 * 2.0 * (sp.dense + sp.expert) / ls.max(1.0)
    } else {
        0.0
    };
    let states = |dense: f64, expert: f64| {
        let (wd, gd, od) = bytes_per_param(sharding, dp, grad);
        let (we, ge, oe) = bytes_per_param(sharding, edp, grad);
        (
            dense + expert,
            wd * dense + we * expert + gathered,
            gd * dense + ge * expert,
            od * dense + oe * expert,
        )
    };
    let output_here = if l.pp == 1 && p.tied { 0.0 } else { sp.output };
    let (first, last) = if l.pp > 1 && p.schedule == Schedule::DualPipe {
        // Each GPU holds two stages, i and pp − 1 − i (two copies of the parameters: the first
        // GPU has the embedding and the output), and pp + 1 micro-batches of activations
        // (arXiv:2412.19437, Table 2).
        let s = states(2.0 * sp.dense + sp.embedding + sp.output, 2.0 * sp.expert);
        let held = f64::from(l.pp) + 1.0;
        let act = (stored_stage + embed_out) * held + working + logits;
        ((s, act, "first"), (s, act, "first"))
    } else if l.pp == 1 {
        let s = states(sp.dense + sp.embedding + output_here, sp.expert);
        let act = stored_stage + working + logits + embed_out;
        ((s, act, "only"), (s, act, "only"))
    } else {
        let s1 = states(sp.dense + sp.embedding, sp.expert);
        let a1 = stored_stage * inflight + embed_out * inflight + working;
        let s2 = states(sp.dense + output_here, sp.expert);
        let a2 = stored_stage + working + logits;
        ((s1, a1, "first"), (s2, a2, "last"))
    };
    let reserved = RESERVE_FIXED_BYTES + RESERVE_FRACTION * p.hbm_bytes;
    let build = |((params, w, g, o), act, stage): ((f64, f64, f64, f64), f64, &'static str)| {
        let total = w + g + o + act + reserved;
        Memory {
            stage,
            params,
            weights_bytes: w,
            gradients_bytes: g,
            optimizer_bytes: o,
            activations_bytes: act,
            reserved_bytes: reserved,
            total_bytes: total,
            capacity_bytes: p.hbm_bytes,
            fits: total <= p.hbm_bytes,
        }
    };
    let a = build(first);
    let b = build(last);
    if b.total_bytes > a.total_bytes {
        b
    } else {
        a
    }
}
