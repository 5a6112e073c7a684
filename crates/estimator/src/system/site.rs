//! A site's power and the GPUs it holds: every GPU draws its all-in power (chip, host share,
//! network) times the site's PUE (cooling, conversion losses).

/// Site power per GPU: all-in W × PUE.
pub fn w_per_gpu(all_in_w: f64, pue: f64) -> f64 {
    all_in_w * pue
}

/// Whole GPUs a site of `site_w` holds: ⌊site W / (all-in W × PUE)⌋.
///
/// ```
/// // 1.2 GW at 1,667 W per GB200 GPU and PUE 1.2: about 600,000 GPUs.
/// let g = zettaflop_estimator::site::gpus_for_power(1.2e9, 1667.0, 1.2);
/// assert_eq!(g, 599_880.0);
/// ```
pub fn gpus_for_power(site_w: f64, all_in_w: f64, pue: f64) -> f64 {
    (site_w / w_per_gpu(all_in_w, pue)).floor()
}
