//! Diminishing returns per dollar: the loss a compute-optimal model reaches with 1×, 2×, 10×
//! and 100× the scenario's budget, on the same cluster at the same $/GPU-hour, electricity
//! price and utilization (more time or more GPUs: the compute a dollar buys stays the same).

use serde::{Deserialize, Serialize};

use super::detmath;
use super::fit::{default_fit, Fit};
use crate::format::{compact as c, Locale};
use crate::report::Step;

/// The budget multiples the report gives.
pub const MULTIPLES: [f64; 4] = [1.0, 2.0, 10.0, 100.0];

/// What more money buys in loss.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DiminishingReturns {
    /// The fit used (the default, Epoch AI's replication).
    pub fit: String,
    /// Dollars per FLOP on this cluster: the run's total cost (rental and electricity) / C.
    pub usd_per_flop: f64,
    /// Loss of a compute-optimal model trained with the scenario's compute, nats per token.
    pub loss: f64,
    /// The loss at 1×, 2×, 10× and 100× the budget (a multiple whose compute exceeds 1e35
    /// FLOP is left out).
    pub points: Vec<ReturnPoint>,
}

/// One budget and the loss it buys.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReturnPoint {
    /// Times the scenario's budget.
    pub multiple: f64,
    /// Dollars.
    pub usd: f64,
    /// Compute they buy (FLOP).
    pub flop: f64,
    /// Compute-optimal parameters for it.
    pub params: f64,
    /// Compute-optimal tokens for it.
    pub tokens: f64,
    /// Loss of that model, nats per token.
    pub loss: f64,
    /// Loss reduction per extra billion dollars since the previous point (absent at the first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loss_drop_per_billion_usd: Option<f64>,
}

fn point(f: &Fit, usd_per_flop: f64, usd: f64, multiple: f64) -> Option<ReturnPoint> {
    let o = f.optimum(usd / usd_per_flop).ok()?;
    Some(ReturnPoint {
        multiple,
        usd,
        flop: o.flop,
        params: o.params,
        tokens: o.tokens,
        loss: o.loss,
        loss_drop_per_billion_usd: None,
    })
}

/// The block for a run of `flop` that costs `usd`; `None` when the run costs nothing (a zero
/// price) or the figures are not finite.
///
/// ```
/// // $100M for 1e25 FLOP: ten times the money buys a lower loss, but a smaller drop per dollar.
/// let r = zettaflop_estimator::scaling::diminishing_returns(1e25, 1e8).unwrap();
/// let p = &r.points;
/// assert!(p[2].loss < p[1].loss && p[1].loss < p[0].loss);
/// assert!(p[2].loss_drop_per_billion_usd < p[1].loss_drop_per_billion_usd);
/// ```
pub fn diminishing_returns(flop: f64, usd: f64) -> Option<DiminishingReturns> {
    let usd_per_flop = usd / flop;
    if !(usd_per_flop > 0.0 && usd_per_flop.is_finite() && usd.is_finite()) {
        return None;
    }
    let f = default_fit();
    let mut points: Vec<ReturnPoint> = Vec::with_capacity(MULTIPLES.len());
    for m in MULTIPLES {
        let Some(mut p) = point(f, usd_per_flop, usd * m, m) else {
            break;
        };
        if let Some(prev) = points.last() {
            let drop = (prev.loss - p.loss) / ((p.usd - prev.usd) / 1e9);
            p.loss_drop_per_billion_usd = drop.is_finite().then_some(drop);
        }
        points.push(p);
    }
    let loss = points.first()?.loss;
    Some(DiminishingReturns {
        fit: f.id.into(),
        usd_per_flop,
        loss,
        points,
    })
}

/// `n` points (dollars, loss) of the compute-optimal loss against dollars, evenly spaced on a
/// log scale from `from` to `to` times the budget, for a chart. Points whose compute leaves the
/// allowed range are left out.
pub fn loss_curve(r: &DiminishingReturns, from: f64, to: f64, n: usize) -> Vec<(f64, f64)> {
    let Some(base) = r.points.first() else {
        return Vec::new();
    };
    let f = super::fit::fit(&r.fit).unwrap_or(default_fit());
    let (lo, hi) = (detmath::ln(from), detmath::ln(to));
    (0..n)
        .filter_map(|i| {
            let t = if n > 1 {
                i as f64 / (n - 1) as f64
            } else {
                0.0
            };
            let usd = base.usd * detmath::exp(lo + (hi - lo) * t);
            point(f, r.usd_per_flop, usd, usd / base.usd).map(|p| (p.usd, p.loss))
        })
        .filter(|(u, l)| u.is_finite() && l.is_finite())
        .collect()
}

impl DiminishingReturns {
    /// The block's line of "show the math", in `l`.
    pub fn steps(&self, l: Locale) -> Vec<Step> {
        let f = default_fit();
        let Some(p) = self.points.first() else {
            return Vec::new();
        };
        vec![Step {
            id: "diminishing_returns.loss".into(),
            quantity: match l {
                Locale::En => "Loss a compute-optimal model reaches with this compute".into(),
                Locale::Fr => "Perte qu'atteint un modèle optimal avec ce calcul".into(),
            },
            formula: "L*(C) = E + A/N*^α + B/D*^β".into(),
            substitution: format!(
                "{} + {}/{}^{} + {}/{}^{}",
                f.e,
                f.a,
                c(p.params),
                f.alpha,
                f.b,
                c(p.tokens),
                f.beta
            ),
            value: self.loss,
            unit: "nat/token".into(),
            sources: f.sources.iter().map(|s| s.to_string()).collect(),
        }]
    }
}
