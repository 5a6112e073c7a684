//! The "show the math" rows of scale: interruptions, a site's power, buying and a budget.

use super::explain::{if_default, kwh, rows, NONE, X};
use crate::catalog::{
    CHECKPOINT_S_DEFAULT, FACILITY_USD_PER_W_DEFAULT, INTERRUPTIONS_LLAMA3_405B,
    INTERRUPTIONS_LLAMA3_DAYS, INTERRUPTIONS_LLAMA3_GPUS, LIFETIME_S_DEFAULT,
};
use crate::format::compact as c;
use crate::report::Step;

/// The source of the default interruption rate.
const LLAMA3: &[&str] = &["llama3-paper"];

/// Interruptions, then the site, then buying and the budget, in the page's order.
pub(super) fn scale(steps: &mut Vec<Step>, x: &X) {
    failures(steps, x);
    wall(steps, x);
    capex(steps, x);
    ownership(steps, x);
}

/// Interruptions and checkpoints.
fn failures(steps: &mut Vec<Step>, x: &X) {
    rows! { steps, x;
    "goodput.interruptions_per_gpu_hour" {
        quantity: Rows::GoodputInterruptionsPerGpuHour.pair(),
        formula: Rows::GoodputInterruptionsPerGpuHourFormula.pair(),
        unit: "1/(GPU·h)",
        value: {
            x.r.s
                .interruptions_per_gpu_hour
                .is_none()
                .then_some(x.r.rate)
        },
        with: {
            let (n, g, d) = (
                INTERRUPTIONS_LLAMA3_405B.value,
                INTERRUPTIONS_LLAMA3_GPUS.value,
                INTERRUPTIONS_LLAMA3_DAYS.value,
            );
            format!("{} / ({} × {} × 24)", c(n), c(g), c(d))
        },
        sources: LLAMA3,
    }
    "goodput.mtbf_s" {
        quantity: Rows::GoodputMtbfS.pair(),
        formula: "M = 3600 / (G × λ₁)",
        unit: "s",
        value: Some(x.n.goodput.g.mtbf_s),
        with: format!("3600 / ({} × {})", c(x.n.gpus), c(x.r.rate)),
        sources: if_default(x.r.s.interruptions_per_gpu_hour.is_none(), LLAMA3),
    }
    "goodput.checkpoint_interval_s" {
        quantity: Rows::GoodputCheckpointIntervalS.pair(),
        formula: {
            if x.n.goodput.g.capped {
                "τ = M (δ ≥ M/2: Young's √(2·δ·M) does not hold)"
            } else {
                "τ = √(2 · δ · M) (Young)"
            }
        },
        unit: "s",
        value: Some(x.n.goodput.g.interval_s),
        with: {
            let g = &x.n.goodput.g;
            if g.capped {
                c(g.mtbf_s)
            } else {
                format!("√(2 × {} × {})", c(x.r.checkpoint_s), c(g.mtbf_s))
            }
        },
        sources: checkpoint_sources(x),
    }
    "goodput.fraction" {
        quantity: Rows::GoodputFraction.pair(),
        formula: "f = τ / (M · e^(R/M) · (e^((τ+δ)/M) − 1)) (Daly)",
        unit: "1",
        value: Some(x.n.goodput.g.fraction),
        with: {
            let (t, m) = (c(x.n.goodput.g.interval_s), c(x.n.goodput.g.mtbf_s));
            let (r, d) = (c(x.r.restart_s), c(x.r.checkpoint_s));
            format!("{t} / ({m} × e^({r}/{m}) × (e^(({t} + {d})/{m}) − 1))")
        },
        sources: checkpoint_sources(x),
    }
    }
}

/// The wall clock they give, its energy and cost.
fn wall(steps: &mut Vec<Step>, x: &X) {
    rows! { steps, x;
    "goodput.wall_clock_s" {
        quantity: Rows::GoodputWallClockS.pair(),
        formula: "T_wall = T / f",
        unit: "s",
        value: x.n.goodput.wall,
        with: format!("{} / {}", c(x.n.run.duration), c(x.n.goodput.g.fraction)),
        sources: NONE,
    }
    "goodput.expected_interruptions" {
        quantity: Rows::GoodputExpectedInterruptions.pair(),
        formula: "n = T_wall / M",
        unit: "",
        value: x.n.goodput.expected,
        with: format!("{} / {}", c(x.wall()), c(x.n.goodput.g.mtbf_s)),
        sources: NONE,
    }
    "goodput.energy_j" {
        quantity: Rows::GoodputEnergyJ.pair(),
        formula: "E_wall = W_site × T_wall",
        unit: "J",
        value: x.n.goodput.energy,
        with: format!("{} × {}", c(x.n.run.facility), c(x.wall())),
        sources: NONE,
    }
    "goodput.cost_usd" {
        quantity: Rows::GoodputCostUsd.pair(),
        formula: "$_wall = G × T_wall/3600 × price + E_wall[kWh] × price per kWh",
        unit: "USD",
        value: x.n.goodput.cost,
        with: {
            let (g, w, p) = (c(x.n.gpus), c(x.wall()), c(x.r.usd_per_chip_hour));
            let e = c(kwh(x.n.goodput.energy.unwrap_or_default()));
            format!("{g} × {w}/3600 × {p} + {e} × {}", c(x.r.usd_per_kwh))
        },
        sources: NONE,
    }
    }
}

/// A site's GPUs; buying the cluster.
fn capex(steps: &mut Vec<Step>, x: &X) {
    rows! { steps, x;
    "site.gpus" {
        quantity: Rows::SiteGpus.pair(),
        formula: "G_site = ⌊W_site / (W₁ × PUE)⌋",
        unit: "GPU",
        value: x.n.site.map(|(_, g)| g),
        with: {
            let w = x.r.site_power.unwrap_or_default();
            format!("⌊{} / ({} × {})⌋", c(w), c(x.r.hw.all_in_w), c(x.r.pue))
        },
        sources: NONE,
    }
    "capex.chips_usd" {
        quantity: Rows::CapexChipsUsd.pair(),
        formula: "$_chips = G × purchase price",
        unit: "USD",
        value: x.n.capex.map(|k| k.chips_usd),
        with: format!("{} × {}", c(x.n.gpus), c(x.capex().price)),
        sources: purchase_sources(x),
    }
    "capex.facility_usd" {
        quantity: Rows::CapexFacilityUsd.pair(),
        formula: "$_site = W_IT × $ per W",
        unit: "USD",
        value: x.n.capex.map(|k| k.facility_usd),
        with: format!("{} × {}", c(x.n.it), c(x.r.facility_usd_per_w)),
        sources: {
            let default = x.r.s.facility_usd_per_w.is_none();
            if_default(default, FACILITY_USD_PER_W_DEFAULT.sources)
        },
    }
    "capex.total_usd" {
        quantity: Rows::CapexTotalUsd.pair(),
        formula: "$_capex = $_chips + $_site",
        unit: "USD",
        value: x.n.capex.map(|k| k.total),
        with: format!("{} + {}", c(x.capex().chips_usd), c(x.capex().facility_usd)),
        sources: NONE,
    }
    "capex.amortized_usd" {
        quantity: Rows::CapexAmortizedUsd.pair(),
        formula: "$_amort = $_capex × T / lifetime",
        unit: "USD",
        value: x.n.capex.map(|k| k.amortized),
        with: {
            let (k, t, life) = (x.capex().total, x.n.run.duration, x.r.lifetime_s);
            format!("{} × {} / {}", c(k), c(t), c(life))
        },
        sources: if_default(x.r.s.lifetime_s.is_none(), LIFETIME_S_DEFAULT.sources),
    }
    }
}

/// Owning instead of renting; what a budget buys.
fn ownership(steps: &mut Vec<Step>, x: &X) {
    rows! { steps, x;
    "cost_usd.ownership" {
        quantity: Rows::CostUsdOwnership.pair(),
        formula: "$_own = $_amort + $_E",
        unit: "USD",
        value: x.n.capex.map(|k| k.ownership),
        with: format!("{} + {}", c(x.capex().amortized), c(x.n.run.elec_usd)),
        sources: NONE,
    }
    "goodput.ownership_usd" {
        quantity: Rows::GoodputOwnershipUsd.pair(),
        formula: "$_own,wall = $_capex × T_wall / lifetime + E_wall[kWh] × price per kWh",
        unit: "USD",
        value: x.n.capex.and_then(|k| k.ownership_wall),
        with: {
            let (k, w, life) = (c(x.capex().total), c(x.wall()), c(x.r.lifetime_s));
            let e = c(kwh(x.n.goodput.energy.unwrap_or_default()));
            format!("{k} × {w} / {life} + {e} × {}", c(x.r.usd_per_kwh))
        },
        sources: NONE,
    }
    "budget.gpus" {
        quantity: Rows::BudgetGpus.pair(),
        formula: "G_$ = ⌊budget / (price + $ per W × W₁)⌋",
        unit: "GPU",
        value: x.capex().budget.map(|b| b.gpus),
        with: {
            let (b, p) = (c(x.budget().usd), c(x.capex().price));
            let (f, w) = (c(x.r.facility_usd_per_w), c(x.r.hw.all_in_w));
            format!("⌊{b} / ({p} + {f} × {w})⌋")
        },
        sources: purchase_sources(x),
    }
    "budget.facility_power_w" {
        quantity: Rows::BudgetFacilityPowerW.pair(),
        formula: "W_$ = G_$ × W₁ × PUE",
        unit: "W",
        value: x.capex().budget.map(|b| b.power),
        with: {
            let (g, w, p) = (x.budget().gpus, x.r.hw.all_in_w, x.r.pue);
            format!("{} × {} × {}", c(g), c(w), c(p))
        },
        sources: NONE,
    }
    }
}

fn checkpoint_sources(x: &X) -> &'static [&'static str] {
    if_default(x.r.s.checkpoint_s.is_none(), CHECKPOINT_S_DEFAULT.sources)
}

fn purchase_sources<'a>(x: &X<'a>) -> &'a [String] {
    x.r.purchase.as_ref().map_or(&[], |(_, s)| s.as_slice())
}

crate::keys! {
    /// The rows' names and formulas in words, by row id (`…Formula`: the formula).
    enum Rows {
        GoodputInterruptionsPerGpuHour => "Interruptions per GPU-hour (Llama 3 405B)",
            "Interruptions par heure-GPU (Llama 3 405B)";
        GoodputInterruptionsPerGpuHourFormula => "λ₁ = interruptions / (GPUs × days × 24)",
            "λ₁ = interruptions / (GPU × jours × 24)";
        GoodputMtbfS => "Mean time between interruptions of the job",
            "Temps moyen entre interruptions du travail";
        GoodputCheckpointIntervalS => "Optimal checkpoint interval",
            "Intervalle optimal entre points de reprise";
        GoodputFraction => "Share of the wall clock spent training",
            "Part du temps réel passée à entraîner";
        GoodputWallClockS => "Wall clock with interruptions",
            "Durée réelle avec interruptions";
        GoodputExpectedInterruptions => "Interruptions expected",
            "Interruptions attendues";
        GoodputEnergyJ => "Energy over the wall clock",
            "Énergie sur la durée réelle";
        GoodputCostUsd => "Rental and electricity over the wall clock",
            "Location et électricité sur la durée réelle";
        SiteGpus => "GPUs the site holds",
            "GPU que le site peut accueillir";
        CapexChipsUsd => "GPUs bought",
            "Achat des GPU";
        CapexFacilityUsd => "Facility built",
            "Construction du site";
        CapexTotalUsd => "Capital cost",
            "Investissement";
        CapexAmortizedUsd => "Capital cost's share for the run",
            "Part de l'investissement pour l'entraînement";
        CostUsdOwnership => "Cost if owned",
            "Coût en propriété";
        GoodputOwnershipUsd => "Cost if owned, over the wall clock",
            "Coût en propriété sur la durée réelle";
        BudgetGpus => "GPUs the budget buys",
            "GPU que le budget achète";
        BudgetFacilityPowerW => "Site power they need",
            "Puissance de site nécessaire";
    }
}
