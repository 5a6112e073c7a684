//! The system: a number of GPUs of one kind, their bandwidths, and the efficiency constants of
//! their hardware generation.

use serde::{Deserialize, Serialize};

use crate::catalog;
use crate::error::{Error, ErrorKind};
use crate::hardware::{Peaks, Precision};
use crate::limits;

/// A GPU generation: it selects the [`Efficiency`] constants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Generation {
    /// V100 (2017).
    Volta,
    /// A100 (2020).
    Ampere,
    /// H100, H200 (2022).
    Hopper,
    /// B200, GB200 (2024).
    Blackwell,
}

/// The handful of constants per hardware generation. None is fitted to a data row: the values
/// are the usual figures for the generation's libraries (cuBLAS, NCCL), chosen once and checked
/// against the whole calibration table (`docs/calibration.md`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Efficiency {
    /// Fraction of the dense peak a large matmul reaches (cuBLAS on big square GEMMs).
    pub matmul_max: f64,
    /// Smallest matmul dimension at which the efficiency is half of `matmul_max`: the
    /// efficiency of an M×K×N matmul is `matmul_max · d / (d + matmul_half_dim)` with
    /// d = min(M, K, N) (tile and wave quantization, fixed per-kernel costs).
    pub matmul_half_dim: f64,
    /// Fraction of the HBM bandwidth element-wise kernels (norms, activations, softmax, the
    /// optimizer) reach.
    pub hbm: f64,
    /// Fraction of the link bandwidth a NCCL collective reaches (bus bandwidth / link bandwidth).
    pub collective: f64,
    /// Start-up latency of one collective or transfer inside the scale-up domain (s).
    pub scaleup_latency_s: f64,
    /// Start-up latency of one collective step or transfer over the scale-out network (s).
    pub scaleout_latency_s: f64,
}

impl Generation {
    /// The efficiency constants of this generation.
    ///
    /// - `matmul_max`: large BF16 GEMMs reach about 80 % of peak on V100/A100 (cuBLAS, e.g.
    ///   250 of 312 TFLOP/s) and about 75 % on H100/B200, whose peaks grew faster than what
    ///   kernels sustain (700–750 of 989 TFLOP/s).
    /// - `matmul_half_dim`: 64 on all: a head-dimension-128 attention matmul runs at 2/3 of
    ///   the large-GEMM rate, a 1,024-wide one at 94 %.
    /// - `hbm`: 80 % of the nominal HBM bandwidth for streaming kernels.
    /// - `collective`: NCCL's bus bandwidth is about 80 % of the link rate (A100 NVLink ~240 of
    ///   300 GB/s, H100 ~360 of 450 GB/s per direction).
    /// - latencies: 10 µs per collective inside NVLink, 20 µs per step over InfiniBand.
    pub fn efficiency(self) -> Efficiency {
        let base = Efficiency {
            matmul_max: 0.80,
            matmul_half_dim: 64.0,
            hbm: 0.80,
            collective: 0.80,
            scaleup_latency_s: 10e-6,
            scaleout_latency_s: 20e-6,
        };
        match self {
            Generation::Volta | Generation::Ampere => Efficiency {
                matmul_max: 0.72,
                ..base
            },
            Generation::Hopper | Generation::Blackwell => Efficiency {
                matmul_max: 0.66,
                ..base
            },
        }
    }
}

/// One accelerator's figures the performance model needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerfHardware {
    /// Display name.
    pub name: String,
    /// Dense peaks per precision, FLOP/s per GPU.
    pub peak_flop_per_s: Peaks,
    /// HBM per GPU (bytes).
    pub hbm_bytes: f64,
    /// HBM bandwidth per GPU (bytes/s).
    pub hbm_bytes_per_s: f64,
    /// Scale-up (NVLink) bandwidth per GPU, one direction (bytes/s).
    pub scaleup_bytes_per_s: f64,
    /// GPUs per scale-up domain (8 for an HGX board, 72 for an NVL72 rack).
    pub scaleup_domain: u32,
    /// Scale-out bandwidth per GPU, one direction (bytes/s).
    pub scaleout_bytes_per_s: f64,
    /// Which efficiency constants apply.
    pub generation: Generation,
}

impl PerfHardware {
    /// The figures of a catalog accelerator.
    ///
    /// # Errors
    /// Unknown id (field `hardware`).
    pub fn from_catalog(id: &str) -> Result<PerfHardware, Error> {
        let a = catalog::accelerator(id).ok_or_else(|| {
            Error::new(
                "hardware",
                ErrorKind::UnknownId {
                    what: "hardware",
                    id: id.into(),
                    known: catalog::ACCELERATORS.iter().map(|a| a.id).collect(),
                },
            )
        })?;
        Ok(PerfHardware {
            name: a.name.into(),
            peak_flop_per_s: a.peaks,
            hbm_bytes: a.hbm_bytes,
            hbm_bytes_per_s: a.hbm_bytes_per_s,
            scaleup_bytes_per_s: a.scaleup_bytes_per_s,
            scaleup_domain: a.scaleup_domain,
            scaleout_bytes_per_s: a.scaleout_bytes_per_s,
            generation: a.generation,
        })
    }

    /// Checks a custom description (fields `hardware.<name>`).
    ///
    /// # Errors
    /// A figure out of range or no peak at all.
    pub fn validate(&self) -> Result<(), Error> {
        for p in Precision::ALL {
            if let Some(v) = self.peak_flop_per_s.get(p) {
                limits::PEAK_FLOP_PER_S
                    .check(&format!("hardware.peak_flop_per_s.{}", p.id()), v)?;
            }
        }
        limits::PERF_HBM_BYTES.check("hardware.hbm_bytes", self.hbm_bytes)?;
        limits::PERF_BANDWIDTH.check("hardware.hbm_bytes_per_s", self.hbm_bytes_per_s)?;
        limits::PERF_BANDWIDTH.check("hardware.scaleup_bytes_per_s", self.scaleup_bytes_per_s)?;
        limits::PERF_BANDWIDTH.check("hardware.scaleout_bytes_per_s", self.scaleout_bytes_per_s)?;
        limits::GPUS_PER_UNIT.check("hardware.scaleup_domain", self.scaleup_domain.into())?;
        Ok(())
    }

    /// Dense peak at `precision`.
    ///
    /// # Errors
    /// The chip has no figure for it (field `precision`).
    pub fn peak(&self, precision: Precision) -> Result<f64, Error> {
        self.peak_flop_per_s.get(precision).ok_or_else(|| {
            let known: Vec<&str> = self
                .peak_flop_per_s
                .supported()
                .into_iter()
                .map(Precision::id)
                .collect();
            Error::new(
                "precision",
                ErrorKind::Unsupported {
                    reason: format!(
                        "{} has no {} figure; it supports {}",
                        self.name,
                        precision.id(),
                        known.join(", ")
                    ),
                    fr: String::new(),
                },
            )
        })
    }
}

/// The cluster: `gpus` accelerators of one kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct System {
    /// The accelerator.
    pub hardware: PerfHardware,
    /// How many GPUs.
    pub gpus: u32,
}

impl System {
    /// Checks the hardware and the GPU count (field `gpus`).
    ///
    /// # Errors
    /// See [`PerfHardware::validate`]; `gpus` out of range.
    pub fn validate(&self) -> Result<(), Error> {
        self.hardware.validate()?;
        limits::PERF_GPUS.check("gpus", self.gpus.into())?;
        Ok(())
    }
}
