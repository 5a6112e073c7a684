//! The back-test: for every training run with compute, hardware, chip count and time, the
//! utilization it implies against the chip's dense peak, next to the reported MFU, with a
//! verdict and a reason when the figures cannot all be right.
//!
//! implied utilization = C / (chips × peak per chip × hours × 3600)
//!
//! The rows come from the core presets (`data/models.csv`) and, with the `full-catalog`
//! feature, from Epoch AI's notable-models table (a model that is also a core preset appears
//! once, as the core row).

pub mod asset;

use serde::Serialize;

use crate::catalog::{self, ModelPreset};
use crate::format::{self as fmt, Locale};
use crate::hardware::{CountUnit, Precision};

/// Below this the run implies less than 5 % of peak: count or time likely overstated.
pub const LOW: f64 = 0.05;
/// Above this the run implies more than any published large run (PaLM's HFU is 0.578).
pub const HIGH: f64 = 0.70;
/// Implied and reported utilization agree when within this many points (0.10 = 10 %).
pub const MFU_TOLERANCE: f64 = 0.10;

/// The peak a run is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum PeakFormat {
    /// FP64.
    #[serde(rename = "fp64")]
    Fp64,
    /// FP32 without tensor cores (older runs).
    #[serde(rename = "fp32")]
    Fp32,
    /// TF32 tensor.
    #[serde(rename = "tf32")]
    Tf32,
    /// 16-bit tensor (BF16 or FP16, whichever the chip has; the higher if both).
    #[serde(rename = "16-bit")]
    Sixteen,
    /// FP8 tensor.
    #[serde(rename = "fp8")]
    Fp8,
}

impl PeakFormat {
    /// Display name.
    pub fn id(self) -> &'static str {
        match self {
            PeakFormat::Fp64 => "fp64",
            PeakFormat::Fp32 => "fp32",
            PeakFormat::Tf32 => "tf32",
            PeakFormat::Sixteen => "16-bit",
            PeakFormat::Fp8 => "fp8",
        }
    }

    /// Reads Epoch's `Numerical format` (first listed format) or our precision names.
    pub fn parse(text: &str) -> Option<PeakFormat> {
        let first = text.split(',').next().unwrap_or("").trim();
        match first.to_ascii_lowercase().as_str() {
            "fp64" => Some(PeakFormat::Fp64),
            "fp32" => Some(PeakFormat::Fp32),
            "tf32" => Some(PeakFormat::Tf32),
            "bf16" | "fp16" => Some(PeakFormat::Sixteen),
            "fp8" => Some(PeakFormat::Fp8),
            _ => None,
        }
    }

    fn from_precision(p: Precision) -> PeakFormat {
        match p {
            Precision::Fp64 => PeakFormat::Fp64,
            Precision::Tf32 => PeakFormat::Tf32,
            Precision::Bf16 | Precision::Fp16 => PeakFormat::Sixteen,
            Precision::Fp8 | Precision::Fp4 => PeakFormat::Fp8,
        }
    }
}

const ALL_FORMATS: [PeakFormat; 5] = [
    PeakFormat::Fp64,
    PeakFormat::Fp32,
    PeakFormat::Tf32,
    PeakFormat::Sixteen,
    PeakFormat::Fp8,
];

/// Where a row comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// `data/models.csv`.
    Core,
    /// Epoch AI's notable-models table.
    Epoch,
}

/// What the implied utilization says about the row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Between [`LOW`] and [`HIGH`].
    Plausible,
    /// Below [`LOW`].
    Low,
    /// Between [`HIGH`] and 100 %.
    High,
    /// Above 100 % of the dense peak: the figures cannot all be right.
    Impossible,
    /// The chip has no figure for the run's format.
    NoPeak,
}

impl Verdict {
    /// Every verdict, in order of severity.
    pub const ALL: [Verdict; 5] = [
        Verdict::Plausible,
        Verdict::Low,
        Verdict::High,
        Verdict::Impossible,
        Verdict::NoPeak,
    ];

    /// The id in JSON and CSV: `plausible`, `low`, `high`, `impossible`, `no-peak`.
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Plausible => "plausible",
            Verdict::Low => "low",
            Verdict::High => "high",
            Verdict::Impossible => "impossible",
            Verdict::NoPeak => "no-peak",
        }
    }

    /// The verdict of an id.
    pub fn from_id(id: &str) -> Option<Verdict> {
        Verdict::ALL.into_iter().find(|v| v.id() == id)
    }

    /// The verdict in words.
    pub fn label(self, l: Locale) -> &'static str {
        match (self, l) {
            (Verdict::Plausible, _) => "plausible",
            (Verdict::Low, Locale::En) => "low",
            (Verdict::Low, Locale::Fr) => "bas",
            (Verdict::High, Locale::En) => "high",
            (Verdict::High, Locale::Fr) => "élevé",
            (Verdict::Impossible, _) => "impossible",
            (Verdict::NoPeak, Locale::En) => "no peak",
            (Verdict::NoPeak, Locale::Fr) => "pas de pic",
        }
    }
}

/// One run of the back-test.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BacktestRow {
    /// Preset id (core) or Epoch model id.
    pub id: &'static str,
    /// Model name.
    pub name: &'static str,
    /// Developer.
    pub organization: &'static str,
    /// Publication date.
    pub date: &'static str,
    /// Publication year.
    pub year: Option<u16>,
    /// Core preset or Epoch row.
    pub origin: Origin,
    /// Chip id (core or Epoch).
    pub hardware: &'static str,
    /// Chip name.
    pub hardware_name: &'static str,
    /// More than one chip type was listed; the first is used.
    pub mixed_hardware: bool,
    /// Chips (GPUs) in the run.
    pub chips: f64,
    /// Wall-clock hours.
    pub hours: f64,
    /// Training compute (FLOP).
    pub flop: f64,
    /// The peak the run is measured against.
    pub format: PeakFormat,
    /// The format was not stated and is assumed: 16-bit where the chip has a tensor unit for
    /// it, else FP32.
    pub format_assumed: bool,
    /// Dense peak per chip at that format (FLOP/s).
    pub peak_flop_per_s: Option<f64>,
    /// C / (chips × peak × seconds).
    pub implied_utilization: Option<f64>,
    /// Reported (or Epoch-derived) MFU.
    pub reported_mfu: Option<f64>,
    /// Whether implied and reported agree within [`MFU_TOLERANCE`].
    pub agrees_with_reported: Option<bool>,
    /// Verdict.
    pub verdict: Verdict,
    /// Why, for any verdict but plausible.
    pub reason: String,
    /// The row's own explanation (core `validity_note`), if any.
    pub note: &'static str,
    /// Epoch's confidence in the compute (`core` for core rows).
    pub confidence: &'static str,
}

/// A chip as the back-test sees it.
struct Chip {
    id: &'static str,
    name: &'static str,
    sparse: bool,
    /// Has a 16-bit tensor (matrix) unit, not only a vector FP16 rate.
    tensor16: bool,
    peaks: [Option<f64>; 5],
}

impl Chip {
    fn peak(&self, f: PeakFormat) -> Option<f64> {
        self.peaks[f as usize]
    }

    fn core(a: &'static catalog::Accelerator) -> Chip {
        let p = &a.peaks;
        let sixteen = match (p.bf16, p.fp16) {
            (Some(b), Some(h)) => Some(b.max(h)),
            (b, h) => b.or(h),
        };
        Chip {
            id: a.id,
            name: a.name,
            sparse: a.sparse,
            tensor16: sixteen.is_some(),
            peaks: [p.fp64, a.fp32, p.tf32, sixteen, p.fp8],
        }
    }

    #[cfg(feature = "full-catalog")]
    fn find(id: &str) -> Option<Chip> {
        if let Some(a) = catalog::accelerator(id) {
            return Some(Chip::core(a));
        }
        let c = crate::epoch::chip(id)?;
        Some(Chip {
            id: c.id,
            name: c.name,
            sparse: false,
            tensor16: c.tensor16.is_some(),
            peaks: [c.fp64, c.fp32, c.tf32, c.tensor16.or(c.fp16), None],
        })
    }

    /// The stated format, or 16-bit where the chip has a tensor unit for it, else FP32 (a
    /// chip without tensor cores trains in FP32: its vector FP16 rate is often a fraction).
    fn format(&self, stated: Option<PeakFormat>) -> (PeakFormat, bool) {
        match stated {
            Some(f) => (f, false),
            None if self.tensor16 => (PeakFormat::Sixteen, true),
            None if self.peak(PeakFormat::Fp32).is_some() => (PeakFormat::Fp32, true),
            None => (PeakFormat::Sixteen, true),
        }
    }
}

fn year(date: &str) -> Option<u16> {
    date.get(..4)?.parse().ok()
}

/// The inputs of one row before the verdict.
struct Run {
    id: &'static str,
    name: &'static str,
    organization: &'static str,
    date: &'static str,
    origin: Origin,
    chip: Chip,
    mixed: bool,
    chips: f64,
    hours: f64,
    flop: f64,
    stated: Option<PeakFormat>,
    reported_mfu: Option<f64>,
    note: &'static str,
    confidence: &'static str,
}

/// `x` as a whole percentage: `143 %` (English), `143\u{a0}%` (French).
fn pct(x: f64, l: Locale) -> String {
    match l {
        Locale::En => format!("{:.0} %", x * 100.0),
        Locale::Fr => format!("{}\u{a0}%", fmt::grouped(x * 100.0, 0, l)),
    }
}

/// The verdict and, for any verdict but plausible, why: in `l`.
fn judge(r: &Run, format: PeakFormat, u: Option<f64>, l: Locale) -> (Verdict, String) {
    let fr = l == Locale::Fr;
    let seconds = r.hours * 3600.0;
    let util = |p: f64| r.flop / (r.chips * p * seconds);
    match u {
        None => (
            Verdict::NoPeak,
            if fr {
                format!("{} n'a pas de chiffre {}", r.chip.name, format.id())
            } else {
                format!("{} has no {} figure", r.chip.name, format.id())
            },
        ),
        Some(u) if u > 1.0 => {
            let mut why = vec![if fr {
                format!("implique {} du pic {} dense", pct(u, l), format.id())
            } else {
                format!("implies {} of the dense {} peak", pct(u, l), format.id())
            }];
            let fits: Vec<&str> = ALL_FORMATS
                .into_iter()
                .filter(|f| *f != format && r.chip.peak(*f).is_some_and(|p| util(p) <= 1.0))
                .map(PeakFormat::id)
                .collect();
            if !fits.is_empty() {
                why.push(if fr {
                    format!("tient au pic {} : mauvaise précision ?", fits.join(" ou "))
                } else {
                    format!("fits at the {} peak: wrong precision?", fits.join(" or "))
                });
            }
            if r.chip.sparse && u / 2.0 <= 1.0 {
                why.push(if fr {
                    "ne tient qu'au pic creux 2:4 (2 × dense)".into()
                } else {
                    "fits only at the 2:4 sparse peak (2 × dense)".into()
                });
            }
            if r.hours < 24.0 * 14.0 {
                why.push(if fr {
                    format!(
                        "{} h, c'est court : la durée couvre peut-être une seule étape (réglage fin) alors que le calcul compte tout le modèle",
                        fmt::grouped(r.hours, 0, l)
                    )
                } else {
                    format!(
                        "{:.0} h is short: the time may cover one stage (fine-tuning) while the compute counts the whole model",
                        r.hours
                    )
                });
            }
            if r.mixed {
                why.push(if fr {
                    "matériel mixte : le nombre ne couvre peut-être qu'un type de puce".into()
                } else {
                    "mixed hardware: the count may cover one chip type only".into()
                });
            }
            why.push(if fr {
                "sinon le nombre de puces ou la durée est trop bas pour le calcul, ou le calcul trop haut".into()
            } else {
                "else the chip count or time is too low for the compute, or the compute too high".into()
            });
            (Verdict::Impossible, why.join(if fr { " ; " } else { "; " }))
        }
        Some(u) if u > HIGH => (
            Verdict::High,
            if fr {
                format!(
                    "implique {} du pic, plus que tout grand entraînement publié (HFU de PaLM : 58 %) : nombre ou durée sous-estimés, ou calcul surestimé",
                    pct(u, l)
                )
            } else {
                format!(
                    "implies {} of peak, above any published large run (PaLM's HFU 58 %): count or time undercounted, or compute overstated",
                    pct(u, l)
                )
            },
        ),
        Some(u) if u < LOW => (
            Verdict::Low,
            if fr {
                format!(
                    "implique {} du pic : nombre ou durée probablement surestimés (taille du cluster plutôt que puces utilisées ?), ou calcul sous-estimé",
                    pct(u, l)
                )
            } else {
                format!(
                    "implies {} of peak: count or time likely overstated (cluster size rather than chips used?), or compute understated",
                    pct(u, l)
                )
            },
        ),
        Some(_) => (Verdict::Plausible, String::new()),
    }
}

fn row(r: Run, l: Locale) -> BacktestRow {
    let (format, assumed) = r.chip.format(r.stated);
    let peak = r.chip.peak(format);
    let seconds = r.hours * 3600.0;
    let u = peak.map(|p| r.flop / (r.chips * p * seconds));
    let (verdict, reason) = judge(&r, format, u, l);
    let agrees = match (u, r.reported_mfu) {
        (Some(u), Some(m)) => Some((u - m).abs() <= MFU_TOLERANCE),
        _ => None,
    };
    BacktestRow {
        id: r.id,
        name: r.name,
        organization: r.organization,
        date: r.date,
        year: year(r.date),
        origin: r.origin,
        hardware: r.chip.id,
        hardware_name: r.chip.name,
        mixed_hardware: r.mixed,
        chips: r.chips,
        hours: r.hours,
        flop: r.flop,
        format,
        format_assumed: assumed,
        peak_flop_per_s: peak,
        implied_utilization: u,
        reported_mfu: r.reported_mfu,
        agrees_with_reported: agrees,
        verdict,
        reason,
        note: r.note,
        confidence: r.confidence,
    }
}

fn core_row(m: &'static ModelPreset, l: Locale) -> Option<BacktestRow> {
    let run = m.run?;
    let a = catalog::accelerator(run.hardware)?;
    let per = match run.count_unit {
        CountUnit::Chip => 1,
        CountUnit::Package => a.gpus_per_package,
        CountUnit::Rack => a.gpus_per_rack?,
    };
    Some(row(
        Run {
            id: m.id,
            name: m.name,
            organization: m.organization,
            date: m.date,
            origin: Origin::Core,
            chip: Chip::core(a),
            mixed: false,
            chips: run.count * f64::from(per),
            hours: run.duration_days * 24.0,
            flop: m.compute()?,
            stated: m.precision.map(PeakFormat::from_precision),
            reported_mfu: m.reported_mfu,
            note: m.validity_note,
            confidence: "core",
        },
        l,
    ))
}

#[cfg(feature = "full-catalog")]
fn epoch_row(m: &'static crate::epoch::EpochModel, l: Locale) -> Option<BacktestRow> {
    if m.core_id.is_some() {
        return None;
    }
    let first = m.hardware.first()?;
    Some(row(
        Run {
            id: m.id,
            name: m.name,
            organization: m.organization,
            date: m.date,
            origin: Origin::Epoch,
            chip: Chip::find(first)?,
            mixed: m.hardware.len() > 1,
            chips: m.hardware_count?,
            hours: m.hours?,
            flop: m.flop,
            stated: PeakFormat::parse(m.precision),
            reported_mfu: m.mfu,
            note: "",
            confidence: m.confidence,
        },
        l,
    ))
}

/// Every run with compute, hardware, count and time: core presets first, then (feature
/// `full-catalog`) Epoch's rows newest first, as the table lists them.
///
/// ```
/// use zettaflop_estimator::backtest::{backtest, Verdict};
/// let rows = backtest();
/// let gpt3 = rows.iter().find(|r| r.id == "gpt-3").unwrap();
/// assert!((gpt3.implied_utilization.unwrap() - 0.196).abs() < 0.001);
/// assert_eq!(gpt3.verdict, Verdict::Plausible);
/// ```
pub fn backtest() -> Vec<BacktestRow> {
    backtest_in(Locale::En)
}

/// [`backtest`] with the reasons written in `l`.
///
/// ```
/// use zettaflop_estimator::backtest::backtest_in;
/// use zettaflop_estimator::format::Locale;
/// let rows = backtest_in(Locale::Fr);
/// assert_eq!(rows.len(), zettaflop_estimator::backtest::backtest().len());
/// ```
pub fn backtest_in(l: Locale) -> Vec<BacktestRow> {
    let rows: Vec<BacktestRow> = catalog::MODELS
        .iter()
        .filter_map(|m| core_row(m, l))
        .collect();
    #[cfg(feature = "full-catalog")]
    let rows = {
        let mut rows = rows;
        rows.extend(
            crate::epoch::EPOCH_MODELS
                .iter()
                .filter_map(|m| epoch_row(m, l)),
        );
        rows
    };
    rows
}
