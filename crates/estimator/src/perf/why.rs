//! A layout and a search's winner in words: the layout in one line, and why the best beats
//! the runner-up.

use crate::format::Locale;

use super::layout::{Layout, Recompute, Sharding};
use super::predict::Prediction;

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
