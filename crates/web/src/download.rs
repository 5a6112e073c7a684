//! Files the page offers for download (exports, saved charts): made in the page as a Blob, so
//! nothing is fetched.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

fn js_error(e: JsValue) -> String {
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

/// A Blob of `text` with the MIME type `mime`.
pub fn text_blob(text: &str, mime: &str) -> Result<web_sys::Blob, String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(js_error)
}

/// Offers `blob` as a file named `name`: an object URL, a click on an `<a download>`, the URL
/// revoked a little later (not at once: the download may not have started yet).
pub fn offer(blob: &web_sys::Blob, name: &str) -> Result<(), String> {
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(js_error)?;
    let a: web_sys::HtmlAnchorElement = document()
        .create_element("a")
        .map_err(js_error)?
        .dyn_into()
        .map_err(|_| "not an element")?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(5),
    );
    Ok(())
}
