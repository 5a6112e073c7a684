//! Working a claim backwards: what a "model in N days on M chips" (or a quoted peak, a site's
//! power, a budget) implies under every reading that matters, and whether it holds.
//!
//! ```
//! use zettaflop_estimator::claim::{check, Claim, Verdict};
//! use zettaflop_estimator::format::Locale;
//! // "GPT-4 in 12 hours on 64,000 GB200": 152 % of the dense FP16 peak.
//! let claim: Claim = serde_json::from_str(r#"{"workload": "gpt-4", "duration_s": 43200,
//!     "count": 64000, "count_unit": "package", "hardware": "gb200", "precision": "fp16"}"#).unwrap();
//! let report = check(&claim, Locale::En)?;
//! assert_eq!(report.verdict, Verdict::Impossible);
//! # Ok::<(), zettaflop_estimator::Error>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::catalog::{
    self, BuiltinClaim, HOME_KWH_PER_YEAR, PUE_DEFAULT, UTILIZATION_DEFAULT, UTILIZATION_MAX_FP8,
    UTILIZATION_TYPICAL_HIGH, UTILIZATION_TYPICAL_LOW, UTILIZATION_WARNING,
};
use crate::error::{Error, ErrorKind};
use crate::estimate::HOURS_PER_YEAR;
use crate::format::{self as fmt, Locale};
use crate::hardware::{CountUnit, Hardware, HardwareChoice, Precision};
use crate::limits;
use crate::report::Range;
use crate::workload::Workload;

/// Two peaks closer than this (relative) are the same figure.
pub const PEAK_MATCH: f64 = 0.05;
/// A site's power may be exceeded by this much before a claim that fills it is impossible (the
/// all-in power per GPU itself is a ±10 % estimate).
pub const POWER_SLACK: f64 = 1.10;

/// A claim as the press makes it. Give at least one question: `workload` + `duration_s`,
/// `quoted_peak_flop_per_s`, `site_power_w` or `budget_usd`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// What was (or would be) trained.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workload: Option<Workload>,
    /// In how long.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_s: Option<f64>,
    /// How many chips the claim names.
    pub count: f64,
    /// As the claim counts them (the other readings are tried too).
    #[serde(default)]
    pub count_unit: CountUnit,
    /// Which chip.
    pub hardware: HardwareChoice,
    /// The precision the claim quotes, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precision: Option<Precision>,
    /// A peak the claim quotes for the whole cluster.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quoted_peak_flop_per_s: Option<f64>,
    /// A site power the claim says the chips fit in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site_power_w: Option<f64>,
    /// A budget the claim says buys the chips.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_usd: Option<f64>,
    /// PUE for the power question (default 1.2).
    #[serde(default = "default_pue")]
    pub pue: f64,
}

fn default_pue() -> f64 {
    PUE_DEFAULT.value
}

/// How a reading (or a claim) fares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Within what published runs achieve (or fits the power, the budget).
    Plausible,
    /// Physically possible, beyond any published run.
    Optimistic,
    /// Needs more than 100 % of the peak (or more power, more money than there is).
    Impossible,
    /// A quoted peak that matches the plain reading.
    Accurate,
    /// A quoted peak that matches only another reading (sparse, another precision or count).
    Misleading,
    /// A quoted peak that matches no reading.
    Wrong,
}

impl Verdict {
    /// The JSON name.
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Plausible => "plausible",
            Verdict::Optimistic => "optimistic",
            Verdict::Impossible => "impossible",
            Verdict::Accurate => "accurate",
            Verdict::Misleading => "misleading",
            Verdict::Wrong => "wrong",
        }
    }

    /// 0 = fine, 1 = doubtful, 2 = false.
    pub fn severity(self) -> u8 {
        match self {
            Verdict::Plausible | Verdict::Accurate => 0,
            Verdict::Optimistic | Verdict::Misleading => 1,
            Verdict::Impossible | Verdict::Wrong => 2,
        }
    }

    /// The word in `l`.
    pub fn label(self, l: Locale) -> &'static str {
        match (self, l) {
            (Verdict::Plausible, Locale::En) => "plausible",
            (Verdict::Plausible, Locale::Fr) => "plausible",
            (Verdict::Optimistic, Locale::En) => "optimistic",
            (Verdict::Optimistic, Locale::Fr) => "optimiste",
            (Verdict::Impossible, Locale::En) => "impossible",
            (Verdict::Impossible, Locale::Fr) => "impossible",
            (Verdict::Accurate, Locale::En) => "accurate",
            (Verdict::Accurate, Locale::Fr) => "exact",
            (Verdict::Misleading, Locale::En) => "misleading",
            (Verdict::Misleading, Locale::Fr) => "trompeur",
            (Verdict::Wrong, Locale::En) => "wrong",
            (Verdict::Wrong, Locale::Fr) => "faux",
        }
    }
}

/// One way of reading the claim's chips: a count unit, a precision, dense or sparse.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Reading {
    /// The count read as chips (GPUs), packages or racks.
    pub count_unit: CountUnit,
    /// GPUs under that reading.
    pub gpus: f64,
    /// Precision.
    pub precision: Precision,
    /// Sparse peak or dense.
    pub sparse: bool,
    /// Cluster peak under this reading.
    pub peak_flop_per_s: f64,
    /// For a duration claim: C / (peak × duration).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implied_utilization: Option<f64>,
    /// For a duration claim: implied utilization ≤ 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub physically_possible: Option<bool>,
    /// For a quoted peak: whether this reading gives it (within 5 %).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matches_quoted_peak: Option<bool>,
    /// How the reading fares.
    pub verdict: Verdict,
    /// Why, in one sentence.
    pub reason: String,
}

/// Whether the chips fit in a site's power.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PowerCheck {
    /// The site power the claim gives.
    pub site_power_w: f64,
    /// GPUs that power holds at the catalog's all-in power and the PUE.
    pub gpus_supported: f64,
    /// Average US homes drawing the same power.
    pub homes: f64,
    /// Per count reading: the power the chips need.
    pub readings: Vec<CountReading>,
    /// Best reading's verdict.
    pub verdict: Verdict,
    /// Why.
    pub reason: String,
}

/// Whether a budget buys the chips.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BudgetCheck {
    /// The budget the claim gives.
    pub budget_usd: f64,
    /// GPUs it buys at the catalog's purchase price (chips only).
    pub gpus_affordable: f64,
    /// Per count reading: what the chips cost.
    pub readings: Vec<CountReading>,
    /// Best reading's verdict.
    pub verdict: Verdict,
    /// Why.
    pub reason: String,
}

/// A count reading for the power and budget questions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CountReading {
    /// The count read as.
    pub count_unit: CountUnit,
    /// GPUs.
    pub gpus: f64,
    /// Power needed (W) or cost (USD).
    pub needed: f64,
    /// Needed / available.
    pub ratio: f64,
    /// Verdict.
    pub verdict: Verdict,
}

/// The answer to a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CheckReport {
    /// Training compute of the workload, for a duration claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub training_flop: Option<f64>,
    /// The claimed duration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_s: Option<f64>,
    /// Every reading of the chips (with implied utilization for a duration claim, peak match
    /// for a quoted peak).
    pub readings: Vec<Reading>,
    /// Duration at typical utilization (30 / 40 / 45 %) on the plain reading (dense, the quoted
    /// or 16-bit precision, the count as given): high, central, low.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_at_typical_s: Option<Range>,
    /// For a duration claim: the index in `readings` of the reading its verdict rests on (dense,
    /// at the quoted precision, or at the usual 16-bit training precision when none is quoted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<usize>,
    /// The power question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub power: Option<PowerCheck>,
    /// The budget question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<BudgetCheck>,
    /// The claim's verdict: the most severe of its questions.
    pub verdict: Verdict,
    /// Why, in one or two sentences.
    pub reason: String,
}

fn unit_word(u: CountUnit, h: &Hardware, l: Locale) -> String {
    match (u, l) {
        (CountUnit::Chip, Locale::En) => "GPUs".into(),
        (CountUnit::Chip, Locale::Fr) => "GPU".into(),
        (CountUnit::Package, Locale::En) if h.gpus_per_package > 1 => {
            format!("superchips of {} GPUs", h.gpus_per_package)
        }
        (CountUnit::Package, Locale::Fr) if h.gpus_per_package > 1 => {
            format!("superpuces de {} GPU", h.gpus_per_package)
        }
        (CountUnit::Package, Locale::En) => "packages".into(),
        (CountUnit::Package, Locale::Fr) => "boîtiers".into(),
        (CountUnit::Rack, Locale::En) => "racks".into(),
        (CountUnit::Rack, Locale::Fr) => "baies".into(),
    }
}

fn peak_name(p: Precision, sparse: bool, l: Locale) -> String {
    let p = p.label();
    match (sparse, l) {
        (false, Locale::En) => format!("dense {p}"),
        (true, Locale::En) => format!("sparse {p}"),
        (false, Locale::Fr) => format!("{p} dense"),
        (true, Locale::Fr) => format!("{p} creux (sparse)"),
    }
}

/// The count readings worth trying: as given, and GPUs vs superchips where a package holds
/// several GPUs.
fn count_units(given: CountUnit, h: &Hardware) -> Vec<CountUnit> {
    let mut v = vec![given];
    if h.gpus_per_package > 1 {
        for u in [CountUnit::Package, CountUnit::Chip] {
            if !v.contains(&u) {
                v.push(u);
            }
        }
    }
    v
}

/// The precisions worth trying for training: the quoted one, 16-bit, FP8, FP4.
fn precisions(quoted: Option<Precision>, h: &Hardware) -> Vec<Precision> {
    let sixteen = if h.peaks.bf16.is_some() {
        Precision::Bf16
    } else {
        Precision::Fp16
    };
    let mut v: Vec<Precision> = quoted.into_iter().collect();
    for p in [sixteen, Precision::Fp8, Precision::Fp4] {
        let same_class = v.iter().any(|q| {
            matches!(
                (q, p),
                (
                    Precision::Bf16 | Precision::Fp16,
                    Precision::Bf16 | Precision::Fp16
                )
            )
        });
        if h.peaks.get(p).is_some() && !v.contains(&p) && !same_class {
            v.push(p);
        }
    }
    v
}

fn is_sixteen(p: Precision) -> bool {
    matches!(p, Precision::Bf16 | Precision::Fp16)
}

/// The highest utilization published runs reach at `p` (None: no published frontier run).
fn max_observed(p: Precision) -> Option<f64> {
    match p {
        Precision::Fp8 => Some(UTILIZATION_MAX_FP8.value),
        Precision::Fp4 => None,
        _ => Some(UTILIZATION_WARNING.value),
    }
}

fn duration_verdict(u: f64, p: Precision, sparse: bool, l: Locale) -> (Verdict, String) {
    let pct = fmt::percent(u, l);
    if u > 1.0 {
        let s = match l {
            Locale::En => format!("needs {pct} of the peak: more than the chips can do"),
            Locale::Fr => format!("demande {pct} du pic : plus que les puces ne peuvent fournir"),
        };
        return (Verdict::Impossible, s);
    }
    if sparse {
        let s = match l {
            Locale::En => format!("{pct} of a sparse peak, which training does not use (it needs 2:4 sparse weights)"),
            Locale::Fr => format!("{pct} d'un pic creux, que l'entraînement n'utilise pas (il faut des poids creux 2:4)"),
        };
        return (Verdict::Optimistic, s);
    }
    match max_observed(p) {
        None => {
            let s = match l {
                Locale::En => format!(
                    "{pct} of the FP4 peak; no frontier model is known to have been trained in FP4"
                ),
                Locale::Fr => format!(
                    "{pct} du pic FP4 ; aucun modèle de pointe connu n'a été entraîné en FP4"
                ),
            };
            (Verdict::Optimistic, s)
        }
        Some(max) if u > max => {
            let s = match l {
                Locale::En => format!("{pct} of the peak, beyond the best published runs (about {} at this precision)", fmt::percent(max, l)),
                Locale::Fr => format!("{pct} du pic, au-delà des meilleurs entraînements publiés (environ {} à cette précision)", fmt::percent(max, l)),
            };
            (Verdict::Optimistic, s)
        }
        Some(_) => {
            let s = match l {
                Locale::En => format!("{pct} of the peak, within what published runs achieve"),
                Locale::Fr => {
                    format!("{pct} du pic, dans ce qu'atteignent les entraînements publiés")
                }
            };
            (Verdict::Plausible, s)
        }
    }
}

fn reading_label(r: &Reading, h: &Hardware, l: Locale) -> String {
    format!(
        "{} {}, {}",
        fmt::grouped(r.gpus, 0, l),
        unit_word(CountUnit::Chip, h, l),
        peak_name(r.precision, r.sparse, l)
    )
}

/// Checks a claim.
///
/// # Errors
/// Nothing to check, an unknown id, a number out of range (field named as in the claim JSON).
pub fn check(claim: &Claim, l: Locale) -> Result<CheckReport, Error> {
    let h = claim.hardware.resolve()?;
    let count = limits::COUNT.check("count", claim.count)?;
    let pue = limits::PUE.check("pue", claim.pue)?;
    h.gpus_per(claim.count_unit)?;
    if let Some(p) = claim.precision {
        h.peak_per_gpu(p, false)?;
    }
    let duration_question = match (&claim.workload, claim.duration_s) {
        (Some(w), Some(d)) => Some((
            w.compute()?.flop,
            limits::DURATION_S.check("duration_s", d)?,
        )),
        (Some(_), None) => {
            return Err(Error::new(
                "duration_s",
                ErrorKind::Missing {
                    hint: "a duration claim needs duration_s".into(),
                    fr: "une affirmation de durée demande duration_s".into(),
                },
            ))
        }
        (None, Some(_)) => {
            return Err(Error::new(
                "workload",
                ErrorKind::Missing {
                    hint: "a duration claim needs a workload".into(),
                    fr: "une affirmation de durée demande un modèle (workload)".into(),
                },
            ))
        }
        (None, None) => None,
    };
    let quoted = claim
        .quoted_peak_flop_per_s
        .map(|q| limits::FLOP.check("quoted_peak_flop_per_s", q))
        .transpose()?;
    if duration_question.is_none()
        && quoted.is_none()
        && claim.site_power_w.is_none()
        && claim.budget_usd.is_none()
    {
        return Err(Error::new(
            "claim",
            ErrorKind::Missing {
                hint: "nothing to check: give workload and duration_s, quoted_peak_flop_per_s, site_power_w or budget_usd".into(),
                fr: "rien à vérifier : donnez workload et duration_s, quoted_peak_flop_per_s, site_power_w ou budget_usd".into(),
            },
        ));
    }

    let units = count_units(claim.count_unit, &h);
    let sixteen = if h.peaks.bf16.is_some() {
        Precision::Bf16
    } else {
        Precision::Fp16
    };
    let plain_precision = claim.precision.unwrap_or(sixteen);
    let mut readings = Vec::new();
    for &unit in &units {
        let gpus = count * f64::from(h.gpus_per(unit)?);
        for p in precisions(claim.precision, &h) {
            for sparse in [false, true] {
                let Ok(peak_gpu) = h.peak_per_gpu(p, sparse) else {
                    continue;
                };
                let peak = gpus * peak_gpu;
                let mut r = Reading {
                    count_unit: unit,
                    gpus,
                    precision: p,
                    sparse,
                    peak_flop_per_s: peak,
                    implied_utilization: None,
                    physically_possible: None,
                    matches_quoted_peak: None,
                    verdict: Verdict::Plausible,
                    reason: String::new(),
                };
                if let Some((flop, t)) = duration_question {
                    let u = flop / (peak * t);
                    let (v, why) = duration_verdict(u, p, sparse, l);
                    r.implied_utilization = Some(u);
                    r.physically_possible = Some(u <= 1.0);
                    r.verdict = v;
                    r.reason = why;
                }
                if let Some(q) = quoted {
                    let m = (peak / q - 1.0).abs() <= PEAK_MATCH;
                    r.matches_quoted_peak = Some(m);
                    if duration_question.is_none() {
                        let plain = unit == claim.count_unit && !sparse && p == plain_precision;
                        r.verdict = match (m, plain) {
                            (true, true) => Verdict::Accurate,
                            (true, false) => Verdict::Misleading,
                            (false, _) => Verdict::Wrong,
                        };
                        r.reason = match (m, l) {
                            (true, Locale::En) => format!("gives {}", fmt::flops(peak, l)),
                            (true, Locale::Fr) => format!("donne {}", fmt::flops(peak, l)),
                            (false, Locale::En) => {
                                format!("gives {}, not the quoted figure", fmt::flops(peak, l))
                            }
                            (false, Locale::Fr) => {
                                format!("donne {}, pas le chiffre cité", fmt::flops(peak, l))
                            }
                        };
                    }
                }
                readings.push(r);
            }
        }
    }

    let mut sections: Vec<(Verdict, String)> = Vec::new();
    let mut duration_at_typical_s = None;
    let mut headline = None;
    if let Some((flop, _)) = duration_question {
        // The verdict reads the claim as favourably as training allows at one precision: dense,
        // at the quoted precision (or the usual 16-bit training precision when none is quoted;
        // the other precisions are readings beside it), under any count reading.
        let eligible = |(_, r): &(usize, &Reading)| {
            let p = claim.precision.unwrap_or(plain_precision);
            !r.sparse && (r.precision == p || (is_sixteen(p) && is_sixteen(r.precision)))
        };
        let best = readings
            .iter()
            .enumerate()
            .filter(eligible)
            .min_by(|(_, a), (_, b)| {
                a.verdict.severity().cmp(&b.verdict.severity()).then(
                    a.implied_utilization
                        .partial_cmp(&b.implied_utilization)
                        .unwrap_or(std::cmp::Ordering::Equal),
                )
            });
        if let Some((i, b)) = best {
            headline = Some(i);
            let plain = readings.iter().find(|r| {
                r.count_unit == claim.count_unit && !r.sparse && r.precision == plain_precision
            });
            let colon = if l == Locale::Fr { " : " } else { ": " };
            let mut why = format!("{}{colon}{}.", reading_label(b, &h, l), b.reason);
            if let Some(fp8) = readings.iter().find(|r| {
                b.verdict == Verdict::Impossible
                    && r.count_unit == b.count_unit
                    && !r.sparse
                    && r.precision == Precision::Fp8
            }) {
                why.push_str(&match l {
                    Locale::En => format!(" Even in FP8: {}.", fp8.reason),
                    Locale::Fr => format!(" Même en FP8 : {}.", fp8.reason),
                });
            }
            sections.push((b.verdict, why));
            if let Some(p) = plain {
                let at = |u: f64| flop / (p.peak_flop_per_s * u);
                let range = Range {
                    low: at(UTILIZATION_TYPICAL_HIGH.value),
                    central: at(UTILIZATION_DEFAULT.value),
                    high: at(UTILIZATION_TYPICAL_LOW.value),
                };
                duration_at_typical_s = Some(range);
            }
        }
    }
    if quoted.is_some() && duration_question.is_none() {
        let verdict = readings
            .iter()
            .map(|r| r.verdict)
            .min_by_key(|v| v.severity())
            .unwrap_or(Verdict::Wrong);
        let matching: Vec<String> = readings
            .iter()
            .filter(|r| r.matches_quoted_peak == Some(true))
            .map(|r| reading_label(r, &h, l))
            .collect();
        let plain = readings.iter().find(|r| {
            r.count_unit == claim.count_unit && !r.sparse && r.precision == plain_precision
        });
        let plain_peak = plain
            .map(|r| fmt::flops(r.peak_flop_per_s, l))
            .unwrap_or_default();
        let why = match (verdict, l) {
            (Verdict::Accurate, Locale::En) => format!("the quoted peak is the dense {} peak that training uses.", plain_precision.label()),
            (Verdict::Accurate, Locale::Fr) => format!("le pic cité est le pic {} dense qu'utilise l'entraînement.", plain_precision.label()),
            (Verdict::Misleading, Locale::En) => format!("the quoted figure is only reached as: {}. The dense {} peak that training uses is {plain_peak}.", matching.join("; "), plain_precision.label()),
            (Verdict::Misleading, Locale::Fr) => format!("le chiffre cité n'est atteint qu'ainsi : {}. Le pic {} dense qu'utilise l'entraînement est de {plain_peak}.", matching.join(" ; "), plain_precision.label()),
            (_, Locale::En) => format!("no reading gives the quoted figure; the dense {} peak is {plain_peak}.", plain_precision.label()),
            (_, Locale::Fr) => format!("aucune lecture ne donne le chiffre cité ; le pic {} dense est de {plain_peak}.", plain_precision.label()),
        };
        sections.push((verdict, why));
    }

    let power = match claim.site_power_w {
        Some(site) => {
            let site = limits::SITE_POWER_W.check("site_power_w", site)?;
            let per_gpu = h.all_in_w * pue;
            let rs: Vec<CountReading> = units
                .iter()
                .filter_map(|&u| h.gpus_per(u).ok().map(|n| (u, count * f64::from(n))))
                .map(|(u, gpus)| {
                    let needed = gpus * per_gpu;
                    let ratio = needed / site;
                    let verdict = if ratio <= 1.0 {
                        Verdict::Plausible
                    } else if ratio <= POWER_SLACK {
                        Verdict::Optimistic
                    } else {
                        Verdict::Impossible
                    };
                    CountReading {
                        count_unit: u,
                        gpus,
                        needed,
                        ratio,
                        verdict,
                    }
                })
                .collect();
            let best = rs
                .iter()
                .min_by(|a, b| {
                    a.ratio
                        .partial_cmp(&b.ratio)
                        .unwrap_or(std::cmp::Ordering::Equal)
                })
                .cloned();
            let verdict = best
                .as_ref()
                .map(|b| b.verdict)
                .unwrap_or(Verdict::Impossible);
            let supported = (site / per_gpu).floor();
            let mut why = match l {
                Locale::En => format!(
                    "{} holds about {} GPUs at {} per GPU and PUE {}.",
                    fmt::si(site, "W", l),
                    fmt::big(supported, l),
                    fmt::si(h.all_in_w, "W", l),
                    fmt::sig3(pue, l)
                ),
                Locale::Fr => format!(
                    "{} alimente environ {} GPU à {} par GPU et un PUE de {}.",
                    fmt::si(site, "W", l),
                    fmt::big(supported, l),
                    fmt::si(h.all_in_w, "W", l),
                    fmt::sig3(pue, l)
                ),
            };
            for r in &rs {
                why.push_str(&match l {
                    Locale::En => format!(
                        " As {} {}: {} needed ({}).",
                        fmt::big(count, l),
                        unit_word(r.count_unit, &h, l),
                        fmt::si(r.needed, "W", l),
                        r.verdict.label(l)
                    ),
                    Locale::Fr => format!(
                        " En {} {} : {} nécessaires ({}).",
                        fmt::big(count, l),
                        unit_word(r.count_unit, &h, l),
                        fmt::si(r.needed, "W", l),
                        r.verdict.label(l)
                    ),
                });
            }
            sections.push((verdict, why.clone()));
            let home_w = HOME_KWH_PER_YEAR.value * 1000.0 / HOURS_PER_YEAR;
            Some(PowerCheck {
                site_power_w: site,
                gpus_supported: supported,
                homes: site / home_w,
                readings: rs,
                verdict,
                reason: why,
            })
        }
        None => None,
    };

    let budget = match claim.budget_usd {
        Some(b) => {
            let b = limits::BUDGET_USD.check("budget_usd", b)?;
            let price = catalog::accelerator(&h.id)
                .and_then(|a| a.usd_purchase_per_chip)
                .ok_or_else(|| {
                    Error::new(
                        "hardware",
                        ErrorKind::Unsupported {
                            reason: format!("{} has no purchase price in the catalog", h.name),
                            fr: format!("{} n'a pas de prix d'achat dans le catalogue", h.name),
                        },
                    )
                })?;
            let rs: Vec<CountReading> = units
                .iter()
                .filter_map(|&u| h.gpus_per(u).ok().map(|n| (u, count * f64::from(n))))
                .map(|(u, gpus)| {
                    let needed = gpus * price;
                    let ratio = needed / b;
                    CountReading {
                        count_unit: u,
                        gpus,
                        needed,
                        ratio,
                        verdict: if ratio <= 1.0 {
                            Verdict::Plausible
                        } else {
                            Verdict::Impossible
                        },
                    }
                })
                .collect();
            let verdict = rs
                .iter()
                .map(|r| r.verdict)
                .min_by_key(|v| v.severity())
                .unwrap_or(Verdict::Impossible);
            let affordable = (b / price).floor();
            let mut why = match l {
                Locale::En => format!("{} buys about {} GPUs at {} each (chips only, no buildings or power).", fmt::usd(b, l), fmt::big(affordable, l), fmt::usd(price, l)),
                Locale::Fr => format!("{} achètent environ {} GPU à {} pièce (puces seules, sans bâtiments ni énergie).", fmt::usd(b, l), fmt::big(affordable, l), fmt::usd(price, l)),
            };
            for r in &rs {
                why.push_str(&match l {
                    Locale::En => format!(
                        " As {} {}: {} in chips, {} of the budget.",
                        fmt::big(count, l),
                        unit_word(r.count_unit, &h, l),
                        fmt::usd(r.needed, l),
                        fmt::percent(r.ratio, l)
                    ),
                    Locale::Fr => format!(
                        " En {} {} : {} de puces, {} du budget.",
                        fmt::big(count, l),
                        unit_word(r.count_unit, &h, l),
                        fmt::usd(r.needed, l),
                        fmt::percent(r.ratio, l)
                    ),
                });
            }
            sections.push((verdict, why.clone()));
            Some(BudgetCheck {
                budget_usd: b,
                gpus_affordable: affordable,
                readings: rs,
                verdict,
                reason: why,
            })
        }
        None => None,
    };

    let (verdict, _) = sections
        .iter()
        .max_by_key(|(v, _)| v.severity())
        .cloned()
        .unwrap_or((Verdict::Wrong, String::new()));
    let reason = sections
        .iter()
        .map(|(_, s)| s.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Ok(CheckReport {
        training_flop: duration_question.map(|(f, _)| f),
        duration_s: duration_question.map(|(_, t)| t),
        readings,
        duration_at_typical_s,
        headline,
        power,
        budget,
        verdict,
        reason,
    })
}

impl BuiltinClaim {
    /// The claim as the JSON contract states it.
    pub fn claim(&self) -> Claim {
        Claim {
            workload: self.workload.map(|w| Workload::Preset(w.into())),
            duration_s: self.duration_days.map(|d| d * 86_400.0),
            count: self.count,
            count_unit: self.count_unit,
            hardware: HardwareChoice::Id(self.hardware.into()),
            precision: self.precision,
            quoted_peak_flop_per_s: self.quoted_peak_flop_per_s,
            site_power_w: self.site_power_w,
            budget_usd: self.budget_usd,
            pue: PUE_DEFAULT.value,
        }
    }

    /// The title in `l`.
    pub fn title(&self, l: Locale) -> &'static str {
        match l {
            Locale::En => self.title_en,
            Locale::Fr => self.title_fr,
        }
    }
}
