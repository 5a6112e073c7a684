//! Benchmark of the layout search (a script that prints numbers, not a timed test).
//!
//! ```sh
//! cargo run --release -p zettaflop-estimator --example bench_search
//! ```
//!
//! Prints, on one core: layouts evaluated per second, and the wall time of one search for a
//! 1T-parameter model (Megatron's GPT 1T shape: 128 layers, hidden 25,600, 160 heads) on 4,096
//! H100, and for Llama 3.1 405B on 16,384 H100.

use std::time::Instant;

use zettaflop_estimator::perf::{search, Fixed, Mlp, ModelShape, PerfHardware, System, Training};
use zettaflop_estimator::{catalog, Error};

fn bench(
    name: &str,
    model: &ModelShape,
    system: &System,
    training: &Training,
) -> Result<(), Error> {
    // Warm up, then repeat for at least a second.
    let first = search(model, system, training, &Fixed::default(), 4)?;
    let start = Instant::now();
    let mut runs = 0u32;
    let mut evaluated = 0u64;
    while runs < 3 || start.elapsed().as_secs_f64() < 1.0 {
        let r = search(model, system, training, &Fixed::default(), 4)?;
        evaluated += r.evaluated;
        runs += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    println!("{name}");
    println!(
        "  layouts evaluated per search: {} ({} fit, {} rejected)",
        first.evaluated,
        first.feasible,
        first.rejected.total()
    );
    println!(
        "  wall time per search: {:.2} ms (mean of {runs} runs)",
        1e3 * secs / f64::from(runs)
    );
    println!(
        "  layouts per second (one core): {:.2} M",
        evaluated as f64 / secs / 1e6
    );
    println!(
        "  best: {} → {:.2} s/iteration, MFU {:.1} %",
        zettaflop_estimator::perf::describe(&first.best.layout),
        first.best.iteration_s,
        100.0 * first.best.mfu
    );
    Ok(())
}

fn main() -> Result<(), Error> {
    let h100 = PerfHardware::from_catalog("h100")?;
    let training = |global_batch| Training {
        global_batch,
        precision: Default::default(),
        software: Default::default(),
    };
    let one_t = ModelShape {
        layers: 128,
        hidden: 25_600,
        heads: 160,
        kv_heads: None,
        ffn: 102_400,
        seq_len: 2048,
        vocab: 51_200,
        experts: 1,
        active_experts: 1,
        mlp: Mlp::Gelu,
        tied_embeddings: false,
        shared_experts: 0,
        dense_layers: 0,
        dense_ffn: 0,
        mla: None,
    };
    bench(
        "GPT 1T (1.0e12 parameters) on 4,096 H100, global batch 3,072 × 2,048 tokens",
        &one_t,
        &System {
            hardware: h100.clone(),
            gpus: 4096,
        },
        &training(3072),
    )?;
    // One full prediction (validation, memory and time model) of a fixed layout, repeated.
    let layout = zettaflop_estimator::perf::Layout {
        tp: 8,
        pp: 32,
        dp: None,
        cp: 1,
        ep: 1,
        expert_tp: None,
        micro_batch: 1,
        interleave: 4,
        recompute: zettaflop_estimator::perf::Recompute::None,
        recompute_layers: None,
        sequence_parallel: true,
        distributed_optimizer: true,
        sharding: Default::default(),
    };
    let exec = zettaflop_estimator::perf::Execution {
        training: training(3072),
        layout,
    };
    let system = System {
        hardware: h100.clone(),
        gpus: 4096,
    };
    let start = Instant::now();
    let mut n = 0u32;
    let mut sink = 0.0;
    while n < 100_000 || start.elapsed().as_secs_f64() < 1.0 {
        sink += zettaflop_estimator::perf::predict(&one_t, &system, &exec)?.iteration_s;
        n += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "predict() of one layout (validation + memory + time), GPT 1T on 4,096 H100: {:.2} M per second ({:.0} ns each; checksum {:.3})",
        f64::from(n) / secs / 1e6,
        1e9 * secs / f64::from(n),
        sink / f64::from(n)
    );
    if let Some(llama) = catalog::model("llama-3.1-405b").and_then(|m| m.arch) {
        bench(
            "Llama 3.1 405B on 16,384 H100, global batch 2,048 × 8,192 tokens",
            &llama,
            &System {
                hardware: h100,
                gpus: 16_384,
            },
            &training(2048),
        )?;
    }
    Ok(())
}
