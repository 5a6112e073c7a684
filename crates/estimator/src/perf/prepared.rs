//! The inputs of a prediction, validated once and reduced to plain numbers, so that a search can
//! evaluate millions of layouts without re-checking or allocating.

use crate::error::Error;
use crate::hardware::Precision;
use crate::limits;

use super::fitted::{self, Fitted};
use super::layout::{Attention, Training};
use super::model::{Counts, Mla, ModelShape};
use super::software::{Dispatcher, Schedule, FUSED_DISPATCH_SHARE, FUSED_SM_SHARE};
use super::system::{Efficiency, Generation, System};

/// Everything the memory and time models read, as `f64`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Prepared {
    pub layers: f64,
    pub h: f64,
    pub heads: f64,
    pub kv_heads: f64,
    /// Width of K (and of V): kv_heads × head dimension.
    pub hkv: f64,
    pub head_dim: f64,
    pub ffn: f64,
    pub seq: f64,
    pub vocab: f64,
    pub experts: f64,
    pub active: f64,
    pub moe: bool,
    /// Shared experts per expert layer (each `ffn` wide, on every token).
    pub shared: f64,
    /// Leading layers with a dense MLP (mixture of experts only; 0 otherwise).
    pub dense_layers: f64,
    /// Their MLP width.
    pub dense_ffn: f64,
    /// Multi-head latent attention, when the model has it.
    pub mla: Option<Mla>,
    /// Attention weights of one layer: (replicated over tp, split by tp).
    pub attn_params: (f64, f64),
    pub mlp_mats: f64,
    pub tied: bool,
    pub counts: Counts,
    pub global_batch: f64,
    pub gpus: f64,
    pub peak: f64,
    /// The rate matmuls run at before efficiencies: `peak`, except in FP4, where the fitted
    /// `fp4_fp8_share` of the FLOPs runs at the FP8 peak.
    pub matmul_peak: f64,
    pub hbm_bytes: f64,
    pub hbm_bw: f64,
    pub scaleup_bw: f64,
    pub scaleout_bw: f64,
    pub domain: f64,
    pub eff: Efficiency,
    pub attention: Attention,
    pub overlap: bool,
    /// Share of the NVLink bandwidth the expert all-to-all reaches: the fitted `all_to_all`
    /// (NCCL) or [`FUSED_DISPATCH_SHARE`] (fused dispatch kernels).
    pub a2a_share: f64,
    /// Fused dispatch: a token crosses the scale-out network once per remote node, then is
    /// forwarded over NVLink.
    pub a2a_forwarding: bool,
    /// The expert all-to-alls run behind another micro-batch's compute.
    pub moe_overlap: bool,
    /// What the overlapped all-to-alls cost the compute they hide behind: the fitted
    /// `interference` (NCCL), [`FUSED_SM_SHARE`] (fused dispatch kernels).
    pub moe_interference: f64,
    /// The pipeline schedule.
    pub schedule: Schedule,
    /// Bytes per element of gradients as reduced over data parallelism: fp32 (Megatron's
    /// default main gradients) except in fp16 training, which reduces fp16 gradients.
    pub grad_reduce_bytes: f64,
    /// Bytes per element of the matmul inputs kept for the backward pass: 1 when the matmuls run
    /// in FP8 or FP4 (Transformer Engine keeps the quantized copy), else 2.
    pub gemm_input_bytes: f64,
    /// Dense BF16 peak (the attention core runs in BF16 whatever the matmuls' format), or the
    /// precision's peak when the chip has no BF16 figure.
    pub peak_bf16: f64,
    /// Matmuls in FP8 or FP4.
    pub low_precision: bool,
    /// Hopper or Blackwell: a Triton attention kernel runs slower than the vendor's there.
    pub hopper_or_later: bool,
    /// The fitted constants in force.
    pub fitted: Fitted,
}

impl Prepared {
    /// Validates the model, the system and the training settings.
    pub fn new(m: &ModelShape, sys: &System, t: &Training) -> Result<Prepared, Error> {
        let counts = m.counts()?;
        sys.validate()?;
        limits::PERF_BATCH.check("global_batch", t.global_batch.into())?;
        let peak = sys.hardware.peak(t.precision)?;
        let hw = &sys.hardware;
        let h = f64::from(m.hidden);
        let fitted = fitted::current();
        let matmul_peak = if t.precision == Precision::Fp4 {
            let fp8 = hw.peak(Precision::Fp8).unwrap_or(peak).min(peak);
            let q = fitted.fp4_fp8_share;
            1.0 / ((1.0 - q) / peak + q / fp8)
        } else {
            peak
        };
        Ok(Prepared {
            layers: m.layers.into(),
            h,
            heads: m.heads.into(),
            kv_heads: m.kv().into(),
            hkv: h * f64::from(m.kv()) / f64::from(m.heads),
            head_dim: m.mla.map_or(h / f64::from(m.heads), |a| a.qk_head_dim()),
            ffn: m.ffn.into(),
            seq: m.seq_len.into(),
            vocab: m.vocab.into(),
            experts: m.experts.into(),
            active: m.active_experts.into(),
            moe: m.is_moe(),
            shared: m.shared_experts.into(),
            dense_layers: if m.is_moe() {
                m.dense_layers.into()
            } else {
                0.0
            },
            dense_ffn: m.dense_ffn().into(),
            mla: m.mla,
            attn_params: m.attention_params(),
            mlp_mats: m.mlp.matrices(),
            tied: m.tied_embeddings,
            counts,
            global_batch: t.global_batch.into(),
            gpus: sys.gpus.into(),
            peak,
            matmul_peak,
            hbm_bytes: hw.hbm_bytes,
            hbm_bw: hw.hbm_bytes_per_s,
            scaleup_bw: hw.scaleup_bytes_per_s,
            scaleout_bw: hw.scaleout_bytes_per_s,
            domain: hw.scaleup_domain.into(),
            eff: match hw.generation {
                Generation::Blackwell => Efficiency {
                    matmul_max: fitted.blackwell_matmul_max,
                    ..hw.generation.efficiency()
                },
                g => g.efficiency(),
            },
            attention: t.software.attention,
            overlap: t.software.comm_overlap,
            a2a_share: match t.software.moe_dispatcher {
                Dispatcher::AllToAll => fitted.all_to_all,
                Dispatcher::Fused => FUSED_DISPATCH_SHARE,
            },
            a2a_forwarding: t.software.moe_dispatcher == Dispatcher::Fused,
            moe_overlap: t.software.moe_overlap,
            moe_interference: match t.software.moe_dispatcher {
                Dispatcher::AllToAll => fitted.interference,
                Dispatcher::Fused => FUSED_SM_SHARE,
            },
            schedule: t.software.schedule,
            peak_bf16: hw.peak(Precision::Bf16).unwrap_or(peak).min(peak),
            low_precision: matches!(t.precision, Precision::Fp8 | Precision::Fp4),
            fitted,
            hopper_or_later: matches!(hw.generation, Generation::Hopper | Generation::Blackwell),
            gemm_input_bytes: if matches!(t.precision, Precision::Fp8 | Precision::Fp4) {
                1.0
            } else {
                2.0
            },
            grad_reduce_bytes: if t.precision == Precision::Fp16 {
                2.0
            } else {
                4.0
            },
        })
    }
}

impl Prepared {
    /// The model as its leading dense layers see it: one dense MLP `dense_ffn` wide, no router.
    pub fn dense_layer(&self) -> Prepared {
        Prepared {
            moe: false,
            experts: 1.0,
            active: 1.0,
            shared: 0.0,
            ffn: self.dense_ffn,
            ..*self
        }
    }

    /// Of the `ls` layers on the busiest GPU, how many are expert layers and how many dense:
    /// the busiest stage holds expert layers first (they are the heavier), dense ones only when
    /// the expert layers run out.
    pub fn stage_mix(&self, ls: f64) -> (f64, f64) {
        let moe_layers = self.layers - self.dense_layers;
        let n_moe = ls.min(moe_layers);
        (n_moe, ls - n_moe)
    }
}
