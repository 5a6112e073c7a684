//! Scaling laws: the closed-form optimum against the issue's hand-checked values for both fits,
//! the report's `compute_optimal` and `diminishing_returns` blocks, the `optimal` request, and
//! no NaN, infinity or panic on any input.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use zettaflop_estimator::scaling::{self, fit, optimal, OptimalRequest, FITS};
use zettaflop_estimator::{estimate, HardwareChoice, Scenario, Workload};

fn close(got: f64, want: f64, rel: f64) {
    assert!(
        (got / want - 1.0).abs() < rel,
        "got {got}, want {want} (±{rel})"
    );
}

/// Brute force: the lowest loss over N on a fine log grid (1e8 to 1e14), D = C/(6N).
fn grid_min(f: &scaling::Fit, c: f64) -> (f64, f64) {
    let mut best = (f64::INFINITY, 0.0);
    for i in 0..=20_000 {
        let n = 10f64.powf(8.0 + 6.0 * f64::from(i) / 20_000.0);
        let l = f.loss(n, c / 6.0 / n).unwrap();
        if l < best.0 {
            best = (l, n);
        }
    }
    best
}

#[test]
fn epoch_fit_matches_the_hand_checked_values() {
    let f = fit("epoch").unwrap();
    assert_eq!(
        (f.e, f.a, f.b, f.alpha, f.beta),
        (1.8172, 482.01, 2085.43, 0.3478, 0.3658)
    );
    assert!(f.default);
    assert_eq!(scaling::default_fit().id, "epoch");
    let o = f.optimum(5.76e23).unwrap();
    close(o.params, 7.225e10, 1e-3);
    close(o.tokens, 1.329e12, 1e-3);
    assert!(
        (o.tokens_per_param - 18.4).abs() < 0.05,
        "{}",
        o.tokens_per_param
    );
    assert!((o.loss - 1.974).abs() < 5e-4, "{}", o.loss);
    assert_eq!(o.flop, 5.76e23);
    close(6.0 * o.params * o.tokens, 5.76e23, 1e-12);
}

#[test]
fn hoffmann_fit_matches_the_hand_checked_values() {
    let f = fit("hoffmann").unwrap();
    assert_eq!(
        (f.e, f.a, f.b, f.alpha, f.beta),
        (1.6934, 406.4, 410.7, 0.3392, 0.2849)
    );
    let o = f.optimum(5.76e23).unwrap();
    close(o.params, 4.031e10, 1e-3);
    close(o.tokens, 2.382e12, 1e-3);
    assert!((o.loss - 1.918).abs() < 5e-4, "{}", o.loss);
}

#[test]
fn the_closed_form_is_the_minimum_of_the_loss() {
    for f in FITS {
        for c in [1e21, 5.76e23, 2.1e25] {
            let o = f.optimum(c).unwrap();
            let (l, n) = grid_min(f, c);
            assert!(
                o.loss <= l + 1e-12,
                "{} at {c}: {} > grid {l}",
                f.id,
                o.loss
            );
            close(n, o.params, 2e-3);
            // The loss the optimum reaches inverts back to its compute.
            close(f.flop_for_loss(o.loss).unwrap(), c, 1e-9);
        }
    }
}

#[test]
fn unknown_fits_and_bad_computes_are_errors_naming_the_field() {
    let e = fit("kaplan").unwrap_err();
    assert_eq!(e.field(), "fit");
    assert!(e.to_string().contains("epoch, hoffmann"), "{e}");
    let f = scaling::default_fit();
    for bad in [f64::NAN, f64::INFINITY, -1.0, 0.0, 1e36] {
        assert_eq!(f.optimum(bad).unwrap_err().field(), "flop");
    }
    assert_eq!(f.loss(0.0, 1e9).unwrap_err().field(), "params");
    assert_eq!(f.loss(1e9, f64::NAN).unwrap_err().field(), "tokens");
    assert_eq!(f.flop_for_loss(f.e), None);
    assert_eq!(f.flop_for_loss(1.0), None);
    assert_eq!(f.flop_for_loss(f64::NAN), None);
    assert_eq!(f.flop_for_loss(f64::INFINITY), None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]
    #[test]
    fn every_allowed_input_gives_finite_figures(c in 1.0f64..1e35, n in 1.0f64..1e16, d in 1.0f64..1e18, k in 0usize..2) {
        let f = &FITS[k];
        let o = f.optimum(c).unwrap();
        for v in [o.params, o.tokens, o.tokens_per_param, o.loss] {
            prop_assert!(v.is_finite() && v > 0.0);
        }
        let l = f.loss(n, d).unwrap();
        prop_assert!(l.is_finite() && l > f.e);
        let eq = f.flop_for_loss(l);
        prop_assert!(eq.is_some_and(|x| x.is_finite() && x > 0.0));
        let w = Workload::Params { params: n, tokens: d, active_params: None };
        if 6.0 * n * d <= 1e35 {
            let b = scaling::compute_optimal(&w).unwrap();
            prop_assert!(b.result.efficiency > 0.0 && b.result.efficiency <= 1.0);
        }
        let r = scaling::diminishing_returns(c, c * 1e-17);
        prop_assert!(r.is_some());
    }
}

#[test]
fn a_preset_with_params_and_tokens_gets_the_block() {
    // GPT-3: 175 B parameters on 300 B tokens, 1.7 tokens per parameter.
    let s = Scenario {
        workload: Workload::Preset("gpt-3".into()),
        ..Scenario::default()
    };
    let r = estimate(&s).unwrap();
    let b = r.compute_optimal.as_ref().expect("block");
    assert_eq!((b.params, b.tokens), (175e9, 300e9));
    close(b.tokens_per_param, 300.0 / 175.0, 1e-12);
    assert_eq!(b.reference_tokens_per_param, 20.0);
    assert_eq!(b.data_set, "MassiveText");
    assert_eq!(b.result.fit, "epoch");
    let f = fit("epoch").unwrap();
    close(b.flop, 3.15e23, 1e-12);
    close(b.result.loss, f.loss(175e9, 300e9).unwrap(), 1e-15);
    let o = f.optimum(3.15e23).unwrap();
    assert_eq!(b.result.optimal, o);
    // Under-trained: a compute-optimal model reaches the same loss with less compute.
    assert!(b.result.loss > o.loss);
    assert!(b.result.equivalent_flop < b.flop);
    close(
        b.result.efficiency,
        b.result.equivalent_flop / b.flop,
        1e-12,
    );
    close(
        f.optimum(b.result.equivalent_flop).unwrap().loss,
        b.result.loss,
        1e-9,
    );
    // The other fit is kept beside it.
    assert_eq!(b.other_fits.len(), 1);
    assert_eq!(b.other_fits[0].fit, "hoffmann");
    assert_eq!(
        b.other_fits[0].optimal,
        fit("hoffmann").unwrap().optimum(3.15e23).unwrap()
    );
    // Its steps are in the math, with their sources cited.
    for id in [
        "compute_optimal.loss",
        "compute_optimal.optimal.params",
        "compute_optimal.optimal.tokens",
        "compute_optimal.optimal.loss",
        "compute_optimal.equivalent_flop",
    ] {
        assert!(r.steps.iter().any(|s| s.id == id), "no step {id}");
    }
    for src in ["epoch-chinchilla-replication", "chinchilla-paper"] {
        assert!(r.sources.iter().any(|c| c.id == src), "{src} not cited");
    }
}

#[test]
fn params_and_tokens_get_the_block_with_active_params_for_a_moe() {
    // Chinchilla's own point: 70 B on 1.4 T tokens is close to optimal under both fits.
    let s = Scenario {
        workload: Workload::Params {
            params: 70e9,
            tokens: 1.4e12,
            active_params: None,
        },
        ..Scenario::default()
    };
    let b = estimate(&s).unwrap().compute_optimal.unwrap();
    assert_eq!(b.tokens_per_param, 20.0);
    close(b.flop, 5.88e23, 1e-12);
    assert!(b.result.efficiency > 0.99, "{}", b.result.efficiency);
    let s = Scenario {
        workload: Workload::Params {
            params: 671e9,
            tokens: 14.8e12,
            active_params: Some(37e9),
        },
        ..Scenario::default()
    };
    let b = estimate(&s).unwrap().compute_optimal.unwrap();
    assert_eq!(b.params, 37e9);
    // A flop-only workload (GPT-4 has no published N and D) has no block.
    let r = estimate(&Scenario::default()).unwrap();
    assert!(r.compute_optimal.is_none());
    assert!(!r.steps.iter().any(|s| s.id.starts_with("compute_optimal")));
}

#[test]
fn more_money_buys_less_loss_per_dollar() {
    let r = estimate(&Scenario::default()).unwrap();
    let d = r.diminishing_returns.as_ref().expect("block");
    close(d.usd_per_flop, r.cost_usd.total / r.training_flop, 1e-12);
    let m: Vec<f64> = d.points.iter().map(|p| p.multiple).collect();
    assert_eq!(m, [1.0, 2.0, 10.0, 100.0]);
    let f = scaling::default_fit();
    for p in &d.points {
        close(p.usd, r.cost_usd.total * p.multiple, 1e-12);
        close(p.flop, r.training_flop * p.multiple, 1e-12);
        assert_eq!(p.loss, f.optimum(p.flop).unwrap().loss);
    }
    assert_eq!(d.loss, d.points[0].loss);
    assert_eq!(d.points[0].loss_drop_per_billion_usd, None);
    let drops: Vec<f64> = d.points[1..]
        .iter()
        .map(|p| p.loss_drop_per_billion_usd.unwrap())
        .collect();
    assert!(
        drops[0] > drops[1] && drops[1] > drops[2] && drops[2] > 0.0,
        "{drops:?}"
    );
    let (p0, p1) = (&d.points[0], &d.points[1]);
    close(
        drops[0],
        (p0.loss - p1.loss) / ((p1.usd - p0.usd) / 1e9),
        1e-12,
    );
    // The chart's curve goes through the points.
    let curve = scaling::loss_curve(d, 1.0, 100.0, 5);
    assert_eq!(curve.len(), 5);
    close(curve[0].1, p0.loss, 1e-12);
    close(curve[4].1, d.points[3].loss, 1e-12);
    assert!(curve.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 > w[1].1));
    // A free cluster has no dollars to divide by.
    let s = Scenario {
        usd_per_chip_hour: Some(0.0),
        usd_per_kwh: 0.0,
        ..Scenario::default()
    };
    assert!(estimate(&s).unwrap().diminishing_returns.is_none());
    // At the top of the compute range the multiples that leave it are left out.
    assert_eq!(
        scaling::diminishing_returns(2e34, 1e9)
            .unwrap()
            .points
            .len(),
        2
    );
}

#[test]
fn the_optimal_request_takes_a_compute_or_a_budget() {
    let r = optimal(&OptimalRequest {
        flop: Some(5.76e23),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(r.fit, "epoch");
    close(r.params, 7.225e10, 1e-3);
    assert_eq!(r.sources[0].id, "epoch-chinchilla-replication");
    assert_eq!(r.usd, None);
    // A budget: the compute it buys on 1 H100-hour's price at 40 %, the same as an estimate's.
    let req: OptimalRequest =
        serde_json::from_str(r#"{"usd": 1e9, "hardware": "h100", "fit": "hoffmann"}"#).unwrap();
    let r = optimal(&req).unwrap();
    let est = estimate(&Scenario {
        workload: Workload::Flop { flop: 1e25 },
        hardware: HardwareChoice::Id("h100".into()),
        count: 1000.0,
        count_unit: zettaflop_estimator::CountUnit::Chip,
        utilization: Some(0.4.into()),
        ..Scenario::default()
    })
    .unwrap();
    close(r.usd_per_flop.unwrap(), est.cost_usd.total / 1e25, 1e-12);
    close(r.flop, 1e9 / r.usd_per_flop.unwrap(), 1e-12);
    assert_eq!(r.fit, "hoffmann");
    assert_eq!(r.usd, Some(1e9));
}

#[test]
fn bad_optimal_requests_name_their_field() {
    let field = |json: &str| -> String {
        match serde_json::from_str::<OptimalRequest>(json) {
            Ok(req) => optimal(&req).unwrap_err().field().to_string(),
            Err(e) => format!("serde: {e}"),
        }
    };
    assert_eq!(field(r#"{"flop": -1}"#), "flop");
    assert_eq!(field(r#"{"flop": 0}"#), "flop");
    assert_eq!(field(r#"{}"#), "flop");
    assert_eq!(field(r#"{"flop": 1e24, "fit": "kaplan"}"#), "fit");
    assert_eq!(field(r#"{"flop": 1e24, "usd": 1e9}"#), "usd");
    assert_eq!(field(r#"{"flop": 1e24, "hardware": "h100"}"#), "hardware");
    assert_eq!(field(r#"{"usd": 1e9}"#), "hardware");
    assert_eq!(field(r#"{"usd": -5, "hardware": "h100"}"#), "usd");
    assert_eq!(
        field(r#"{"usd": 1e9, "hardware": "h100", "utilization": "auto"}"#),
        "utilization"
    );
    assert_eq!(
        field(r#"{"usd": 1e9, "hardware": "h100", "utilization": 2}"#),
        "utilization"
    );
    assert_eq!(field(r#"{"usd": 1e9, "hardware": "nope"}"#), "hardware");
    assert_eq!(
        field(r#"{"usd": 1e9, "hardware": "h100", "usd_per_chip_hour": 0, "usd_per_kwh": 0}"#),
        "usd_per_chip_hour"
    );
    assert!(field(r#"{"flop": 1e24, "count": 3}"#).contains("unknown field `count`"));
    assert!(field(r#"{"flop": "a lot"}"#).starts_with("serde:"));
}

#[test]
fn the_schema_declares_the_blocks_and_the_request() {
    use zettaflop_estimator::schema::{self, Root};
    let doc = schema::root(Root::Report).unwrap();
    let defs = &doc["definitions"];
    let props = &defs["Report"]["properties"];
    assert!(props.get("compute_optimal").is_some());
    assert!(props.get("diminishing_returns").is_some());
    // The default fit's figures sit beside the block's own (flattened).
    let block = serde_json::to_string(&defs["ComputeOptimal"]).unwrap();
    for key in [
        "equivalent_flop",
        "efficiency",
        "other_fits",
        "reference_tokens_per_param",
    ] {
        assert!(block.contains(key), "{key} missing from {block}");
    }
    let doc = schema::root(Root::OptimalRequest).unwrap();
    let req = &doc["definitions"]["OptimalRequest"];
    assert_eq!(req["additionalProperties"], false);
    assert_eq!(req["properties"]["flop"]["minimum"], 1.0);
    assert_eq!(req["properties"]["flop"]["maximum"], 1e35);
    assert_eq!(Root::from_id("optimal-result"), Some(Root::OptimalResult));
}
