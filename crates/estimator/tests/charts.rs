//! The figures the page's charts draw: the energy split against hand arithmetic.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use zettaflop_estimator::{estimate, Scenario};

#[test]
fn energy_split_is_it_and_overhead() {
    // GPT-4 on 64,000 GB200 superchips = 128,000 GPUs at 1,667 W all-in, PUE 1.2:
    // IT 213.376 MW; overhead 0.2 × that; over the 45.6 h of the run.
    let r = estimate(&Scenario::default()).unwrap();
    let it = 128_000.0 * 1667.0 * r.duration_s;
    let rel = |a: f64, b: f64| ((a - b) / b).abs();
    assert!(
        rel(r.energy_split_j.it, it) < 1e-12,
        "{}",
        r.energy_split_j.it
    );
    assert!(rel(r.energy_split_j.overhead, 0.2 * it) < 1e-9);
    assert!(rel(r.energy_split_j.it + r.energy_split_j.overhead, r.energy_j) < 1e-12);
    // With PUE 1 there is no overhead.
    let r = estimate(&Scenario {
        pue: 1.0,
        ..Scenario::default()
    })
    .unwrap();
    assert_eq!(r.energy_split_j.overhead, 0.0);
}
