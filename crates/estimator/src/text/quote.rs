//! A sentence to quote: what an estimate or a checked claim says, in one sentence a journalist can
//! paste, with the link that reopens it (every input in the page's query string) and who to
//! credit. The page shows it under the answer, the Markdown export carries it, and the JS API
//! returns it (`quote(scenario, lang)`).
//!
//! ```
//! use zettaflop_estimator::{estimate, quote, Scenario};
//! use zettaflop_estimator::format::Locale;
//! let s = Scenario { claimed_duration_s: Some(43_200.0), ..Scenario::default() };
//! let q = quote::estimate(&s, &estimate(&s)?, Locale::En);
//! assert_eq!(q.text, "Training GPT-4 (2.1e25 FLOP) on 64,000 GB200 superchips would take about \
//!     1 day 22 hours at 40\u{a0}% utilization — not 12 hours, which would need 152\u{a0}% of the peak.");
//! assert!(q.query.unwrap().contains("model=gpt-4&hardware=gb200&count=64000"));
//! # Ok::<(), zettaflop_estimator::Error>(())
//! ```

use serde::Serialize;

use crate::catalog;
use crate::claim::{CheckReport, Claim, Reading, Verdict};
use crate::fields;
use crate::format::{self as fmt, Locale};
use crate::query;
use crate::text::keys::fill;
use crate::{
    CountUnit, HardwareChoice, Precision, Report, Scenario, Utilization, UtilizationBasis, Workload,
};

/// The sentence, its link and its credit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Quote {
    /// One sentence: the answer (or the verdict and its reason) with what it assumes.
    pub text: String,
    /// The page's query string with every input (no leading `?`): appended to the page's
    /// address, it reopens the same result. Absent when the page cannot express the input (a
    /// custom accelerator).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// Who to credit: Zettaflop and the publishers of the figures the sentence rests on.
    pub credit: String,
}

/// `n` followed by a singular or plural word.
fn count_of(n: f64, one: &str, many: &str, l: Locale) -> String {
    let text = fmt::sig3(n, l);
    let word = if n.abs() < 2.0 { one } else { many };
    format!("{text} {word}")
}

/// A duration in words, rounded as a reader says it: `1 day 22 hours`, `12 hours`, `95 days`,
/// `3.1 years`.
pub fn duration_words(seconds: f64, l: Locale) -> String {
    let (day, days) = (Says::Day.t(l), Says::Days.t(l));
    let (hour, hours) = (Says::Hour.t(l), Says::Hours.t(l));
    if !seconds.is_finite() {
        return "–".into();
    }
    if seconds < 3600.0 {
        let minutes = (seconds / 60.0).max(1.0).round();
        return count_of(minutes, "minute", "minutes", l);
    }
    let h = seconds / 3600.0;
    if h < 10.0 {
        return count_of((h * 10.0).round() / 10.0, hour, hours, l);
    }
    if h < 23.5 {
        return count_of(h.round(), hour, hours, l);
    }
    if h < 10.0 * 24.0 {
        let total = h.round();
        let (d, rest) = ((total / 24.0).floor(), total % 24.0);
        let d = count_of(d, day, days, l);
        return if rest == 0.0 {
            d
        } else {
            format!("{d} {}", count_of(rest, hour, hours, l))
        };
    }
    if h < 2.0 * 8766.0 {
        return count_of((h / 24.0).round(), day, days, l);
    }
    let y = h / 8766.0;
    count_of(y, Says::Year.t(l), Says::Years.t(l), l)
}

/// A compute in scientific notation, French decimal comma in French: `2.1e25` / `2,1e25`.
fn sci(v: f64, l: Locale) -> String {
    let s = fmt::compact(v);
    if l == Locale::Fr {
        s.replace('.', ",")
    } else {
        s
    }
}

/// A chip's everyday name: the catalog name without vendor, form factor and memory
/// (`NVIDIA H100 SXM5 80GB` → `H100`, `NVIDIA GB200 NVL72 (per Blackwell GPU)` → `GB200`).
pub fn chip_name(name: &str, vendor: &str) -> String {
    let name = name.split(" (").next().unwrap_or(name);
    let name = name.strip_prefix(vendor).unwrap_or(name).trim();
    let kept: Vec<&str> = name
        .split_whitespace()
        .filter(|w| {
            let form = w.starts_with("SXM")
                || w.starts_with("NVL")
                || *w == "PCIe"
                || *w == "HGX"
                || (w.ends_with("GB") && w[..w.len() - 2].bytes().all(|b| b.is_ascii_digit()));
            !form
        })
        .collect();
    if kept.is_empty() {
        name.to_string()
    } else {
        kept.join(" ")
    }
}

/// The chip of a report or claim: its everyday name and GPUs per package.
struct Chip {
    name: String,
    per_package: u32,
}

fn chip(choice: &HardwareChoice, report_name: &str) -> Chip {
    match choice {
        HardwareChoice::Id(id) => match catalog::accelerator(id) {
            Some(a) => Chip {
                name: chip_name(a.name, a.vendor),
                per_package: a.gpus_per_package,
            },
            None => Chip {
                name: report_name.to_string(),
                per_package: 1,
            },
        },
        HardwareChoice::Custom(c) => Chip {
            name: c.name.clone(),
            per_package: c.gpus_per_package,
        },
    }
}

/// `64,000 GB200 superchips` / `64 000 superpuces GB200`.
fn chips_phrase(count: f64, unit: CountUnit, c: &Chip, l: Locale) -> String {
    let n = fmt::grouped(count, 0, l);
    let one = count < 2.0;
    let (en, fr) = match unit {
        CountUnit::Package if c.per_package > 1 => (
            if one { "superchip" } else { "superchips" },
            if one { "superpuce" } else { "superpuces" },
        ),
        CountUnit::Rack => (
            if one { "rack" } else { "racks" },
            if one { "baie" } else { "baies" },
        ),
        _ => (if one { "GPU" } else { "GPUs" }, "GPU"),
    };
    fill(Says::ChipsPhrase.t(l), &[&n, &c.name, en, fr])
}

/// `GPT-4 (2.1e25 FLOP)` / `a 3.15e23 FLOP model`.
fn model_phrase(w: &Workload, flop: f64, l: Locale) -> String {
    match w {
        Workload::Preset(id) => {
            let name = catalog::model(id).map_or(id.as_str(), |m| m.name);
            format!("{name} ({} FLOP)", sci(flop, l))
        }
        _ => fill(Says::FlopModel.t(l), &[&sci(flop, l)]),
    }
}

/// The publisher of the first source each of the report's steps `ids` cites (the figure's main
/// source; the rest are in the link's "show the math"), once each.
fn publishers(report: &Report, ids: &[&str]) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for step in report.steps.iter().filter(|s| ids.contains(&s.id.as_str())) {
        let first = step.sources.iter().find_map(|id| catalog::source(id));
        if let Some(s) = first.filter(|s| !s.by.is_empty() && !out.contains(&s.by)) {
            out.push(s.by);
        }
    }
    out
}

fn credit(report: &Report, l: Locale) -> String {
    let by = publishers(report, &["training_flop", "peak_flop_per_s_per_gpu"]);
    if by.is_empty() {
        Says::SourceZettaflop.t(l).into()
    } else {
        fill(Says::SourceFiguresBy.t(l), &[&by.join(", ")])
    }
}

/// The page's inputs for `scenario` as `(key, value)`s, every one written out; `None` for a
/// custom accelerator (the page picks chips from the catalog only).
fn scenario_values(s: &Scenario, r: &Report) -> Option<Vec<(&'static str, String)>> {
    let HardwareChoice::Id(hw) = &s.hardware else {
        return None;
    };
    let mut v: Vec<(&'static str, String)> = Vec::new();
    let model = match &s.workload {
        Workload::Preset(id) => id.as_str(),
        Workload::Flop { .. } => "custom-flop",
        Workload::Params { .. } => "custom-params",
    };
    v.push(("model", model.into()));
    // The numbers from the field registry: the workload's, the count, then the others always
    // present, then the optional ones given.
    let given = |f: &fields::Field| Some((f.name?, f.link_text((f.value)(s)?)));
    v.extend(
        fields::ALL
            .iter()
            .copied()
            .filter(|f| f.is_workload())
            .filter_map(given),
    );
    let utilization = match s.utilization {
        Some(Utilization::Auto) => "auto".to_string(),
        _ if r.utilization_basis == UtilizationBasis::Predicted => "auto".to_string(),
        _ => fmt::compact(r.utilization),
    };
    v.extend([
        ("hardware", hw.clone()),
        ("count", fields::COUNT.link_text(s.count)),
        ("count-unit", s.count_unit.id().to_string()),
        ("precision", r.precision.id().to_string()),
        ("sparse", if r.sparse { "1" } else { "0" }.to_string()),
        ("utilization", utilization),
    ]);
    let rest = || {
        fields::ALL
            .iter()
            .copied()
            .filter(|f| !f.is_workload() && !matches!(f.key, "count" | "utilization"))
    };
    v.extend(rest().filter(|f| !f.optional).filter_map(given));
    v.extend(rest().filter(|f| f.optional).filter_map(given));
    Some(v)
}

fn query(mode: Option<&'static str>, values: Vec<(&'static str, String)>, l: Locale) -> String {
    query::write(mode, Some(l), false, &values)
}

/// The question an estimate answers, in words: "How long would it take to train GPT-4
/// (2.1e25 FLOP) on 64,000 GB200 superchips at 40 % utilization?"
pub fn question(scenario: &Scenario, report: &Report, l: Locale) -> String {
    let c = chip(&scenario.hardware, &report.hardware.name);
    let model = model_phrase(&scenario.workload, report.training_flop, l);
    let chips = chips_phrase(scenario.count, scenario.count_unit, &c, l);
    let u = fmt::percent(report.utilization, l);
    fill(Says::HowLongWouldIt.t(l), &[&model, &chips, &u])
}

/// The sentence for an estimate: "Training GPT-4 (2.1e25 FLOP) on 64,000 GB200 superchips would
/// take about 1 day 22 hours at 40 % utilization", and when a duration is claimed, whether it
/// holds ("— not 12 hours, which would need 152 % of the peak").
pub fn estimate(scenario: &Scenario, report: &Report, l: Locale) -> Quote {
    let c = chip(&scenario.hardware, &report.hardware.name);
    let model = model_phrase(&scenario.workload, report.training_flop, l);
    let chips = chips_phrase(scenario.count, scenario.count_unit, &c, l);
    let took = duration_words(report.duration_s, l);
    let u = fmt::percent(report.utilization, l);
    let mut text = fill(
        Says::TrainingWouldTakeAbout.t(l),
        &[&model, &chips, &took, &u],
    );
    if let (Some(claimed), Some(implied)) =
        (scenario.claimed_duration_s, report.implied_utilization)
    {
        let said = duration_words(claimed, l);
        let need = fmt::percent(implied, l);
        let tail = if implied > report.utilization {
            fill(Says::NotWhichWouldNeed.t(l), &[&said, &need])
        } else {
            fill(Says::ClaimedImpliesPeak.t(l), &[&said, &need])
        };
        text.push_str(&tail);
    }
    text.push('.');
    Quote {
        text,
        query: scenario_values(scenario, report).map(|v| query(None, v, l)),
        credit: credit(report, l),
    }
}

/// The reading a duration verdict rests on, if the report has one.
pub fn headline(report: &CheckReport) -> Option<&Reading> {
    report.headline.and_then(|i| report.readings.get(i))
}

/// What a reading assumes, in words: `FP8, dense peak, 128,000 GPUs` / `FP8, pic dense,
/// 128 000 GPU`.
pub fn assumes(r: &Reading, l: Locale) -> String {
    let gpus = fmt::grouped(r.gpus, 0, l);
    let p = r.precision.label();
    let key = if r.sparse {
        Says::AssumesSparse
    } else {
        Says::AssumesDense
    };
    fill(key.t(l), &[p, &gpus])
}

/// The dense readings beside the headline, as "what it assumes: 76 % — optimistic": the other
/// precisions at the headline's count first, then the other counts. (The sparse peaks, which
/// training does not use, are in the full list of readings.)
pub fn other_readings(report: &CheckReport, l: Locale) -> Vec<(String, Verdict)> {
    let Some(h) = headline(report) else {
        return Vec::new();
    };
    let mut others: Vec<&Reading> = report
        .readings
        .iter()
        .filter(|r| !std::ptr::eq(*r, h) && !r.sparse && r.implied_utilization.is_some())
        .collect();
    others.sort_by_key(|r| r.count_unit != h.count_unit);
    others
        .into_iter()
        .map(|r| {
            let u = fmt::percent(r.implied_utilization.unwrap_or_default(), l);
            let colon = Says::Colon.t(l);
            (
                format!("{}{colon} {u} — {}", assumes(r, l), r.verdict.label(l)),
                r.verdict,
            )
        })
        .collect()
}

/// The claim as a scenario at its headline reading's precision, for its compute, its sources
/// and its duration at the default utilization.
fn claim_scenario(claim: &Claim, precision: Precision) -> Option<Scenario> {
    Some(Scenario {
        workload: claim.workload.clone()?,
        hardware: claim.hardware.clone(),
        count: claim.count,
        count_unit: claim.count_unit,
        precision,
        utilization: Some(Utilization::Given(catalog::UTILIZATION_DEFAULT.value)),
        ..Scenario::default()
    })
}

/// The page's fact-check inputs for `claim`, every one written out.
fn claim_values(claim: &Claim) -> Option<Vec<(&'static str, String)>> {
    let HardwareChoice::Id(hw) = &claim.hardware else {
        return None;
    };
    let mut v: Vec<(&'static str, String)> = Vec::new();
    match claim.workload.as_ref()? {
        Workload::Preset(id) => v.push(("cl-model", id.clone())),
        Workload::Flop { flop } => {
            v.push(("cl-model", "custom-flop".into()));
            v.push(("cl-flop", fmt::compact(*flop)));
        }
        Workload::Params { .. } => return None,
    }
    v.extend([
        (
            "cl-duration",
            format!("{} s", fmt::compact(claim.duration_s?)),
        ),
        ("cl-count", fmt::compact(claim.count)),
        ("cl-count-unit", claim.count_unit.id().to_string()),
        ("cl-hardware", hw.clone()),
        (
            "cl-precision",
            claim
                .precision
                .map(|p| p.id().to_string())
                .unwrap_or_default(),
        ),
    ]);
    Some(v)
}

/// The sentence for a checked duration claim: "Training GPT-4 in 12 hours on 64,000 GB200
/// superchips is optimistic: it would need 152 % of the dense FP16 peak of 128,000 GPUs, and still
/// 59.3 % at the low end of the model's compute estimate. At a typical 40 % utilization it would
/// take about 1 day 22 hours." Other
/// claims (a peak, a site's power, a budget) quote the verdict and the report's reason. The claim
/// is restated in Zettaflop's words from its figures, so it is never put in quotation marks (those
/// are for an article's own words).
pub fn claim(claim: &Claim, report: &CheckReport, l: Locale) -> Quote {
    let verdict = report.verdict.label(l);
    let colon = Says::Colon.t(l);
    let h = headline(report);
    let scenario = h.and_then(|h| claim_scenario(claim, h.precision));
    let estimate = scenario
        .as_ref()
        .and_then(|s| crate::estimate_in(s, l).ok());
    let (Some(h), Some(s), Some(e), Some(d)) = (h, &scenario, &estimate, claim.duration_s) else {
        let text = fill(
            Says::ZettaflopFindsThisClaim.t(l),
            &[verdict, &report.reason],
        );
        return Quote {
            text,
            query: None,
            credit: Says::SourceZettaflop.t(l).to_string(),
        };
    };
    let c = chip(&claim.hardware, &e.hardware.name);
    let said = fill(
        Says::ModelInOn.t(l),
        &[
            &model_name(&s.workload, e.training_flop, l),
            &duration_words(d, l),
            &chips_phrase(claim.count, claim.count_unit, &c, l),
        ],
    );
    let u = fmt::percent(h.implied_utilization.unwrap_or_default(), l);
    let peak = peak_words(h, l);
    // Past 100 % at the central compute, only the low end of its estimate makes the claim
    // possible (claim::check's rule): the sentence says so.
    let low_end = h
        .implied_utilization_range
        .filter(|r| r.central > 1.0 && r.low <= 1.1)
        .map(|r| fmt::percent(r.low, l));
    let why = match report.verdict {
        Verdict::Impossible => Says::WouldNeedImpossible,
        Verdict::Optimistic if low_end.is_some() => Says::WouldNeedLowEnd,
        Verdict::Optimistic => Says::WouldNeedOptimistic,
        _ => Says::ImpliesWithin,
    };
    let why = fill(why.t(l), &[&u, &peak, &low_end.unwrap_or_default()]);
    let typical = fmt::percent(catalog::UTILIZATION_DEFAULT.value, l);
    let took = duration_words(e.duration_s, l);
    let text = fill(
        Says::TrainingTypicalUtilizationIt.t(l),
        &[&said, verdict, colon, &why, &typical, &took],
    );
    Quote {
        text,
        query: claim_values(claim).map(|v| query(Some("factcheck"), v, l)),
        credit: credit(e, l),
    }
}

/// A model's name for a claim: the preset's name, else its compute.
fn model_name(w: &Workload, flop: f64, l: Locale) -> String {
    match w {
        Workload::Preset(id) => catalog::model(id).map_or(id.clone(), |m| m.name.to_string()),
        _ => fill(Says::Flop.t(l), &[&sci(flop, l)]),
    }
}

/// `the dense FP16 peak of 128,000 GPUs` / `du pic FP16 dense de 128 000 GPU`.
fn peak_words(r: &Reading, l: Locale) -> String {
    let gpus = fmt::grouped(r.gpus, 0, l);
    let p = r.precision.label();
    let key = if r.sparse {
        Says::PeakOfSparse
    } else {
        Says::PeakOfDense
    };
    fill(key.t(l), &[p, &gpus])
}

crate::keys! {
    /// The sentences of this file, by key; `{}` (or `{N}`, the N-th) are the figures.
    pub(super) enum Says {
        Day => "day", "jour";
        Days => "days", "jours";
        Hour => "hour", "heure";
        Hours => "hours", "heures";
        Year => "year", "an";
        Years => "years", "ans";
        SourceFiguresBy => "Source: Zettaflop, from figures by {}",
            "Source\u{202f}: Zettaflop, d'après les chiffres de {}";
        AssumesDense => "{}, dense peak, {} GPUs", "{}, pic dense, {} GPU";
        AssumesSparse => "{}, sparse peak, {} GPUs", "{}, pic creux, {} GPU";
        Colon => ":", "\u{202f}:";
        WouldNeedImpossible => "it would need {} of {}, more than the chips can do",
            "il faudrait {} {}, plus que les puces ne peuvent fournir";
        WouldNeedLowEnd => "it would need {} of {}, and still {} at the low end of the model's compute estimate",
            "il faudrait {} {}, et encore {} au bas de l'estimation du calcul du modèle";
        WouldNeedOptimistic => "it would need {} of {}, beyond what published runs achieve",
            "il faudrait {} {}, au-delà des entraînements publiés";
        ImpliesWithin => "it implies {} of {}, within what published runs achieve",
            "cela suppose {} {}, dans ce qu'atteignent les entraînements publiés";
        PeakOfDense => "the dense {} peak of {} GPUs", "du pic {} dense de {} GPU";
        PeakOfSparse => "the sparse {} peak of {} GPUs", "du pic {} creux de {} GPU";
        ChipsPhrase => "{0} {1} {2}",
            "{0} {3} {1}";
        FlopModel => "a {} FLOP model",
            "un modèle de {} FLOP";
        HowLongWouldIt => "How long would it take to train {0} on {1} at {2} utilization?",
            "Combien de temps faudrait-il pour entraîner {0} sur {1} à {2} d'utilisation\u{202f}?";
        TrainingWouldTakeAbout => "Training {} on {} would take about {} at {} utilization",
            "Entraîner {} sur {} prendrait environ {} à {} d'utilisation";
        NotWhichWouldNeed => " — not {}, which would need {} of the peak",
            " — et non {}, qui demanderaient {} du pic";
        ClaimedImpliesPeak => "; the claimed {0} implies {1} of the peak",
            "\u{202f}; les {0} annoncées supposent {1} du pic";
        ZettaflopFindsThisClaim => "Zettaflop finds this claim {0}: {1}",
            "Pour Zettaflop, cette affirmation est {0}\u{202f}: {1}";
        SourceZettaflop => "Source: Zettaflop",
            "Source\u{202f}: Zettaflop";
        ModelInOn => "{} in {} on {}",
            "{} en {} sur {}";
        TrainingTypicalUtilizationIt => "Training {} is {}{} {}. At a typical {} utilization it would take about {}.",
            "Entraîner {} est {}{} {}. À une utilisation typique de {}, il faudrait environ {}.";
        Flop => "{} FLOP",
            "{} FLOP";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sentence_is_written_in_both_languages() {
        assert_eq!(crate::text::keys::check(Says::ALL, Says::pair), Ok(()));
    }

    #[test]
    fn durations_in_words() {
        assert_eq!(duration_words(164_062.5, Locale::En), "1 day 22 hours");
        assert_eq!(duration_words(164_062.5, Locale::Fr), "1 jour 22 heures");
        assert_eq!(duration_words(43_200.0, Locale::En), "12 hours");
        assert_eq!(duration_words(2.0 * 86_400.0, Locale::En), "2 days");
        assert_eq!(duration_words(95.0 * 86_400.0, Locale::Fr), "95 jours");
        assert_eq!(duration_words(5.5 * 3600.0, Locale::Fr), "5,5 heures");
        assert_eq!(duration_words(3600.0, Locale::En), "1 hour");
        assert_eq!(duration_words(90.0, Locale::En), "2 minutes");
    }

    #[test]
    fn everyday_chip_names() {
        assert_eq!(chip_name("NVIDIA H100 SXM5 80GB", "NVIDIA"), "H100");
        assert_eq!(
            chip_name("NVIDIA GB200 NVL72 (per Blackwell GPU)", "NVIDIA"),
            "GB200"
        );
        assert_eq!(chip_name("NVIDIA B200 (HGX 1000 W)", "NVIDIA"), "B200");
        assert_eq!(chip_name("Google TPU v5p", "Google"), "TPU v5p");
        assert_eq!(chip_name("AMD Instinct MI300X", "AMD"), "Instinct MI300X");
    }
}
