//! The execution: from a scenario to a report, every step written down.

use crate::catalog::{
    self, HOME_KWH_PER_YEAR, KG_CO2_PER_KWH_DEFAULT, PUE_DEFAULT, PUE_HIGH, PUE_LOW,
    USD_PER_KWH_DEFAULT, UTILIZATION_DEFAULT, UTILIZATION_TYPICAL_HIGH, UTILIZATION_TYPICAL_LOW,
    UTILIZATION_WARNING,
};
use crate::error::{Error, ErrorKind};
use crate::format::{self as fmt, compact as c, Locale};
use crate::hardware::HardwareChoice;
use crate::limits;
use crate::report::{
    Assumptions, Budget, Capex, Cited, Cost, EnergySplit, Goodput, HardwareUsed, Range, Ranges,
    Report, Site, Step, Warning,
};
use crate::scenario::Scenario;
use crate::utilization::{self, PredictedUtilization, Utilization};
use crate::workload::Workload;
use crate::{goodput, money, site};

/// Joules in a kilowatt-hour.
pub const J_PER_KWH: f64 = 3.6e6;
/// Hours in an average year (365.25 days).
pub const HOURS_PER_YEAR: f64 = 8766.0;

struct Steps(Vec<Step>);

impl Steps {
    // One argument per column of the "show the math" table; a struct literal would only rename them.
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        id: &str,
        quantity: &str,
        formula: &str,
        substitution: String,
        value: f64,
        unit: &str,
        sources: &[&str],
    ) -> f64 {
        self.0.push(Step {
            id: id.into(),
            quantity: quantity.into(),
            formula: formula.into(),
            substitution,
            value,
            unit: unit.into(),
            sources: sources.iter().map(|s| s.to_string()).collect(),
        });
        value
    }
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

fn tr(l: Locale, en: &'static str, fr: &'static str) -> &'static str {
    match l {
        Locale::En => en,
        Locale::Fr => fr,
    }
}

fn warn(warnings: &mut Vec<Warning>, code: &str, field: &str, message: String) {
    warnings.push(Warning {
        code: code.into(),
        field: field.into(),
        message,
    });
}

/// Estimates time, power, energy, emissions and cost of a training scenario.
///
/// Pure and stateless: the CLI, the JS API and the page all call this.
///
/// # Errors
/// A field out of range, an unknown id, or an impossible combination (fp8 on a V100, racks of
/// H100); [`Error::field`] names the field.
///
/// ```
/// use zettaflop_estimator::{estimate, Scenario, Workload, HardwareChoice};
/// // GPT-4 (2.1e25 FLOP) on 25,000 A100 at 33 % utilization takes about 95 days.
/// let s = Scenario {
///     workload: Workload::Flop { flop: 2.1e25 },
///     hardware: HardwareChoice::Id("a100".into()),
///     count: 25_000.0,
///     utilization: Some(0.33.into()),
///     ..Scenario::default()
/// };
/// let s = Scenario { count_unit: zettaflop_estimator::CountUnit::Chip, ..s };
/// let days = estimate(&s)?.duration_s / 86_400.0;
/// assert!((days - 94.4).abs() < 0.1);
/// # Ok::<(), zettaflop_estimator::Error>(())
/// ```
pub fn estimate(s: &Scenario) -> Result<Report, Error> {
    estimate_in(s, Locale::En)
}

/// [`estimate`] with the step names and warnings in `l`.
///
/// # Errors
/// As [`estimate`].
pub fn estimate_in(s: &Scenario, l: Locale) -> Result<Report, Error> {
    let compute = s.workload.compute()?;
    let hw = s.hardware.resolve()?;
    let count = limits::COUNT.check("count", s.count)?;
    let pue = limits::PUE.check("pue", s.pue)?;
    let usd_per_kwh = limits::USD_PER_KWH.check("usd_per_kwh", s.usd_per_kwh)?;
    let kg_per_kwh = limits::KG_CO2_PER_KWH.check("kg_co2_per_kwh", s.kg_co2_per_kwh)?;
    let (usd_per_chip_hour, price_sources): (f64, Vec<&str>) =
        match (s.usd_per_chip_hour, hw.usd_per_chip_hour) {
            (Some(p), _) => (
                limits::USD_PER_CHIP_HOUR.check("usd_per_chip_hour", p)?,
                vec![],
            ),
            (None, Some(p)) => (p, hw.price_sources.iter().map(String::as_str).collect()),
            (None, None) => {
                return Err(Error::new(
                    "usd_per_chip_hour",
                    ErrorKind::Missing {
                        hint: format!(
                            "{} has no catalog rental price: give usd_per_chip_hour",
                            hw.name
                        ),
                        fr: format!(
                        "{} n'a pas de prix de location au catalogue : donnez usd_per_chip_hour",
                        hw.name
                    ),
                    },
                ))
            }
        };
    let claimed = s
        .claimed_duration_s
        .map(|d| limits::DURATION_S.check("claimed_duration_s", d))
        .transpose()?;
    let target = s
        .target_duration_s
        .map(|d| limits::DURATION_S.check("target_duration_s", d))
        .transpose()?;
    let per_unit = f64::from(hw.gpus_per(s.count_unit)?);
    let peak_gpu = hw.peak_per_gpu(s.precision, s.sparse)?;
    let preset_id = match &s.workload {
        Workload::Preset(id) => Some(id.as_str()),
        _ => None,
    };
    let hw_id = match &s.hardware {
        HardwareChoice::Id(id) => id.as_str(),
        HardwareChoice::Custom(_) => "",
    };
    let auto = || -> Result<(f64, PredictedUtilization), Error> {
        let (p, _) = utilization::predict(
            preset_id,
            hw_id,
            count * per_unit,
            s.precision,
            s.global_batch,
            l,
        )?;
        // MFU is a share of the dense peak; the sparse peak is twice as large.
        let dense = hw.peak_per_gpu(s.precision, false)?;
        Ok((p.mfu * dense / peak_gpu, p))
    };
    let mut auto_failed = None;
    let (u, basis, predicted) = match s.utilization {
        Some(Utilization::Given(v)) => {
            (limits::UTILIZATION.check("utilization", v)?, "given", None)
        }
        Some(Utilization::Auto) => {
            let (u, p) = auto()?;
            (u, "predicted", Some(p))
        }
        None if utilization::auto_by_default(preset_id) => match auto() {
            Ok((u, p)) => (u, "predicted", Some(p)),
            Err(e) => {
                auto_failed = Some(e);
                (UTILIZATION_DEFAULT.value, "default", None)
            }
        },
        None => (UTILIZATION_DEFAULT.value, "default", None),
    };
    let mut st = Steps(Vec::with_capacity(20));
    let mut warnings = Vec::new();

    let flop = st.push(
        "training_flop",
        tr(l, "Training compute", "Calcul d'entraînement"),
        &compute.formula,
        compute.substitution.clone(),
        compute.flop,
        "FLOP",
        &strs(&compute.sources),
    );
    let gpus = st.push(
        "gpus",
        tr(l, "GPUs", "GPU"),
        tr(l, "G = count × GPUs per unit", "G = nombre × GPU par unité"),
        format!("{} × {}", c(count), c(per_unit)),
        count * per_unit,
        "GPU",
        &[],
    );
    let sparse_factor = if s.sparse { 2.0 } else { 1.0 };
    st.push(
        "peak_flop_per_s_per_gpu",
        tr(l, "Peak per GPU", "Pic par GPU"),
        if s.sparse {
            "P₁ = 2 × dense peak (2:4 sparsity)"
        } else {
            "P₁ = dense peak"
        },
        format!(
            "{}{} ({})",
            if s.sparse { "2 × " } else { "" },
            c(peak_gpu / sparse_factor),
            s.precision.id()
        ),
        peak_gpu,
        "FLOP/s",
        &strs(&hw.peak_sources),
    );
    let peak = st.push(
        "peak_flop_per_s",
        tr(l, "Cluster peak", "Pic du cluster"),
        "P = G × P₁",
        format!("{} × {}", c(gpus), c(peak_gpu)),
        gpus * peak_gpu,
        "FLOP/s",
        &[],
    );
    let u_sources: &[&str] = if basis == "default" {
        UTILIZATION_DEFAULT.sources
    } else {
        &[]
    };
    if let Some(p) = &predicted {
        st.push(
            "utilization",
            tr(
                l,
                "Predicted utilization (best layout)",
                "Utilisation prédite (meilleure répartition)",
            ),
            tr(l, "u = MFU(best layout)", "u = MFU(meilleure répartition)"),
            format!("{} · batch {}", p.layout, p.global_batch),
            u,
            "1",
            &[],
        );
    }
    let eff = st.push(
        "effective_flop_per_s",
        tr(l, "Sustained throughput", "Débit soutenu"),
        "R = P × u",
        format!("{} × {}", c(peak), c(u)),
        peak * u,
        "FLOP/s",
        u_sources,
    );
    let duration = st.push(
        "duration_s",
        tr(l, "Training time", "Durée d'entraînement"),
        "T = C / R",
        format!("{} / {}", c(flop), c(eff)),
        flop / eff,
        "s",
        &[],
    );
    let chip_hours = st.push(
        "chip_hours",
        tr(l, "GPU-hours", "Heures-GPU"),
        "H = G × T / 3600",
        format!("{} × {} / 3600", c(gpus), c(duration)),
        gpus * duration / 3600.0,
        "GPU·h",
        &[],
    );
    let it = st.push(
        "it_power_w",
        tr(l, "IT power", "Puissance informatique"),
        tr(
            l,
            "W_IT = G × W₁ (all-in per GPU)",
            "W_IT = G × W₁ (tout compris par GPU)",
        ),
        format!("{} × {}", c(gpus), c(hw.all_in_w)),
        gpus * hw.all_in_w,
        "W",
        &strs(&hw.power_sources),
    );
    let pue_sources: &[&str] = if s.pue == PUE_DEFAULT.value {
        PUE_DEFAULT.sources
    } else {
        &[]
    };
    let facility = st.push(
        "facility_power_w",
        tr(l, "Facility power", "Puissance du site"),
        "W_site = W_IT × PUE",
        format!("{} × {}", c(it), c(pue)),
        it * pue,
        "W",
        pue_sources,
    );
    let energy = st.push(
        "energy_j",
        tr(l, "Energy", "Énergie"),
        "E = W_site × T",
        format!("{} × {}", c(facility), c(duration)),
        facility * duration,
        "J",
        &[],
    );
    let kwh = energy / J_PER_KWH;
    let co2_sources: &[&str] = if s.kg_co2_per_kwh == KG_CO2_PER_KWH_DEFAULT.value {
        KG_CO2_PER_KWH_DEFAULT.sources
    } else {
        &[]
    };
    let co2 = st.push(
        "co2_kg",
        tr(l, "CO₂", "CO₂"),
        tr(l, "M = E[kWh] × intensity", "M = E[kWh] × intensité"),
        format!("{} × {}", c(kwh), c(kg_per_kwh)),
        kwh * kg_per_kwh,
        "kg",
        co2_sources,
    );
    let home_w = HOME_KWH_PER_YEAR.value * 1000.0 / HOURS_PER_YEAR;
    let homes = st.push(
        "homes",
        tr(
            l,
            "US homes drawing the same power",
            "Foyers américains de même puissance",
        ),
        tr(
            l,
            "N = W_site / (10,715 kWh / 8,766 h), EIA 2020",
            "N = W_site / (10\u{202f}715 kWh / 8\u{202f}766 h), EIA 2020",
        ),
        format!("{} / {}", c(facility), c(home_w)),
        facility / home_w,
        "homes",
        HOME_KWH_PER_YEAR.sources,
    );
    let home_years = st.push(
        "home_years",
        tr(
            l,
            "Years of a US home's electricity",
            "Années de consommation d'un foyer américain",
        ),
        "Y = E[kWh] / 10,715 (EIA 2020)",
        format!("{} / {}", c(kwh), c(HOME_KWH_PER_YEAR.value)),
        kwh / HOME_KWH_PER_YEAR.value,
        "home·yr",
        HOME_KWH_PER_YEAR.sources,
    );
    let compute_usd = st.push(
        "cost_usd.compute",
        tr(l, "Compute cost (rental)", "Coût de calcul (location)"),
        tr(
            l,
            "$_GPU = H × price per GPU-hour",
            "$_GPU = H × prix par heure-GPU",
        ),
        format!("{} × {}", c(chip_hours), c(usd_per_chip_hour)),
        chip_hours * usd_per_chip_hour,
        "USD",
        &price_sources,
    );
    let kwh_sources: &[&str] = if s.usd_per_kwh == USD_PER_KWH_DEFAULT.value {
        USD_PER_KWH_DEFAULT.sources
    } else {
        &[]
    };
    let elec_usd = st.push(
        "cost_usd.electricity",
        tr(l, "Electricity cost", "Coût de l'électricité"),
        tr(
            l,
            "$_E = E[kWh] × price per kWh",
            "$_E = E[kWh] × prix par kWh",
        ),
        format!("{} × {}", c(kwh), c(usd_per_kwh)),
        kwh * usd_per_kwh,
        "USD",
        kwh_sources,
    );
    let total = st.push(
        "cost_usd.total",
        tr(l, "Total cost", "Coût total"),
        "$ = $_GPU + $_E",
        format!("{} + {}", c(compute_usd), c(elec_usd)),
        compute_usd + elec_usd,
        "USD",
        &[],
    );

    let scale = scale(
        &mut st,
        &mut warnings,
        s,
        l,
        Run {
            gpus,
            per_unit,
            all_in_w: hw.all_in_w,
            pue,
            it,
            facility,
            duration,
            usd_per_chip_hour,
            usd_per_kwh,
            elec_usd,
        },
    )?;

    if let Some(e) = auto_failed {
        warn(
            &mut warnings,
            "auto_failed",
            "utilization",
            match l {
                Locale::En => format!("no parallel layout found for this cluster ({}): the default utilization is used", e.reason_in(l)),
                Locale::Fr => format!("aucune répartition trouvée pour ce cluster ({}) : l'utilisation par défaut est retenue", e.reason_in(l)),
            },
        );
    }
    if u > UTILIZATION_WARNING.value {
        warn(
            &mut warnings,
            "utilization_high",
            "utilization",
            match l {
                Locale::En => format!(
                    "utilization {} is above {}: no published large training run sustains that",
                    fmt::percent(u, l),
                    fmt::percent(UTILIZATION_WARNING.value, l)
                ),
                Locale::Fr => format!(
                    "une utilisation de {} dépasse {} : aucun grand entraînement publié ne la soutient",
                    fmt::percent(u, l),
                    fmt::percent(UTILIZATION_WARNING.value, l)
                ),
            },
        );
    }
    if s.sparse {
        warn(
            &mut warnings,
            "sparse_peak",
            "sparse",
            tr(
                l,
                "the sparse peak assumes 2:4 structured sparsity, which training does not use: compare dense figures",
                "le pic creux suppose une parcimonie structurée 2:4, que l'entraînement n'utilise pas : comparez les pics denses",
            )
            .into(),
        );
    }

    let implied_utilization = claimed.map(|t| {
        let iu = st.push(
            "implied_utilization",
            tr(
                l,
                "Utilization the claim implies",
                "Utilisation qu'implique l'affirmation",
            ),
            "u = C / (P × T_claim)",
            format!("{} / ({} × {})", c(flop), c(peak), c(t)),
            flop / (peak * t),
            "1",
            &[],
        );
        if iu > 1.0 {
            warn(
                &mut warnings,
                "claim_impossible",
                "claimed_duration_s",
                match l {
                    Locale::En => format!(
                        "the claimed duration needs {} of the peak: impossible",
                        fmt::percent(iu, l)
                    ),
                    Locale::Fr => format!(
                        "la durée annoncée demande {} du pic : impossible",
                        fmt::percent(iu, l)
                    ),
                },
            );
        } else if iu > UTILIZATION_WARNING.value {
            warn(
                &mut warnings,
                "claim_optimistic",
                "claimed_duration_s",
                match l {
                    Locale::En => format!(
                        "the claimed duration needs {} of the peak: beyond any published run",
                        fmt::percent(iu, l)
                    ),
                    Locale::Fr => format!(
                        "la durée annoncée demande {} du pic : au-delà de tout entraînement publié",
                        fmt::percent(iu, l)
                    ),
                },
            );
        }
        iu
    });
    let (chips_needed, count_needed) = match target {
        Some(t) => {
            let g = st.push(
                "chips_needed",
                tr(
                    l,
                    "GPUs needed for the target",
                    "GPU nécessaires pour l'objectif",
                ),
                "G = ⌈C / (P₁ × u × T_target)⌉",
                format!("⌈{} / ({} × {} × {})⌉", c(flop), c(peak_gpu), c(u), c(t)),
                (flop / (peak_gpu * u * t)).ceil(),
                "GPU",
                &[],
            );
            (Some(g), Some((g / per_unit).ceil()))
        }
        None => (None, None),
    };

    // Ranges: the optimistic corner (low compute, high utilization, low PUE) and the pessimistic
    // one, for the inputs that carry a range.
    let mut varied = Vec::new();
    let (flop_lo, flop_hi) = match compute.preset.map(|m| (m.flop_low, m.flop_high)) {
        Some((Some(lo), Some(hi))) if compute.preset.and_then(|m| m.flop) == Some(flop) => {
            varied.push("workload".to_string());
            (lo, hi)
        }
        _ => (flop, flop),
    };
    let (u_lo, u_hi) = if basis == "default" {
        varied.push("utilization".into());
        (
            UTILIZATION_TYPICAL_LOW.value,
            UTILIZATION_TYPICAL_HIGH.value,
        )
    } else if let Some(p) = predicted.as_ref().filter(|p| p.mfu > 0.0) {
        // The performance model's range: the spread of its errors on published runs.
        varied.push("utilization".into());
        (u * p.mfu_low / p.mfu, u * p.mfu_high / p.mfu)
    } else {
        (u, u)
    };
    let (pue_lo, pue_hi) = if s.pue == PUE_DEFAULT.value {
        varied.push("pue".into());
        (PUE_LOW.value, PUE_HIGH.value)
    } else {
        (pue, pue)
    };
    // Catalog figures that sources disagree on: the chip's all-in power and its peak at this
    // precision (as ratios to the default the estimate used).
    let chip = match &s.hardware {
        HardwareChoice::Id(id) => catalog::accelerator(id),
        HardwareChoice::Custom(_) => None,
    };
    let ratio = |column: &str| {
        chip.and_then(|a| a.ranges.iter().find(|r| r.column == column))
            .filter(|r| r.central > 0.0 && r.low < r.high)
            .map(|r| (r.low / r.central, r.high / r.central))
    };
    let (w_lo, w_hi) = match ratio("all_in_w") {
        Some(r) => {
            varied.push("power".into());
            r
        }
        None => (1.0, 1.0),
    };
    let (p_lo, p_hi) = match ratio(&format!("{}_tflops", s.precision.id())) {
        Some(r) => {
            varied.push("peak".into());
            r
        }
        None => (1.0, 1.0),
    };
    let corner = |f: f64, uu: f64, p: f64, peak_scale: f64, power_scale: f64| {
        let t = f / (peak * peak_scale * uu);
        let e = it * power_scale * p * t;
        (
            t,
            e,
            gpus * t / 3600.0 * usd_per_chip_hour + e / J_PER_KWH * usd_per_kwh,
        )
    };
    let (t_lo, _, _) = corner(flop_lo, u_hi, pue_lo, p_hi, w_lo);
    let (t_hi, _, _) = corner(flop_hi, u_lo, pue_hi, p_lo, w_hi);
    // Energy and cost are lowest with the fastest run and the lowest power, highest with the
    // slowest run and the highest power (a higher peak shortens the run at the same power).
    let (_, e_lo, c_lo) = corner(flop_lo, u_hi, pue_lo, p_hi, w_lo);
    let (_, e_hi, c_hi) = corner(flop_hi, u_lo, pue_hi, p_lo, w_hi);
    let ranges = Ranges {
        duration_s: Range {
            low: t_lo,
            central: duration,
            high: t_hi,
        },
        energy_j: Range {
            low: e_lo,
            central: energy,
            high: e_hi,
        },
        cost_usd: Range {
            low: c_lo,
            central: total,
            high: c_hi,
        },
        varied,
    };

    let compute_optimal = crate::scaling::compute_optimal(&s.workload);
    let diminishing_returns = crate::scaling::diminishing_returns(flop, total);
    if let Some(b) = &compute_optimal {
        st.0.extend(b.steps(l));
    }
    if let Some(r) = &diminishing_returns {
        st.0.extend(r.steps(l));
    }

    let mut cited: Vec<Cited> = Vec::new();
    for id in st.0.iter().flat_map(|s| s.sources.iter()) {
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

    let report = Report {
        training_flop: flop,
        hardware: HardwareUsed {
            id: hw.id.clone(),
            name: hw.name.clone(),
            all_in_w: hw.all_in_w,
        },
        count,
        count_unit: s.count_unit,
        gpus,
        precision: s.precision,
        sparse: s.sparse,
        peak_flop_per_s_per_gpu: peak_gpu,
        peak_flop_per_s: peak,
        utilization: u,
        utilization_basis: basis.into(),
        predicted_utilization: predicted,
        effective_flop_per_s: eff,
        duration_s: duration,
        chip_hours,
        it_power_w: it,
        facility_power_w: facility,
        energy_j: energy,
        energy_split_j: EnergySplit {
            it: it * duration,
            overhead: energy - it * duration,
        },
        co2_kg: co2,
        homes,
        home_years,
        cost_usd: Cost {
            compute: compute_usd,
            electricity: elec_usd,
            total,
            ownership: scale.ownership,
        },
        implied_utilization,
        chips_needed,
        count_needed,
        goodput: scale.goodput,
        site: scale.site,
        capex: scale.capex,
        budget: scale.budget,
        compute_optimal,
        diminishing_returns,
        ranges,
        assumptions: Assumptions {
            utilization: u,
            pue,
            usd_per_chip_hour,
            usd_per_kwh,
            kg_co2_per_kwh: kg_per_kwh,
            interruptions_per_gpu_hour: scale.rate,
            checkpoint_s: scale.checkpoint_s,
            restart_s: scale.restart_s,
            usd_purchase_per_chip: scale.capex.map(|c| c.usd_per_chip),
            facility_usd_per_w: scale.facility_usd_per_w,
            lifetime_s: scale.lifetime_s,
        },
        warnings,
        steps: st.0,
        sources: cited,
    };
    if let Some(bad) = report.steps.iter().find(|s| !s.value.is_finite()) {
        return Err(Error::new(
            "scenario",
            ErrorKind::Unsupported {
                reason: format!(
                    "{} does not fit in a finite number; check the magnitudes",
                    bad.quantity
                ),
                fr: format!(
                    "{} dépasse les nombres représentables ; vérifiez les ordres de grandeur",
                    bad.quantity
                ),
            },
        ));
    }
    Ok(report)
}

/// What the scale figures need from the rest of the estimate.
struct Run {
    gpus: f64,
    per_unit: f64,
    all_in_w: f64,
    pue: f64,
    it: f64,
    facility: f64,
    duration: f64,
    usd_per_chip_hour: f64,
    usd_per_kwh: f64,
    elec_usd: f64,
}

/// The scale figures of a report.
struct Scale {
    rate: f64,
    checkpoint_s: f64,
    restart_s: f64,
    facility_usd_per_w: f64,
    lifetime_s: f64,
    goodput: Goodput,
    site: Option<Site>,
    capex: Option<Capex>,
    budget: Option<Budget>,
    ownership: Option<f64>,
}

/// Goodput, site, capex, budget and ownership: inputs checked, steps written down.
fn scale(
    st: &mut Steps,
    warnings: &mut Vec<Warning>,
    s: &Scenario,
    l: Locale,
    r: Run,
) -> Result<Scale, Error> {
    let opt = |v: Option<f64>, field: &str, lim: limits::Limit, default: f64| {
        v.map_or(Ok(default), |x| lim.check(field, x))
    };
    let rate = opt(
        s.interruptions_per_gpu_hour,
        "interruptions_per_gpu_hour",
        limits::INTERRUPTIONS_PER_GPU_HOUR,
        goodput::llama3_rate_per_gpu_hour(),
    )?;
    let checkpoint_s = opt(
        s.checkpoint_s,
        "checkpoint_s",
        limits::CHECKPOINT_S,
        goodput::default_checkpoint_s(),
    )?;
    let restart_s = opt(
        s.restart_s,
        "restart_s",
        limits::RESTART_S,
        goodput::default_restart_s(),
    )?;
    let facility_usd_per_w = opt(
        s.facility_usd_per_w,
        "facility_usd_per_w",
        limits::FACILITY_USD_PER_W,
        money::default_facility_usd_per_w(),
    )?;
    let lifetime_s = opt(
        s.lifetime_s,
        "lifetime_s",
        limits::LIFETIME_S,
        money::default_lifetime_s(),
    )?;
    let site_power = s
        .site_power_w
        .map(|w| limits::SITE_POWER_W.check("site_power_w", w))
        .transpose()?;
    let budget_usd = s
        .budget_usd
        .map(|b| limits::BUDGET_USD.check("budget_usd", b))
        .transpose()?;
    let (price, price_sources): (Option<f64>, Vec<&str>) = match s.usd_purchase_per_chip {
        Some(p) => (
            Some(limits::USD_PURCHASE_PER_CHIP.check("usd_purchase_per_chip", p)?),
            vec![],
        ),
        None => match &s.hardware {
            HardwareChoice::Id(id) => catalog::accelerator(id)
                .and_then(|a| a.usd_purchase_per_chip.map(|p| (p, a.purchase_sources)))
                .map_or((None, vec![]), |(p, src)| (Some(p), src.to_vec())),
            HardwareChoice::Custom(_) => (None, vec![]),
        },
    };
    if price.is_none() && budget_usd.is_some() {
        return Err(Error::new(
            "usd_purchase_per_chip",
            ErrorKind::Missing {
                hint: "a budget needs a purchase price per GPU: give usd_purchase_per_chip".into(),
                fr: "un budget demande un prix d'achat par GPU : donnez usd_purchase_per_chip"
                    .into(),
            },
        ));
    }

    // Goodput.
    let default_rate = s.interruptions_per_gpu_hour.is_none();
    let llama3: &[&str] = &["llama3-paper"];
    let rate_sources: &[&str] = if default_rate { llama3 } else { &[] };
    if default_rate {
        st.push(
            "goodput.interruptions_per_gpu_hour",
            tr(
                l,
                "Interruptions per GPU-hour (Llama 3 405B)",
                "Interruptions par heure-GPU (Llama 3 405B)",
            ),
            tr(
                l,
                "λ₁ = interruptions / (GPUs × days × 24)",
                "λ₁ = interruptions / (GPU × jours × 24)",
            ),
            format!(
                "{} / ({} × {} × 24)",
                c(catalog::INTERRUPTIONS_LLAMA3_405B.value),
                c(catalog::INTERRUPTIONS_LLAMA3_GPUS.value),
                c(catalog::INTERRUPTIONS_LLAMA3_DAYS.value)
            ),
            rate,
            "1/(GPU·h)",
            llama3,
        );
    }
    let g = goodput::model(r.gpus, rate, checkpoint_s, restart_s);
    st.push(
        "goodput.mtbf_s",
        tr(
            l,
            "Mean time between interruptions of the job",
            "Temps moyen entre interruptions du travail",
        ),
        "M = 3600 / (G × λ₁)",
        format!("3600 / ({} × {})", c(r.gpus), c(rate)),
        g.mtbf_s,
        "s",
        rate_sources,
    );
    let defaults_cited: &[&str] = if s.checkpoint_s.is_none() {
        catalog::CHECKPOINT_S_DEFAULT.sources
    } else {
        &[]
    };
    st.push(
        "goodput.checkpoint_interval_s",
        tr(
            l,
            "Optimal checkpoint interval",
            "Intervalle optimal entre points de reprise",
        ),
        if g.capped {
            "τ = M (δ ≥ M/2: Young's √(2·δ·M) does not hold)"
        } else {
            "τ = √(2 · δ · M) (Young)"
        },
        if g.capped {
            c(g.mtbf_s)
        } else {
            format!("√(2 × {} × {})", c(checkpoint_s), c(g.mtbf_s))
        },
        g.interval_s,
        "s",
        defaults_cited,
    );
    st.push(
        "goodput.fraction",
        tr(
            l,
            "Share of the wall clock spent training",
            "Part du temps réel passée à entraîner",
        ),
        "f = τ / (M · e^(R/M) · (e^((τ+δ)/M) − 1)) (Daly)",
        format!(
            "{} / ({} × e^({}/{}) × (e^(({} + {})/{}) − 1))",
            c(g.interval_s),
            c(g.mtbf_s),
            c(restart_s),
            c(g.mtbf_s),
            c(g.interval_s),
            c(checkpoint_s),
            c(g.mtbf_s)
        ),
        g.fraction,
        "1",
        defaults_cited,
    );
    if g.capped {
        warn(
            warnings,
            "checkpoint_slow",
            "checkpoint_s",
            match l {
                Locale::En => format!(
                    "a checkpoint ({}) takes half the time between interruptions ({}) or more: the interval is set to the MTBF",
                    fmt::duration(checkpoint_s, l),
                    fmt::duration(g.mtbf_s, l)
                ),
                Locale::Fr => format!(
                    "un point de reprise ({}) prend la moitié du temps entre interruptions ({}) ou plus : l'intervalle est pris égal au MTBF",
                    fmt::duration(checkpoint_s, l),
                    fmt::duration(g.mtbf_s, l)
                ),
            },
        );
    }
    // A wall clock so long that its energy or cost overflows is a run that never finishes too.
    let wall = g.wall_clock_s(r.duration).filter(|&w| {
        (r.facility * w / J_PER_KWH * r.usd_per_kwh + r.gpus * w / 3600.0 * r.usd_per_chip_hour)
            .is_finite()
    });
    let mut expected = None;
    let mut g_energy = None;
    let mut g_cost = None;
    if let Some(w) = wall {
        st.push(
            "goodput.wall_clock_s",
            tr(
                l,
                "Wall clock with interruptions",
                "Durée réelle avec interruptions",
            ),
            "T_wall = T / f",
            format!("{} / {}", c(r.duration), c(g.fraction)),
            w,
            "s",
            &[],
        );
        expected = Some(st.push(
            "goodput.expected_interruptions",
            tr(l, "Interruptions expected", "Interruptions attendues"),
            "n = T_wall / M",
            format!("{} / {}", c(w), c(g.mtbf_s)),
            w / g.mtbf_s,
            "",
            &[],
        ));
        let e = st.push(
            "goodput.energy_j",
            tr(
                l,
                "Energy over the wall clock",
                "Énergie sur la durée réelle",
            ),
            "E_wall = W_site × T_wall",
            format!("{} × {}", c(r.facility), c(w)),
            r.facility * w,
            "J",
            &[],
        );
        g_energy = Some(e);
        g_cost = Some(st.push(
            "goodput.cost_usd",
            tr(
                l,
                "Rental and electricity over the wall clock",
                "Location et électricité sur la durée réelle",
            ),
            "$_wall = G × T_wall/3600 × price + E_wall[kWh] × price per kWh",
            format!(
                "{} × {}/3600 × {} + {} × {}",
                c(r.gpus),
                c(w),
                c(r.usd_per_chip_hour),
                c(e / J_PER_KWH),
                c(r.usd_per_kwh)
            ),
            r.gpus * w / 3600.0 * r.usd_per_chip_hour + e / J_PER_KWH * r.usd_per_kwh,
            "USD",
            &[],
        ));
    } else {
        warn(
            warnings,
            "never_finishes",
            "goodput",
            match l {
                Locale::En => format!(
                    "interruptions every {} against a restart of {}: the run never finishes",
                    fmt::duration(g.mtbf_s, l),
                    fmt::duration(restart_s, l)
                ),
                Locale::Fr => format!(
                    "une interruption toutes les {} pour un redémarrage de {} : l'entraînement ne finit jamais",
                    fmt::duration(g.mtbf_s, l),
                    fmt::duration(restart_s, l)
                ),
            },
        );
    }

    // Site.
    let site = site_power.map(|w| {
        let per = site::w_per_gpu(r.all_in_w, r.pue);
        let gpus = st.push(
            "site.gpus",
            tr(l, "GPUs the site holds", "GPU que le site peut accueillir"),
            "G_site = ⌊W_site / (W₁ × PUE)⌋",
            format!("⌊{} / ({} × {})⌋", c(w), c(r.all_in_w), c(r.pue)),
            site::gpus_for_power(w, r.all_in_w, r.pue),
            "GPU",
            &[],
        );
        Site {
            site_power_w: w,
            w_per_gpu: per,
            gpus,
            count: (gpus / r.per_unit).floor(),
        }
    });

    // Capex, budget, ownership.
    let mut capex = None;
    let mut budget = None;
    let mut ownership = None;
    let mut ownership_wall = None;
    if let Some(p) = price {
        let facility_sources: &[&str] = if s.facility_usd_per_w.is_none() {
            catalog::FACILITY_USD_PER_W_DEFAULT.sources
        } else {
            &[]
        };
        let chips_usd = st.push(
            "capex.chips_usd",
            tr(l, "GPUs bought", "Achat des GPU"),
            "$_chips = G × purchase price",
            format!("{} × {}", c(r.gpus), c(p)),
            r.gpus * p,
            "USD",
            &price_sources,
        );
        let facility_usd = st.push(
            "capex.facility_usd",
            tr(l, "Facility built", "Construction du site"),
            "$_site = W_IT × $ per W",
            format!("{} × {}", c(r.it), c(facility_usd_per_w)),
            r.it * facility_usd_per_w,
            "USD",
            facility_sources,
        );
        let total = st.push(
            "capex.total_usd",
            tr(l, "Capital cost", "Investissement"),
            "$_capex = $_chips + $_site",
            format!("{} + {}", c(chips_usd), c(facility_usd)),
            chips_usd + facility_usd,
            "USD",
            &[],
        );
        let lifetime_sources: &[&str] = if s.lifetime_s.is_none() {
            catalog::LIFETIME_S_DEFAULT.sources
        } else {
            &[]
        };
        let amortized = st.push(
            "capex.amortized_usd",
            tr(
                l,
                "Capital cost's share for the run",
                "Part de l'investissement pour l'entraînement",
            ),
            "$_amort = $_capex × T / lifetime",
            format!("{} × {} / {}", c(total), c(r.duration), c(lifetime_s)),
            money::amortized(total, r.duration, lifetime_s),
            "USD",
            lifetime_sources,
        );
        ownership = Some(st.push(
            "cost_usd.ownership",
            tr(l, "Cost if owned", "Coût en propriété"),
            "$_own = $_amort + $_E",
            format!("{} + {}", c(amortized), c(r.elec_usd)),
            amortized + r.elec_usd,
            "USD",
            &[],
        ));
        if let (Some(w), Some(e)) = (wall, g_energy) {
            let v = money::amortized(total, w, lifetime_s) + e / J_PER_KWH * r.usd_per_kwh;
            if v.is_finite() {
                ownership_wall = Some(st.push(
                    "goodput.ownership_usd",
                    tr(
                        l,
                        "Cost if owned, over the wall clock",
                        "Coût en propriété sur la durée réelle",
                    ),
                    "$_own,wall = $_capex × T_wall / lifetime + E_wall[kWh] × price per kWh",
                    format!(
                        "{} × {} / {} + {} × {}",
                        c(total),
                        c(w),
                        c(lifetime_s),
                        c(e / J_PER_KWH),
                        c(r.usd_per_kwh)
                    ),
                    v,
                    "USD",
                    &[],
                ));
            }
        }
        capex = Some(Capex {
            usd_per_chip: p,
            chips_usd,
            facility_usd,
            total_usd: total,
            lifetime_s,
            amortized_usd: amortized,
        });
        if let Some(b) = budget_usd {
            let per = money::usd_per_gpu(p, facility_usd_per_w, r.all_in_w);
            let gpus = st.push(
                "budget.gpus",
                tr(l, "GPUs the budget buys", "GPU que le budget achète"),
                "G_$ = ⌊budget / (price + $ per W × W₁)⌋",
                format!(
                    "⌊{} / ({} + {} × {})⌋",
                    c(b),
                    c(p),
                    c(facility_usd_per_w),
                    c(r.all_in_w)
                ),
                money::gpus_for_budget(b, per),
                "GPU",
                &price_sources,
            );
            let power = st.push(
                "budget.facility_power_w",
                tr(l, "Site power they need", "Puissance de site nécessaire"),
                "W_$ = G_$ × W₁ × PUE",
                format!("{} × {} × {}", c(gpus), c(r.all_in_w), c(r.pue)),
                gpus * r.all_in_w * r.pue,
                "W",
                &[],
            );
            budget = Some(Budget {
                budget_usd: b,
                usd_per_gpu: per,
                gpus,
                count: (gpus / r.per_unit).floor(),
                facility_power_w: power,
            });
        }
    }

    Ok(Scale {
        rate,
        checkpoint_s,
        restart_s,
        facility_usd_per_w,
        lifetime_s,
        goodput: Goodput {
            interruptions_per_gpu_hour: rate,
            mtbf_s: g.mtbf_s,
            checkpoint_s,
            restart_s,
            checkpoint_interval_s: g.interval_s,
            interval_rule: if g.capped { "mtbf" } else { "young" }.into(),
            fraction: g.fraction,
            wall_clock_s: wall,
            expected_interruptions: expected,
            energy_j: g_energy,
            cost_usd: g_cost,
            ownership_usd: ownership_wall,
        },
        site,
        capex,
        budget,
        ownership,
    })
}
