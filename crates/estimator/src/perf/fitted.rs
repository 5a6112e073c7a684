//! The constants fitted on published runs, in one place, with the data they came from
//! (`docs/calibration.md` lists their values and the leave-one-source-out errors).
//!
//! Every other constant of the model is a figure read from a source (a datasheet, NCCL's
//! documented behaviour, a paper); these thirteen are not published anywhere and are fitted: a
//! coarse grid search ([`super::fit`]) for the smallest error over the held-out runs
//! (`data/validation/public-runs.csv`), with each source family left out in turn to report how
//! well the fit carries to data it did not see.

use std::cell::Cell;

use serde::Serialize;

/// The fitted constants.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Fitted {
    /// Share of overlapped communication that still costs time (communication kernels take SMs
    /// and HBM bandwidth from the compute they overlap): exposed = max(0, comm − compute) +
    /// `interference` · min(comm, compute).
    pub interference: f64,
    /// Per-GPU jitter of a step's compute time (relative standard deviation). A step waits for
    /// the slowest of N GPUs, whose expected excess over the mean is ≈ σ·√(2 ln N): the synchronization term.
    pub jitter: f64,
    /// Efficiency of FP8 / FP4 matmuls relative to BF16 ones, each at its own peak (scaling,
    /// casts and amax bookkeeping; the peak doubles, the speed does not).
    pub low_precision: f64,
    /// Message size (bytes per rank) at which a collective over the scale-out network reaches
    /// half its bus bandwidth; NVLink collectives use a quarter of it.
    pub half_bandwidth_bytes: f64,
    /// Speed of a Triton flash-attention kernel relative to FlashAttention-2 / cuDNN on Hopper
    /// and later.
    pub triton_attention: f64,
    /// The same before Hopper (A100, V100).
    pub triton_attention_ampere: f64,
    /// Latency of one step of a ring collective over the scale-out network (s): a ring over n
    /// ranks takes n − 1 steps per message.
    pub ring_step_latency_s: f64,
    /// Keys per query block at which a fused causal attention kernel (FlashAttention, cuDNN,
    /// Triton) reaches half its long-sequence speed: its efficiency is × s/(s + s½), s the keys
    /// one kernel call sees (sequence / cp). Short sequences lose to the diagonal tiles the
    /// causal mask half-fills and to each query block's fixed work (loading Q, rescaling and
    /// writing O), which long ones amortize (FlashAttention-2 paper, Fig. 4–7: the causal
    /// forward+backward rate rises with sequence length up to 16k).
    pub attention_half_seq: f64,
    /// Share of an FP4 run's matmul FLOPs that run at the FP8 rate: an NVFP4 training recipe
    /// keeps some matmuls (sensitive layers, some backward products) in higher precision, so
    /// a chip whose FP4 peak grew without its FP8 one (Blackwell Ultra: 1.5× the FP4 of
    /// Blackwell, the same FP8) gains less than its FP4 peak says.
    pub fp4_fp8_share: f64,
    /// Share of the link's achieved collective bandwidth that an all-to-all (the expert-parallel
    /// dispatch and combine) reaches: NCCL runs it as concurrent point-to-point sends, one per
    /// peer, with none of a ring's pipelining.
    pub all_to_all: f64,
    /// Host time of one MoE layer per micro-batch, forward and backward, that the GPU waits
    /// for (s): the dispatcher reads the tokens per expert back to the host to size the grouped
    /// matmuls, so the kernels after it cannot be queued ahead.
    pub moe_sync_s: f64,
    /// Share of a step's compute time lost to the memory allocator when a fully sharded
    /// (ZeRO-3, FSDP) layout does not fit in HBM as predicted: each layer's gathered weights are
    /// allocated and freed again, and with no free memory to cache them PyTorch's caching
    /// allocator frees its cache and retries (`torch.cuda.memory_stats`' `num_alloc_retries`:
    /// failed `cudaMalloc` calls that flush the cache; `cudaFree` synchronizes the device).
    pub allocator_retry: f64,
    /// Fraction of the dense BF16 peak the largest matmuls of a training step reach on
    /// Blackwell (B200, GB200, B300, GB300): Hopper's `matmul_max` is a generation constant set
    /// on the Megatron-LM table, which has no Blackwell run; Blackwell's is fitted on the
    /// held-out GB200/B200 runs (MLPerf, DGX Cloud, Megatron-Core).
    pub blackwell_matmul_max: f64,
}

/// The constants the model uses: what [`super::fit`] finds on every source of `public-runs.csv`.
pub const FITTED: Fitted = Fitted {
    interference: 0.5,
    jitter: 0.009,
    low_precision: 0.8,
    half_bandwidth_bytes: 4e6,
    triton_attention: 0.4,
    ring_step_latency_s: 2.5e-6,
    triton_attention_ampere: 0.85,
    attention_half_seq: 1024.0,
    fp4_fp8_share: 0.2,
    all_to_all: 0.12,
    moe_sync_s: 2e-3,
    allocator_retry: 0.2,
    blackwell_matmul_max: 0.62,
};

/// The 10th percentile of the held-out errors (predicted / published − 1) under [`FITTED`], over
/// the dense models' rows: one run in ten goes at least this much faster than predicted.
/// `tests/heldout.rs` checks it against a fresh evaluation (within a point).
pub const ERROR_P10: f64 = -0.117;
/// The 90th percentile over the dense rows: one run in ten goes at least this much slower than
/// predicted.
pub const ERROR_P90: f64 = 0.112;
/// The 10th percentile over the mixture-of-experts rows (Grok-1, DeepSeek-V3: 34 rows): their
/// all-to-all is the model's least certain part.
pub const MOE_ERROR_P10: f64 = -0.243;
/// The 90th percentile over the mixture-of-experts rows.
pub const MOE_ERROR_P90: f64 = 0.055;

/// The range a prediction of `x` (a utilization or a throughput) carries: what published runs of
/// the same kind (dense, or a mixture of experts: `moe`) reached when the model predicted `x`,
/// between the 10th and 90th percentiles of its errors, x / (1 + p90) to x / (1 + p10).
pub fn range(x: f64, moe: bool) -> (f64, f64) {
    let (p10, p90) = if moe {
        (MOE_ERROR_P10, MOE_ERROR_P90)
    } else {
        (ERROR_P10, ERROR_P90)
    };
    (x / (1.0 + p90), x / (1.0 + p10))
}

thread_local! {
    static OVERRIDE: Cell<Option<Fitted>> = const { Cell::new(None) };
}

/// The constants in force: [`FITTED`], or what [`with_fitted`] set on this thread.
pub(crate) fn current() -> Fitted {
    OVERRIDE.with(Cell::get).unwrap_or(FITTED)
}

/// Runs `f` with other constants (the fit tries candidates this way), then restores them.
pub fn with_fitted<T>(c: Fitted, f: impl FnOnce() -> T) -> T {
    let before = OVERRIDE.with(|o| o.replace(Some(c)));
    let out = f();
    OVERRIDE.with(|o| o.set(before));
    out
}
