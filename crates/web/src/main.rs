fn main() {
    console_error_panic_hook::set_once();
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
