//! The `optimal` request of the CLI (`zettaflop optimal`) and the JS API (`optimal()`): the
//! compute-optimal model for a compute, or for a budget spent on a cluster.
//!
//! In JSON: `{"flop": 5.76e23, "fit"?: "epoch"|"hoffmann"}`, or `{"usd": 1e9, "hardware":
//! "h100", ...}` with the scenario keys that set what a dollar buys (`precision`, `sparse`,
//! `utilization` as a number, `pue`, `usd_per_chip_hour`, `usd_per_kwh`); no `count`: the
//! budget sets how many GPU-hours are bought, and the cluster's size does not change the
//! compute per dollar.

use serde::{Deserialize, Serialize};

use super::fit::{default_fit, fit};
use crate::catalog;
use crate::error::Error;
use crate::hardware::{HardwareChoice, Precision};
use crate::limits;
use crate::report::Cited;
use crate::scenario::Scenario;
use crate::utilization::Utilization;
use crate::workload::Workload;

/// Input of `optimal`: a compute, or a budget on a cluster.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OptimalRequest {
    /// A compute budget C (FLOP). Give this or `usd`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flop: Option<f64>,
    /// A budget in dollars, spent on `hardware` at its $/GPU-hour. Give this or `flop`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usd: Option<f64>,
    /// The scaling-law fit: `epoch` (default) or `hoffmann`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fit: Option<String>,
    /// With `usd`: the chip (a catalog id or a custom chip).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hardware: Option<HardwareChoice>,
    /// With `usd`: number format of the matmuls (default bf16).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precision: Option<Precision>,
    /// With `usd`: use the 2:4-sparse peak.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sparse: Option<bool>,
    /// With `usd`: utilization, a number 0 < u ≤ 1 (default 0.40).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utilization: Option<Utilization>,
    /// With `usd`: power usage effectiveness (default 1.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pue: Option<f64>,
    /// With `usd`: rental price per GPU-hour (default: the catalog's for the chip).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usd_per_chip_hour: Option<f64>,
    /// With `usd`: electricity price (default 0.078).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usd_per_kwh: Option<f64>,
}

/// Output of `optimal`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OptimalResult {
    /// The fit's id.
    pub fit: String,
    /// The fit's name.
    pub fit_name: String,
    /// The data set the loss is measured on: the loss is in nats per token there and does not
    /// transfer to other data or tokenizers.
    pub data_set: String,
    /// The budget given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usd: Option<f64>,
    /// Dollars per FLOP on the cluster (rental and electricity at the utilization).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usd_per_flop: Option<f64>,
    /// The compute C (FLOP).
    pub flop: f64,
    /// N* (parameters).
    pub params: f64,
    /// D* (tokens).
    pub tokens: f64,
    /// D* / N*.
    pub tokens_per_param: f64,
    /// L(N*, D*), nats per token.
    pub loss: f64,
    /// The fit's sources.
    pub sources: Vec<Cited>,
}

fn unsupported(field: &str, key: Fails) -> Error {
    Error::said(field, key, &[])
}

/// Dollars per FLOP of a budget request: its cluster's rental and electricity for one run,
/// over that run's compute.
fn usd_per_flop(r: &OptimalRequest) -> Result<f64, Error> {
    let hardware = r
        .hardware
        .clone()
        .ok_or_else(|| unsupported("hardware", Fails::BudgetChip))?;
    if r.utilization == Some(Utilization::Auto) {
        return Err(unsupported("utilization", Fails::AutoNeedsModelAndCluster));
    }
    let d = Scenario::default();
    let s = Scenario {
        workload: Workload::Flop { flop: 1e24 },
        hardware,
        count: 1.0,
        count_unit: crate::CountUnit::Chip,
        precision: r.precision.unwrap_or(d.precision),
        sparse: r.sparse.unwrap_or(false),
        utilization: Some(
            r.utilization
                .unwrap_or(Utilization::Given(catalog::UTILIZATION_DEFAULT.value)),
        ),
        pue: r.pue.unwrap_or(d.pue),
        usd_per_chip_hour: r.usd_per_chip_hour,
        usd_per_kwh: r.usd_per_kwh.unwrap_or(d.usd_per_kwh),
        ..d
    };
    let report = crate::estimate(&s)?;
    let v = report.cost_usd.total / report.training_flop;
    if !(v > 0.0 && v.is_finite()) {
        return Err(unsupported("usd_per_chip_hour", Fails::FreeCluster));
    }
    Ok(v)
}

/// With `flop`, a cluster key is a mistake (it would be ignored): the first one given is named.
fn no_cluster(r: &OptimalRequest) -> Result<(), Error> {
    let given = [
        ("hardware", r.hardware.is_some()),
        ("precision", r.precision.is_some()),
        ("sparse", r.sparse.is_some()),
        ("utilization", r.utilization.is_some()),
        ("pue", r.pue.is_some()),
        ("usd_per_chip_hour", r.usd_per_chip_hour.is_some()),
        ("usd_per_kwh", r.usd_per_kwh.is_some()),
    ]
    .into_iter()
    .find(|(_, given)| *given);
    match given {
        Some((key, _)) => Err(unsupported(key, Fails::OnlyWithUsd)),
        None => Ok(()),
    }
}

/// Answers an `optimal` request.
///
/// ```
/// use zettaflop_estimator::scaling::{optimal, OptimalRequest};
/// let r = optimal(&OptimalRequest { flop: Some(5.76e23), fit: Some("hoffmann".into()), ..Default::default() })?;
/// assert!((r.params / 4.031e10 - 1.0).abs() < 1e-3);
/// # Ok::<(), zettaflop_estimator::Error>(())
/// ```
///
/// # Errors
/// Neither or both of `flop` and `usd`; a compute or budget out of range; an unknown fit; a
/// cluster key with `flop`; a bad cluster (field named as in a scenario).
pub fn optimal(r: &OptimalRequest) -> Result<OptimalResult, Error> {
    let f = match &r.fit {
        Some(id) => fit(id)?,
        None => default_fit(),
    };
    let (usd, per_flop, flop) = match (r.flop, r.usd) {
        (Some(c), None) => {
            no_cluster(r)?;
            (None, None, limits::FLOP.check("flop", c)?)
        }
        (None, Some(u)) => {
            let u = limits::BUDGET_USD.check("usd", u)?;
            let per = usd_per_flop(r)?;
            (Some(u), Some(per), u / per)
        }
        (Some(_), Some(_)) => return Err(unsupported("usd", Fails::FlopOrUsd)),
        (None, None) => return Err(unsupported("flop", Fails::FlopOrBudget)),
    };
    let field = if usd.is_some() { "usd" } else { "flop" };
    let o = f
        .optimum(flop)
        .map_err(|e| Error::new(field, e.kind().clone()))?;
    Ok(OptimalResult {
        fit: f.id.into(),
        fit_name: f.name.into(),
        data_set: f.data_set.into(),
        usd,
        usd_per_flop: per_flop,
        flop: o.flop,
        params: o.params,
        tokens: o.tokens,
        tokens_per_param: o.tokens_per_param,
        loss: o.loss,
        sources: f
            .sources
            .iter()
            .filter_map(|id| catalog::source(id))
            .map(|s| Cited {
                id: s.id.into(),
                title: s.title.into(),
                url: s.url.into(),
                date: s.date.into(),
                kind: s.kind.into(),
            })
            .collect(),
    })
}

crate::keys! {
    /// A compute-optimal request's errors.
    enum Fails {
        AutoNeedsModelAndCluster => "\"auto\" needs a model and a cluster size: give a number, e.g. 0.4",
            "\"auto\" demande un modèle et une taille de cluster : donnez un nombre, p. ex. 0,4";
        FreeCluster => "the cluster costs nothing at these prices: a budget buys no defined compute",
            "le cluster ne coûte rien à ces prix : un budget n'achète pas de calcul défini";
        OnlyWithUsd => "only with usd: a compute in FLOP needs no cluster",
            "seulement avec usd : un calcul en FLOP n'a pas besoin de cluster";
        FlopOrUsd => "give flop or usd, not both", "donnez flop ou usd, pas les deux";
        BudgetChip => "missing: with usd, give the chip the budget is spent on, e.g. \"h100\"",
            "manquant : avec usd, donnez la puce sur laquelle le budget est dépensé, p. ex. \"h100\"";
        FlopOrBudget => "missing: give a compute {\"flop\": 5.76e23} or a budget {\"usd\": 1e9, \"hardware\": \"h100\"}",
            "manquant : donnez un calcul {\"flop\": 5.76e23} ou un budget {\"usd\": 1e9, \"hardware\": \"h100\"}";
    }
}
