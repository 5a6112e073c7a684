//! The sources view: every source of the catalog, each at `#src-<id>`, where "show the math"
//! links to.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use zettaflop_estimator::catalog::SOURCES;
use zettaflop_estimator::format::Locale;

use crate::i18n::{lang, t, tr, K};
use crate::svg::Markup;
use crate::{Mode, Nav};

/// The kind of a source in words.
pub fn kind(kind: &str) -> K {
    match kind {
        "estimate" => K::KindEstimate,
        "derived" => K::KindDerived,
        "claim" => K::KindClaim,
        "compiled dataset" => K::KindDataset,
        _ => K::KindReported,
    }
}

/// Opens the sources view at `id` and moves the focus there (after the panel is shown).
pub fn go_to(nav: Nav, id: &str) {
    nav.open(Mode::Sources);
    let anchor = format!("src-{id}");
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&anchor) {
            el.scroll_into_view();
            if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

/// Follows the page's `#src-<id>` fragment, if it has one.
pub fn follow_hash(nav: Nav) {
    // At build time (the prerendered page) there is no fragment.
    if cfg!(not(target_arch = "wasm32")) {
        return;
    }
    let hash = window().location().hash().unwrap_or_default();
    if let Some(id) = hash.strip_prefix("#src-") {
        go_to(nav, id);
    }
}

/// The sources as list items, as markup (see [`crate::chart`] for why).
fn entries(l: Locale) -> String {
    let mut m = Markup::default();
    for s in SOURCES {
        m.wrap(r#"<li id="src-"#, s.id, r#"" tabindex="-1">"#);
        m.wrap("<b>", s.title, "</b><br>");
        if !s.url.is_empty() {
            m.wrap(r#"<a rel="noopener noreferrer" href=""#, s.url, r#"">"#);
            m.wrap("", s.url, "</a><br>");
        }
        m.wrap(r#"<span class="hint">"#, t(K::SrcDate, l), " ");
        m.wrap("", s.date, " · ")
            .wrap("", t(kind(s.kind), l), " · ");
        m.wrap("", t(K::SrcBy, l), " ").wrap("", s.by, " · ");
        m.wrap("<code>", s.id, "</code></span></li>");
    }
    m.0
}

/// Every source of the catalog; the list is written on the view's first visit.
#[component]
pub fn Sources() -> impl IntoView {
    let l = lang();
    let nav = Nav::get();
    let list = move || {
        if nav.is_some_and(|n| n.was_opened(Mode::Sources)) {
            entries(l.get())
        } else {
            String::new()
        }
    };
    view! {
        <section class="card" aria-labelledby="sources-title" data-testid="sources">
            <h2 id="sources-title">{tr(K::SrcTitle)}</h2>
            <p>{tr(K::SrcIntro)}</p>
            <ol class="source-list" inner_html=list></ol>
        </section>
    }
}
