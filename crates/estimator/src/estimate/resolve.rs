//! Step 1 of the pipeline: the scenario's inputs checked against their limits and turned into
//! typed values, defaults filled in. Every error a scenario can raise is raised here, in the
//! order a reader fixes them (the first one wins).

use crate::catalog::{self, UTILIZATION_DEFAULT};
use crate::error::{Error, ErrorKind, Need};
use crate::fields::{self, Field};
use crate::format::Locale;
use crate::hardware::{Hardware, HardwareChoice};
use crate::report::UtilizationBasis as Basis;
use crate::scenario::Scenario;
use crate::utilization::{self, PredictedUtilization, Utilization};
use crate::workload::{Compute, Workload};

/// A scenario's inputs, checked, with their defaults and the sources of those defaults.
pub(super) struct Resolved<'a> {
    pub s: &'a Scenario,
    pub compute: Compute,
    pub hw: Hardware,
    pub count: f64,
    pub per_unit: f64,
    pub peak_gpu: f64,
    pub pue: f64,
    pub usd_per_kwh: f64,
    pub kg_per_kwh: f64,
    pub usd_per_chip_hour: f64,
    pub price_sources: Vec<String>,
    pub claimed: Option<f64>,
    pub target: Option<f64>,
    pub u: f64,
    pub basis: Basis,
    pub predicted: Option<PredictedUtilization>,
    /// Why `"auto"` by default fell back to the default utilization.
    pub auto_failed: Option<Error>,
    pub rate: f64,
    pub checkpoint_s: f64,
    pub restart_s: f64,
    pub facility_usd_per_w: f64,
    pub lifetime_s: f64,
    pub site_power: Option<f64>,
    pub budget_usd: Option<f64>,
    /// The purchase price per GPU (given or the catalog's) and its sources.
    pub purchase: Option<(f64, Vec<String>)>,
}

/// Checks every input of `s` and fills the defaults.
pub(super) fn resolve(s: &Scenario, l: Locale) -> Result<Resolved<'_>, Error> {
    let compute = s.workload.compute()?;
    let hw = s.hardware.resolve()?;
    let count = number(&fields::COUNT, s)?;
    let pue = number(&fields::PUE, s)?;
    let usd_per_kwh = number(&fields::USD_PER_KWH, s)?;
    let kg_per_kwh = number(&fields::KG_CO2_PER_KWH, s)?;
    let (usd_per_chip_hour, price_sources) = rental_price(s, &hw)?;
    let claimed = fields::CLAIMED_DURATION_S.given(s)?;
    let target = fields::TARGET_DURATION_S.given(s)?;
    let per_unit = f64::from(hw.gpus_per(s.count_unit)?);
    let peak_gpu = hw.peak_per_gpu(s.precision, s.sparse)?;
    let (u, basis, predicted, auto_failed) =
        resolve_utilization(s, &hw, count * per_unit, peak_gpu, l)?;
    let rate = number(&fields::INTERRUPTIONS_PER_GPU_HOUR, s)?;
    let checkpoint_s = number(&fields::CHECKPOINT_S, s)?;
    let restart_s = number(&fields::RESTART_S, s)?;
    let facility_usd_per_w = number(&fields::FACILITY_USD_PER_W, s)?;
    let lifetime_s = number(&fields::LIFETIME_S, s)?;
    let site_power = fields::SITE_POWER_W.given(s)?;
    let budget_usd = fields::BUDGET_USD.given(s)?;
    let purchase = purchase_price(s, budget_usd.is_some())?;
    Ok(Resolved {
        s,
        compute,
        hw,
        count,
        per_unit,
        peak_gpu,
        pue,
        usd_per_kwh,
        kg_per_kwh,
        usd_per_chip_hour,
        price_sources,
        claimed,
        target,
        u,
        basis,
        predicted,
        auto_failed,
        rate,
        checkpoint_s,
        restart_s,
        facility_usd_per_w,
        lifetime_s,
        site_power,
        budget_usd,
        purchase,
    })
}

/// A field the scenario always holds (count, pue…) or that has a sourced default: its value,
/// checked (never the 0 of `unwrap_or_default`).
fn number(f: &Field, s: &Scenario) -> Result<f64, Error> {
    Ok(f.resolve(s)?.unwrap_or_default())
}

/// The rental price per GPU-hour: given, else the catalog's, else an error.
fn rental_price(s: &Scenario, hw: &Hardware) -> Result<(f64, Vec<String>), Error> {
    match (s.usd_per_chip_hour, hw.usd_per_chip_hour) {
        (Some(p), _) => Ok((fields::USD_PER_CHIP_HOUR.check(p)?, vec![])),
        (None, Some(p)) => Ok((p, hw.price_sources.clone())),
        (None, None) => Err(Error::new(
            "usd_per_chip_hour",
            ErrorKind::Needs(Need::RentalPrice {
                chip: hw.name.clone(),
            }),
        )),
    }
}

/// The purchase price per GPU: given, else the catalog's; an error when a budget needs it.
fn purchase_price(s: &Scenario, budget: bool) -> Result<Option<(f64, Vec<String>)>, Error> {
    let price = match s.usd_purchase_per_chip {
        Some(p) => Some((fields::USD_PURCHASE_PER_CHIP.check(p)?, vec![])),
        None => match &s.hardware {
            HardwareChoice::Id(id) => catalog::accelerator(id).and_then(|a| {
                a.usd_purchase_per_chip.map(|p| {
                    (
                        p,
                        a.purchase_sources.iter().map(|s| s.to_string()).collect(),
                    )
                })
            }),
            HardwareChoice::Custom(_) => None,
        },
    };
    if price.is_none() && budget {
        return Err(Error::new(
            "usd_purchase_per_chip",
            ErrorKind::Needs(Need::PurchasePrice),
        ));
    }
    Ok(price)
}

type UtilizationChoice = (f64, Basis, Option<PredictedUtilization>, Option<Error>);

/// The utilization: given, predicted (`"auto"`, or by default for a preset with an
/// architecture, falling back to the default when no layout fits), or the default.
// Without the performance model (`no-auto`), the chip, count and language go unused.
#[cfg_attr(feature = "no-auto", allow(unused_variables))]
fn resolve_utilization(
    s: &Scenario,
    hw: &Hardware,
    gpus: f64,
    peak_gpu: f64,
    l: Locale,
) -> Result<UtilizationChoice, Error> {
    let preset_id = match &s.workload {
        Workload::Preset(id) => Some(id.as_str()),
        _ => None,
    };
    let hw_id = match &s.hardware {
        HardwareChoice::Id(id) => id.as_str(),
        HardwareChoice::Custom(_) => "",
    };
    let auto = || -> Result<(f64, PredictedUtilization), Error> {
        #[cfg(not(feature = "no-auto"))]
        let predicted =
            utilization::predict(preset_id, hw_id, gpus, s.precision, s.global_batch, l);
        #[cfg(feature = "no-auto")]
        let predicted = utilization::not_here();
        let (p, _) = predicted?;
        // MFU is a share of the dense peak; the sparse peak is twice as large.
        let dense = hw.peak_per_gpu(s.precision, false)?;
        Ok((p.mfu * dense / peak_gpu, p))
    };
    let default = UTILIZATION_DEFAULT.value;
    Ok(match s.utilization {
        Some(Utilization::Given(v)) => (fields::UTILIZATION.check(v)?, Basis::Given, None, None),
        Some(Utilization::Auto) => {
            let (u, p) = auto()?;
            (u, Basis::Predicted, Some(p), None)
        }
        None if utilization::auto_by_default(preset_id) => match auto() {
            Ok((u, p)) => (u, Basis::Predicted, Some(p), None),
            Err(e) => (default, Basis::Default, None, Some(e)),
        },
        None => (default, Basis::Default, None, None),
    })
}
