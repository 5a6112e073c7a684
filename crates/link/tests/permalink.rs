//! The permalink of the sentence to quote, written by the estimator (`quote`, through `query`),
//! read back by the page's link decoder: every input comes back, in the language it was written.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use zettaflop_estimator::fields;
use zettaflop_estimator::format::Locale;
use zettaflop_estimator::parse::{parse, Dimension};
use zettaflop_estimator::{estimate, quote, Scenario};
use zettaflop_link::{decode, Kind, Param};

/// How the page reads each input back: the field registry's dimension.
fn dimension(key: &str) -> Option<Dimension> {
    fields::by_name(key).map(|f| f.dimension)
}

#[test]
fn the_permalink_carries_every_input_and_reads_back_to_the_same_scenario() {
    let s = Scenario {
        count: 25_000.0,
        hardware: zettaflop_estimator::HardwareChoice::Id("h100".into()),
        count_unit: zettaflop_estimator::CountUnit::Chip,
        claimed_duration_s: Some(95.0 * 86_400.0),
        site_power_w: Some(1.2e9),
        checkpoint_s: Some(45.0),
        ..Scenario::default()
    };
    let r = estimate(&s).unwrap();
    let q = quote::estimate(&s, &r, Locale::Fr).query.unwrap();
    let keys = [
        "model",
        "hardware",
        "count",
        "count-unit",
        "precision",
        "sparse",
        "utilization",
        "pue",
        "usd-per-kwh",
        "kg-co2-per-kwh",
        "claimed-duration",
        "checkpoint",
        "site-power",
    ];
    let params: Vec<Param> = keys
        .iter()
        .map(|k| Param {
            key: k,
            kind: Kind::Text,
        })
        .collect();
    let (state, notices) = decode(&q, &params);
    assert!(notices.is_empty(), "{notices:?} in {q}");
    assert_eq!(state.locale, Some(Locale::Fr));
    for k in keys {
        assert!(state.value(k).is_some(), "{k} missing from {q}");
    }
    let read = |k: &str| parse(state.value(k).unwrap(), dimension(k).unwrap()).unwrap();
    assert_eq!(read("count"), s.count);
    assert_eq!(read("utilization"), r.utilization);
    assert_eq!(read("pue"), s.pue);
    assert_eq!(read("claimed-duration"), s.claimed_duration_s.unwrap());
    assert_eq!(read("checkpoint"), 45.0);
    assert_eq!(read("site-power"), 1.2e9);
    assert_eq!(state.value("hardware"), Some("h100"));
    assert_eq!(state.value("count-unit"), Some("chip"));
}
