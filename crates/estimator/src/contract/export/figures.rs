//! The report's headline figures as the exports write them: a table of definitions (key, label
//! in both languages, unit, where the value is in the report, how it reads), in the page's order.

use crate::format::{self as fmt, Locale};
use crate::scaling::text;
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
        let (range_word, to) = match l {
            Locale::En => ("range", "to"),
            Locale::Fr => ("fourchette", "à"),
        };
        let (low, high) = (show(range.low, l), show(range.high, l));
        format!("{text} ({range_word} {low} {to} {high})")
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
        label: ("Training compute", "Calcul d'entraînement"),
        unit: "FLOP",
        value: |r| Some(r.training_flop),
        text: |_, v, _| format!("{} FLOP", fmt::compact(v)),
    },
    Def {
        key: "gpus",
        label: ("GPUs", "GPU"),
        unit: "",
        value: |r| Some(r.gpus),
        text: count,
    },
    Def {
        key: "peak_flop_per_s",
        label: ("Cluster peak", "Pic du cluster"),
        unit: "FLOP/s",
        value: |r| Some(r.peak_flop_per_s),
        text: flops,
    },
    Def {
        key: "utilization",
        label: ("Utilization", "Utilisation"),
        unit: "1",
        value: |r| Some(r.utilization),
        text: percent,
    },
    Def {
        key: "effective_flop_per_s",
        label: ("Sustained", "Soutenu"),
        unit: "FLOP/s",
        value: |r| Some(r.effective_flop_per_s),
        text: flops,
    },
    Def {
        key: "duration_s",
        label: ("Duration", "Durée"),
        unit: "s",
        value: |r| Some(r.duration_s),
        text: |r, v, l| ranged(fmt::duration(v, l), &r.ranges.duration_s, l, fmt::duration),
    },
    Def {
        key: "chip_hours",
        label: ("GPU-hours", "Heures-GPU"),
        unit: "GPU-h",
        value: |r| Some(r.chip_hours),
        text: |_, v, l| fmt::si(v, "", l),
    },
    Def {
        key: "it_power_w",
        label: ("IT power", "Puissance informatique"),
        unit: "W",
        value: |r| Some(r.it_power_w),
        text: |_, v, l| fmt::si(v, "W", l),
    },
    Def {
        key: "facility_power_w",
        label: ("Site power", "Puissance du site"),
        unit: "W",
        value: |r| Some(r.facility_power_w),
        text: |_, v, l| fmt::si(v, "W", l),
    },
    Def {
        key: "energy_j",
        label: ("Energy", "Énergie"),
        unit: "J",
        value: |r| Some(r.energy_j),
        text: |r, v, l| ranged(fmt::energy(v, l), &r.ranges.energy_j, l, fmt::energy),
    },
    Def {
        key: "co2_kg",
        label: ("CO₂ emitted", "CO₂ émis"),
        unit: "kg",
        value: |r| Some(r.co2_kg),
        text: |_, v, l| fmt::mass(v, l),
    },
    Def {
        key: "homes",
        label: ("US homes, same power", "Foyers américains, même puissance"),
        unit: "",
        value: |r| Some(r.homes),
        text: |_, v, l| fmt::big(v, l),
    },
    Def {
        key: "cost_usd.compute",
        label: ("GPU rental", "Location des GPU"),
        unit: "USD",
        value: |r| Some(r.cost_usd.compute),
        text: usd,
    },
    Def {
        key: "cost_usd.electricity",
        label: ("Electricity", "Électricité"),
        unit: "USD",
        value: |r| Some(r.cost_usd.electricity),
        text: usd,
    },
    Def {
        key: "cost_usd.total",
        label: ("Total cost", "Coût total"),
        unit: "USD",
        value: |r| Some(r.cost_usd.total),
        text: |r, v, l| ranged(fmt::usd(v, l), &r.ranges.cost_usd, l, fmt::usd),
    },
];

/// Failures, sites and money.
const SCALE: &[Def] = &[
    Def {
        key: "goodput.wall_clock_s",
        label: ("With interruptions", "Avec les interruptions"),
        unit: "s",
        value: |r| r.goodput.wall_clock_s,
        text: duration,
    },
    Def {
        key: "goodput.fraction",
        label: ("Time spent training", "Temps passé à entraîner"),
        unit: "1",
        value: |r| Some(r.goodput.fraction),
        text: percent,
    },
    Def {
        key: "goodput.checkpoint_interval_s",
        label: ("Checkpoint every", "Point de reprise toutes les"),
        unit: "s",
        value: |r| Some(r.goodput.checkpoint_interval_s),
        text: duration,
    },
    Def {
        key: "goodput.expected_interruptions",
        label: ("Interruptions expected", "Interruptions attendues"),
        unit: "",
        value: |r| r.goodput.expected_interruptions,
        text: count,
    },
    Def {
        key: "goodput.cost_usd",
        label: ("Cost with interruptions", "Coût avec les interruptions"),
        unit: "USD",
        value: |r| r.goodput.cost_usd,
        text: usd,
    },
    Def {
        key: "capex.total_usd",
        label: ("Buying the cluster", "Acheter le cluster"),
        unit: "USD",
        value: |r| r.capex.as_ref().map(|c| c.total_usd),
        text: usd,
    },
    Def {
        key: "cost_usd.ownership",
        label: ("Cost if owned", "Coût en propriété"),
        unit: "USD",
        value: |r| r.cost_usd.ownership,
        text: usd,
    },
    Def {
        key: "site.gpus",
        label: ("GPUs the site holds", "GPU que le site accueille"),
        unit: "",
        value: |r| r.site.as_ref().map(|s| s.gpus),
        text: count,
    },
    Def {
        key: "budget.gpus",
        label: ("GPUs the budget buys", "GPU que le budget achète"),
        unit: "",
        value: |r| r.budget.as_ref().map(|b| b.gpus),
        text: count,
    },
];

/// The compute-optimal block, when the workload gives parameters and tokens.
const COMPUTE_OPTIMAL: &[Def] = &[
    Def {
        key: "compute_optimal.loss",
        label: ("Loss (scaling law)", "Perte (loi d'échelle)"),
        unit: "nat/token",
        value: |r| r.compute_optimal.as_ref().map(|b| b.result.loss),
        text: loss,
    },
    Def {
        key: "compute_optimal.tokens_per_param",
        label: ("Tokens per parameter", "Jetons par paramètre"),
        unit: "",
        value: |r| r.compute_optimal.as_ref().map(|b| b.tokens_per_param),
        text: |_, v, l| fmt::sig3(v, l),
    },
    Def {
        key: "compute_optimal.optimal.params",
        label: ("Compute-optimal parameters", "Paramètres optimaux"),
        unit: "",
        value: |r| r.compute_optimal.as_ref().map(|b| b.result.optimal.params),
        text: |_, v, l| text::count(v, l),
    },
    Def {
        key: "compute_optimal.optimal.tokens",
        label: ("Compute-optimal tokens", "Jetons optimaux"),
        unit: "",
        value: |r| r.compute_optimal.as_ref().map(|b| b.result.optimal.tokens),
        text: |_, v, l| text::count(v, l),
    },
    Def {
        key: "compute_optimal.optimal.loss",
        label: ("Compute-optimal loss", "Perte optimale"),
        unit: "nat/token",
        value: |r| r.compute_optimal.as_ref().map(|b| b.result.optimal.loss),
        text: loss,
    },
    Def {
        key: "compute_optimal.efficiency",
        label: (
            "Compute-equivalent efficiency",
            "Efficacité en calcul équivalent",
        ),
        unit: "1",
        value: |r| r.compute_optimal.as_ref().map(|b| b.result.efficiency),
        text: percent,
    },
];

/// The loss bought at 1×, 2×, 10× and 100× the budget.
fn diminishing_returns(r: &Report, l: Locale, out: &mut Vec<Figure>) {
    const KEYS: [(&str, (&str, &str)); 4] = [
        (
            "diminishing_returns.loss",
            (
                "Compute-optimal loss for this budget",
                "Perte optimale pour ce budget",
            ),
        ),
        (
            "diminishing_returns.loss_2x",
            ("Loss at 2× the budget", "Perte à 2× le budget"),
        ),
        (
            "diminishing_returns.loss_10x",
            ("Loss at 10× the budget", "Perte à 10× le budget"),
        ),
        (
            "diminishing_returns.loss_100x",
            ("Loss at 100× the budget", "Perte à 100× le budget"),
        ),
    ];
    let Some(d) = &r.diminishing_returns else {
        return;
    };
    for ((key, label), p) in KEYS.iter().zip(&d.points) {
        let loss = text::loss(p.loss, l);
        let text = match (p.loss_drop_per_billion_usd, l) {
            (Some(drop), Locale::En) => {
                format!("{loss} ({} less per extra $1B)", fmt::sig3(drop, l))
            }
            (Some(drop), Locale::Fr) => format!(
                "{loss} ({} de moins par milliard de dollars en plus)",
                fmt::sig3(drop, l)
            ),
            (None, _) => loss,
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
        label: (
            "Utilization the claimed duration implies",
            "Utilisation qu'implique la durée annoncée",
        ),
        unit: "1",
        value: |r| r.implied_utilization,
        text: percent,
    },
    Def {
        key: "chips_needed",
        label: (
            "GPUs needed for the target duration",
            "GPU nécessaires pour la durée visée",
        ),
        unit: "",
        value: |r| r.chips_needed,
        text: count,
    },
];
