//! Software settings that are not part of the layout: the attention kernel, communication
//! overlap, and how a mixture-of-experts layer moves its tokens.

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
    /// what the computation cannot cover shows, plus the fitted interference.
    #[serde(default)]
    pub moe_overlap: bool,
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
        }
    }
}
