//! The layout search: every valid layout for a model, a GPU count and a batch, the fastest
//! first, with the runners-up, why the best wins, and how many layouts were rejected and why.
//!
//! Enumerated: tp, cp, pp over the divisors of the GPU count (dp is what remains), ep over the
//! divisors of dp that divide the experts, micro-batch over the divisors of global_batch / dp,
//! interleave 1–8, recompute none / selective / full, sequence parallelism (tp > 1), the
//! distributed optimizer (dp > 1). A rule broken high in the tree (e.g. tp larger than the
//! scale-up domain) is counted once, not once per layout below it. Each remaining layout goes
//! through the same memory and time model as [`super::predict`].

use crate::format::Locale;
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

use crate::error::{Error, ErrorKind};

use super::layout::{self, Layout, Recompute, Reject, Resolved, Sharding, Training};
use super::memory;
use super::model::ModelShape;
use super::predict::{self, Prediction};
use super::prepared::Prepared;
use super::system::System;

/// Largest interleave (virtual stages per GPU) tried.
pub const MAX_INTERLEAVE: u32 = 8;

/// Parts of the layout the search must not change (all optional).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Fixed {
    /// Tensor-parallel size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tp: Option<u32>,
    /// Pipeline-parallel size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pp: Option<u32>,
    /// Data-parallel size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dp: Option<u32>,
    /// Context-parallel size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cp: Option<u32>,
    /// Expert-parallel size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ep: Option<u32>,
    /// Micro-batch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub micro_batch: Option<u32>,
    /// Interleave.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interleave: Option<u32>,
    /// Recomputation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recompute: Option<Recompute>,
    /// Sequence parallelism.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sequence_parallel: Option<bool>,
    /// Distributed optimizer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distributed_optimizer: Option<bool>,
    /// Data-parallel sharding (overrides `distributed_optimizer`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sharding: Option<Sharding>,
}

/// The shardings a search tries: the fixed one, or none / optimizer / full (ZeRO-2 is never
/// faster than ZeRO-1 and holds no less than ZeRO-3).
fn shardings(fixed: &Fixed) -> Vec<Sharding> {
    match (fixed.sharding, fixed.distributed_optimizer) {
        (Some(s), _) => vec![s],
        (None, Some(true)) => vec![Sharding::Optimizer],
        (None, Some(false)) => vec![Sharding::None],
        (None, None) => vec![Sharding::None, Sharding::Optimizer, Sharding::Full],
    }
}

/// Rejected layouts by reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rejections([u64; Reject::ALL.len()]);

impl Rejections {
    fn add(&mut self, r: Reject) {
        if let Some(i) = Reject::ALL.iter().position(|x| *x == r) {
            self.0[i] += 1;
        }
    }

    /// Count for one reason.
    pub fn get(&self, r: Reject) -> u64 {
        Reject::ALL
            .iter()
            .position(|x| *x == r)
            .map_or(0, |i| self.0[i])
    }

    /// All rejections.
    pub fn total(&self) -> u64 {
        self.0.iter().sum()
    }
}

impl Serialize for Rejections {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        for (r, n) in Reject::ALL.iter().zip(self.0) {
            if n > 0 {
                map.serialize_entry(r.id(), &n)?;
            }
        }
        map.end()
    }
}

/// What a search finds.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SearchResult {
    /// The fastest layout that fits.
    pub best: Prediction,
    /// The next fastest, with different parallel sizes, micro-batch, interleave or recompute.
    pub runners_up: Vec<Prediction>,
    /// Why the best wins, in a sentence or two.
    pub why: String,
    /// Layouts evaluated with the memory model (and the time model when they fit).
    pub evaluated: u64,
    /// Of those, layouts that fit.
    pub feasible: u64,
    /// Layouts or whole branches rejected, by reason.
    pub rejected: Rejections,
}

fn divisors(n: u64) -> Vec<u32> {
    let mut small = Vec::new();
    let mut large = Vec::new();
    let mut i = 1u64;
    while i * i <= n {
        if n % i == 0 {
            small.push(i as u32);
            if i * i != n {
                large.push((n / i) as u32);
            }
        }
        i += 1;
    }
    small.extend(large.into_iter().rev());
    small
}

fn pick(all: &[u32], fixed: Option<u32>) -> Vec<u32> {
    match fixed {
        Some(f) => all.iter().copied().filter(|x| *x == f).collect(),
        None => all.to_vec(),
    }
}

/// How many of the fastest layouts are kept while searching.
const KEEP: usize = 64;

/// Searches every layout.
///
/// ```
/// use zettaflop_estimator::perf::{search, Fixed, PerfHardware, System, Training};
/// let model = zettaflop_estimator::catalog::model("llama-3.1-405b").and_then(|m| m.arch).unwrap();
/// let system = System { hardware: PerfHardware::from_catalog("h100")?, gpus: 16_384 };
/// let training = Training { global_batch: 2048, precision: Default::default(), software: Default::default() };
/// let r = search(&model, &system, &training, &Fixed::default(), 4)?;
/// assert!(r.best.memory.fits && r.best.mfu > 0.3);
/// assert!(r.evaluated > 1000 && r.runners_up.len() == 4);
/// # Ok::<(), zettaflop_estimator::Error>(())
/// ```
///
/// # Errors
/// Invalid model, system or training settings, or no layout fits (field `gpus`).
pub fn search(
    model: &ModelShape,
    system: &System,
    training: &Training,
    fixed: &Fixed,
    runners_up: usize,
) -> Result<SearchResult, Error> {
    let p = Prepared::new(model, system, training)?;
    let gpus = u64::from(system.gpus);
    let batch = u64::from(training.global_batch);
    let mut rejected = Rejections::default();
    let mut evaluated = 0u64;
    let mut feasible = 0u64;
    let mut top: Vec<(f64, Resolved)> = Vec::with_capacity(KEEP + 1);

    let all_g = divisors(gpus);
    let shards = shardings(fixed);
    for &tp in &pick(&all_g, fixed.tp) {
        if tp > system.hardware.scaleup_domain {
            rejected.add(Reject::TpDomain);
            continue;
        }
        let kv = model.kv();
        if model.heads % tp != 0 || (kv % tp != 0 && tp % kv != 0) || model.ffn % tp != 0 {
            rejected.add(Reject::TpHeads);
            continue;
        }
        let rest_t = gpus / u64::from(tp);
        for &cp in &pick(&divisors(rest_t), fixed.cp) {
            if model.seq_len % cp != 0 {
                rejected.add(Reject::CpSeq);
                continue;
            }
            let rest_c = rest_t / u64::from(cp);
            for &pp in &pick(&divisors(rest_c), fixed.pp) {
                if pp > model.layers {
                    rejected.add(Reject::PpLayers);
                    continue;
                }
                let dp64 = rest_c / u64::from(pp);
                let Ok(dp) = u32::try_from(dp64) else {
                    rejected.add(Reject::Product);
                    continue;
                };
                if fixed.dp.is_some_and(|d| d != dp) {
                    continue;
                }
                if batch % dp64 != 0 {
                    rejected.add(Reject::Batch);
                    continue;
                }
                let eps: Vec<u32> = if model.is_moe() {
                    pick(&divisors(dp64), fixed.ep)
                        .into_iter()
                        .filter(|e| model.experts % e == 0)
                        .collect()
                } else {
                    pick(&[1], fixed.ep)
                };
                if eps.is_empty() {
                    rejected.add(Reject::Ep);
                    continue;
                }
                let mbs = pick(&divisors(batch / dp64), fixed.micro_batch);
                for &ep in &eps {
                    for &mb in &mbs {
                        let microbatches = batch / dp64 / u64::from(mb);
                        let vmax = if pp == 1 { 1 } else { MAX_INTERLEAVE };
                        for v in 1..=vmax {
                            if fixed.interleave.is_some_and(|f| f != v) {
                                continue;
                            }
                            if u64::from(pp) * u64::from(v) > u64::from(model.layers) {
                                rejected.add(Reject::PpLayers);
                                break;
                            }
                            if v > 1 && microbatches % u64::from(pp) != 0 {
                                rejected.add(Reject::Interleave);
                                break;
                            }
                            for rc in Recompute::ALL {
                                if fixed.recompute.is_some_and(|f| f != rc) {
                                    continue;
                                }
                                for sp in [false, true] {
                                    if (sp && tp == 1)
                                        || fixed.sequence_parallel.is_some_and(|f| f != sp)
                                    {
                                        continue;
                                    }
                                    for &sharding in &shards {
                                        if sharding != Sharding::None && dp == 1 {
                                            continue;
                                        }
                                        let l = Layout {
                                            tp,
                                            pp,
                                            dp: Some(dp),
                                            cp,
                                            ep,
                                            micro_batch: mb,
                                            interleave: v,
                                            recompute: rc,
                                            sequence_parallel: sp,
                                            distributed_optimizer: sharding != Sharding::None,
                                            sharding,
                                        };
                                        evaluated += 1;
                                        let r = match layout::check(
                                            model,
                                            system,
                                            training.global_batch,
                                            &l,
                                        ) {
                                            Ok(r) => r,
                                            Err(reason) => {
                                                rejected.add(reason);
                                                continue;
                                            }
                                        };
                                        if !memory::memory(&p, &r).fits {
                                            rejected.add(Reject::Memory);
                                            continue;
                                        }
                                        feasible += 1;
                                        let q = predict::quick(&p, &r).iteration_s;
                                        if top.len() < KEEP || top.last().is_some_and(|w| q < w.0) {
                                            let at = top.partition_point(|x| x.0 <= q);
                                            top.insert(at, (q, r));
                                            top.truncate(KEEP);
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    let Some((_, best_r)) = top.first().copied() else {
        let counts: Vec<String> = Reject::ALL
            .iter()
            .filter(|r| rejected.get(**r) > 0)
            .map(|r| format!("{} {}", r.id(), rejected.get(*r)))
            .collect();
        return Err(Error::new(
            "gpus",
            ErrorKind::Unsupported {
                reason: format!(
                    "no layout of {} × {} fits this model and batch ({} evaluated; rejected: {})",
                    system.gpus,
                    system.hardware.name,
                    evaluated,
                    counts.join(", ")
                ),
                fr: format!(
                    "aucune répartition de {} × {} ne convient à ce modèle et ce lot ({} évaluées ; rejets : {})",
                    system.gpus,
                    system.hardware.name,
                    evaluated,
                    counts.join(", ")
                ),
            },
        ));
    };
    let notes = system.hardware.notes();
    let prediction =
        |r: &Resolved| predict::full(&p, r, memory::memory(&p, r), &notes, &system.hardware.name);
    let best = prediction(&best_r);
    let key = |l: &Layout| {
        (
            l.tp,
            l.pp,
            l.cp,
            l.ep,
            l.micro_batch,
            l.interleave,
            l.recompute,
            l.effective_sharding(),
        )
    };
    let mut seen = vec![key(&best_r.layout)];
    let mut others = Vec::new();
    for (_, r) in top.iter().skip(1) {
        if others.len() >= runners_up {
            break;
        }
        let k = key(&r.layout);
        if !seen.contains(&k) {
            seen.push(k);
            others.push(prediction(r));
        }
    }
    let why = explain(&best, others.first(), Locale::En);
    Ok(SearchResult {
        best,
        runners_up: others,
        why,
        evaluated,
        feasible,
        rejected,
    })
}

/// A layout in one line: `tp 8 · pp 16 · dp 128 · micro-batch 1 · recompute full · …`.
pub fn describe(l: &Layout) -> String {
    describe_in(l, Locale::En)
}

/// [`describe`] in `lang`.
pub fn describe_in(l: &Layout, lang: Locale) -> String {
    let fr = lang == Locale::Fr;
    let mut s = format!("tp {} · pp {} · dp {}", l.tp, l.pp, l.dp.unwrap_or(0));
    if l.cp > 1 {
        s += &format!(" · cp {}", l.cp);
    }
    if l.ep > 1 {
        s += &format!(" · ep {}", l.ep);
    }
    s += &format!(
        " · {} {}",
        if fr { "micro-lot" } else { "micro-batch" },
        l.micro_batch
    );
    if l.interleave > 1 {
        s += &format!(
            " · {} {}",
            if fr { "entrelacement" } else { "interleave" },
            l.interleave
        );
    }
    let recompute = match (l.recompute, fr) {
        (Recompute::None, true) => "aucun",
        (Recompute::Selective, true) => "sélectif",
        (Recompute::Full, true) => "complet",
        (r, false) => r.id(),
    };
    s += &format!(
        " · {} {recompute}",
        if fr { "recalcul" } else { "recompute" }
    );
    if l.sequence_parallel {
        s += if fr {
            " · parallélisme de séquence"
        } else {
            " · sequence parallel"
        };
    }
    let sharded = match (l.effective_sharding(), fr) {
        (Sharding::None, _) => "",
        (Sharding::Optimizer, false) => " · distributed optimizer",
        (Sharding::Optimizer, true) => " · optimiseur distribué",
        (Sharding::Gradients, false) => " · ZeRO-2 (optimizer and gradients sharded)",
        (Sharding::Gradients, true) => " · ZeRO-2 (optimiseur et gradients répartis)",
        (Sharding::Full, false) => " · ZeRO-3 / FSDP (fully sharded)",
        (Sharding::Full, true) => " · ZeRO-3 / FSDP (tout réparti)",
    };
    s += sharded;
    s
}

/// Why `best` beats `next`, in one or two sentences in `l`.
pub fn explain(best: &Prediction, next: Option<&Prediction>, l: Locale) -> String {
    let fr = l == Locale::Fr;
    let head = if fr {
        format!(
            "{} fait une itération en {:.3} s à {:.1} % de MFU",
            describe_in(&best.layout, l),
            best.iteration_s,
            100.0 * best.mfu
        )
        .replace('.', ",")
    } else {
        format!(
            "{} runs an iteration in {:.3} s at {:.1} % MFU",
            describe(&best.layout),
            best.iteration_s,
            100.0 * best.mfu
        )
    };
    let Some(next) = next else {
        return if fr {
            format!("{head} ; c'est la seule répartition qui tient.")
        } else {
            format!("{head}; it is the only layout that fits.")
        };
    };
    let mut diffs: Vec<(&str, f64)> = best
        .time
        .parts_in(l)
        .iter()
        .zip(next.time.parts_in(l))
        .map(|((name, a), (_, b))| (*name, b - a))
        .collect();
    diffs.sort_by(|a, b| b.1.total_cmp(&a.1));
    let num = |d: f64| {
        if fr {
            format!("{d:.3}").replace('.', ",")
        } else {
            format!("{d:.3}")
        }
    };
    let costs: Vec<String> = diffs
        .iter()
        .filter(|d| d.1 > 1e-4 * best.iteration_s)
        .take(2)
        .map(|(n, d)| format!("{n} +{} s", num(*d)))
        .collect();
    let gains: Vec<String> = diffs
        .iter()
        .rev()
        .filter(|d| d.1 < -1e-4 * best.iteration_s)
        .take(1)
        .map(|(n, d)| format!("{n} {} s", num(*d)))
        .collect();
    let slower = 100.0 * (next.iteration_s / best.iteration_s - 1.0);
    let mut out = if fr {
        format!(
            "{head}. La suivante ({}) est plus lente de {} %",
            describe_in(&next.layout, l),
            format!("{slower:.1}").replace('.', ",")
        )
    } else {
        format!(
            "{head}. The runner-up ({}) is {slower:.1} % slower",
            describe(&next.layout)
        )
    };
    if !costs.is_empty() {
        out += &if fr {
            format!(", surtout à cause de : {}", costs.join(" et "))
        } else {
            format!(", mostly from {}", costs.join(" and "))
        };
    }
    if !gains.is_empty() {
        out += &if fr {
            format!(", même si elle gagne {}", gains.join(""))
        } else {
            format!(", though it saves {}", gains.join(""))
        };
    }
    out.push('.');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn divisors_are_sorted_and_complete() {
        assert_eq!(divisors(12), vec![1, 2, 3, 4, 6, 12]);
        assert_eq!(divisors(1), vec![1]);
        assert_eq!(divisors(16), vec![1, 2, 4, 8, 16]);
    }
}
