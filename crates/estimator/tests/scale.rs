//! Scale realities against hand arithmetic: interruptions and checkpoints (goodput), the GPUs a
//! site holds, capital cost, what a budget buys, ownership against rental, and the sweep.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use zettaflop_estimator::{
    catalog, default_counts, estimate, goodput, sweep, CountUnit, ErrorKind, HardwareChoice, Need,
    Report, Scenario, Utilization, Workload,
};

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * b.abs()
}

/// Llama 3.1 405B's own run: 3.8e25 FLOP on 16,384 H100 at 40 %.
fn llama3() -> Scenario {
    Scenario {
        workload: Workload::Flop { flop: 3.8e25 },
        hardware: HardwareChoice::Id("h100".into()),
        count: 16_384.0,
        count_unit: CountUnit::Chip,
        utilization: Some(Utilization::Given(0.4)),
        ..Scenario::default()
    }
}

fn run(s: &Scenario) -> Report {
    estimate(s).expect("valid scenario")
}

#[test]
fn llama3_interruption_rate() {
    // 419 interruptions / (16,384 GPUs × 54 days × 24 h) = 419 / 21,233,664 = 1.97328e-5 per GPU-hour.
    let rate = goodput::llama3_rate_per_gpu_hour();
    assert!(close(rate, 419.0 / 21_233_664.0, 1e-15));
    assert!(close(rate, 1.97328e-5, 1e-5));
    // Back on 16,384 GPUs: M = 3600 / (16,384 × λ₁) = 54 × 86,400 / 419 = 11,135.08 s (3.09 h),
    // so 54 days hold 54 × 86,400 / M = 419 interruptions.
    let r = run(&llama3());
    assert!(close(r.goodput.mtbf_s, 54.0 * 86_400.0 / 419.0, 1e-12));
    assert!(close(54.0 * 86_400.0 / r.goodput.mtbf_s, 419.0, 1e-12));
    assert!(close(r.assumptions.interruptions_per_gpu_hour, rate, 0.0));
    assert_eq!(r.assumptions.checkpoint_s, 30.0);
    assert_eq!(r.assumptions.restart_s, 300.0);
}

#[test]
fn llama3_goodput_matches_meta_90_percent() {
    // δ = 30 s, R = 300 s, M = 11,135.08 s.
    // τ = √(2 × 30 × 11,135.08) = √668,105 = 817.38 s (Young).
    // (τ + δ)/M = 847.38 / 11,135.08 = 0.076100 → e^x − 1 = 0.079071; e^(R/M) = e^0.026942 = 1.027308.
    // Segment = 11,135.08 × 1.027308 × 0.079071 = 904.49 s → f = 817.38 / 904.49 = 0.9037:
    // Meta reports "higher than 90 %" effective training time.
    let r = run(&llama3());
    let g = &r.goodput;
    assert!(
        close(g.checkpoint_interval_s, 817.38, 1e-4),
        "{}",
        g.checkpoint_interval_s
    );
    assert_eq!(g.interval_rule.id(), "young");
    assert!(close(g.fraction, 0.9037, 1e-4), "{}", g.fraction);
    assert!(g.fraction > catalog::EFFECTIVE_TIME_LLAMA3.value);
    // First order: 1 − √(2δ/M) − R/M = 1 − 0.07340 − 0.02694 = 0.8997, within half a point.
    let first = 1.0 - (2.0 * 30.0 / g.mtbf_s).sqrt() - 300.0 / g.mtbf_s;
    assert!((g.fraction - first).abs() < 0.005);
    // Wall clock = T / f; interruptions = wall / M; energy and cost over the wall clock.
    let wall = g.wall_clock_s.unwrap();
    assert!(close(wall, r.duration_s / g.fraction, 1e-12));
    assert!(close(
        g.expected_interruptions.unwrap(),
        wall / g.mtbf_s,
        1e-12
    ));
    assert!(close(g.energy_j.unwrap(), r.facility_power_w * wall, 1e-12));
    // 16,384 × wall/3600 × $2.99 + E[kWh] × $0.078.
    let cost = 16_384.0 * wall / 3600.0 * 2.99 + g.energy_j.unwrap() / 3.6e6 * 0.078;
    assert!(close(g.cost_usd.unwrap(), cost, 1e-12));
    // The headline duration stays the failure-free one.
    assert!(close(
        r.duration_s,
        3.8e25 / (16_384.0 * 989.4e12 * 0.4),
        1e-12
    ));
}

#[test]
fn mtbf_of_a_100k_gpu_job_is_half_an_hour() {
    // M = 3600 / (100,000 × 1.97328e-5) = 3600 / 1.97328 = 1,824.4 s = 30.4 min.
    let r = run(&Scenario {
        count: 100_000.0,
        ..llama3()
    });
    assert!(
        close(r.goodput.mtbf_s / 60.0, 30.4, 1e-3),
        "{}",
        r.goodput.mtbf_s
    );
    // More GPUs, more interruptions: the fraction drops below Llama 3's.
    assert!(r.goodput.fraction < run(&llama3()).goodput.fraction);
}

#[test]
fn slow_checkpoints_cap_the_interval_at_the_mtbf() {
    // 1,000,000 GPUs: M = 3600 / 19.7328 = 182.44 s; δ = 3,600 s ≥ M/2 → τ = M, with a warning.
    let r = run(&Scenario {
        count: 1e6,
        checkpoint_s: Some(3600.0),
        ..llama3()
    });
    assert_eq!(r.goodput.interval_rule.id(), "mtbf");
    assert!(close(r.goodput.checkpoint_interval_s, 182.44, 1e-4));
    assert!(r.warnings.iter().any(|w| w.code.id() == "checkpoint_slow"));
}

#[test]
fn a_run_that_never_finishes_says_so() {
    // 10⁸ GPUs: M = 3600 / 1,973.3 = 1.82 s against a week's restart: e^(604,800/1.82) overflows,
    // the fraction is 0 and there is no wall clock.
    let s = Scenario {
        count: 1e8,
        restart_s: Some(604_800.0),
        ..llama3()
    };
    let r = run(&s);
    assert_eq!(r.goodput.fraction, 0.0);
    assert_eq!(r.goodput.wall_clock_s, None);
    assert!(r.warnings.iter().any(|w| w.code.id() == "never_finishes"));
    let e = sweep(&s, &[1e8]).unwrap_err();
    assert_eq!(e.field(), "count");
}

#[test]
fn a_given_rate_replaces_llama3s() {
    // 1e-4 per GPU-hour on 16,384 GPUs: M = 3600 / 1.6384 = 2,197.27 s; no Llama 3 step then.
    let r = run(&Scenario {
        interruptions_per_gpu_hour: Some(1e-4),
        ..llama3()
    });
    assert!(close(r.goodput.mtbf_s, 2197.265625, 1e-12));
    assert!(!r
        .steps
        .iter()
        .any(|s| s.id == "goodput.interruptions_per_gpu_hour"));
    assert!(r.steps.iter().any(|s| s.id == "goodput.mtbf_s"));
}

#[test]
fn a_site_of_1_2_gw_holds_600k_gb200_gpus() {
    // 1.2 GW / (1,667 W × 1.2) = 1.2e9 / 2,000.4 = 599,880.02 → 599,880 GPUs = 299,940 superchips.
    let r = run(&Scenario {
        site_power_w: Some(1.2e9),
        ..Scenario::default()
    });
    let site = r.site.unwrap();
    assert_eq!(site.gpus, 599_880.0);
    assert_eq!(site.count, 299_940.0);
    assert!(close(site.w_per_gpu, 2000.4, 1e-12));
    // And the other way round: 400,000 superchips = 800,000 GPUs need 800,000 × 2,000.4 W = 1.6 GW.
    let r = run(&Scenario {
        count: 400_000.0,
        ..Scenario::default()
    });
    assert!(close(r.facility_power_w, 1.60032e9, 1e-12));
}

#[test]
fn capex_of_llama3s_cluster() {
    // 16,384 H100 × $33,810 = $553,943,040; facility 16,384 × 1,500 W × $11.7/W = $287,539,200;
    // total $841,482,240.
    assert_eq!(
        catalog::accelerator("h100").unwrap().usd_purchase_per_chip,
        Some(33_810.0)
    );
    let r = run(&llama3());
    let c = r.capex.unwrap();
    assert_eq!(c.chips_usd, 553_943_040.0);
    assert_eq!(c.facility_usd, 287_539_200.0);
    assert_eq!(c.total_usd, 841_482_240.0);
    // Amortized over 4 years (126,230,400 s) for the failure-free run T:
    // $841,482,240 × T / 126,230,400; ownership = that + electricity.
    assert_eq!(c.lifetime_s, 4.0 * 365.25 * 86_400.0);
    let amort = 841_482_240.0 * r.duration_s / 126_230_400.0;
    assert!(close(c.amortized_usd, amort, 1e-12));
    assert!(close(
        r.cost_usd.ownership.unwrap(),
        amort + r.cost_usd.electricity,
        1e-12
    ));
    // T = 3.8e25 / (16,384 × 989.4e12 × 0.4) = 5,860,461 s (67.8 days): the amortized share is
    // $841.5M × 5,860,461 / 126,230,400 = $39.07M, about half the $79.7M rental.
    assert!(close(c.amortized_usd, 39.07e6, 1e-3));
    assert!(r.cost_usd.ownership.unwrap() < r.cost_usd.compute);
    // A 2-year lifetime doubles the amortized share.
    let r2 = run(&Scenario {
        lifetime_s: Some(2.0 * 365.25 * 86_400.0),
        ..llama3()
    });
    assert!(close(r2.capex.unwrap().amortized_usd, 2.0 * amort, 1e-12));
}

#[test]
fn what_a_billion_dollars_buys() {
    // H100: $33,810 + $11.7/W × 1,500 W = $51,360 per GPU; $1B / 51,360 = 19,470.4 → 19,470 GPUs,
    // drawing 19,470 × 1,500 × 1.2 = 35,046,000 W.
    let r = run(&Scenario {
        budget_usd: Some(1e9),
        ..llama3()
    });
    let b = r.budget.unwrap();
    assert_eq!(b.usd_per_gpu, 51_360.0);
    assert_eq!(b.gpus, 19_470.0);
    assert_eq!(b.facility_power_w, 35_046_000.0);
    // A given price and facility cost: $25,000 + $5/W × 1,500 W = $32,500 → 30,769 GPUs.
    let r = run(&Scenario {
        budget_usd: Some(1e9),
        usd_purchase_per_chip: Some(25_000.0),
        facility_usd_per_w: Some(5.0),
        ..llama3()
    });
    assert_eq!(r.budget.unwrap().gpus, 30_769.0);
}

#[test]
fn a_budget_without_a_price_names_the_field() {
    let custom: HardwareChoice = serde_json::from_str(
        r#"{"name": "X", "peak_flop_per_s": {"bf16": 1e15}, "all_in_w": 1000, "usd_per_chip_hour": 2}"#,
    )
    .unwrap();
    let s = Scenario {
        hardware: custom,
        budget_usd: Some(1e9),
        ..llama3()
    };
    let e = estimate(&s).unwrap_err();
    assert_eq!(e.field(), "usd_purchase_per_chip");
    assert_eq!(e.kind(), &ErrorKind::Needs(Need::PurchasePrice));
    // Without a budget, no capex and no ownership cost, but no error either.
    let r = run(&Scenario {
        budget_usd: None,
        ..s
    });
    assert!(r.capex.is_none() && r.cost_usd.ownership.is_none());
}

#[test]
fn sweep_points_agree_with_estimate() {
    let s = llama3();
    let counts = [1024.0, 16_384.0, 131_072.0];
    let points = sweep(&s, &counts).unwrap();
    assert_eq!(points.len(), 3);
    for (p, &n) in points.iter().zip(&counts) {
        let r = run(&Scenario {
            count: n,
            ..s.clone()
        });
        assert_eq!(p.gpus, n);
        assert_eq!(p.count, n);
        // Ideal: C / (G × peak) = 3.8e25 / (n × 989.4e12), at 100 % and without interruptions.
        assert!(close(p.ideal_duration_s, 3.8e25 / (n * 989.4e12), 1e-12));
        assert_eq!(p.compute_duration_s, r.duration_s);
        assert_eq!(Some(p.duration_s), r.goodput.wall_clock_s);
        assert_eq!(Some(p.energy_j), r.goodput.energy_j);
        assert_eq!(Some(p.cost_usd), r.goodput.cost_usd);
        assert!(p.ideal_duration_s < p.compute_duration_s && p.compute_duration_s < p.duration_s);
    }
    // Interruptions grow with the GPUs: the wall clock shrinks less than the compute time.
    let gain_compute = points[0].compute_duration_s / points[2].compute_duration_s;
    let gain_wall = points[0].duration_s / points[2].duration_s;
    assert!(close(gain_compute, 128.0, 1e-12) && gain_wall < gain_compute);
}

#[test]
fn sweep_ignores_count_claims_and_sites() {
    let s = Scenario {
        claimed_duration_s: Some(86_400.0),
        site_power_w: Some(1e9),
        ..llama3()
    };
    let a = sweep(&s, &[2048.0]).unwrap();
    let b = sweep(&llama3(), &[2048.0]).unwrap();
    assert_eq!(a, b);
    // A bad count in the list names `count`.
    assert_eq!(sweep(&s, &[2048.0, 0.5]).unwrap_err().field(), "count");
}

#[test]
fn sweep_with_auto_predicts_each_size() {
    let s = Scenario {
        workload: Workload::Preset("llama-3.1-405b".into()),
        utilization: Some(Utilization::Auto),
        ..llama3()
    };
    let points = sweep(&s, &[2048.0, 16_384.0]).unwrap();
    let r = run(&Scenario {
        count: 16_384.0,
        ..s.clone()
    });
    assert_eq!(points[1].utilization, r.utilization);
    assert_ne!(points[0].utilization, points[1].utilization);
}

#[test]
fn default_counts_are_powers_of_two() {
    let c = default_counts();
    assert_eq!(c.len(), 11);
    assert_eq!(c[0], 1024.0);
    assert_eq!(c[10], 1_048_576.0);
    assert!(c.windows(2).all(|w| w[1] == 2.0 * w[0]));
}
