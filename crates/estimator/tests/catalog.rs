//! Validity of the catalog data (data/*.csv): ids unique, units consistent, every row sourced,
//! and every reference run implies a sane utilization.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;
use zettaflop_estimator::{catalog, estimate, Precision, Scenario};

#[test]
fn ids_are_unique_and_sources_resolve() {
    let mut seen = HashSet::new();
    for id in catalog::ACCELERATORS
        .iter()
        .map(|a| a.id)
        .chain(catalog::MODELS.iter().map(|m| m.id))
    {
        assert!(seen.insert(id), "duplicate id {id}");
    }
    for a in catalog::ACCELERATORS {
        for s in a
            .peak_sources
            .iter()
            .chain(a.power_sources)
            .chain(a.price_sources)
        {
            assert!(catalog::source(s).is_some(), "{}: unknown source {s}", a.id);
        }
        assert!(
            !a.peak_sources.is_empty()
                && !a.power_sources.is_empty()
                && !a.price_sources.is_empty(),
            "{} lacks a source",
            a.id
        );
    }
    for m in catalog::MODELS {
        assert!(!m.sources.is_empty(), "{} lacks a source", m.id);
    }
    for s in catalog::SOURCES {
        assert!(
            s.url.starts_with("https://") || s.kind == "derived",
            "{}: url {}",
            s.id,
            s.url
        );
    }
}

#[test]
fn peaks_are_ordered_by_precision() {
    for a in catalog::ACCELERATORS {
        let p = |x| a.peaks.get(x).unwrap_or(0.0);
        let sixteen = p(Precision::Bf16).max(p(Precision::Fp16));
        assert!(sixteen > 0.0, "{} has no 16-bit peak", a.id);
        assert!(
            p(Precision::Fp64) <= p(Precision::Tf32).max(sixteen),
            "{}: fp64 above tf32",
            a.id
        );
        assert!(p(Precision::Tf32) <= sixteen, "{}: tf32 above 16-bit", a.id);
        if let Some(f8) = a.peaks.get(Precision::Fp8) {
            assert!(f8 >= sixteen, "{}: fp8 below 16-bit", a.id);
        }
        if let Some(f4) = a.peaks.get(Precision::Fp4) {
            assert!(f4 >= p(Precision::Fp8), "{}: fp4 below fp8", a.id);
        }
        assert!(a.all_in_w >= a.tdp_w, "{}: all-in power below TDP", a.id);
        assert!(a.usd_per_chip_hour > 0.0);
    }
}

#[test]
fn reference_runs_imply_a_sane_utilization() {
    for m in catalog::MODELS.iter().filter(|m| m.run.is_some()) {
        let s = Scenario::reference_run(m.id).expect("run");
        let u = estimate(&s)
            .expect("estimate")
            .implied_utilization
            .expect("claimed duration");
        // Published large runs: 0.19 (GPT-3) to 0.55; above 0.7 or below 0.1 means bad data.
        assert!(
            (0.1..=0.7).contains(&u),
            "{}: implied utilization {u}",
            m.id
        );
    }
}

#[test]
fn ranges_are_ordered() {
    for m in catalog::MODELS {
        if let (Some(lo), Some(c), Some(hi)) = (m.flop_low, m.flop, m.flop_high) {
            assert!(lo <= c && c <= hi, "{}: {lo} ≤ {c} ≤ {hi} fails", m.id);
        }
    }
}
