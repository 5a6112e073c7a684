//! Time of one training iteration, from first principles.
//!
//! One micro-batch on the busiest GPU (the last pipeline stage: ⌈layers/pp⌉ layers and the
//! output layer) costs, per layer:
//!
//! - **matmuls**: each M×K×N matmul takes 2·M·K·N / (peak · e) with the efficiency
//!   e = matmul_max · d/(d + matmul_half_dim), d = min(M, K, N), × the fitted `low_precision`
//!   share in FP8/FP4, or its bytes / HBM bandwidth if that is longer (roofline). Backward = 2 ×
//!   forward.
//! - **attention core**: Q·Kᵀ and A·V as matmuls of inner size the head dimension; a fused
//!   causal kernel computes half of the s × s (and its backward recomputes the scores: 2.5 ×
//!   forward), an unfused one the full square plus its softmax traffic through HBM; always at the
//!   BF16 peak; a Triton kernel at a fitted share of the fused speed.
//! - **memory-bound kernels**: norms, residual adds, rotary (about 20·h bytes per token),
//!   the MLP activation (4·f or 6·f bytes per token), divided by tp where sharded; backward
//!   1.5 × forward ([`MEM_BACKWARD`]); at `hbm` × HBM bandwidth.
//! - **tensor-parallel collectives**: 2 all-reduces (or reduce-scatter + all-gather with
//!   sequence parallelism, same bytes) of the layer's activations forward, 2 backward, 2 more
//!   with full recomputation; ring cost at the achieved NVLink bandwidth (`comm.rs`);
//!   [`OVERLAP_HIDDEN`] of it hidden behind the matmuls when `comm_overlap` is on.
//! - **context parallelism**: a ring passes K and V (forward) and their gradients (backward)
//!   around the cp GPUs, overlapped with the attention core; only the excess shows.
//! - **expert parallelism**: 2 all-to-alls forward (dispatch, combine), 2 backward, of the
//!   routed tokens (`comm::all_to_all`: across nodes through each GPU's own NIC; inside the
//!   scale-up domain at the dispatcher's share of NVLink), not overlapped unless `moe_overlap`
//!   runs them behind another micro-batch's compute, and the permutations around them
//!   ([`PERMUTE_BYTES`]) as memory-bound time.
//! - **recomputation**: one more forward of the layer (full) or of the attention core
//!   (selective).
//!
//! The output layer (LM head) runs in BF16 whatever the recipe (Megatron-Core keeps it out of
//! FP8: it is a plain `ColumnParallelLinear`, not a Transformer Engine layer), and its loss costs
//! [`CROSS_ENTROPY_BYTES`] of HBM traffic per logit.
//!
//! The pipeline runs m micro-batches: m · t_mb, plus the bubble (pp−1)/interleave · t_mb and
//! the fill/drain transfers; stage-to-stage transfers are otherwise hidden when `comm_overlap`
//! is on. Data parallelism moves what the layout's sharding asks for (see `dp_comm` below) at the
//! achieved bandwidth of its group (`comm.rs`), partly hidden behind compute; a
//! synchronization term σ·√(2 ln N) of the compute waits for the slowest of N GPUs
//! (`docs/performance-model.md`). The optimizer step streams 30 bytes per parameter it owns
//! (FP32 gradient, master weight, two moments read and written, BF16 weight written) plus the
//! zeroing of the gradient buffer.

use crate::format::Locale;
use serde::Serialize;

use super::comm;
use super::layout::{Attention, Recompute, Resolved, Sharding};
use super::memory::{layers_per_gpu, stage_params};
use super::prepared::Prepared;
use super::software::{Schedule, FLASH1_SPEED};

/// Share of tensor-parallel communication that overlap hides behind the matmuls, when
/// `comm_overlap` is on (data-parallel overlap follows `comm.rs`). Not all: communication
/// kernels take SMs and HBM bandwidth from the compute they overlap.
pub const OVERLAP_HIDDEN: f64 = 0.5;

/// HBM bytes per logit (per vocabulary entry and token on one tensor-parallel rank) of the
/// output layer's loss, forward and backward: Megatron-Core's vocab-parallel cross-entropy
/// (`tensor_parallel/cross_entropy.py`) casts the BF16 logits to FP32 (read 2, write 4), takes
/// the max (read 4), subtracts it (read 4, write 4), exponentiates (read 4, write 4), sums (read
/// 4) and divides (read 4, write 4): 38 bytes forward; backward scales the kept softmax by the
/// loss gradient (read 4, write 4) and casts it to BF16 for the matmul (read 4, write 2): 14.
/// Over a 131k vocabulary this is several milliseconds per micro-batch.
pub const CROSS_ENTROPY_BYTES: f64 = 52.0;

/// HBM bytes per routed token and hidden unit of a mixture-of-experts layer's token shuffling,
/// forward: Megatron-Core's all-to-all dispatcher copies each of a token's k routed rows four
/// times (permute by expert before the dispatch, sort the received rows by local expert, unsort
/// them after the experts, unpermute and weight them after the combine), each a read and a
/// write of h BF16 values: 4 × (2 + 2) bytes.
pub const PERMUTE_BYTES: f64 = 16.0;

/// Backward bytes of the memory-bound kernels, relative to forward: a norm or activation reads
/// the input and the output gradient and writes the input gradient (3 passes for 2); a residual
/// add passes its gradient through.
pub const MEM_BACKWARD: f64 = 1.5;

/// Where the time of one iteration goes; the parts add up to `iteration_s`.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TimeBreakdown {
    /// Matmuls outside the attention core (projections, MLP or experts, output layer).
    pub matmul_s: f64,
    /// The attention core (scores and weighted sum).
    pub attention_s: f64,
    /// Memory-bound kernels (norms, activations, softmax, cross-entropy).
    pub memory_bound_s: f64,
    /// Exposed tensor-parallel collectives.
    pub tp_comm_s: f64,
    /// Exposed context-parallel ring transfers.
    pub cp_comm_s: f64,
    /// Expert-parallel all-to-alls.
    pub ep_comm_s: f64,
    /// Pipeline fill and drain.
    pub pipeline_bubble_s: f64,
    /// Exposed stage-to-stage transfers.
    pub pipeline_p2p_s: f64,
    /// Exposed data-parallel gradient and parameter communication.
    pub dp_comm_s: f64,
    /// Waiting for the slowest GPU: σ·√(2 ln N) of the compute, N GPUs.
    pub sync_s: f64,
    /// Optimizer step.
    pub optimizer_s: f64,
    /// Waiting on the memory allocator: a fully sharded layout predicted over HBM re-allocates
    /// each layer's gathered weights with no memory to cache them (the fitted `allocator_retry`
    /// share of the compute; 0 for a layout that fits).
    pub allocator_s: f64,
}

impl TimeBreakdown {
    /// The iteration time: the sum of the parts.
    pub fn total(&self) -> f64 {
        self.matmul_s
            + self.attention_s
            + self.memory_bound_s
            + self.tp_comm_s
            + self.cp_comm_s
            + self.ep_comm_s
            + self.pipeline_bubble_s
            + self.pipeline_p2p_s
            + self.dp_comm_s
            + self.sync_s
            + self.optimizer_s
            + self.allocator_s
    }

    /// The parts with their JSON names, for explanations.
    pub fn parts(&self) -> [(&'static str, f64); 12] {
        self.parts_in(Locale::En)
    }

    /// The parts with their names in `l`.
    pub fn parts_in(&self, l: Locale) -> [(&'static str, f64); 12] {
        if l == Locale::Fr {
            return [
                ("produits matriciels", self.matmul_s),
                ("attention", self.attention_s),
                ("noyaux limités par la mémoire", self.memory_bound_s),
                ("communication tenseur-parallèle", self.tp_comm_s),
                ("communication contexte-parallèle", self.cp_comm_s),
                ("communication entre experts", self.ep_comm_s),
                ("bulle du pipeline", self.pipeline_bubble_s),
                ("transferts du pipeline", self.pipeline_p2p_s),
                ("communication data-parallèle", self.dp_comm_s),
                ("attente du GPU le plus lent", self.sync_s),
                ("pas de l'optimiseur", self.optimizer_s),
                ("attente de l'allocateur de mémoire", self.allocator_s),
            ];
        }
        [
            ("matmul", self.matmul_s),
            ("attention", self.attention_s),
            ("memory-bound kernels", self.memory_bound_s),
            ("tensor-parallel communication", self.tp_comm_s),
            ("context-parallel communication", self.cp_comm_s),
            ("expert-parallel communication", self.ep_comm_s),
            ("pipeline bubble", self.pipeline_bubble_s),
            ("pipeline transfers", self.pipeline_p2p_s),
            ("data-parallel communication", self.dp_comm_s),
            ("waiting for the slowest GPU", self.sync_s),
            ("optimizer step", self.optimizer_s),
            ("waiting for the memory allocator", self.allocator_s),
        ]
    }
}

/// Time of an M×K×N matmul (FLOPs 2·M·K·N) in the run's format.
#[inline]
fn matmul(p: &Prepared, m: f64, k: f64, n: f64) -> f64 {
    matmul_in(p, m, k, n, p.low_precision)
}

/// Time of an M×K×N matmul that an FP8/FP4 recipe keeps in BF16: the output layer (LM head).
/// Megatron-Core builds it as a plain `ColumnParallelLinear`, not a Transformer Engine layer,
/// so no FP8 autocast reaches it (the embedding and the router stay in high precision too).
#[inline]
fn matmul_bf16(p: &Prepared, m: f64, k: f64, n: f64) -> f64 {
    matmul_in(p, m, k, n, false)
}

#[inline]
fn matmul_in(p: &Prepared, m: f64, k: f64, n: f64, low: bool) -> f64 {
    let d = m.min(k).min(n);
    let (lowp, peak) = if low {
        (p.fitted.low_precision, p.matmul_peak)
    } else if p.low_precision {
        (1.0, p.peak_bf16)
    } else {
        (1.0, p.matmul_peak)
    };
    let e = lowp * p.eff.matmul_max * d / (d + p.eff.matmul_half_dim);
    let compute = 2.0 * m * k * n / (peak * e);
    let bytes = 2.0 * (m * k + k * n + m * n);
    compute.max(bytes / (p.hbm_bw * p.eff.hbm))
}

/// A layout's sizes as numbers, and what one micro-batch holds.
struct Dims {
    t: f64,
    c: f64,
    pp: f64,
    v: f64,
    dp: f64,
    ep: f64,
    /// Micro-batches per step.
    m: f64,
    /// Sequences per micro-batch.
    b: f64,
    /// Tokens of one micro-batch on one GPU.
    tokens: f64,
    /// kv width per tensor-parallel rank (kv heads replicated when tp exceeds them).
    hkv: f64,
    /// Effective HBM bandwidth.
    mem: f64,
    /// How the expert layers are split.
    etp: f64,
    ep_stride: f64,
    /// Share of the GPU's layers that recompute their forward under `recompute: full`.
    re: f64,
}

/// One layer, one micro-batch, forward: matmuls, attention forward and backward, the bytes of
/// the softmax (unfused attention only), the memory-bound time.
struct LayerForward {
    mm: f64,
    att_f: f64,
    att_b: f64,
    softmax_bytes: f64,
    mem_f: f64,
}

/// One layer, one micro-batch, forward and backward with recomputation: matmuls, attention,
/// memory-bound time, and the tensor-, context- and expert-parallel communication.
#[derive(Clone, Copy)]
struct LayerStep {
    mm: f64,
    att: f64,
    mem: f64,
    tp: f64,
    cp: f64,
    ep: f64,
}

pub(crate) fn breakdown(p: &Prepared, r: &Resolved) -> TimeBreakdown {
    let l = &r.layout;
    let t = f64::from(l.tp);
    let c = f64::from(l.cp);
    let b = f64::from(l.micro_batch);
    let d = Dims {
        t,
        c,
        pp: f64::from(l.pp),
        v: f64::from(l.interleave),
        dp: f64::from(r.dp),
        ep: f64::from(l.ep),
        m: f64::from(r.microbatches),
        b,
        tokens: b * p.seq / c,
        hkv: p.hkv * (t / p.kv_heads).max(1.0),
        mem: p.hbm_bw * p.eff.hbm,
        etp: r.experts().etp,
        ep_stride: r.experts().ep_stride,
        re: r.recompute_share(layers_per_gpu(p, r)),
    };
    let (m, tokens, mem) = (d.m, d.tokens, d.mem);

    // --- the busiest stage, one micro-batch: its expert layers, then its dense ones ---
    let ls = layers_per_gpu(p, r);
    let (n_moe, n_dense) = p.stage_mix(ls);
    let layer = layer_step(p, r, &d);
    let dl = if n_dense > 0.0 {
        layer_step(&p.dense_layer(), r, &d)
    } else {
        layer
    };
    let sum = |f: fn(&LayerStep) -> f64| n_moe * f(&layer) + n_dense * f(&dl);
    let out_mm = 3.0 * matmul_bf16(p, tokens, p.h, p.vocab / t);
    let out_mem = CROSS_ENTROPY_BYTES * tokens * p.vocab / t / mem;
    let stage_mm = sum(|x| x.mm) + out_mm;
    let stage_att = sum(|x| x.att);
    let stage_mem = sum(|x| x.mem) + out_mem;
    let stage_tp = sum(|x| x.tp);
    let stage_cp = sum(|x| x.cp);
    let stage_ep = sum(|x| x.ep);
    let t_mb = stage_mm + stage_att + stage_mem + stage_tp + stage_cp + stage_ep;

    let (bubble, p2p) = pipeline(p, r, &d, t_mb);

    // Data parallelism.
    let sp = stage_params(p, r);
    let dense = sp.dense + sp.embedding.max(sp.output);
    let dp_comm = dp_comm(p, r, dense, sp.expert, ls, t_mb);
    let sync = comm::straggler(&p.fitted, p.gpus) * m * t_mb;

    // Optimizer step.
    let owned = if l.effective_sharding() != Sharding::None {
        dense / d.dp + sp.expert / r.experts().edp
    } else {
        dense + sp.expert
    };
    let optimizer = (30.0 * owned + 4.0 * (dense + sp.expert)) / mem;

    TimeBreakdown {
        matmul_s: m * stage_mm,
        attention_s: m * stage_att,
        memory_bound_s: m * stage_mem,
        tp_comm_s: m * stage_tp,
        cp_comm_s: m * stage_cp,
        ep_comm_s: m * stage_ep,
        pipeline_bubble_s: bubble,
        pipeline_p2p_s: p2p,
        dp_comm_s: dp_comm,
        sync_s: sync,
        optimizer_s: optimizer,
        allocator_s: 0.0,
    }
}

/// The allocator's share of a step, once the memory is known: a fully sharded layout over HBM
/// waits `allocator_retry` × its compute time (matmuls, attention, memory-bound kernels).
pub(crate) fn allocator(p: &Prepared, r: &Resolved, t: &TimeBreakdown, fits: bool) -> f64 {
    if fits || r.layout.effective_sharding() != Sharding::Full {
        return 0.0;
    }
    p.fitted.allocator_retry * (t.matmul_s + t.attention_s + t.memory_bound_s)
}

/// The attention's projections for one micro-batch: Q, K, V and output, or with multi-head
/// latent attention the down-projections (replicated over tp, as Megatron-Core runs them), the
/// up-projections and the output (split over tp).
fn attention_matmuls(p: &Prepared, tokens: f64, t: f64, hkv: f64) -> f64 {
    match &p.mla {
        None => matmul(p, tokens, p.h, (p.h + 2.0 * hkv) / t) + matmul(p, tokens, p.h / t, p.h),
        Some(a) => {
            let n = p.heads / t;
            let (q, kv) = (f64::from(a.q_lora_rank), f64::from(a.kv_lora_rank));
            let rope = f64::from(a.qk_rope_head_dim);
            let v = f64::from(a.v_head_dim);
            let q_in = if a.q_lora_rank == 0 { p.h } else { q };
            let down = if a.q_lora_rank == 0 {
                0.0
            } else {
                matmul(p, tokens, p.h, q)
            } + matmul(p, tokens, p.h, kv + rope);
            down + matmul(p, tokens, q_in, n * a.qk_head_dim())
                + matmul(p, tokens, kv, n * (f64::from(a.qk_nope_head_dim) + v))
                + matmul(p, tokens, n * v, p.h)
        }
    }
}

/// One layer's forward: matmuls, attention core, memory-bound kernels.
fn layer_forward(p: &Prepared, d: &Dims, sequence_parallel: bool) -> LayerForward {
    let (t, ep, tokens, hkv) = (d.t, d.ep, d.tokens, d.hkv);
    let b = d.b;
    let rep = if sequence_parallel { 1.0 / t } else { 1.0 };
    let mut mm = attention_matmuls(p, tokens, t, hkv);
    let up = (p.mlp_mats - 1.0) * p.ffn / t;
    if p.moe {
        // Each GPU's experts see the routed tokens of its expert-parallel group, k · ep / E of
        // what each rank dispatches: the micro-batch's tokens when the experts split over tp
        // (etp = tp), a tensor rank's sequence shard, tokens/tp, when ep is folded (etp = 1);
        // at width ffn/etp.
        let etp = d.etp;
        let per_expert = tokens * etp / t * p.active * ep / p.experts;
        let local = p.experts / ep;
        let e_up = (p.mlp_mats - 1.0) * p.ffn / etp;
        mm += local * (matmul(p, per_expert, p.h, e_up) + matmul(p, per_expert, p.ffn / etp, p.h));
        mm += matmul(p, tokens, p.h, p.experts);
        if p.shared > 0.0 {
            // Shared experts: one dense MLP S·f wide, split over tp.
            mm += matmul(p, tokens, p.h, p.shared * up)
                + matmul(p, tokens, p.shared * p.ffn / t, p.h);
        }
    } else {
        mm += matmul(p, tokens, p.h, up) + matmul(p, tokens, p.ffn / t, p.h);
    }
    // Attention core: b sequences × heads/t, (s/c) queries against s keys, head dim inner.
    let att_flop = tokens * p.counts.attention_fwd_flop_per_token / t;
    let hd = p.head_dim.min(tokens / b).min(p.seq);
    let att_eff = p.eff.matmul_max * hd / (hd + p.eff.matmul_half_dim);
    let att_full = att_flop / (p.peak_bf16 * att_eff);
    let mut mem_bytes = 20.0 * tokens * p.h * rep
        + if p.mlp_mats > 2.5 { 6.0 } else { 4.0 } * tokens * p.ffn * (p.active + p.shared) / t;
    if p.moe {
        mem_bytes += PERMUTE_BYTES * tokens * p.active * p.h / t;
    }

    // A fused causal kernel loses speed on short sequences (`Fitted::attention_half_seq`).
    let keys = p.seq / d.c;
    let fused = att_full * (keys + p.fitted.attention_half_seq) / keys;
    let (att_f, att_b, softmax_bytes) = match p.attention {
        Attention::Flash => (0.5 * fused, 1.25 * fused, 0.0),
        Attention::Flash1 => {
            let slow = fused / FLASH1_SPEED;
            (0.5 * slow, 1.25 * slow, 0.0)
        }
        Attention::Triton => {
            let slow = if p.hopper_or_later {
                fused / p.fitted.triton_attention
            } else {
                fused / p.fitted.triton_attention_ampere
            };
            (0.5 * slow, 1.25 * slow, 0.0)
        }
        Attention::Unfused => (
            att_full,
            2.0 * att_full,
            13.0 * p.heads * tokens * p.seq / t,
        ),
    };
    mem_bytes += softmax_bytes;
    LayerForward {
        mm,
        att_f,
        att_b,
        softmax_bytes,
        mem_f: mem_bytes / d.mem,
    }
}

/// One layer forward and backward, recomputation and communication included.
fn layer_step(p: &Prepared, r: &Resolved, d: &Dims) -> LayerStep {
    let l = &r.layout;
    let (t, c, ep, tokens, hkv) = (d.t, d.c, d.ep, d.tokens, d.hkv);
    let f = layer_forward(p, d, l.sequence_parallel);
    let (att_f, att_b) = (f.att_f, f.att_b);
    let (re_mm, re_att, re_mem, re_coll) = match l.recompute {
        Recompute::None => (0.0, 0.0, 0.0, 0.0),
        Recompute::Selective => (0.0, att_f, f.softmax_bytes / d.mem, 0.0),
        Recompute::Full => (d.re * f.mm, d.re * att_f, d.re * f.mem_f, d.re * 2.0),
    };
    // Tensor-parallel collectives.
    let tp_comm = if l.tp > 1 {
        let one = 2.0 * comm::ring(p, 1.0, t, 2.0 * tokens * p.h, 1.0);
        let all = (4.0 + re_coll) * one;
        if p.overlap {
            (1.0 - OVERLAP_HIDDEN) * all
        } else {
            all
        }
    } else {
        0.0
    };
    // Context-parallel ring, overlapped with the attention core.
    let cp_comm = if l.cp > 1 {
        let kv_bytes = 2.0 * tokens * 2.0 * hkv / t;
        let (bw, lat) = comm::link(p, t, c, kv_bytes);
        let pass = (c - 1.0) * (kv_bytes / bw + lat);
        let fwd = (pass - att_f).max(0.0);
        let bwd = (2.0 * pass - att_b).max(0.0);
        let re = match l.recompute {
            Recompute::None => 0.0,
            Recompute::Selective => fwd,
            Recompute::Full => d.re * fwd,
        };
        fwd + bwd + re
    } else {
        0.0
    };
    let mm = 3.0 * f.mm + re_mm;
    let att = att_f + att_b + re_att;
    let mem = (1.0 + MEM_BACKWARD) * f.mem_f + re_mem;
    let compute = mm + att + mem;
    // Expert-parallel all-to-alls.
    let ep_comm = if l.ep > 1 {
        let bytes = 2.0 * tokens * p.h * p.active / t;
        let n = if l.recompute == Recompute::Full {
            4.0 + 2.0 * d.re
        } else {
            4.0
        };
        let a2a = n * comm::all_to_all(p, d.ep_stride, ep, bytes);
        let a2a = if p.moe_overlap {
            // Behind another micro-batch's compute of the same layer.
            comm::exposed_at(p.moe_interference, a2a, compute)
        } else {
            a2a
        };
        a2a + p.fitted.moe_sync_s
    } else {
        0.0
    };
    LayerStep {
        mm,
        att,
        mem,
        tp: tp_comm,
        cp: cp_comm,
        ep: ep_comm,
    }
}

/// The pipeline's bubble and its exposed point-to-point sends, given one micro-batch's time
/// on the busiest stage.
fn pipeline(p: &Prepared, r: &Resolved, d: &Dims, t_mb: f64) -> (f64, f64) {
    if r.layout.pp <= 1 {
        return (0.0, 0.0);
    }
    let (t, pp, v, tokens) = (d.t, d.pp, d.v, d.tokens);
    let (bw, lat) = comm::link(p, t * d.c * d.dp, pp, 2.0 * tokens * p.h / t);
    let one = 2.0 * tokens * p.h / t / bw + lat;
    let idle = match p.schedule {
        Schedule::OneFOneB => (pp - 1.0) / v,
        // (pp/2 − 1)(F&B + B − 3W) with F&B ≈ F + B = t_mb, B ≈ 2F, W ≈ F: 2/3 of t_mb each.
        Schedule::DualPipe => (pp / 2.0 - 1.0).max(0.0) * 2.0 / 3.0,
    };
    let bubble = idle * t_mb + 2.0 * (pp - 1.0) * one;
    let steady = if p.overlap { 0.0 } else { d.m * 2.0 * v * one };
    (bubble, steady)
}

/// Exposed data-parallel communication of one step, by sharding:
///
/// | sharding | per step | hidden behind |
/// |---|---|---|
/// | none | all-reduce of the gradients (g bytes per parameter) | the last micro-batch |
/// | optimizer (ZeRO-1) | reduce-scatter of the gradients, all-gather of the BF16 weights | the last micro-batch |
/// | gradients (ZeRO-2) | a reduce-scatter per micro-batch, one all-gather | every micro-batch |
/// | full (ZeRO-3, FSDP) | per micro-batch: all-gather forward and backward, reduce-scatter | every micro-batch |
///
/// Megatron sends the gradients in buckets of max(40 M, 1 M × dp) parameters; FSDP one message
/// per layer. Expert parameters reduce over dp / ep ranks.
fn dp_comm(p: &Prepared, r: &Resolved, dense: f64, expert: f64, layers: f64, t_mb: f64) -> f64 {
    let l = &r.layout;
    if r.dp <= 1 {
        return 0.0;
    }
    let dp = f64::from(r.dp);
    let stride = f64::from(l.tp) * f64::from(l.cp);
    let ex = r.experts();
    let edp = ex.edp;
    let m = f64::from(r.microbatches);
    let g = p.grad_reduce_bytes;
    let bucket = 40e6_f64.max(1e6 * dp);
    // With a pipeline, a chunk's gradients go out as soon as its last backward ends, during the
    // cool-down, and its weights are gathered during the warm-up: the window grows by the
    // pipeline's fill time, (pp − 1)/v micro-batches. With v interleaved chunks, Megatron-Core
    // reduces (and gathers) each chunk's buckets on their own, so all but the last chunk's
    // traffic also hides behind the other chunks' compute: pp·(v − 1)/v micro-batches more.
    let (pp, v) = (f64::from(l.pp), f64::from(l.interleave));
    let window = t_mb * (1.0 + (pp - 1.0) / v + pp * (v - 1.0) / v);
    // One ring pass over both parameter groups, `bytes` per parameter, as `per` messages.
    let pass = |bytes: f64, fsdp: bool| {
        let msgs = |params: f64| {
            if fsdp {
                layers
            } else {
                (params / bucket).ceil()
            }
        };
        comm::ring(p, stride, dp, dense * bytes, msgs(dense))
            + comm::ring(p, ex.edp_stride, edp, expert * bytes, msgs(expert))
    };
    let (total, hideable) = match l.effective_sharding() {
        Sharding::None => (2.0 * pass(g, false), window),
        Sharding::Optimizer => (pass(g, false) + pass(2.0, false), window),
        Sharding::Gradients => (m * pass(g, true) + pass(2.0, false), m * t_mb),
        Sharding::Full => (m * (2.0 * pass(2.0, true) + pass(g, true)), m * t_mb),
    };
    if p.overlap {
        comm::exposed(&p.fitted, total, hideable)
    } else {
        total
    }
}
