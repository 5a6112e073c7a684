//! The model: a dense or mixture-of-experts decoder-only transformer, its parameter count and its
//! FLOPs per token.
//!
//! # The FLOP formula
//!
//! Per token, forward pass, one layer (h = hidden, h_kv = kv_heads × h / heads, f = ffn,
//! s = sequence length, k = active experts, E = experts):
//!
//! | part | FLOPs |
//! |---|---|
//! | Q, K, V projections (grouped-query attention: K and V are h_kv wide) | 2·h·(h + 2·h_kv) |
//! | scores Q·Kᵀ and weighted sum A·V (full s × s, causal mask *not* halved) | 4·s·h |
//! | output projection | 2·h² |
//! | MLP, GeLU: 2 matrices; SwiGLU: 3 matrices, for each of the k active experts | k·2·(2 or 3)·h·f |
//! | router (mixture of experts only) | 2·h·E |
//!
//! plus, once per token, the output layer (logits) 2·h·V; the embedding lookup is free.
//!
//! A mixture of experts may add `shared_experts` S that every token passes through (k + S expert
//! MLPs per token) and `dense_layers` leading layers with a dense MLP (`dense_ffn` wide) and no
//! router (DeepSeek-V3: S = 1, 3 dense layers). With multi-head latent attention ([`Mla`], n
//! heads, ranks d′c and dc, per-head qk = nope + rope and v) the projections are
//! 2·(h·d′c + h·(dc + rope) + d′c·n·qk + dc·n·(nope + v) + n·v·h) and the core is
//! 2·s·n·(qk + v) in place of 4·s·h.
//! Training = forward + backward = 3 × forward. **Model FLOPs** (for MFU) are exactly that;
//! **hardware FLOPs** (for HFU) add what recomputation executes again: one more forward of
//! every layer with full recomputation, the 4·s·h of the attention core with selective.
//! Attention is counted over the full s × s matrix (the Megatron-LM and PaLM convention), so a
//! causal kernel that skips the masked half runs fewer FLOPs than counted.

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::limits;

pub use super::mla::Mla;

/// The MLP's form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Mlp {
    /// Two matrices h→f→h with a GeLU between (GPT-2/3, Megatron GPT).
    Gelu,
    /// Gated: three matrices (gate, up, down) with SiLU (Llama, most models since 2023).
    #[default]
    Swiglu,
    /// Two matrices with a ReLU between (OPT).
    Relu,
    /// Two matrices with a squared ReLU between (Nemotron-4).
    #[serde(rename = "squared-relu")]
    SquaredRelu,
    /// Gated like SwiGLU, with a GeLU gate: three matrices (Gemma).
    Geglu,
}

impl Mlp {
    /// Weight matrices per MLP: 2, or 3 for a gated MLP. The activation itself is element-wise
    /// and not counted, so only gating changes the FLOPs.
    pub fn matrices(self) -> f64 {
        match self {
            Mlp::Gelu | Mlp::Relu | Mlp::SquaredRelu => 2.0,
            Mlp::Swiglu | Mlp::Geglu => 3.0,
        }
    }
}

/// The shape of a decoder-only transformer.
///
/// ```
/// use zettaflop_estimator::perf::{ModelShape, Mlp};
/// // GPT-3 175B (Brown et al. 2020, Table 2.1).
/// let gpt3 = ModelShape {
///     layers: 96, hidden: 12288, heads: 96, kv_heads: None, ffn: 49152, seq_len: 2048,
///     vocab: 50257, experts: 1, active_experts: 1, mlp: Mlp::Gelu, tied_embeddings: true,
///     shared_experts: 0, dense_layers: 0, dense_ffn: 0, mla: None,
/// };
/// let c = gpt3.counts()?;
/// assert!((c.params / 174.6e9 - 1.0).abs() < 0.01);
/// # Ok::<(), zettaflop_estimator::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ModelShape {
    /// Transformer layers.
    pub layers: u32,
    /// Hidden (model) dimension h.
    pub hidden: u32,
    /// Query heads.
    pub heads: u32,
    /// Key/value heads (grouped-query attention); absent = `heads` (multi-head attention).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kv_heads: Option<u32>,
    /// MLP inner dimension f (per expert for a mixture of experts).
    pub ffn: u32,
    /// Training sequence length in tokens.
    pub seq_len: u32,
    /// Vocabulary size.
    pub vocab: u32,
    /// Experts per MLP (1 = dense).
    #[serde(default = "one")]
    pub experts: u32,
    /// Experts each token is routed to (top-k).
    #[serde(default = "one")]
    pub active_experts: u32,
    /// `gelu`, `relu`, `squared-relu` (2 matrices) or `swiglu` (the default), `geglu` (3).
    #[serde(default)]
    pub mlp: Mlp,
    /// Whether the output layer shares the embedding matrix (default false).
    #[serde(default)]
    pub tied_embeddings: bool,
    /// Shared experts every token passes through besides its k routed ones, each `ffn` wide
    /// (DeepSeek-V2: 2, DeepSeek-V3: 1); default 0.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub shared_experts: u32,
    /// Leading layers whose MLP is dense (`dense_ffn` wide) instead of experts (DeepSeek-V3: 3);
    /// default 0.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub dense_layers: u32,
    /// MLP inner dimension of those dense layers; 0 (the default) = `ffn`.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub dense_ffn: u32,
    /// Multi-head latent attention (DeepSeek-V2/V3) in place of grouped-query attention; absent
    /// = standard attention (`kv_heads` then applies).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mla: Option<Mla>,
}

fn one() -> u32 {
    1
}

fn is_zero(v: &u32) -> bool {
    *v == 0
}

/// Parameter and FLOP counts of a model shape (see the module docs for the formula).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Counts {
    /// All parameters.
    pub params: f64,
    /// Parameters a token passes through (k of E experts).
    pub active_params: f64,
    /// Parameters of one layer outside the routed experts (attention, norms, router, shared
    /// experts, a dense layer's MLP), averaged over the layers.
    pub layer_dense_params: f64,
    /// Expert (MLP) parameters of one layer, all experts, averaged over the layers (the leading
    /// dense layers have none).
    pub layer_expert_params: f64,
    /// Embedding matrix (V·h); the output layer is as large unless tied.
    pub embedding_params: f64,
    /// Model FLOPs per token, forward + backward, as counted for MFU.
    pub model_flop_per_token: f64,
    /// Forward FLOPs per token of one layer, averaged over the layers.
    pub layer_fwd_flop_per_token: f64,
    /// Forward FLOPs per token of the attention core (scores and weighted sum) of one layer.
    pub attention_fwd_flop_per_token: f64,
    /// Forward FLOPs per token of the output layer.
    pub logits_fwd_flop_per_token: f64,
    /// The classic approximation 6 · active parameters, for comparison.
    pub six_n_per_token: f64,
}

impl ModelShape {
    /// Key/value heads, defaulting to `heads`.
    pub fn kv(&self) -> u32 {
        self.kv_heads.unwrap_or(self.heads)
    }

    /// Checks every field (error field `model.<name>`) and the relations between them.
    ///
    /// # Errors
    /// A size out of range, heads not dividing hidden, kv heads not dividing heads, more active
    /// experts than experts.
    pub fn validate(&self) -> Result<(), Error> {
        let l = &limits::PERF_DIM;
        l.check("model.layers", self.layers.into())?;
        l.check("model.hidden", self.hidden.into())?;
        l.check("model.heads", self.heads.into())?;
        l.check("model.kv_heads", self.kv().into())?;
        l.check("model.ffn", self.ffn.into())?;
        l.check("model.seq_len", self.seq_len.into())?;
        l.check("model.vocab", self.vocab.into())?;
        l.check("model.experts", self.experts.into())?;
        l.check("model.active_experts", self.active_experts.into())?;
        for (field, v) in [
            ("model.shared_experts", self.shared_experts),
            ("model.dense_layers", self.dense_layers),
            ("model.dense_ffn", self.dense_ffn),
        ] {
            if v > 0 {
                l.check(field, v.into())?;
            }
        }
        if let Some(m) = &self.mla {
            if m.q_lora_rank > 0 {
                l.check("model.mla.q_lora_rank", m.q_lora_rank.into())?;
            }
            l.check("model.mla.kv_lora_rank", m.kv_lora_rank.into())?;
            l.check("model.mla.qk_nope_head_dim", m.qk_nope_head_dim.into())?;
            l.check("model.mla.qk_rope_head_dim", m.qk_rope_head_dim.into())?;
            l.check("model.mla.v_head_dim", m.v_head_dim.into())?;
        }
        let bad = |field: &str, key: Invalid, figures: &[u32]| {
            let figures: Vec<String> = figures.iter().map(u32::to_string).collect();
            let figures: Vec<&str> = figures.iter().map(String::as_str).collect();
            Err(Error::said(field, key, &figures))
        };
        if self.hidden % self.heads != 0 {
            return bad("model.heads", Invalid::Heads, &[self.heads, self.hidden]);
        }
        if self.heads % self.kv() != 0 {
            return bad("model.kv_heads", Invalid::KvHeads, &[self.kv(), self.heads]);
        }
        if self.active_experts > self.experts {
            return bad(
                "model.active_experts",
                Invalid::ActiveExperts,
                &[self.active_experts, self.experts],
            );
        }
        if self.shared_experts > 0 && !self.is_moe() {
            return bad("model.shared_experts", Invalid::SharedExperts, &[]);
        }
        if self.dense_layers > self.layers {
            return bad(
                "model.dense_layers",
                Invalid::DenseLayers,
                &[self.dense_layers, self.layers],
            );
        }
        Ok(())
    }

    /// MLP width of the leading dense layers.
    pub fn dense_ffn(&self) -> u32 {
        if self.dense_layers == 0 || self.dense_ffn == 0 {
            self.ffn
        } else {
            self.dense_ffn
        }
    }

    /// Attention weights of one layer, (replicated over tensor parallelism, split by it): for
    /// standard attention (0, Q + K + V + output projections).
    pub fn attention_params(&self) -> (f64, f64) {
        let h = f64::from(self.hidden);
        let n = f64::from(self.heads);
        match &self.mla {
            Some(m) => m.params(h, n),
            None => {
                let hkv = h * f64::from(self.kv()) / n;
                (0.0, h * (h + 2.0 * hkv) + h * h)
            }
        }
    }

    /// Forward FLOPs per token of one layer's attention core (s keys, full matrix).
    pub fn attention_core_flop(&self) -> f64 {
        let s = f64::from(self.seq_len);
        match &self.mla {
            Some(m) => s * m.core_flop_per_key(f64::from(self.heads)),
            None => 4.0 * s * f64::from(self.hidden),
        }
    }

    /// Whether the MLP is a mixture of experts.
    pub fn is_moe(&self) -> bool {
        self.experts > 1
    }

    /// Parameter and FLOP counts. Does not validate; call [`ModelShape::validate`] first for
    /// user input (the counts are finite for any input).
    ///
    /// # Errors
    /// The shape is invalid (see [`ModelShape::validate`]).
    pub fn counts(&self) -> Result<Counts, Error> {
        self.validate()?;
        let h = f64::from(self.hidden);
        let f = f64::from(self.ffn);
        let v = f64::from(self.vocab);
        let l = f64::from(self.layers);
        let e = f64::from(self.experts);
        let k = f64::from(self.active_experts);
        let shared = f64::from(self.shared_experts);
        let mats = self.mlp.matrices();
        // Leading dense layers (only a mixture of experts has other layers to differ from).
        let ld = if self.is_moe() {
            f64::from(self.dense_layers)
        } else {
            0.0
        };
        let lm = l - ld;
        let dense_mlp = mats * h * f64::from(self.dense_ffn());
        let router = if self.is_moe() { h * e } else { 0.0 };
        let (down, up) = self.attention_params();
        let attn_params = down + up;
        let expert = mats * h * f;
        // Per layer, averaged over the dense and the expert layers.
        let layer_dense_params =
            attn_params + 2.0 * h + (lm * (router + shared * expert) + ld * dense_mlp) / l;
        let layer_expert_params = if self.is_moe() {
            lm * e * expert / l
        } else {
            e * expert
        };
        let embedding_params = v * h;
        let output = if self.tied_embeddings { 0.0 } else { v * h };
        let outside = embedding_params + output + h;
        let params = l * (layer_dense_params + layer_expert_params) + outside;
        let moe_active = if self.is_moe() {
            lm * (k + shared) * expert / l
        } else {
            k * expert
        };
        let active_params =
            l * (layer_dense_params - lm * shared * expert / l + moe_active) + outside;
        let attention_fwd = self.attention_core_flop();
        let mlp_fwd = if self.is_moe() {
            (lm * ((k + shared) * 2.0 * expert + 2.0 * router) + ld * 2.0 * dense_mlp) / l
        } else {
            k * 2.0 * expert
        };
        let layer_fwd = 2.0 * attn_params + attention_fwd + mlp_fwd;
        let logits_fwd = 2.0 * h * v;
        Ok(Counts {
            params,
            active_params,
            layer_dense_params,
            layer_expert_params,
            embedding_params,
            model_flop_per_token: 3.0 * (l * layer_fwd + logits_fwd),
            layer_fwd_flop_per_token: layer_fwd,
            attention_fwd_flop_per_token: attention_fwd,
            logits_fwd_flop_per_token: logits_fwd,
            six_n_per_token: 6.0 * active_params,
        })
    }
}

crate::keys! {
    /// A model shape whose sizes do not fit together ([`ModelShape::validate`]); `{}` are
    /// sizes.
    pub(super) enum Invalid {
        Heads => "{} heads do not divide hidden {}",
            "{} têtes ne divisent pas la dimension cachée {}";
        KvHeads => "{} kv heads do not divide the {} heads",
            "{} têtes clé-valeur ne divisent pas les {} têtes";
        ActiveExperts => "{} active experts exceed the {} experts",
            "{} experts actifs dépassent les {} experts";
        SharedExperts => "shared experts need a mixture of experts (experts > 1)",
            "des experts partagés demandent un mélange d'experts (experts > 1)";
        DenseLayers => "{} dense layers exceed the {} layers",
            "{} couches denses dépassent les {} couches";
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn gpt3() -> ModelShape {
        ModelShape {
            layers: 96,
            hidden: 12288,
            heads: 96,
            kv_heads: None,
            ffn: 49152,
            seq_len: 2048,
            vocab: 50257,
            experts: 1,
            active_experts: 1,
            mlp: Mlp::Gelu,
            tied_embeddings: true,
            shared_experts: 0,
            dense_layers: 0,
            dense_ffn: 0,
            mla: None,
        }
    }

    #[test]
    fn gpt3_against_hand_arithmetic() {
        let c = gpt3().counts().unwrap();
        // 12·l·h² + 13·l·h + V·h + h (tied embeddings; the 4h-wide MLP has no biases here).
        let h = 12288.0_f64;
        let per_layer = 12.0 * h * h + 2.0 * h;
        let params = 96.0 * per_layer + 50257.0 * h + h;
        assert!((c.params - params).abs() < 1.0, "{} vs {params}", c.params);
        assert!((c.params / 174.6e9 - 1.0).abs() < 0.005);
        // Per token: 3 × (96 × (24h² + 4·s·h) + 2·h·V).
        let flop = 3.0 * (96.0 * (24.0 * h * h + 4.0 * 2048.0 * h) + 2.0 * h * 50257.0);
        assert!((c.model_flop_per_token - flop).abs() / flop < 1e-12);
        // 6·N undercounts by the attention core (4·s·h·3 per layer) and overcounts by the
        // embedding lookup: the detailed count is 2.8 % above 6·N for GPT-3 at 2048 tokens.
        let ratio = c.model_flop_per_token / c.six_n_per_token;
        assert!((ratio - 1.0277).abs() < 0.0005, "{ratio}");
        // The Megatron-LM formula, 72·l·h²·(1 + s/(6h) + V/(12·l·h)) per token (no recompute).
        let megatron =
            72.0 * 96.0 * h * h * (1.0 + 2048.0 / (6.0 * h) + 50257.0 / (12.0 * 96.0 * h));
        assert!((c.model_flop_per_token / megatron - 1.0).abs() < 1e-12);
    }

    #[test]
    fn gqa_and_swiglu() {
        // Llama 3.1 405B: 126 layers, h 16384, 128 heads, 8 kv heads, f 53248, V 128256.
        let m = ModelShape {
            layers: 126,
            hidden: 16384,
            heads: 128,
            kv_heads: Some(8),
            ffn: 53248,
            seq_len: 8192,
            vocab: 128256,
            experts: 1,
            active_experts: 1,
            mlp: Mlp::Swiglu,
            tied_embeddings: false,
            shared_experts: 0,
            dense_layers: 0,
            dense_ffn: 0,
            mla: None,
        };
        let c = m.counts().unwrap();
        let h = 16384.0_f64;
        let hkv = 1024.0;
        let layer = h * (h + 2.0 * hkv) + h * h + 3.0 * h * 53248.0 + 2.0 * h;
        let params = 126.0 * layer + 2.0 * 128256.0 * h + h;
        assert!((c.params - params).abs() < 1.0);
        assert!((c.params / 405.9e9 - 1.0).abs() < 0.005, "{}", c.params);
    }

    #[test]
    fn moe_active_params() {
        let m = ModelShape {
            layers: 32,
            hidden: 4096,
            heads: 32,
            kv_heads: Some(8),
            ffn: 14336,
            seq_len: 4096,
            vocab: 32000,
            experts: 8,
            active_experts: 2,
            mlp: Mlp::Swiglu,
            tied_embeddings: false,
            shared_experts: 0,
            dense_layers: 0,
            dense_ffn: 0,
            mla: None,
        };
        let c = m.counts().unwrap();
        // Mixtral 8x7B: 46.7B total, 12.9B active.
        assert!((c.params / 46.7e9 - 1.0).abs() < 0.01, "{}", c.params);
        assert!(
            (c.active_params / 12.9e9 - 1.0).abs() < 0.01,
            "{}",
            c.active_params
        );
    }

    fn deepseek_v3() -> ModelShape {
        ModelShape {
            layers: 61,
            hidden: 7168,
            heads: 128,
            kv_heads: None,
            ffn: 2048,
            seq_len: 4096,
            vocab: 129280,
            experts: 256,
            active_experts: 8,
            mlp: Mlp::Swiglu,
            tied_embeddings: false,
            shared_experts: 1,
            dense_layers: 3,
            dense_ffn: 18432,
            mla: Some(Mla::DEEPSEEK_V3),
        }
    }

    #[test]
    fn mla_flops_per_token_by_hand() {
        let c = deepseek_v3().counts().unwrap();
        // One layer's MLA projections, V3 (h 7168, 128 heads, d′c 1536, dc 512, nope 128,
        // rope 64, v 128): q down 7168·1536, q up 1536·128·192, kv down 7168·576,
        // kv up 512·128·256, output 128·128·7168 = 187,105,280 weights, 2 FLOPs each.
        let proj: f64 = 7168.0 * 1536.0
            + 1536.0 * 128.0 * 192.0
            + 7168.0 * 576.0
            + 512.0 * 128.0 * 256.0
            + 128.0 * 128.0 * 7168.0;
        assert_eq!(proj, 187_105_280.0);
        // Core: scores 128 heads × 192 and weighted sum 128 × 128 per key, 4096 keys.
        let core = 2.0 * 4096.0 * 128.0 * (192.0 + 128.0);
        assert_eq!(c.attention_fwd_flop_per_token, core);
        // MLPs: 58 expert layers with 8 routed + 1 shared expert 3·7168·2048 and a router
        // 7168·256; 3 dense layers 3·7168·18432.
        let expert = 3.0 * 7168.0 * 2048.0;
        let mlp =
            58.0 * (9.0 * 2.0 * expert + 2.0 * 7168.0 * 256.0) + 3.0 * 2.0 * 3.0 * 7168.0 * 18432.0;
        // The norms' weights (the latents' two) are counted as parameters, 2 FLOPs each.
        let norms = 2.0 * (1536.0 + 512.0);
        let fwd = 61.0 * (2.0 * proj + norms + core) + mlp + 2.0 * 7168.0 * 129280.0;
        let rel = (c.model_flop_per_token - 3.0 * fwd).abs() / (3.0 * fwd);
        assert!(rel < 1e-12, "{} vs {}", c.model_flop_per_token, 3.0 * fwd);
        // 671B parameters, 37B active (arXiv:2412.19437, without the MTP module).
        assert!((c.params / 671e9 - 1.0).abs() < 0.005, "{}", c.params);
        assert!(
            (c.active_params / 37e9 - 1.0).abs() < 0.02,
            "{}",
            c.active_params
        );
    }

    #[test]
    fn new_fields_are_optional_and_not_written_when_unset() {
        let json = serde_json::to_string(&gpt3()).unwrap();
        assert!(
            !json.contains("mla") && !json.contains("shared_experts"),
            "{json}"
        );
        let back: ModelShape = serde_json::from_str(&json).unwrap();
        assert_eq!(back, gpt3());
        let v3 = serde_json::to_string(&deepseek_v3()).unwrap();
        assert_eq!(
            serde_json::from_str::<ModelShape>(&v3).unwrap(),
            deepseek_v3()
        );
    }

    #[test]
    fn invalid_shapes_name_the_field() {
        let mut m = gpt3();
        m.heads = 7;
        assert_eq!(m.counts().unwrap_err().field(), "model.heads");
        let mut m = gpt3();
        m.kv_heads = Some(5);
        assert_eq!(m.counts().unwrap_err().field(), "model.kv_heads");
        let mut m = gpt3();
        m.layers = 0;
        assert_eq!(m.counts().unwrap_err().field(), "model.layers");
        let mut m = gpt3();
        m.active_experts = 2;
        assert_eq!(m.counts().unwrap_err().field(), "model.active_experts");
        let mut m = gpt3();
        m.shared_experts = 1;
        assert_eq!(m.counts().unwrap_err().field(), "model.shared_experts");
        let mut m = deepseek_v3();
        m.dense_layers = 62;
        assert_eq!(m.counts().unwrap_err().field(), "model.dense_layers");
    }
}
