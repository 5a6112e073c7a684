//! Prints the held-out evaluation row by row (for working on the model):
//! `cargo run --release -p zettaflop-estimator --example heldout_dump`.
use zettaflop_estimator::perf::heldout;

fn main() {
    if std::env::args().nth(1).as_deref() == Some("--fit") {
        let f = zettaflop_estimator::perf::fit::fit();
        println!("{}", serde_json::to_string_pretty(&f).unwrap_or_default());
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
    for g in heldout::GROUPS.iter().map(Some).chain([None]) {
        let s = heldout::summarize(&rows, g.copied());
        println!(
            "{:12} answered {}/{} median |err| {:.1} % max {:.1} % bias {:+.1} %",
            g.map_or("all", |v| v),
            s.answered,
            s.rows,
            100.0 * s.median_abs_error,
            100.0 * s.max_abs_error,
            100.0 * s.median_error
        );
    }
}
