//! The fact-check form's optional figures beside "model in time on chips": a quoted peak, a
//! site's power (or the MWh written for it), a budget, GPU-hours, a run's cost and its price per
//! GPU-hour, an "N× faster than", a count in equivalents of another chip. Each is one text (or
//! select) signal; empty means the claim does not give it. No formula: the estimator's
//! `claim::check` judges them.

use leptos::prelude::*;
use zettaflop_estimator::claim::{Claim, Comparison};
use zettaflop_estimator::format::{self as fmt, Locale};
use zettaflop_estimator::parse::{parse, Dimension};
use zettaflop_estimator::{HardwareChoice, Precision};

use crate::fields::{SelectField, TextField};
use crate::form::{message_for, FieldError};
use crate::i18n::{lang, sig, t, tr, K};
use crate::share::Binding;

/// The optional figures, one signal each.
#[derive(Debug, Clone, Copy)]
pub struct ExtraInputs {
    peak: RwSignal<String>,
    power: RwSignal<String>,
    budget: RwSignal<String>,
    gpu_hours: RwSignal<String>,
    run_cost: RwSignal<String>,
    price: RwSignal<String>,
    factor: RwSignal<String>,
    than: RwSignal<String>,
    than_count: RwSignal<String>,
    than_flop: RwSignal<String>,
    than_precision: RwSignal<String>,
    equiv: RwSignal<String>,
    window_flop: RwSignal<String>,
    window_s: RwSignal<String>,
}

type Parsed = Result<Option<f64>, FieldError>;

fn read(text: RwSignal<String>, dim: Dimension, field: &'static str, l: Locale) -> Parsed {
    let s = text.get();
    if s.trim().is_empty() {
        return Ok(None);
    }
    parse(&s, dim).map(Some).map_err(|e| FieldError {
        field,
        message: e.text(l).to_string(),
    })
}

fn id(s: RwSignal<String>) -> Option<String> {
    Some(s.get()).filter(|v| !v.is_empty())
}

impl ExtraInputs {
    /// Every figure empty.
    pub fn new() -> ExtraInputs {
        let s = || RwSignal::new(String::new());
        ExtraInputs {
            peak: s(),
            power: s(),
            budget: s(),
            gpu_hours: s(),
            run_cost: s(),
            price: s(),
            factor: s(),
            than: s(),
            than_count: s(),
            than_flop: s(),
            than_precision: s(),
            equiv: s(),
            window_flop: s(),
            window_s: s(),
        }
    }

    /// Every input with its name, for links.
    pub fn bindings(&self) -> Vec<Binding> {
        vec![
            Binding::text("cl-peak", self.peak),
            Binding::text("cl-power", self.power),
            Binding::text("cl-budget", self.budget),
            Binding::text("cl-gpu-hours", self.gpu_hours),
            Binding::text("cl-run-cost", self.run_cost),
            Binding::text("cl-price", self.price),
            Binding::text("cl-factor", self.factor),
            Binding::text("cl-than", self.than),
            Binding::text("cl-than-count", self.than_count),
            Binding::text("cl-than-flop", self.than_flop),
            Binding::text("cl-than-precision", self.than_precision),
            Binding::text("cl-equiv", self.equiv),
            Binding::text("cl-window-flop", self.window_flop),
            Binding::text("cl-window-s", self.window_s),
        ]
    }

    /// Whether the claim gives GPU-hours, or a cost and a price that make them.
    pub fn gives_hours(&self) -> bool {
        !self.gpu_hours.with(|s| s.trim().is_empty())
            || !(self.run_cost.with(|s| s.trim().is_empty())
                || self.price.with(|s| s.trim().is_empty()))
    }

    /// Adds the figures typed to `c`. "150 MWh" is read as the energy written for a power.
    ///
    /// # Errors
    /// A figure that does not read, named by its input.
    pub fn apply(&self, c: &mut Claim, l: Locale) -> Result<(), FieldError> {
        c.quoted_peak_flop_per_s = read(self.peak, Dimension::Count, "cl-peak", l)?;
        let power = self.power.get();
        if let Some(e) = power.trim().strip_suffix('h') {
            let e = RwSignal::new(e.to_string());
            c.site_energy_wh = read(e, Dimension::Power, "cl-power", l)?;
        } else {
            c.site_power_w = read(self.power, Dimension::Power, "cl-power", l)?;
        }
        c.budget_usd = read(self.budget, Dimension::Money, "cl-budget", l)?;
        c.gpu_hours = read(self.gpu_hours, Dimension::Count, "cl-gpu-hours", l)?;
        c.run_cost_usd = read(self.run_cost, Dimension::Money, "cl-run-cost", l)?;
        c.usd_per_gpu_hour = read(self.price, Dimension::Money, "cl-price", l)?;
        c.equivalent_of = id(self.equiv);
        c.window_flop = read(self.window_flop, Dimension::Count, "cl-window-flop", l)?;
        c.window_s = read(self.window_s, Dimension::Duration, "cl-window-s", l)?;
        let than_count = read(self.than_count, Dimension::Count, "cl-than-count", l)?;
        let than_flop = read(self.than_flop, Dimension::Count, "cl-than-flop", l)?;
        let than_precision = Precision::from_id(&self.than_precision.get());
        c.comparison =
            read(self.factor, Dimension::Count, "cl-factor", l)?.map(|factor| Comparison {
                factor,
                than: id(self.than).map(HardwareChoice::Id),
                than_count,
                than_flop_per_s: than_flop,
                than_precision,
            });
        Ok(())
    }

    /// Sets the inputs from a claim (the news cards' "check it yourself").
    pub fn fill(&self, c: &Claim) {
        let num = |v: Option<f64>, unit: &str| {
            v.map(|x| format!("{}{unit}", fmt::compact(x)))
                .unwrap_or_default()
        };
        self.peak.set(num(c.quoted_peak_flop_per_s, ""));
        self.power.set(match (c.site_power_w, c.site_energy_wh) {
            (Some(w), _) => num(Some(w), " W"),
            (None, e) => num(e, " Wh"),
        });
        self.budget.set(num(c.budget_usd, ""));
        self.gpu_hours.set(num(c.gpu_hours, ""));
        self.run_cost.set(num(c.run_cost_usd, ""));
        self.price.set(num(c.usd_per_gpu_hour, ""));
        self.factor
            .set(num(c.comparison.as_ref().map(|x| x.factor), ""));
        self.than
            .set(match c.comparison.as_ref().and_then(|x| x.than.as_ref()) {
                Some(HardwareChoice::Id(id)) => id.clone(),
                _ => String::new(),
            });
        let cmp = c.comparison.as_ref();
        self.than_count.set(num(cmp.and_then(|x| x.than_count), ""));
        self.than_flop
            .set(num(cmp.and_then(|x| x.than_flop_per_s), ""));
        self.than_precision.set(
            cmp.and_then(|x| x.than_precision)
                .map(|p| p.id().to_string())
                .unwrap_or_default(),
        );
        self.equiv.set(c.equivalent_of.clone().unwrap_or_default());
        self.window_flop.set(num(c.window_flop, ""));
        self.window_s.set(num(c.window_s, " s"));
    }
}

/// Which optional input an estimator error path belongs to.
pub fn input_of(path: &str) -> Option<&'static str> {
    Some(match path {
        "quoted_peak_flop_per_s" => "cl-peak",
        "site_power_w" | "site_energy_wh" => "cl-power",
        "budget_usd" => "cl-budget",
        "gpu_hours" => "cl-gpu-hours",
        "run_cost_usd" => "cl-run-cost",
        "usd_per_gpu_hour" => "cl-price",
        "comparison.factor" => "cl-factor",
        "equivalent_of" => "cl-equiv",
        "window_flop" => "cl-window-flop",
        "window_s" => "cl-window-s",
        "comparison.than_flop_per_s" => "cl-than-flop",
        "comparison.than_count" => "cl-than-count",
        _ if path.starts_with("comparison") => "cl-than",
        _ => return None,
    })
}

fn chip_options(none: K) -> Signal<Vec<(String, String)>> {
    let l = lang();
    let all = crate::inputs::hardware_options();
    Signal::derive(move || {
        let mut v = vec![(String::new(), t(none, l.get()).to_string())];
        v.extend(all.get());
        v
    })
}

fn precision_options() -> Signal<Vec<(String, String)>> {
    let l = lang();
    Signal::derive(move || {
        let mut v = vec![(String::new(), t(K::AnyPrecision, l.get()).to_string())];
        v.extend(
            Precision::ALL
                .iter()
                .map(|p| (p.id().to_string(), p.label().to_string())),
        );
        v
    })
}

/// The optional figures, in a disclosure open when one is given.
#[component]
pub fn ExtraFields<T: Send + Sync + PartialEq + 'static>(
    /// The inputs.
    inputs: ExtraInputs,
    /// The check, for the messages beside the fields.
    outcome: Memo<Result<T, FieldError>>,
) -> impl IntoView
where
    Result<T, FieldError>: PartialEq,
{
    let e = move |name: &'static str| message_for(outcome, name);
    let x = inputs;
    let any = move || {
        [
            x.peak,
            x.power,
            x.budget,
            x.gpu_hours,
            x.run_cost,
            x.price,
            x.factor,
            x.equiv,
            x.window_flop,
        ]
        .iter()
        .any(|s| !s.with(String::is_empty))
    };
    view! {
        <details class="more-figures" prop:open=any>
            <summary>{tr(K::MoreFigures)}</summary>
            <p class="hint">{tr(K::MoreFiguresHint)}</p>
            <TextField name="cl-peak" label=sig(K::ClPeak) hint=sig(K::ClPeakHint) value=x.peak error=e("cl-peak") />
            <TextField name="cl-power" label=sig(K::ClPower) hint=sig(K::ClPowerHint) value=x.power error=e("cl-power") />
            <TextField name="cl-budget" label=sig(K::ClBudget) hint=sig(K::ClBudgetHint) value=x.budget error=e("cl-budget") />
            <TextField name="cl-gpu-hours" label=sig(K::ClGpuHours) hint=sig(K::ClGpuHoursHint) value=x.gpu_hours error=e("cl-gpu-hours") />
            <TextField name="cl-run-cost" label=sig(K::ClRunCost) hint=sig(K::ClRunCostHint) value=x.run_cost error=e("cl-run-cost") />
            <TextField name="cl-price" label=sig(K::ClPrice) hint=sig(K::ClPriceHint) value=x.price error=e("cl-price") />
            <TextField name="cl-factor" label=sig(K::ClFactor) hint=sig(K::ClFactorHint) value=x.factor error=e("cl-factor") />
            <SelectField name="cl-than" label=sig(K::ClThan) value=x.than options=chip_options(K::NoChip) error=e("cl-than") />
            <TextField name="cl-than-count" label=sig(K::ClThanCount) hint=sig(K::ClThanCountHint) value=x.than_count error=e("cl-than-count") />
            <TextField name="cl-than-flop" label=sig(K::ClThanFlop) hint=sig(K::ClThanFlopHint) value=x.than_flop error=e("cl-than-flop") />
            <SelectField name="cl-than-precision" label=sig(K::ClThanPrecision) value=x.than_precision options=precision_options() error=e("cl-than-precision") />
            <SelectField name="cl-equiv" label=sig(K::ClEquiv) value=x.equiv options=chip_options(K::NoChip) error=e("cl-equiv") />
            <TextField name="cl-window-flop" label=sig(K::ClWindowFlop) hint=sig(K::ClWindowFlopHint) value=x.window_flop error=e("cl-window-flop") />
            <TextField name="cl-window-s" label=sig(K::ClWindowS) hint=sig(K::ClWindowSHint) value=x.window_s error=e("cl-window-s") />
        </details>
    }
}
