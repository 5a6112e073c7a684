//! Step 2 of the pipeline: numbers only. Every figure of the report is computed here, once;
//! the "show the math" rows ([`super::explain`]) and the ranges ([`super::ranges`]) read them.

use super::resolve::Resolved;
use super::{HOURS_PER_YEAR, J_PER_KWH};
use crate::catalog::HOME_KWH_PER_YEAR;
use crate::goodput;
use crate::money;
use crate::scaling::{self, ComputeOptimal, DiminishingReturns};
use crate::site;

/// Average power of a US home (W): 10,715 kWh a year (EIA 2020) over 8,766 hours.
pub(crate) fn home_w() -> f64 {
    HOME_KWH_PER_YEAR.value * 1000.0 / HOURS_PER_YEAR
}

/// What a run costs in time, energy and money: the core chain from compute to dollars. The
/// ranges call it again with their corner's inputs.
#[derive(Debug, Clone, Copy)]
pub(super) struct Run {
    pub eff: f64,
    pub duration: f64,
    pub chip_hours: f64,
    pub facility: f64,
    pub energy: f64,
    pub kwh: f64,
    pub compute_usd: f64,
    pub elec_usd: f64,
    pub total: f64,
}

/// The prices a run pays.
#[derive(Debug, Clone, Copy)]
pub(super) struct Prices {
    pub usd_per_chip_hour: f64,
    pub usd_per_kwh: f64,
}

/// A run of `flop` on `gpus` GPUs of cluster peak `peak` at utilization `u`, drawing `it` W
/// of IT power on a site of `pue`.
#[inline(never)]
pub(super) fn run(flop: f64, gpus: f64, peak: f64, u: f64, it: f64, pue: f64, p: Prices) -> Run {
    let eff = peak * u;
    let duration = flop / eff;
    let chip_hours = gpus * duration / 3600.0;
    let facility = it * pue;
    let energy = facility * duration;
    let kwh = energy / J_PER_KWH;
    let compute_usd = chip_hours * p.usd_per_chip_hour;
    let elec_usd = kwh * p.usd_per_kwh;
    Run {
        eff,
        duration,
        chip_hours,
        facility,
        energy,
        kwh,
        compute_usd,
        elec_usd,
        total: compute_usd + elec_usd,
    }
}

/// Rental and electricity for `wall_s` seconds of `gpus` GPUs drawing `facility_w` at the site.
pub(super) fn wall_cost(gpus: f64, facility_w: f64, wall_s: f64, p: Prices) -> f64 {
    gpus * wall_s / 3600.0 * p.usd_per_chip_hour + facility_w * wall_s / J_PER_KWH * p.usd_per_kwh
}

/// Interruptions: the failure model and, when the run finishes, its wall clock.
#[derive(Debug, Clone, Copy)]
pub(super) struct Goodput {
    pub g: goodput::Model,
    pub wall: Option<f64>,
    pub expected: Option<f64>,
    pub energy: Option<f64>,
    pub cost: Option<f64>,
}

/// What a budget buys.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Budget {
    pub usd: f64,
    /// Dollars per GPU, its share of the facility included.
    pub per_gpu: f64,
    pub gpus: f64,
    /// The site power those GPUs need.
    pub power: f64,
}

/// Buying instead of renting.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Capex {
    pub price: f64,
    pub chips_usd: f64,
    pub facility_usd: f64,
    pub total: f64,
    pub amortized: f64,
    pub ownership: f64,
    pub ownership_wall: Option<f64>,
    pub budget: Option<Budget>,
}

/// Every number of the report.
pub(super) struct Numbers {
    pub flop: f64,
    pub gpus: f64,
    pub peak: f64,
    pub it: f64,
    pub run: Run,
    pub co2: f64,
    pub homes: f64,
    pub home_years: f64,
    pub goodput: Goodput,
    /// Site power and the GPUs it holds.
    pub site: Option<(f64, f64)>,
    pub capex: Option<Capex>,
    pub implied_utilization: Option<f64>,
    pub chips_needed: Option<f64>,
    pub compute_optimal: Option<ComputeOptimal>,
    pub diminishing_returns: Option<DiminishingReturns>,
}

impl Resolved<'_> {
    pub(super) fn prices(&self) -> Prices {
        Prices {
            usd_per_chip_hour: self.usd_per_chip_hour,
            usd_per_kwh: self.usd_per_kwh,
        }
    }
}

/// Computes every figure from the resolved inputs.
pub(super) fn compute(r: &Resolved) -> Numbers {
    let flop = r.compute.flop;
    let gpus = r.count * r.per_unit;
    let peak = gpus * r.peak_gpu;
    let it = gpus * r.hw.all_in_w;
    let run = run(flop, gpus, peak, r.u, it, r.pue, r.prices());
    let goodput = goodput(r, gpus, &run);
    let capex = r
        .purchase
        .as_ref()
        .map(|(p, _)| capex(r, *p, gpus, it, &run, &goodput));
    Numbers {
        flop,
        gpus,
        peak,
        it,
        co2: run.kwh * r.kg_per_kwh,
        homes: run.facility / home_w(),
        home_years: run.kwh / HOME_KWH_PER_YEAR.value,
        goodput,
        site: r
            .site_power
            .map(|w| (w, site::gpus_for_power(w, r.hw.all_in_w, r.pue))),
        capex,
        implied_utilization: r.claimed.map(|t| flop / (peak * t)),
        chips_needed: r.target.map(|t| (flop / (r.peak_gpu * r.u * t)).ceil()),
        compute_optimal: scaling::compute_optimal(&r.s.workload),
        diminishing_returns: scaling::diminishing_returns(flop, run.total),
        run,
    }
}

fn goodput(r: &Resolved, gpus: f64, run: &Run) -> Goodput {
    let g = goodput::model(gpus, r.rate, r.checkpoint_s, r.restart_s);
    // A wall clock so long that its energy or cost overflows is a run that never finishes too.
    let cost = |w: f64| wall_cost(gpus, run.facility, w, r.prices());
    let wall = g
        .wall_clock_s(run.duration)
        .filter(|&w| cost(w).is_finite());
    Goodput {
        g,
        wall,
        expected: wall.map(|w| w / g.mtbf_s),
        energy: wall.map(|w| run.facility * w),
        cost: wall.map(cost),
    }
}

fn capex(r: &Resolved, price: f64, gpus: f64, it: f64, run: &Run, g: &Goodput) -> Capex {
    let chips_usd = gpus * price;
    let facility_usd = it * r.facility_usd_per_w;
    let total = chips_usd + facility_usd;
    let amortized = money::amortized(total, run.duration, r.lifetime_s);
    let ownership_wall = match (g.wall, g.energy) {
        (Some(w), Some(e)) => {
            let v = money::amortized(total, w, r.lifetime_s) + e / J_PER_KWH * r.usd_per_kwh;
            v.is_finite().then_some(v)
        }
        _ => None,
    };
    let budget = r.budget_usd.map(|b| {
        let per = money::usd_per_gpu(price, r.facility_usd_per_w, r.hw.all_in_w);
        let g = money::gpus_for_budget(b, per);
        Budget {
            usd: b,
            per_gpu: per,
            gpus: g,
            power: g * r.hw.all_in_w * r.pue,
        }
    });
    Capex {
        price,
        chips_usd,
        facility_usd,
        total,
        amortized,
        ownership: amortized + run.elec_usd,
        ownership_wall,
        budget,
    }
}
