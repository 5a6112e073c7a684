//! Epoch AI's tables, compiled in with the `full-catalog` feature (on for the CLI and the tests,
//! off for the page, which fetches the long tail later).
//!
//! Data © Epoch AI, under the Creative Commons Attribution licence: whatever shows these
//! figures must credit "Epoch AI" and link [`HARDWARE_URL`] or [`MODELS_URL`]. The CSV files are
//! kept verbatim in `data/epoch/` (see its README); chips already in the core catalog are listed
//! there under `epoch_names` and are not repeated here.

use serde::Serialize;

/// The credit line to show next to Epoch figures.
pub const CREDIT: &str = "Data: Epoch AI (CC-BY)";
/// Source of record of the hardware table.
pub const HARDWARE_URL: &str = "https://epoch.ai/data/machine-learning-hardware";
/// Source of record of the models table.
pub const MODELS_URL: &str = "https://epoch.ai/data/ai-models";

/// A chip of Epoch's ML-hardware table that is not in the core catalog. Figures per chip, in
/// SI units (FLOP/s, bytes, bytes/s), as Epoch gives them; `None` where Epoch has no figure.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct EpochChip {
    /// Id: the name in lower case with dashes.
    pub id: &'static str,
    /// Epoch's name.
    pub name: &'static str,
    /// Maker.
    pub manufacturer: &'static str,
    /// GPU, TPU, CPU, Other.
    pub kind: &'static str,
    /// Release date (YYYY-MM-DD), may be empty.
    pub release_date: &'static str,
    /// Release price (USD).
    pub release_price_usd: Option<f64>,
    /// FP64 peak.
    pub fp64: Option<f64>,
    /// FP32 (non-tensor) peak.
    pub fp32: Option<f64>,
    /// FP16 (non-tensor) peak.
    pub fp16: Option<f64>,
    /// TF32 tensor peak.
    pub tf32: Option<f64>,
    /// Tensor FP16/BF16 peak, dense (Epoch does not split FP16 and BF16).
    pub tensor16: Option<f64>,
    /// INT8 peak (OP/s).
    pub int8: Option<f64>,
    /// Memory per board (bytes).
    pub memory_bytes: Option<f64>,
    /// Memory bandwidth (bytes/s).
    pub memory_bytes_per_s: Option<f64>,
    /// Intranode bandwidth (bytes/s).
    pub intranode_bytes_per_s: Option<f64>,
    /// Internode bandwidth (bits/s).
    pub internode_bits_per_s: Option<f64>,
    /// TDP (W).
    pub tdp_w: Option<f64>,
    /// Google Cloud price per hour on 2022-12-17.
    pub gcp_usd_per_hour: Option<f64>,
    /// First datasheet link Epoch gives.
    pub datasheet: &'static str,
}

/// A model of Epoch's notable-models table (all have a training-compute figure).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct EpochModel {
    /// Id: the name in lower case with dashes (a suffix `-2` on a repeated name).
    pub id: &'static str,
    /// Epoch's name.
    pub name: &'static str,
    /// Domain (Language, Vision…).
    pub domain: &'static str,
    /// Organization(s).
    pub organization: &'static str,
    /// Publication date (YYYY-MM-DD).
    pub date: &'static str,
    /// Link to the publication.
    pub link: &'static str,
    /// Parameters.
    pub params: Option<f64>,
    /// Training compute (FLOP).
    pub flop: f64,
    /// Lower bound of the compute.
    pub flop_low: Option<f64>,
    /// Upper bound of the compute.
    pub flop_high: Option<f64>,
    /// Training dataset size (datapoints; tokens for language models).
    pub dataset_size: Option<f64>,
    /// Training time (hours).
    pub hours: Option<f64>,
    /// Chip ids (core or Epoch) of the training hardware.
    pub hardware: &'static [&'static str],
    /// How many chips.
    pub hardware_count: Option<f64>,
    /// Hardware utilization (MFU) as Epoch gives it.
    pub mfu: Option<f64>,
    /// Chip-hours.
    pub chip_hours: Option<f64>,
    /// Numerical format(s), e.g. `BF16` or `FP8,BF16,FP32`.
    pub precision: &'static str,
    /// Training power draw (W).
    pub power_w: Option<f64>,
    /// How Epoch estimated the compute.
    pub method: &'static str,
    /// Epoch's confidence: Confident, Likely, Speculative, Unknown.
    pub confidence: &'static str,
    /// Training compute cost (2023 USD).
    pub cost_2023_usd: Option<f64>,
    /// Open weights, API access…
    pub accessibility: &'static str,
    /// Country of the organization.
    pub country: &'static str,
    /// The core preset describing the same model, if any (it takes precedence).
    pub core_id: Option<&'static str>,
}

include!(concat!(env!("OUT_DIR"), "/epoch_data.rs"));

/// Looks an Epoch-only chip up by id.
pub fn chip(id: &str) -> Option<&'static EpochChip> {
    EPOCH_HARDWARE.iter().find(|c| c.id == id)
}

/// Looks an Epoch model up by id.
pub fn model(id: &str) -> Option<&'static EpochModel> {
    EPOCH_MODELS.iter().find(|m| m.id == id)
}
