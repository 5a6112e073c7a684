//! Property tests of the performance model: for random valid inputs, `evaluate` and `predict`
//! never panic and never return NaN or infinity; invalid layouts are errors naming a field.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use zettaflop_estimator::perf::{
    describe, evaluate, search, Attention, Dispatcher, Execution, Fixed, Layout, Mlp, ModelShape,
    PerfHardware, Recompute, Schedule, Sharding, Software, System, Training,
};
use zettaflop_estimator::{catalog, Precision};

fn model() -> impl Strategy<Value = ModelShape> {
    (
        (1u32..200, 1u32..64, 1u32..5, 0u32..4, 1u32..9),
        (
            7u32..18,
            1u32..20_000,
            0u32..4,
            any::<bool>(),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (layers, head_mult, kv_div_pow, heads_pow, ffn_mult),
                (seq_pow, vocab, e_pow, gated, tied),
            )| {
                let heads = 1u32 << (heads_pow + 3); // 8..64
                let kv = heads >> kv_div_pow.min(3);
                let head_dim = 32 * head_mult.min(8);
                let hidden = heads * head_dim;
                let experts = 1u32 << (2 * e_pow); // 1, 4, 16, 64
                ModelShape {
                    layers,
                    hidden,
                    heads,
                    kv_heads: Some(kv),
                    ffn: hidden * ffn_mult / 2 * 2 + 64,
                    seq_len: 1 << seq_pow,
                    vocab: vocab * 8,
                    experts,
                    active_experts: experts.min(2),
                    mlp: if gated { Mlp::Swiglu } else { Mlp::Gelu },
                    tied_embeddings: tied,
                    shared_experts: 0,
                    dense_layers: 0,
                    dense_ffn: 0,
                    mla: None,
                }
            },
        )
}

fn finite(x: f64) -> bool {
    x.is_finite() && x >= 0.0
}

/// The catalog chips with the bandwidths and domain the performance model needs.
fn perf_chips() -> Vec<&'static str> {
    catalog::ACCELERATORS
        .iter()
        .map(|a| a.id)
        .filter(|id| PerfHardware::from_catalog(id).is_ok())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn evaluate_is_finite_or_an_error(
        m in model(),
        chip in proptest::sample::select(perf_chips()),
        sizes in (0u32..4, 0u32..7, 0u32..3, 0u32..3, 0u32..9, 0u32..4, 1u32..4),
        rc in proptest::sample::select(Recompute::ALL.to_vec()),
        rl in proptest::option::of(1u32..200),
        etp in 0u32..3,
        flags in (any::<bool>(), any::<bool>(), any::<bool>()),
        attention in proptest::sample::select(vec![
            Attention::Flash, Attention::Flash1, Attention::Triton, Attention::Unfused,
        ]),
        moe in (any::<bool>(), any::<bool>(), 0usize..4, any::<bool>()),
        batch_pow in 0u32..13,
    ) {
        let (tp, pp, cp, ep, dp, mb, v) = sizes;
        let (sp, dist, overlap) = flags;
        let (fused, moe_overlap, sharding, dualpipe) = moe;
        let layout = Layout {
            tp: 1 << tp,
            pp: 1 << pp,
            dp: Some(1 << dp),
            cp: 1 << cp,
            ep: 1 << ep,
            expert_tp: [None, Some(1), Some(1 << tp)][etp as usize],
            micro_batch: 1 << mb,
            interleave: v,
            recompute: rc,
            recompute_layers: if rc == Recompute::Full { rl } else { None },
            sequence_parallel: sp,
            distributed_optimizer: dist,
            sharding: Sharding::ALL[sharding],
        };
        let gpus = (1u32 << tp) * (1 << pp) * (1 << dp) * (1 << cp);
        let system = System { hardware: PerfHardware::from_catalog(chip).unwrap(), gpus };
        let precision = if chip == "v100" { Precision::Fp16 } else { Precision::Bf16 };
        let training = Training {
            global_batch: 1 << batch_pow,
            precision,
            software: Software {
                attention,
                comm_overlap: overlap,
                moe_dispatcher: if fused { Dispatcher::Fused } else { Dispatcher::AllToAll },
                moe_overlap,
                schedule: if dualpipe { Schedule::DualPipe } else { Schedule::OneFOneB },
            },
        };
        match evaluate(&m, &system, &Execution { training, layout }) {
            Ok(p) => {
                for x in [p.iteration_s, p.mfu, p.hfu, p.tokens_per_s, p.achieved_flop_per_s_per_gpu,
                          p.memory.total_bytes, p.memory.activations_bytes] {
                    prop_assert!(finite(x), "{x} in {p:?}");
                }
                prop_assert!(p.iteration_s > 0.0);
                prop_assert!(p.hfu >= p.mfu - 1e-12);
                prop_assert!(p.mfu < 1.0, "MFU {} ≥ 1", p.mfu);
                prop_assert!((p.time.total() - p.iteration_s).abs() <= 1e-9 * p.iteration_s);
            }
            Err(e) => prop_assert!(!e.field().is_empty()),
        }
    }

    #[test]
    fn search_is_finite_or_an_error(
        m in model(),
        gpus_pow in 0u32..10,
        batch_pow in 0u32..11,
    ) {
        let system = System { hardware: PerfHardware::from_catalog("h100").unwrap(), gpus: 1 << gpus_pow };
        let training = Training { global_batch: 1 << batch_pow, precision: Precision::Bf16, software: Software::default() };
        match search(&m, &system, &training, &Fixed::default(), 3) {
            Ok(r) => {
                prop_assert!(r.best.memory.fits);
                prop_assert!(finite(r.best.iteration_s) && r.best.mfu < 1.0);
                for o in &r.runners_up {
                    prop_assert!(o.iteration_s >= r.best.iteration_s);
                }
                prop_assert!(r.feasible <= r.evaluated);
            }
            Err(e) => prop_assert_eq!(e.field(), "gpus"),
        }
    }
}

/// tp 8, pp 8, micro-batch 1, full recompute, sequence parallelism, distributed optimizer.
const TP8_PP8: Layout = Layout {
    tp: 8,
    pp: 8,
    dp: None,
    cp: 1,
    ep: 1,
    expert_tp: None,
    micro_batch: 1,
    interleave: 1,
    recompute: Recompute::Full,
    recompute_layers: None,
    sequence_parallel: true,
    distributed_optimizer: true,
    sharding: Sharding::None,
};

/// Llama 3.1 405B on `gpus` H100 in BF16, `global_batch` sequences per step.
fn llama_405b_on_h100(gpus: u32, global_batch: u32) -> (ModelShape, System, Training) {
    let m = catalog::model("llama-3.1-405b")
        .and_then(|m| m.arch)
        .unwrap();
    let system = System {
        hardware: PerfHardware::from_catalog("h100").unwrap(),
        gpus,
    };
    let training = Training {
        global_batch,
        precision: Precision::Bf16,
        software: Software::default(),
    };
    (m, system, training)
}

#[test]
fn llama_405b_on_16k_h100_fits_and_gets_an_answer() {
    let (m, system, training) = llama_405b_on_h100(16_384, 2048);
    let r = search(&m, &system, &training, &Fixed::default(), 4).unwrap();
    assert!(r.best.memory.fits);
    assert!((0.3..0.6).contains(&r.best.mfu), "{}", r.best.mfu);
    // Meta's layout (tp 8, pp 16, dp 128: 16 micro-batches for 16 stages) fits with full
    // recomputation and gets an answer; interleaving shrinks its large bubble.
    let layout = Layout {
        tp: 8,
        pp: 16,
        dp: None,
        cp: 1,
        ep: 1,
        expert_tp: None,
        micro_batch: 1,
        interleave: 4,
        recompute: Recompute::Full,
        recompute_layers: None,
        sequence_parallel: true,
        distributed_optimizer: true,
        sharding: Default::default(),
    };
    let p =
        zettaflop_estimator::perf::predict(&m, &system, &Execution { training, layout }).unwrap();
    assert!(
        p.memory.fits && p.mfu > 0.25 && p.mfu < r.best.mfu,
        "{}",
        p.mfu
    );
}

#[test]
fn a_layout_that_does_not_fit_says_how_much() {
    let (m, system, training) = llama_405b_on_h100(64, 64);
    let layout = Layout {
        pp: 1,
        recompute: Recompute::None,
        sequence_parallel: false,
        distributed_optimizer: false,
        ..TP8_PP8
    };
    // Predicted all the same: memory over HBM is a warning with the breakdown, not a refusal.
    let p =
        zettaflop_estimator::perf::predict(&m, &system, &Execution { training, layout }).unwrap();
    assert!(!p.memory.fits && p.iteration_s > 0.0 && p.mfu > 0.0);
    assert_eq!(p.warnings.len(), 1);
    let msg = &p.warnings[0];
    assert!(
        msg.contains("needs") && msg.contains("GiB per GPU but") && msg.contains("has only"),
        "{msg}"
    );
    let parts = p.memory.weights_bytes
        + p.memory.gradients_bytes
        + p.memory.optimizer_bytes
        + p.memory.activations_bytes
        + p.memory.reserved_bytes;
    assert!((parts / p.memory.total_bytes - 1.0).abs() < 1e-12);
}

#[test]
fn recomputing_some_layers_sits_between_none_and_full() {
    // Llama 3.1 405B on 512 H100, 126 layers over pp 8: 16 layers on the busiest GPU.
    let (m, system, training) = llama_405b_on_h100(512, 512);
    let at = |recompute, recompute_layers| {
        let layout = Layout {
            recompute,
            recompute_layers,
            ..TP8_PP8
        };
        evaluate(&m, &system, &Execution { training, layout }).unwrap()
    };
    let none = at(Recompute::None, None);
    let full = at(Recompute::Full, None);
    let mut last = none.clone();
    for n in 1..16 {
        let p = at(Recompute::Full, Some(n));
        assert!(p.iteration_s > last.iteration_s && p.iteration_s < full.iteration_s);
        assert!(p.hfu > last.hfu && p.hfu < full.hfu, "{n}");
        // The model's FLOPs do not change: MFU falls as the time grows.
        assert!((p.mfu * p.iteration_s / (none.mfu * none.iteration_s) - 1.0).abs() < 1e-9);
        assert!(p.memory.activations_bytes < last.memory.activations_bytes);
        assert!(p.memory.activations_bytes > full.memory.activations_bytes);
        let text = describe(&p.layout);
        assert!(
            text.contains(&format!("recompute full ({n} layers per GPU)")),
            "{text}"
        );
        last = p;
    }
    // All of the GPU's layers, or more, is `full`.
    for n in [16, 17, 500] {
        let p = at(Recompute::Full, Some(n));
        assert_eq!(p.iteration_s, full.iteration_s);
        assert_eq!(p.memory.total_bytes, full.memory.total_bytes);
    }
}

#[test]
fn sharding_divides_what_it_says() {
    // GPT-3 on 1,024 A100, tp 8, pp 1: dp 128. Each ZeRO stage divides one more state by dp.
    let m = catalog::model("gpt-3").and_then(|m| m.arch).unwrap();
    let system = System {
        hardware: PerfHardware::from_catalog("a100").unwrap(),
        gpus: 1024,
    };
    let training = Training {
        global_batch: 1024,
        precision: Precision::Bf16,
        software: Software::default(),
    };
    let at = |sharding: Sharding| {
        let layout = Layout {
            pp: 1,
            distributed_optimizer: false,
            sharding,
            ..TP8_PP8
        };
        zettaflop_estimator::perf::predict(&m, &system, &Execution { training, layout })
            .unwrap()
            .memory
    };
    let (none, z1, z2, z3) = (
        at(Sharding::None),
        at(Sharding::Optimizer),
        at(Sharding::Gradients),
        at(Sharding::Full),
    );
    let params = none.params;
    assert!((none.optimizer_bytes / (12.0 * params) - 1.0).abs() < 1e-9);
    assert!((z1.optimizer_bytes / (12.0 * params / 128.0) - 1.0).abs() < 1e-9);
    assert_eq!(z1.gradients_bytes, none.gradients_bytes);
    assert!((z2.gradients_bytes / (4.0 * params / 128.0) - 1.0).abs() < 1e-9);
    assert_eq!(z2.weights_bytes, none.weights_bytes);
    // ZeRO-3 keeps 2/dp bytes per parameter plus two layers gathered whole.
    assert!(
        z3.weights_bytes > 2.0 * params / 128.0 && z3.weights_bytes < none.weights_bytes / 10.0
    );
    assert!(none.total_bytes > z1.total_bytes && z1.total_bytes > z2.total_bytes);
    assert!(z2.total_bytes > z3.total_bytes);
}

#[test]
fn broken_rules_name_the_field() {
    let m = catalog::model("gpt-3").and_then(|m| m.arch).unwrap();
    let system = System {
        hardware: PerfHardware::from_catalog("a100").unwrap(),
        gpus: 1024,
    };
    let training = Training {
        global_batch: 1536,
        precision: Precision::Bf16,
        software: Software::default(),
    };
    let base = TP8_PP8;
    let cases = [
        (
            Layout {
                tp: 16,
                pp: 4,
                ..base
            },
            "layout.tp",
        ),
        (Layout { tp: 5, ..base }, "layout"),
        (
            Layout {
                cp: 3,
                pp: 1,
                ..base
            },
            "layout",
        ),
        (
            Layout {
                micro_batch: 7,
                ..base
            },
            "layout.micro_batch",
        ),
        (
            Layout {
                interleave: 13,
                ..base
            },
            "layout.pp",
        ),
        (Layout { ep: 2, ..base }, "layout.ep"),
        (
            Layout {
                expert_tp: Some(3),
                ..base
            },
            "layout.expert_tp",
        ),
        (
            Layout {
                tp: 1,
                pp: 64,
                ..base
            },
            "layout.sequence_parallel",
        ),
        (Layout { tp: 0, ..base }, "layout.tp"),
        (
            Layout {
                dp: Some(3),
                ..base
            },
            "layout",
        ),
        (
            Layout {
                recompute_layers: Some(0),
                ..base
            },
            "layout.recompute_layers",
        ),
        (
            Layout {
                recompute: Recompute::Selective,
                recompute_layers: Some(4),
                ..base
            },
            "layout.recompute_layers",
        ),
    ];
    for (layout, field) in cases {
        let e = evaluate(&m, &system, &Execution { training, layout }).unwrap_err();
        assert_eq!(e.field(), field, "{layout:?}: {e}");
    }
    let e = evaluate(
        &m,
        &system,
        &Execution {
            training: Training {
                precision: Precision::Fp8,
                ..training
            },
            layout: base,
        },
    )
    .unwrap_err();
    assert_eq!(e.field(), "precision");
}

#[test]
fn every_catalog_chip_is_usable_or_names_the_missing_figures() {
    let mut usable = 0;
    for a in catalog::ACCELERATORS {
        match PerfHardware::from_catalog(a.id) {
            Ok(hw) => {
                usable += 1;
                assert_eq!(
                    hw.assumed.is_empty(),
                    a.scaleout_bytes_per_s.is_some(),
                    "{}",
                    a.id
                );
            }
            Err(e) => {
                assert_eq!(e.field(), "hardware");
                let msg = e.to_string();
                assert!(
                    ["hbm_tb_s", "scaleup_gb_s", "scaleup_domain"]
                        .iter()
                        .any(|c| msg.contains(c)),
                    "{msg}"
                );
            }
        }
    }
    assert!(usable >= 10, "{usable}");
}

#[test]
fn a_prediction_says_what_it_assumed() {
    let m = catalog::model("llama-3.1-405b")
        .and_then(|m| m.arch)
        .unwrap();
    let training = Training {
        global_batch: 1024,
        precision: Precision::Bf16,
        software: Software::default(),
    };
    let run = |chip: &str| {
        let system = System {
            hardware: PerfHardware::from_catalog(chip).unwrap(),
            gpus: 2048,
        };
        search(&m, &system, &training, &Fixed::default(), 0)
            .unwrap()
            .best
    };
    // H100: every figure sourced, a calibrated generation.
    assert!(run("h100").notes.is_empty());
    // B200: no sourced scale-out bandwidth, so the documented default, said once.
    let b200 = run("b200");
    assert_eq!(b200.notes.len(), 1, "{:?}", b200.notes);
    assert!(b200.notes[0].contains("scale-out") && b200.notes[0].contains("50 GB/s"));
    assert_eq!(
        PerfHardware::from_catalog("b200")
            .unwrap()
            .scaleout_bytes_per_s,
        zettaflop_estimator::perf::DEFAULT_SCALEOUT_BYTES_PER_S
    );
    // TPU v5p: generic efficiency constants, said.
    let tpu = run("tpu-v5p");
    assert!(
        tpu.notes.iter().any(|n| n.contains("generic efficiency")),
        "{:?}",
        tpu.notes
    );
}

#[test]
fn every_preset_shape_is_valid_and_partial_ones_say_what_is_missing() {
    let mut shapes = 0;
    for p in catalog::MODELS {
        if let Some(m) = p.arch {
            shapes += 1;
            m.validate().unwrap_or_else(|e| panic!("{}: {e}", p.id));
            let c = m.counts().unwrap();
            // The shape's parameter count agrees with the published one within 10 %.
            if let Some(n) = p.params {
                assert!((c.params / n - 1.0).abs() < 0.1, "{}: {}", p.id, c.params);
            }
        } else if let Some(a) = p.architecture {
            assert!(!a.missing().is_empty(), "{}", p.id);
        }
    }
    assert!(shapes >= 7, "{shapes}");
    let job: zettaflop_estimator::perf::Job = serde_json::from_str(
        r#"{"model": "gopher", "hardware": "h100", "gpus": 8, "global_batch": 8, "layout": "auto"}"#,
    )
    .unwrap();
    let e = job.predict().unwrap_err();
    assert_eq!(e.field(), "model");
    assert!(e.to_string().contains("no ffn"), "{e}");
}

#[test]
fn the_dgx2_v100_is_in_the_catalog() {
    // DGX-2: 16 V100 32GB behind NVSwitches, 8 × 100 Gb/s InfiniBand per 16 GPUs.
    let hw = PerfHardware::from_catalog("v100-32gb").unwrap();
    assert_eq!(hw.scaleup_domain, 16);
    assert!((hw.hbm_bytes / (1024.0 * 1024.0 * 1024.0) - 32.0).abs() < 1e-9);
    assert!((hw.scaleout_bytes_per_s - 6.25e9).abs() < 1.0);
    let m = catalog::model("gpt-3").and_then(|m| m.arch).unwrap();
    let system = System {
        hardware: hw,
        gpus: 512,
    };
    let training = Training {
        global_batch: 512,
        precision: Precision::Fp16,
        software: Software::default(),
    };
    let r = search(&m, &system, &training, &Fixed::default(), 0).unwrap();
    // Volta has no run in the held-out data: the bound only says the answer is a utilization.
    assert!(r.best.memory.fits && r.best.mfu > 0.1 && r.best.mfu < 0.8);
}
