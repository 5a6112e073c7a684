//! The sourced catalog, compiled in from `data/*.csv` by `build.rs`.
//!
//! Every figure carries the ids of its sources ([`SOURCES`]); a build fails if a row cites a
//! source that does not exist.

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

/// An accelerator of the catalog; every figure is per GPU, peaks are dense.
#[derive(Debug, Clone, Copy, PartialEq)]
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
    /// Thermal design power of the GPU alone (W).
    pub tdp_w: f64,
    /// Power per GPU with its share of host, network and cooling fans (W).
    pub all_in_w: f64,
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
    /// Default rental price per GPU-hour.
    pub usd_per_chip_hour: f64,
    /// Which offer and date the price is, and the range seen.
    pub usd_per_chip_hour_note: &'static str,
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
    /// Hardware generation, which selects the performance model's efficiency constants.
    pub generation: crate::perf::Generation,
    /// HBM bandwidth per GPU (bytes/s).
    pub hbm_bytes_per_s: f64,
    /// Scale-up (NVLink) bandwidth per GPU, one direction (bytes/s).
    pub scaleup_bytes_per_s: f64,
    /// GPUs in one scale-up (NVLink) domain.
    pub scaleup_domain: u32,
    /// Scale-out (InfiniBand/Ethernet) bandwidth per GPU, one direction (bytes/s).
    pub scaleout_bytes_per_s: f64,
    /// Sources of the bandwidths and domain size.
    pub perf_sources: &'static [&'static str],
    /// How the bandwidths were read (direction, defaults).
    pub perf_note: &'static str,
}

/// A published (or estimated) training run, reduced to what re-running it needs.
#[derive(Debug, Clone, Copy, PartialEq)]
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

/// A model preset: its training compute and, where known, the run that trained it.
#[derive(Debug, Clone, Copy, PartialEq)]
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
    /// The original run, if known.
    pub run: Option<ReferenceRun>,
    /// Sources.
    pub sources: &'static [&'static str],
    /// Notes.
    pub notes: &'static str,
    /// The architecture, where published (for the performance model).
    pub arch: Option<crate::perf::ModelShape>,
    /// Sources of the architecture.
    pub arch_sources: &'static [&'static str],
}

/// A sourced constant (defaults of the scenario, reference figures).
#[derive(Debug, Clone, Copy, PartialEq)]
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

/// Looks a source up by id.
pub fn source(id: &str) -> Option<&'static Source> {
    SOURCES.iter().find(|s| s.id == id)
}
