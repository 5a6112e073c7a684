//! The results: every number is a field of the estimator's report, formatted.

use leptos::prelude::*;
use zettaflop_estimator::format::{self as fmt, Locale};
use zettaflop_estimator::Report;

const L: Locale = Locale::En;

/// One labelled number; `data-value` carries the report's raw SI value.
#[component]
fn Stat(
    testid: &'static str,
    label: &'static str,
    report: Memo<Option<Report>>,
    value: fn(&Report) -> f64,
    text: fn(&Report) -> String,
) -> impl IntoView {
    view! {
        <div class="stat">
            <dt>{label}</dt>
            <dd
                data-testid=format!("result-{testid}")
                data-value=move || report.with(|r| r.as_ref().map(|r| value(r).to_string()))
            >
                {move || report.with(|r| r.as_ref().map(text))}
            </dd>
        </div>
    }
}

/// The results panel. `stale` marks the last valid result while an input is invalid.
#[component]
pub fn Results(report: Memo<Option<Report>>, #[prop(into)] stale: Signal<bool>) -> impl IntoView {
    let with = move |f: fn(&Report) -> String| move || report.with(|r| r.as_ref().map(f));
    view! {
        <section class="results" data-testid="results" data-stale=move || stale.get().to_string() aria-live="polite" aria-labelledby="results-title">
            <h2 id="results-title">"Result"</h2>
            <p class="stale-note" hidden=move || !stale.get()>"An input is invalid: showing the last valid result."</p>
            <p class="headline">
                <span class="big" data-testid="result-duration" data-value=move || report.with(|r| r.as_ref().map(|r| r.duration_s.to_string()))>
                    {with(|r| fmt::duration(r.duration_s, L))}
                </span>
                <span class="sub">
                    {with(|r| format!(
                        "to train {} FLOP on {} GPUs ({}) at {} of the {} peak",
                        fmt::compact(r.training_flop), fmt::big(r.gpus, L), r.hardware.name, fmt::percent(r.utilization, L),
                        if r.sparse { format!("sparse {}", r.precision.id()) } else { format!("dense {}", r.precision.id()) },
                    ))}
                </span>
            </p>
            <dl class="stats">
                <Stat testid="gpus" label="GPUs" report=report value=|r| r.gpus text=|r| fmt::grouped(r.gpus, 0, L) />
                <Stat testid="peak" label="Cluster peak" report=report value=|r| r.peak_flop_per_s text=|r| format!("{} = {} ZFLOP/s", fmt::si(r.peak_flop_per_s, "FLOP/s", L), fmt::sig3(r.peak_flop_per_s / 1e21, L)) />
                <Stat testid="effective" label="Sustained" report=report value=|r| r.effective_flop_per_s text=|r| fmt::si(r.effective_flop_per_s, "FLOP/s", L) />
                <Stat testid="chip-hours" label="GPU-hours" report=report value=|r| r.chip_hours text=|r| format!("{} GPU·h", fmt::si(r.chip_hours, "", L)) />
                <Stat testid="it-power" label="IT power" report=report value=|r| r.it_power_w text=|r| fmt::si(r.it_power_w, "W", L) />
                <Stat testid="facility-power" label="Site power (× PUE)" report=report value=|r| r.facility_power_w text=|r| fmt::si(r.facility_power_w, "W", L) />
                <Stat testid="energy" label="Energy" report=report value=|r| r.energy_j text=|r| fmt::energy(r.energy_j, L) />
                <Stat testid="co2" label="CO₂" report=report value=|r| r.co2_kg text=|r| fmt::mass(r.co2_kg, L) />
                <Stat testid="homes" label="Same power as" report=report value=|r| r.homes text=|r| format!("{} US homes", fmt::big(r.homes, L)) />
                <Stat testid="cost" label="Total cost" report=report value=|r| r.cost_usd.total text=|r| fmt::usd(r.cost_usd.total, L) />
                <Stat testid="cost-compute" label="GPU rental" report=report value=|r| r.cost_usd.compute text=|r| format!("{} at ${}/GPU-h", fmt::usd(r.cost_usd.compute, L), fmt::sig3(r.assumptions.usd_per_chip_hour, L)) />
                <Stat testid="cost-electricity" label="Electricity" report=report value=|r| r.cost_usd.electricity text=|r| fmt::usd(r.cost_usd.electricity, L) />
            </dl>
            {move || report.with(|r| r.as_ref().and_then(|r| r.implied_utilization).map(|u| view! {
                <p class="answer" data-testid="result-implied-utilization" data-value=u.to_string()>
                    "The claimed duration implies a utilization of " <strong>{fmt::percent(u, L)}</strong> " of this peak."
                </p>
            }))}
            {move || report.with(|r| r.as_ref().and_then(|r| r.chips_needed.zip(r.count_needed)).map(|(g, n)| view! {
                <p class="answer" data-testid="result-chips-needed" data-value=g.to_string()>
                    "To finish within the target: " <strong>{fmt::grouped(g, 0, L)} " GPUs"</strong> " (" {fmt::grouped(n, 0, L)} " in the chosen unit)."
                </p>
            }))}
            <ul class="warnings" data-testid="warnings">
                {move || report.with(|r| r.as_ref().map(|r| r.warnings.iter().map(|w| view! { <li>{w.message.clone()}</li> }).collect_view()))}
            </ul>
        </section>
    }
}
