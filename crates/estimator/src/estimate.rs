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
use crate::report::{Assumptions, Cited, Cost, HardwareUsed, Range, Ranges, Report, Step, Warning};
use crate::scenario::Scenario;
use crate::utilization::{self, PredictedUtilization, Utilization};
use crate::workload::Workload;

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
        "G = count × GPUs per unit",
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
            "u = MFU(best layout)",
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
        "W_IT = G × W₁ (all-in per GPU)",
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
        "M = E[kWh] × intensity",
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
        "N = W_site / (10,715 kWh / 8,766 h)",
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
        "Y = E[kWh] / 10,715",
        format!("{} / {}", c(kwh), c(HOME_KWH_PER_YEAR.value)),
        kwh / HOME_KWH_PER_YEAR.value,
        "home·yr",
        HOME_KWH_PER_YEAR.sources,
    );
    let compute_usd = st.push(
        "cost_usd.compute",
        tr(l, "Compute cost (rental)", "Coût de calcul (location)"),
        "$_GPU = H × price per GPU-hour",
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
        "$_E = E[kWh] × price per kWh",
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
        co2_kg: co2,
        homes,
        home_years,
        cost_usd: Cost {
            compute: compute_usd,
            electricity: elec_usd,
            total,
        },
        implied_utilization,
        chips_needed,
        count_needed,
        ranges,
        assumptions: Assumptions {
            utilization: u,
            pue,
            usd_per_chip_hour,
            usd_per_kwh,
            kg_co2_per_kwh: kg_per_kwh,
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
