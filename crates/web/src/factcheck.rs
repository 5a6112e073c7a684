//! Fact-check mode: the article's claims with their verdicts, and a form to check any claim.
//! Every verdict and sentence comes from `zettaflop_estimator::claim::check`.

use leptos::prelude::*;
use zettaflop_estimator::claim::{check, CheckReport, Claim};
use zettaflop_estimator::format::{self as fmt, Locale};
use zettaflop_estimator::parse::{parse, Dimension};
use zettaflop_estimator::{
    catalog, input_message, quote, CountUnit, HardwareChoice, Precision, Workload,
};

use crate::answer::QuoteBlock;
use crate::claim_extra::{self, ExtraFields, ExtraInputs};
use crate::fields::{SelectField, TextField};
use crate::form::{input_for, message_for, FieldError, CUSTOM_FLOP};
use crate::i18n::{fill, lang, sig, t, tr, K};
use crate::inputs::{hardware_options, model_options, unit_options};
use crate::share::{Binding, Choice};

/// A verdict word as a badge.
#[component]
fn Badge(verdict: zettaflop_estimator::claim::Verdict) -> impl IntoView {
    let l = lang();
    view! { <span class=format!("badge verdict-{}", verdict.id()) data-verdict=verdict.id()>{move || verdict.label(l.get())}</span> }
}

/// The built-in claims of the article.
#[component]
fn ArticleClaims() -> impl IntoView {
    let l = lang();
    let url = catalog::source("seed-article")
        .map(|s| s.url)
        .unwrap_or_default();
    let cards = move || {
        let l = l.get();
        catalog::CLAIMS
            .iter()
            .filter_map(|c| check(&c.claim(), l).ok().map(|r| (c, r)))
            .map(|(c, r)| {
                view! {
                    <li class="claim" data-testid=format!("claim-{}", c.id)>
                        <p class="claim-title"><Badge verdict=r.verdict /> " " <span class="claim-text">{c.title(l)}</span></p>
                        <p class="claim-reason">{r.reason.clone()}</p>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="card" aria-labelledby="claims-title">
            <h2 id="claims-title">{tr(K::ClaimsTitle)}</h2>
            <p>{tr(K::ClaimsIntro)} " " <a href=url rel="noopener noreferrer">{tr(K::ReadArticle)}</a></p>
            <ul class="claims">{cards}</ul>
        </section>
    }
}

/// The readings of a checked claim as a table.
fn readings_table(r: &CheckReport, l: Locale) -> impl IntoView {
    let rows = r
        .readings
        .iter()
        .map(|x| {
            let kind = zettaflop_estimator::answer::peak_kind(x.sparse, x.precision.label(), l);
            let reading = format!("{} GPU, {kind}", fmt::grouped(x.gpus, 0, l));
            let implied = x
                .implied_utilization
                .map(|u| fmt::percent(u, l))
                .unwrap_or_else(|| "–".into());
            view! {
                <tr>
                    <th scope="row">{reading}</th>
                    <td class="num">{fmt::flops(x.peak_flop_per_s, l)}</td>
                    <td class="num">{implied}</td>
                    <td><Badge verdict=x.verdict /></td>
                    <td>{x.reason.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="readings">
                <thead>
                    <tr>
                        <th scope="col">{t(K::Reading, l)}</th>
                        <th scope="col">{t(K::Peak, l)}</th>
                        <th scope="col">{t(K::Implied, l)}</th>
                        <th scope="col">{t(K::Verdict, l)}</th>
                        <th scope="col">{t(K::Why, l)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The inputs of the "check a claim" form: one signal each, created with the page so that a
/// link can fill them before the panel is first shown.
#[derive(Debug, Clone, Copy)]
pub struct ClaimInputs {
    model: RwSignal<String>,
    flop: RwSignal<String>,
    duration: RwSignal<String>,
    count: RwSignal<String>,
    unit: RwSignal<String>,
    hardware: RwSignal<String>,
    precision: RwSignal<String>,
    extra: ExtraInputs,
}

impl ClaimInputs {
    /// The article's headline claim.
    pub fn new() -> ClaimInputs {
        let s = |v: &str| RwSignal::new(v.to_string());
        ClaimInputs {
            model: s("gpt-4"),
            flop: s("2.1e25"),
            duration: s("12 h"),
            count: s("64,000"),
            unit: s("package"),
            hardware: s("gb200"),
            // As the article's list reads the claim: the FP16 the article quotes.
            precision: s("fp16"),
            extra: ExtraInputs::new(),
        }
    }

    /// Sets every input from `c` (the news cards' "check it yourself").
    pub fn fill(&self, c: &Claim) {
        match &c.workload {
            Some(Workload::Flop { flop }) => {
                self.model.set(CUSTOM_FLOP.into());
                self.flop.set(fmt::compact(*flop));
            }
            Some(Workload::Preset(id)) => self.model.set(id.clone()),
            _ => {}
        }
        let d = c.duration_s.map(|d| format!("{} s", fmt::compact(d)));
        self.duration.set(d.unwrap_or_default());
        self.count.set(fmt::compact(c.count));
        self.unit.set(c.count_unit.id().into());
        if let HardwareChoice::Id(id) = &c.hardware {
            self.hardware.set(id.clone());
        }
        self.precision
            .set(c.precision.map(|p| p.id().to_string()).unwrap_or_default());
        self.extra.fill(c);
    }

    /// Every input with its name (the id is `in-<name>`), for links.
    pub fn bindings(&self) -> Vec<Binding> {
        vec![
            Binding::choice("cl-model", self.model, Choice::Model),
            Binding::text_in("cl-flop", self.flop, ["2.1e25".into(), "2,1e25".into()]),
            Binding::text("cl-duration", self.duration),
            Binding::text_in(
                "cl-count",
                self.count,
                ["64,000".into(), "64\u{202f}000".into()],
            ),
            Binding::choice("cl-count-unit", self.unit, Choice::CountUnit),
            Binding::choice("cl-hardware", self.hardware, Choice::Hardware),
            Binding::choice("cl-precision", self.precision, Choice::PrecisionOrAny),
        ]
        .into_iter()
        .chain(self.extra.bindings())
        .collect()
    }
}

/// What the checked claim comes to, first: the verdict, the sentence to quote, the reading the
/// verdict rests on, the other readings each with what it assumes, the reason, the duration at a
/// typical utilization.
#[component]
fn CheckVerdict(outcome: Memo<Result<(Claim, CheckReport), FieldError>>) -> impl IntoView {
    let l = lang();
    let quote = Signal::derive(move || {
        outcome.with(|o| o.as_ref().ok().map(|(c, r)| quote::claim(c, r, l.get())))
    });
    let stale = Signal::derive(move || outcome.with(Result::is_err));
    let ok = move |f: fn(&Claim, &CheckReport, Locale) -> Option<String>| {
        move || outcome.with(|o| o.as_ref().ok().and_then(|(c, r)| f(c, r, l.get())))
    };
    let badge = move || {
        outcome.with(|o| {
            o.as_ref()
                .ok()
                .map(|(_, r)| view! { <Badge verdict=r.verdict /> })
        })
    };
    let others = move || {
        outcome.with(|o| {
            o.as_ref().ok().map(|(_, r)| {
                quote::other_readings(r, l.get())
                    .into_iter()
                    .map(|(text, v)| view! { <li data-verdict=v.id()>{text}</li> })
                    .collect_view()
            })
        })
    };
    let verdict = view! {
        <div class="check-result" data-testid="check-result" hidden=stale data-verdict=move || outcome.with(|o| o.as_ref().ok().map(|(_, r)| r.verdict.id()))>
            <p class="verdict-line">{tr(K::Verdict)} " " {badge}</p>
            <QuoteBlock quote=quote stale=stale />
            <p data-testid="check-reading">{ok(|_, r, l| quote::headline(r).map(|h| fill(t(K::HeadlineReading, l), &[&quote::assumes(h, l)])))}</p>
            <div hidden=move || outcome.with(|o| o.as_ref().map_or(true, |(_, r)| r.headline.is_none()))>
                <p class="others-title">{tr(K::OtherReadings)}</p>
                <ul class="others" data-testid="other-readings">{others}</ul>
            </div>
            <p data-testid="check-reason">{ok(|_, r, _| Some(r.reason.clone()))}</p>
            <p>{ok(|_, r, l| r.duration_at_typical_s.map(|d| fill(t(K::TypicalDuration, l), &[&fmt::duration(d.central, l), &fmt::duration(d.low, l), &fmt::duration(d.high, l)])))}</p>
        </div>
    };
    verdict
}

/// The claim the form's inputs state, and its check.
fn checked(inputs: ClaimInputs, l: Locale) -> Result<(Claim, CheckReport), FieldError> {
    let ClaimInputs {
        model,
        flop,
        duration,
        count,
        unit,
        hardware,
        precision,
        extra,
    } = inputs;
    let parsed = move |text: RwSignal<String>, dim: Dimension, name: &'static str| {
        text.with(|s| parse(s, dim)).map_err(|e| FieldError {
            field: name,
            message: e.text(l).to_string(),
        })
    };
    let duration_s = if duration.with(|d| d.trim().is_empty()) {
        None
    } else {
        Some(parsed(duration, Dimension::Duration, "cl-duration")?)
    };
    let workload = if duration_s.is_none() && !extra.gives_hours() {
        None
    } else if model.get() == CUSTOM_FLOP {
        Some(Workload::Flop {
            flop: parsed(flop, Dimension::Count, "cl-flop")?,
        })
    } else {
        Some(Workload::Preset(model.get()))
    };
    let mut claim = Claim {
        workload,
        duration_s,
        count: parsed(count, Dimension::Count, "cl-count")?,
        count_unit: match unit.get().as_str() {
            "package" => CountUnit::Package,
            "rack" => CountUnit::Rack,
            _ => CountUnit::Chip,
        },
        hardware: HardwareChoice::Id(hardware.get()),
        precision: Precision::from_id(&precision.get()),
        pue: catalog::PUE_DEFAULT.value,
        ..Claim::default()
    };
    extra.apply(&mut claim, l)?;
    let report = check(&claim, l).map_err(|e| {
        let field = claim_input(e.field());
        let typed = match field {
            "cl-count" => count.get_untracked(),
            "cl-duration" => duration.get_untracked(),
            "cl-flop" => flop.get_untracked(),
            _ => String::new(),
        };
        FieldError {
            field,
            message: input_message::message(&e, &typed, l),
        }
    })?;
    Ok((claim, report))
}

/// The "check a claim" form: "[model or FLOP] in [duration] on [count] [chip]".
#[component]
fn CheckForm(inputs: ClaimInputs) -> impl IntoView {
    let l = lang();
    let ClaimInputs {
        model,
        flop,
        duration,
        count,
        unit,
        hardware,
        precision,
        extra,
    } = inputs;
    let outcome = Memo::new(move |_| checked(inputs, l.get()));
    let problem = move |name: &'static str| message_for(outcome, name);
    let precision_options = Signal::derive(move || {
        let mut v = vec![(String::new(), t(K::AnyPrecision, l.get()).to_string())];
        if let Some(a) = catalog::accelerator(&hardware.get()) {
            v.extend(
                a.peaks
                    .supported()
                    .into_iter()
                    .map(|p| (p.id().to_string(), p.label().to_string())),
            );
        }
        v
    });
    let pick_hardware = Callback::new(move |id: String| {
        if catalog::accelerator(&id).is_some_and(|a| a.gpus_per_rack.is_none())
            && unit.get_untracked() == "rack"
        {
            unit.set("chip".into());
        }
        precision.set(String::new());
        hardware.set(id);
    });
    let table = move || outcome.with(|o| o.as_ref().ok().map(|(_, r)| readings_table(r, l.get())));
    view! {
        <section class="card" aria-labelledby="check-title">
            <h2 id="check-title" tabindex="-1">{tr(K::CheckTitle)}</h2>
            <div aria-live="polite"><CheckVerdict outcome=outcome /></div>
            <h3 class="change">{tr(K::ChangeClaim)}</h3>
            <p>{tr(K::CheckIntro)}</p>
            <form class="claim-form" on:submit=|ev| ev.prevent_default() aria-labelledby="check-title">
                <SelectField name="cl-model" label=sig(K::ModelOrCompute) value=model options=model_options(true) error=problem("cl-model") />
                <Show when=move || model.get() == CUSTOM_FLOP>
                    <TextField name="cl-flop" label=sig(K::Flop) hint=sig(K::FlopHint) value=flop error=problem("cl-flop") />
                </Show>
                <TextField name="cl-duration" label=sig(K::Duration) hint=sig(K::DurationHint) value=duration error=problem("cl-duration") />
                <TextField name="cl-count" label=sig(K::Count) hint=sig(K::CountHint) value=count error=problem("cl-count") />
                <SelectField name="cl-count-unit" label=sig(K::CountedAs) value=unit options=unit_options(hardware) error=problem("cl-count-unit") />
                <SelectField name="cl-hardware" label=sig(K::Accelerator) value=hardware options=hardware_options() error=problem("cl-hardware") on_pick=pick_hardware />
                <SelectField name="cl-precision" label=sig(K::QuotedPrecision) value=precision options=precision_options error=problem("cl-precision") />
                <ExtraFields inputs=extra outcome=outcome />
            </form>
            <details class="all-readings">
                <summary>{tr(K::AllReadings)}</summary>
                {table}
            </details>
        </section>
    }
}

/// Which claim input an estimator error path belongs to.
fn claim_input(path: &str) -> &'static str {
    if let Some(name) = claim_extra::input_of(path) {
        return name;
    }
    match input_for(path) {
        "count" => "cl-count",
        "count-unit" => "cl-count-unit",
        "precision" => "cl-precision",
        "hardware" => "cl-hardware",
        _ if path == "duration_s" || path == "claim" => "cl-duration",
        _ if path.starts_with("workload.") => "cl-flop",
        _ => "cl-model",
    }
}

/// The fact-check mode.
#[component]
pub fn FactCheck(inputs: ClaimInputs) -> impl IntoView {
    view! {
        <div class="factcheck">
            <CheckForm inputs=inputs />
            <crate::news::News inputs=inputs />
            <ArticleClaims />
        </div>
    }
}
