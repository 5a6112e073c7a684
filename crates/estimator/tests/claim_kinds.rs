//! The verdict rules with their uncertainty (issue 16), and each claim kind the news uses,
//! checked against hand arithmetic (docs/claims.md lists the rules and their sources).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use zettaflop_estimator::claim::{check, CheckReport, Claim, Verdict};
use zettaflop_estimator::format::Locale;
use zettaflop_estimator::Precision;

fn run(json: &str) -> CheckReport {
    let c: Claim = serde_json::from_str(json).expect(json);
    let en = check(&c, Locale::En).expect(json);
    let fr = check(&c, Locale::Fr).expect(json);
    assert_eq!(en.verdict, fr.verdict, "{json}");
    assert!(!fr.reason.is_empty() && fr.reason != en.reason, "{json}");
    en
}

fn close(a: f64, b: f64, rel: f64) -> bool {
    ((a - b) / b).abs() <= rel
}

#[test]
fn colossus_100000_h100_in_150_mw_is_not_impossible() {
    // 150 MW / 100,000 = 1,500 W a GPU. Central: 1,500 W all-in × PUE 1.2 = 1,800 W (needs
    // 180 MW). Favourable: the 150 MW read as IT power (PUE 1) and a DGX H100's 10.2 kW / 8 =
    // 1,275 W: fits. Optimistic.
    let r = run(r#"{"count": 100000, "hardware": "h100", "site_power_w": 1.5e8}"#);
    let p = r.power.unwrap();
    assert!(close(p.w_per_gpu.central, 1800.0, 1e-12));
    assert!(close(p.w_per_gpu.low, 1275.0, 1e-12));
    assert_eq!(p.tdp_w, Some(700.0));
    assert_eq!(r.verdict, Verdict::Optimistic);
    assert!(r.reason.contains("PUE 1"), "{}", r.reason);
}

#[test]
fn h100_budgets_read_the_chip_with_and_without_its_server() {
    // $10.5 B / 350,000 = $30,000 a GPU: below $33,810 (HGX server / 8) by more than the 10 %
    // rounding, above the chip alone ($25,000, CNBC): optimistic.
    let r = run(r#"{"count": 350000, "hardware": "h100", "budget_usd": 1.05e10}"#);
    let b = r.budget.unwrap();
    assert!(close(b.usd_per_gpu.low, 25_000.0, 1e-12));
    assert!(close(b.usd_per_gpu.central, 33_810.0, 1e-12));
    assert!(close(b.readings[0].per_gpu, 30_000.0, 1e-12));
    assert_eq!(r.verdict, Verdict::Optimistic);
    // $4 B / 100,000 = $40,000 a GPU with its server: plausible.
    let r = run(r#"{"count": 100000, "hardware": "h100", "budget_usd": 4e9}"#);
    assert_eq!(r.verdict, Verdict::Plausible);
    // $1 B for 100,000 H100 = $10,000 a GPU: 2.5× short of the chip alone: impossible.
    let r = run(r#"{"count": 100000, "hardware": "h100", "budget_usd": 1e9}"#);
    assert_eq!(r.verdict, Verdict::Impossible);
    assert!(r.reason.contains("2.5×"), "{}", r.reason);
}

#[test]
fn a_peak_within_10_percent_of_the_sparse_fp8_reading_is_misleading_not_wrong() {
    // 100,000 H100 sparse FP8: 100,000 × 3,957.8e12 = 3.958e20; quoted 3.72e20 is 6 % lower.
    let r = run(r#"{"count": 100000, "hardware": "h100", "quoted_peak_flop_per_s": 3.72e20}"#);
    assert_eq!(r.verdict, Verdict::Misleading);
    let m: Vec<_> = r
        .readings
        .iter()
        .filter(|x| x.matches_quoted_peak == Some(true))
        .collect();
    assert_eq!(m.len(), 1);
    assert!(m[0].sparse && m[0].precision == Precision::Fp8);
    // 9.89e18 for 100,000 H100 (98.9 EFLOP/s dense BF16): 10× too small, wrong.
    let r = run(r#"{"count": 100000, "hardware": "h100", "quoted_peak_flop_per_s": 9.89e18}"#);
    assert_eq!(r.verdict, Verdict::Wrong);
    assert!(r.reason.contains("10× too small"), "{}", r.reason);
}

#[test]
fn gpu_hours_give_the_utilization_and_the_rental_cost() {
    // DeepSeek-V3: 2.78e6 H800-hours; 3.3e24 / (1,979e12 × 2.78e6 × 3,600) = 16.7 % of dense FP8.
    let r = run(
        r#"{"workload": {"flop": 3.3e24}, "gpu_hours": 2.78e6, "count": 2048, "hardware": "h800", "precision": "fp8"}"#,
    );
    let h = &r.readings[r.headline.unwrap()];
    assert!(close(
        h.implied_utilization.unwrap(),
        3.3e24 / (1979e12 * 2.78e6 * 3600.0),
        1e-9
    ));
    assert_eq!(r.verdict, Verdict::Plausible);
    let hours = r.hours.unwrap();
    assert!(close(hours.wall_clock_s, 2.78e6 * 3600.0 / 2048.0, 1e-12));
    // At $2 a GPU-hour the rent is $5.56 M.
    let r = run(
        r#"{"gpu_hours": 2.78e6, "usd_per_gpu_hour": 2, "run_cost_usd": 5.576e6, "count": 2048, "hardware": "h800"}"#,
    );
    assert!(close(
        r.hours.as_ref().unwrap().cost_usd.unwrap().central,
        5.56e6,
        1e-12
    ));
    assert_eq!(r.verdict, Verdict::Plausible);
}

#[test]
fn a_run_cost_that_the_gpu_hours_cannot_make_is_wrong_with_its_factor() {
    // 512 H800 × 80 h = 40,960 GPU-hours; $294,000 / 40,960 = $7.18 an hour, 3.59× the $2 price.
    let r = run(
        r#"{"duration_s": 288000, "count": 512, "hardware": "h800", "run_cost_usd": 294000, "usd_per_gpu_hour": 2}"#,
    );
    let h = r.hours.unwrap();
    assert!(close(h.gpu_hours, 40_960.0, 1e-12));
    assert!(close(
        h.implied_usd_per_gpu_hour.unwrap(),
        294_000.0 / 40_960.0,
        1e-12
    ));
    assert_eq!(r.verdict, Verdict::Wrong);
    assert!(r.reason.contains("3.59× too large"), "{}", r.reason);
}

#[test]
fn h100_equivalents_are_converted_by_the_dense_16_bit_peak() {
    // 288,000 H100-equivalents on GB200: 288,000 × 989.4 / 2,500 = 113,979 GPUs; 200 MW /
    // 113,979 = 1,755 W a GPU: below 1,667 × 1.2 = 2,000 W, above the favourable 1,417 W.
    // Read as 288,000 real H100: 694 W each, below the H100's 700 W TDP.
    let r = run(
        r#"{"count": 288000, "equivalent_of": "h100", "hardware": "gb200", "site_power_w": 2e8}"#,
    );
    let e = r.equivalence.unwrap();
    assert!(close(e.gpus, 288_000.0 * 989.4 / 2500.0, 1e-12));
    assert_eq!(r.verdict, Verdict::Optimistic);
    assert!(r.reason.contains("694 W"), "{}", r.reason);
}

#[test]
fn n_times_faster_holds_like_for_like_or_only_on_an_unstated_measure() {
    // H100 vs A100 dense BF16: 989.4 / 312 = 3.17×; "4×" is 26 % above: optimistic.
    let r = run(r#"{"count": 1, "hardware": "h100", "comparison": {"factor": 4, "than": "a100"}}"#);
    let c = r.comparison.unwrap();
    assert!(close(c.like_for_like.unwrap(), 989.4 / 312.0, 1e-12));
    assert_eq!(r.verdict, Verdict::Optimistic);
    // H200 vs H100: 1.0× like for like; "2×" only as H200 FP8 against H100 BF16: misleading.
    let r = run(r#"{"count": 1, "hardware": "h200", "comparison": {"factor": 2, "than": "h100"}}"#);
    assert_eq!(r.verdict, Verdict::Misleading);
    assert!(
        r.reason.contains("dense FP8 against dense BF16"),
        "{}",
        r.reason
    );
    // 42.5 EF of FP8 against El Capitan's 1.742 EF of FP64 = 24.4×: misleading (FP8 vs FP64).
    let r = run(
        r#"{"count": 9216, "hardware": "tpu-v7", "precision": "fp8", "quoted_peak_flop_per_s": 4.25e19, "comparison": {"factor": 24, "than_flop_per_s": 1.742e18, "than_precision": "fp64"}}"#,
    );
    assert_eq!(r.verdict, Verdict::Misleading);
    // 1 EF FP64 against 36.8 PF FP64 is 27×, not 1,000×: wrong by 37×.
    let r = run(
        r#"{"count": 1, "hardware": "h100", "precision": "fp64", "quoted_peak_flop_per_s": 1e18, "comparison": {"factor": 1000, "than_flop_per_s": 3.68e16, "than_precision": "fp64"}}"#,
    );
    assert_eq!(r.verdict, Verdict::Wrong);
    assert!(r.reason.contains("36.8× too large"), "{}", r.reason);
}

#[test]
fn mwh_written_for_mw_is_misleading_when_the_power_fits() {
    let r = run(r#"{"count": 100000, "hardware": "h100", "site_energy_wh": 1.5e8}"#);
    assert_eq!(r.power.as_ref().unwrap().site_energy_wh, Some(1.5e8));
    assert_eq!(r.verdict, Verdict::Misleading);
    assert!(r.reason.starts_with("150 MWh is an energy"), "{}", r.reason);
}

#[test]
fn a_benchmark_window_is_not_a_whole_run() {
    // MLPerf GPT-3 on 10,752 H100: 1.05e21 FLOP in 234 s = 42 % of dense BF16 (plausible);
    // read as all of GPT-3 (3.14e23) it would need 126×: misleading. The whole run at the
    // benchmark's rate: 234 / (1.05e21 / 3.14e23) = 69,977 s = 19.4 h.
    let r = run(
        r#"{"workload": "gpt-3", "duration_s": 234, "count": 10752, "hardware": "h100", "window_flop": 1.05e21}"#,
    );
    let w = r.window.unwrap();
    assert!(close(
        w.window_utilization.unwrap(),
        1.05e21 / (10752.0 * 989.4e12 * 234.0),
        1e-9
    ));
    assert!(close(w.full_run_s, 234.0 * 3.14e23 / 1.05e21, 1e-9));
    assert_eq!(r.verdict, Verdict::Misleading);
    // Extrapolated to 8 days instead of 19.4 h: 9.9× too large, wrong.
    let r = run(
        r#"{"workload": "gpt-3", "duration_s": 691200, "count": 10752, "hardware": "h100", "window_flop": 1.05e21, "window_s": 234}"#,
    );
    assert_eq!(r.verdict, Verdict::Wrong);
    assert!(r.reason.contains("9.88× too large"), "{}", r.reason);
}

#[test]
fn watts_per_gpu_below_the_tdp_are_impossible() {
    // 75 GW for 100 million H100: 750 W each, above the 700 W TDP but below a server's 1,275 W.
    let r = run(r#"{"count": 1e8, "hardware": "h100", "site_power_w": 7.5e10}"#);
    assert_eq!(r.verdict, Verdict::Impossible);
    // 50 MW for 100,000 H100: 500 W each, below the chip's own 700 W TDP.
    let r = run(r#"{"count": 100000, "hardware": "h100", "site_power_w": 5e7}"#);
    assert_eq!(r.verdict, Verdict::Impossible);
    assert!(
        r.reason.contains("below the chip's own TDP (700 W)"),
        "{}",
        r.reason
    );
}

#[test]
fn a_time_far_longer_than_any_run_takes_is_wrong() {
    // A 1.8e9-parameter model (4e20 FLOP) in 90 days on 2,000 B200: 0.001 % of the peak.
    let r = run(
        r#"{"workload": {"flop": 4e20}, "duration_s": 7776000, "count": 2000, "hardware": "b200"}"#,
    );
    assert_eq!(r.verdict, Verdict::Wrong);
}

#[test]
fn impossible_only_beyond_the_favourable_end_of_the_compute() {
    // Llama 3.1 405B (3.8e25, no interval) in 1 day on 16,384 H100: 3.8e25 / (16,384 × 989.4e12
    // × 86,400) = 271 %: impossible, even in FP8 (136 %).
    let r = run(
        r#"{"workload": "llama-3.1-405b", "duration_s": 86400, "count": 16384, "hardware": "h100"}"#,
    );
    assert_eq!(r.verdict, Verdict::Impossible);
    assert!(r.reason.contains("Even in FP8"), "{}", r.reason);
    // 3.8e25 in 45 days on 16,384 H100 is 60.3 % of dense BF16: above the best published runs
    // (60 %) but within the rounding of press figures (66 %): optimistic.
    let r = run(
        r#"{"workload": "llama-3.1-405b", "duration_s": 3888000, "count": 16384, "hardware": "h100"}"#,
    );
    assert_eq!(r.verdict, Verdict::Optimistic);
    // In 40 days it is 68 %: no published 16-bit run reaches that, and the model has no lower
    // compute estimate to lean on. The claim quotes no precision, and in FP8 it is 34 %: true
    // only under a reading it does not state, misleading.
    let r = run(
        r#"{"workload": "llama-3.1-405b", "duration_s": 3456000, "count": 16384, "hardware": "h100"}"#,
    );
    assert_eq!(r.verdict, Verdict::Misleading);
    assert!(
        r.reason.contains("beyond any published run"),
        "{}",
        r.reason
    );
    assert!(
        r.reason.contains("which the claim does not state"),
        "{}",
        r.reason
    );
    // Said in BF16, the same claim is impossible.
    let r = run(
        r#"{"workload": "llama-3.1-405b", "duration_s": 3456000, "count": 16384, "hardware": "h100", "precision": "bf16"}"#,
    );
    assert_eq!(r.verdict, Verdict::Impossible);
    // A claim only an unstated count makes true is misleading: 16,384 GB200 counted as GPUs
    // in 806,700 s need 3.8e25 / (16,384 × 2.5e15 × 806,700) = 115 %; as superchips (32,768
    // GPUs) 57.5 %.
    let r = run(
        r#"{"workload": "llama-3.1-405b", "duration_s": 806700, "count": 16384, "count_unit": "chip", "hardware": "gb200"}"#,
    );
    assert_eq!(r.verdict, Verdict::Misleading);
    assert!(r.reason.contains("Only as 32,768 GPUs"), "{}", r.reason);
}

#[cfg(not(target_arch = "wasm32"))]
mod never_nan {
    use super::*;
    use proptest::prelude::*;

    /// No number of a check is NaN or infinite (serde_json writes those as null) and no reason
    /// prints one, whatever in-range figures a claim gives.
    fn finite(v: &serde_json::Value) -> bool {
        match v {
            serde_json::Value::Null => false,
            serde_json::Value::Array(a) => a.iter().all(finite),
            serde_json::Value::Object(o) => o.values().all(finite),
            serde_json::Value::String(s) => {
                !s.contains("–×")
                    && !s
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| w == "NaN" || w == "inf")
            }
            _ => true,
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn every_in_range_claim_gives_finite_numbers(
            hw in prop::sample::select(vec!["h100", "gb200", "a100", "tpu-v7", "b200", "mi300x"]),
            count in 1u32..10_000_000,
            flop in 1e18f64..1e28,
            duration in 1f64..3e9,
            hours in proptest::option::of(1f64..1e12),
            peak in proptest::option::of(1e12f64..1e24),
            power in proptest::option::of(1f64..1e11),
            budget in proptest::option::of(1f64..1e13),
            cost in proptest::option::of(1f64..1e13),
            price in proptest::option::of(1e-6f64..1e4),
            factor in proptest::option::of(1e-6f64..1e6),
            timed in any::<bool>(),
        ) {
            let c = Claim {
                workload: timed.then_some(zettaflop_estimator::Workload::Flop { flop }),
                duration_s: timed.then_some(duration),
                count: f64::from(count),
                hardware: zettaflop_estimator::HardwareChoice::Id(hw.into()),
                quoted_peak_flop_per_s: peak,
                site_power_w: power,
                budget_usd: budget.filter(|_| hw != "b200" && hw != "tpu-v7"),
                gpu_hours: hours,
                run_cost_usd: cost,
                usd_per_gpu_hour: price,
                comparison: factor.map(|factor| zettaflop_estimator::claim::Comparison {
                    factor,
                    than: Some(zettaflop_estimator::HardwareChoice::Id("a100".into())),
                    than_count: None,
                    than_flop_per_s: None,
                    than_precision: None,
                }),
                ..Claim::default()
            };
            for l in [Locale::En, Locale::Fr] {
                if let Ok(r) = check(&c, l) {
                    let v = serde_json::to_value(&r).unwrap();
                    prop_assert!(finite(&v), "{c:?}: {v}");
                }
            }
        }
    }
}
