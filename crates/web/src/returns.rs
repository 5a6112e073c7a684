//! Diminishing returns on the page: the report's `compute_optimal` block (the workload's
//! parameters and tokens against the compute-optimal model of the same compute, both fits) and
//! the chart of the loss a compute-optimal model reaches against the dollars spent on this
//! cluster (log scale, the scenario marked, its data table). Every number is the estimator's
//! (`zettaflop_estimator::scaling`); this module places and words them. The charts' helpers
//! ([`crate::charts`]) give it the same look, save buttons and data table as the other charts.
//!
//! Its texts live here, each with its French, so this section does not touch the page-wide
//! dictionary ([`crate::i18n`]) that other work reshapes.

use std::fmt::Write;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use zettaflop_estimator::format::{self as fmt, Locale};
use zettaflop_estimator::scaling::{self, text, ComputeOptimal, DiminishingReturns, FitResult};
use zettaflop_estimator::Report;

use crate::charts::on_save_click;
use crate::i18n::{fill, lang};
use crate::svg::{close, close_svg, num_cell, open, text as svg_text, Markup, XAxis};

/// A text in English and French.
type Tx = (&'static str, &'static str);

pub(crate) fn w(l: Locale, t: Tx) -> &'static str {
    match l {
        Locale::En => t.0,
        Locale::Fr => t.1,
    }
}

pub(crate) const TITLE: Tx = (
    "Diminishing returns: what more compute buys",
    "Rendements décroissants\u{a0}: ce que rapporte plus de calcul",
);
pub(crate) const INTRO: Tx = (
    "A fitted scaling law turns the compute into the model size and data that use it best, and the loss they reach. The loss is in nats per token on the fit's data set (MassiveText) and does not transfer to other data or tokenizers: only the split between parameters and tokens, and relative changes, carry over.",
    "Une loi d'échelle ajustée convertit le calcul en taille de modèle et en données qui l'utilisent au mieux, et en la perte qu'ils atteignent. La perte est en nats par jeton sur les données de l'ajustement (MassiveText) et ne se transpose pas à d'autres données ni à d'autres tokeniseurs\u{a0}: seuls le partage entre paramètres et jetons, et les variations relatives, se transposent.",
);
const OPT_TITLE: Tx = (
    "Compute-optimal size for this compute",
    "Taille optimale pour ce calcul",
);
const OPT_RUN: Tx = (
    "This model: {} parameters on {} tokens, {} tokens per parameter (compute-optimal: about {}).",
    "Ce modèle\u{a0}: {} paramètres sur {} jetons, soit {} jetons par paramètre (optimum\u{a0}: environ {}).",
);
const OPT_NONE: Tx = (
    "This workload has no published parameters and tokens: only what more money buys is shown.",
    "Cette charge n'a pas de paramètres ni de jetons publiés\u{a0}: seul ce que rapporte plus d'argent est montré.",
);
const COL_QTY: Tx = ("Quantity", "Grandeur");
const ROW_LOSS: Tx = (
    "Loss of this model (nats/token)",
    "Perte de ce modèle (nats/jeton)",
);
const ROW_NSTAR: Tx = ("Compute-optimal parameters", "Paramètres optimaux");
const ROW_DSTAR: Tx = ("Compute-optimal tokens", "Jetons optimaux");
const ROW_TPP: Tx = (
    "Compute-optimal tokens per parameter",
    "Jetons par paramètre à l'optimum",
);
const ROW_LSTAR: Tx = (
    "Loss of the compute-optimal model",
    "Perte du modèle optimal",
);
const ROW_EQ: Tx = (
    "Compute an optimal model needs for that loss (FLOP)",
    "Calcul d'un modèle optimal pour cette perte (FLOP)",
);
const ROW_EFF: Tx = (
    "Compute-equivalent efficiency",
    "Efficacité en calcul équivalent",
);
const FIT_EPOCH: Tx = ("Epoch AI (default)", "Epoch AI (défaut)");
const FIT_HOFFMANN: Tx = ("Hoffmann 2022", "Hoffmann 2022");
const RET_SUMMARY: Tx = (
    "Each extra billion dollars buys less: from 1× to 2× this budget the loss drops by {} per $1B, from 10× to 100× by {} per $1B.",
    "Chaque milliard de dollars en plus rapporte moins\u{a0}: de 1× à 2× ce budget la perte baisse de {} par milliard, de 10× à 100× de {} par milliard.",
);
const CH_TITLE: Tx = (
    "Loss a compute-optimal model reaches against the money spent",
    "Perte d'un modèle optimal selon l'argent dépensé",
);
const CH_DESC: Tx = (
    "Line of the loss (nats per token, Epoch AI's fit) against dollars on this cluster (log scale), from half to 200 times this scenario's cost, with 1×, 2×, 10× and 100× marked. The data table lists the marked points.",
    "Courbe de la perte (nats par jeton, ajustement d'Epoch AI) selon les dollars dépensés sur ce cluster (échelle logarithmique), de la moitié à 200 fois le coût de ce scénario, avec 1×, 2×, 10× et 100× marqués. Le tableau des données donne les points marqués.",
);
const CH_AXIS_X: Tx = (
    "Dollars on this cluster (log scale)",
    "Dollars sur ce cluster (échelle log.)",
);
const CH_AXIS_Y: Tx = ("Loss (nats/token)", "Perte (nats/jeton)");
const CH_NOW: Tx = ("this scenario", "ce scénario");
const CH_POINT: Tx = (
    "{}: {} buys a loss of {}",
    "{}\u{a0}: {} donnent une perte de {}",
);
const COL_MULT: Tx = ("Budget", "Budget");
const COL_USD: Tx = ("Dollars", "Dollars");
const COL_FLOP: Tx = ("Compute", "Calcul");
const COL_N: Tx = ("Parameters", "Paramètres");
const COL_D: Tx = ("Tokens", "Jetons");
const COL_LOSS: Tx = ("Loss", "Perte");
const COL_DROP: Tx = (
    "Loss drop per extra $1B",
    "Baisse de perte par milliard en plus",
);

/// A large number in scientific notation, three digits: `3.56e25` / `3,56e25`.
fn sci(v: f64, l: Locale) -> String {
    let s = format!("{v:.2e}");
    match l {
        Locale::En => s,
        Locale::Fr => s.replace('.', ","),
    }
}

fn times(x: f64, l: Locale) -> String {
    format!("{}×", fmt::sig3(x, l))
}

/// One row of the fits table: a label and a value per fit.
fn fit_row(
    m: &mut Markup,
    key: &str,
    label: &str,
    fits: &[&FitResult],
    get: fn(&FitResult) -> f64,
    show: &dyn Fn(f64) -> String,
) {
    let _ = write!(m.0, r#"<tr data-row="{key}">"#);
    m.wrap(r#"<th scope="row">"#, label, "</th>");
    for f in fits {
        let v = get(f);
        let _ = write!(
            m.0,
            r#"<td class="num" data-fit="{}" data-key="{key}" data-value="{v}">"#,
            f.fit
        );
        m.text(&show(v)).raw("</td>");
    }
    m.raw("</tr>");
}

/// The compute-optimal block: the run's tokens per parameter, then a table with both fits.
fn optimal_block(m: &mut Markup, b: &ComputeOptimal, l: Locale) {
    m.raw(r#"<section class="optimal" data-testid="compute-optimal"><h3>"#)
        .text(w(l, OPT_TITLE))
        .raw("</h3><p>");
    let run = fill(
        w(l, OPT_RUN),
        &[
            &text::count(b.params, l),
            &text::count(b.tokens, l),
            &fmt::sig3(b.tokens_per_param, l),
            &fmt::sig3(b.reference_tokens_per_param, l),
        ],
    );
    let _ = write!(
        m.0,
        r#"<span data-testid="optimal-run" data-value="{}">"#,
        b.tokens_per_param
    );
    m.text(&run)
        .raw(r#"</span></p><div class="table-wrap"><table class="readings"><thead><tr>"#);
    let mut fits: Vec<&FitResult> = vec![&b.result];
    fits.extend(b.other_fits.iter());
    m.wrap(r#"<th scope="col">"#, w(l, COL_QTY), "</th>");
    for f in &fits {
        let name = if f.fit == "epoch" {
            FIT_EPOCH
        } else {
            FIT_HOFFMANN
        };
        m.wrap(r#"<th scope="col">"#, w(l, name), "</th>");
    }
    m.raw("</tr></thead><tbody>");
    let loss = |v: f64| text::loss(v, l);
    let count = |v: f64| text::count(v, l);
    fit_row(m, "loss", w(l, ROW_LOSS), &fits, |f| f.loss, &loss);
    fit_row(
        m,
        "optimal.params",
        w(l, ROW_NSTAR),
        &fits,
        |f| f.optimal.params,
        &count,
    );
    fit_row(
        m,
        "optimal.tokens",
        w(l, ROW_DSTAR),
        &fits,
        |f| f.optimal.tokens,
        &count,
    );
    fit_row(
        m,
        "optimal.tokens_per_param",
        w(l, ROW_TPP),
        &fits,
        |f| f.optimal.tokens_per_param,
        &|v| fmt::sig3(v, l),
    );
    fit_row(
        m,
        "optimal.loss",
        w(l, ROW_LSTAR),
        &fits,
        |f| f.optimal.loss,
        &loss,
    );
    fit_row(
        m,
        "equivalent_flop",
        w(l, ROW_EQ),
        &fits,
        |f| f.equivalent_flop,
        &|v| sci(v, l),
    );
    fit_row(
        m,
        "efficiency",
        w(l, ROW_EFF),
        &fits,
        |f| f.efficiency,
        &|v| fmt::percent(v, l),
    );
    m.raw("</tbody></table></div></section>");
}

/// A linear scale over `lo..hi` with round ticks: (min, max, step).
fn linear(lo: f64, hi: f64) -> (f64, f64, f64) {
    let span = (hi - lo).max(1e-3);
    let raw = span / 5.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|k| k * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    ((lo / step).floor() * step, (hi / step).ceil() * step, step)
}

/// The chart: the loss against dollars, log x, the budget multiples marked.
fn returns_chart(m: &mut Markup, d: &DiminishingReturns, l: Locale) {
    const WD: f64 = 600.0;
    const H: f64 = 400.0;
    const L: f64 = 74.0;
    const R: f64 = 566.0;
    const T: f64 = 40.0;
    const B: f64 = 340.0;
    let curve = scaling::loss_curve(d, 0.5, 200.0, 48);
    let x = XAxis::fit(curve.iter().map(|p| p.0), true);
    let (lo, hi) = curve
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| {
            (a.min(p.1), b.max(p.1))
        });
    let (ymin, ymax, step) = linear(lo, hi);
    let ypos = |v: f64| B - (v - ymin) / (ymax - ymin) * (B - T);
    open(m, "returns", w(l, CH_TITLE), w(l, CH_DESC), WD, H);
    for k in x.steps() {
        let px = x.pos(10f64.powi(k), L, R);
        let _ = write!(
            m.0,
            r#"<line class="grid" x1="{px:.1}" y1="{T}" x2="{px:.1}" y2="{B}"/>"#
        );
        svg_text(m, "", px, B + 18.0, "middle", &fmt::usd(10f64.powi(k), l));
    }
    let mut v = ymin;
    while v <= ymax + step / 2.0 {
        let py = ypos(v);
        let _ = write!(
            m.0,
            r#"<line class="grid" x1="{L}" y1="{py:.1}" x2="{R}" y2="{py:.1}"/>"#
        );
        svg_text(m, "", L - 6.0, py + 5.0, "end", &fmt::sig3(v, l));
        v += step;
    }
    let _ = write!(
        m.0,
        r#"<line class="axis" x1="{L}" y1="{B}" x2="{R}" y2="{B}"/><line class="axis" x1="{L}" y1="{T}" x2="{L}" y2="{B}"/>"#
    );
    svg_text(m, "lbl", (L + R) / 2.0, H - 12.0, "middle", w(l, CH_AXIS_X));
    let _ = write!(
        m.0,
        r#"<text class="lbl" transform="rotate(-90)" x="{}" y="18" text-anchor="middle">"#,
        -(T + B) / 2.0
    );
    m.text(w(l, CH_AXIS_Y)).raw("</text>");
    let pts: Vec<String> = curve
        .iter()
        .map(|(u, v)| format!("{:.1},{:.1}", x.pos(*u, L, R), ypos(*v)))
        .collect();
    let _ = write!(
        m.0,
        r#"<polyline class="real s0" data-line="loss" points="{}"/>"#,
        pts.join(" ")
    );
    for p in &d.points {
        let (px, py) = (x.pos(p.usd, L, R), ypos(p.loss));
        let _ = write!(
            m.0,
            r#"<path class="s0" data-multiple="{}" data-usd="{}" data-value="{}" d="M{:.1} {py:.1}a4 4 0 1 0 8 0a4 4 0 1 0 -8 0"><title>"#,
            p.multiple,
            p.usd,
            p.loss,
            px - 4.0
        );
        let tip = fill(
            w(l, CH_POINT),
            &[
                &times(p.multiple, l),
                &fmt::usd(p.usd, l),
                &text::loss(p.loss, l),
            ],
        );
        m.text(&tip).raw("</title></path>");
        svg_text(m, "", px, py - 10.0, "middle", &times(p.multiple, l));
    }
    if let Some(p) = d.points.first() {
        let (px, py) = (x.pos(p.usd, L, R), ypos(p.loss));
        let _ = write!(
            m.0,
            r#"<circle class="now" data-testid="chart-returns-now" data-usd="{}" data-value="{}" cx="{px:.1}" cy="{py:.1}" r="9"/>"#,
            p.usd, p.loss
        );
        // Below and to the left: the curve there is higher, so the space is free.
        svg_text(m, "now-l", px - 6.0, py + 28.0, "end", w(l, CH_NOW));
    }
    returns_table(m, d, l);
}

/// The chart's data table (its text alternative): one row per budget multiple.
fn returns_table(m: &mut Markup, d: &DiminishingReturns, l: Locale) {
    let head = [
        w(l, COL_MULT),
        w(l, COL_USD),
        w(l, COL_FLOP),
        w(l, COL_N),
        w(l, COL_D),
        w(l, COL_LOSS),
        w(l, COL_DROP),
    ];
    close_svg(m, "returns", &head, l);
    for p in &d.points {
        let _ = write!(m.0, r#"<tr data-multiple="{}">"#, p.multiple);
        m.wrap(r#"<th scope="row">"#, &times(p.multiple, l), "</th>");
        num_cell(m, "usd", p.usd, &fmt::usd(p.usd, l));
        num_cell(m, "flop", p.flop, &format!("{} FLOP", sci(p.flop, l)));
        num_cell(m, "params", p.params, &text::count(p.params, l));
        num_cell(m, "tokens", p.tokens, &text::count(p.tokens, l));
        num_cell(m, "loss", p.loss, &text::loss(p.loss, l));
        match p.loss_drop_per_billion_usd {
            Some(v) => num_cell(m, "loss_drop_per_billion_usd", v, &fmt::sig3(v, l)),
            None => {
                m.raw("<td>–</td>");
            }
        }
        m.raw("</tr>");
    }
    close(m);
}

/// The section's markup for report `r` in `l`.
pub fn markup(r: &Report, l: Locale) -> String {
    let mut m = Markup::default();
    match &r.compute_optimal {
        Some(b) => optimal_block(&mut m, b, l),
        None => {
            m.wrap(
                r#"<p data-testid="compute-optimal-none">"#,
                w(l, OPT_NONE),
                "</p>",
            );
        }
    }
    if let Some(d) = &r.diminishing_returns {
        let drop = |i: usize| {
            d.points
                .get(i)
                .and_then(|p| p.loss_drop_per_billion_usd)
                .map(|v| fmt::sig3(v, l))
                .unwrap_or_else(|| "–".into())
        };
        m.wrap(
            r#"<p data-testid="returns-summary">"#,
            &fill(w(l, RET_SUMMARY), &[&drop(1), &drop(3)]),
            "</p>",
        );
        m.raw(r#"<div class="zcharts">"#);
        returns_chart(&mut m, d, l);
        m.raw("</div>");
    }
    m.0
}

/// The section: closed by default; its markup is written only while it is open.
#[component]
pub fn Returns(report: Memo<Option<Report>>) -> impl IntoView {
    let l = lang();
    let open = RwSignal::new(false);
    let body = move || {
        if !open.get() {
            return String::new();
        }
        let l = l.get();
        report.with(|r| r.as_ref().map(|r| markup(r, l)).unwrap_or_default())
    };
    view! {
        <details class="card charts-card returns-card" data-testid="returns" on:toggle=move |ev| {
            let is_open = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|e| e.has_attribute("open"));
            open.set(is_open);
        }>
            <summary><h2>{move || w(l.get(), TITLE)}</h2></summary>
            <p class="hint">{move || w(l.get(), INTRO)}</p>
            <div inner_html=body on:click=move |ev| on_save_click(&ev)></div>
        </details>
    }
}
