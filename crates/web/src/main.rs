fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(zettaflop_web::App);
    // The first result is in the page: www/sw-register.js waits for this mark before it caches
    // the app, so that the service worker's downloads do not compete with the first paint.
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = root.set_attribute("data-ready", "");
    }
}
