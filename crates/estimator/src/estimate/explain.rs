//! Step 3 of the pipeline: the "show the math" rows, as a table of step definitions read in
//! order. A definition says what a row shows (quantity, formula, unit, sources) and reads its
//! value from the numbers already computed: no formula is computed here.

use super::compute::{home_w, Budget, Capex, Numbers};
use super::resolve::{Basis, Resolved};
use super::J_PER_KWH;
use crate::catalog::{
    HOME_KWH_PER_YEAR, KG_CO2_PER_KWH_DEFAULT, PUE_DEFAULT, USD_PER_KWH_DEFAULT,
    UTILIZATION_DEFAULT,
};
use crate::format::{compact as c, Locale};
use crate::report::Step;

/// What a definition reads: the resolved inputs, the numbers, the language.
pub(super) struct X<'a> {
    pub r: &'a Resolved<'a>,
    pub n: &'a Numbers,
    pub l: Locale,
}

impl X<'_> {
    /// The capital figures (zero when nothing is bought; read only by rows that apply).
    pub(super) fn capex(&self) -> Capex {
        self.n.capex.unwrap_or_default()
    }
    /// The budget's figures (zero without a budget; read only by rows that apply).
    pub(super) fn budget(&self) -> Budget {
        self.capex().budget.unwrap_or_default()
    }
    /// The wall clock with interruptions (zero when the run never finishes).
    pub(super) fn wall(&self) -> f64 {
        self.n.goodput.wall.unwrap_or_default()
    }
}

/// A text in English and French.
pub(super) type Tr = (&'static str, &'static str);

/// A row's formula: the same in both languages, translated, or built from the inputs.
pub(super) enum Formula {
    Same(&'static str),
    Tr(Tr),
    With(fn(&X) -> String),
}

/// One row of "show the math".
pub(super) struct Def {
    pub id: &'static str,
    pub quantity: Tr,
    pub formula: Formula,
    pub unit: &'static str,
    /// The row's value, `None` when the row does not apply to this scenario.
    pub value: fn(&X) -> Option<f64>,
    /// The formula with the numbers.
    pub with: fn(&X) -> String,
    pub sources: fn(&X) -> Vec<String>,
}

pub(super) fn none(_: &X) -> Vec<String> {
    Vec::new()
}

pub(super) fn cited(sources: &[&str]) -> Vec<String> {
    sources.iter().map(|s| s.to_string()).collect()
}

/// The sources of a default, cited only when the scenario keeps the default.
pub(super) fn if_default(default: bool, sources: &[&str]) -> Vec<String> {
    if default {
        cited(sources)
    } else {
        Vec::new()
    }
}

fn tr(t: Tr, l: Locale) -> &'static str {
    match l {
        Locale::En => t.0,
        Locale::Fr => t.1,
    }
}

/// The rows of `defs` that apply, in order.
pub(super) fn rows(defs: &[Def], x: &X) -> Vec<Step> {
    defs.iter()
        .filter_map(|d| {
            let value = (d.value)(x)?;
            Some(Step {
                id: d.id.into(),
                quantity: tr(d.quantity, x.l).into(),
                formula: match &d.formula {
                    Formula::Same(f) => (*f).into(),
                    Formula::Tr(t) => tr(*t, x.l).into(),
                    Formula::With(f) => f(x),
                },
                substitution: (d.with)(x),
                value,
                unit: d.unit.into(),
                sources: (d.sources)(x),
            })
        })
        .collect()
}

/// Every row of the report, in the order the page shows them.
pub(super) fn explain(x: &X) -> Vec<Step> {
    let mut steps = rows(RUN, x);
    steps.extend(rows(super::explain_scale::SCALE, x));
    steps.extend(rows(CLAIM, x));
    if let Some(b) = &x.n.compute_optimal {
        steps.extend(b.steps(x.l));
    }
    if let Some(r) = &x.n.diminishing_returns {
        steps.extend(r.steps(x.l));
    }
    steps
}

/// From compute to dollars.
const RUN: &[Def] = &[
    Def {
        id: "training_flop",
        quantity: ("Training compute", "Calcul d'entraînement"),
        formula: Formula::With(|x| x.r.compute.formula.clone()),
        unit: "FLOP",
        value: |x| Some(x.n.flop),
        with: |x| x.r.compute.substitution.clone(),
        sources: |x| x.r.compute.sources.clone(),
    },
    Def {
        id: "gpus",
        quantity: ("GPUs", "GPU"),
        formula: Formula::Tr(("G = count × GPUs per unit", "G = nombre × GPU par unité")),
        unit: "GPU",
        value: |x| Some(x.n.gpus),
        with: |x| format!("{} × {}", c(x.r.count), c(x.r.per_unit)),
        sources: none,
    },
    Def {
        id: "peak_flop_per_s_per_gpu",
        quantity: ("Peak per GPU", "Pic par GPU"),
        formula: Formula::With(|x| {
            if x.r.s.sparse {
                "P₁ = 2 × dense peak (2:4 sparsity)".into()
            } else {
                "P₁ = dense peak".into()
            }
        }),
        unit: "FLOP/s",
        value: |x| Some(x.r.peak_gpu),
        with: |x| {
            let sparse = x.r.s.sparse;
            let dense = x.r.peak_gpu / if sparse { 2.0 } else { 1.0 };
            let two = if sparse { "2 × " } else { "" };
            format!("{two}{} ({})", c(dense), x.r.s.precision.id())
        },
        sources: |x| x.r.hw.peak_sources.clone(),
    },
    Def {
        id: "peak_flop_per_s",
        quantity: ("Cluster peak", "Pic du cluster"),
        formula: Formula::Same("P = G × P₁"),
        unit: "FLOP/s",
        value: |x| Some(x.n.peak),
        with: |x| format!("{} × {}", c(x.n.gpus), c(x.r.peak_gpu)),
        sources: none,
    },
    Def {
        id: "utilization",
        quantity: (
            "Predicted utilization (best layout)",
            "Utilisation prédite (meilleure répartition)",
        ),
        formula: Formula::Tr(("u = MFU(best layout)", "u = MFU(meilleure répartition)")),
        unit: "1",
        value: |x| x.r.predicted.as_ref().map(|_| x.r.u),
        with: |x| {
            let p = x.r.predicted.as_ref();
            let layout = p.map_or("", |p| p.layout.as_str());
            format!("{layout} · batch {}", p.map_or(0, |p| p.global_batch))
        },
        sources: none,
    },
    Def {
        id: "effective_flop_per_s",
        quantity: ("Sustained throughput", "Débit soutenu"),
        formula: Formula::Same("R = P × u"),
        unit: "FLOP/s",
        value: |x| Some(x.n.run.eff),
        with: |x| format!("{} × {}", c(x.n.peak), c(x.r.u)),
        sources: |x| if_default(x.r.basis == Basis::Default, UTILIZATION_DEFAULT.sources),
    },
    Def {
        id: "duration_s",
        quantity: ("Training time", "Durée d'entraînement"),
        formula: Formula::Same("T = C / R"),
        unit: "s",
        value: |x| Some(x.n.run.duration),
        with: |x| format!("{} / {}", c(x.n.flop), c(x.n.run.eff)),
        sources: none,
    },
    Def {
        id: "chip_hours",
        quantity: ("GPU-hours", "Heures-GPU"),
        formula: Formula::Same("H = G × T / 3600"),
        unit: "GPU·h",
        value: |x| Some(x.n.run.chip_hours),
        with: |x| format!("{} × {} / 3600", c(x.n.gpus), c(x.n.run.duration)),
        sources: none,
    },
    Def {
        id: "it_power_w",
        quantity: ("IT power", "Puissance informatique"),
        formula: Formula::Tr((
            "W_IT = G × W₁ (all-in per GPU)",
            "W_IT = G × W₁ (tout compris par GPU)",
        )),
        unit: "W",
        value: |x| Some(x.n.it),
        with: |x| format!("{} × {}", c(x.n.gpus), c(x.r.hw.all_in_w)),
        sources: |x| x.r.hw.power_sources.clone(),
    },
    Def {
        id: "facility_power_w",
        quantity: ("Facility power", "Puissance du site"),
        formula: Formula::Same("W_site = W_IT × PUE"),
        unit: "W",
        value: |x| Some(x.n.run.facility),
        with: |x| format!("{} × {}", c(x.n.it), c(x.r.pue)),
        sources: |x| if_default(x.r.s.pue == PUE_DEFAULT.value, PUE_DEFAULT.sources),
    },
    Def {
        id: "energy_j",
        quantity: ("Energy", "Énergie"),
        formula: Formula::Same("E = W_site × T"),
        unit: "J",
        value: |x| Some(x.n.run.energy),
        with: |x| format!("{} × {}", c(x.n.run.facility), c(x.n.run.duration)),
        sources: none,
    },
    Def {
        id: "co2_kg",
        quantity: ("CO₂", "CO₂"),
        formula: Formula::Tr(("M = E[kWh] × intensity", "M = E[kWh] × intensité")),
        unit: "kg",
        value: |x| Some(x.n.co2),
        with: |x| format!("{} × {}", c(x.n.run.kwh), c(x.r.kg_per_kwh)),
        sources: |x| {
            let default = x.r.s.kg_co2_per_kwh == KG_CO2_PER_KWH_DEFAULT.value;
            if_default(default, KG_CO2_PER_KWH_DEFAULT.sources)
        },
    },
    Def {
        id: "homes",
        quantity: (
            "US homes drawing the same power",
            "Foyers américains de même puissance",
        ),
        formula: Formula::Tr((
            "N = W_site / (10,715 kWh / 8,766 h), EIA 2020",
            "N = W_site / (10\u{202f}715 kWh / 8\u{202f}766 h), EIA 2020",
        )),
        unit: "homes",
        value: |x| Some(x.n.homes),
        with: |x| format!("{} / {}", c(x.n.run.facility), c(home_w())),
        sources: |_| cited(HOME_KWH_PER_YEAR.sources),
    },
    Def {
        id: "home_years",
        quantity: (
            "Years of a US home's electricity",
            "Années de consommation d'un foyer américain",
        ),
        formula: Formula::Same("Y = E[kWh] / 10,715 (EIA 2020)"),
        unit: "home·yr",
        value: |x| Some(x.n.home_years),
        with: |x| format!("{} / {}", c(x.n.run.kwh), c(HOME_KWH_PER_YEAR.value)),
        sources: |_| cited(HOME_KWH_PER_YEAR.sources),
    },
    Def {
        id: "cost_usd.compute",
        quantity: ("Compute cost (rental)", "Coût de calcul (location)"),
        formula: Formula::Tr((
            "$_GPU = H × price per GPU-hour",
            "$_GPU = H × prix par heure-GPU",
        )),
        unit: "USD",
        value: |x| Some(x.n.run.compute_usd),
        with: |x| format!("{} × {}", c(x.n.run.chip_hours), c(x.r.usd_per_chip_hour)),
        sources: |x| x.r.price_sources.clone(),
    },
    Def {
        id: "cost_usd.electricity",
        quantity: ("Electricity cost", "Coût de l'électricité"),
        formula: Formula::Tr((
            "$_E = E[kWh] × price per kWh",
            "$_E = E[kWh] × prix par kWh",
        )),
        unit: "USD",
        value: |x| Some(x.n.run.elec_usd),
        with: |x| format!("{} × {}", c(x.n.run.kwh), c(x.r.usd_per_kwh)),
        sources: |x| {
            let default = x.r.s.usd_per_kwh == USD_PER_KWH_DEFAULT.value;
            if_default(default, USD_PER_KWH_DEFAULT.sources)
        },
    },
    Def {
        id: "cost_usd.total",
        quantity: ("Total cost", "Coût total"),
        formula: Formula::Same("$ = $_GPU + $_E"),
        unit: "USD",
        value: |x| Some(x.n.run.total),
        with: |x| format!("{} + {}", c(x.n.run.compute_usd), c(x.n.run.elec_usd)),
        sources: none,
    },
];

/// A claimed duration and a target duration.
const CLAIM: &[Def] = &[
    Def {
        id: "implied_utilization",
        quantity: (
            "Utilization the claim implies",
            "Utilisation qu'implique l'affirmation",
        ),
        formula: Formula::Same("u = C / (P × T_claim)"),
        unit: "1",
        value: |x| x.n.implied_utilization,
        with: |x| {
            let t = x.r.claimed.unwrap_or_default();
            format!("{} / ({} × {})", c(x.n.flop), c(x.n.peak), c(t))
        },
        sources: none,
    },
    Def {
        id: "chips_needed",
        quantity: (
            "GPUs needed for the target",
            "GPU nécessaires pour l'objectif",
        ),
        formula: Formula::Same("G = ⌈C / (P₁ × u × T_target)⌉"),
        unit: "GPU",
        value: |x| x.n.chips_needed,
        with: |x| {
            let t = x.r.target.unwrap_or_default();
            let (f, p, u) = (x.n.flop, x.r.peak_gpu, x.r.u);
            format!("⌈{} / ({} × {} × {})⌉", c(f), c(p), c(u), c(t))
        },
        sources: none,
    },
];

/// Energy in kWh, for the rows that write it.
pub(super) fn kwh(j: f64) -> f64 {
    j / J_PER_KWH
}
