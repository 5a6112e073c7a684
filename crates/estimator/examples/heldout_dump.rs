//! Prints the held-out evaluation row by row (for working on the model):
//! `cargo run --release -p zettaflop-estimator --example heldout_dump`.
use zettaflop_estimator::perf::{fit, heldout};

fn main() {
    // FIT="name=value,..." evaluates with those constants instead of the ones in force.
    if let Ok(spec) = std::env::var("FIT") {
        let mut c = zettaflop_estimator::perf::fitted::FITTED;
        for kv in spec.split(',') {
            let (k, v) = kv.split_once('=').unwrap_or((kv, "0"));
            let v: f64 = v.parse().unwrap_or(0.0);
            match fit::GRID.iter().position(|(name, _)| *name == k) {
                Some(d) => fit::set(&mut c, d, v),
                None => eprintln!("unknown {k}"),
            }
        }
        std::env::remove_var("FIT");
        zettaflop_estimator::perf::fitted::with_fitted(c, main);
        return;
    }
    if std::env::args().nth(1).as_deref() == Some("--fit") {
        let f = zettaflop_estimator::perf::fit::fit();
        println!("{}", serde_json::to_string_pretty(&f).unwrap_or_default());
        return;
    }
    if std::env::args().nth(1).as_deref() == Some("--405b") {
        search_405b();
        return;
    }
    if std::env::args().nth(1).as_deref() == Some("--terms") {
        terms();
        return;
    }
    if let Some(pat) = std::env::args().nth(1) {
        for r in heldout::runs().iter().filter(|r| r.meas.contains(&pat)) {
            let job = heldout::job(r);
            println!("{}", serde_json::to_string(&job).unwrap_or_default());
            match job.predict() {
                Ok(p) => println!(
                    "{} tok/s/gpu {:.0} mfu {:.3} {:?}",
                    r.meas,
                    p.tokens_per_s / f64::from(r.gpus),
                    p.mfu,
                    p.time
                ),
                Err(e) => println!("{e}"),
            }
        }
        return;
    }
    let rows = heldout::evaluate_all();
    for r in &rows {
        println!(
            "{}\t{}\t{}\t{}\t{:.2}\t{}\t{}\t{}\t{}",
            r.run.group,
            r.run.meas,
            r.run.gpus,
            r.run.hardware,
            r.published,
            r.predicted.map_or("-".into(), |p| format!("{p:.2}")),
            r.relative_error
                .map_or("-".into(), |e| format!("{:+.1}%", 100.0 * e)),
            r.layout,
            r.note
        );
    }
    println!(
        "p10 {:.3} p90 {:.3}",
        heldout::error_quantile(&rows, 0.1),
        heldout::error_quantile(&rows, 0.9)
    );
    for moe in [false, true] {
        println!(
            "moe {moe}: p10 {:.3} p90 {:.3}",
            heldout::error_quantile_of(&rows, 0.1, moe),
            heldout::error_quantile_of(&rows, 0.9, moe)
        );
    }
    if let Ok(c) = zettaflop_estimator::perf::calibration::compare_all() {
        let s = zettaflop_estimator::perf::calibration::summary(&c);
        println!(
            "megatron table: {}",
            serde_json::to_string(&s).unwrap_or_default()
        );
    }
    for g in heldout::GROUPS.iter().map(Some).chain([None]) {
        let s = heldout::summarize(&rows, g.copied());
        println!(
            "{:12} answered {}/{} median |err| {:.2} % max {:.2} % bias {:+.1} %",
            g.map_or("all", |v| v),
            s.answered,
            s.rows,
            100.0 * s.median_abs_error,
            100.0 * s.max_abs_error,
            100.0 * s.median_error
        );
    }
}

/// Every row with its error and the shares of its predicted step time, worst first.
fn terms() {
    let mut rows = heldout::evaluate_all();
    rows.sort_by(|a, b| {
        let e = |r: &heldout::HeldOut| r.relative_error.map_or(9.0, f64::abs);
        e(b).total_cmp(&e(a))
    });
    println!("err\tgroup\tgpus\thw\tprec\tmodel\tseq\tlayout\tshares(mm att mem tp cp ep bub p2p dp sync opt)\tmeas");
    for r in &rows {
        let Ok(p) = heldout::job(&r.run).predict() else {
            continue;
        };
        let t = p.time;
        let tot = t.total();
        let sh: Vec<String> = t
            .parts()
            .iter()
            .map(|(_, v)| format!("{:.0}", 100.0 * v / tot))
            .collect();
        println!(
            "{:+.1}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{} mem {:.2}\t{}",
            100.0 * r.relative_error.unwrap_or(0.0),
            r.run.group,
            r.run.gpus,
            r.run.hardware,
            r.run.precision,
            r.run.model,
            r.run.shape[6],
            r.layout,
            sh.join(" "),
            p.memory.total_bytes / p.memory.capacity_bytes,
            r.run.meas
        );
    }
}

/// The search's best MFU for Llama 3.1 405B on 16,384 H100 (Meta: 38–43 %).
fn search_405b() {
    println!(
        "405B/16k H100: mfu {:.2} %",
        100.0 * zettaflop_estimator::perf::fit::search_405b().map_or(0.0, |r| r.best.mfu)
    );
}
