//! The fits of the loss law and its closed-form compute-optimal point.
//!
//! With C = 6·N·D fixed, minimizing E + A/N^α + B/D^β gives
//! G = (αA/(βB))^(1/(α+β)), N* = G·(C/6)^(β/(α+β)), D* = (C/6)/N*, and the loss there is
//! L*(C) = E + K·(C/6)^(−γ) with γ = αβ/(α+β) and K = A·G^(−α) + B·G^β, which inverts to the
//! compute a compute-optimal model needs for a loss L > E: C = 6·(K/(L − E))^(1/γ).
//! Everything is computed through logarithms, so no input in the allowed ranges overflows, and
//! with `detmath`'s ln and exp, so the CLI and the page agree to the bit.

use serde::{Deserialize, Serialize};

use super::detmath;
use crate::error::{Error, ErrorKind};
use crate::limits;

/// One published fit of L(N, D) = E + A/N^α + B/D^β (a row of `data/scaling-fits.csv`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Fit {
    /// Id (`epoch`, `hoffmann`).
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Irreducible loss E (nats per token).
    pub e: f64,
    /// Parameter term's coefficient A.
    pub a: f64,
    /// Data term's coefficient B.
    pub b: f64,
    /// Parameter exponent α.
    pub alpha: f64,
    /// Data exponent β.
    pub beta: f64,
    /// The data set the loss is measured on.
    pub data_set: &'static str,
    /// Whether this is the default fit.
    pub default: bool,
    /// Source ids.
    pub sources: &'static [&'static str],
    /// What the fit is (empty without the `prose` feature).
    pub notes: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/scaling_data.rs"));

/// A compute-optimal model for a compute budget.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Optimum {
    /// The compute C (FLOP).
    pub flop: f64,
    /// N* (parameters).
    pub params: f64,
    /// D* = C / (6·N*) (tokens).
    pub tokens: f64,
    /// D* / N*.
    pub tokens_per_param: f64,
    /// L(N*, D*), nats per token on the fit's data set.
    pub loss: f64,
}

/// The default fit (Epoch AI's replication).
pub fn default_fit() -> &'static Fit {
    // The build checks that exactly one row is the default.
    FITS.iter().find(|f| f.default).unwrap_or(&FITS[0])
}

/// Looks a fit up by id.
///
/// # Errors
/// An unknown id, in the field `fit`.
pub fn fit(id: &str) -> Result<&'static Fit, Error> {
    FITS.iter().find(|f| f.id == id).ok_or_else(|| {
        Error::new(
            "fit",
            ErrorKind::UnknownId {
                what: "scaling-law fit",
                id: id.into(),
                known: FITS.iter().map(|f| f.id).collect(),
            },
        )
    })
}

impl Fit {
    fn sum(&self) -> f64 {
        self.alpha + self.beta
    }

    /// ln G, with G = (αA/(βB))^(1/(α+β)).
    fn ln_g(&self) -> f64 {
        (detmath::ln(self.alpha * self.a) - detmath::ln(self.beta * self.b)) / self.sum()
    }

    /// γ = αβ/(α+β), the exponent of L*(C) − E in C.
    pub fn gamma(&self) -> f64 {
        self.alpha * self.beta / self.sum()
    }

    /// K = A·G^(−α) + B·G^β, so that L*(C) = E + K·(C/6)^(−γ).
    fn k(&self) -> f64 {
        let ln_g = self.ln_g();
        self.a * detmath::exp(-self.alpha * ln_g) + self.b * detmath::exp(self.beta * ln_g)
    }

    /// L(N, D) for N and D in their allowed ranges (fields `params` and `tokens`).
    ///
    /// # Errors
    /// N or D out of range.
    pub fn loss(&self, n: f64, d: f64) -> Result<f64, Error> {
        let n = limits::PARAMS.check("params", n)?;
        let d = limits::TOKENS.check("tokens", d)?;
        Ok(self.loss_unchecked(n, d))
    }

    fn loss_unchecked(&self, n: f64, d: f64) -> f64 {
        self.e
            + self.a * detmath::exp(-self.alpha * detmath::ln(n))
            + self.b * detmath::exp(-self.beta * detmath::ln(d))
    }

    /// The compute-optimal model for `flop` (field `flop`).
    ///
    /// ```
    /// // Epoch AI's fit at Chinchilla's compute, 5.76e23 FLOP: 72 B parameters on 1.33 T tokens.
    /// let o = zettaflop_estimator::scaling::default_fit().optimum(5.76e23)?;
    /// assert!((o.params / 7.225e10 - 1.0).abs() < 1e-3);
    /// assert!((o.tokens_per_param - 18.4).abs() < 0.05);
    /// # Ok::<(), zettaflop_estimator::Error>(())
    /// ```
    ///
    /// # Errors
    /// A compute out of range (NaN, negative, zero, above 1e35).
    pub fn optimum(&self, flop: f64) -> Result<Optimum, Error> {
        let c = limits::FLOP.check("flop", flop)?;
        let ln_x = detmath::ln(c / 6.0);
        let ln_n = self.ln_g() + self.beta / self.sum() * ln_x;
        let ln_d = ln_x - ln_n;
        let (params, tokens) = (detmath::exp(ln_n), detmath::exp(ln_d));
        Ok(Optimum {
            flop: c,
            params,
            tokens,
            tokens_per_param: detmath::exp(ln_d - ln_n),
            loss: self.loss_unchecked(params, tokens),
        })
    }

    /// The compute a compute-optimal model needs to reach `loss`: 6·(K/(L − E))^(1/γ).
    /// `None` when the loss is at or below the fit's floor E (no compute reaches it) or the
    /// compute is not a finite number.
    pub fn flop_for_loss(&self, loss: f64) -> Option<f64> {
        let excess = loss - self.e;
        if !(excess > 0.0 && loss.is_finite()) {
            return None;
        }
        let c = 6.0 * detmath::exp((detmath::ln(self.k()) - detmath::ln(excess)) / self.gamma());
        (c.is_finite() && c > 0.0).then_some(c)
    }
}
