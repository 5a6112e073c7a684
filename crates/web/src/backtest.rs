//! Back-test mode: the utilization every known training run implies, against its year and its
//! cluster size, with the reported MFU where known and the runs that cannot be right flagged.
//!
//! The runs are not compiled in: the build writes `backtest.csv` (`zettaflop backtest --csv`,
//! a Trunk hook, `scripts/build-backtest.sh`) and this tab fetches it on its first visit, so
//! the long tail costs the first load nothing. Every figure comes from the estimator's back-test.

use std::fmt::Write;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use zettaflop_estimator::backtest::asset::{self, Point};
use zettaflop_estimator::backtest::Verdict;
use zettaflop_estimator::format::{self as fmt, Locale};

use crate::i18n::{fill, lang, t, tr, K};
use crate::scatter::{marker, mfu_marker, scatter, BY_SIZE, BY_YEAR};
use crate::svg::Markup;
use crate::{Mode, Nav};

/// The asset, relative to the page (so the page works under any sub-path).
const ASSET: &str = "./backtest.csv";

/// The runs, split for showing.
#[derive(Debug)]
struct Runs {
    /// Runs with an implied utilization, in the asset's order (core runs, then Epoch AI's
    /// newest first).
    plotted: Vec<Point>,
    /// Runs whose chip has no peak for their number format.
    no_peak: Vec<Point>,
}

impl Runs {
    fn new(points: Vec<Point>) -> Runs {
        let (plotted, no_peak) = points
            .into_iter()
            .partition(|p| p.implied_utilization.is_some());
        Runs { plotted, no_peak }
    }
}

/// Where the fetch is.
#[derive(Debug)]
enum Load {
    Loading,
    Failed(String),
    Ready(Runs),
}

fn js_error(e: JsValue) -> String {
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

/// GETs `url` as text.
pub(crate) async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(js_error)?;
    let response: web_sys::Response = response.dyn_into().map_err(js_error)?;
    if !response.ok() {
        return Err(format!("HTTP {} ({url})", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(js_error)?)
        .await
        .map_err(js_error)?;
    text.as_string().ok_or_else(|| format!("{url} is not text"))
}

async fn load() -> Load {
    match fetch_text(ASSET).await {
        Ok(text) => match asset::read(&text) {
            Ok(points) => Load::Ready(Runs::new(points)),
            Err(e) => Load::Failed(e.to_string()),
        },
        Err(e) => Load::Failed(e),
    }
}

fn reason(p: &Point, l: Locale) -> &str {
    match l {
        Locale::En => &p.reason,
        Locale::Fr => &p.reason_fr,
    }
}

fn percent(x: Option<f64>, l: Locale) -> String {
    x.map(|x| fmt::percent(x, l)).unwrap_or_else(|| "–".into())
}

/// What each marker means.
fn legend(m: &mut Markup, l: Locale) {
    m.raw(r#"<ul class="legend">"#);
    let verdict = |v: Verdict, k: K| (format!("pt v-{}", v.id()), marker(v, 8.0, 8.0), k);
    let keys = [
        verdict(Verdict::Plausible, K::BtLegPlausible),
        verdict(Verdict::Low, K::BtLegLow),
        verdict(Verdict::High, K::BtLegHigh),
        verdict(Verdict::Impossible, K::BtLegImpossible),
        ("mfu".into(), mfu_marker(8.0, 15.0, 8.0), K::BtLegMfu),
    ];
    for (class, d, k) in keys {
        let _ = write!(
            m.0,
            r#"<li><svg class="key-svg" viewBox="0 0 16 16" aria-hidden="true"><path class="{class}" d="{d}"/></svg>"#
        );
        m.text(t(k, l)).raw("</li>");
    }
    m.raw("</ul>");
}

/// The runs above 100 %, each with its reason.
fn problems(m: &mut Markup, runs: &Runs, l: Locale) {
    let bad = || {
        runs.plotted
            .iter()
            .filter(|p| p.verdict == Verdict::Impossible)
    };
    let title = fill(t(K::BtProblems, l), &[&bad().count().to_string()]);
    m.raw(r#"<section data-testid="bt-problems" aria-labelledby="bt-problems-title">"#);
    m.wrap(r#"<h3 id="bt-problems-title">"#, &title, "</h3>");
    m.wrap(
        "<p>",
        t(K::BtProblemsIntro, l),
        r#"</p><ul class="bt-problems">"#,
    );
    for p in bad() {
        let u = p.implied_utilization.unwrap_or(f64::NAN);
        let year = p.year().map(|y| y.to_string()).unwrap_or_default();
        let _ = write!(m.0, r#"<li data-value="{u}">"#);
        m.wrap("<b>", &p.name, "</b> (").wrap("", &year, ", ");
        m.wrap("", &fmt::grouped(p.chips, 0, l), " × ");
        m.wrap("", &p.hardware_name, "): ");
        let pct = fmt::percent(u, l);
        m.wrap(
            r#"<span class="badge verdict-impossible">"#,
            &pct,
            "</span> ",
        );
        m.wrap("", reason(p, l), "</li>");
    }
    m.raw("</ul></section>");
}

/// The data of both charts as a table: their text alternative.
fn table(m: &mut Markup, runs: &Runs, l: Locale) {
    let n = fmt::grouped(runs.plotted.len() as f64, 0, l);
    let summary = fill(t(K::BtTable, l), &[&n]);
    m.raw(r#"<details class="bt-data" data-testid="bt-table">"#);
    m.wrap("<summary>", &summary, "</summary>");
    m.raw(r#"<div class="table-wrap"><table class="readings"><thead><tr>"#);
    let head = [
        K::Model,
        K::BtYear,
        K::StatGpus,
        K::BtChip,
        K::Implied,
        K::BtMfu,
        K::Verdict,
        K::BtReason,
    ];
    for k in head {
        m.wrap(r#"<th scope="col">"#, t(k, l), "</th>");
    }
    m.raw("</tr></thead><tbody>");
    let num = r#"</td><td class="num">"#;
    for p in &runs.plotted {
        let (id, u) = (p.verdict.id(), p.implied_utilization.unwrap_or(f64::NAN));
        let year = p.year().map(|y| y.to_string()).unwrap_or_default();
        let _ = write!(m.0, r#"<tr data-verdict="{id}" data-value="{u}">"#);
        m.wrap(r#"<th scope="row">"#, &p.name, "</th><td>");
        m.wrap("", &year, num)
            .wrap("", &fmt::grouped(p.chips, 0, l), "</td><td>");
        m.wrap("", &p.hardware_name, num);
        m.wrap("", &percent(p.implied_utilization, l), num);
        m.wrap("", &percent(p.reported_mfu, l), "</td><td>");
        let _ = write!(m.0, r#"<span class="badge verdict-{id}">"#);
        m.wrap("", p.verdict.label(l), "</span></td><td>");
        m.wrap("", reason(p, l), "</td></tr>");
    }
    m.raw("</tbody></table></div></details>");
}

/// Everything shown once the runs are loaded, as markup (see [`crate::chart`] for why).
fn loaded(runs: &Runs, l: Locale) -> String {
    let count = |v: Verdict| {
        let n = runs.plotted.iter().filter(|p| p.verdict == v).count();
        fmt::grouped(n as f64, 0, l)
    };
    let summary = fill(
        t(K::BtSummary, l),
        &[
            &fmt::grouped(runs.plotted.len() as f64, 0, l),
            &count(Verdict::Plausible),
            &count(Verdict::Low),
            &count(Verdict::High),
            &count(Verdict::Impossible),
        ],
    );
    let mut m = Markup::default();
    m.wrap(r#"<p data-testid="bt-summary">"#, &summary, "</p>");
    legend(&mut m, l);
    m.raw(r#"<div class="charts">"#);
    scatter(&mut m, &BY_YEAR, &runs.plotted, l);
    scatter(&mut m, &BY_SIZE, &runs.plotted, l);
    m.raw("</div>");
    problems(&mut m, runs, l);
    if !runs.no_peak.is_empty() {
        m.raw(r#"<p class="hint">"#).text(t(K::BtNoPeak, l));
        for (i, p) in runs.no_peak.iter().enumerate() {
            m.raw(if i == 0 { " " } else { "; " });
            m.text(&format!("{} ({})", p.name, reason(p, l)));
        }
        m.raw("</p>");
    }
    table(&mut m, runs, l);
    m.0
}

/// The back-test mode. The tab's first visit starts the fetch.
#[component]
pub fn Backtest() -> impl IntoView {
    let l = lang();
    let nav = Nav::get();
    let data = RwSignal::new(Load::Loading);
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) {
            return true;
        }
        let open = nav.is_some_and(|n| n.was_opened(Mode::Backtest));
        if open {
            leptos::task::spawn_local(async move { data.set(load().await) });
        }
        open
    });
    let state = move || {
        data.with(|d| match d {
            Load::Loading => "loading",
            Load::Failed(_) => "failed",
            Load::Ready(_) => "ready",
        })
    };
    // Markup too (see `crate::chart`): one string whichever the state.
    let body = move || {
        let l = l.get();
        data.with(|d| match d {
            Load::Loading => {
                let mut m = Markup::default();
                m.wrap(
                    r#"<p class="hint" role="status">"#,
                    t(K::BtLoading, l),
                    "</p>",
                );
                m.0
            }
            Load::Failed(e) => {
                let mut m = Markup::default();
                let text = fill(t(K::BtLoadError, l), &[e]);
                m.wrap(r#"<p class="error" role="alert">"#, &text, "</p>");
                m.0
            }
            Load::Ready(runs) => loaded(runs, l),
        })
    };
    view! {
        <section class="card backtest" aria-labelledby="bt-title" data-testid="backtest" data-state=state>
            <h2 id="bt-title">{tr(K::BtTitle)}</h2>
            <p>{tr(K::BtIntro)}</p>
            <p class="hint">
                {tr(K::BtCreditLead)} " "
                <a href="https://epoch.ai/data/ai-models">"Notable AI Models"</a> " "
                {tr(K::BtCreditAnd)} " "
                <a href="https://epoch.ai/data/machine-learning-hardware">"Machine Learning Hardware"</a> " "
                {tr(K::BtCreditTail)}
            </p>
            <div inner_html=body></div>
        </section>
    }
}
