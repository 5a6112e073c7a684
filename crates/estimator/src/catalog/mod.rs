//! The sourced core catalog, compiled in from `data/*.csv` by `build.rs`: accelerators, model
//! presets (training runs), clusters and sites, constants, and the sources they cite.
//!
//! Every figure carries the ids of its sources ([`SOURCES`]); a build fails if a row cites a
//! source that does not exist. Where sources disagree, the CSV cell reads `central [low..high]`:
//! the struct field holds the central (default) value and the row's `ranges` keep the bounds.
//! Epoch AI's full tables are in [`crate::epoch`] (feature `full-catalog`).

pub mod backtest;
#[cfg(feature = "full-catalog")]
pub mod epoch;
pub mod names;

use serde::Serialize;

use crate::hardware::{CountUnit, Peaks, Precision};

/// Where a figure comes from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Source {
    /// Short id cited by rows and steps.
    pub id: &'static str,
    /// What the source says, in our words.
    pub title: &'static str,
    /// Link (empty for our own arithmetic).
    pub url: &'static str,
    /// Date published or read.
    pub date: &'static str,
    /// `reported`, `estimate`, `derived`, `claim` or `compiled dataset`.
    pub kind: &'static str,
    /// Who reports or estimates it.
    pub by: &'static str,
}

/// A figure sources disagree on: the default (central) value and the range, in the unit of the
/// struct field it belongs to (FLOP/s, bytes, W, days…).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Ranged {
    /// The CSV column (e.g. `fp8_tflops`, `run_count`).
    pub column: &'static str,
    /// Lowest figure sourced.
    pub low: f64,
    /// The default, as used by the estimator.
    pub central: f64,
    /// Highest figure sourced.
    pub high: f64,
}

/// An accelerator of the catalog; every figure is per GPU, peaks are dense.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Accelerator {
    /// Id used in scenarios.
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Maker.
    pub vendor: &'static str,
    /// Year of launch.
    pub launch_year: u16,
    /// Dense peak FLOP/s per precision.
    pub peaks: Peaks,
    /// Whether a 2:4 structured-sparsity peak (2 × dense) exists.
    pub sparse: bool,
    /// HBM per GPU in bytes.
    pub hbm_bytes: f64,
    /// Thermal design power of the GPU alone (W), where sourced.
    pub tdp_w: Option<f64>,
    /// Power per GPU with its share of host, network and cooling fans (W), where it can be
    /// sourced or derived.
    pub all_in_w: Option<f64>,
    /// How `all_in_w` was obtained.
    pub all_in_basis: &'static str,
    /// GPUs per package (GB200 superchip: 2).
    pub gpus_per_package: u32,
    /// What a package is called.
    pub package_name: &'static str,
    /// GPUs per rack where the rack is a unit of sale (NVL72: 72).
    pub gpus_per_rack: Option<u32>,
    /// What a rack is called.
    pub rack_name: Option<&'static str>,
    /// Default rental price per GPU-hour, where sourced.
    pub usd_per_chip_hour: Option<f64>,
    /// Which offer and date the price is, and the range seen.
    pub usd_per_chip_hour_note: &'static str,
    /// When the rental price was quoted.
    pub usd_per_chip_hour_date: &'static str,
    /// Purchase price per GPU, where sourced.
    pub usd_purchase_per_chip: Option<f64>,
    /// Which offer and date the purchase price is.
    pub usd_purchase_note: &'static str,
    /// Sources of the purchase price.
    pub purchase_sources: &'static [&'static str],
    /// Sources of the peaks.
    pub peak_sources: &'static [&'static str],
    /// Sources of the power figures.
    pub power_sources: &'static [&'static str],
    /// Sources of the price.
    pub price_sources: &'static [&'static str],
    /// Anything a reader should know.
    pub notes: &'static str,
    /// Hardware generation (`volta`, `hopper`, `cdna3`, `tpu`…), which selects the performance
    /// model's efficiency constants (generic ones where no calibration run exists).
    pub generation: crate::perf::Generation,
    /// HBM bandwidth (bytes/s), where sourced.
    pub hbm_bytes_per_s: Option<f64>,
    /// Scale-up (NVLink, Infinity Fabric, ICI) bandwidth per GPU and per direction (bytes/s),
    /// where sourced.
    pub scaleup_bytes_per_s: Option<f64>,
    /// GPUs in one scale-up domain (HGX 8, NVL72 72, TPU pod), where sourced.
    pub scaleup_domain: Option<u32>,
    /// Scale-out (InfiniBand, Ethernet) bandwidth per GPU and per direction (bytes/s), where
    /// sourced; the performance model falls back to
    /// [`crate::perf::DEFAULT_SCALEOUT_BYTES_PER_S`] and says so.
    pub scaleout_bytes_per_s: Option<f64>,
    /// Sources of the bandwidth and domain figures.
    pub perf_sources: &'static [&'static str],
    /// How the bandwidth figures were read (total vs per direction, defaults).
    pub perf_note: &'static str,
    /// Non-tensor FP32 peak (FLOP/s), for back-testing older runs.
    pub fp32: Option<f64>,
    /// The vendor's quoted sparse 16-bit figure (FLOP/s), where one is given.
    pub sparse_bf16: Option<f64>,
    /// Names of the same chip in Epoch AI's hardware table.
    pub epoch_names: &'static [&'static str],
    /// Why the row falls outside a validity check, if it does (read by the tests).
    pub validity_note: &'static str,
    /// Figures sources disagree on.
    pub ranges: &'static [Ranged],
}

/// A published (or estimated) training run, reduced to what re-running it needs.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ReferenceRun {
    /// Accelerator id.
    pub hardware: &'static str,
    /// How many.
    pub count: f64,
    /// Counted as.
    pub count_unit: CountUnit,
    /// Wall-clock days.
    pub duration_days: f64,
    /// Where the duration comes from.
    pub duration_basis: &'static str,
}

/// The shape of a transformer, where published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Architecture {
    /// Transformer layers.
    pub layers: Option<u32>,
    /// Hidden (model) dimension.
    pub hidden: Option<u32>,
    /// Attention heads.
    pub heads: Option<u32>,
    /// Key/value heads (fewer than `heads` with grouped- or multi-query attention).
    pub kv_heads: Option<u32>,
    /// Feed-forward inner dimension (per expert for a mixture of experts).
    pub ffn: Option<u32>,
    /// Training sequence length.
    pub seq_len: Option<u32>,
    /// Vocabulary size.
    pub vocab: Option<u32>,
    /// Experts per MoE layer.
    pub experts: Option<u32>,
    /// Experts active per token.
    pub active_experts: Option<u32>,
    /// Feed-forward activation: `gelu`, `swiglu`, `relu`, `squared-relu` or `geglu`.
    pub mlp: Option<&'static str>,
}

impl Architecture {
    /// The columns the performance model needs that the row leaves empty.
    pub fn missing(&self) -> Vec<&'static str> {
        [
            ("layers", self.layers.is_none()),
            ("hidden", self.hidden.is_none()),
            ("heads", self.heads.is_none()),
            ("ffn", self.ffn.is_none()),
            ("seq_len", self.seq_len.is_none()),
            ("vocab", self.vocab.is_none()),
            ("mlp", self.mlp.is_none()),
        ]
        .into_iter()
        .filter_map(|(c, m)| m.then_some(c))
        .collect()
    }
}

/// A model preset: its training compute and, where known, the run that trained it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ModelPreset {
    /// Id used in scenarios.
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Developer.
    pub organization: &'static str,
    /// Publication (year-month).
    pub date: &'static str,
    /// Training compute (central), if reported or estimated.
    pub flop: Option<f64>,
    /// Low end of the published range.
    pub flop_low: Option<f64>,
    /// High end of the published range.
    pub flop_high: Option<f64>,
    /// Total parameters.
    pub params: Option<f64>,
    /// Active parameters per token (mixture of experts).
    pub active_params: Option<f64>,
    /// Training tokens.
    pub tokens: Option<f64>,
    /// How the compute figure was obtained.
    pub compute_basis: &'static str,
    /// The original run, if hardware, count and duration are known.
    pub run: Option<ReferenceRun>,
    /// Accelerator id, when known even without a duration.
    pub hardware: Option<&'static str>,
    /// How many accelerators, when known even without a duration.
    pub hardware_count: Option<f64>,
    /// Sources.
    pub sources: &'static [&'static str],
    /// Notes.
    pub notes: &'static str,
    /// The shape the performance model takes (`zettaflop predict`, `search`), when every
    /// dimension it needs is published (layers, hidden, heads, ffn, seq_len, vocab, mlp);
    /// experts default to 1 and kv heads to the heads.
    pub arch: Option<crate::perf::ModelShape>,
    /// The architecture columns as published, possibly partial.
    pub architecture: Option<Architecture>,
    /// Sources of the architecture.
    pub arch_sources: &'static [&'static str],
    /// Precision of the matmuls, where stated.
    pub precision: Option<Precision>,
    /// Reported (or Epoch-derived) model FLOPs utilization.
    pub reported_mfu: Option<f64>,
    /// Who reports the MFU and how.
    pub mfu_basis: &'static str,
    /// GPU-hours, where reported.
    pub gpu_hours: Option<f64>,
    /// Training cost estimate in USD (Epoch AI, 2023 dollars).
    pub cost_usd: Option<f64>,
    /// Name of the same model in Epoch AI's table.
    pub epoch_name: Option<&'static str>,
    /// Why the run falls outside a validity check, if it does (read by the tests).
    pub validity_note: &'static str,
    /// Figures sources disagree on.
    pub ranges: &'static [Ranged],
}

impl ModelPreset {
    /// Training compute: the figure given, else 6 · N(active) · D.
    pub fn compute(&self) -> Option<f64> {
        self.flop.or_else(|| {
            let n = self.active_params.or(self.params)?;
            Some(6.0 * n * self.tokens?)
        })
    }
}

/// A cluster or site in the news.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Cluster {
    /// Id.
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Who builds, owns or uses it.
    pub operator: &'static str,
    /// Where.
    pub location: &'static str,
    /// Accelerator id when the site has one chip type.
    pub hardware: Option<&'static str>,
    /// GPUs (or TPU/Trainium chips), counted one per GPU.
    pub gpus: Option<f64>,
    /// The count as the sources word it (superchips, GPUs, mixes).
    pub count_as_given: &'static str,
    /// Power (W): facility capacity as reported.
    pub power_w: Option<f64>,
    /// Date of the figures (year or year-month).
    pub date: &'static str,
    /// Status (operational, planned…).
    pub status: &'static str,
    /// Sources.
    pub sources: &'static [&'static str],
    /// Notes.
    pub notes: &'static str,
    /// Figures sources disagree on.
    pub ranges: &'static [Ranged],
}

/// A sourced constant (defaults of the scenario, reference figures).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Constant {
    /// Id.
    pub id: &'static str,
    /// Value in `unit`.
    pub value: f64,
    /// Unit.
    pub unit: &'static str,
    /// What it is.
    pub description: &'static str,
    /// Sources.
    pub sources: &'static [&'static str],
    /// The range, where sources give one.
    pub ranges: &'static [Ranged],
}

/// A claim from the press, with the verdict the arithmetic gives (`data/claims.csv`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BuiltinClaim {
    /// Id.
    pub id: &'static str,
    /// The claim paraphrased in English.
    pub title_en: &'static str,
    /// The claim paraphrased in French.
    pub title_fr: &'static str,
    /// Model preset id, for a duration claim.
    pub workload: Option<&'static str>,
    /// Claimed duration in days.
    pub duration_days: Option<f64>,
    /// Chips named.
    pub count: f64,
    /// As counted.
    pub count_unit: CountUnit,
    /// Accelerator id.
    pub hardware: &'static str,
    /// Quoted precision.
    pub precision: Option<Precision>,
    /// Quoted cluster peak.
    pub quoted_peak_flop_per_s: Option<f64>,
    /// Site power.
    pub site_power_w: Option<f64>,
    /// Budget.
    pub budget_usd: Option<f64>,
    /// The verdict the arithmetic gives (checked by the tests).
    pub expected_verdict: &'static str,
    /// Sources.
    pub sources: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/catalog_data.rs"));

/// Looks an accelerator up by id.
///
/// ```
/// let h100 = zettaflop_estimator::catalog::accelerator("h100").unwrap();
/// assert_eq!(h100.peaks.bf16, Some(989.4e12));
/// ```
pub fn accelerator(id: &str) -> Option<&'static Accelerator> {
    ACCELERATORS.iter().find(|a| a.id == id)
}

/// Looks a model preset up by id.
pub fn model(id: &str) -> Option<&'static ModelPreset> {
    MODELS.iter().find(|m| m.id == id)
}

/// Looks a cluster up by id.
pub fn cluster(id: &str) -> Option<&'static Cluster> {
    CLUSTERS.iter().find(|c| c.id == id)
}

/// Looks a constant up by id.
pub fn constant(id: &str) -> Option<&'static Constant> {
    CONSTANTS.iter().find(|c| c.id == id)
}

/// Looks a source up by id.
pub fn source(id: &str) -> Option<&'static Source> {
    SOURCES.iter().find(|s| s.id == id)
}
