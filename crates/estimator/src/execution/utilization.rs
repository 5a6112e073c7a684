//! Utilization as the scenario gives it: a share of the peak, or `"auto"` — predicted by the
//! performance model ([`crate::perf`]) from the best parallel layout of the model on the cluster.

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::catalog;
use crate::error::{Conflict, Error, ErrorKind};
use crate::format::Locale;
use crate::hardware::Precision;
use crate::perf::{self, Fixed, PerfHardware, Prediction, System, Training};

/// Tokens per optimizer step assumed by `"auto"` when the scenario gives no `global_batch`:
/// 16 Mi tokens, the final batch of Llama 3.1 405B (Llama 3 paper, section 3.4).
pub const AUTO_BATCH_TOKENS: u32 = 16 * 1024 * 1024;

/// A utilization: a number in (0, 1], or `"auto"`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Utilization {
    /// Given as a share of the peak.
    Given(f64),
    /// Predicted from the best layout.
    Auto,
}

impl From<f64> for Utilization {
    fn from(v: f64) -> Self {
        Utilization::Given(v)
    }
}

impl Serialize for Utilization {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Utilization::Given(v) => s.serialize_f64(*v),
            Utilization::Auto => s.serialize_str("auto"),
        }
    }
}

struct UtilizationVisitor;

impl Visitor<'_> for UtilizationVisitor {
    type Value = Utilization;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a number in (0, 1] or \"auto\"")
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Utilization, E> {
        Ok(Utilization::Given(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Utilization, E> {
        Ok(Utilization::Given(v as f64))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Utilization, E> {
        Ok(Utilization::Given(v as f64))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Utilization, E> {
        if v == "auto" {
            Ok(Utilization::Auto)
        } else {
            Err(E::invalid_value(de::Unexpected::Str(v), &self))
        }
    }
}

impl<'de> Deserialize<'de> for Utilization {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Utilization, D::Error> {
        d.deserialize_any(UtilizationVisitor)
    }
}

/// The layout the performance model picked for `"auto"`, as the report shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PredictedUtilization {
    /// Predicted MFU.
    pub mfu: f64,
    /// Low end of the MFU range (what published runs reached, 10th percentile, when the model
    /// predicted `mfu`; see `docs/calibration.md`).
    pub mfu_low: f64,
    /// High end of the MFU range (90th percentile).
    pub mfu_high: f64,
    /// Predicted HFU.
    pub hfu: f64,
    /// Seconds per optimizer step.
    pub iteration_s: f64,
    /// Sequences per step assumed.
    pub global_batch: u32,
    /// The best layout, in words (`tp 8 · pp 16 · …`).
    pub layout: String,
}

fn auto_error(c: Conflict) -> Error {
    Error::new("utilization", ErrorKind::Conflict(c))
}

/// What `"auto"` says in a build without the performance model (feature `no-auto`: the page's
/// light first module, which loads the full app to compute it).
#[cfg(feature = "no-auto")]
pub(crate) fn not_here() -> Result<(PredictedUtilization, Prediction), Error> {
    Err(auto_error(Conflict::AutoNotInBuild))
}

/// Predicts the utilization of `model_id` on `gpus` GPUs of `hardware_id`.
///
/// # Errors
/// A preset without a published architecture, a custom chip, too many GPUs, or no layout that
/// fits (field `utilization`, or the performance model's field).
pub fn predict(
    model_id: Option<&str>,
    hardware_id: &str,
    gpus: f64,
    precision: Precision,
    global_batch: Option<u32>,
    lang: Locale,
) -> Result<(PredictedUtilization, Prediction), Error> {
    let with_arch = || {
        catalog::MODELS
            .iter()
            .filter(|m| m.arch.is_some())
            .map(|m| m.id)
            .collect::<Vec<_>>()
    };
    let shape = model_id
        .and_then(catalog::model)
        .and_then(|m| m.arch)
        .ok_or_else(|| {
            auto_error(Conflict::AutoNeedsArchitecture {
                presets: with_arch(),
            })
        })?;
    if catalog::accelerator(hardware_id).is_none() {
        return Err(auto_error(Conflict::AutoNeedsCatalogChip));
    }
    if gpus > f64::from(u32::MAX) {
        return Err(auto_error(Conflict::AutoTooManyGpus));
    }
    let global_batch = global_batch.unwrap_or((AUTO_BATCH_TOKENS / shape.seq_len.max(1)).max(1));
    let system = System {
        hardware: PerfHardware::from_catalog(hardware_id)?,
        gpus: gpus as u32,
    };
    let training = Training {
        global_batch,
        precision,
        software: Default::default(),
    };
    let best = perf::search(&shape, &system, &training, &Fixed::default(), 0)?.best;
    let summary = PredictedUtilization {
        mfu: best.mfu,
        mfu_low: best.mfu_low,
        mfu_high: best.mfu_high,
        hfu: best.hfu,
        iteration_s: best.iteration_s,
        global_batch,
        layout: perf::describe_in(&best.layout, lang),
    };
    Ok((summary, best))
}

/// Whether `"auto"` is the default for this workload: a preset with an architecture.
pub fn auto_by_default(model_id: Option<&str>) -> bool {
    model_id
        .and_then(catalog::model)
        .is_some_and(|m| m.arch.is_some())
}
