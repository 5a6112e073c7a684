//! The report's `compute_optimal` block: for a workload with parameters N and tokens D, the
//! loss that (N, D) reaches, the compute-optimal model for the same compute C = 6·N·D, and the
//! compute a compute-optimal model would need to reach the same loss.

use serde::{Deserialize, Serialize};

use super::fit::{default_fit, Fit, Optimum, FITS};
use crate::catalog::{self, CHINCHILLA_TOKENS_PER_PARAM};
use crate::format::{compact as c, Locale};
use crate::report::Step;
use crate::workload::Workload;

/// A workload's (N, D) against the compute-optimal model of the same compute.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ComputeOptimal {
    /// C = 6·N·D (FLOP).
    pub flop: f64,
    /// N: the parameters (the active ones for a mixture of experts).
    pub params: f64,
    /// D: the training tokens.
    pub tokens: f64,
    /// D / N.
    pub tokens_per_param: f64,
    /// The rule of thumb it is compared with: about 20 tokens per parameter (Chinchilla).
    pub reference_tokens_per_param: f64,
    /// The data set the losses are measured on (nats per token; they do not transfer to other
    /// data or tokenizers).
    pub data_set: String,
    /// The default fit's figures (Epoch AI's replication).
    #[serde(flatten)]
    pub result: FitResult,
    /// The same figures with the other fits: the fits disagree, so both are kept.
    pub other_fits: Vec<FitResult>,
}

/// What one fit says about a workload's (N, D).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FitResult {
    /// The fit's id (`epoch`, `hoffmann`).
    pub fit: String,
    /// Its name.
    pub fit_name: String,
    /// L(N, D) = E + A/N^α + B/D^β, nats per token.
    pub loss: f64,
    /// The compute-optimal model for the same C, and its loss.
    pub optimal: Optimum,
    /// Compute a compute-optimal model needs to reach `loss`: 6·(K/(L − E))^(1/γ) (FLOP).
    pub equivalent_flop: f64,
    /// `equivalent_flop` / C, at most 1: the share of the compute that did useful work
    /// against a compute-optimal split.
    pub efficiency: f64,
    /// The fit's source ids.
    pub sources: Vec<String>,
}

/// N (active when given) and D of a workload, when it has both.
pub fn params_tokens(w: &Workload) -> Option<(f64, f64)> {
    match w {
        Workload::Params {
            params,
            tokens,
            active_params,
        } => Some((active_params.unwrap_or(*params), *tokens)),
        Workload::Preset(id) => {
            let m = catalog::model(id)?;
            Some((m.active_params.or(m.params)?, m.tokens?))
        }
        Workload::Flop { .. } => None,
    }
}

fn result(f: &Fit, n: f64, d: f64) -> Option<FitResult> {
    let loss = f.loss(n, d).ok()?;
    let optimal = f.optimum(6.0 * n * d).ok()?;
    // L(N, D) ≥ L*(6ND) > E, so the equivalent compute exists; rounding at the optimum itself
    // may put it a hair above C.
    let equivalent_flop = f.flop_for_loss(loss)?.min(optimal.flop);
    Some(FitResult {
        fit: f.id.into(),
        fit_name: f.name.into(),
        loss,
        optimal,
        equivalent_flop,
        efficiency: equivalent_flop / optimal.flop,
        sources: f.sources.iter().map(|s| s.to_string()).collect(),
    })
}

/// The block for a workload with parameters and tokens (a preset that has both, or
/// `{params, tokens}`); `None` otherwise.
///
/// ```
/// use zettaflop_estimator::{scaling, Workload};
/// // Chinchilla itself: 70 B parameters on 1.4 T tokens, 20 tokens per parameter.
/// let w = Workload::Params { params: 70e9, tokens: 1.4e12, active_params: None };
/// let b = scaling::compute_optimal(&w).unwrap();
/// assert_eq!(b.tokens_per_param, 20.0);
/// assert!(b.result.efficiency > 0.99); // nearly compute-optimal by Epoch AI's fit
/// ```
pub fn compute_optimal(w: &Workload) -> Option<ComputeOptimal> {
    let (n, d) = params_tokens(w)?;
    let main = default_fit();
    let result = result(main, n, d)?;
    let other_fits = FITS
        .iter()
        .filter(|f| f.id != main.id)
        .filter_map(|f| self::result(f, n, d))
        .collect();
    Some(ComputeOptimal {
        flop: result.optimal.flop,
        params: n,
        tokens: d,
        tokens_per_param: d / n,
        reference_tokens_per_param: CHINCHILLA_TOKENS_PER_PARAM.value,
        data_set: main.data_set.into(),
        result,
        other_fits,
    })
}

fn step(
    id: &str,
    q: &str,
    formula: &str,
    sub: String,
    value: f64,
    unit: &str,
    s: &[String],
) -> Step {
    Step {
        id: id.into(),
        quantity: q.into(),
        formula: formula.into(),
        substitution: sub,
        value,
        unit: unit.into(),
        sources: s.to_vec(),
    }
}

impl ComputeOptimal {
    /// The block's lines of "show the math", in `l`.
    pub fn steps(&self, l: Locale) -> Vec<Step> {
        let f = default_fit();
        let r = &self.result;
        let o = &r.optimal;
        let fr = l == Locale::Fr;
        let t = |en: &'static str, fr_text: &'static str| if fr { fr_text } else { en };
        let mut tpp_sources = r.sources.clone();
        tpp_sources.extend(
            CHINCHILLA_TOKENS_PER_PARAM
                .sources
                .iter()
                .map(|s| s.to_string()),
        );
        vec![
            step(
                "compute_optimal.loss",
                t(
                    "Loss of this model and data (scaling law)",
                    "Perte de ce modèle et de ces données (loi d'échelle)",
                ),
                "L = E + A/N^α + B/D^β",
                format!(
                    "{} + {}/{}^{} + {}/{}^{}",
                    f.e,
                    f.a,
                    c(self.params),
                    f.alpha,
                    f.b,
                    c(self.tokens),
                    f.beta
                ),
                r.loss,
                "nat/token",
                &r.sources,
            ),
            step(
                "compute_optimal.optimal.params",
                t(
                    "Compute-optimal parameters for the same compute",
                    "Paramètres optimaux pour le même calcul",
                ),
                "N* = G · (C/6)^(β/(α+β)), G = (αA/(βB))^(1/(α+β))",
                format!(
                    "G · ({}/6)^({}/({}+{}))",
                    c(self.flop),
                    f.beta,
                    f.alpha,
                    f.beta
                ),
                o.params,
                "param",
                &r.sources,
            ),
            step(
                "compute_optimal.optimal.tokens",
                t("Compute-optimal tokens", "Jetons optimaux"),
                "D* = C / (6 · N*)",
                format!("{} / (6 × {})", c(self.flop), c(o.params)),
                o.tokens,
                "token",
                &tpp_sources,
            ),
            step(
                "compute_optimal.optimal.loss",
                t(
                    "Loss of the compute-optimal model",
                    "Perte du modèle optimal",
                ),
                "L* = E + A/N*^α + B/D*^β",
                format!(
                    "{} + {}/{}^{} + {}/{}^{}",
                    f.e,
                    f.a,
                    c(o.params),
                    f.alpha,
                    f.b,
                    c(o.tokens),
                    f.beta
                ),
                o.loss,
                "nat/token",
                &r.sources,
            ),
            step(
                "compute_optimal.equivalent_flop",
                t(
                    "Compute a compute-optimal model needs for the same loss",
                    "Calcul qu'il faut à un modèle optimal pour la même perte",
                ),
                "C_eq = 6 · (K / (L − E))^(1/γ), γ = αβ/(α+β)",
                format!("6 · (K / ({} − {}))^(1/{})", c(r.loss), f.e, c(f.gamma())),
                r.equivalent_flop,
                "FLOP",
                &r.sources,
            ),
        ]
    }
}
