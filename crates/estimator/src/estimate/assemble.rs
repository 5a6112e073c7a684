//! Step 5 of the pipeline: the report, from the inputs, the numbers, the rows, the warnings and
//! the ranges; and its last check (every number finite).

use super::compute::Numbers;
use super::resolve::Resolved;
use crate::catalog;
use crate::error::{Conflict, Error, ErrorKind};
use crate::report::{
    Assumptions, Budget, Capex, Cited, Cost, EnergySplit, Goodput, HardwareUsed, IntervalRule,
    Ranges, Report, Site, Step, Warning,
};
use crate::site;

/// The parts the report is made of.
pub(super) struct Parts<'a> {
    pub r: Resolved<'a>,
    pub n: Numbers,
    pub steps: Vec<Step>,
    pub warnings: Vec<Warning>,
    pub ranges: Ranges,
}

/// The report; an error when a figure does not fit in a finite number.
pub(super) fn assemble(p: Parts) -> Result<Report, Error> {
    finite(&p.steps)?;
    let Parts {
        r,
        n,
        steps,
        warnings,
        ranges,
    } = p;
    let run = n.run;
    let capex = n.capex;
    Ok(Report {
        training_flop: n.flop,
        hardware: HardwareUsed {
            id: r.hw.id.clone(),
            name: r.hw.name.clone(),
            all_in_w: r.hw.all_in_w,
        },
        count: r.count,
        count_unit: r.s.count_unit,
        gpus: n.gpus,
        precision: r.s.precision,
        sparse: r.s.sparse,
        peak_flop_per_s_per_gpu: r.peak_gpu,
        peak_flop_per_s: n.peak,
        utilization: r.u,
        utilization_basis: r.basis,
        effective_flop_per_s: run.eff,
        duration_s: run.duration,
        chip_hours: run.chip_hours,
        it_power_w: n.it,
        facility_power_w: run.facility,
        energy_j: run.energy,
        energy_split_j: EnergySplit {
            it: n.it * run.duration,
            overhead: run.energy - n.it * run.duration,
        },
        co2_kg: n.co2,
        homes: n.homes,
        home_years: n.home_years,
        cost_usd: Cost {
            compute: run.compute_usd,
            electricity: run.elec_usd,
            total: run.total,
            ownership: capex.map(|k| k.ownership),
        },
        implied_utilization: n.implied_utilization,
        chips_needed: n.chips_needed,
        count_needed: n.chips_needed.map(|g| (g / r.per_unit).ceil()),
        goodput: goodput(&r, &n),
        site: site(&r, &n),
        capex: capex.map(|k| Capex {
            usd_per_chip: k.price,
            chips_usd: k.chips_usd,
            facility_usd: k.facility_usd,
            total_usd: k.total,
            lifetime_s: r.lifetime_s,
            amortized_usd: k.amortized,
        }),
        budget: budget(&r, &n),
        assumptions: assumptions(&r, &n),
        compute_optimal: n.compute_optimal,
        diminishing_returns: n.diminishing_returns,
        predicted_utilization: r.predicted,
        ranges,
        warnings,
        sources: cited(&steps),
        steps,
    })
}

/// An error naming the first row whose value is not finite.
fn finite(steps: &[Step]) -> Result<(), Error> {
    if let Some(bad) = steps.iter().find(|s| !s.value.is_finite()) {
        return Err(Error::new(
            "scenario",
            ErrorKind::Conflict(Conflict::NotFinite {
                quantity: bad.quantity.clone(),
            }),
        ));
    }
    Ok(())
}

fn site(r: &Resolved, n: &Numbers) -> Option<Site> {
    n.site.map(|(w, gpus)| Site {
        site_power_w: w,
        w_per_gpu: site::w_per_gpu(r.hw.all_in_w, r.pue),
        gpus,
        count: (gpus / r.per_unit).floor(),
    })
}

fn budget(r: &Resolved, n: &Numbers) -> Option<Budget> {
    n.capex.and_then(|k| k.budget).map(|b| Budget {
        budget_usd: b.usd,
        usd_per_gpu: b.per_gpu,
        gpus: b.gpus,
        count: (b.gpus / r.per_unit).floor(),
        facility_power_w: b.power,
    })
}

/// The values the estimate used, defaults included.
fn assumptions(r: &Resolved, n: &Numbers) -> Assumptions {
    Assumptions {
        utilization: r.u,
        pue: r.pue,
        usd_per_chip_hour: r.usd_per_chip_hour,
        usd_per_kwh: r.usd_per_kwh,
        kg_co2_per_kwh: r.kg_per_kwh,
        interruptions_per_gpu_hour: r.rate,
        checkpoint_s: r.checkpoint_s,
        restart_s: r.restart_s,
        usd_purchase_per_chip: n.capex.map(|k| k.price),
        facility_usd_per_w: r.facility_usd_per_w,
        lifetime_s: r.lifetime_s,
    }
}

fn goodput(r: &Resolved, n: &Numbers) -> Goodput {
    let (g, gp) = (&n.goodput.g, &n.goodput);
    Goodput {
        interruptions_per_gpu_hour: r.rate,
        mtbf_s: g.mtbf_s,
        checkpoint_s: r.checkpoint_s,
        restart_s: r.restart_s,
        checkpoint_interval_s: g.interval_s,
        interval_rule: if g.capped {
            IntervalRule::Mtbf
        } else {
            IntervalRule::Young
        },
        fraction: g.fraction,
        wall_clock_s: gp.wall,
        expected_interruptions: gp.expected,
        energy_j: gp.energy,
        cost_usd: gp.cost,
        ownership_usd: n.capex.and_then(|k| k.ownership_wall),
    }
}

/// The catalog sources the rows cite, each once, in the order first cited.
fn cited(steps: &[Step]) -> Vec<Cited> {
    let mut cited: Vec<Cited> = Vec::new();
    for id in steps.iter().flat_map(|s| s.sources.iter()) {
        if cited.iter().any(|c| &c.id == id) {
            continue;
        }
        if let Some(src) = catalog::source(id) {
            cited.push(Cited {
                id: src.id.into(),
                title: src.title.into(),
                url: src.url.into(),
                date: src.date.into(),
                kind: src.kind.into(),
            });
        }
    }
    cited
}
