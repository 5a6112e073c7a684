//! The model side: how much compute a training run takes.

use serde::{Deserialize, Serialize};

use crate::catalog::{self, ModelPreset};
use crate::error::{Conflict, Error, ErrorKind, Need};
use crate::{fields, limits};

/// What is trained, as a compute budget.
///
/// In JSON: `{"flop": 2.1e25}`, `{"params": 175e9, "tokens": 300e9}` (with `"active_params"` for
/// a mixture of experts), or a preset id such as `"gpt-4"`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(
    untagged,
    deny_unknown_fields,
    expecting = "a model preset id such as \"gpt-4\", {\"flop\": …} or {\"params\": …, \"tokens\": …, \"active_params\"?: …}"
)]
pub enum Workload {
    /// A model preset of the catalog.
    Preset(String),
    /// A total compute figure.
    Flop {
        /// Training compute (FLOP).
        flop: f64,
    },
    /// Parameters and tokens, compute C = 6·N·D.
    Params {
        /// Parameters (total).
        params: f64,
        /// Training tokens.
        tokens: f64,
        /// Active parameters per token, for a mixture of experts (N in 6·N·D).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        active_params: Option<f64>,
    },
}

impl Default for Workload {
    fn default() -> Self {
        Workload::Preset("gpt-4".into())
    }
}

/// The compute of a workload and how it was obtained.
#[derive(Debug, Clone, PartialEq)]
pub struct Compute {
    /// FLOP.
    pub flop: f64,
    /// The formula used.
    pub formula: String,
    /// The formula with numbers.
    pub substitution: String,
    /// Sources.
    pub sources: Vec<String>,
    /// The preset, if any.
    pub preset: Option<&'static ModelPreset>,
}

fn six_nd(n: f64, d: f64) -> (f64, String) {
    (6.0 * n * d, format!("6 × {n:e} × {d:e}"))
}

impl Workload {
    /// The training compute.
    ///
    /// # Errors
    /// Unknown preset, or a number out of range (field `workload…`).
    ///
    /// ```
    /// use zettaflop_estimator::Workload;
    /// let w = Workload::Params { params: 175e9, tokens: 300e9, active_params: None };
    /// assert!((w.compute()?.flop / 3.15e23 - 1.0).abs() < 1e-12);
    /// # Ok::<(), zettaflop_estimator::Error>(())
    /// ```
    pub fn compute(&self) -> Result<Compute, Error> {
        match self {
            Workload::Flop { flop } => {
                let flop = fields::FLOP.check(*flop)?;
                Ok(Compute {
                    flop,
                    formula: "C (given)".into(),
                    substitution: format!("{flop:e}"),
                    sources: vec![],
                    preset: None,
                })
            }
            Workload::Params {
                params,
                tokens,
                active_params,
            } => {
                let n = fields::PARAMS.check(*params)?;
                let d = fields::TOKENS.check(*tokens)?;
                let (n, formula) = match active_params {
                    Some(a) => {
                        let a = fields::ACTIVE_PARAMS.check(*a)?;
                        if a > n {
                            return Err(Error::new(
                                "workload.active_params",
                                ErrorKind::Conflict(Conflict::ActiveParamsExceedTotal {
                                    active: a,
                                    total: n,
                                }),
                            ));
                        }
                        (a, "C = 6 · N_active · D")
                    }
                    None => (n, "C = 6 · N · D"),
                };
                let (flop, substitution) = six_nd(n, d);
                let flop = limits::FLOP.check("workload", flop)?;
                Ok(Compute {
                    flop,
                    formula: formula.into(),
                    substitution,
                    sources: vec![],
                    preset: None,
                })
            }
            Workload::Preset(id) => {
                let m = catalog::model(id).ok_or_else(|| {
                    Error::new(
                        "workload",
                        ErrorKind::UnknownId {
                            what: "model preset",
                            id: id.clone(),
                            known: catalog::MODELS.iter().map(|m| m.id).collect(),
                        },
                    )
                })?;
                let sources = m.sources.iter().map(|s| s.to_string()).collect();
                let (flop, formula, substitution) =
                    match (m.flop, m.active_params.or(m.params), m.tokens) {
                        (Some(f), _, _) => (f, format!("C ({})", m.name), format!("{f:e}")),
                        (None, Some(n), Some(d)) => {
                            let (f, sub) = six_nd(n, d);
                            (f, format!("C = 6 · N · D ({})", m.name), sub)
                        }
                        _ => {
                            return Err(Error::new(
                                "workload",
                                ErrorKind::Needs(Need::PresetCompute { preset: id.clone() }),
                            ))
                        }
                    };
                Ok(Compute {
                    flop,
                    formula,
                    substitution,
                    sources,
                    preset: Some(m),
                })
            }
        }
    }
}
