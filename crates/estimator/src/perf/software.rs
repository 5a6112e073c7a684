//! Software settings that are not part of the layout: the attention kernel, communication
//! overlap, how a mixture-of-experts layer moves its tokens, and the pipeline schedule.

use serde::{Deserialize, Serialize};

/// How the attention core is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Attention {
    /// Fused (FlashAttention-style): the s × s score matrix is never stored in HBM, the causal
    /// kernel skips the masked half.
    #[default]
    Flash,
    /// Unfused (before 2022): scores written to HBM, softmax and dropout as separate kernels,
    /// the full s × s computed.
    Unfused,
    /// FlashAttention's first version (2022 to mid-2023): stores what `flash` stores, at
    /// [`FLASH1_SPEED`] of its speed.
    Flash1,
    /// Fused, written in Triton (2022–23; llm-foundry's `attn_impl: triton`): stores what `flash`
    /// stores, runs at a fitted fraction of its speed (one fraction before Hopper, one from
    /// Hopper on, whose new instructions it does not use).
    Triton,
}

/// Speed of FlashAttention's first version relative to FlashAttention-2, which its paper
/// reports "around 2×" faster on A100 (Dao 2023, arXiv:2307.08691, abstract).
pub const FLASH1_SPEED: f64 = 0.5;

/// How a mixture-of-experts layer sends its tokens to the ranks that hold their experts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Dispatcher {
    /// NCCL all-to-all (Megatron-Core's `alltoall` token dispatcher): inside the scale-up domain
    /// it reaches the fitted `all_to_all` share of the link's collective bandwidth.
    #[default]
    #[serde(alias = "all-to-all")]
    AllToAll,
    /// Kernels that write each token straight into its expert's buffer on the peer GPU
    /// (DeepSeek's DeepEP, NVIDIA's HybridEP: Megatron-Core's `flex` dispatcher): they reach
    /// [`FUSED_DISPATCH_SHARE`] of the link's bandwidth.
    #[serde(alias = "deepep", alias = "hybridep", alias = "flex")]
    Fused,
}

/// Share of the NVLink bandwidth a fused dispatch kernel reaches: DeepEP's normal kernels,
/// measured on H800 (NVLink about 160 GB/s), dispatch at 153 GB/s and combine at 158 GB/s inside
/// a node (deepseek-ai/DeepEP README, "Normal kernels with NVLink and RDMA forwarding"; figures
/// as recalled, not checked against a stored copy). Across nodes the model keeps each GPU's NIC
/// as the bound, whatever the dispatcher.
pub const FUSED_DISPATCH_SHARE: f64 = 0.95;

/// Share of the GPU's streaming multiprocessors a fused dispatcher's kernels hold while they run:
/// DeepSeek-V3 gave 20 of the H800's 132 SMs to communication (arXiv:2412.19437 §3.2.2). With
/// the all-to-alls overlapped (`moe_overlap`), the compute they hide behind runs on the other
/// SMs, so it loses this share of the overlapped time: the interference of a fused dispatcher,
/// where NCCL's all-to-all takes the fitted `interference`.
pub const FUSED_SM_SHARE: f64 = 20.0 / 132.0;

/// The pipeline schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Schedule {
    /// One forward, one backward (Megatron-LM), interleaved when `layout.interleave` > 1: a
    /// bubble of (pp − 1)/interleave micro-batches.
    #[default]
    #[serde(rename = "1f1b")]
    OneFOneB,
    /// DeepSeek's DualPipe (arXiv:2412.19437 §3.2.1, Table 2): micro-batches fed from both ends
    /// of the pipeline, each GPU holding two stages (two copies of its parameters) and keeping
    /// pp + 1 micro-batches of activations; a bubble of (pp/2 − 1)(F&B + B − 3W), about
    /// (pp/2 − 1) · 2/3 of a micro-batch's forward and backward (F&B ≈ F + B, B ≈ 2F, W ≈ F).
    /// Needs an even pp and no interleaving.
    #[serde(rename = "dualpipe")]
    DualPipe,
}

/// Software settings that are not part of the layout.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Software {
    /// Attention kernel (default `flash`).
    #[serde(default)]
    pub attention: Attention,
    /// Overlap communication with compute (default true): data-parallel gradient reduction with
    /// the last backward, parameter gathering with the first forward, tensor-parallel
    /// collectives partly with the matmuls (Megatron-Core's overlap options).
    #[serde(default = "yes")]
    pub comm_overlap: bool,
    /// How a mixture-of-experts layer sends its tokens to the experts (default `alltoall`).
    #[serde(default)]
    pub moe_dispatcher: Dispatcher,
    /// Run one micro-batch's expert all-to-alls while another micro-batch computes (default
    /// false): DeepSeek's DualPipe, Megatron-Core's `--overlap-moe-expert-parallel-comm`. Only
    /// what the computation cannot cover shows, plus the interference: the fitted one for
    /// NCCL's all-to-all, [`FUSED_SM_SHARE`] for a fused dispatcher.
    #[serde(default)]
    pub moe_overlap: bool,
    /// The pipeline schedule (default `1f1b`).
    #[serde(default)]
    pub schedule: Schedule,
}

fn yes() -> bool {
    true
}

impl Default for Software {
    fn default() -> Self {
        Software {
            attention: Attention::Flash,
            comm_overlap: true,
            moe_dispatcher: Dispatcher::AllToAll,
            moe_overlap: false,
            schedule: Schedule::OneFOneB,
        }
    }
}

impl Schedule {
    /// Whether the schedule can run `pp` stages with `interleave` chunks each: DualPipe needs an
    /// even pp and no interleaving (without a pipeline, pp = 1, it changes nothing).
    pub fn allows(self, pp: u32, interleave: u32) -> bool {
        match self {
            Schedule::OneFOneB => true,
            Schedule::DualPipe => pp == 1 || (pp % 2 == 0 && interleave == 1),
        }
    }
}
