//! The JSON input of `zettaflop predict` and `zettaflop search` (and of the page's expert
//! panel): model, hardware, GPUs, batch, precision, software, and a layout or `"auto"`.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::catalog;
use crate::error::{Error, ErrorKind};
use crate::hardware::Precision;

use super::layout::{Execution, Layout, Software, Training};
use super::model::ModelShape;
use super::search::Fixed;
use super::system::{PerfHardware, System};

/// A catalog id, or a full description.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "{T}OrId"))]
#[serde(untagged)]
pub enum IdOr<T> {
    /// An id (`"h100"`, `"llama-3.1-405b"`, or `"auto"` for a layout).
    Id(String),
    /// The value itself.
    Value(T),
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for IdOr<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = IdOr<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an id string or an object")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(IdOr::Id(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(IdOr::Value)
            }
        }
        d.deserialize_any(V(PhantomData))
    }
}

/// A performance question.
///
/// ```
/// use zettaflop_estimator::perf::Job;
/// let job: Job = serde_json::from_str(r#"{
///     "model": "llama-3.1-405b", "hardware": "h100", "gpus": 16384, "global_batch": 2048,
///     "layout": {"tp": 8, "pp": 16, "micro_batch": 1, "recompute": "full",
///                "sequence_parallel": true, "distributed_optimizer": true}
/// }"#)?;
/// let p = job.predict()?;
/// assert!(p.memory.fits);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Job {
    /// A model preset id with an architecture, or the shape.
    pub model: IdOr<ModelShape>,
    /// A catalog id or a full [`PerfHardware`] description.
    pub hardware: IdOr<PerfHardware>,
    /// GPUs.
    pub gpus: u32,
    /// Sequences per optimizer step.
    pub global_batch: u32,
    /// Matmul number format (default `bf16`).
    #[serde(default)]
    pub precision: Precision,
    /// Attention kernel and communication overlap.
    #[serde(default)]
    pub software: Software,
    /// A layout, or `"auto"` for the best one (required by `predict`, absent for `search`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout: Option<IdOr<Layout>>,
    /// Parts of the layout a search must keep.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed: Option<Fixed>,
}

/// Runners-up a job's search reports.
pub const RUNNERS_UP: usize = 4;

impl Job {
    /// The model shape (a preset's architecture or the given one).
    ///
    /// # Errors
    /// Unknown preset or preset without an architecture (field `model`).
    pub fn model(&self) -> Result<ModelShape, Error> {
        match &self.model {
            IdOr::Value(m) => Ok(*m),
            IdOr::Id(id) => {
                let with_arch: Vec<&'static str> = catalog::MODELS
                    .iter()
                    .filter(|m| m.arch.is_some())
                    .map(|m| m.id)
                    .collect();
                let m = catalog::model(id).ok_or_else(|| {
                    Error::new(
                        "model",
                        ErrorKind::UnknownId {
                            what: "model preset",
                            id: id.clone(),
                            known: with_arch.clone(),
                        },
                    )
                })?;
                m.arch.ok_or_else(|| {
                    let presets = with_arch.join(", ");
                    match m.architecture.map(|a| a.missing()) {
                        Some(missing) => Error::said(
                            "model",
                            JobFails::PartArchitecture,
                            &[id, &missing.join(", "), &presets],
                        ),
                        None => Error::said("model", JobFails::NoArchitecture, &[id, &presets]),
                    }
                })
            }
        }
    }

    /// The system.
    ///
    /// # Errors
    /// Unknown hardware id (field `hardware`).
    pub fn system(&self) -> Result<System, Error> {
        let hardware = match &self.hardware {
            IdOr::Id(id) => PerfHardware::from_catalog(id)?,
            IdOr::Value(h) => h.clone(),
        };
        Ok(System {
            hardware,
            gpus: self.gpus,
        })
    }

    /// Batch, precision, software.
    pub fn training(&self) -> Training {
        Training {
            global_batch: self.global_batch,
            precision: self.precision,
            software: self.software,
        }
    }

    /// Predicts the job's layout, or the best one for `"auto"`.
    ///
    /// # Errors
    /// No layout (field `layout`), an id other than `auto`, and every error of
    /// [`super::predict()`] and [`super::search()`].
    pub fn predict(&self) -> Result<super::Prediction, Error> {
        let model = self.model()?;
        let system = self.system()?;
        let training = self.training();
        match &self.layout {
            None => Err(Error::said("layout", JobFails::NoLayout, &[])),
            Some(IdOr::Id(id)) if id == "auto" => Ok(super::search(
                &model,
                &system,
                &training,
                &self.fixed.unwrap_or_default(),
                0,
            )?
            .best),
            Some(IdOr::Id(id)) => Err(Error::said("layout", JobFails::LayoutId, &[id])),
            Some(IdOr::Value(layout)) => super::predict(
                &model,
                &system,
                &Execution {
                    training,
                    layout: *layout,
                },
            ),
        }
    }

    /// Searches the best layout.
    ///
    /// # Errors
    /// A fixed layout (field `layout`: use `fixed` to pin parts of it), and every error of
    /// [`super::search()`].
    pub fn search(&self) -> Result<super::SearchResult, Error> {
        if matches!(&self.layout, Some(IdOr::Value(_)))
            || matches!(&self.layout, Some(IdOr::Id(id)) if id != "auto")
        {
            return Err(Error::said("layout", JobFails::SearchLayout, &[]));
        }
        super::search(
            &self.model()?,
            &self.system()?,
            &self.training(),
            &self.fixed.unwrap_or_default(),
            RUNNERS_UP,
        )
    }
}

crate::keys! {
    /// A job's errors: `{}` are a preset's id, the missing sizes, the presets with an
    /// architecture, a layout id.
    pub(super) enum JobFails {
        PartArchitecture => "missing: preset `{}` has only part of its architecture published (no {}); give the shape, or one of {}",
            "manquant : le preset `{}` n'a qu'une partie de son architecture publiée (pas de {}) ; donnez la forme, ou l'un de {}";
        NoArchitecture => "missing: preset `{}` has no published architecture; give the shape, or one of {}",
            "manquant : le preset `{}` n'a pas d'architecture publiée ; donnez la forme, ou l'un de {}";
        NoLayout => "missing: a layout {\"tp\", \"pp\", \"micro_batch\", …} or \"auto\"",
            "manquant : une répartition {\"tp\", \"pp\", \"micro_batch\", …} ou \"auto\"";
        LayoutId => "`{}` is neither a layout object nor \"auto\"",
            "`{}` n'est ni un objet de répartition ni \"auto\"";
        SearchLayout => "search chooses the layout: remove it, or pin parts of it with \"fixed\"",
            "la recherche choisit la répartition : retirez-la, ou fixez-en des parties avec \"fixed\"";
    }
}
