//! Step 3 of the pipeline: the "show the math" rows, as tables of step definitions read in
//! order (the `rows!` macro). A definition says what a row shows (quantity, formula, unit,
//! sources) and reads its value from the numbers already computed: no formula is computed here.
//! The tables expand in place rather than as function pointers: the page's wasm pays for each
//! row no more than for a hand-written push.

use super::compute::{home_w, Budget, Capex, Numbers};
use super::resolve::Resolved;
use super::J_PER_KWH;
use crate::catalog::{
    HOME_KWH_PER_YEAR, KG_CO2_PER_KWH_DEFAULT, PUE_DEFAULT, USD_PER_KWH_DEFAULT,
    UTILIZATION_DEFAULT,
};
use crate::format::{compact as c, Locale};
use crate::report::Step;
use crate::report::UtilizationBasis as Basis;

/// What a definition reads: the resolved inputs, the numbers, the language.
pub(super) struct X<'a> {
    pub r: &'a Resolved<'a>,
    pub n: &'a Numbers,
    pub l: Locale,
}

impl X<'_> {
    /// The capital figures (zero when nothing is bought; read only by rows that apply).
    pub(super) fn capex(&self) -> &Capex {
        self.n.capex.as_ref().unwrap_or(&NO_CAPEX)
    }
    /// The budget's figures (zero without a budget; read only by rows that apply).
    pub(super) fn budget(&self) -> &Budget {
        self.capex().budget.as_ref().unwrap_or(&NO_BUDGET)
    }
    /// The wall clock with interruptions (zero when the run never finishes).
    pub(super) fn wall(&self) -> f64 {
        self.n.goodput.wall.unwrap_or_default()
    }
}

const NO_BUDGET: Budget = Budget {
    usd: 0.0,
    per_gpu: 0.0,
    gpus: 0.0,
    power: 0.0,
};
const NO_CAPEX: Capex = Capex {
    price: 0.0,
    chips_usd: 0.0,
    facility_usd: 0.0,
    total: 0.0,
    amortized: 0.0,
    ownership: 0.0,
    ownership_wall: None,
    budget: None,
};

/// A text in English and French.
pub(super) type Tr = (&'static str, &'static str);

/// A row's quantity or formula: the same in both languages, or translated.
pub(super) trait Text<'a> {
    fn text(self, l: Locale) -> &'a str;
}

impl<'a> Text<'a> for &'a str {
    fn text(self, _: Locale) -> &'a str {
        self
    }
}

impl Text<'static> for Tr {
    fn text(self, l: Locale) -> &'static str {
        match l {
            Locale::En => self.0,
            Locale::Fr => self.1,
        }
    }
}

/// Appends one row (out of line: the table's rows share this code).
// One argument per column of the row; a struct literal would only rename them.
#[allow(clippy::too_many_arguments)]
#[inline(never)]
pub(super) fn push<S: AsRef<str>>(
    steps: &mut Vec<Step>,
    id: &str,
    quantity: &str,
    formula: &str,
    substitution: String,
    value: f64,
    unit: &str,
    sources: &[S],
) {
    steps.push(Step {
        id: id.into(),
        quantity: quantity.into(),
        formula: formula.into(),
        substitution,
        value,
        unit: unit.into(),
        sources: sources.iter().map(|s| s.as_ref().to_string()).collect(),
    });
}

/// No source.
pub(super) const NONE: &[&str] = &[];

/// A table of "show the math" rows, read in order: each row is its id, then what it shows
/// (quantity and formula in both languages, unit), its value (`None`: the row does not apply
/// to this scenario, and nothing else of it is evaluated), the formula with the numbers, and
/// the sources it cites. Every expression reads `x` (resolved inputs and computed numbers):
/// nothing is computed here but text. Expanded in place, so a row costs the page no more than
/// a hand-written push.
macro_rules! rows {
    ($steps:ident, $x:ident; $( $id:literal {
        quantity: $quantity:expr,
        formula: $formula:expr,
        unit: $unit:expr,
        value: $value:expr,
        with: $with:expr,
        sources: $sources:expr $(,)?
    } )*) => {{
        use $crate::estimate::explain::Text as _;
        $( if let Some(value) = $value {
            $crate::estimate::explain::push(
                $steps,
                $id,
                $quantity.text($x.l),
                $formula.text($x.l),
                $with,
                value,
                $unit,
                $sources,
            );
        } )*
    }};
}
pub(super) use rows;

/// The sources of a default, cited only when the scenario keeps the default.
pub(super) fn if_default(
    default: bool,
    sources: &'static [&'static str],
) -> &'static [&'static str] {
    if default {
        sources
    } else {
        NONE
    }
}

/// Every row of the report, in the order the page shows them.
pub(super) fn explain(x: &X) -> Vec<Step> {
    let mut steps = Vec::with_capacity(48);
    run(&mut steps, x);
    super::explain_scale::scale(&mut steps, x);
    claim(&mut steps, x);
    if let Some(b) = &x.n.compute_optimal {
        steps.extend(b.steps(x.l));
    }
    if let Some(r) = &x.n.diminishing_returns {
        steps.extend(r.steps(x.l));
    }
    steps
}

/// From compute to dollars.
fn run(steps: &mut Vec<Step>, x: &X) {
    time(steps, x);
    power(steps, x);
    cost(steps, x);
}

/// From compute to time.
fn time(steps: &mut Vec<Step>, x: &X) {
    rows! { steps, x;
    "training_flop" {
        quantity: Rows::TrainingFlop.pair(),
        formula: x.r.compute.formula.as_str(),
        unit: "FLOP",
        value: Some(x.n.flop),
        with: x.r.compute.substitution.clone(),
        sources: &x.r.compute.sources,
    }
    "gpus" {
        quantity: Rows::Gpus.pair(),
        formula: Rows::GpusFormula.pair(),
        unit: "GPU",
        value: Some(x.n.gpus),
        with: format!("{} × {}", c(x.r.count), c(x.r.per_unit)),
        sources: NONE,
    }
    "peak_flop_per_s_per_gpu" {
        quantity: Rows::PeakFlopPerSPerGpu.pair(),
        formula: {
            if x.r.s.sparse {
                "P₁ = 2 × dense peak (2:4 sparsity)"
            } else {
                "P₁ = dense peak"
            }
        },
        unit: "FLOP/s",
        value: Some(x.r.peak_gpu),
        with: {
            let sparse = x.r.s.sparse;
            let dense = x.r.peak_gpu / if sparse { 2.0 } else { 1.0 };
            let two = if sparse { "2 × " } else { "" };
            format!("{two}{} ({})", c(dense), x.r.s.precision.id())
        },
        sources: &x.r.hw.peak_sources,
    }
    "peak_flop_per_s" {
        quantity: Rows::PeakFlopPerS.pair(),
        formula: "P = G × P₁",
        unit: "FLOP/s",
        value: Some(x.n.peak),
        with: format!("{} × {}", c(x.n.gpus), c(x.r.peak_gpu)),
        sources: NONE,
    }
    "utilization" {
        quantity: Rows::Utilization.pair(),
        formula: Rows::UtilizationFormula.pair(),
        unit: "1",
        value: x.r.predicted.as_ref().map(|_| x.r.u),
        with: {
            let p = x.r.predicted.as_ref();
            let layout = p.map_or("", |p| p.layout.as_str());
            format!("{layout} · batch {}", p.map_or(0, |p| p.global_batch))
        },
        sources: NONE,
    }
    "effective_flop_per_s" {
        quantity: Rows::EffectiveFlopPerS.pair(),
        formula: "R = P × u",
        unit: "FLOP/s",
        value: Some(x.n.run.eff),
        with: format!("{} × {}", c(x.n.peak), c(x.r.u)),
        sources: if_default(x.r.basis == Basis::Default, UTILIZATION_DEFAULT.sources),
    }
    "duration_s" {
        quantity: Rows::DurationS.pair(),
        formula: "T = C / R",
        unit: "s",
        value: Some(x.n.run.duration),
        with: format!("{} / {}", c(x.n.flop), c(x.n.run.eff)),
        sources: NONE,
    }
    "chip_hours" {
        quantity: Rows::ChipHours.pair(),
        formula: "H = G × T / 3600",
        unit: "GPU·h",
        value: Some(x.n.run.chip_hours),
        with: format!("{} × {} / 3600", c(x.n.gpus), c(x.n.run.duration)),
        sources: NONE,
    }
    }
}

/// Power, energy and what they compare to.
fn power(steps: &mut Vec<Step>, x: &X) {
    rows! { steps, x;
    "it_power_w" {
        quantity: Rows::ItPowerW.pair(),
        formula: Rows::ItPowerWFormula.pair(),
        unit: "W",
        value: Some(x.n.it),
        with: format!("{} × {}", c(x.n.gpus), c(x.r.hw.all_in_w)),
        sources: &x.r.hw.power_sources,
    }
    "facility_power_w" {
        quantity: Rows::FacilityPowerW.pair(),
        formula: "W_site = W_IT × PUE",
        unit: "W",
        value: Some(x.n.run.facility),
        with: format!("{} × {}", c(x.n.it), c(x.r.pue)),
        sources: if_default(x.r.s.pue == PUE_DEFAULT.value, PUE_DEFAULT.sources),
    }
    "energy_j" {
        quantity: Rows::EnergyJ.pair(),
        formula: "E = W_site × T",
        unit: "J",
        value: Some(x.n.run.energy),
        with: format!("{} × {}", c(x.n.run.facility), c(x.n.run.duration)),
        sources: NONE,
    }
    "co2_kg" {
        quantity: Rows::EnergyJ2.pair(),
        formula: Rows::EnergyJFormula.pair(),
        unit: "kg",
        value: Some(x.n.co2),
        with: format!("{} × {}", c(x.n.run.kwh), c(x.r.kg_per_kwh)),
        sources: {
            let default = x.r.s.kg_co2_per_kwh == KG_CO2_PER_KWH_DEFAULT.value;
            if_default(default, KG_CO2_PER_KWH_DEFAULT.sources)
        },
    }
    "homes" {
        quantity: Rows::Homes.pair(),
        formula: Rows::HomesFormula.pair(),
        unit: "homes",
        value: Some(x.n.homes),
        with: format!("{} / {}", c(x.n.run.facility), c(home_w())),
        sources: HOME_KWH_PER_YEAR.sources,
    }
    "home_years" {
        quantity: Rows::HomeYears.pair(),
        formula: "Y = E[kWh] / 10,715 (EIA 2020)",
        unit: "home·yr",
        value: Some(x.n.home_years),
        with: format!("{} / {}", c(x.n.run.kwh), c(HOME_KWH_PER_YEAR.value)),
        sources: HOME_KWH_PER_YEAR.sources,
    }
    }
}

/// Rental and electricity.
fn cost(steps: &mut Vec<Step>, x: &X) {
    rows! { steps, x;
    "cost_usd.compute" {
        quantity: Rows::CostUsdCompute.pair(),
        formula: Rows::CostUsdComputeFormula.pair(),
        unit: "USD",
        value: Some(x.n.run.compute_usd),
        with: format!("{} × {}", c(x.n.run.chip_hours), c(x.r.usd_per_chip_hour)),
        sources: &x.r.price_sources,
    }
    "cost_usd.electricity" {
        quantity: Rows::CostUsdElectricity.pair(),
        formula: Rows::CostUsdElectricityFormula.pair(),
        unit: "USD",
        value: Some(x.n.run.elec_usd),
        with: format!("{} × {}", c(x.n.run.kwh), c(x.r.usd_per_kwh)),
        sources: {
            let default = x.r.s.usd_per_kwh == USD_PER_KWH_DEFAULT.value;
            if_default(default, USD_PER_KWH_DEFAULT.sources)
        },
    }
    "cost_usd.total" {
        quantity: Rows::CostUsdTotal.pair(),
        formula: "$ = $_GPU + $_E",
        unit: "USD",
        value: Some(x.n.run.total),
        with: format!("{} + {}", c(x.n.run.compute_usd), c(x.n.run.elec_usd)),
        sources: NONE,
    }
    }
}

/// A claimed duration and a target duration.
fn claim(steps: &mut Vec<Step>, x: &X) {
    rows! { steps, x;
    "implied_utilization" {
        quantity: Rows::ImpliedUtilization.pair(),
        formula: "u = C / (P × T_claim)",
        unit: "1",
        value: x.n.implied_utilization,
        with: {
            let t = x.r.claimed.unwrap_or_default();
            format!("{} / ({} × {})", c(x.n.flop), c(x.n.peak), c(t))
        },
        sources: NONE,
    }
    "chips_needed" {
        quantity: Rows::ChipsNeeded.pair(),
        formula: "G = ⌈C / (P₁ × u × T_target)⌉",
        unit: "GPU",
        value: x.n.chips_needed,
        with: {
            let t = x.r.target.unwrap_or_default();
            let (f, p, u) = (x.n.flop, x.r.peak_gpu, x.r.u);
            format!("⌈{} / ({} × {} × {})⌉", c(f), c(p), c(u), c(t))
        },
        sources: NONE,
    }
    }
}

/// Energy in kWh, for the rows that write it.
pub(super) fn kwh(j: f64) -> f64 {
    j / J_PER_KWH
}

crate::keys! {
    /// The rows' names and formulas in words, by row id (`…Formula`: the formula).
    enum Rows {
        TrainingFlop => "Training compute",
            "Calcul d'entraînement";
        Gpus => "GPUs",
            "GPU";
        GpusFormula => "G = count × GPUs per unit",
            "G = nombre × GPU par unité";
        PeakFlopPerSPerGpu => "Peak per GPU",
            "Pic par GPU";
        PeakFlopPerS => "Cluster peak",
            "Pic du cluster";
        Utilization => "Predicted utilization (best layout)",
            "Utilisation prédite (meilleure répartition)";
        UtilizationFormula => "u = MFU(best layout)",
            "u = MFU(meilleure répartition)";
        EffectiveFlopPerS => "Sustained throughput",
            "Débit soutenu";
        DurationS => "Training time",
            "Durée d'entraînement";
        ChipHours => "GPU-hours",
            "Heures-GPU";
        ItPowerW => "IT power",
            "Puissance informatique";
        ItPowerWFormula => "W_IT = G × W₁ (all-in per GPU)",
            "W_IT = G × W₁ (tout compris par GPU)";
        FacilityPowerW => "Facility power",
            "Puissance du site";
        EnergyJ => "Energy",
            "Énergie";
        EnergyJ2 => "CO₂",
            "CO₂";
        EnergyJFormula => "M = E[kWh] × intensity",
            "M = E[kWh] × intensité";
        Homes => "US homes drawing the same power",
            "Foyers américains de même puissance";
        HomesFormula => "N = W_site / (10,715 kWh / 8,766 h), EIA 2020",
            "N = W_site / (10\u{202f}715 kWh / 8\u{202f}766 h), EIA 2020";
        HomeYears => "Years of a US home's electricity",
            "Années de consommation d'un foyer américain";
        CostUsdCompute => "Compute cost (rental)",
            "Coût de calcul (location)";
        CostUsdComputeFormula => "$_GPU = H × price per GPU-hour",
            "$_GPU = H × prix par heure-GPU";
        CostUsdElectricity => "Electricity cost",
            "Coût de l'électricité";
        CostUsdElectricityFormula => "$_E = E[kWh] × price per kWh",
            "$_E = E[kWh] × prix par kWh";
        CostUsdTotal => "Total cost",
            "Coût total";
        ImpliedUtilization => "Utilization the claim implies",
            "Utilisation qu'implique l'affirmation";
        ChipsNeeded => "GPUs needed for the target",
            "GPU nécessaires pour l'objectif";
    }
}
