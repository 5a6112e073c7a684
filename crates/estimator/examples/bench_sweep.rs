//! Times `sweep` over 20 counts, with a given utilization and with `"auto"`.
//! `cargo run --release -p zettaflop-estimator --example bench_sweep`
use std::time::Instant;

use zettaflop_estimator::{sweep, HardwareChoice, Scenario, Utilization, Workload};

fn main() -> Result<(), zettaflop_estimator::Error> {
    // 20 log-spaced chip counts with many divisors (so "auto" searches every one):
    // 1,024, 1,536, 2,048, 3,072, … 524,288, 786,432.
    let counts: Vec<f64> = (10..20)
        .flat_map(|k| [f64::from(1u32 << k), 1.5 * f64::from(1u32 << k)])
        .collect();
    let given = Scenario::default();
    let auto = Scenario {
        workload: Workload::Preset("llama-3.1-405b".into()),
        hardware: HardwareChoice::Id("h100".into()),
        count_unit: zettaflop_estimator::CountUnit::Chip,
        utilization: Some(Utilization::Auto),
        ..Scenario::default()
    };
    for (name, s) in [
        ("utilization 0.40 (GPT-4 on GB200)", &given),
        ("\"auto\" (Llama 3.1 405B on H100)", &auto),
    ] {
        let mut times = Vec::new();
        for _ in 0..5 {
            let t = Instant::now();
            let p = sweep(s, &counts)?;
            times.push(t.elapsed().as_secs_f64() * 1e3);
            assert_eq!(p.len(), 20);
        }
        times.sort_by(|a, b| a.total_cmp(b));
        println!(
            "{name}: 20 points, median {:.2} ms (min {:.2}, max {:.2})",
            times[2], times[0], times[4]
        );
    }
    let t = Instant::now();
    let p = sweep(&auto, &zettaflop_estimator::default_counts())?;
    println!(
        "\"auto\", default_counts ({} points): {:.2} ms; utilization by count: {}",
        p.len(),
        t.elapsed().as_secs_f64() * 1e3,
        p.iter()
            .map(|x| format!("{}:{:.3}", x.count, x.utilization))
            .collect::<Vec<_>>()
            .join(" ")
    );
    Ok(())
}
