//! The held-out section of `docs/calibration.md`: the error per source family under the
//! constants in force, the leave-one-source-out errors, the fitted constants, every row.

use super::fit::{self, FitReport, GRID};
use super::fitted::FITTED;
use super::heldout::{self, HeldOut, GROUPS};

/// The held-out median absolute error the docs state and `tests/heldout.rs` holds the model to.
pub const STATED_MEDIAN: f64 = 0.058;
/// The held-out maximum absolute error the docs state and `tests/heldout.rs` holds the model to.
pub const STATED_MAX: f64 = 0.61;

/// Where the held-out evaluation started (before issue 14, measured on the 367 rows then in
/// scope with the same harness): answered, median, maximum.
pub const BASELINE: (usize, usize, f64, f64) = (166, 367, 0.203, 2.747);

fn pct(x: f64) -> String {
    format!("{:.1} %", 100.0 * x)
}

/// The section, from a fresh evaluation and fit.
pub fn markdown() -> String {
    let rows = heldout::evaluate_all();
    let report = fit::fit();
    section(&rows, &report)
}

fn section(rows: &[HeldOut], report: &FitReport) -> String {
    let all = heldout::summarize(rows, None);
    let mut out =
        String::from("\n## Held-out: published runs the constants were not read from\n\n");
    out += "Every in-scope row of `crates/estimator/data/validation/public-runs.csv` (one row per \
            measurement: MosaicML llm-foundry tables, MLPerf Training submissions, NVIDIA DGX Cloud \
            recipes, IBM fms-fsdp, tech reports; `public-runs-sources.md` says where each comes \
            from) is put to `Job::predict` as `zettaflop predict` would (see \
            `crates/estimator/src/perf/heldout.rs`). Error = predicted / published throughput − 1 \
            (positive: the model is optimistic). `crates/estimator/tests/heldout.rs` fails unless \
            every row is answered, the median absolute error is ≤ ";
    out += &format!(
        "{} and the maximum ≤ {}.\n\n",
        pct(STATED_MEDIAN),
        pct(STATED_MAX)
    );
    out += &format!(
        "**{} of {} rows answered; median absolute error {}, maximum {}, median error {:+.1} %.** \
         Before this model (issue 14's starting point, same harness): {} of {} answered, median \
         {}, maximum {}.\n\n",
        all.answered,
        all.rows,
        pct(all.median_abs_error),
        pct(all.max_abs_error),
        100.0 * all.median_error,
        BASELINE.0,
        BASELINE.1,
        pct(BASELINE.2),
        pct(BASELINE.3)
    );
    out += "| source family | rows | answered | median \\|error\\| | max \\|error\\| | median error | left out of the fit: median \\|error\\| | left out: max |\n";
    out += "|---|---|---|---|---|---|---|---|\n";
    for (g, lo) in GROUPS.iter().zip(&report.left_out) {
        let s = heldout::summarize(rows, Some(g));
        out += &format!(
            "| {g} | {} | {} | {} | {} | {:+.1} % | {} | {} |\n",
            s.rows,
            s.answered,
            pct(s.median_abs_error),
            pct(s.max_abs_error),
            100.0 * s.median_error,
            pct(lo.summary.median_abs_error),
            pct(lo.summary.max_abs_error)
        );
    }
    out += GAPS;
    out += &constants(report);
    out += &table(rows);
    out
}

/// What the model cannot know about the rows it misses most, said where the misses are listed.
const GAPS: &str = "\n### What the model cannot know\n\n\
    - **DeepSeek-V3 on GB200 NVL72, software maturity.** `mcore-dsv3-gb200-baseline` (494 \
    TFLOP/s per GPU) and `mcore-dsv3-gb200-final` (970) are the same layout (TP1 PP8 VPP4 EP32, \
    MXFP8, 256 GB200) before and after Megatron-Core's optimizations: the NCCL all-to-all \
    dispatcher replaced by HybridEP, partial CUDA graphs, CPU binding, fused MXFP8 casts. A \
    prediction has one software level per layout and no input says which dispatcher ran, so \
    the model gives both rows one figure; the fitted NVLink all-to-all share (`all_to_all`, \
    0.12) sits near the NCCL dispatcher's rows (the baseline and DGX Cloud's BF16 DeepSeek-V3 \
    recipes on 128–256 GB200, at 10 % MFU), so the optimized run is under-predicted. Both rows \
    stay in the statistics and the maximum. The DGX Cloud GB200 DeepSeek-V3 rows are still \
    predicted ~60 % too fast while the same recipe on 512–1,024 H100 is within 5 %: on H100 \
    the all-to-all is bound by the NICs, which the model knows; on NVL72 it is bound by \
    something in the dispatch the model has only as fitted constants (the NVLink all-to-all \
    share and the host stall per MoE layer, `moe_sync_s`; the doc above names CUDA graphs \
    of the router and the dispatcher's preprocessing and CPU binding among the fixes).\n\
    - **DeepSeek-V3 on 2,048 H800 (`dsv3`), DeepSeek's own schedule.** Predicted about half \
    as fast as it ran: the model counts its expert all-to-all in full and exposed (nearly half \
    the predicted step), while DeepSeek's DualPipe overlaps it with computation (\"near-zero \
    all-to-all communication overhead\", arXiv:2412.19437 §3.2), sends each token to at most 4 \
    nodes over InfiniBand and forwards it over NVLink, dispatches in FP8, and halves the \
    pipeline bubble; no input of a job describes that schedule. The figure is also a whole-run \
    average from GPU-hours.\n\
    - **DeepSeek-V2**: not in scope: its figure has no GPU count, and the shared file's \
    architecture values for it are marked unverified.\n";

fn constants(report: &FitReport) -> String {
    let mut out = String::from(
        "\n### Fitted constants\n\n\
         Fitted by `crates/estimator/src/perf/fit.rs` (coordinate descent over the grid below, \
         objective: the mean over the five families and the Megatron-LM table of each one's \
         spread, half its median plus half its mean absolute error). *In force* is what `crates/estimator/src/perf/fitted.rs` holds; *fit on \
         all* is what the fit finds now (they agree unless the model changed since); the last \
         columns are the constants fitted with each family left out, which the left-out errors \
         above use.\n\n",
    );
    let v = |c: &super::fitted::Fitted| {
        [
            c.interference,
            c.jitter,
            c.low_precision,
            c.half_bandwidth_bytes,
            c.triton_attention,
            c.ring_step_latency_s,
            c.triton_attention_ampere,
            c.attention_half_seq,
            c.fp4_fp8_share,
            c.all_to_all,
            c.moe_sync_s,
        ]
    };
    out += "| constant | grid | in force | fit on all |";
    for lo in &report.left_out {
        out += &format!(" without {} |", lo.group);
    }
    out += "\n|---|---|---|---|";
    out += &"---|".repeat(report.left_out.len());
    out += "\n";
    for (i, (name, grid)) in GRID.iter().enumerate() {
        let g: Vec<String> = grid.iter().map(|x| format!("{x}")).collect();
        out += &format!(
            "| `{name}` | {} | {} | {} |",
            g.join(", "),
            v(&FITTED)[i],
            v(&report.all)[i]
        );
        for lo in &report.left_out {
            out += &format!(" {} |", v(&lo.fitted)[i]);
        }
        out += "\n";
    }
    out += &format!("\n{} candidates evaluated.\n", report.candidates);
    out
}

fn table(rows: &[HeldOut]) -> String {
    let mut out = String::from(
        "\n### Every row\n\n| family | measurement | GPUs | hardware | metric | published | predicted | error | layout | note |\n|---|---|---|---|---|---|---|---|---|---|\n",
    );
    for r in rows {
        out += &format!(
            "| {} | {} | {} | {} | {} | {:.4} | {} | {} | {} | {} |\n",
            r.run.group,
            r.run.meas,
            r.run.gpus,
            r.run.hardware,
            if r.run.metric == "iteration_s" {
                "tokens_per_s_per_gpu (from iteration_s)"
            } else {
                r.run.metric.as_str()
            },
            r.published,
            r.predicted.map_or("—".into(), |p| format!("{p:.4}")),
            r.relative_error
                .map_or("not answered".into(), |e| format!("{:+.1} %", 100.0 * e)),
            r.layout,
            r.note
        );
    }
    out
}
