fn main() {
    console_error_panic_hook::set_once();
    // The light first module is instantiated by an `async` module script (scripts/prerender.mjs
    // marks it so): its compile overlaps the parsing of the prerendered page, and it may be
    // ready before that page is all there. The takeover waits for the whole document.
    #[cfg(target_arch = "wasm32")]
    if still_parsing() {
        use wasm_bindgen::JsCast;
        let go = wasm_bindgen::closure::Closure::once_into_js(start);
        let _ = leptos::prelude::document()
            .add_event_listener_with_callback("DOMContentLoaded", go.unchecked_ref());
        return;
    }
    start();
}

/// Whether the document is still being parsed.
#[cfg(target_arch = "wasm32")]
fn still_parsing() -> bool {
    let doc = leptos::prelude::document();
    js_sys::Reflect::get(&doc, &"readyState".into())
        .ok()
        .and_then(|s| s.as_string())
        .is_some_and(|s| s == "loading")
}

fn start() {
    // The prerendered page (the default answer, in dist/index.html), or the light first module's
    // page when this is the full app loaded on first use, gives way to this app, with whatever
    // the reader typed there meanwhile.
    #[cfg(target_arch = "wasm32")]
    let typed = zettaflop_web::takeover::take();
    #[cfg(all(feature = "lite", target_arch = "wasm32"))]
    zettaflop_web::lazy::mount();
    #[cfg(not(all(feature = "lite", target_arch = "wasm32")))]
    leptos::mount::mount_to_body(zettaflop_web::App);
    #[cfg(target_arch = "wasm32")]
    typed.restore();
    // The first result is in the page: www/sw-register.js waits for this mark before it caches
    // the app, so that the service worker's downloads do not compete with the first paint.
    // `data-full`: every part of the page is there (the full app).
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = root.set_attribute("data-ready", "");
        if cfg!(not(feature = "lite")) {
            let _ = root.set_attribute("data-full", "");
        }
    }
}
