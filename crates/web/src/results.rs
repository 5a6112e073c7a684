//! The results: every number is a field of the estimator's report, formatted.

use leptos::prelude::*;
use zettaflop_estimator::answer::range as range_text;
use zettaflop_estimator::format::{self as fmt, Locale};
use zettaflop_estimator::{Report, Varied};

use crate::i18n::{fill, lang, t, tr, K};

/// One labelled number; `data-value` carries the report's raw SI value.
#[component]
fn Stat(
    testid: &'static str,
    label: K,
    report: Memo<Option<Report>>,
    value: fn(&Report) -> f64,
    text: fn(&Report, Locale) -> String,
) -> impl IntoView {
    let l = lang();
    view! {
        <div class="stat">
            <dt>{move || t(label, l.get())}</dt>
            <dd
                data-testid=format!("result-{testid}")
                data-value=move || report.with(|r| r.as_ref().map(|r| value(r).to_string()))
            >
                {move || report.with(|r| r.as_ref().map(|r| text(r, l.get())))}
            </dd>
        </div>
    }
}

/// A labelled number the report may lack (hidden then); `data-value` carries the raw SI value.
#[component]
fn OptStat(
    testid: &'static str,
    label: K,
    report: Memo<Option<Report>>,
    value: fn(&Report) -> Option<f64>,
    text: fn(&Report, Locale) -> Option<String>,
) -> impl IntoView {
    let l = lang();
    let v = move || report.with(|r| r.as_ref().and_then(value));
    view! {
        <div class="stat" hidden=move || v().is_none()>
            <dt>{move || t(label, l.get())}</dt>
            <dd data-testid=format!("result-{testid}") data-value=move || v().map(|x| x.to_string())>
                {move || report.with(|r| r.as_ref().and_then(|r| text(r, l.get())))}
            </dd>
        </div>
    }
}

/// The inputs a report's ranges come from, in words.
fn range_basis(r: &Report, l: Locale) -> Option<String> {
    let words: Vec<&str> = r
        .ranges
        .varied
        .iter()
        .map(|v| match v {
            Varied::Workload => t(K::VariedWorkload, l),
            Varied::Utilization => t(K::VariedUtilization, l),
            Varied::Pue => t(K::VariedPue, l),
            Varied::Power => t(K::VariedPower, l),
            Varied::Peak => t(K::VariedPeak, l),
        })
        .collect();
    (!words.is_empty()).then(|| fill(t(K::RangeBasis, l), &[&words.join(", ")]))
}

/// The results panel. `stale` marks the last valid result while an input is invalid.
#[component]
pub fn Results(report: Memo<Option<Report>>, #[prop(into)] stale: Signal<bool>) -> impl IntoView {
    let l = lang();
    let with = move |f: fn(&Report, Locale) -> Option<String>| {
        move || report.with(|r| r.as_ref().and_then(|r| f(r, l.get())))
    };
    view! {
        <section class="results" data-testid="results" data-stale=move || stale.get().to_string() aria-live="polite" aria-labelledby="results-title">
            <h2 id="results-title">{tr(K::Result)}</h2>
            <p class="stale-note" hidden=move || !stale.get()><span class="stale-icon" aria-hidden="true">"⚠"</span> {tr(K::Stale)}</p>
            <dl class="stats">
                <Stat testid="gpus" label=K::StatGpus report=report value=|r| r.gpus text=|r, l| fmt::grouped(r.gpus, 0, l) />
                <Stat testid="peak" label=K::StatPeak report=report value=|r| r.peak_flop_per_s text=|r, l| fmt::flops(r.peak_flop_per_s, l) />
                <Stat testid="effective" label=K::StatSustained report=report value=|r| r.effective_flop_per_s text=|r, l| fmt::flops(r.effective_flop_per_s, l) />
                <Stat testid="chip-hours" label=K::StatChipHours report=report value=|r| r.chip_hours text=|r, l| fmt::si(r.chip_hours, "", l) />
                <Stat testid="it-power" label=K::StatItPower report=report value=|r| r.it_power_w text=|r, l| fmt::si(r.it_power_w, "W", l) />
                <Stat testid="facility-power" label=K::StatSitePower report=report value=|r| r.facility_power_w text=|r, l| fmt::si(r.facility_power_w, "W", l) />
                <Stat testid="energy" label=K::StatEnergy report=report value=|r| r.energy_j text=|r, l| {
                    let range = range_text(&r.ranges.energy_j, |x| fmt::energy(x, l), l).map(|s| format!(" ({s})")).unwrap_or_default();
                    format!("{}{range}", fmt::energy(r.energy_j, l))
                } />
                <Stat testid="co2" label=K::StatCo2 report=report value=|r| r.co2_kg text=|r, l| fmt::mass(r.co2_kg, l) />
                <Stat testid="homes" label=K::StatHomes report=report value=|r| r.homes text=|r, l| fill(t(K::Homes, l), &[&fmt::big(r.homes, l)]) />
                <Stat testid="cost" label=K::StatCost report=report value=|r| r.cost_usd.total text=|r, l| {
                    let range = range_text(&r.ranges.cost_usd, |x| fmt::usd(x, l), l).map(|s| format!(" ({s})")).unwrap_or_default();
                    format!("{}{range}", fmt::usd(r.cost_usd.total, l))
                } />
                <Stat testid="cost-compute" label=K::StatRental report=report value=|r| r.cost_usd.compute text=|r, l| fill(t(K::RentalAt, l), &[&fmt::usd(r.cost_usd.compute, l), &fmt::sig3(r.assumptions.usd_per_chip_hour, l)]) />
                <Stat testid="cost-electricity" label=K::StatElectricity report=report value=|r| r.cost_usd.electricity text=|r, l| fmt::usd(r.cost_usd.electricity, l) />
            </dl>
            <dl class="stats" data-testid="goodput">
                <OptStat testid="wall-clock" label=K::StatWallClock report=report value=|r| r.goodput.wall_clock_s text=|r, l| r.goodput.wall_clock_s.map(|w| fmt::duration(w, l)) />
                <OptStat testid="goodput-fraction" label=K::StatGoodput report=report value=|r| Some(r.goodput.fraction) text=|r, l| Some(fmt::percent(r.goodput.fraction, l)) />
                <OptStat testid="checkpoint-interval" label=K::StatCheckpointEvery report=report value=|r| Some(r.goodput.checkpoint_interval_s) text=|r, l| Some(fmt::duration(r.goodput.checkpoint_interval_s, l)) />
                <OptStat testid="interruptions" label=K::StatInterruptions report=report value=|r| r.goodput.expected_interruptions text=|r, l| r.goodput.expected_interruptions.map(|n| fill(t(K::InterruptionsText, l), &[&fmt::big(n, l), &fmt::duration(r.goodput.mtbf_s, l)])) />
                <OptStat testid="wall-cost" label=K::StatWallCost report=report value=|r| r.goodput.cost_usd text=|r, l| r.goodput.cost_usd.map(|c| fmt::usd(c, l)) />
            </dl>
            <h3>{tr(K::MoneyTitle)}</h3>
            <dl class="stats" data-testid="money">
                <OptStat testid="capex" label=K::StatCapex report=report value=|r| r.capex.map(|c| c.total_usd) text=|r, l| r.capex.map(|c| fill(t(K::CapexText, l), &[&fmt::usd(c.total_usd, l), &fmt::usd(c.chips_usd, l), &fmt::usd(c.facility_usd, l)])) />
                <OptStat testid="cost-ownership" label=K::StatOwnership report=report value=|r| r.cost_usd.ownership text=|r, l| r.cost_usd.ownership.map(|o| fill(t(K::OwnershipText, l), &[&fmt::usd(o, l), &fmt::duration(r.assumptions.lifetime_s, l), &fmt::usd(r.cost_usd.total, l)])) />
                <OptStat testid="site-gpus" label=K::StatSiteHolds report=report value=|r| r.site.map(|s| s.gpus) text=|r, l| r.site.map(|s| fill(t(K::SiteText, l), &[&fmt::grouped(s.gpus, 0, l), &fmt::si(s.w_per_gpu, "W", l)])) />
                <OptStat testid="budget-gpus" label=K::StatBudgetBuys report=report value=|r| r.budget.map(|b| b.gpus) text=|r, l| r.budget.map(|b| fill(t(K::BudgetText, l), &[&fmt::grouped(b.gpus, 0, l), &fmt::si(b.facility_power_w, "W", l)])) />
            </dl>
            <p class="hint">{with(range_basis)}</p>
            <p class="hint" data-testid="predicted-utilization">
                {with(|r, l| r.predicted_utilization.as_ref().map(|p| fill(t(K::PredictedUtil, l), &[&fmt::percent(p.mfu, l), &p.layout, &fmt::grouped(f64::from(p.global_batch), 0, l)])))}
            </p>
            {move || report.with(|r| r.as_ref().and_then(|r| r.implied_utilization).map(|u| view! {
                <p class="answer" data-testid="result-implied-utilization" data-value=u.to_string()>
                    {move || fill(t(K::ImpliedUtilization, l.get()), &[&fmt::percent(u, l.get())])}
                </p>
            }))}
            {move || report.with(|r| r.as_ref().and_then(|r| r.chips_needed.zip(r.count_needed)).map(|(g, n)| view! {
                <p class="answer" data-testid="result-chips-needed" data-value=g.to_string()>
                    {move || fill(t(K::ChipsNeeded, l.get()), &[&fmt::grouped(g, 0, l.get()), &fmt::grouped(n, 0, l.get())])}
                </p>
            }))}
            <ul class="warnings" data-testid="warnings">
                {move || report.with(|r| r.as_ref().map(|r| r.warnings.iter().map(|w| view! { <li>{w.message.clone()}</li> }).collect_view()))}
            </ul>
        </section>
    }
}
