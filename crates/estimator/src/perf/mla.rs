//! Multi-head latent attention (MLA), DeepSeek-V2/V3's compressed attention: its weights and
//! the FLOPs of its core (`ModelShape::mla`).

use serde::{Deserialize, Serialize};

/// Multi-head latent attention (DeepSeek-V2, arXiv:2405.04434 §2.1; DeepSeek-V3,
/// arXiv:2412.19437 §2.1): queries and keys/values go through low-rank compressions, and each
/// head's query and key are a non-rotary part and a shared rotary part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Mla {
    /// Query compression d′c (V3: 1536); 0 = queries projected directly from h.
    pub q_lora_rank: u32,
    /// Key/value compression dc (V3: 512).
    pub kv_lora_rank: u32,
    /// Per-head non-rotary query/key dimension (V3: 128).
    pub qk_nope_head_dim: u32,
    /// Rotary query/key dimension, its key part shared by the heads (V3: 64).
    pub qk_rope_head_dim: u32,
    /// Per-head value dimension (V3: 128).
    pub v_head_dim: u32,
}

impl Mla {
    /// DeepSeek-V3's figures (arXiv:2412.19437 §4.2; `config.json` of deepseek-ai/DeepSeek-V3).
    pub const DEEPSEEK_V3: Mla = Mla {
        q_lora_rank: 1536,
        kv_lora_rank: 512,
        qk_nope_head_dim: 128,
        qk_rope_head_dim: 64,
        v_head_dim: 128,
    };

    /// Query/key width of one head: non-rotary + rotary.
    pub fn qk_head_dim(&self) -> f64 {
        f64::from(self.qk_nope_head_dim) + f64::from(self.qk_rope_head_dim)
    }

    /// The attention's matmul weights (n = heads), as (replicated over tensor parallelism,
    /// split by it): the down-projections h→d′c and h→dc + rope, with the two latent norms;
    /// the up-projections d′c→n·qk, dc→n·(nope + v) and the output n·v→h.
    pub fn params(&self, h: f64, n: f64) -> (f64, f64) {
        let (q, kv) = (f64::from(self.q_lora_rank), f64::from(self.kv_lora_rank));
        let rope = f64::from(self.qk_rope_head_dim);
        let v = f64::from(self.v_head_dim);
        let q_up = if self.q_lora_rank == 0 { h } else { q };
        let down = h * q + h * (kv + rope) + q + kv;
        let up = q_up * n * self.qk_head_dim()
            + kv * n * (f64::from(self.qk_nope_head_dim) + v)
            + n * v * h;
        (down, up)
    }

    /// Forward FLOPs per token per key of the attention core: 2·n·(qk + v) (scores over the
    /// qk width, weighted sum over the v width).
    pub fn core_flop_per_key(&self, n: f64) -> f64 {
        2.0 * n * (self.qk_head_dim() + f64::from(self.v_head_dim))
    }
}
