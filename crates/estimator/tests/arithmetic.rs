//! Estimates checked against hand arithmetic on the sources (docs/formulas.md gives each formula
//! and the source of its inputs). Tolerances are relative and tight: these are exact formulas.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use zettaflop_estimator::{
    estimate, CountUnit, CustomHardware, HardwareChoice, Peaks, Precision, Report, Scenario,
    Workload,
};

fn close(a: f64, b: f64, rel: f64) -> bool {
    ((a - b) / b).abs() <= rel
}

macro_rules! assert_close {
    ($a:expr, $b:expr, $rel:expr) => {{
        let (a, b) = ($a, $b);
        assert!(
            close(a, b, $rel),
            "{} = {a} but expected {b} (±{})",
            stringify!($a),
            $rel
        );
    }};
}

fn on(hw: &str, count: f64, unit: CountUnit, flop: f64) -> Scenario {
    Scenario {
        workload: Workload::Flop { flop },
        hardware: HardwareChoice::Id(hw.into()),
        count,
        count_unit: unit,
        ..Scenario::default()
    }
}

fn run(s: &Scenario) -> Report {
    match estimate(s) {
        Ok(r) => r,
        Err(e) => panic!("estimate failed: {e}"),
    }
}

#[test]
fn gpt4_on_25000_a100_at_33_percent_takes_about_95_days() {
    let s = Scenario {
        utilization: Some(0.33.into()),
        ..on("a100", 25_000.0, CountUnit::Chip, 2.1e25)
    };
    let r = run(&s);
    // 2.1e25 / (25,000 × 312e12 × 0.33) = 8.158e6 s = 94.4 days.
    assert_close!(r.duration_s / 86_400.0, 94.42, 1e-3);
    assert_close!(r.peak_flop_per_s, 7.8e18, 1e-12);
    // GPU-hours: 25,000 × 94.42 d × 24 = 5.67e7 (Epoch: 5.7e7).
    assert_close!(r.chip_hours, 5.665e7, 1e-3);
}

#[test]
fn original_gpt4_run_implies_a_third_of_the_peak() {
    let s = Scenario::reference_run("gpt-4").expect("gpt-4 has a reference run");
    let r = run(&s);
    // 2.1e25 / (25,000 × 312e12 × 95 × 86,400) = 0.328 (SemiAnalysis: 32-36 %).
    assert_close!(r.implied_utilization.unwrap_or(0.0), 0.3279, 1e-3);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn stargate_64000_gb200_superchips_is_032_zflops_dense_064_sparse() {
    let dense = run(&on("gb200", 64_000.0, CountUnit::Package, 2.1e25));
    assert_eq!(dense.gpus, 128_000.0);
    assert_close!(dense.peak_flop_per_s, 0.32e21, 1e-12);
    let sparse = run(&Scenario {
        sparse: true,
        ..on("gb200", 64_000.0, CountUnit::Package, 2.1e25)
    });
    assert_close!(sparse.peak_flop_per_s, 0.64e21, 1e-12);
    assert!(sparse.warnings.iter().any(|w| w.code.id() == "sparse_peak"));
    // Read as 64,000 GPUs, the dense peak halves.
    let gpus = run(&on("gb200", 64_000.0, CountUnit::Chip, 2.1e25));
    assert_close!(gpus.peak_flop_per_s, 0.16e21, 1e-12);
    // 889 NVL72 racks = 64,008 GPUs.
    assert_eq!(
        run(&on("gb200", 889.0, CountUnit::Rack, 2.1e25)).gpus,
        64_008.0
    );
}

#[test]
fn gpt4_in_12_hours_on_stargate_needs_152_percent_of_dense_bf16() {
    let claim = Scenario {
        claimed_duration_s: Some(12.0 * 3600.0),
        ..on("gb200", 64_000.0, CountUnit::Package, 2.1e25)
    };
    let r = run(&claim);
    assert_close!(r.implied_utilization.unwrap_or(0.0), 1.519, 1e-3);
    assert!(r.warnings.iter().any(|w| w.code.id() == "claim_impossible"));
    // Against the sparse peak: 76 %.
    let r = run(&Scenario {
        sparse: true,
        ..claim
    });
    assert_close!(r.implied_utilization.unwrap_or(0.0), 0.7595, 1e-3);
    // At 40 % of dense BF16: 45.6 h; in FP8: 22.8 h.
    let r = run(&on("gb200", 64_000.0, CountUnit::Package, 2.1e25));
    assert_close!(r.duration_s / 3600.0, 45.57, 1e-3);
    let r = run(&Scenario {
        precision: Precision::Fp8,
        ..on("gb200", 64_000.0, CountUnit::Package, 2.1e25)
    });
    assert_close!(r.duration_s / 3600.0, 22.79, 1e-3);
}

#[test]
fn power_energy_co2_and_cost_follow_the_sources() {
    let r = run(&on("gb200", 64_000.0, CountUnit::Package, 2.1e25));
    // 128,000 GPUs × 1,667 W (120 kW NVL72 rack / 72) = 213 MW IT (reference: 213-235 MW).
    assert_close!(r.it_power_w, 213.376e6, 1e-9);
    assert_close!(r.facility_power_w, 256.0512e6, 1e-9);
    // E = 256.05 MW × 164,062.5 s = 4.2008e13 J = 11,669 MWh.
    assert_close!(r.energy_j, 4.20084e13, 1e-5);
    // CO₂ = 11,669,000 kWh × 0.367 kg = 4,282.5 t.
    assert_close!(r.co2_kg, 4.2825e6, 1e-4);
    // Cost: 5.833e6 GPU-h × $4.54 + 11.669e6 kWh × $0.078.
    assert_close!(r.cost_usd.compute, 26.483e6, 1e-4);
    assert_close!(r.cost_usd.electricity, 910_182.0, 1e-5);
    assert_close!(
        r.cost_usd.total,
        r.cost_usd.compute + r.cost_usd.electricity,
        1e-12
    );
}

#[test]
fn a_12_gw_site_draws_what_098_million_us_homes_draw() {
    let chip = CustomHardware {
        name: "1 kW chip".into(),
        peak_flop_per_s: Peaks {
            bf16: Some(1e15),
            ..Peaks::default()
        },
        sparse: false,
        all_in_w: 1000.0,
        hbm_bytes: None,
        gpus_per_package: 1,
        gpus_per_rack: None,
        usd_per_chip_hour: Some(1.0),
    };
    let s = Scenario {
        hardware: HardwareChoice::Custom(chip),
        count_unit: CountUnit::Chip,
        count: 1e6,
        ..Scenario::default()
    };
    let r = run(&s);
    assert_close!(r.facility_power_w, 1.2e9, 1e-12);
    // 1.2 GW / (10,715 kWh / 8,766 h) = 981,727 homes (reference: 0.98 million).
    assert_close!(r.homes, 981_727.0, 1e-5);
}

#[test]
fn gpt3_reported_run_implies_its_reported_mfu() {
    // 3.14e23 FLOP on 10,000 V100 (125 TF fp16) in 14.8 days: 19.6 % (paper: 19.7 %).
    let r = run(&Scenario::reference_run("gpt-3").expect("gpt-3 run"));
    assert_eq!(r.precision, Precision::Fp16);
    assert_close!(r.implied_utilization.unwrap_or(0.0), 0.1964, 1e-3);
}

#[test]
fn chips_needed_for_a_target_duration() {
    let s = Scenario {
        utilization: Some(0.33.into()),
        target_duration_s: Some(95.0 * 86_400.0),
        ..on("a100", 1.0, CountUnit::Chip, 2.1e25)
    };
    let r = run(&s);
    // ⌈2.1e25 / (312e12 × 0.33 × 8.208e6)⌉ = 24,850 GPUs.
    assert_eq!(r.chips_needed, Some(24_850.0));
    assert_eq!(r.count_needed, Some(24_850.0));
    let s = Scenario {
        target_duration_s: Some(86_400.0),
        ..on("gb200", 1.0, CountUnit::Rack, 2.1e25)
    };
    let r = run(&s);
    // ⌈2.1e25 / (2.5e15 × 0.4 × 86,400)⌉ = 243,056 GPUs = 3,376 racks.
    assert_eq!(r.chips_needed, Some(243_056.0));
    assert_eq!(r.count_needed, Some(3_376.0));
}

#[test]
fn six_n_d_uses_active_parameters() {
    let s = Scenario {
        workload: Workload::Params {
            params: 671e9,
            tokens: 14.8e12,
            active_params: Some(37e9),
        },
        ..Scenario::default()
    };
    // 6 × 37e9 × 14.8e12 = 3.2856e24 (Epoch: 3.41e24 with post-training).
    assert_close!(run(&s).training_flop, 3.2856e24, 1e-9);
    let preset = Scenario {
        workload: Workload::Preset("deepseek-v3".into()),
        ..Scenario::default()
    };
    assert_close!(run(&preset).training_flop, 3.2856e24, 1e-9);
}

#[test]
fn every_number_has_a_step_and_every_cited_source_exists() {
    let s = Scenario {
        claimed_duration_s: Some(43_200.0),
        target_duration_s: Some(86_400.0),
        ..Scenario::default()
    };
    let r = run(&s);
    for id in [
        "training_flop",
        "gpus",
        "peak_flop_per_s_per_gpu",
        "peak_flop_per_s",
        "effective_flop_per_s",
        "duration_s",
        "chip_hours",
        "it_power_w",
        "facility_power_w",
        "energy_j",
        "co2_kg",
        "homes",
        "home_years",
        "cost_usd.compute",
        "cost_usd.electricity",
        "cost_usd.total",
        "implied_utilization",
        "chips_needed",
    ] {
        assert!(r.steps.iter().any(|s| s.id == id), "no step {id}");
    }
    let duration = r
        .steps
        .iter()
        .find(|s| s.id == "duration_s")
        .map(|s| s.value);
    assert_eq!(duration, Some(r.duration_s));
    for step in &r.steps {
        for src in &step.sources {
            assert!(
                r.sources.iter().any(|c| &c.id == src),
                "step {} cites {src} missing from report.sources",
                step.id
            );
        }
    }
    for id in [
        "epoch-models",
        "klockwood-b200",
        "introl-gb200",
        "eia-co2",
        "eia-homes",
        "uptime-pue",
        "spheron-prices",
    ] {
        assert!(
            r.sources.iter().any(|c| c.id == id),
            "default scenario should cite {id}"
        );
    }
}

#[test]
fn ranges_follow_the_estimate_band_of_the_inputs() {
    let r = run(&Scenario::default());
    // GPT-4 8.2e24-4.4e25 FLOP (Epoch 90 % interval), utilization 30-45 %, PUE 1.1-1.58, GB200
    // all-in power 1,625-1,833 W around the 1,667 W default.
    let varied: Vec<&str> = r.ranges.varied.iter().map(|v| v.id()).collect();
    assert_eq!(varied, ["workload", "utilization", "pue", "power"]);
    assert_close!(r.ranges.duration_s.low, 8.2e24 / (3.2e20 * 0.45), 1e-12);
    assert_close!(r.ranges.duration_s.high, 4.4e25 / (3.2e20 * 0.30), 1e-12);
    assert_close!(
        r.ranges.energy_j.low,
        r.it_power_w * (1625.0 / 1667.0) * 1.1 * r.ranges.duration_s.low,
        1e-12
    );
    assert_close!(
        r.ranges.energy_j.high,
        r.it_power_w * (1833.0 / 1667.0) * 1.58 * r.ranges.duration_s.high,
        1e-12
    );
    assert!(r.ranges.cost_usd.low < r.cost_usd.total && r.cost_usd.total < r.ranges.cost_usd.high);
    // A utilization and PUE typed by the user, a compute given as a number: no range.
    let fixed = run(&Scenario {
        utilization: Some(0.35.into()),
        pue: 1.3,
        ..on("h100", 1000.0, CountUnit::Chip, 1e24)
    });
    assert!(fixed.ranges.varied.is_empty());
    assert_eq!(fixed.ranges.duration_s.low, fixed.ranges.duration_s.high);
}

#[test]
fn auto_utilization_comes_from_the_best_layout() {
    use zettaflop_estimator::Utilization;
    // Llama 3.1 405B has a published architecture: "auto" is its default.
    let s = Scenario {
        workload: Workload::Preset("llama-3.1-405b".into()),
        ..on("h100", 16_384.0, CountUnit::Chip, 1.0)
    };
    let r = run(&s);
    assert_eq!(r.utilization_basis.id(), "predicted");
    let p = r.predicted_utilization.clone().expect("prediction");
    assert_eq!(r.utilization, p.mfu);
    assert!((0.3..0.6).contains(&p.mfu), "{}", p.mfu);
    assert!(p.layout.starts_with("tp "), "{}", p.layout);
    // 16 Mi tokens / 8,192 = 2,048 sequences.
    assert_eq!(p.global_batch, 2048);
    assert!(r.steps.iter().any(|s| s.id == "utilization"));
    // A number still wins.
    let r = run(&Scenario {
        utilization: Some(0.4.into()),
        ..s.clone()
    });
    assert_eq!((r.utilization, r.utilization_basis.id()), (0.4, "given"));
    // "auto" on a model without architecture is an error naming the field.
    let e = estimate(&Scenario {
        utilization: Some(Utilization::Auto),
        ..Scenario::default()
    })
    .expect_err("gpt-4 has no architecture");
    assert_eq!(e.field(), "utilization");
    // By default, a cluster without a valid layout falls back to 0.40 with a warning.
    let r = run(&Scenario::reference_run("gpt-3").expect("gpt-3 run"));
    assert_eq!(r.utilization_basis.id(), "default");
    assert!(r.warnings.iter().any(|w| w.code.id() == "auto_failed"));
}
