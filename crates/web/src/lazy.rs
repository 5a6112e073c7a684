//! The light first module (feature `lite`): what it shows in place of the parts loaded on first
//! use, and the loading of the full app, which then takes the page over (`takeover.rs`) with the
//! same state: the inputs, mode and language are in the address bar (the link), what was typed,
//! unfolded or clicked since is replayed.
//!
//! The calculator's export, compare, charts and returns sections are drawn here as their full
//! components draw them closed (same markup, so nothing moves when the full app takes over); a
//! click on one of their buttons, or unfolding one, loads the full app and is replayed there.

use std::cell::{Cell, RefCell};

use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{lang, tr, K};
use crate::returns;

thread_local! {
    static LOADING: Cell<bool> = const { Cell::new(false) };
    static MOUNTED: RefCell<Option<Box<dyn std::any::Any>>> = const { RefCell::new(None) };
}

/// Loads the full app (`full.js`, relative to the page), once; `click`: a button's selector to
/// click again once it is live.
pub fn load_full(click: Option<&str>) {
    let w = window();
    if let Some(sel) = click {
        let key = JsValue::from_str("zfPreClicks");
        let list = js_sys::Reflect::get(&w, &key)
            .ok()
            .and_then(|v| v.dyn_into::<js_sys::Array>().ok())
            .unwrap_or_else(|| {
                let a = js_sys::Array::new();
                let _ = js_sys::Reflect::set(&w, &key, &a);
                a
            });
        list.push(&JsValue::from_str(sel));
    }
    if LOADING.replace(true) {
        return;
    }
    let doc = document();
    if let (Ok(script), Some(head)) = (doc.create_element("script"), doc.head()) {
        let _ = script.set_attribute("type", "module");
        let _ = script.set_attribute("src", "full.js");
        let _ = head.append_child(&script);
    }
}

/// Mounts the app in `<div id="pre">` (which the full app's takeover reads and removes), and
/// leaves `window.zfLiteStop` to unmount it: its listeners and effects end with it.
pub fn mount() {
    let doc = document();
    let (Ok(root), Some(body)) = (doc.create_element("div"), doc.body()) else {
        return;
    };
    root.set_id("pre");
    let _ = body.append_child(&root);
    let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    let handle = mount_to(root, crate::App);
    MOUNTED.with(|m| *m.borrow_mut() = Some(Box::new(handle)));
    let stop = Closure::<dyn Fn()>::new(|| {
        // The full app reads the inputs from the link: what was typed last goes there first.
        crate::share::flush_url();
        MOUNTED.with(|m| m.borrow_mut().take());
    });
    let _ = js_sys::Reflect::set(&window(), &"zfLiteStop".into(), stop.as_ref());
    stop.forget();
}

/// A lazy panel's content until the full app is there.
#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" role="status">{tr(K::LoadingPanel)}</p> }
}

/// The calculator's sections loaded on first use, drawn closed as the full components draw them.
#[component]
pub fn Sections(#[prop(into)] stale: Signal<bool>) -> impl IntoView {
    let l = lang();
    let button = move |id: &'static str, k: K| {
        view! {
            <button type="button" data-testid=id disabled=move || stale.get() on:click=move |_| load_full(Some(&format!("[data-testid=\"{id}\"]")))>
                {tr(k)}
            </button>
        }
    };
    let unfolded = move |_| load_full(None);
    view! {
        <section class="export" aria-labelledby="export-title">
            <h2 id="export-title">{tr(K::ExportTitle)}</h2>
            <div class="export-buttons">
                {button("export-csv", K::ExportCsv)}
                {button("export-json", K::ExportJson)}
                {button("export-md", K::ExportMarkdown)}
                <button type="button" data-testid="print" on:click=move |_| load_full(Some("[data-testid=\"print\"]"))>
                    {tr(K::Print)}
                </button>
            </div>
        </section>
        <section class="card compare-card" data-testid="compare" aria-labelledby="compare-title">
            <h2 id="compare-title">{tr(K::CmpTitle)}</h2>
            <p class="compare-bar">
                {button("pin", K::CmpPin)}
                " "
                <span class="hint" role="status" data-testid="pin-status">{tr(K::CmpNone)}</span>
            </p>
            <div></div>
        </section>
        <details class="card charts-card" data-testid="charts" on:toggle=unfolded>
            <summary><h2>{tr(K::ChTitle)}</h2></summary>
            <p class="hint">{tr(K::ChIntro)}</p>
            <div></div>
        </details>
        <details class="card charts-card returns-card" data-testid="returns" on:toggle=unfolded>
            <summary><h2>{move || returns::w(l.get(), returns::TITLE)}</h2></summary>
            <p class="hint">{move || returns::w(l.get(), returns::INTRO)}</p>
            <div></div>
        </details>
    }
}
