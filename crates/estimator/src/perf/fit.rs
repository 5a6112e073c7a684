//! Fitting the [`Fitted`] constants on the held-out runs, and the leave-one-source-out check.
//!
//! A coordinate descent over a grid of values per constant ([`GRID`]), from neutral values: every
//! candidate predicts every in-scope row of `public-runs.csv`; the fit keeps the candidate with
//! the smallest mean, over source families, of the family's [`spread`] (the mean of its median
//! and its mean absolute error: the median alone is flat over most of the grid and ignores the
//! tails the issue also bounds), each family counting once (so the 216 llm-foundry rows do not
//! outvote the 42 MLPerf ones), the Megatron-LM calibration table (`mfu-calibration.csv`)
//! counting as one more family in every fit, among the candidates whose search for Llama 3.1
//! 405B on 16,384 H100 lands in Meta's range ([`META_405B`]). Leave-one-source-out: for each
//! family, the candidate fitted on the other families, and that family's error under it.

use serde::Serialize;

use super::calibration;
use super::fitted::{with_fitted, Fitted};
use super::heldout::{self, GroupSummary, HeldOut, GROUPS};

/// The values tried for each constant; the first is the neutral one a search starts from (and
/// keeps when no row of the families fitted depends on the constant).
pub const GRID: [(&str, &[f64]); 13] = [
    ("interference", &[0.2, 0.0, 0.1, 0.35, 0.5, 0.7]),
    (
        "jitter",
        &[
            0.0, 0.005, 0.0075, 0.009, 0.01, 0.015, 0.02, 0.03, 0.045, 0.06,
        ],
    ),
    ("low_precision", &[1.0, 0.9, 0.8, 0.7, 0.6]),
    ("half_bandwidth_bytes", &[16e6, 4e6, 64e6]),
    (
        "triton_attention",
        &[1.0, 0.6, 0.5, 0.45, 0.4, 0.35, 0.3, 0.25],
    ),
    ("ring_step_latency_s", &[20e-6, 10e-6, 5e-6, 2.5e-6]),
    (
        "triton_attention_ampere",
        &[1.0, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55],
    ),
    (
        "attention_half_seq",
        &[0.0, 256.0, 512.0, 1024.0, 1536.0, 2048.0],
    ),
    ("fp4_fp8_share", &[0.0, 0.1, 0.2, 0.3, 0.4, 0.5]),
    (
        "all_to_all",
        &[1.0, 0.7, 0.5, 0.35, 0.25, 0.18, 0.12, 0.08, 0.05],
    ),
    (
        "moe_sync_s",
        &[0.0, 0.25e-3, 0.5e-3, 1e-3, 2e-3, 4e-3, 8e-3],
    ),
    ("allocator_retry", &[0.0, 0.1, 0.2, 0.3, 0.4]),
    ("blackwell_matmul_max", &[0.66, 0.62, 0.58, 0.54]),
];

/// The constant `dim` of [`GRID`] in `c`.
pub fn get(c: &Fitted, dim: usize) -> f64 {
    match dim {
        0 => c.interference,
        1 => c.jitter,
        2 => c.low_precision,
        3 => c.half_bandwidth_bytes,
        4 => c.triton_attention,
        5 => c.ring_step_latency_s,
        6 => c.triton_attention_ampere,
        7 => c.attention_half_seq,
        8 => c.fp4_fp8_share,
        9 => c.all_to_all,
        10 => c.moe_sync_s,
        11 => c.allocator_retry,
        _ => c.blackwell_matmul_max,
    }
}

/// Sets the constant `dim` of [`GRID`] in `c` to `v`.
pub fn set(c: &mut Fitted, dim: usize, v: f64) {
    match dim {
        0 => c.interference = v,
        1 => c.jitter = v,
        2 => c.low_precision = v,
        3 => c.half_bandwidth_bytes = v,
        4 => c.triton_attention = v,
        5 => c.ring_step_latency_s = v,
        6 => c.triton_attention_ampere = v,
        7 => c.attention_half_seq = v,
        8 => c.fp4_fp8_share = v,
        9 => c.all_to_all = v,
        10 => c.moe_sync_s = v,
        11 => c.allocator_retry = v,
        _ => c.blackwell_matmul_max = v,
    }
}

fn start() -> Fitted {
    let mut c = super::fitted::FITTED;
    for (d, (_, values)) in GRID.iter().enumerate() {
        set(&mut c, d, values[0]);
    }
    c
}

/// A candidate's predictions: the held-out rows, the errors on the Megatron-LM table, and the
/// MFU of the search's best layout for Llama 3.1 405B on 16,384 H100.
struct Evaluated {
    rows: Vec<HeldOut>,
    megatron: Vec<f64>,
    search_405b: f64,
}

/// Meta's MFU for Llama 3.1 405B on 16,384 H100, 38–43 % (Llama 3 paper, Table 4), with the 3
/// points the issue allows: a candidate whose search lands outside is not a fit.
pub const META_405B: (f64, f64) = (0.35, 0.46);

/// The search for Llama 3.1 405B on 16,384 H100 at a global batch of 2,048 sequences (16M
/// tokens, as Meta trained it), under the constants in force.
///
/// # Errors
/// As [`super::Job::search`].
pub fn search_405b() -> Result<super::SearchResult, crate::error::Error> {
    use super::{IdOr, Job};
    Job {
        model: IdOr::Id("llama-3.1-405b".into()),
        hardware: IdOr::Id("h100".into()),
        gpus: 16_384,
        global_batch: 2048,
        precision: Default::default(),
        software: Default::default(),
        layout: None,
        fixed: None,
    }
    .search()
}

/// Predictions per candidate, computed once.
#[derive(Default)]
struct Cache(Vec<(Fitted, Evaluated)>);

impl Cache {
    fn get(&mut self, c: Fitted) -> &Evaluated {
        let i = match self.0.iter().position(|(k, _)| *k == c) {
            Some(i) => i,
            None => {
                let e = with_fitted(c, || Evaluated {
                    rows: heldout::evaluate_all(),
                    megatron: calibration::compare_all().map_or_else(
                        |_| vec![1.0],
                        |rows| rows.iter().map(|r| r.relative_error.abs()).collect(),
                    ),
                    search_405b: search_405b().map_or(0.0, |r| r.best.mfu),
                });
                self.0.push((c, e));
                self.0.len() - 1
            }
        };
        &self.0[i].1
    }

    fn rows(&mut self, c: Fitted) -> &[HeldOut] {
        &self.get(c).rows
    }

    /// The objective over `groups` plus the Megatron-LM table, which every fit includes; a
    /// candidate whose 405B search lands outside [`META_405B`] costs one more unit (as a row not
    /// answered does), so the descent never keeps it over one that lands inside.
    fn objective(&mut self, c: Fitted, groups: &[&str]) -> f64 {
        let e = self.get(c);
        let megatron = spread(e.megatron.clone());
        let n = groups.len() as f64;
        let (lo, hi) = META_405B;
        let outside = if (lo..=hi).contains(&e.search_405b) {
            0.0
        } else {
            1.0
        };
        (objective(&e.rows, groups) * n + megatron) / (n + 1.0) + outside
    }
}

/// Coordinate descent over [`GRID`] from the neutral start: each constant in turn takes the
/// grid value with the smallest objective, three rounds.
fn descend(cache: &mut Cache, groups: &[&str]) -> Fitted {
    let mut c = start();
    let mut best_v = cache.objective(c, groups);
    for _ in 0..3 {
        for (d, (_, values)) in GRID.iter().enumerate() {
            for &v in values.iter() {
                let mut t = c;
                set(&mut t, d, v);
                let o = cache.objective(t, groups);
                if o < best_v - 1e-12 {
                    best_v = o;
                    c = t;
                }
            }
        }
    }
    c
}

/// Half the median plus half the mean of absolute errors (1 for none).
pub fn spread(mut abs: Vec<f64>) -> f64 {
    if abs.is_empty() {
        return 1.0;
    }
    abs.sort_by(f64::total_cmp);
    let n = abs.len();
    let median = if n % 2 == 1 {
        abs[n / 2]
    } else {
        0.5 * (abs[n / 2 - 1] + abs[n / 2])
    };
    0.5 * (median + abs.iter().sum::<f64>() / n as f64)
}

/// The mean over `groups` of each group's [`spread`]; rows not answered count as 100 % errors.
pub fn objective(rows: &[HeldOut], groups: &[&str]) -> f64 {
    let meds: Vec<f64> = groups
        .iter()
        .map(|g| {
            let s = heldout::summarize(rows, Some(g));
            let abs: Vec<f64> = rows
                .iter()
                .filter(|r| r.run.group == *g)
                .filter_map(|r| r.relative_error.map(f64::abs))
                .collect();
            spread(abs) + (s.rows - s.answered) as f64
        })
        .collect();
    meds.iter().sum::<f64>() / meds.len().max(1) as f64
}

/// One family left out: the constants fitted without it, and its error under them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeftOut {
    /// The family left out.
    pub group: &'static str,
    /// The constants fitted on the other families.
    pub fitted: Fitted,
    /// The family's error under them.
    pub summary: GroupSummary,
}

/// What the fit finds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FitReport {
    /// Candidates evaluated.
    pub candidates: usize,
    /// The constants fitted on every family.
    pub all: Fitted,
    /// Each family left out in turn.
    pub left_out: Vec<LeftOut>,
}

/// Fits on every family, then on each family left out in turn.
pub fn fit() -> FitReport {
    let mut cache = Cache::default();
    let all = descend(&mut cache, &GROUPS);
    let left_out = GROUPS
        .iter()
        .map(|&g| {
            let others: Vec<&str> = GROUPS.iter().copied().filter(|x| *x != g).collect();
            let fitted = descend(&mut cache, &others);
            LeftOut {
                group: g,
                fitted,
                summary: heldout::summarize(cache.rows(fitted), Some(g)),
            }
        })
        .collect();
    FitReport {
        candidates: cache.0.len(),
        all,
        left_out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn get_reads_what_set_wrote_for_every_constant() {
        let mut c = super::super::fitted::FITTED;
        for d in 0..GRID.len() {
            set(&mut c, d, 1000.0 + d as f64);
        }
        for (d, (name, _)) in GRID.iter().enumerate() {
            assert_eq!(get(&c, d), 1000.0 + d as f64, "{name}");
        }
    }
}
