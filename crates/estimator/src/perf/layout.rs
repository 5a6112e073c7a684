//! The execution: how the model is split over the GPUs (the layout) and the training settings
//! around it, and which layouts are valid.

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::hardware::Precision;
use crate::limits;

use super::model::ModelShape;
pub use super::software::{Attention, Dispatcher, Software};
use super::system::System;

/// Activation recomputation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Recompute {
    /// Keep every activation the backward pass needs.
    #[default]
    None,
    /// Recompute the attention core (scores, softmax, weighted sum) in the backward pass
    /// (Korthikanti et al. 2022).
    Selective,
    /// Keep only each layer's input; run the layer's forward again in the backward pass.
    Full,
}

impl Recompute {
    /// All options.
    pub const ALL: [Recompute; 3] = [Recompute::None, Recompute::Selective, Recompute::Full];

    /// The JSON name.
    pub fn id(self) -> &'static str {
        match self {
            Recompute::None => "none",
            Recompute::Selective => "selective",
            Recompute::Full => "full",
        }
    }
}

/// How the training state is split over the data-parallel group (ZeRO stages, FSDP).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Sharding {
    /// Every data-parallel replica holds the weights, gradients and optimizer states.
    #[default]
    None,
    /// Optimizer states and FP32 master weights split (ZeRO-1, Megatron's distributed
    /// optimizer).
    #[serde(alias = "zero-1")]
    Optimizer,
    /// Gradients split too (ZeRO-2, FSDP `SHARD_GRAD_OP`).
    #[serde(alias = "zero-2")]
    Gradients,
    /// Weights split too, gathered layer by layer (ZeRO-3, FSDP `FULL_SHARD`).
    #[serde(alias = "zero-3", alias = "fsdp")]
    Full,
}

impl Sharding {
    /// All options.
    pub const ALL: [Sharding; 4] = [
        Sharding::None,
        Sharding::Optimizer,
        Sharding::Gradients,
        Sharding::Full,
    ];

    /// The JSON name.
    pub fn id(self) -> &'static str {
        match self {
            Sharding::None => "none",
            Sharding::Optimizer => "optimizer",
            Sharding::Gradients => "gradients",
            Sharding::Full => "full",
        }
    }
}

/// The layout: how the model and the batch are split over the GPUs.
///
/// GPUs = tp × cp × dp × pp; ranks are ordered tensor, context, (expert within) data, pipeline,
/// innermost first, as in Megatron-LM: tensor parallelism stays inside a scale-up domain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Layout {
    /// Tensor-parallel size.
    pub tp: u32,
    /// Pipeline-parallel size (stages).
    pub pp: u32,
    /// Data-parallel size; absent = gpus / (tp × pp × cp).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dp: Option<u32>,
    /// Context-parallel size: each sequence split over `cp` GPUs (default 1).
    #[serde(default = "one")]
    pub cp: u32,
    /// Expert-parallel size (default 1): within the data-parallel group when it divides dp
    /// (the experts then split over tp too), else folded over tp × cp × dp ranks with expert
    /// tensor parallelism 1 (Megatron-Core's MoE parallel folding).
    #[serde(default = "one")]
    pub ep: u32,
    /// Expert tensor parallelism: 1 (the expert-parallel group folded over the tensor, context
    /// and data ranks, Megatron-Core's `--expert-tensor-parallel-size 1`) or tp (the experts
    /// split over tp like the dense layers, ep within dp). Absent: tp when ep divides dp, else 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expert_tp: Option<u32>,
    /// Sequences per micro-batch.
    pub micro_batch: u32,
    /// Virtual pipeline stages per GPU (interleaved schedule; default 1).
    #[serde(default = "one")]
    pub interleave: u32,
    /// Activation recomputation (default `none`).
    #[serde(default)]
    pub recompute: Recompute,
    /// With `recompute: full`, how many layers each GPU recomputes (Megatron-LM's
    /// `--recompute-method block --recompute-num-layers`, FSDP's checkpointing of some blocks);
    /// its other layers keep all their activations. Absent = every layer; more than the GPU
    /// holds = every layer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recompute_layers: Option<u32>,
    /// Sequence parallelism: norms and dropout split over the tensor-parallel group (default
    /// false).
    #[serde(default)]
    pub sequence_parallel: bool,
    /// Distributed optimizer (ZeRO-1): optimizer states split over the data-parallel group
    /// (default false); the same as `"sharding": "optimizer"`.
    #[serde(default)]
    pub distributed_optimizer: bool,
    /// What the data-parallel group splits: `none` (default), `optimizer` (ZeRO-1),
    /// `gradients` (ZeRO-2), `full` (ZeRO-3 / FSDP). The larger of this and
    /// `distributed_optimizer` applies.
    #[serde(default, skip_serializing_if = "is_none_sharding")]
    pub sharding: Sharding,
}

fn is_none_sharding(s: &Sharding) -> bool {
    *s == Sharding::None
}

impl Layout {
    /// The sharding that applies: `sharding`, or `optimizer` when `distributed_optimizer` is
    /// set and asks for more.
    pub fn effective_sharding(&self) -> Sharding {
        if self.distributed_optimizer {
            self.sharding.max(Sharding::Optimizer)
        } else {
            self.sharding
        }
    }
}

fn one() -> u32 {
    1
}

/// What a training step is, besides its layout.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Training {
    /// Sequences per optimizer step (tokens = global_batch × seq_len).
    pub global_batch: u32,
    /// Number format of the matmuls.
    pub precision: Precision,
    /// Software settings.
    pub software: Software,
}

/// A training step and its layout: the execution side of a prediction.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Execution {
    /// Batch, precision, software.
    pub training: Training,
    /// The layout.
    pub layout: Layout,
}

/// Why a layout is invalid: one code per rule, so a search can count rejections by reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reject {
    /// tp × pp × dp × cp ≠ gpus.
    Product,
    /// tp larger than the scale-up domain.
    TpDomain,
    /// tp does not divide the heads (or the kv heads, or the ffn).
    TpHeads,
    /// cp does not divide the sequence length.
    CpSeq,
    /// More pipeline stages (× interleave) than layers.
    PpLayers,
    /// Global batch not divisible by dp × micro_batch.
    Batch,
    /// Interleaving without a pipeline, or with a micro-batch count not a multiple of pp; or a
    /// pp and interleave the pipeline schedule cannot run (DualPipe: odd pp, interleaving).
    Interleave,
    /// Expert parallelism that does not divide the experts, or neither dp nor tp × cp × dp, or
    /// on a dense model.
    Ep,
    /// Sequence parallelism without tensor parallelism.
    SequenceParallel,
    /// Distributed optimizer without data parallelism.
    DistributedOptimizer,
    /// Does not fit in HBM.
    Memory,
}

impl Reject {
    /// Every reason, in a fixed order.
    pub const ALL: [Reject; 11] = [
        Reject::Product,
        Reject::TpDomain,
        Reject::TpHeads,
        Reject::CpSeq,
        Reject::PpLayers,
        Reject::Batch,
        Reject::Interleave,
        Reject::Ep,
        Reject::SequenceParallel,
        Reject::DistributedOptimizer,
        Reject::Memory,
    ];

    /// A stable snake-case id (the key in search counts).
    pub fn id(self) -> &'static str {
        match self {
            Reject::Product => "gpus_not_tp_pp_dp_cp",
            Reject::TpDomain => "tp_exceeds_scaleup_domain",
            Reject::TpHeads => "tp_does_not_divide_heads",
            Reject::CpSeq => "cp_does_not_divide_seq_len",
            Reject::PpLayers => "pp_exceeds_layers",
            Reject::Batch => "batch_not_divisible",
            Reject::Interleave => "interleave_invalid",
            Reject::Ep => "ep_invalid",
            Reject::SequenceParallel => "sequence_parallel_needs_tp",
            Reject::DistributedOptimizer => "distributed_optimizer_needs_dp",
            Reject::Memory => "does_not_fit",
        }
    }
}

/// A layout after validation, with its derived counts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Resolved {
    pub layout: Layout,
    pub dp: u32,
    /// Micro-batches per pipeline per step.
    pub microbatches: u32,
}

/// Checks a layout against the model, the system and the batch; the error code says which
/// rule failed (see [`explain`] for the message).
pub(crate) fn check(
    m: &ModelShape,
    sys: &System,
    global_batch: u32,
    l: &Layout,
) -> Result<Resolved, Reject> {
    let (tp, pp, cp, ep) = (l.tp, l.pp, l.cp, l.ep);
    let mp = u64::from(tp) * u64::from(pp) * u64::from(cp);
    let gpus = u64::from(sys.gpus);
    let dp = match l.dp {
        Some(d) => d,
        None => {
            if mp == 0 || gpus % mp != 0 {
                return Err(Reject::Product);
            }
            u32::try_from(gpus / mp).map_err(|_| Reject::Product)?
        }
    };
    if mp * u64::from(dp) != gpus {
        return Err(Reject::Product);
    }
    tp_rule(m, sys, tp)?;
    cp_rule(m, cp)?;
    pp_rule(m, pp, l.interleave)?;
    let microbatches = microbatches(
        u64::from(global_batch),
        u64::from(dp),
        u64::from(l.micro_batch),
    )? as u32;
    interleave_rule(pp, l.interleave, u64::from(microbatches))?;
    ep_rule(m, tp, cp, dp, ep)?;
    // Experts split over tp need ep within dp.
    if ep > 1 && tp > 1 && l.expert_tp == Some(tp) && dp % ep != 0 {
        return Err(Reject::Ep);
    }
    sequence_parallel_rule(tp, l.sequence_parallel)?;
    sharding_rule(l.effective_sharding(), dp)?;
    Ok(Resolved {
        layout: Layout { dp: Some(dp), ..*l },
        dp,
        microbatches,
    })
}

// The rules, one function each: `check` applies them all to one layout, the search applies
// each at the level of its tree where the number it constrains is chosen.

/// tp fits in the scale-up domain and divides the heads, the kv heads (or is a multiple of
/// them) and the ffn.
pub(crate) fn tp_rule(m: &ModelShape, sys: &System, tp: u32) -> Result<(), Reject> {
    if tp > sys.hardware.scaleup_domain {
        return Err(Reject::TpDomain);
    }
    let kv = m.kv();
    if m.heads % tp != 0 || (kv % tp != 0 && tp % kv != 0) || m.ffn % tp != 0 {
        return Err(Reject::TpHeads);
    }
    Ok(())
}

/// cp divides the sequence length.
pub(crate) fn cp_rule(m: &ModelShape, cp: u32) -> Result<(), Reject> {
    if m.seq_len % cp != 0 {
        return Err(Reject::CpSeq);
    }
    Ok(())
}

/// No more pipeline stages (× interleave) than layers.
pub(crate) fn pp_rule(m: &ModelShape, pp: u32, interleave: u32) -> Result<(), Reject> {
    if u64::from(pp) * u64::from(interleave) > u64::from(m.layers) {
        return Err(Reject::PpLayers);
    }
    Ok(())
}

/// Micro-batches per pipeline per step: the global batch split over dp × micro_batch.
pub(crate) fn microbatches(global_batch: u64, dp: u64, micro_batch: u64) -> Result<u64, Reject> {
    let per_dp = dp * micro_batch;
    if per_dp == 0 || global_batch % per_dp != 0 {
        return Err(Reject::Batch);
    }
    Ok(global_batch / per_dp)
}

/// Interleaving needs a pipeline and a micro-batch count that is a multiple of pp.
pub(crate) fn interleave_rule(pp: u32, interleave: u32, microbatches: u64) -> Result<(), Reject> {
    if interleave > 1 && (pp == 1 || microbatches % u64::from(pp) != 0) {
        return Err(Reject::Interleave);
    }
    Ok(())
}

/// Expert parallelism needs experts, divides the experts, and divides either dp (the expert
/// layers split like the dense ones: expert tensor parallelism = tp) or tp × cp × dp (folded:
/// the expert-parallel group spans the tensor-, context- and data-parallel ranks, expert tensor
/// parallelism 1 — Megatron-Core's "MoE parallel folding").
pub(crate) fn ep_rule(m: &ModelShape, tp: u32, cp: u32, dp: u32, ep: u32) -> Result<(), Reject> {
    if ep <= 1 {
        return Ok(());
    }
    let ranks = u64::from(tp) * u64::from(cp) * u64::from(dp);
    if !m.is_moe() || m.experts % ep != 0 || (dp % ep != 0 && ranks % u64::from(ep) != 0) {
        return Err(Reject::Ep);
    }
    Ok(())
}

/// How the expert layers are split: expert tensor parallelism, and the ranks that hold the same
/// experts (over which their gradients are reduced) with the stride between them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct ExpertSplit {
    /// Expert tensor parallelism: tp, or 1 when ep is folded over the tensor ranks.
    pub etp: f64,
    /// Expert data parallelism: dp / ep, or tp × cp × dp / ep when folded (at least 1).
    pub edp: f64,
    /// Rank stride of the expert-parallel group: tp × cp, or 1 when folded.
    pub ep_stride: f64,
    /// Rank stride of the expert data-parallel group: the expert-parallel group's span.
    pub edp_stride: f64,
}

impl Resolved {
    /// Whether the expert-parallel group is folded over the tensor and context ranks: expert
    /// tensor parallelism 1 when given, else when ep does not divide dp (see [`ep_rule`]).
    pub fn ep_folded(&self) -> bool {
        let l = &self.layout;
        l.ep > 1
            && match l.expert_tp {
                Some(e) => e == 1,
                None => self.dp % l.ep != 0,
            }
    }

    /// Share of each GPU's layers that recompute their forward: 1 with `recompute: full` (or
    /// `recompute_layers` of them, at most all), else 0.
    pub fn recompute_share(&self, layers_per_gpu: f64) -> f64 {
        match (self.layout.recompute, self.layout.recompute_layers) {
            (Recompute::Full, None) => 1.0,
            (Recompute::Full, Some(n)) if layers_per_gpu > 0.0 => {
                (f64::from(n) / layers_per_gpu).min(1.0)
            }
            (Recompute::Full, Some(_)) => 1.0,
            _ => 0.0,
        }
    }

    /// How the expert layers are split (see [`ExpertSplit`]).
    pub fn experts(&self) -> ExpertSplit {
        let l = &self.layout;
        let (tp, cp, dp, ep) = (
            f64::from(l.tp),
            f64::from(l.cp),
            f64::from(self.dp),
            f64::from(l.ep),
        );
        if self.ep_folded() {
            ExpertSplit {
                etp: 1.0,
                edp: (tp * cp * dp / ep).max(1.0),
                ep_stride: 1.0,
                edp_stride: ep,
            }
        } else {
            ExpertSplit {
                etp: tp,
                edp: (dp / ep).max(1.0),
                ep_stride: tp * cp,
                edp_stride: tp * cp * ep,
            }
        }
    }
}

/// Sequence parallelism needs tensor parallelism.
pub(crate) fn sequence_parallel_rule(tp: u32, sequence_parallel: bool) -> Result<(), Reject> {
    if sequence_parallel && tp == 1 {
        return Err(Reject::SequenceParallel);
    }
    Ok(())
}

/// Sharding needs data parallelism.
pub(crate) fn sharding_rule(sharding: Sharding, dp: u32) -> Result<(), Reject> {
    if sharding != Sharding::None && dp == 1 {
        return Err(Reject::DistributedOptimizer);
    }
    Ok(())
}

/// Checks the ranges of the layout's numbers (fields `layout.<name>`).
pub(crate) fn check_ranges(l: &Layout) -> Result<(), Error> {
    let lim = &limits::PERF_DIM;
    lim.check("layout.tp", l.tp.into())?;
    lim.check("layout.pp", l.pp.into())?;
    if let Some(d) = l.dp {
        lim.check("layout.dp", d.into())?;
    }
    lim.check("layout.cp", l.cp.into())?;
    lim.check("layout.ep", l.ep.into())?;
    lim.check("layout.micro_batch", l.micro_batch.into())?;
    lim.check("layout.interleave", l.interleave.into())?;
    if let Some(e) = l.expert_tp {
        if e != 1 && e != l.tp {
            return Err(Error::said(
                "layout.expert_tp",
                Rejected::ExpertTp,
                &[&e.to_string(), &l.tp.to_string()],
            ));
        }
    }
    if let Some(n) = l.recompute_layers {
        lim.check("layout.recompute_layers", n.into())?;
        if l.recompute != Recompute::Full {
            return Err(Error::said(
                "layout.recompute_layers",
                Rejected::NeedsFull,
                &[],
            ));
        }
    }
    Ok(())
}

/// Checks that the pipeline schedule can run the layout (field `software.schedule`).
pub(crate) fn check_schedule(s: &Software, l: &Layout) -> Result<(), Error> {
    if s.schedule.allows(l.pp, l.interleave) {
        return Ok(());
    }
    Err(Error::said(
        "software.schedule",
        Rejected::DualPipe,
        &[&l.pp.to_string(), &l.interleave.to_string()],
    ))
}

/// The message for a rejected layout, naming the field.
pub(crate) fn explain(
    reason: Reject,
    m: &ModelShape,
    sys: &System,
    global_batch: u32,
    l: &Layout,
) -> Error {
    let product = u64::from(l.tp) * u64::from(l.pp) * u64::from(l.cp);
    let dp =
        l.dp.unwrap_or_else(|| u32::try_from(u64::from(sys.gpus) / product.max(1)).unwrap_or(0));
    let (field, key, figures): (&str, Rejected, Vec<String>) = match reason {
        Reject::Product => match l.dp {
            Some(d) => {
                let all = product * u64::from(d);
                let f = [l.tp, l.pp, d, l.cp].map(|v| v.to_string());
                (
                    "layout",
                    Rejected::ProductDp,
                    [&f[..], &[all.to_string(), sys.gpus.to_string()]].concat(),
                )
            }
            None => (
                "layout",
                Rejected::Product,
                vec![product.to_string(), sys.gpus.to_string()],
            ),
        },
        Reject::TpDomain => (
            "layout.tp",
            Rejected::TpDomain,
            vec![
                l.tp.to_string(),
                sys.hardware.name.clone(),
                sys.hardware.scaleup_domain.to_string(),
            ],
        ),
        Reject::TpHeads => (
            "layout.tp",
            Rejected::TpHeads,
            [l.tp, m.heads, m.ffn, m.kv()]
                .map(|v| v.to_string())
                .to_vec(),
        ),
        Reject::CpSeq => (
            "layout.cp",
            Rejected::CpSeq,
            [l.cp, m.seq_len].map(|v| v.to_string()).to_vec(),
        ),
        Reject::PpLayers => (
            "layout.pp",
            Rejected::PpLayers,
            [l.pp, l.interleave, m.layers]
                .map(|v| v.to_string())
                .to_vec(),
        ),
        Reject::Batch => (
            "layout.micro_batch",
            Rejected::Batch,
            [global_batch, dp, l.micro_batch]
                .map(|v| v.to_string())
                .to_vec(),
        ),
        Reject::Interleave if l.pp == 1 => (
            "layout.interleave",
            Rejected::InterleavePp,
            vec![l.interleave.to_string()],
        ),
        Reject::Interleave => (
            "layout.interleave",
            Rejected::InterleaveCount,
            [l.interleave, l.pp].map(|v| v.to_string()).to_vec(),
        ),
        Reject::Ep if m.is_moe() => (
            "layout.ep",
            Rejected::EpDivide,
            vec![
                l.ep.to_string(),
                dp.to_string(),
                (u64::from(l.tp) * u64::from(l.cp) * u64::from(dp)).to_string(),
                m.experts.to_string(),
            ],
        ),
        Reject::Ep => ("layout.ep", Rejected::EpMoe, vec![l.ep.to_string()]),
        Reject::SequenceParallel => ("layout.sequence_parallel", Rejected::NeedsTp, vec![]),
        Reject::DistributedOptimizer if l.sharding != Sharding::None => {
            ("layout.sharding", Rejected::NeedsDp, vec![])
        }
        Reject::DistributedOptimizer => ("layout.distributed_optimizer", Rejected::NeedsDp, vec![]),
        Reject::Memory => ("layout", Rejected::Memory, vec![]),
    };
    let figures: Vec<&str> = figures.iter().map(String::as_str).collect();
    Error::said(field, key, &figures)
}

crate::keys! {
    /// Why a given layout is rejected ([`explain`]); `{}` are the figures, in order.
    pub(crate) enum Rejected {
        ProductDp => "tp × pp × dp × cp = {} × {} × {} × {} = {} but there are {} GPUs",
            "tp × pp × dp × cp = {} × {} × {} × {} = {} mais il y a {} GPU";
        Product => "tp × pp × cp = {} does not divide the {} GPUs",
            "tp × pp × cp = {} ne divise pas les {} GPU";
        TpDomain => "{} exceeds the scale-up domain of {} ({} GPUs per NVLink domain)",
            "{} dépasse le domaine NVLink de {} ({} GPU par domaine)";
        TpHeads => "{} must divide the {} heads, the ffn {} and the {} kv heads (or be a multiple of them)",
            "{} doit diviser les {} têtes, la couche ffn {} et les {} têtes kv (ou en être un multiple)";
        CpSeq => "{} does not divide the sequence length {}",
            "{} ne divise pas la longueur de séquence {}";
        PpLayers => "pp × interleave = {} × {} exceeds the {} layers",
            "pp × entrelacement = {} × {} dépasse les {} couches";
        Batch => "global_batch {} is not divisible by dp × micro_batch = {} × {}",
            "le lot global {} n'est pas divisible par dp × micro-lot = {} × {}";
        InterleavePp => "{} needs pp > 1", "{} demande pp > 1";
        InterleaveCount => "{} needs a micro-batch count (global_batch / (dp × micro_batch)) that is a multiple of pp = {}",
            "{} demande un nombre de micro-lots (lot global / (dp × micro-lot)) multiple de pp = {}";
        EpDivide => "{} must divide dp = {} (or tp × cp × dp = {}, folded over the tensor ranks) and the {} experts",
            "{} doit diviser dp = {} (ou tp × cp × dp = {}, replié sur les rangs tenseur) et les {} experts";
        EpMoe => "{} needs a mixture-of-experts model (experts > 1)",
            "{} demande un modèle à mélange d'experts (experts > 1)";
        NeedsTp => "needs tp > 1", "demande tp > 1";
        NeedsDp => "needs dp > 1", "demande dp > 1";
        NeedsFull => "needs recompute full", "demande le recalcul complet";
        ExpertTp => "{} must be 1 or tp ({})", "{} doit valoir 1 ou tp ({})";
        DualPipe => "dualpipe needs an even pp and no interleaving (pp {}, interleave {})",
            "dualpipe demande un pp pair et pas d'entrelacement (pp {}, entrelacement {})";
        Memory => "does not fit in memory", "ne tient pas en mémoire";
    }
}
