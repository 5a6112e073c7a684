//! The original run of the chosen model (e.g. GPT-4 on 25,000 A100 in 95 days) beside the
//! scenario, estimated by the same function.

use leptos::prelude::*;
use zettaflop_estimator::format as fmt;
use zettaflop_estimator::{catalog, estimate, Report, Scenario};

use crate::i18n::{fill, lang, t, tr, K};

/// The original run card; empty when the model has no known run.
#[component]
pub fn OriginalRun(model: RwSignal<String>, report: Memo<Option<Report>>) -> impl IntoView {
    let l = lang();
    let original = Memo::new(move |_| {
        model.with(|m| Scenario::reference_run(m)).and_then(|s| {
            estimate(&s)
                .ok()
                .map(|r| (s.claimed_duration_s.unwrap_or(0.0), r))
        })
    });
    let speedup = move || {
        report.with(|r| {
            original.with(|o| {
                r.as_ref()
                    .zip(o.as_ref())
                    .map(|(r, (_, o))| r.compare(o).speedup)
            })
        })
    };
    move || {
        original.get().map(|(claimed, orig)| {
            let name = catalog::model(&model.get_untracked()).map(|m| m.name).unwrap_or_default();
            let u = orig.implied_utilization.unwrap_or(0.0);
            let orig2 = orig.clone();
            view! {
                <aside class="original" data-testid="original" aria-labelledby="original-title">
                    <h2 id="original-title">{tr(K::OriginalTitle)}</h2>
                    <p data-testid="original-duration" data-value=claimed.to_string()>
                        {move || fill(t(K::OriginalRun, l.get()), &[name, &fmt::grouped(orig.gpus, 0, l.get()), &zettaflop_estimator::names::name_in(&orig.hardware.name, l.get()), &fmt::duration(claimed, l.get())])}
                    </p>
                    <p data-testid="original-implied-utilization" data-value=u.to_string()>
                        {move || {
                            let l = l.get();
                            fill(t(K::OriginalImplies, l), &[&fmt::percent(u, l), orig2.precision.label(), &fmt::flops(orig2.peak_flop_per_s, l), &fmt::energy(orig2.energy_j, l), &fmt::usd(orig2.cost_usd.total, l)])
                        }}
                    </p>
                    <p data-testid="speedup" data-value=move || speedup().map(|x| x.to_string())>
                        {move || speedup().map(|x| fill(t(K::Speedup, l.get()), &[&fmt::sig3(x, l.get())]))}
                    </p>
                </aside>
            }
        })
    }
}
