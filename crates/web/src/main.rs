fn main() {
    console_error_panic_hook::set_once();
    // The light first module is instantiated by an inline script in <head>
    // (scripts/prerender.mjs), so it may be ready before the prerendered page is all parsed:
    // the takeover waits for the end of parsing (`readyState` leaves "loading": before
    // deferred scripts and DOMContentLoaded).
    #[cfg(target_arch = "wasm32")]
    if still_parsing() {
        when_parsed(start);
        return;
    }
    start();
}

/// Runs `f` once, at the document's first `readystatechange` (to "interactive").
#[cfg(target_arch = "wasm32")]
fn when_parsed(f: fn()) {
    let doc = leptos::prelude::document();
    let go = wasm_bindgen::closure::Closure::once_into_js(f);
    let once = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&once, &"once".into(), &true.into());
    let add = js_sys::Reflect::get(&doc, &"addEventListener".into())
        .ok()
        .and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f).ok());
    if let Some(add) = add {
        let _ = add.call3(&doc, &"readystatechange".into(), &go, &once);
    }
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
