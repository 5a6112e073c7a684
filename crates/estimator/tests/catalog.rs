//! Validity of the catalog data (data/*.csv and data/epoch/*.csv): ids unique, units
//! consistent, every row sourced, conflicts kept as ranges, and every run with compute,
//! hardware, count and time implies a sane utilization that agrees with its reported MFU — or
//! carries a `validity_note` saying why not.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;
use zettaflop_estimator::backtest::{self, Origin, Verdict};
use zettaflop_estimator::catalog::{self, Ranged};
use zettaflop_estimator::{epoch, estimate, Precision, Scenario};

fn sourced(what: &str, sources: &[&str]) {
    assert!(!sources.is_empty(), "{what} lacks a source");
    for s in sources {
        assert!(catalog::source(s).is_some(), "{what}: unknown source {s}");
    }
}

#[test]
fn ids_are_unique_and_sources_resolve() {
    let mut seen = HashSet::new();
    for id in catalog::ACCELERATORS
        .iter()
        .map(|a| a.id)
        .chain(epoch::EPOCH_HARDWARE.iter().map(|c| c.id))
        .chain(catalog::MODELS.iter().map(|m| m.id))
        .chain(catalog::CLUSTERS.iter().map(|c| c.id))
        .chain(catalog::CONSTANTS.iter().map(|c| c.id))
    {
        assert!(seen.insert(id), "duplicate id {id}");
    }
    let mut epoch_ids = HashSet::new();
    for m in epoch::EPOCH_MODELS {
        assert!(epoch_ids.insert(m.id), "duplicate Epoch model id {}", m.id);
    }
    for a in catalog::ACCELERATORS {
        sourced(a.id, a.peak_sources);
        if a.tdp_w.is_some() || a.all_in_w.is_some() {
            sourced(a.id, a.power_sources);
        }
        if a.usd_per_chip_hour.is_some() {
            sourced(a.id, a.price_sources);
            assert!(!a.usd_per_chip_hour_date.is_empty(), "{}: price date", a.id);
        }
        if a.usd_purchase_per_chip.is_some() {
            sourced(a.id, a.purchase_sources);
        }
        if a.hbm_bytes_per_s.is_some() || a.scaleup_domain.is_some() {
            sourced(a.id, a.perf_sources);
        }
    }
    for m in catalog::MODELS {
        sourced(m.id, m.sources);
        if m.arch.is_some() {
            sourced(m.id, m.arch_sources);
        }
    }
    for c in catalog::CLUSTERS {
        sourced(c.id, c.sources);
        if let Some(hw) = c.hardware {
            assert!(catalog::accelerator(hw).is_some(), "{}: chip {hw}", c.id);
        }
    }
    for c in catalog::CONSTANTS {
        sourced(c.id, c.sources);
    }
    for s in catalog::SOURCES {
        assert!(
            s.url.starts_with("https://") || s.kind == "derived",
            "{}: url {}",
            s.id,
            s.url
        );
        assert!(
            !s.date.is_empty() && !s.by.is_empty(),
            "{}: date and by",
            s.id
        );
    }
}

#[test]
fn the_reference_tables_are_all_in() {
    // 24 chips of accelerators.csv + TPU v3 + the V100 32 GB of the DGX-2 (the performance
    // model's variant); 133 Epoch chips: 24 names merged into core rows, 109 kept as Epoch-only
    // chips.
    assert_eq!(catalog::ACCELERATORS.len(), 26);
    let merged: usize = catalog::ACCELERATORS
        .iter()
        .map(|a| a.epoch_names.len())
        .sum();
    assert_eq!(merged, 24);
    assert_eq!(merged + epoch::EPOCH_HARDWARE.len(), 133);
    assert_eq!(epoch::EPOCH_MODELS.len(), 988);
    assert_eq!(catalog::MODELS.len(), 25);
    for m in catalog::MODELS.iter().filter_map(|m| m.epoch_name) {
        assert!(
            epoch::EPOCH_MODELS
                .iter()
                .any(|e| e.name == m && e.core_id.is_some()),
            "{m}"
        );
    }
    for id in ["v100", "a100", "h100", "b200", "gb200"] {
        assert!(catalog::accelerator(id).is_some(), "{id}");
    }
    for id in ["gpt-4", "gpt-3", "llama-3.1-405b", "grok-3", "deepseek-v3"] {
        assert!(catalog::model(id).is_some(), "{id}");
    }
    // Epoch models run on chips that exist, core or Epoch.
    for m in epoch::EPOCH_MODELS {
        for h in m.hardware {
            assert!(
                catalog::accelerator(h).is_some() || epoch::chip(h).is_some(),
                "{}: {h}",
                m.id
            );
        }
    }
}

#[test]
fn peaks_are_ordered_by_precision() {
    for a in catalog::ACCELERATORS {
        let p = |x| a.peaks.get(x).unwrap_or(0.0);
        let sixteen = p(Precision::Bf16).max(p(Precision::Fp16));
        assert!(sixteen > 0.0, "{} has no 16-bit peak", a.id);
        assert!(p(Precision::Fp64) <= sixteen, "{}: fp64 above 16-bit", a.id);
        assert!(
            p(Precision::Fp64) <= p(Precision::Tf32).max(sixteen),
            "{}: fp64 above tf32",
            a.id
        );
        assert!(p(Precision::Tf32) <= sixteen, "{}: tf32 above 16-bit", a.id);
        if let Some(f32) = a.fp32 {
            assert!(f32 <= sixteen, "{}: fp32 above 16-bit", a.id);
        }
        if let Some(f8) = a.peaks.get(Precision::Fp8) {
            assert!(f8 >= sixteen, "{}: fp8 below 16-bit", a.id);
        }
        if let Some(f4) = a.peaks.get(Precision::Fp4) {
            assert!(f4 >= p(Precision::Fp8), "{}: fp4 below fp8", a.id);
        }
        if let (Some(all_in), Some(tdp)) = (a.all_in_w, a.tdp_w) {
            assert!(all_in >= tdp, "{}: all-in power below TDP", a.id);
        }
        if let Some(price) = a.usd_per_chip_hour {
            assert!(price > 0.0, "{}: price", a.id);
        }
        assert!(a.hbm_bytes > 1e9, "{}: HBM in bytes", a.id);
    }
    for c in epoch::EPOCH_HARDWARE {
        if let (Some(t), Some(d)) = (c.tensor16, c.fp64) {
            assert!(t >= d, "{}: tensor 16-bit below fp64", c.id);
        }
    }
}

#[test]
fn sparse_is_twice_dense_where_a_sparse_figure_is_given() {
    for a in catalog::ACCELERATORS {
        let Some(sparse) = a.sparse_bf16 else {
            continue;
        };
        let dense = a.peaks.bf16.or(a.peaks.fp16).unwrap();
        let twice = (sparse / dense - 2.0).abs() < 1e-3;
        assert!(
            (twice && a.sparse) || !a.validity_note.is_empty(),
            "{}: sparse {sparse} vs dense {dense} (sparse mode {}) without a validity_note",
            a.id,
            a.sparse
        );
    }
}

fn ordered(what: &str, r: &Ranged) {
    assert!(
        r.low <= r.central && r.central <= r.high && r.low < r.high,
        "{what}.{}: {} ≤ {} ≤ {}",
        r.column,
        r.low,
        r.central,
        r.high
    );
}

#[test]
fn ranges_are_ordered_and_their_central_value_is_the_default() {
    for m in catalog::MODELS {
        if let (Some(lo), Some(c), Some(hi)) = (m.flop_low, m.flop, m.flop_high) {
            assert!(lo <= c && c <= hi, "{}: {lo} ≤ {c} ≤ {hi} fails", m.id);
        }
        m.ranges.iter().for_each(|r| ordered(m.id, r));
    }
    for a in catalog::ACCELERATORS {
        for r in a.ranges {
            ordered(a.id, r);
            let field = match r.column {
                "fp8_tflops" => a.peaks.fp8,
                "bf16_tflops" => a.peaks.bf16,
                "all_in_w" => a.all_in_w,
                "usd_per_chip_hour" => a.usd_per_chip_hour,
                _ => None,
            };
            if let Some(v) = field {
                assert_eq!(v, r.central, "{}.{}", a.id, r.column);
            }
        }
    }
    for c in catalog::CLUSTERS {
        c.ranges.iter().for_each(|r| ordered(c.id, r));
    }
    for c in catalog::CONSTANTS {
        c.ranges.iter().for_each(|r| ordered(c.id, r));
    }
}

fn range(ranges: &[Ranged], column: &str) -> (f64, f64, f64) {
    let r = ranges
        .iter()
        .find(|r| r.column == column)
        .unwrap_or_else(|| panic!("no range on {column}"));
    (r.low, r.central, r.high)
}

#[test]
fn the_named_conflicts_are_ranges_with_a_default() {
    let gpt4 = catalog::model("gpt-4").unwrap();
    assert_eq!(
        range(gpt4.ranges, "run_count"),
        (20_000.0, 25_000.0, 25_000.0)
    );
    assert_eq!(gpt4.run.unwrap().count, 25_000.0);
    let grok3 = catalog::model("grok-3").unwrap();
    assert_eq!(
        (grok3.flop_low, grok3.flop, grok3.flop_high),
        (Some(3e26), Some(4.64e26), Some(4.64e26))
    );
    let gb200 = catalog::accelerator("gb200").unwrap();
    assert_eq!(range(gb200.ranges, "all_in_w"), (1625.0, 1667.0, 1833.0));
    let rack = catalog::constant("gb200_nvl72_rack_kw").unwrap();
    assert_eq!(range(rack.ranges, "value"), (117.0, 120.0, 132.0));
    let mi355x = catalog::accelerator("mi355x").unwrap();
    assert_eq!(
        range(mi355x.ranges, "fp8_tflops"),
        (4600e12, 5000e12, 5000e12)
    );
    let cluster = catalog::cluster("gpt-4-azure").unwrap();
    assert_eq!(
        range(cluster.ranges, "gpus"),
        (20_000.0, 25_000.0, 25_000.0)
    );
}

#[test]
fn reference_runs_imply_a_sane_utilization_or_say_why() {
    let rows = backtest::backtest();
    let core: Vec<_> = rows.iter().filter(|r| r.origin == Origin::Core).collect();
    assert_eq!(
        core.len(),
        catalog::MODELS.iter().filter(|m| m.run.is_some()).count()
    );
    for r in core {
        let u = r.implied_utilization.expect("core runs have a peak");
        let note = catalog::model(r.id).unwrap().validity_note;
        // Published large runs: 0.19 (GPT-3) to 0.55; outside 0.1-0.7 means bad data.
        assert!(
            (0.1..=0.7).contains(&u) || !note.is_empty(),
            "{}: implied utilization {u} and no validity_note",
            r.id
        );
        assert!(
            r.agrees_with_reported != Some(false) || !note.is_empty(),
            "{}: implied {u} vs reported {:?} and no validity_note",
            r.id,
            r.reported_mfu
        );
        // The estimator, run on the same scenario, gives the same figure.
        let mut s = Scenario::reference_run(r.id).unwrap();
        s.usd_per_chip_hour = Some(1.0);
        let from_estimate = estimate(&s).unwrap().implied_utilization.unwrap();
        assert!(
            (from_estimate / u - 1.0).abs() < 1e-9,
            "{}: {from_estimate} vs {u}",
            r.id
        );
    }
}

#[test]
fn the_back_test_flags_what_cannot_be_and_says_why() {
    let rows = backtest::backtest();
    let epoch_rows = rows.iter().filter(|r| r.origin == Origin::Epoch).count();
    // 274 Epoch rows have compute, hardware, count and time; those that are core presets are
    // counted once, as core rows.
    assert!((250..=274).contains(&epoch_rows), "{epoch_rows}");
    for r in &rows {
        assert!(r.chips > 0.0 && r.hours > 0.0 && r.flop > 0.0, "{}", r.id);
        match r.verdict {
            Verdict::Plausible => assert!(r.reason.is_empty()),
            _ => assert!(!r.reason.is_empty(), "{}: no reason", r.id),
        }
        if let Some(u) = r.implied_utilization {
            assert_eq!(u > 1.0, r.verdict == Verdict::Impossible, "{}", r.id);
        }
    }
}

#[test]
fn the_back_test_says_why_in_french_too() {
    let en = backtest::backtest();
    let fr = backtest::backtest_in(zettaflop_estimator::format::Locale::Fr);
    assert_eq!(en.len(), fr.len());
    for (e, f) in en.iter().zip(&fr) {
        assert_eq!((e.id, e.verdict), (f.id, f.verdict));
        assert_eq!(e.implied_utilization, f.implied_utilization);
        assert_eq!(e.reason.is_empty(), f.reason.is_empty(), "{}", e.id);
        if e.verdict == Verdict::Impossible {
            assert!(f.reason.starts_with("implique "), "{}", f.reason);
            assert_ne!(e.reason, f.reason);
        }
    }
}
