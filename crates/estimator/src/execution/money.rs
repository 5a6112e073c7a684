//! Owning a cluster: capital cost (GPUs at their purchase price, the facility at a build cost
//! per watt of IT power), what a budget buys, and the capital cost's share for one run when it
//! is amortized linearly over a lifetime.

use crate::catalog::{FACILITY_USD_PER_W_DEFAULT, LIFETIME_S_DEFAULT};

/// Default facility build cost per watt of IT power ($11.7M per MW).
pub fn default_facility_usd_per_w() -> f64 {
    FACILITY_USD_PER_W_DEFAULT.value
}

/// Default amortization lifetime (4 years, in seconds).
pub fn default_lifetime_s() -> f64 {
    LIFETIME_S_DEFAULT.value
}

/// Capital cost of one GPU with its share of the facility: price + $/W × all-in W.
pub fn usd_per_gpu(price: f64, facility_usd_per_w: f64, all_in_w: f64) -> f64 {
    price + facility_usd_per_w * all_in_w
}

/// Whole GPUs a budget buys at `usd_per_gpu` each.
///
/// ```
/// // $1B at $41,700 + $10/W × 1,667 W = $58,370 per GPU: 17,132 GPUs.
/// use zettaflop_estimator::money::{gpus_for_budget, usd_per_gpu};
/// assert_eq!(gpus_for_budget(1e9, usd_per_gpu(41_700.0, 10.0, 1667.0)), 17_132.0);
/// ```
pub fn gpus_for_budget(budget: f64, usd_per_gpu: f64) -> f64 {
    (budget / usd_per_gpu).floor()
}

/// The share of `capex` a run of `duration_s` uses up over `lifetime_s` (linear amortization).
pub fn amortized(capex: f64, duration_s: f64, lifetime_s: f64) -> f64 {
    capex * duration_s / lifetime_s
}
