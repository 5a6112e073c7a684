//! The calculator's charts: training time against the GPU count for several chip generations
//! (log–log, the ideal line and the line with utilization and interruptions), and the split
//! of the cost and the energy. Every number is the estimator's (`sweep` and the report); this
//! module only places them. Like [`crate::chart`], the charts are markup strings, every text
//! escaped. Each chart is a `<figure>`: title, SVG (with the styles it needs, so a saved file
//! stands alone), save buttons, and its data table as the text alternative.

use std::fmt::Write;

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use zettaflop_estimator::format::{self as fmt, Locale};
use zettaflop_estimator::{
    catalog, sweep, CountUnit, HardwareChoice, Precision, Report, Scenario, SweepPoint, Utilization,
};

use crate::download;
use crate::i18n::{lang, t, tr, K};
use crate::svg::{close, close_svg, num_cell, open, text, Markup};

/// The chips the time chart compares, oldest first; the scenario's own chip is added if absent.
const GENERATIONS: [&str; 3] = ["a100", "h100", "gb200"];

/// GPU counts of the time chart: 1, 2, 5 per decade from 1,000 to 1,000,000.
fn counts() -> Vec<f64> {
    let mut v = Vec::new();
    let mut decade = 1000.0;
    while decade < 1e6 {
        v.extend([decade, 2.0 * decade, 5.0 * decade]);
        decade *= 10.0;
    }
    v.push(1e6);
    v
}

/// One chip's series.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Catalog id.
    pub id: String,
    /// The points the estimator swept (counts where the run never finishes are left out).
    pub points: Vec<SweepPoint>,
}

/// The time chart's data: a series per chip, and the current scenario's point.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeData {
    pub(crate) series: Vec<Series>,
    /// The utilization the sweep used (the scenario's, resolved).
    pub(crate) utilization: f64,
    /// GPUs and wall clock of the current scenario, and its series.
    pub(crate) now: Option<(f64, f64, usize)>,
}

/// The scenario `s` on chip `id`: counted in GPUs, at the report's (resolved) utilization, at
/// the scenario's precision if the chip has it, else its 16-bit one.
fn on_chip(s: &Scenario, r: &Report, id: &str) -> Option<Scenario> {
    let a = catalog::accelerator(id)?;
    let supported = a.peaks.supported();
    let precision = if supported.contains(&s.precision) {
        s.precision
    } else {
        [Precision::Bf16, Precision::Fp16]
            .into_iter()
            .find(|p| supported.contains(p))
            .or(supported.first().copied())?
    };
    let same = matches!(&s.hardware, HardwareChoice::Id(h) if h == id);
    Some(Scenario {
        hardware: HardwareChoice::Id(id.into()),
        count: 1.0,
        count_unit: CountUnit::Chip,
        precision,
        sparse: same && s.sparse,
        utilization: Some(Utilization::Given(r.utilization)),
        usd_per_chip_hour: if same { s.usd_per_chip_hour } else { None },
        ..s.clone()
    })
}

/// Sweeps the scenario over [`counts`] on each chip of [`GENERATIONS`] and the scenario's own.
pub fn time_data(s: &Scenario, r: &Report) -> TimeData {
    let mut ids: Vec<String> = GENERATIONS.iter().map(|g| g.to_string()).collect();
    let current = match &s.hardware {
        HardwareChoice::Id(h) => Some(h.clone()),
        HardwareChoice::Custom(_) => None,
    };
    if let Some(h) = &current {
        if !ids.contains(h) {
            ids.push(h.clone());
        }
    }
    let counts = counts();
    let series: Vec<Series> = ids
        .into_iter()
        .filter_map(|id| {
            let sc = on_chip(s, r, &id)?;
            let points = sweep(&sc, &counts).unwrap_or_else(|_| {
                // A count where the run never finishes fails the whole sweep: keep the others.
                counts
                    .iter()
                    .filter_map(|c| sweep(&sc, &[*c]).ok()?.pop())
                    .collect()
            });
            (!points.is_empty()).then_some(Series { id, points })
        })
        .collect();
    let now = current
        .and_then(|h| series.iter().position(|x| x.id == h))
        .and_then(|i| Some((r.gpus, r.goodput.wall_clock_s?, i)));
    TimeData {
        series,
        utilization: r.utilization,
        now,
    }
}

/// How long the inputs must rest before the charts follow them.
const SETTLE: std::time::Duration = std::time::Duration::from_millis(150);

/// One stacked bar of the split chart: its name, its total and its parts.
struct Bar {
    key: &'static str,
    name: K,
    total: f64,
    parts: Vec<(&'static str, K, f64)>,
    money: bool,
}

/// The split chart: renting (rental + electricity), owning (amortized capital + electricity)
/// when the chip has a purchase price, and energy (IT + the site's overhead).
pub fn split_chart(m: &mut Markup, r: &Report, l: Locale) {
    const W: f64 = 600.0;
    const L: f64 = 16.0;
    const R: f64 = 584.0;
    let mut bars = vec![Bar {
        key: "rent",
        name: K::ChRent,
        total: r.cost_usd.total,
        parts: vec![
            ("rental", K::StatRental, r.cost_usd.compute),
            ("electricity", K::StatElectricity, r.cost_usd.electricity),
        ],
        money: true,
    }];
    if let (Some(own), Some(capex)) = (r.cost_usd.ownership, r.capex) {
        bars.push(Bar {
            key: "own",
            name: K::ChOwn,
            total: own,
            parts: vec![
                ("capex", K::ChCapex, capex.amortized_usd),
                ("electricity", K::StatElectricity, r.cost_usd.electricity),
            ],
            money: true,
        });
    }
    bars.push(Bar {
        key: "energy",
        name: K::StatEnergy,
        total: r.energy_j,
        parts: vec![
            ("it", K::ChIt, r.energy_split_j.it),
            ("overhead", K::ChOverhead, r.energy_split_j.overhead),
        ],
        money: false,
    });
    let h = 20.0 + 84.0 * bars.len() as f64;
    open(
        m,
        "split",
        t(K::ChSplitTitle, l),
        t(K::ChSplitDesc, l),
        W,
        h,
    );
    let max_usd = bars
        .iter()
        .filter(|b| b.money)
        .map(|b| b.total)
        .fold(0.0, f64::max);
    let show = |b: &Bar, v: f64| {
        if b.money {
            fmt::usd(v, l)
        } else {
            fmt::energy(v, l)
        }
    };
    let mut y = 24.0;
    for b in &bars {
        let max = if b.money { max_usd } else { b.total };
        let colon = if l == Locale::Fr { "\u{202f}:" } else { ":" };
        let label = format!("{}{colon} {}", t(b.name, l), show(b, b.total));
        text(m, "ttl", L, y, "start", &label);
        let mut x = L;
        let mut legend = Vec::new();
        for (i, (key, k, v)) in b.parts.iter().enumerate() {
            let w = if max > 0.0 { v / max * (R - L) } else { 0.0 };
            let g = if b.money { i } else { i + 2 };
            let _ = write!(
                m.0,
                r#"<rect class="g{g}" data-bar="{}" data-part="{key}" data-value="{v}" x="{x:.1}" y="{:.1}" width="{w:.1}" height="26"><title>"#,
                b.key,
                y + 8.0
            );
            let part = format!("{}{colon} {}", t(*k, l), show(b, *v));
            m.text(&part).raw("</title></rect>");
            x += w;
            legend.push(part);
        }
        text(m, "", L, y + 54.0, "start", &legend.join("  ·  "));
        y += 84.0;
    }
    let head = [t(K::ChColBar, l), t(K::ChColPart, l), t(K::Value, l)];
    close_svg(m, "split", &head, l);
    for b in &bars {
        for (key, k, v) in
            b.parts
                .iter()
                .map(|(a, b, c)| (*a, *b, *c))
                .chain([("total", K::ChTotal, b.total)])
        {
            let _ = write!(m.0, r#"<tr data-bar="{}" data-part="{key}">"#, b.key);
            m.wrap(r#"<th scope="row">"#, t(b.name, l), "</th><td>");
            m.wrap("", t(k, l), "</td>");
            num_cell(m, key, v, &show(b, v));
            m.raw("</tr>");
        }
    }
    close(m);
}

fn js_error(e: JsValue) -> String {
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

/// The chart `id`'s SVG as a standalone file.
fn svg_source(id: &str) -> Option<(String, u32, u32)> {
    let svg = document()
        .query_selector(&format!("#chart-{id} svg"))
        .ok()??;
    let size = |a: &str| svg.get_attribute(a)?.parse::<u32>().ok();
    // HTML serializes U+00A0 as `&nbsp;`, which XML does not know.
    let source = svg.outer_html().replace("&nbsp;", "&#160;");
    Some((source, size("width")?, size("height")?))
}

/// Saves chart `id` as SVG, or as PNG (the SVG drawn on a canvas at twice its size). No network:
/// the SVG goes to the canvas as a `data:` image, the files as `blob:` downloads.
pub fn save(id: &str, kind: &str) -> Result<(), String> {
    let (source, w, h) = svg_source(id).ok_or("no chart")?;
    let name = format!("zettaflop-{id}.{kind}");
    if kind == "svg" {
        return download::offer(&download::text_blob(&source, "image/svg+xml")?, &name);
    }
    let img = web_sys::HtmlImageElement::new().map_err(js_error)?;
    let drawn = img.clone();
    let onload = Closure::once_into_js(move || {
        let draw = || -> Result<(), String> {
            let canvas: web_sys::HtmlCanvasElement = document()
                .create_element("canvas")
                .map_err(js_error)?
                .dyn_into()
                .map_err(|_| "not a canvas")?;
            canvas.set_width(2 * w);
            canvas.set_height(2 * h);
            let ctx: web_sys::CanvasRenderingContext2d = canvas
                .get_context("2d")
                .map_err(js_error)?
                .ok_or("no 2d context")?
                .dyn_into()
                .map_err(|_| "not a 2d context")?;
            ctx.draw_image_with_html_image_element_and_dw_and_dh(
                &drawn,
                0.0,
                0.0,
                f64::from(2 * w),
                f64::from(2 * h),
            )
            .map_err(js_error)?;
            let done = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
                if let Some(b) = blob {
                    let _ = download::offer(&b, &name);
                }
            });
            canvas.to_blob(done.unchecked_ref()).map_err(js_error)
        };
        let _ = draw();
    });
    img.set_onload(Some(onload.unchecked_ref()));
    let data: String = js_sys::encode_uri_component(&source).into();
    img.set_src(&format!("data:image/svg+xml;charset=utf-8,{data}"));
    Ok(())
}

/// Handles a click on a save button inside `ev`'s target's container (event delegation: the
/// buttons are markup).
pub fn on_save_click(ev: &web_sys::MouseEvent) {
    let Some(target) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Ok(Some(button)) = target.closest("[data-save]") else {
        return;
    };
    if let (Some(kind), Some(id)) = (
        button.get_attribute("data-save"),
        button.get_attribute("data-chart"),
    ) {
        if let Err(e) = save(&id, &kind) {
            leptos::logging::warn!("save {id}.{kind}: {e}");
        }
    }
}

/// The charts of the current scenario, computed only while their section is open.
#[component]
pub fn Charts(scenario: Memo<Option<Scenario>>, report: Memo<Option<Report>>) -> impl IntoView {
    let l = lang();
    let open = RwSignal::new(false);
    // Typing does not wait for the charts: they follow the inputs once typing pauses. Each change
    // of the scenario or report schedules a tick; only the last one scheduled bumps `settled`.
    let settled = RwSignal::new(0u32);
    let scheduled = StoredValue::new(0u32);
    Effect::new(move |_| {
        scenario.track();
        report.track();
        let n = scheduled.get_value().wrapping_add(1);
        scheduled.set_value(n);
        set_timeout(
            move || {
                if scheduled.get_value() == n {
                    settled.update(|s| *s = s.wrapping_add(1));
                }
            },
            SETTLE,
        );
    });
    let time = Memo::new(move |_| {
        if !open.get() {
            return None;
        }
        settled.track();
        let s = scenario.get_untracked()?;
        report.with_untracked(|r| r.as_ref().map(|r| time_data(&s, r)))
    });
    let body = move || {
        let l = l.get();
        settled.track();
        let mut m = Markup::default();
        if let Some(d) = time.get() {
            m.raw(r#"<div class="zcharts">"#);
            crate::time_chart::time_chart(&mut m, &d, l);
            report.with_untracked(|r| {
                if let Some(r) = r {
                    split_chart(&mut m, r, l);
                }
            });
            m.raw("</div>");
        }
        m.0
    };
    view! {
        <details class="card charts-card" data-testid="charts" on:toggle=move |ev| {
            let is_open = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|e| e.has_attribute("open"));
            open.set(is_open);
        }>
            <summary><h2>{tr(K::ChTitle)}</h2></summary>
            <p class="hint">{tr(K::ChIntro)}</p>
            <div inner_html=body on:click=move |ev| on_save_click(&ev)></div>
        </details>
    }
}
