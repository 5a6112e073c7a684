//! The Zettaflop page: Leptos components bound to the estimator. No formula lives here: every
//! number shown is a field of an estimator report.

mod fields;
pub mod form;
mod inputs;
mod math;
mod original;
mod results;

use leptos::prelude::*;
use zettaflop_estimator::Report;

pub use form::Form;

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let form = Form::new();
    let outcome = Memo::new(move |_| form.outcome());
    // The last valid report: kept while an input is invalid, so the result stays visible.
    let report = Memo::new(move |prev: Option<&Option<Report>>| match outcome.get() {
        Ok(r) => Some(r),
        Err(_) => prev.cloned().flatten(),
    });
    let stale = Signal::derive(move || outcome.with(Result::is_err));
    let problem = Signal::derive(move || outcome.get().err());
    view! {
        <header class="top">
            <h1>"Zettaflop"</h1>
            <p class="tagline">"What it takes to train an AI model on a cluster: time, power, energy, CO₂ and money, computed in your browser, with the math and the sources."</p>
        </header>
        <main class="layout">
            <inputs::Inputs form=form problem=problem />
            <div class="out">
                <results::Results report=report stale=stale />
                <original::OriginalRun model=form.model report=report />
                <math::ShowMath report=report />
            </div>
        </main>
        <footer class="foot">
            <p>
                "Model compute and chip figures draw on "
                <a href="https://epoch.ai/data/ai-models">"Epoch AI's Notable AI Models"</a> " and "
                <a href="https://epoch.ai/data/machine-learning-hardware">"Machine Learning Hardware"</a>
                " databases (CC BY 4.0), and on the sources listed under \"Show the math\"."
            </p>
            <p>"Runs entirely in your browser: no server, no tracking."</p>
        </footer>
    }
}
