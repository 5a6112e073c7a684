//! The report's headline figures as the exports write them: a table of definitions (key, label
//! in both languages, unit, where the value is in the report, how it reads), in the page's order.

use crate::format::{self as fmt, Locale};
use crate::scaling::text;
use crate::text::keys::fill;
use crate::{Range, Report};

/// A headline figure of the report: its key, label, raw value, unit and text in `l`.
pub(super) struct Figure {
    pub key: &'static str,
    pub label: (&'static str, &'static str),
    pub value: f64,
    pub unit: &'static str,
    pub text: String,
}

/// One figure's definition.
struct Def {
    key: &'static str,
    label: (&'static str, &'static str),
    unit: &'static str,
    /// The value, `None` when the report has no such figure.
    value: fn(&Report) -> Option<f64>,
    /// The value as the page writes it.
    text: fn(&Report, f64, Locale) -> String,
}

/// The figures of `r` that it has, in order, their text in `l`.
pub(super) fn figures(r: &Report, l: Locale) -> Vec<Figure> {
    let mut out = Vec::new();
    for defs in [RUN, SCALE, COMPUTE_OPTIMAL] {
        add(&mut out, defs, r, l);
    }
    diminishing_returns(r, l, &mut out);
    add(&mut out, CLAIM, r, l);
    out
}

/// The figures of `defs` that `r` has.
fn add(out: &mut Vec<Figure>, defs: &[Def], r: &Report, l: Locale) {
    for d in defs {
        if let Some(value) = (d.value)(r) {
            out.push(Figure {
                key: d.key,
                label: d.label,
                value,
                unit: d.unit,
                text: (d.text)(r, value, l),
            });
        }
    }
}

/// `text` followed by the range, when the inputs that carry one made it wider than a point.
fn ranged(text: String, range: &Range, l: Locale, show: fn(f64, Locale) -> String) -> String {
    if range.low < range.high {
        let (low, high) = (show(range.low, l), show(range.high, l));
        fill(Labels::Ranged.t(l), &[&text, &low, &high])
    } else {
        text
    }
}

fn count(_: &Report, v: f64, l: Locale) -> String {
    fmt::grouped(v, 0, l)
}
fn percent(_: &Report, v: f64, l: Locale) -> String {
    fmt::percent(v, l)
}
fn usd(_: &Report, v: f64, l: Locale) -> String {
    fmt::usd(v, l)
}
fn duration(_: &Report, v: f64, l: Locale) -> String {
    fmt::duration(v, l)
}
fn flops(_: &Report, v: f64, l: Locale) -> String {
    fmt::flops(v, l)
}
fn loss(_: &Report, v: f64, l: Locale) -> String {
    text::loss(v, l)
}

/// From compute to dollars: always there.
const RUN: &[Def] = &[
    Def {
        key: "training_flop",
        label: Labels::TrainingFlop.pair(),
        unit: "FLOP",
        value: |r| Some(r.training_flop),
        text: |_, v, _| format!("{} FLOP", fmt::compact(v)),
    },
    Def {
        key: "gpus",
        label: Labels::Gpus.pair(),
        unit: "",
        value: |r| Some(r.gpus),
        text: count,
    },
    Def {
        key: "peak_flop_per_s",
        label: Labels::PeakFlopPerS.pair(),
        unit: "FLOP/s",
        value: |r| Some(r.peak_flop_per_s),
        text: flops,
    },
    Def {
        key: "utilization",
        label: Labels::Utilization.pair(),
        unit: "1",
        value: |r| Some(r.utilization),
        text: percent,
    },
    Def {
        key: "effective_flop_per_s",
        label: Labels::EffectiveFlopPerS.pair(),
        unit: "FLOP/s",
        value: |r| Some(r.effective_flop_per_s),
        text: flops,
    },
    Def {
        key: "duration_s",
        label: Labels::DurationS.pair(),
        unit: "s",
        value: |r| Some(r.duration_s),
        text: |r, v, l| ranged(fmt::duration(v, l), &r.ranges.duration_s, l, fmt::duration),
    },
    Def {
        key: "chip_hours",
        label: Labels::ChipHours.pair(),
        unit: "GPU-h",
        value: |r| Some(r.chip_hours),
        text: |_, v, l| fmt::si(v, "", l),
    },
    Def {
        key: "it_power_w",
        label: Labels::ItPowerW.pair(),
        unit: "W",
        value: |r| Some(r.it_power_w),
        text: |_, v, l| fmt::si(v, "W", l),
    },
    Def {
        key: "facility_power_w",
        label: Labels::FacilityPowerW.pair(),
        unit: "W",
        value: |r| Some(r.facility_power_w),
        text: |_, v, l| fmt::si(v, "W", l),
    },
    Def {
        key: "energy_j",
        label: Labels::EnergyJ.pair(),
        unit: "J",
        value: |r| Some(r.energy_j),
        text: |r, v, l| ranged(fmt::energy(v, l), &r.ranges.energy_j, l, fmt::energy),
    },
    Def {
        key: "co2_kg",
        label: Labels::EnergyJ2.pair(),
        unit: "kg",
        value: |r| Some(r.co2_kg),
        text: |_, v, l| fmt::mass(v, l),
    },
    Def {
        key: "homes",
        label: Labels::Homes.pair(),
        unit: "",
        value: |r| Some(r.homes),
        text: |_, v, l| fmt::big(v, l),
    },
    Def {
        key: "cost_usd.compute",
        label: Labels::CostUsdCompute.pair(),
        unit: "USD",
        value: |r| Some(r.cost_usd.compute),
        text: usd,
    },
    Def {
        key: "cost_usd.electricity",
        label: Labels::CostUsdElectricity.pair(),
        unit: "USD",
        value: |r| Some(r.cost_usd.electricity),
        text: usd,
    },
    Def {
        key: "cost_usd.total",
        label: Labels::CostUsdTotal.pair(),
        unit: "USD",
        value: |r| Some(r.cost_usd.total),
        text: |r, v, l| ranged(fmt::usd(v, l), &r.ranges.cost_usd, l, fmt::usd),
    },
];

/// Failures, sites and money.
const SCALE: &[Def] = &[
    Def {
        key: "goodput.wall_clock_s",
        label: Labels::GoodputWallClockS.pair(),
        unit: "s",
        value: |r| r.goodput.wall_clock_s,
        text: duration,
    },
    Def {
        key: "goodput.fraction",
        label: Labels::GoodputFraction.pair(),
        unit: "1",
        value: |r| Some(r.goodput.fraction),
        text: percent,
    },
    Def {
        key: "goodput.checkpoint_interval_s",
        label: Labels::GoodputCheckpointIntervalS.pair(),
        unit: "s",
        value: |r| Some(r.goodput.checkpoint_interval_s),
        text: duration,
    },
    Def {
        key: "goodput.expected_interruptions",
        label: Labels::GoodputExpectedInterruptions.pair(),
        unit: "",
        value: |r| r.goodput.expected_interruptions,
        text: count,
    },
    Def {
        key: "goodput.cost_usd",
        label: Labels::GoodputCostUsd.pair(),
        unit: "USD",
        value: |r| r.goodput.cost_usd,
        text: usd,
    },
    Def {
        key: "capex.total_usd",
        label: Labels::CapexTotalUsd.pair(),
        unit: "USD",
        value: |r| r.capex.as_ref().map(|c| c.total_usd),
        text: usd,
    },
    Def {
        key: "cost_usd.ownership",
        label: Labels::CostUsdOwnership.pair(),
        unit: "USD",
        value: |r| r.cost_usd.ownership,
        text: usd,
    },
    Def {
        key: "site.gpus",
        label: Labels::SiteGpus.pair(),
        unit: "",
        value: |r| r.site.as_ref().map(|s| s.gpus),
        text: count,
    },
    Def {
        key: "budget.gpus",
        label: Labels::BudgetGpus.pair(),
        unit: "",
        value: |r| r.budget.as_ref().map(|b| b.gpus),
        text: count,
    },
];

/// The compute-optimal block, when the workload gives parameters and tokens.
const COMPUTE_OPTIMAL: &[Def] = &[
    Def {
        key: "compute_optimal.loss",
        label: Labels::ComputeOptimalLoss.pair(),
        unit: "nat/token",
        value: |r| r.compute_optimal.as_ref().map(|b| b.result.loss),
        text: loss,
    },
    Def {
        key: "compute_optimal.tokens_per_param",
        label: Labels::ComputeOptimalTokensPerParam.pair(),
        unit: "",
        value: |r| r.compute_optimal.as_ref().map(|b| b.tokens_per_param),
        text: |_, v, l| fmt::sig3(v, l),
    },
    Def {
        key: "compute_optimal.optimal.params",
        label: Labels::ComputeOptimalOptimalParams.pair(),
        unit: "",
        value: |r| r.compute_optimal.as_ref().map(|b| b.result.optimal.params),
        text: |_, v, l| text::count(v, l),
    },
    Def {
        key: "compute_optimal.optimal.tokens",
        label: Labels::ComputeOptimalOptimalTokens.pair(),
        unit: "",
        value: |r| r.compute_optimal.as_ref().map(|b| b.result.optimal.tokens),
        text: |_, v, l| text::count(v, l),
    },
    Def {
        key: "compute_optimal.optimal.loss",
        label: Labels::ComputeOptimalOptimalLoss.pair(),
        unit: "nat/token",
        value: |r| r.compute_optimal.as_ref().map(|b| b.result.optimal.loss),
        text: loss,
    },
    Def {
        key: "compute_optimal.efficiency",
        label: Labels::ComputeOptimalEfficiency.pair(),
        unit: "1",
        value: |r| r.compute_optimal.as_ref().map(|b| b.result.efficiency),
        text: percent,
    },
];

/// The loss bought at 1×, 2×, 10× and 100× the budget.
fn diminishing_returns(r: &Report, l: Locale, out: &mut Vec<Figure>) {
    const KEYS: [(&str, (&str, &str)); 4] = [
        ("diminishing_returns.loss", Labels::ReturnsLoss.pair()),
        ("diminishing_returns.loss_2x", Labels::ReturnsLoss2x.pair()),
        (
            "diminishing_returns.loss_10x",
            Labels::ReturnsLoss10x.pair(),
        ),
        (
            "diminishing_returns.loss_100x",
            Labels::ReturnsLoss100x.pair(),
        ),
    ];
    let Some(d) = &r.diminishing_returns else {
        return;
    };
    for ((key, label), p) in KEYS.iter().zip(&d.points) {
        let loss = text::loss(p.loss, l);
        let text = match p.loss_drop_per_billion_usd {
            Some(drop) => fill(Labels::LossDrop.t(l), &[&loss, &fmt::sig3(drop, l)]),
            None => loss,
        };
        out.push(Figure {
            key,
            label: *label,
            value: p.loss,
            unit: "nat/token",
            text,
        });
    }
}

/// A claimed and a target duration.
const CLAIM: &[Def] = &[
    Def {
        key: "implied_utilization",
        label: Labels::ImpliedUtilization.pair(),
        unit: "1",
        value: |r| r.implied_utilization,
        text: percent,
    },
    Def {
        key: "chips_needed",
        label: Labels::ChipsNeeded.pair(),
        unit: "",
        value: |r| r.chips_needed,
        text: count,
    },
];

crate::keys! {
    /// The figures' labels, by key.
    pub(crate) enum Labels {
        Ranged => "{} (range {} to {})", "{} (fourchette {} à {})";
        LossDrop => "{} ({} less per extra $1B)", "{} ({} de moins par milliard de dollars en plus)";
        ReturnsLoss => "Compute-optimal loss for this budget", "Perte optimale pour ce budget";
        ReturnsLoss2x => "Loss at 2× the budget", "Perte à 2× le budget";
        ReturnsLoss10x => "Loss at 10× the budget", "Perte à 10× le budget";
        ReturnsLoss100x => "Loss at 100× the budget", "Perte à 100× le budget";
        TrainingFlop => "Training compute",
            "Calcul d'entraînement";
        Gpus => "GPUs",
            "GPU";
        PeakFlopPerS => "Cluster peak",
            "Pic du cluster";
        Utilization => "Utilization",
            "Utilisation";
        EffectiveFlopPerS => "Sustained",
            "Soutenu";
        DurationS => "Duration",
            "Durée";
        ChipHours => "GPU-hours",
            "Heures-GPU";
        ItPowerW => "IT power",
            "Puissance informatique";
        FacilityPowerW => "Site power",
            "Puissance du site";
        EnergyJ => "Energy",
            "Énergie";
        EnergyJ2 => "CO₂ emitted",
            "CO₂ émis";
        Homes => "US homes, same power",
            "Foyers américains, même puissance";
        CostUsdCompute => "GPU rental",
            "Location des GPU";
        CostUsdElectricity => "Electricity",
            "Électricité";
        CostUsdTotal => "Total cost",
            "Coût total";
        GoodputWallClockS => "With interruptions",
            "Avec les interruptions";
        GoodputFraction => "Time spent training",
            "Temps passé à entraîner";
        GoodputCheckpointIntervalS => "Checkpoint every",
            "Point de reprise toutes les";
        GoodputExpectedInterruptions => "Interruptions expected",
            "Interruptions attendues";
        GoodputCostUsd => "Cost with interruptions",
            "Coût avec les interruptions";
        CapexTotalUsd => "Buying the cluster",
            "Acheter le cluster";
        CostUsdOwnership => "Cost if owned",
            "Coût en propriété";
        SiteGpus => "GPUs the site holds",
            "GPU que le site accueille";
        BudgetGpus => "GPUs the budget buys",
            "GPU que le budget achète";
        ComputeOptimalLoss => "Loss (scaling law)",
            "Perte (loi d'échelle)";
        ComputeOptimalTokensPerParam => "Tokens per parameter",
            "Jetons par paramètre";
        ComputeOptimalOptimalParams => "Compute-optimal parameters",
            "Paramètres optimaux";
        ComputeOptimalOptimalTokens => "Compute-optimal tokens",
            "Jetons optimaux";
        ComputeOptimalOptimalLoss => "Compute-optimal loss",
            "Perte optimale";
        ComputeOptimalEfficiency => "Compute-equivalent efficiency",
            "Efficacité en calcul équivalent";
        ImpliedUtilization => "Utilization the claimed duration implies",
            "Utilisation qu'implique la durée annoncée";
        ChipsNeeded => "GPUs needed for the target duration",
            "GPU nécessaires pour la durée visée";
    }
}
