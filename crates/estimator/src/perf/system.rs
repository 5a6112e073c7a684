//! The system: a number of GPUs of one kind, their bandwidths, and the efficiency constants of
//! their hardware generation.

use serde::{Deserialize, Serialize};

use crate::catalog;
use crate::error::{Error, ErrorKind};
use crate::hardware::{Peaks, Precision};
use crate::limits;

/// A GPU generation: it selects the [`Efficiency`] constants.
///
/// Volta, Ampere, Hopper and Blackwell are checked against the calibration table
/// (`docs/calibration.md`). The other generations have no published Megatron-style run there:
/// they take the constants of the NVIDIA generation of their period (see
/// [`Generation::efficiency`]), and a prediction on them says so in its `notes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// AMD MI250X (2021).
    Cdna2,
    /// AMD MI300X, MI325X (2023).
    Cdna3,
    /// AMD MI355X (2025).
    Cdna4,
    /// Google TPU, v3 to v7.
    Tpu,
    /// Intel Gaudi 2 and 3.
    Gaudi,
    /// AWS Trainium 1 and 2.
    Trainium,
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
    /// Start-up latency of one step over the scale-out network (s). Not read since issue 14:
    /// scale-out steps take the fitted [`super::fitted::Fitted::ring_step_latency_s`].
    pub scaleout_latency_s: f64,
}

impl Generation {
    /// The efficiency constants of this generation.
    ///
    /// - `matmul_max`: 0.72 of the dense peak on V100/A100 and 0.66 from Hopper on, for the
    ///   largest matmuls of a training step. Blackwell's is replaced by the fitted
    ///   `blackwell_matmul_max` when a prediction is prepared (the Megatron-LM table has no
    ///   Blackwell run; the held-out data has 43). An isolated large square GEMM does better (cuBLAS:
    ///   about 250 of 312 TFLOP/s on A100, 700–750 of 989 on H100); a step's matmuls are
    ///   rectangular, interleaved with other kernels and share the GPU with communication. Set
    ///   when the model was first calibrated on the Megatron-LM table and not refitted since
    ///   (0.80 on Ampere, tried on 2026-12-02, brings the fms-fsdp A100 rows in but puts the
    ///   Megatron table's median at 5.8 % and the reports' at 19 %).
    /// - `matmul_half_dim`: 64 on all: a head-dimension-128 attention matmul runs at 2/3 of
    ///   the large-GEMM rate, a 1,024-wide one at 94 %.
    /// - `hbm`: 80 % of the nominal HBM bandwidth for streaming kernels.
    /// - `collective`: NCCL's bus bandwidth is about 80 % of the link rate (A100 NVLink ~240 of
    ///   300 GB/s, H100 ~360 of 450 GB/s per direction).
    /// - latencies: 10 µs per collective or transfer inside NVLink (charged per step of a ring
    ///   inside the domain); 20 µs per step over InfiniBand, no longer read (the scale-out step
    ///   is the fitted `ring_step_latency_s`, an NVLink hop of a cross-node ring
    ///   `comm::NVLINK_RING_HOP_S`).
    ///
    /// Generic (not calibrated) for the other generations: CDNA2 and the TPUs take Ampere's
    /// `matmul_max` (0.72: the older peak-to-sustained ratio; PaLM reached 46 % MFU on TPU v4),
    /// CDNA3, CDNA4, Gaudi and Trainium take Hopper's (0.66: peaks of the same period); the
    /// collective efficiency and latencies are NCCL's figures standing in for RCCL, ICI, HCCL
    /// and the Neuron collectives.
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
            Generation::Volta | Generation::Ampere | Generation::Cdna2 | Generation::Tpu => {
                Efficiency {
                    matmul_max: 0.72,
                    ..base
                }
            }
            Generation::Hopper
            | Generation::Blackwell
            | Generation::Cdna3
            | Generation::Cdna4
            | Generation::Gaudi
            | Generation::Trainium => Efficiency {
                matmul_max: 0.66,
                ..base
            },
        }
    }

    /// Whether the calibration table has runs on this generation (NVIDIA's).
    pub fn calibrated(self) -> bool {
        matches!(
            self,
            Generation::Volta | Generation::Ampere | Generation::Hopper | Generation::Blackwell
        )
    }

    /// The id as in `accelerators.csv`.
    pub fn id(self) -> &'static str {
        match self {
            Generation::Volta => "volta",
            Generation::Ampere => "ampere",
            Generation::Hopper => "hopper",
            Generation::Blackwell => "blackwell",
            Generation::Cdna2 => "cdna2",
            Generation::Cdna3 => "cdna3",
            Generation::Cdna4 => "cdna4",
            Generation::Tpu => "tpu",
            Generation::Gaudi => "gaudi",
            Generation::Trainium => "trainium",
        }
    }
}

/// Scale-out bandwidth per GPU and per direction assumed where the catalog has none: 400 Gb/s
/// = 50 GB/s, one ConnectX-7-class NIC per GPU, as on the H100 clusters whose figure is sourced.
/// A prediction that uses it says so in its `notes`.
pub const DEFAULT_SCALEOUT_BYTES_PER_S: f64 = 50e9;

/// Bytes in one "GB" of an NVIDIA chip's HBM capacity in the catalog, as the model reads it: a GiB
/// (other vendors' rows are already converted to decimal bytes in the catalog). HBM stacks come
/// in binary sizes (five 16 GiB stacks on an A100 or H100 "80 GB"), and the memory a framework can
/// allocate is what the driver reports: 81,920 MiB on an A100 80GB, 81,559 MiB on an H100 SXM
/// 80GB, 40,960 MiB on an A100 40GB (nvidia-smi). Reading "80 GB" as 80 × 10⁹ bytes would take
/// 5.5 GiB from every GPU. Bandwidths stay decimal.
pub const HBM_GIB: f64 = 1024.0 * 1024.0 * 1024.0;

/// One accelerator's figures the performance model needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// Figures the catalog does not give and the model assumed (the default scale-out
    /// bandwidth); set by [`PerfHardware::from_catalog`], never read from a job.
    #[serde(skip_deserializing, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub assumed: Vec<String>,
}

impl PerfHardware {
    /// The figures of a catalog accelerator. A scale-out bandwidth the catalog lacks becomes
    /// [`DEFAULT_SCALEOUT_BYTES_PER_S`], noted in `assumed`.
    ///
    /// # Errors
    /// Unknown id (field `hardware`); a chip whose HBM bandwidth, scale-up bandwidth or
    /// scale-up domain the catalog does not give (field `hardware`, naming the columns).
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
        let (Some(hbm), Some(scaleup), Some(domain)) =
            (a.hbm_bytes_per_s, a.scaleup_bytes_per_s, a.scaleup_domain)
        else {
            let missing: Vec<&str> = [
                ("hbm_tb_s", a.hbm_bytes_per_s.is_none()),
                ("scaleup_gb_s", a.scaleup_bytes_per_s.is_none()),
                ("scaleup_domain", a.scaleup_domain.is_none()),
            ]
            .into_iter()
            .filter_map(|(c, m)| m.then_some(c))
            .collect();
            return Err(Error::said(
                "hardware",
                Unsourced::Figures,
                &[&missing.join(", "), a.name, &paren(a.perf_note)],
            ));
        };
        let mut assumed = Vec::new();
        let scaleout = a.scaleout_bytes_per_s.unwrap_or_else(|| {
            assumed.push(format!(
                "{}: scale-out bandwidth not sourced; assumed {} GB/s per GPU per direction (400 Gb/s, one NIC per GPU)",
                a.name,
                DEFAULT_SCALEOUT_BYTES_PER_S / 1e9
            ));
            DEFAULT_SCALEOUT_BYTES_PER_S
        });
        Ok(PerfHardware {
            name: a.name.into(),
            peak_flop_per_s: a.peaks,
            hbm_bytes: if a.vendor == "NVIDIA" {
                a.hbm_bytes / 1e9 * HBM_GIB
            } else {
                a.hbm_bytes
            },
            hbm_bytes_per_s: hbm,
            scaleup_bytes_per_s: scaleup,
            scaleup_domain: domain,
            scaleout_bytes_per_s: scaleout,
            generation: a.generation,
            assumed,
        })
    }

    /// What a prediction on this hardware should say it assumed: defaulted figures and, for a
    /// generation without calibration runs, the generic efficiency constants.
    pub fn notes(&self) -> Vec<String> {
        let mut notes = self.assumed.clone();
        if !self.generation.calibrated() {
            notes.push(format!(
                "{}: no calibration run on {} hardware; generic efficiency constants (matmul {:.0} % of peak at best)",
                self.name,
                self.generation.id(),
                self.generation.efficiency().matmul_max * 100.0
            ));
        }
        notes
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
        self.peak_flop_per_s.require(precision, &self.name)
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

/// ` (note)`, or nothing for an empty note (the page's build carries no prose).
fn paren(note: &str) -> String {
    if note.is_empty() {
        String::new()
    } else {
        format!(" ({note})")
    }
}

crate::keys! {
    /// A catalog chip the performance model cannot use: the missing figures, the chip's name
    /// and its note (in parentheses, or nothing).
    pub(super) enum Unsourced {
        Figures => "the catalog has no {} for {}{}; describe the hardware in the job with its figures",
            "le catalogue n'a pas de {} pour {}{} ; décrivez le matériel dans la tâche avec ses chiffres";
    }
}
