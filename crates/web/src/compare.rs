//! Compare: pin the current scenario, change the inputs, and see up to four pinned scenarios
//! beside the current one — a table of inputs and key results, what differs from the current
//! scenario marked (a sign and words, not colour alone), and bars. Pinned scenarios are kept as
//! scenarios; their reports are derived (estimated again), never stored.

use std::fmt::Write;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use zettaflop_estimator::format::{self as fmt, Locale};
use zettaflop_estimator::{catalog, estimate_in, Report, Scenario, Workload};

use crate::charts::on_save_click;
use crate::i18n::{fill, lang, t, tr, K};
use crate::svg::{close, close_svg, num_cell, open, text, Markup};

/// At most this many pinned scenarios.
pub const MAX_PINNED: usize = 4;

/// A column: the scenario and its report.
type Column = (Scenario, Report);

/// What a scenario trains, in words.
fn model_name(s: &Scenario, r: &Report) -> String {
    match &s.workload {
        Workload::Preset(id) => catalog::model(id)
            .map(|m| m.name.to_string())
            .unwrap_or_else(|| id.clone()),
        _ => format!("{} FLOP", fmt::compact(r.training_flop)),
    }
}

/// A row of the table: a text per column, and the number it shows when it is one.
struct Row {
    key: &'static str,
    label: K,
    cell: fn(&Scenario, &Report, Locale) -> (String, Option<f64>),
}

fn rows() -> [Row; 13] {
    [
        Row {
            key: "model",
            label: K::Model,
            cell: |s, r, _| (model_name(s, r), None),
        },
        Row {
            key: "training_flop",
            label: K::CmpCompute,
            cell: |_, r, _| (fmt::compact(r.training_flop), Some(r.training_flop)),
        },
        Row {
            key: "hardware",
            label: K::Accelerator,
            cell: |_, r, l| {
                (
                    zettaflop_estimator::names::name_in(&r.hardware.name, l),
                    None,
                )
            },
        },
        Row {
            key: "gpus",
            label: K::StatGpus,
            cell: |_, r, l| (fmt::grouped(r.gpus, 0, l), Some(r.gpus)),
        },
        Row {
            key: "precision",
            label: K::Precision,
            cell: |_, r, l| {
                (
                    zettaflop_estimator::answer::peak_kind(r.sparse, r.precision.label(), l),
                    None,
                )
            },
        },
        Row {
            key: "utilization",
            label: K::Utilization,
            cell: |_, r, l| (fmt::percent(r.utilization, l), Some(r.utilization)),
        },
        Row {
            key: "pue",
            label: K::Pue,
            cell: |_, r, l| (fmt::sig3(r.assumptions.pue, l), Some(r.assumptions.pue)),
        },
        Row {
            key: "usd_per_chip_hour",
            label: K::Price,
            cell: |_, r, l| {
                (
                    fmt::sig3(r.assumptions.usd_per_chip_hour, l),
                    Some(r.assumptions.usd_per_chip_hour),
                )
            },
        },
        Row {
            key: "wall_clock_s",
            label: K::ChColWall,
            cell: |_, r, l| match r.goodput.wall_clock_s {
                Some(w) => (fmt::duration(w, l), Some(w)),
                None => (t(K::CmpNever, l).into(), None),
            },
        },
        Row {
            key: "facility_power_w",
            label: K::StatSitePower,
            cell: |_, r, l| {
                (
                    fmt::si(r.facility_power_w, "W", l),
                    Some(r.facility_power_w),
                )
            },
        },
        Row {
            key: "energy_j",
            label: K::StatEnergy,
            cell: |_, r, l| (fmt::energy(r.energy_j, l), Some(r.energy_j)),
        },
        Row {
            key: "cost_usd",
            label: K::StatCost,
            cell: |_, r, l| (fmt::usd(r.cost_usd.total, l), Some(r.cost_usd.total)),
        },
        Row {
            key: "co2_kg",
            label: K::StatCo2,
            cell: |_, r, l| (fmt::mass(r.co2_kg, l), Some(r.co2_kg)),
        },
    ]
}

/// The name of column `i`: the current scenario, then the pinned ones.
fn column_name(i: usize, l: Locale) -> String {
    if i == 0 {
        t(K::CmpCurrent, l).into()
    } else {
        fill(t(K::CmpPinned, l), &[&i.to_string()])
    }
}

/// The table: a column per scenario, each cell that differs from the current one marked.
fn table(m: &mut Markup, cols: &[Column], l: Locale) {
    m.raw(r#"<div class="table-wrap"><table class="readings compare" data-testid="compare-table"><thead><tr><td></td>"#);
    for i in 0..cols.len() {
        m.wrap(r#"<th scope="col">"#, &column_name(i, l), "");
        if i > 0 {
            let _ = write!(
                m.0,
                r#" <button type="button" class="unpin" data-unpin="{}" data-testid="unpin-{i}">"#,
                i - 1
            );
            m.text(t(K::CmpUnpin, l)).raw("</button>");
        }
        m.raw("</th>");
    }
    m.raw("</tr></thead><tbody>");
    for row in rows() {
        let _ = write!(m.0, r#"<tr data-row="{}">"#, row.key);
        m.wrap(r#"<th scope="row">"#, t(row.label, l), "</th>");
        let first = cols.first().map(|(s, r)| (row.cell)(s, r, l));
        for (i, (s, r)) in cols.iter().enumerate() {
            let (shown, v) = (row.cell)(s, r, l);
            // Exact equality: both sides are the estimator's numbers, or its texts.
            let mark = match (&first, i) {
                (_, 0) | (None, _) => None,
                (Some((f, fv)), _) => match (v, fv) {
                    (Some(v), Some(fv)) if v > *fv => Some(("up", "▲", K::CmpHigher)),
                    (Some(v), Some(fv)) if v < *fv => Some(("down", "▼", K::CmpLower)),
                    (Some(_), Some(_)) => None,
                    _ if shown != *f => Some(("changed", "≠", K::CmpChanged)),
                    _ => None,
                },
            };
            let class = if mark.is_some() { "num diff" } else { "num" };
            let value = v
                .map(|v| format!(r#" data-value="{v}""#))
                .unwrap_or_default();
            let diff = mark.map(|(d, _, _)| d).unwrap_or("same");
            let _ = write!(m.0, r#"<td class="{class}" data-diff="{diff}"{value}>"#);
            m.text(&shown);
            if let Some((_, sign, k)) = mark {
                m.wrap(
                    r#" <span class="delta" aria-hidden="true">"#,
                    sign,
                    "</span>",
                );
                m.wrap(
                    r#"<span class="vh">"#,
                    &format!(" ({})", t(k, l)),
                    "</span>",
                );
            }
            m.raw("</td>");
        }
        m.raw("</tr>");
    }
    m.raw("</tbody></table></div>");
}

/// A bar metric: its key, name, value of a report, and how to show it.
type Metric = (
    &'static str,
    K,
    fn(&Report) -> f64,
    fn(f64, Locale) -> String,
);

/// The bars: time with interruptions, energy and cost of every column, each metric on its
/// own scale.
fn bars(m: &mut Markup, cols: &[Column], l: Locale) {
    const W: f64 = 600.0;
    const L: f64 = 110.0;
    const R: f64 = 470.0;
    let metrics: [Metric; 3] = [
        (
            "wall_clock_s",
            K::ChColWall,
            |r| r.goodput.wall_clock_s.unwrap_or(0.0),
            fmt::duration,
        ),
        ("energy_j", K::StatEnergy, |r| r.energy_j, fmt::energy),
        ("cost_usd", K::StatCost, |r| r.cost_usd.total, fmt::usd),
    ];
    let group = 30.0 + 24.0 * cols.len() as f64;
    let h = 8.0 + group * metrics.len() as f64;
    open(
        m,
        "compare",
        t(K::CmpBarsTitle, l),
        t(K::CmpBarsDesc, l),
        W,
        h,
    );
    let mut y = 24.0;
    for (key, k, f, show) in metrics {
        text(m, "ttl", 8.0, y, "start", t(k, l));
        let max = cols.iter().map(|(_, r)| f(r)).fold(0.0, f64::max);
        for (i, (_, r)) in cols.iter().enumerate() {
            let v = f(r);
            let w = if max > 0.0 { v / max * (R - L) } else { 0.0 };
            let by = y + 10.0 + 24.0 * i as f64;
            text(m, "", L - 8.0, by + 14.0, "end", &column_name(i, l));
            let _ = write!(
                m.0,
                r#"<rect class="g{}" data-metric="{key}" data-col="{i}" data-value="{v}" x="{L}" y="{by:.1}" width="{w:.1}" height="18"/>"#,
                if i == 0 { 0 } else { 2 }
            );
            let shown = if key == "wall_clock_s" && r.goodput.wall_clock_s.is_none() {
                t(K::CmpNever, l).to_string()
            } else {
                show(v, l)
            };
            text(m, "", L + w + 6.0, by + 14.0, "start", &shown);
        }
        y += group;
    }
    let mut head = vec![String::new()];
    head.extend((0..cols.len()).map(|i| column_name(i, l)));
    let head: Vec<&str> = head.iter().map(String::as_str).collect();
    close_svg(m, "compare", &head, l);
    for (key, k, f, show) in metrics {
        m.wrap(r#"<tr><th scope="row">"#, t(k, l), "</th>");
        for (_, r) in cols {
            num_cell(m, key, f(r), &show(f(r), l));
        }
        m.raw("</tr>");
    }
    close(m);
}

/// The compare section: the pin button, then the table and bars once something is pinned.
#[component]
pub fn Compare(scenario: Memo<Option<Scenario>>, report: Memo<Option<Report>>) -> impl IntoView {
    let l = lang();
    let pinned: RwSignal<Vec<Scenario>> = RwSignal::new(Vec::new());
    let full = move || pinned.with(Vec::len) >= MAX_PINNED;
    let pin = move |_| {
        if let Some(s) = scenario.get_untracked() {
            if !full() {
                pinned.update(|p| p.push(s));
            }
        }
    };
    // Derived: every pinned scenario estimated again (its sentences in the page language), only
    // when the pins or the language change, not at every keystroke.
    let columns = Memo::new(move |_| {
        let l = l.get();
        pinned.with(|p| {
            p.iter()
                .filter_map(|s| Some((s.clone(), estimate_in(s, l).ok()?)))
                .collect::<Vec<Column>>()
        })
    });
    let body = move || {
        let l = l.get();
        if pinned.with(Vec::is_empty) {
            return String::new();
        }
        let Some(current) = scenario.get().zip(report.get()) else {
            return String::new();
        };
        let mut cols = vec![current];
        columns.with(|c| cols.extend(c.iter().cloned()));
        let mut m = Markup::default();
        table(&mut m, &cols, l);
        m.raw(r#"<div class="zcharts">"#);
        bars(&mut m, &cols, l);
        m.raw("</div>");
        m.0
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let index = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("[data-unpin]").ok().flatten())
            .and_then(|b| b.get_attribute("data-unpin")?.parse::<usize>().ok());
        match index {
            Some(i) => pinned.update(|p| {
                if i < p.len() {
                    p.remove(i);
                }
            }),
            None => on_save_click(&ev),
        }
    };
    let status = move || {
        let n = pinned.with(Vec::len);
        fill(
            t(if n == 0 { K::CmpNone } else { K::CmpCount }, l.get()),
            &[&n.to_string(), &MAX_PINNED.to_string()],
        )
    };
    view! {
        <section class="card compare-card" data-testid="compare" aria-labelledby="compare-title">
            <h2 id="compare-title">{tr(K::CmpTitle)}</h2>
            <p class="compare-bar">
                <button type="button" data-testid="pin" on:click=pin disabled=move || full() || scenario.with(Option::is_none)>
                    {tr(K::CmpPin)}
                </button>
                " "
                <span class="hint" role="status" data-testid="pin-status">{status}</span>
            </p>
            <div inner_html=body on:click=on_click></div>
        </section>
    }
}
