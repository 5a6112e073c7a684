//! Prints the held-out evaluation row by row (for working on the model):
//! `cargo run --release -p zettaflop-estimator --example heldout_dump`.
use zettaflop_estimator::perf::heldout;

fn main() {
    let rows = heldout::evaluate_all();
    for r in &rows {
        println!(
            "{:12} {:70.70} {:>6} {:>5} {:>9.2} {:>9} {:>8} {} {}",
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
