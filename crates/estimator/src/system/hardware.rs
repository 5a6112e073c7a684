//! The system: accelerators, their peaks per precision, their power, and how they are counted.

use serde::{Deserialize, Serialize};

use crate::catalog;
use crate::error::{Conflict, Error, ErrorKind, Need};
use crate::limits;

/// A number format the tensor cores compute in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// IEEE double.
    Fp64,
    /// TensorFloat-32.
    Tf32,
    /// bfloat16: the usual training format since 2020.
    #[default]
    Bf16,
    /// IEEE half.
    Fp16,
    /// 8-bit float (Hopper and later).
    Fp8,
    /// 4-bit float (Blackwell and later).
    Fp4,
}

impl Precision {
    /// All precisions, widest first.
    pub const ALL: [Precision; 6] = [
        Precision::Fp64,
        Precision::Tf32,
        Precision::Bf16,
        Precision::Fp16,
        Precision::Fp8,
        Precision::Fp4,
    ];

    /// The JSON name (`bf16`…).
    pub fn id(self) -> &'static str {
        match self {
            Precision::Fp64 => "fp64",
            Precision::Tf32 => "tf32",
            Precision::Bf16 => "bf16",
            Precision::Fp16 => "fp16",
            Precision::Fp8 => "fp8",
            Precision::Fp4 => "fp4",
        }
    }

    /// The display name (`BF16`…).
    pub fn label(self) -> &'static str {
        match self {
            Precision::Fp64 => "FP64",
            Precision::Tf32 => "TF32",
            Precision::Bf16 => "BF16",
            Precision::Fp16 => "FP16",
            Precision::Fp8 => "FP8",
            Precision::Fp4 => "FP4",
        }
    }

    /// Reads a JSON name back.
    pub fn from_id(id: &str) -> Option<Precision> {
        Precision::ALL.into_iter().find(|p| p.id() == id)
    }
}

/// Dense peak FLOP/s of one GPU for each precision it supports (`None`: not supported).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Peaks {
    /// FP64: the vector figure (on NVIDIA chips the tensor-core figure is up to twice it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fp64: Option<f64>,
    /// TF32.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tf32: Option<f64>,
    /// BF16.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bf16: Option<f64>,
    /// FP16.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fp16: Option<f64>,
    /// FP8.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fp8: Option<f64>,
    /// FP4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fp4: Option<f64>,
}

impl Peaks {
    /// The dense peak for `p`, if supported.
    pub fn get(&self, p: Precision) -> Option<f64> {
        match p {
            Precision::Fp64 => self.fp64,
            Precision::Tf32 => self.tf32,
            Precision::Bf16 => self.bf16,
            Precision::Fp16 => self.fp16,
            Precision::Fp8 => self.fp8,
            Precision::Fp4 => self.fp4,
        }
    }

    /// The dense peak for `p`, or an error (field `precision`) naming the chip and what it
    /// supports.
    ///
    /// # Errors
    /// No figure for `p`.
    pub fn require(&self, p: Precision, chip: &str) -> Result<f64, Error> {
        self.get(p).ok_or_else(|| {
            Error::new(
                "precision",
                ErrorKind::Conflict(Conflict::NoPrecision {
                    chip: chip.to_string(),
                    precision: p,
                    supported: self.supported(),
                }),
            )
        })
    }

    /// The precisions with a figure.
    pub fn supported(&self) -> Vec<Precision> {
        Precision::ALL
            .into_iter()
            .filter(|p| self.get(*p).is_some())
            .collect()
    }
}

/// How `count` is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum CountUnit {
    /// One GPU (or TPU chip): the unit of every per-chip figure.
    #[default]
    Chip,
    /// A package: a GB200 superchip holds 2 GPUs; most chips are 1 GPU per package.
    Package,
    /// A rack where the catalog defines one (GB200 NVL72 = 72 GPUs).
    Rack,
}

impl CountUnit {
    /// The JSON name.
    pub fn id(self) -> &'static str {
        match self {
            CountUnit::Chip => "chip",
            CountUnit::Package => "package",
            CountUnit::Rack => "rack",
        }
    }
}

/// An accelerator the user describes instead of picking from the catalog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CustomHardware {
    /// Display name.
    pub name: String,
    /// Dense peaks per precision, FLOP/s per GPU.
    pub peak_flop_per_s: Peaks,
    /// Whether a 2:4 sparse peak (2 × dense) exists.
    #[serde(default)]
    pub sparse: bool,
    /// Power per GPU including its share of host, network and cooling fans (W).
    pub all_in_w: f64,
    /// HBM per GPU in bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hbm_bytes: Option<f64>,
    /// GPUs per package (default 1).
    #[serde(default = "one")]
    pub gpus_per_package: u32,
    /// GPUs per rack, if racks can be counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gpus_per_rack: Option<u32>,
    /// Rental price per GPU-hour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usd_per_chip_hour: Option<f64>,
}

fn one() -> u32 {
    1
}

/// The hardware of a scenario: a catalog id or a custom description.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(
    untagged,
    expecting = "a catalog id such as \"h100\" or an object {\"name\", \"peak_flop_per_s\", \"all_in_w\", ...}"
)]
pub enum HardwareChoice {
    /// A catalog id (`zettaflop catalog` lists them).
    Id(String),
    /// A custom accelerator.
    Custom(CustomHardware),
}

impl Default for HardwareChoice {
    fn default() -> Self {
        HardwareChoice::Id("gb200".into())
    }
}

/// Hardware after lookup and validation: what the estimate uses.
#[derive(Debug, Clone, PartialEq)]
pub struct Hardware {
    /// Catalog id, or `custom`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Dense peaks per GPU.
    pub peaks: Peaks,
    /// Whether a sparse mode exists.
    pub sparse: bool,
    /// All-in power per GPU (W).
    pub all_in_w: f64,
    /// How the all-in power was obtained.
    pub all_in_basis: String,
    /// GPUs per package.
    pub gpus_per_package: u32,
    /// GPUs per rack.
    pub gpus_per_rack: Option<u32>,
    /// Catalog rental price per GPU-hour.
    pub usd_per_chip_hour: Option<f64>,
    /// Source ids for the peaks, the power and the price.
    pub peak_sources: Vec<String>,
    /// Source ids for the power.
    pub power_sources: Vec<String>,
    /// Source ids for the price.
    pub price_sources: Vec<String>,
}

impl HardwareChoice {
    /// Looks the id up or validates the custom description.
    ///
    /// # Errors
    /// Unknown id, or a custom figure out of range; the field is `hardware…`.
    pub fn resolve(&self) -> Result<Hardware, Error> {
        match self {
            HardwareChoice::Id(id) => {
                let a = catalog::accelerator(id).ok_or_else(|| {
                    Error::new(
                        "hardware",
                        ErrorKind::UnknownId {
                            what: "hardware",
                            id: id.clone(),
                            known: catalog::ACCELERATORS.iter().map(|a| a.id).collect(),
                        },
                    )
                })?;
                let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect();
                let all_in_w = a.all_in_w.ok_or_else(|| {
                    Error::new(
                        "hardware",
                        ErrorKind::Conflict(Conflict::NoPowerFigure {
                            chip: a.name.into(),
                        }),
                    )
                })?;
                Ok(Hardware {
                    id: a.id.into(),
                    name: a.name.into(),
                    peaks: a.peaks,
                    sparse: a.sparse,
                    all_in_w,
                    all_in_basis: a.all_in_basis.into(),
                    gpus_per_package: a.gpus_per_package,
                    gpus_per_rack: a.gpus_per_rack,
                    usd_per_chip_hour: a.usd_per_chip_hour,
                    peak_sources: v(a.peak_sources),
                    power_sources: v(a.power_sources),
                    price_sources: v(a.price_sources),
                })
            }
            HardwareChoice::Custom(c) => {
                for p in Precision::ALL {
                    if let Some(v) = c.peak_flop_per_s.get(p) {
                        limits::PEAK_FLOP_PER_S
                            .check(&format!("hardware.peak_flop_per_s.{}", p.id()), v)?;
                    }
                }
                if c.peak_flop_per_s.supported().is_empty() {
                    return Err(Error::new(
                        "hardware.peak_flop_per_s",
                        ErrorKind::Needs(Need::CustomPeak),
                    ));
                }
                limits::ALL_IN_W.check("hardware.all_in_w", c.all_in_w)?;
                if let Some(h) = c.hbm_bytes {
                    limits::HBM_BYTES.check("hardware.hbm_bytes", h)?;
                }
                limits::GPUS_PER_UNIT
                    .check("hardware.gpus_per_package", c.gpus_per_package.into())?;
                if let Some(r) = c.gpus_per_rack {
                    limits::GPUS_PER_UNIT.check("hardware.gpus_per_rack", r.into())?;
                }
                if let Some(p) = c.usd_per_chip_hour {
                    limits::USD_PER_CHIP_HOUR.check("hardware.usd_per_chip_hour", p)?;
                }
                Ok(Hardware {
                    id: "custom".into(),
                    name: c.name.clone(),
                    peaks: c.peak_flop_per_s,
                    sparse: c.sparse,
                    all_in_w: c.all_in_w,
                    all_in_basis: "given by the user".into(),
                    gpus_per_package: c.gpus_per_package,
                    gpus_per_rack: c.gpus_per_rack,
                    usd_per_chip_hour: c.usd_per_chip_hour,
                    peak_sources: vec![],
                    power_sources: vec![],
                    price_sources: vec![],
                })
            }
        }
    }
}

impl Hardware {
    /// GPUs in one `unit`, or an error naming `count_unit` if the chip has no such unit.
    ///
    /// # Errors
    /// A rack count for a chip without a rack definition.
    pub fn gpus_per(&self, unit: CountUnit) -> Result<u32, Error> {
        match unit {
            CountUnit::Chip => Ok(1),
            CountUnit::Package => Ok(self.gpus_per_package),
            CountUnit::Rack => self.gpus_per_rack.ok_or_else(|| {
                Error::new(
                    "count_unit",
                    ErrorKind::Conflict(Conflict::NoRack {
                        chip: self.name.clone(),
                    }),
                )
            }),
        }
    }

    /// Peak FLOP/s of one GPU at `precision`, doubled when `sparse`.
    ///
    /// # Errors
    /// The chip has no figure for that precision (field `precision`) or no sparse mode (field
    /// `sparse`).
    pub fn peak_per_gpu(&self, precision: Precision, sparse: bool) -> Result<f64, Error> {
        let dense = self.peaks.require(precision, &self.name)?;
        if !sparse {
            return Ok(dense);
        }
        if !self.sparse || precision == Precision::Fp64 {
            return Err(Error::new(
                "sparse",
                ErrorKind::Conflict(Conflict::NoSparseMode {
                    chip: self.name.clone(),
                    precision,
                }),
            ));
        }
        Ok(2.0 * dense)
    }
}
