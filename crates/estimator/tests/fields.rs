//! The field registry: every numeric input declared once, consistently.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use zettaflop_estimator::fields::{Fallback, ALL};
use zettaflop_estimator::Scenario;

#[test]
fn keys_and_names_are_unique_and_texts_are_in_both_languages() {
    for (i, f) in ALL.iter().enumerate() {
        assert!(ALL[..i].iter().all(|g| g.key != f.key), "{}", f.key);
        assert!(
            f.name.is_none() || ALL[..i].iter().all(|g| g.name != f.name),
            "{}",
            f.key
        );
        for t in [f.label, f.help] {
            assert!(!t.0.is_empty() && !t.1.is_empty(), "{}", f.key);
        }
        if matches!(f.fallback, Fallback::Required) {
            assert!(!f.optional, "{}", f.key);
        }
    }
}

#[test]
fn the_scenario_default_holds_the_registry_defaults() {
    let s = Scenario::default();
    for f in ALL.iter().filter(|f| !f.optional) {
        if let Fallback::Value(d) = f.fallback {
            assert_eq!((f.value)(&s), Some(d()), "{}", f.key);
        }
    }
}

#[test]
fn defaults_lie_in_their_range() {
    for f in ALL {
        if let Fallback::Value(d) = f.fallback {
            assert!(f.check(d()).is_ok(), "{}", f.key);
        }
    }
}

#[test]
fn every_number_of_the_scenario_is_registered_and_every_field_is_in_the_scenario() {
    let s: Scenario = serde_json::from_str(
        r#"{"workload": "gpt-4", "hardware": "h100", "count": 16384, "utilization": 0.41,
            "global_batch": 2048, "pue": 1.35, "usd_per_chip_hour": 2.5, "usd_per_kwh": 0.12,
            "kg_co2_per_kwh": 0.2, "claimed_duration_s": 4.67e6, "target_duration_s": 2.6e6,
            "interruptions_per_gpu_hour": 2e-5, "checkpoint_s": 60, "restart_s": 600,
            "site_power_w": 1.5e8, "budget_usd": 5e9, "usd_purchase_per_chip": 30000,
            "facility_usd_per_w": 10, "lifetime_s": 1.5e8}"#,
    )
    .expect("a scenario");
    let json = serde_json::to_value(&s).expect("serializes");
    let keys: Vec<&String> = json.as_object().expect("an object").keys().collect();
    let choices = ["workload", "hardware", "count_unit", "precision", "sparse"];
    for k in &keys {
        assert!(
            choices.contains(&k.as_str()) || zettaflop_estimator::fields::by_key(k).is_some(),
            "{k} is not in fields::ALL"
        );
    }
    for f in ALL.iter().filter(|f| !f.is_workload()) {
        assert!(
            keys.iter().any(|k| *k == f.key),
            "{} is no key of Scenario",
            f.key
        );
        assert!((f.value)(&s).is_some(), "{} reads nothing", f.key);
    }
}
