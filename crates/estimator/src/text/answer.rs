//! The calculator's answer card as text: the question, the duration with its range, what it
//! trains on what, the three figures a reader asks next (GPUs, energy, cost) and the sentence to
//! quote. One function writes them for every view of the card: the page's components and the
//! light module that answers before the page's app is loaded (`crates/live`).
//!
//! ```
//! use zettaflop_estimator::{answer, estimate, Scenario};
//! use zettaflop_estimator::format::Locale;
//! let s = Scenario::default();
//! let card = answer::card(&s, &estimate(&s)?, Locale::En);
//! assert_eq!(card.duration, "1 d 21.6 h");
//! assert!(card.range.starts_with("range ") && card.range.contains(" to "));
//! assert_eq!(card.gpus, "128,000");
//! # Ok::<(), zettaflop_estimator::Error>(())
//! ```

use crate::format::{self as fmt, Locale};
use crate::names;
use crate::quote::{self, Quote};
use crate::text::keys::fill;
use crate::{Range, Report, Scenario};

crate::keys! {
    /// The card's sentences.
    pub struct A {
        TrainSentence => "to train {} FLOP on {} GPUs ({}) at {} of the {} peak", "pour entraîner {} FLOP sur {} GPU ({}) à {} du pic {}";
        Range => "range {} to {}", "fourchette de {} à {}";
        DensePeak => "dense {}", "{} dense";
        SparsePeak => "sparse {}", "{} creux";
        Pending => "Updating these figures for your change…", "Mise à jour de ces chiffres pour votre changement…";
    }
}

/// Every text of the card, in one language, and the raw values its figures carry
/// (`data-value` in the page).
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    /// The question in words.
    pub question: String,
    /// The training time.
    pub duration: String,
    /// "range X to Y", empty when the range is a point.
    pub range: String,
    /// "to train … FLOP on … GPUs (…) at … of the … peak".
    pub train: String,
    /// GPUs.
    pub gpus: String,
    /// Facility energy.
    pub energy: String,
    /// Total cost.
    pub cost: String,
    /// The sentence to quote.
    pub quote: Quote,
    /// Raw values: seconds, GPUs, joules, dollars.
    pub values: [f64; 4],
}

/// The card for a scenario and its report.
pub fn card(s: &Scenario, r: &Report, l: Locale) -> Card {
    Card {
        question: quote::question(s, r, l),
        duration: fmt::duration(r.duration_s, l),
        range: range(&r.ranges.duration_s, |x| fmt::duration(x, l), l).unwrap_or_default(),
        train: train_sentence(r, l),
        gpus: fmt::grouped(r.gpus, 0, l),
        energy: fmt::energy(r.energy_j, l),
        cost: fmt::usd(r.cost_usd.total, l),
        quote: quote::estimate(s, r, l),
        values: [r.duration_s, r.gpus, r.energy_j, r.cost_usd.total],
    }
}

/// "range X to Y" for a range that is not a point.
pub fn range(r: &Range, show: impl Fn(f64) -> String, l: Locale) -> Option<String> {
    (r.low < r.high).then(|| fill(A::Range.t(l), &[&show(r.low), &show(r.high)]))
}

/// "dense BF16" / "sparse FP8": which peak a figure is a share of.
pub fn peak_kind(sparse: bool, precision: &str, l: Locale) -> String {
    let k = if sparse { A::SparsePeak } else { A::DensePeak };
    fill(k.t(l), &[precision])
}

/// "to train 2.1e25 FLOP on 128,000 GPUs (…) at 40 % of the dense BF16 peak".
pub fn train_sentence(r: &Report, l: Locale) -> String {
    let flop = fmt::compact(r.training_flop);
    let flop = if l == Locale::Fr {
        flop.replace('.', ",")
    } else {
        flop
    };
    fill(
        A::TrainSentence.t(l),
        &[
            &flop,
            &fmt::grouped(r.gpus, 0, l),
            &names::name_in(&r.hardware.name, l),
            &fmt::percent(r.utilization, l),
            &peak_kind(r.sparse, r.precision.label(), l),
        ],
    )
}
