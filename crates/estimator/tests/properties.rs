//! Property tests: any valid scenario gives a finite, positive report; any invalid one gives a
//! typed error that names the field — never a panic, NaN or infinity.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use zettaflop_estimator::{
    catalog, estimate, CountUnit, ErrorKind, HardwareChoice, Precision, Scenario, Workload,
};

fn workload() -> impl Strategy<Value = Workload> {
    prop_oneof![
        (0.0f64..35.0).prop_map(|e| Workload::Flop {
            flop: 10f64.powf(e)
        }),
        (
            0.0f64..15.0,
            0.0f64..17.0,
            proptest::option::of(0.0f64..1.0)
        )
            .prop_map(|(n, d, a)| {
                let params = 10f64.powf(n);
                Workload::Params {
                    params,
                    tokens: 10f64.powf(d),
                    active_params: a.map(|f| (params * f).max(1.0)),
                }
            }),
        proptest::sample::select(catalog::MODELS.iter().map(|m| m.id).collect::<Vec<_>>())
            .prop_map(|id| Workload::Preset(id.into())),
    ]
}

/// A valid scenario: the hardware, precision and unit are drawn among what the catalog supports.
fn valid() -> impl Strategy<Value = Scenario> {
    // Chips the estimator can run: those with a sourced (or derived) all-in power.
    let chip = proptest::sample::select(
        catalog::ACCELERATORS
            .iter()
            .filter(|a| a.all_in_w.is_some())
            .copied()
            .collect::<Vec<_>>(),
    );
    (
        (
            workload(),
            chip,
            1u32..1_000_000,
            any::<proptest::sample::Index>(),
            any::<bool>(),
            any::<bool>(),
        ),
        (
            0.001f64..=1.0,
            1.0f64..=3.0,
            proptest::option::of(0.0f64..100.0),
            0.0f64..1.0,
            0.0f64..1.0,
            proptest::option::of(1.0f64..1e9),
            proptest::option::of(1.0f64..1e9),
        ),
    )
        .prop_map(
            |(
                (workload, chip, count, idx, sparse, rack),
                (u, pue, price, kwh, co2, claimed, target),
            )| {
                let precisions = chip.peaks.supported();
                let precision = precisions[idx.index(precisions.len())];
                let count_unit = if rack && chip.gpus_per_rack.is_some() {
                    CountUnit::Rack
                } else if rack {
                    CountUnit::Package
                } else {
                    CountUnit::Chip
                };
                Scenario {
                    workload,
                    hardware: HardwareChoice::Id(chip.id.into()),
                    count: count.into(),
                    count_unit,
                    precision,
                    sparse: sparse && chip.sparse && precision != Precision::Fp64,
                    utilization: Some(u.into()),
                    global_batch: None,
                    pue,
                    // A chip without a catalog price needs one from the user.
                    usd_per_chip_hour: price.or(chip.usd_per_chip_hour.map_or(Some(2.0), |_| None)),
                    usd_per_kwh: kwh,
                    kg_co2_per_kwh: co2,
                    claimed_duration_s: claimed,
                    target_duration_s: target,
                    ..Scenario::default()
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn valid_scenarios_give_finite_positive_reports(s in valid()) {
        let r = estimate(&s).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for (name, v) in [("training_flop", r.training_flop), ("gpus", r.gpus), ("peak", r.peak_flop_per_s), ("duration", r.duration_s), ("chip_hours", r.chip_hours), ("it_power", r.it_power_w), ("facility", r.facility_power_w), ("energy", r.energy_j), ("homes", r.homes)] {
            prop_assert!(v.is_finite() && v > 0.0, "{name} = {v}");
        }
        for v in [r.co2_kg, r.cost_usd.compute, r.cost_usd.electricity, r.cost_usd.total] {
            prop_assert!(v.is_finite() && v >= 0.0);
        }
        prop_assert!(r.steps.iter().all(|s| s.value.is_finite()));
        for g in [r.ranges.duration_s, r.ranges.energy_j, r.ranges.cost_usd] {
            prop_assert!(g.low.is_finite() && g.high.is_finite());
            prop_assert!(g.low <= g.central * (1.0 + 1e-12) && g.central <= g.high * (1.0 + 1e-12), "{:?}", g);
        }
        if let Some(iu) = r.implied_utilization { prop_assert!(iu.is_finite() && iu > 0.0); }
        if let Some(n) = r.chips_needed { prop_assert!(n.is_finite() && n >= 1.0); }
        // Duration × effective throughput gives back the compute.
        prop_assert!(((r.duration_s * r.effective_flop_per_s) / r.training_flop - 1.0).abs() < 1e-9);
    }

    #[test]
    fn bad_numbers_are_typed_errors_naming_their_field(s in valid(), which in 0usize..7, bad in prop_oneof![Just(f64::NAN), Just(f64::INFINITY), Just(f64::NEG_INFINITY), Just(0.0), Just(-1.0), Just(-1e300), Just(1e300)]) {
        let mut s = s;
        let field = match which {
            0 => { s.count = bad; "count" }
            1 => { s.utilization = Some(bad.into()); "utilization" }
            2 => { s.pue = bad; "pue" }
            3 => { s.workload = Workload::Flop { flop: bad }; "workload.flop" }
            4 => { s.claimed_duration_s = Some(bad); "claimed_duration_s" }
            5 => { s.target_duration_s = Some(bad); "target_duration_s" }
            _ => { s.usd_per_chip_hour = Some(if bad == 0.0 { -0.5 } else { bad }); "usd_per_chip_hour" }
        };
        // 0 is a valid price and 0 < x for the others; skip the few values that are in range.
        let e = match estimate(&s) { Err(e) => e, Ok(_) => { prop_assume!(false); unreachable!() } };
        prop_assert_eq!(e.field(), field);
        let is_range = matches!(e.kind(), ErrorKind::OutOfRange { .. });
        prop_assert!(is_range, "{:?}", e);
        prop_assert!(e.to_string().starts_with(field));
    }
}

#[test]
fn invalid_choices_name_their_field() {
    let base = Scenario::default();
    let cases: Vec<(Scenario, &str)> = vec![
        (
            Scenario {
                count: 2.5,
                ..base.clone()
            },
            "count",
        ),
        (
            Scenario {
                count: 0.0,
                ..base.clone()
            },
            "count",
        ),
        (
            Scenario {
                count: -64.0,
                ..base.clone()
            },
            "count",
        ),
        (
            Scenario {
                utilization: Some(1.5.into()),
                ..base.clone()
            },
            "utilization",
        ),
        (
            Scenario {
                utilization: Some(f64::NAN.into()),
                ..base.clone()
            },
            "utilization",
        ),
        (
            Scenario {
                pue: 0.9,
                ..base.clone()
            },
            "pue",
        ),
        (
            Scenario {
                hardware: HardwareChoice::Id("h1000".into()),
                ..base.clone()
            },
            "hardware",
        ),
        (
            Scenario {
                workload: Workload::Preset("gpt-9".into()),
                ..base.clone()
            },
            "workload",
        ),
        (
            Scenario {
                workload: Workload::Params {
                    params: 1e9,
                    tokens: 1e12,
                    active_params: Some(2e9),
                },
                ..base.clone()
            },
            "workload.active_params",
        ),
        (
            Scenario {
                workload: Workload::Params {
                    params: 1e9,
                    tokens: -1.0,
                    active_params: None,
                },
                ..base.clone()
            },
            "workload.tokens",
        ),
        (
            Scenario {
                hardware: HardwareChoice::Id("v100".into()),
                count_unit: CountUnit::Chip,
                ..base.clone()
            },
            "precision",
        ),
        (
            Scenario {
                hardware: HardwareChoice::Id("v100".into()),
                count_unit: CountUnit::Chip,
                precision: Precision::Fp16,
                sparse: true,
                ..base.clone()
            },
            "sparse",
        ),
        (
            Scenario {
                hardware: HardwareChoice::Id("h100".into()),
                count_unit: CountUnit::Rack,
                ..base.clone()
            },
            "count_unit",
        ),
        (
            Scenario {
                precision: Precision::Fp64,
                sparse: true,
                ..base.clone()
            },
            "sparse",
        ),
    ];
    for (s, field) in cases {
        match estimate(&s) {
            Ok(_) => panic!("{s:?} should fail on {field}"),
            Err(e) => assert_eq!(e.field(), field, "{e}"),
        }
    }
}

#[test]
fn a_custom_chip_without_a_price_asks_for_one() {
    let s: Scenario = serde_json::from_str(
        r#"{"workload": {"flop": 1e24}, "hardware": {"name": "X", "peak_flop_per_s": {"bf16": 1e15}, "all_in_w": 1000}, "count": 1000}"#,
    )
    .expect("valid JSON");
    let e = estimate(&s).expect_err("no price");
    assert_eq!(e.field(), "usd_per_chip_hour");
    let s = Scenario {
        usd_per_chip_hour: Some(2.0),
        ..s
    };
    assert!(estimate(&s).is_ok());
}

#[test]
fn high_utilization_warns() {
    let r = estimate(&Scenario {
        utilization: Some(0.7.into()),
        ..Scenario::default()
    })
    .expect("valid");
    assert!(r
        .warnings
        .iter()
        .any(|w| w.code.id() == "utilization_high" && w.field == "utilization"));
    let r = estimate(&Scenario::default()).expect("valid");
    assert!(r.warnings.is_empty());
}

/// Scale inputs (goodput, site, money) drawn over their whole allowed ranges, log-spaced.
#[allow(clippy::type_complexity)]
fn scale_inputs() -> impl Strategy<
    Value = (
        Option<f64>,
        Option<f64>,
        Option<f64>,
        Option<f64>,
        Option<f64>,
        Option<f64>,
        Option<f64>,
        Option<f64>,
    ),
> {
    use proptest::option::of;
    (
        of((-9.0f64..0.0).prop_map(|e| 10f64.powf(e))),
        of((-2.0f64..5.78).prop_map(|e| 10f64.powf(e))),
        of(prop_oneof![
            Just(0.0),
            (0.0f64..5.78).prop_map(|e| 10f64.powf(e))
        ]),
        of((0.0f64..11.0).prop_map(|e| 10f64.powf(e))),
        of((0.0f64..14.0).prop_map(|e| 10f64.powf(e))),
        of((0.0f64..8.0).prop_map(|e| 10f64.powf(e))),
        of(prop_oneof![
            Just(0.0),
            (-3.0f64..3.0).prop_map(|e| 10f64.powf(e))
        ]),
        of((4.94f64..9.5).prop_map(|e| 10f64.powf(e))),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn scale_inputs_give_finite_reports(s in valid(), x in scale_inputs()) {
        let (rate, checkpoint, restart, site, budget, price, facility, lifetime) = x;
        let s = Scenario {
            interruptions_per_gpu_hour: rate,
            checkpoint_s: checkpoint,
            restart_s: restart,
            site_power_w: site,
            // A budget needs a purchase price: give one where the chip has none.
            usd_purchase_per_chip: price.or(budget.map(|_| 30_000.0)),
            budget_usd: budget,
            facility_usd_per_w: facility,
            lifetime_s: lifetime,
            ..s
        };
        let r = estimate(&s).map_err(|e| TestCaseError::fail(e.to_string()))?;
        // Every number of the report, however deep, is finite.
        fn finite(v: &serde_json::Value) -> bool {
            match v {
                serde_json::Value::Number(n) => n.as_f64().is_some_and(f64::is_finite),
                serde_json::Value::Array(a) => a.iter().all(finite),
                serde_json::Value::Object(o) => o.values().all(finite),
                serde_json::Value::Null => false,
                _ => true,
            }
        }
        let json = serde_json::to_value(&r).unwrap();
        prop_assert!(finite(&json), "{}", json);
        let g = &r.goodput;
        prop_assert!((0.0..=1.0).contains(&g.fraction));
        prop_assert!(g.checkpoint_interval_s > 0.0 && g.checkpoint_interval_s <= g.mtbf_s);
        if let Some(w) = g.wall_clock_s {
            prop_assert!(w >= r.duration_s * (1.0 - 1e-12));
        } else {
            prop_assert!(r.warnings.iter().any(|w| w.code.id() == "never_finishes"));
        }
        if let Some(site) = r.site { prop_assert!(site.gpus >= 0.0 && site.gpus * site.w_per_gpu <= site.site_power_w); }
        if let Some(b) = r.budget { prop_assert!(b.gpus >= 0.0 && b.gpus * b.usd_per_gpu <= b.budget_usd * (1.0 + 1e-12)); }
        if let (Some(c), Some(own)) = (r.capex, r.cost_usd.ownership) {
            prop_assert!(own >= r.cost_usd.electricity && c.total_usd >= c.chips_usd);
        }
    }

    #[test]
    fn bad_scale_numbers_name_their_field(s in valid(), which in 0usize..8, bad in prop_oneof![Just(f64::NAN), Just(f64::INFINITY), Just(f64::NEG_INFINITY), Just(-1.0), Just(-1e300), Just(1e300)]) {
        let mut s = s;
        let field = match which {
            0 => { s.interruptions_per_gpu_hour = Some(bad); "interruptions_per_gpu_hour" }
            1 => { s.checkpoint_s = Some(bad); "checkpoint_s" }
            2 => { s.restart_s = Some(bad); "restart_s" }
            3 => { s.site_power_w = Some(bad); "site_power_w" }
            4 => { s.budget_usd = Some(bad); "budget_usd" }
            5 => { s.usd_purchase_per_chip = Some(bad); "usd_purchase_per_chip" }
            6 => { s.facility_usd_per_w = Some(bad); "facility_usd_per_w" }
            _ => { s.lifetime_s = Some(bad); "lifetime_s" }
        };
        let e = estimate(&s).expect_err("out of range");
        prop_assert_eq!(e.field(), field);
        prop_assert!(matches!(e.kind(), ErrorKind::OutOfRange { .. }), "{:?}", e);
    }
}
