//! The original run of the chosen model (e.g. GPT-4 on 25,000 A100 in 95 days) beside the
//! scenario, estimated by the same function.

use leptos::prelude::*;
use zettaflop_estimator::format::{self as fmt, Locale};
use zettaflop_estimator::{catalog, estimate, Report, Scenario};

const L: Locale = Locale::En;

/// The original run card; hidden when the model has no known run.
#[component]
pub fn OriginalRun(model: RwSignal<String>, report: Memo<Option<Report>>) -> impl IntoView {
    let original = Memo::new(move |_| {
        model
            .with(|m| Scenario::reference_run(m))
            .and_then(|s| estimate(&s).ok().map(|r| (s, r)))
    });
    let card = move || {
        original.with(|o| {
            o.as_ref().map(|(s, orig)| {
                let run = catalog::model(model.get_untracked().as_str()).and_then(|m| m.run.map(|run| (m.name, run)));
                let (name, basis) = run.map(|(n, r)| (n, r.duration_basis)).unwrap_or_default();
                let claimed = s.claimed_duration_s.unwrap_or(0.0);
                let u = orig.implied_utilization.unwrap_or(0.0);
                let speedup = move || report.with(|r| r.as_ref().map(|r| r.compare(&original.with(|o| o.as_ref().map(|(_, x)| x.clone())).unwrap_or_else(|| r.clone())).speedup));
                view! {
                    <aside class="original" data-testid="original" aria-labelledby="original-title">
                        <h2 id="original-title">"The original run"</h2>
                        <p>
                            {name} " on " {fmt::grouped(orig.gpus, 0, L)} " × " {orig.hardware.name.clone()} " in "
                            <strong data-testid="original-duration" data-value=claimed.to_string()>{fmt::duration(claimed, L)}</strong>
                            " (" {basis} ")."
                        </p>
                        <p>
                            "That implies a utilization of "
                            <strong data-testid="original-implied-utilization" data-value=u.to_string()>{fmt::percent(u, L)}</strong>
                            " of its dense " {orig.precision.id()} " peak (" {fmt::si(orig.peak_flop_per_s, "FLOP/s", L)} "), used " {fmt::energy(orig.energy_j, L)} " and cost about " {fmt::usd(orig.cost_usd.total, L)} "."
                        </p>
                        <p data-testid="speedup" data-value=move || speedup().map(|x| x.to_string())>
                            "Your scenario is " <strong>{move || speedup().map(|x| format!("{}×", fmt::sig3(x, L)))}</strong> " as fast."
                        </p>
                    </aside>
                }
            })
        })
    };
    view! { {card} }
}
