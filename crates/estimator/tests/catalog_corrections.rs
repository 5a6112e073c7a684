//! The catalog corrections of issue 15, each checked against its value and its source
//! (docs/catalog-corrections.md lists them with their primary sources).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use zettaflop_estimator::catalog::{self, Accelerator};
use zettaflop_estimator::{estimate, Scenario};

fn chip(id: &str) -> &'static Accelerator {
    catalog::accelerator(id).unwrap()
}

fn tflops(v: Option<f64>) -> f64 {
    v.expect("a figure") / 1e12
}

fn cites(sources: &[&str], id: &str) {
    assert!(sources.contains(&id), "{id} not in {sources:?}");
    assert!(catalog::source(id).is_some(), "{id} not in sources.csv");
}

fn range(a: &Accelerator, column: &str) -> (f64, f64, f64) {
    let r = a
        .ranges
        .iter()
        .find(|r| r.column == column)
        .unwrap_or_else(|| panic!("{} has no range on {column}", a.id));
    (r.low, r.central, r.high)
}

#[test]
fn stargate_uae_is_a_1_gw_cluster_in_a_5_gw_campus() {
    let c = catalog::cluster("stargate-uae").unwrap();
    assert_eq!(c.power_w, Some(1e9));
    cites(c.sources, "openai-stargate-uae");
    let campus = catalog::cluster("uae-us-ai-campus").unwrap();
    assert_eq!(campus.power_w, Some(5e9));
    cites(campus.sources, "openai-stargate-uae");
}

#[test]
fn fp8_dense_peaks_of_amd_and_the_h100_pcie() {
    for id in ["mi300x", "mi325x"] {
        let a = chip(id);
        assert!((tflops(a.peaks.fp8) - 2614.9).abs() < 1e-9, "{id}");
        // 2:4-sparse capable: 5,229.8.
        assert!(a.sparse, "{id}");
    }
    cites(chip("mi300x").peak_sources, "amd-mi300x");
    cites(chip("mi325x").peak_sources, "amd-mi325x");
    let pcie = chip("h100-pcie");
    assert!((tflops(pcie.peaks.fp8) - 1513.0).abs() < 1e-9);
    cites(pcie.peak_sources, "nvidia-h100-datasheet");
}

#[test]
fn gaudi_peaks() {
    let g3 = chip("gaudi3");
    for (col, v) in [
        ("bf16_tflops", g3.peaks.bf16),
        ("fp16_tflops", g3.peaks.fp16),
        ("fp8_tflops", g3.peaks.fp8),
    ] {
        assert!((tflops(v) - 1835.0).abs() < 1e-9, "{col}");
        // 1,678 is the older figure, kept as the low end.
        let (lo, mid, hi) = range(g3, col);
        assert_eq!((lo / 1e12, mid / 1e12, hi / 1e12), (1678.0, 1835.0, 1835.0));
    }
    cites(g3.peak_sources, "intel-gaudi3-hotchips");
    let g2 = chip("gaudi2");
    assert!((tflops(g2.peaks.bf16) - 432.0).abs() < 1e-9);
    assert_eq!(range(g2, "bf16_tflops").2 / 1e12, 450.0);
    cites(g2.peak_sources, "intel-gaudi2");
}

#[test]
fn tpu_v5p_scale_up_is_600_gb_s_per_direction() {
    let t = chip("tpu-v5p");
    assert_eq!(t.scaleup_bytes_per_s, Some(600e9));
    cites(t.perf_sources, "gcp-tpu-v5p");
}

#[test]
fn blackwell_figures_from_nvidias_current_tables() {
    let b300 = chip("b300");
    assert!((tflops(b300.peaks.fp4) - 13125.0).abs() < 1e-9);
    // 105 PF dense per 8-GPU HGX.
    assert!((tflops(b300.peaks.fp4) * 8.0 - 105_000.0).abs() < 1e-6);
    assert!((tflops(b300.peaks.tf32) - 1125.0).abs() < 1e-9);
    assert!((tflops(b300.peaks.fp64) - 1.25).abs() < 1e-9);
    cites(b300.peak_sources, "nvidia-hgx");
    assert!((tflops(chip("b200").peaks.fp64) - 37.0).abs() < 1e-9);
    cites(chip("b200").peak_sources, "nvidia-hgx");
    assert!((tflops(chip("gb200").peaks.fp64) - 40.0).abs() < 1e-9);
    cites(chip("gb200").peak_sources, "nvl72");
    assert_eq!(
        catalog::source("nvl72").unwrap().url,
        "https://www.nvidia.com/en-us/data-center/gb200-nvl72/"
    );
}

#[test]
fn nvidia_fp64_is_the_vector_figure_everywhere() {
    // Vector figures (the tensor-core ones are 2 x on Volta to Hopper, equal on Blackwell).
    for (id, fp64) in [
        ("v100", 7.8),
        ("a100", 9.7),
        ("a100-40gb", 9.7),
        ("h100", 33.5),
        ("h100-pcie", 25.6),
        ("h200", 33.45),
        ("b200", 37.0),
        ("gb200", 40.0),
        ("b300", 1.25),
        ("gb300", 1.39),
    ] {
        assert!((tflops(chip(id).peaks.fp64) - fp64).abs() < 1e-9, "{id}");
    }
    // The H100's tensor-core 66.9 is no longer the catalog's figure; an fp64 estimate uses 33.5.
    let s: Scenario = serde_json::from_str(
        r#"{"workload": {"flop": 1e21}, "hardware": "h100", "count": 1, "precision": "fp64"}"#,
    )
    .unwrap();
    assert_eq!(estimate(&s).unwrap().peak_flop_per_s_per_gpu, 33.5e12);
}

#[test]
fn h800_and_trainium2() {
    let h800 = chip("h800");
    assert!((tflops(h800.peaks.tf32) - 494.7).abs() < 1e-9);
    assert_eq!(tflops(h800.peaks.tf32), tflops(chip("h100").peaks.tf32));
    assert_eq!(h800.scaleup_bytes_per_s, Some(200e9));
    // 96 GiB = 103.08 GB.
    let trn2 = chip("trainium2");
    assert_eq!(trn2.hbm_bytes, 103.1e9);
    assert!((96.0 * 1024f64.powi(3) / 1e9 - 103.1).abs() < 0.05);
}

#[test]
fn llama_3_vocabulary_is_the_tokenizers() {
    for id in ["llama-3.1-405b", "llama-3-70b"] {
        let m = catalog::model(id).unwrap();
        assert_eq!(m.arch.expect("shape").vocab, 128_256, "{id}");
    }
}

#[test]
fn deepseek_v3_row_uses_the_pre_training_hours() {
    let m = catalog::model("deepseek-v3").unwrap();
    assert_eq!(m.gpu_hours, Some(2.664e6));
    let run = m.run.unwrap();
    assert_eq!((run.count, run.duration_days), (2048.0, 54.2));
    // 2,048 × 54.2 days × 24 h = 2.664M H800-hours.
    assert!((2048.0_f64 * 54.2 * 24.0 / 2.664e6 - 1.0).abs() < 1e-3);
    let src = catalog::source("deepseek-v3-paper").unwrap();
    assert!(src.title.contains("2.664M") && src.title.contains("2.788M"));
}

#[test]
fn facility_cost_default_is_cushman_wakefields_2025_average() {
    let c = catalog::constant("facility_usd_per_w_default").unwrap();
    assert_eq!(c.value, 11.7);
    let r = c.ranges.first().expect("a range");
    assert_eq!((r.low, r.high), (9.3, 15.0));
    cites(c.sources, "cushman-dc-cost");
    assert_eq!(
        zettaflop_estimator::money::default_facility_usd_per_w(),
        11.7
    );
}

#[test]
fn us_home_figure_states_its_year() {
    let c = catalog::constant("home_kwh_per_year").unwrap();
    assert_eq!(c.value, 10_715.0);
    assert!(c.description.contains("2020"));
    assert!(catalog::source("eia-homes")
        .unwrap()
        .title
        .contains("in 2020"));
    let r = estimate(&Scenario::default()).unwrap();
    let step = r.steps.iter().find(|s| s.id == "homes").unwrap();
    assert!(step.formula.contains("2020"), "{}", step.formula);
}

#[test]
fn claims_are_attributed_to_the_text_they_are_in() {
    let claim = |id: &str| catalog::CLAIMS.iter().find(|c| c.id == id).unwrap();
    // The 400,000 GB200 are the FT's (via the Reddit post), not the article's.
    let campus = claim("campus-power");
    cites(campus.sources, "reddit-krplatz");
    assert!(campus.title_en.contains("from the FT"));
    // The "at least 5 GW" is the Reddit post's, not the article's.
    let two = claim("two-million");
    cites(two.sources, "reddit-krplatz");
    assert!(two.title_en.contains("not the article"));
}

#[test]
fn source_links_are_canonical() {
    let url = |id: &str| catalog::source(id).unwrap().url;
    assert!(url("reddit-krplatz").starts_with("https://www.reddit.com/r/singularity/comments/"));
    assert!(url("nvl72").starts_with("https://www.nvidia.com/"));
    for s in catalog::SOURCES {
        assert!(
            !s.url.contains("psf.lt") && !s.url.contains("aiwiki"),
            "{}",
            s.id
        );
    }
}
