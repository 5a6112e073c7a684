//! "Show the math": the report's steps and the sources they cite.
//!
//! The rows and the source list are written as markup (see [`crate::svg`] for why): one `view!`
//! per row and per link cost the first module's wasm about 5 kB gzip and its first mount a few
//! hundred elements built one by one. One click handler on the section follows every source link.

use std::time::Duration;

use leptos::prelude::*;
use zettaflop_estimator::format::Locale;
use zettaflop_estimator::{export, Report};

use crate::i18n::{lang, t, tr, K};
use crate::sources::{go_to, kind};
use crate::svg::Markup;
use crate::Nav;

/// How long after the last change a folded "show the math" is rewritten (ms).
const LATER_MS: u64 = 150;

/// A link to a source's entry in the sources view.
fn source_link(m: &mut Markup, id: &str) {
    m.wrap(r##"<a href="#src-"##, id, r#"">"#)
        .wrap("", id, "</a>");
}

/// The steps of the computation as table rows.
fn rows(r: &Report, l: Locale) -> String {
    let mut m = Markup::default();
    for s in &r.steps {
        m.wrap(r#"<tr data-step=""#, &s.id, r#"" data-value=""#);
        m.text(&s.value.to_string()).raw(r#""><th scope="row">"#);
        m.wrap("", &s.quantity, "</th><td><code>");
        m.wrap("", &s.formula, "</code></td><td><code>");
        m.wrap("", &s.substitution, r#"</code></td><td class="num">"#);
        m.wrap("", &export::step_value(s, l), "</td><td>");
        for (i, id) in s.sources.iter().enumerate() {
            if i > 0 {
                m.raw(", ");
            }
            source_link(&mut m, id);
        }
        m.raw("</td></tr>");
    }
    m.0
}

/// The sources the steps cite, as list items.
fn sources(r: &Report, l: Locale) -> String {
    let mut m = Markup::default();
    for s in &r.sources {
        m.raw("<li>");
        source_link(&mut m, &s.id);
        m.wrap(": ", &s.title, " (");
        m.wrap("", t(kind(&s.kind), l), ", ");
        m.wrap("", &s.date, ")");
        if !s.url.is_empty() {
            m.wrap(r#" <a href=""#, &s.url, r#"" rel="noopener noreferrer">"#);
            m.wrap("", &s.url, "</a>");
        }
        m.raw("</li>");
    }
    m.0
}

/// The source a click in the section landed on, if it was a source link.
fn clicked_source(ev: &leptos::ev::MouseEvent) -> Option<String> {
    use wasm_bindgen::JsCast;
    let link = ev
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(r##"a[href^="#src-"]"##)
        .ok()??;
    Some(
        link.get_attribute("href")?
            .strip_prefix("#src-")?
            .to_string(),
    )
}

/// The steps of the computation as a table, and the sources they cite.
#[component]
pub fn ShowMath(report: Memo<Option<Report>>) -> impl IntoView {
    let l = lang();
    let nav = Nav::get();
    // Folded (as it is until the reader opens it), the section is written once the input
    // pauses, not in the keystroke's frame, and after the page is live, not in the mount;
    // open, at once (docs/benchmark.md). `behind`: what it shows is not the report's yet.
    let redraw = Trigger::new();
    let open = StoredValue::new(false);
    let behind = StoredValue::new(true);
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        report.track();
        if open.get_value() {
            redraw.notify();
            return;
        }
        behind.set_value(true);
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        // `try_`: the light first module may be gone (the full app took over) when it fires.
        let later = move || {
            let _ = behind.try_set_value(false);
            redraw.notify();
        };
        pending.set_value(set_timeout_with_handle(later, Duration::from_millis(LATER_MS)).ok());
    });
    let toggled = move |ev: leptos::ev::Event| {
        let now = event_target::<web_sys::Element>(&ev).has_attribute("open");
        open.set_value(now);
        if now && behind.get_value() {
            behind.set_value(false);
            redraw.notify();
        }
    };
    let markup = move |f: fn(&Report, Locale) -> String| {
        move || {
            redraw.track();
            if behind.get_value() {
                return String::new();
            }
            report.with_untracked(|r| r.as_ref().map(|r| f(r, l.get())).unwrap_or_default())
        }
    };
    let follow = move |ev: leptos::ev::MouseEvent| {
        if let (Some(nav), Some(id)) = (nav, clicked_source(&ev)) {
            go_to(nav, &id);
        }
    };
    view! {
        <details class="math" data-testid="math" on:click=follow on:toggle=toggled>
            <summary>{tr(K::ShowMath)}</summary>
            <div class="table-wrap">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{tr(K::Quantity)}</th>
                            <th scope="col">{tr(K::Formula)}</th>
                            <th scope="col">{tr(K::WithNumbers)}</th>
                            <th scope="col">{tr(K::Value)}</th>
                            <th scope="col">{tr(K::Sources)}</th>
                        </tr>
                    </thead>
                    <tbody inner_html=markup(rows)></tbody>
                </table>
            </div>
            <h3>{tr(K::Sources)}</h3>
            <ul class="sources" inner_html=markup(sources)></ul>
        </details>
    }
}
