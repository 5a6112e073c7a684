//! The layout search: every valid layout for a model, a GPU count and a batch, the fastest
//! first, with the runners-up, why the best wins, and how many layouts were rejected and why.
//!
//! Enumerated: tp, cp, pp over the divisors of the GPU count (dp is what remains), ep over the
//! divisors of dp that divide the experts, micro-batch over the divisors of global_batch / dp,
//! interleave 1–8, recompute none / selective / full, sequence parallelism (tp > 1), the
//! distributed optimizer (dp > 1). A rule broken high in the tree (e.g. tp larger than the
//! scale-up domain) is counted once, not once per layout below it. Each remaining layout goes
//! through the same memory and time model as [`super::predict()`].

use crate::format::Locale;
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

use crate::error::Error;

use super::layout::{self, Layout, Recompute, Reject, Resolved, Sharding, Training};
use super::memory;
use super::model::ModelShape;
use super::predict::{self, Prediction};
use super::prepared::Prepared;
use super::system::System;
pub use super::why::{describe, describe_in, explain};

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

    fn merge(&mut self, other: &Rejections) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a += b;
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
    let mut rejected = Rejections::default();
    let mut evaluated = 0u64;
    let mut feasible = 0u64;
    let mut top: Vec<(f64, Resolved)> = Vec::with_capacity(KEEP + 1);
    let mut dropped = Rejections::default();
    candidates(
        model,
        system,
        training.global_batch,
        fixed,
        &mut rejected,
        |l| {
            evaluated += 1;
            if !training.software.schedule.allows(l.pp, l.interleave) {
                return dropped.add(Reject::Interleave);
            }
            let r = match layout::check(model, system, training.global_batch, &l) {
                Ok(r) => r,
                Err(reason) => return dropped.add(reason),
            };
            if !memory::memory(&p, &r).fits {
                return dropped.add(Reject::Memory);
            }
            feasible += 1;
            keep(&mut top, predict::quick(&p, &r).iteration_s, r);
        },
    );
    rejected.merge(&dropped);
    let Some((_, best_r)) = top.first().copied() else {
        return Err(none_fits(system, evaluated, &rejected));
    };
    let notes = system.hardware.notes();
    let prediction =
        |r: &Resolved| predict::full(&p, r, memory::memory(&p, r), &notes, &system.hardware.name);
    let best = prediction(&best_r);
    let others: Vec<Prediction> = distinct(&top, runners_up).map(prediction).collect();
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

/// Visits the layouts to evaluate, in the order of the tree (tp, cp, pp, ep, micro-batch, interleave,
/// recompute, sequence parallelism, sharding); a rule broken high in the tree is counted once
/// in `rejected`, not once per layout below it.
fn candidates(
    model: &ModelShape,
    system: &System,
    global_batch: u32,
    fixed: &Fixed,
    rejected: &mut Rejections,
    mut visit: impl FnMut(Layout),
) {
    let batch = u64::from(global_batch);
    let shards = shardings(fixed);
    for g in groups(model, system, batch, fixed, rejected) {
        for (ep, micro_batch, interleave) in schedules(model, &g, batch, fixed, rejected) {
            for (recompute, sequence_parallel, sharding) in variants(&g, fixed, &shards) {
                visit(Layout {
                    tp: g.tp,
                    pp: g.pp,
                    dp: Some(g.dp),
                    cp: g.cp,
                    ep,
                    expert_tp: None,
                    micro_batch,
                    interleave,
                    recompute,
                    recompute_layers: None,
                    sequence_parallel,
                    distributed_optimizer: sharding != Sharding::None,
                    sharding,
                });
            }
        }
    }
}

/// The parallel group sizes: tp × cp × pp × dp = the GPUs.
struct Group {
    tp: u32,
    cp: u32,
    pp: u32,
    dp: u32,
}

/// Every (tp, cp, pp, dp) that passes the rules on those sizes and the batch.
fn groups(
    model: &ModelShape,
    system: &System,
    batch: u64,
    fixed: &Fixed,
    rejected: &mut Rejections,
) -> Vec<Group> {
    let gpus = u64::from(system.gpus);
    let mut out = Vec::new();
    for tp in pick(&divisors(gpus), fixed.tp) {
        if let Err(e) = layout::tp_rule(model, system, tp) {
            rejected.add(e);
            continue;
        }
        let rest_t = gpus / u64::from(tp);
        for cp in pick(&divisors(rest_t), fixed.cp) {
            if let Err(e) = layout::cp_rule(model, cp) {
                rejected.add(e);
                continue;
            }
            let rest_c = rest_t / u64::from(cp);
            for pp in pick(&divisors(rest_c), fixed.pp) {
                match group(model, batch, fixed, (tp, cp, pp), rest_c) {
                    Ok(Some(g)) => out.push(g),
                    Ok(None) => {}
                    Err(e) => rejected.add(e),
                }
            }
        }
    }
    out
}

/// The group with `pp` stages, when the rules on pp, dp and the batch pass (`None`: not the
/// fixed dp).
fn group(
    model: &ModelShape,
    batch: u64,
    fixed: &Fixed,
    (tp, cp, pp): (u32, u32, u32),
    rest_c: u64,
) -> Result<Option<Group>, Reject> {
    layout::pp_rule(model, pp, 1)?;
    let dp = u32::try_from(rest_c / u64::from(pp)).map_err(|_| Reject::Product)?;
    if fixed.dp.is_some_and(|d| d != dp) {
        return Ok(None);
    }
    layout::microbatches(batch, u64::from(dp), 1)?;
    Ok(Some(Group { tp, cp, pp, dp }))
}

/// Every (ep, micro-batch, interleave) for a group. The interleaves of one (ep, micro-batch)
/// are tried in order, and the first that breaks a rule ends them (larger ones break it too).
fn schedules(
    model: &ModelShape,
    g: &Group,
    batch: u64,
    fixed: &Fixed,
    rejected: &mut Rejections,
) -> Vec<(u32, u32, u32)> {
    let dp = u64::from(g.dp);
    let candidates = if model.is_moe() {
        divisors(dp)
    } else {
        vec![1]
    };
    let eps: Vec<u32> = pick(&candidates, fixed.ep)
        .into_iter()
        .filter(|&e| layout::ep_rule(model, g.tp, g.cp, g.dp, e).is_ok())
        .collect();
    if eps.is_empty() {
        rejected.add(Reject::Ep);
        return Vec::new();
    }
    let mbs = pick(&divisors(batch / dp), fixed.micro_batch);
    let vmax = if g.pp == 1 { 1 } else { MAX_INTERLEAVE };
    let mut out = Vec::new();
    for &ep in &eps {
        for &mb in &mbs {
            let microbatches = batch / dp / u64::from(mb);
            let interleaves = (1..=vmax).filter(|v| fixed.interleave.is_none_or(|f| f == *v));
            for v in interleaves {
                let ok = layout::pp_rule(model, g.pp, v)
                    .and_then(|()| layout::interleave_rule(g.pp, v, microbatches));
                if let Err(e) = ok {
                    rejected.add(e);
                    break;
                }
                out.push((ep, mb, v));
            }
        }
    }
    out
}

/// Every (recompute, sequence parallelism, sharding) the fixed parts and the rules allow.
fn variants(g: &Group, fixed: &Fixed, shards: &[Sharding]) -> Vec<(Recompute, bool, Sharding)> {
    let mut out = Vec::new();
    for rc in Recompute::ALL {
        if fixed.recompute.is_some_and(|f| f != rc) {
            continue;
        }
        for sp in [false, true] {
            if layout::sequence_parallel_rule(g.tp, sp).is_err()
                || fixed.sequence_parallel.is_some_and(|f| f != sp)
            {
                continue;
            }
            let shards = shards.iter().copied();
            out.extend(
                shards
                    .filter(|&s| layout::sharding_rule(s, g.dp).is_ok())
                    .map(|s| (rc, sp, s)),
            );
        }
    }
    out
}

/// Keeps `r` among the `KEEP` fastest, in order of iteration time (ties: first found first).
fn keep(top: &mut Vec<(f64, Resolved)>, q: f64, r: Resolved) {
    if top.len() < KEEP || top.last().is_some_and(|w| q < w.0) {
        let at = top.partition_point(|x| x.0 <= q);
        top.insert(at, (q, r));
        top.truncate(KEEP);
    }
}

/// The runners-up: the next fastest layouts that differ from the best and from each other in
/// their parallel sizes, micro-batch, interleave, recompute or sharding.
fn distinct(top: &[(f64, Resolved)], n: usize) -> impl Iterator<Item = &Resolved> {
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
    let mut seen = Vec::new();
    top.iter()
        .map(|(_, r)| r)
        .filter(move |r| {
            let k = key(&r.layout);
            let new = !seen.contains(&k);
            if new {
                seen.push(k);
            }
            new
        })
        .skip(1)
        .take(n)
}

/// The error when no layout fits, with the rejections by reason.
fn none_fits(system: &System, evaluated: u64, rejected: &Rejections) -> Error {
    let counts: Vec<String> = Reject::ALL
        .iter()
        .filter(|r| rejected.get(**r) > 0)
        .map(|r| format!("{} {}", r.id(), rejected.get(*r)))
        .collect();
    Error::said(
        "gpus",
        NoneFits::Layout,
        &[
            &system.gpus.to_string(),
            &system.hardware.name,
            &evaluated.to_string(),
            &counts.join(", "),
        ],
    )
}

crate::keys! {
    /// The search's error: GPUs, chip, layouts evaluated, rejections by reason.
    pub(super) enum NoneFits {
        Layout => "no layout of {} × {} fits this model and batch ({} evaluated; rejected: {})",
            "aucune répartition de {} × {} ne convient à ce modèle et ce lot ({} évaluées ; rejets : {})";
    }
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
