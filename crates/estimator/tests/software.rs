//! The software inputs of a performance job: the attention kernel's generation and how a
//! mixture-of-experts layer moves its tokens (`software.moe_dispatcher`, `software.moe_overlap`),
//! the pipeline schedule (`software.schedule`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use zettaflop_estimator::perf::fitted::FITTED;
use zettaflop_estimator::perf::heldout;
use zettaflop_estimator::perf::software::{FLASH1_SPEED, FUSED_DISPATCH_SHARE, FUSED_SM_SHARE};
use zettaflop_estimator::perf::{Attention, Dispatcher, Job, Prediction, Schedule};

/// A published run's job (`public-runs.csv`), as the held-out evaluation asks it.
fn row(meas: &str) -> Job {
    let r = heldout::runs()
        .into_iter()
        .find(|r| r.meas == meas)
        .unwrap();
    heldout::job(&r)
}

fn with(mut job: Job, dispatcher: Dispatcher, overlap: bool) -> Prediction {
    job.software.moe_dispatcher = dispatcher;
    job.software.moe_overlap = overlap;
    job.predict().unwrap()
}

#[test]
fn the_dispatcher_is_read_from_json_by_its_names_and_defaults_to_nccl() {
    let base = r#"{"model": "mixtral-8x7b", "hardware": "h100", "gpus": 64, "global_batch": 256,
        "layout": {"tp": 1, "pp": 1, "ep": 8, "micro_batch": 1}"#;
    let job: Job = serde_json::from_str(&format!("{base}}}")).unwrap();
    assert_eq!(job.software.moe_dispatcher, Dispatcher::AllToAll);
    assert!(!job.software.moe_overlap);
    for name in ["fused", "deepep", "hybridep", "flex"] {
        let j: Job = serde_json::from_str(&format!(
            r#"{base}, "software": {{"moe_dispatcher": "{name}", "moe_overlap": true}}}}"#
        ))
        .unwrap();
        assert_eq!(j.software.moe_dispatcher, Dispatcher::Fused, "{name}");
        assert!(j.software.moe_overlap);
    }
    let err = serde_json::from_str::<Job>(&format!(
        r#"{base}, "software": {{"moe_dispatcher": "nccl"}}}}"#
    ))
    .unwrap_err()
    .to_string();
    assert!(err.contains("nccl") && err.contains("alltoall"), "{err}");
}

#[test]
fn a_fused_dispatcher_inside_nvlink_runs_at_its_share_of_the_link() {
    // DeepSeek-V3 on 256 GB200, TP1 PP8 EP32: the expert group stays in the NVL72 domain.
    let job = row("mcore-dsv3-gb200-baseline");
    let nccl = with(job.clone(), Dispatcher::AllToAll, false);
    let fused = with(job, Dispatcher::Fused, false);
    // ep = A + S with A the transfers, at the dispatcher's share of the link, and S what does
    // not depend on it (the host stall per layer, the step latencies): solved from the two
    // predictions, S is positive and the smaller part.
    let r = FITTED.all_to_all / FUSED_DISPATCH_SHARE;
    let (n, f) = (nccl.time.ep_comm_s, fused.time.ep_comm_s);
    let transfers = (n - f) / (1.0 - r);
    let rest = n - transfers;
    assert!(rest > 0.0 && rest < 0.5 * n, "{rest} of {n}");
    assert!(fused.tokens_per_s > 1.5 * nccl.tokens_per_s);
    // Nothing else of the step changes.
    assert_eq!(fused.time.matmul_s, nccl.time.matmul_s);
    assert_eq!(fused.time.attention_s, nccl.time.attention_s);
    assert_eq!(fused.memory.total_bytes, nccl.memory.total_bytes);
}

#[test]
fn across_nodes_a_fused_dispatcher_sends_a_token_once_per_node() {
    // DeepSeek-V3 on 2,048 H800, EP64 over 8 nodes of 8: the NICs bound the all-to-all. The
    // NCCL dispatcher sends each of the 8 routed copies; a fused one a copy per remote node
    // holding one of its experts: 7 · (1 − (7/8)^8) = 4.6 of the 8 · 56/64 = 7 remote copies.
    let job = row("dsv3");
    let nccl = with(job.clone(), Dispatcher::AllToAll, false);
    let fused = with(job, Dispatcher::Fused, false);
    let expected = 7.0 * (1.0 - (7.0_f64 / 8.0).powi(8)) / 7.0;
    let ratio = fused.time.ep_comm_s / nccl.time.ep_comm_s;
    // The host stall and the step latencies are the same in both, so the ratio sits a little
    // above the bytes' ratio.
    assert!(
        ratio > expected && ratio < expected + 0.1,
        "{ratio} vs {expected}"
    );
}

#[test]
fn overlapping_the_all_to_all_hides_part_of_it_never_more() {
    let job = row("dsv3");
    let exposed = with(job.clone(), Dispatcher::Fused, false);
    let hidden = with(job, Dispatcher::Fused, true);
    let (a, b) = (exposed.time.ep_comm_s, hidden.time.ep_comm_s);
    assert!(b < a && b > 0.0, "{b} of {a}");
    // What overlaps still costs the SMs a fused dispatcher holds: at least that share shows.
    assert!(b >= FUSED_SM_SHARE * (a - 1e-9) * 0.5, "{b} of {a}");
    assert_eq!(hidden.time.matmul_s, exposed.time.matmul_s);
    // NCCL's all-to-all, overlapped, costs the fitted interference, more than the fused SM share.
    let nccl = with(row("dsv3"), Dispatcher::AllToAll, true);
    let nccl_exposed = with(row("dsv3"), Dispatcher::AllToAll, false);
    let (c, d) = (nccl.time.ep_comm_s, nccl_exposed.time.ep_comm_s);
    assert!(
        c < d && c >= FITTED.interference * (d - 1e-9) * 0.5,
        "{c} of {d}"
    );
}

#[test]
fn dualpipe_shrinks_the_bubble_and_holds_two_stages() {
    // DeepSeek-V3 on 2,048 H800, pp 16: DualPipe's bubble is (16/2 − 1) · 2/3 = 4.67 micro-batch
    // times against 1F1B's 15, less the same point-to-point sends in both.
    let dual = row("dsv3");
    assert_eq!(dual.software.schedule, Schedule::DualPipe);
    let mut plain = dual.clone();
    plain.software.schedule = Schedule::OneFOneB;
    let (d, p) = (dual.predict().unwrap(), plain.predict().unwrap());
    assert!(d.time.pipeline_bubble_s < 0.4 * p.time.pipeline_bubble_s);
    assert!(d.time.pipeline_bubble_s > 0.25 * p.time.pipeline_bubble_s);
    assert_eq!(d.time.matmul_s, p.time.matmul_s);
    // Two stages' parameters and one more micro-batch of activations.
    assert!((d.memory.weights_bytes / p.memory.weights_bytes - 2.0).abs() < 0.2);
    assert!(d.memory.activations_bytes > p.memory.activations_bytes);
    // An odd pp or interleaving is refused, naming the input.
    let mut odd = dual.clone();
    if let Some(zettaflop_estimator::perf::IdOr::Value(l)) = odd.layout.as_mut() {
        l.interleave = 2;
    }
    let e = odd.predict().unwrap_err();
    assert_eq!(e.field(), "software.schedule", "{e}");
    let j: Job = serde_json::from_str(
        r#"{"model": "gpt-3", "hardware": "h100", "gpus": 1024, "global_batch": 1536,
            "software": {"schedule": "dualpipe"}}"#,
    )
    .unwrap();
    let s = j.search().unwrap();
    assert!(s.best.layout.pp == 1 || (s.best.layout.pp % 2 == 0 && s.best.layout.interleave == 1));
}

#[test]
fn moe_settings_do_not_touch_a_dense_model() {
    let job: Job = serde_json::from_str(
        r#"{"model": "llama-3-70b", "hardware": "h100", "gpus": 512, "global_batch": 512,
            "layout": {"tp": 8, "pp": 4, "micro_batch": 1, "sequence_parallel": true}}"#,
    )
    .unwrap();
    let a = with(job.clone(), Dispatcher::AllToAll, false);
    let b = with(job, Dispatcher::Fused, true);
    assert_eq!(a.iteration_s, b.iteration_s);
    assert_eq!(a.time.ep_comm_s, 0.0);
}

#[test]
fn flash_attention_1_takes_twice_flash_attention_2s_time() {
    let job = row("pythia-1b");
    let mut fa2 = job.clone();
    fa2.software.attention = Attention::Flash;
    let mut fa1 = job;
    fa1.software.attention = Attention::Flash1;
    let (p2, p1) = (fa2.predict().unwrap(), fa1.predict().unwrap());
    let r = p1.time.attention_s / p2.time.attention_s;
    assert!((r - 1.0 / FLASH1_SPEED).abs() < 1e-9, "{r}");
    assert_eq!(p1.memory.total_bytes, p2.memory.total_bytes);
    let j: Job = serde_json::from_str(
        r#"{"model": "gpt-3", "hardware": "a100", "gpus": 1024, "global_batch": 1536,
            "software": {"attention": "flash1"}, "layout": "auto"}"#,
    )
    .unwrap();
    assert_eq!(j.software.attention, Attention::Flash1);
}

#[test]
fn a_fully_sharded_layout_over_hbm_waits_on_the_allocator() {
    use zettaflop_estimator::perf::Sharding;
    // MPT-1B on 32 A100 40GB, micro-batch 10, FSDP: predicted just over the 40 GiB.
    let job = row("llmfoundry:A100 40GB with 1600 Gbps node-node interconnect (RoCE):1b:s2048:g32:mb10:gbs320:bf16");
    let over = job.predict().unwrap();
    assert!(!over.memory.fits);
    let t = &over.time;
    let compute = t.matmul_s + t.attention_s + t.memory_bound_s;
    assert!((t.allocator_s - FITTED.allocator_retry * compute).abs() < 1e-12);
    assert!(t.allocator_s > 0.0);
    assert!((t.total() - over.iteration_s).abs() < 1e-12);
    // A smaller micro-batch fits: no wait.
    let mut small = job.clone();
    if let zettaflop_estimator::perf::IdOr::Value(l) = &mut small.layout.as_mut().unwrap() {
        l.micro_batch = 5;
    }
    let fits = small.predict().unwrap();
    assert!(fits.memory.fits && fits.time.allocator_s == 0.0);
    // Megatron's distributed optimizer keeps its buffers: over HBM, no allocator term.
    let mut zero1 = job;
    if let zettaflop_estimator::perf::IdOr::Value(l) = &mut zero1.layout.as_mut().unwrap() {
        l.sharding = Sharding::Optimizer;
    }
    let p = zero1.predict().unwrap();
    assert!(!p.memory.fits && p.time.allocator_s == 0.0);
}
