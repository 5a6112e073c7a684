//! Fact-check mode: the article's claims with their verdicts, and a form to check any claim.
//! Every verdict and sentence comes from `zettaflop_estimator::claim::check`.

use leptos::prelude::*;
use zettaflop_estimator::claim::{check, CheckReport, Claim};
use zettaflop_estimator::format::{self as fmt, Locale};
use zettaflop_estimator::parse::{parse, Dimension};
use zettaflop_estimator::{catalog, CountUnit, HardwareChoice, Precision, Workload};

use crate::fields::{SelectField, TextField};
use crate::form::{input_for, message_for, FieldError, CUSTOM_FLOP};
use crate::i18n::{fill, lang, sig, t, K};
use crate::inputs::{hardware_options, model_options, unit_options};

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
                        <p class="claim-title"><Badge verdict=r.verdict /> " " <q>{c.title(l)}</q></p>
                        <p class="claim-reason">{r.reason.clone()}</p>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="card" aria-labelledby="claims-title">
            <h2 id="claims-title">{move || t(K::ClaimsTitle, l.get())}</h2>
            <p>{move || t(K::ClaimsIntro, l.get())} " " <a href=url rel="noopener noreferrer">{move || t(K::ReadArticle, l.get())}</a></p>
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
            let kind = fill(
                t(
                    if x.sparse {
                        K::SparsePeak
                    } else {
                        K::DensePeak
                    },
                    l,
                ),
                &[x.precision.label()],
            );
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

/// The "check a claim" form: "[model or FLOP] in [duration] on [count] [chip]".
#[component]
fn CheckForm() -> impl IntoView {
    let l = lang();
    let model = RwSignal::new("gpt-4".to_string());
    let flop = RwSignal::new("2.1e25".to_string());
    let duration = RwSignal::new("12 h".to_string());
    let count = RwSignal::new("64,000".to_string());
    let unit = RwSignal::new("package".to_string());
    let hardware = RwSignal::new("gb200".to_string());
    let precision = RwSignal::new(String::new());
    let parsed = move |text: RwSignal<String>, dim: Dimension, name: &'static str| {
        text.with(|s| parse(s, dim)).map_err(|e| FieldError {
            field: name,
            message: e.text(l.get()).to_string(),
        })
    };
    let outcome = Memo::new(move |_| -> Result<CheckReport, FieldError> {
        let workload = if model.get() == CUSTOM_FLOP {
            Workload::Flop {
                flop: parsed(flop, Dimension::Count, "cl-flop")?,
            }
        } else {
            Workload::Preset(model.get())
        };
        let claim = Claim {
            workload: Some(workload),
            duration_s: Some(parsed(duration, Dimension::Duration, "cl-duration")?),
            count: parsed(count, Dimension::Count, "cl-count")?,
            count_unit: match unit.get().as_str() {
                "package" => CountUnit::Package,
                "rack" => CountUnit::Rack,
                _ => CountUnit::Chip,
            },
            hardware: HardwareChoice::Id(hardware.get()),
            precision: Precision::from_id(&precision.get()),
            quoted_peak_flop_per_s: None,
            site_power_w: None,
            budget_usd: None,
            pue: catalog::PUE_DEFAULT.value,
        };
        check(&claim, l.get()).map_err(|e| FieldError {
            field: claim_input(e.field()),
            message: e.reason_in(l.get()),
        })
    });
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
    let result = move || {
        outcome.with(|o| {
            o.as_ref().ok().map(|r| {
                let l = l.get();
                let typical = r.duration_at_typical_s.map(|d| fill(t(K::TypicalDuration, l), &[&fmt::duration(d.central, l), &fmt::duration(d.low, l), &fmt::duration(d.high, l)]));
                view! {
                    <div class="check-result" data-testid="check-result" data-verdict=r.verdict.id()>
                        <p class="claim-title">{t(K::Verdict, l)} " " <Badge verdict=r.verdict /></p>
                        <p data-testid="check-reason">{r.reason.clone()}</p>
                        <p>{typical}</p>
                        {readings_table(r, l)}
                    </div>
                }
            })
        })
    };
    view! {
        <section class="card" aria-labelledby="check-title">
            <h2 id="check-title">{move || t(K::CheckTitle, l.get())}</h2>
            <p>{move || t(K::CheckIntro, l.get())}</p>
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
            </form>
            <div aria-live="polite">{result}</div>
        </section>
    }
}

/// Which claim input an estimator error path belongs to.
fn claim_input(path: &str) -> &'static str {
    match input_for(path) {
        "count" => "cl-count",
        "count-unit" => "cl-count-unit",
        "precision" => "cl-precision",
        "hardware" => "cl-hardware",
        _ if path == "duration_s" => "cl-duration",
        _ if path.starts_with("workload.") => "cl-flop",
        _ => "cl-model",
    }
}

/// The fact-check mode.
#[component]
pub fn FactCheck() -> impl IntoView {
    view! {
        <div class="factcheck">
            <CheckForm />
            <ArticleClaims />
        </div>
    }
}
