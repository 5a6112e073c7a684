//! A layout and a search's winner in words: the layout in one line, and why the best beats
//! the runner-up.

use crate::format::Locale;
use crate::text::keys::fill;

use super::layout::{Layout, Recompute, Sharding};
use super::predict::Prediction;

crate::keys! {
    /// A layout's words and why it wins; `{}` are the figures, in order.
    enum Why {
        MicroBatch => "micro-batch", "micro-lot";
        Interleave => "interleave", "entrelacement";
        Recompute => "recompute", "recalcul";
        RecomputeNone => "none", "aucun";
        RecomputeSelective => "selective", "sélectif";
        RecomputeFull => "full", "complet";
        RecomputeLayers => " ({} layers per GPU)", " ({} couches par GPU)";
        SequenceParallel => " · sequence parallel", " · parallélisme de séquence";
        ShardOptimizer => " · distributed optimizer", " · optimiseur distribué";
        ShardGradients => " · ZeRO-2 (optimizer and gradients sharded)",
            " · ZeRO-2 (optimiseur et gradients répartis)";
        ShardFull => " · ZeRO-3 / FSDP (fully sharded)", " · ZeRO-3 / FSDP (tout réparti)";
        Head => "{} runs an iteration in {} s at {} % MFU",
            "{} fait une itération en {} s à {} % de MFU";
        OnlyLayout => "{}; it is the only layout that fits.",
            "{} ; c'est la seule répartition qui tient.";
        RunnerUp => "{}. The runner-up ({}) is {} % slower",
            "{}. La suivante ({}) est plus lente de {} %";
        Mostly => ", mostly from {}", ", surtout à cause de : {}";
        And => " and ", " et ";
        Saves => ", though it saves {}", ", même si elle gagne {}";
    }
}

/// A layout in one line: `tp 8 · pp 16 · dp 128 · micro-batch 1 · recompute full · …`.
pub fn describe(l: &Layout) -> String {
    describe_in(l, Locale::En)
}

/// [`describe`] in `lang`.
pub fn describe_in(l: &Layout, lang: Locale) -> String {
    let mut s = format!("tp {} · pp {} · dp {}", l.tp, l.pp, l.dp.unwrap_or(0));
    if l.cp > 1 {
        s += &format!(" · cp {}", l.cp);
    }
    if l.ep > 1 {
        s += &format!(" · ep {}", l.ep);
        if let Some(e) = l.expert_tp {
            s += &format!(" · etp {e}");
        }
    }
    s += &format!(" · {} {}", Why::MicroBatch.t(lang), l.micro_batch);
    if l.interleave > 1 {
        s += &format!(" · {} {}", Why::Interleave.t(lang), l.interleave);
    }
    let recompute = match l.recompute {
        Recompute::None => Why::RecomputeNone,
        Recompute::Selective => Why::RecomputeSelective,
        Recompute::Full => Why::RecomputeFull,
    };
    s += &format!(" · {} {}", Why::Recompute.t(lang), recompute.t(lang));
    if let (Recompute::Full, Some(n)) = (l.recompute, l.recompute_layers) {
        s += &fill(Why::RecomputeLayers.t(lang), &[&n.to_string()]);
    }
    if l.sequence_parallel {
        s += Why::SequenceParallel.t(lang);
    }
    s += match l.effective_sharding() {
        Sharding::None => "",
        Sharding::Optimizer => Why::ShardOptimizer.t(lang),
        Sharding::Gradients => Why::ShardGradients.t(lang),
        Sharding::Full => Why::ShardFull.t(lang),
    };
    s
}

/// Why `best` beats `next`, in one or two sentences in `l`.
pub fn explain(best: &Prediction, next: Option<&Prediction>, l: Locale) -> String {
    let fr = l == Locale::Fr;
    // French writes decimal commas.
    let comma = |s: String| if fr { s.replace('.', ",") } else { s };
    let head = comma(fill(
        Why::Head.t(l),
        &[
            &describe_in(&best.layout, l),
            &format!("{:.3}", best.iteration_s),
            &format!("{:.1}", 100.0 * best.mfu),
        ],
    ));
    let Some(next) = next else {
        return fill(Why::OnlyLayout.t(l), &[&head]);
    };
    let mut diffs: Vec<(&str, f64)> = best
        .time
        .parts_in(l)
        .iter()
        .zip(next.time.parts_in(l))
        .map(|((name, a), (_, b))| (*name, b - a))
        .collect();
    diffs.sort_by(|a, b| b.1.total_cmp(&a.1));
    let num = |d: f64| comma(format!("{d:.3}"));
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
    let mut out = fill(
        Why::RunnerUp.t(l),
        &[
            &head,
            &describe_in(&next.layout, l),
            &comma(format!("{slower:.1}")),
        ],
    );
    if !costs.is_empty() {
        out += &fill(Why::Mostly.t(l), &[&costs.join(Why::And.t(l))]);
    }
    if !gains.is_empty() {
        out += &fill(Why::Saves.t(l), &[&gains.join("")]);
    }
    out.push('.');
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_text_is_written_in_both_languages() {
        assert_eq!(
            crate::text::keys::check(super::Why::ALL, super::Why::pair),
            Ok(())
        );
        // The performance model's errors.
        use crate::perf::{job::JobFails, layout::Rejected, model::Invalid};
        use crate::perf::{search::NoneFits, system::Unsourced};
        use crate::text::keys::check;
        assert_eq!(check(Rejected::ALL, Rejected::pair), Ok(()));
        assert_eq!(check(NoneFits::ALL, NoneFits::pair), Ok(()));
        assert_eq!(check(Unsourced::ALL, Unsourced::pair), Ok(()));
        assert_eq!(check(Invalid::ALL, Invalid::pair), Ok(()));
        assert_eq!(check(JobFails::ALL, JobFails::pair), Ok(()));
    }
}
