//! The wasm takes over the prerendered page (`#pre`, written at build time by
//! `scripts/prerender.mjs`), or the light first module's page (`#pre` too, `lazy.rs`): what the reader typed, picked, ticked or unfolded there before the
//! wasm was live is read, the prerendered markup removed, the app mounted (the same markup), and
//! each change replayed on the new element as the reader's own event, with the focus and caret.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlInputElement};

/// One thing the reader changed in the prerendered page.
enum Change {
    /// A text field's value (replayed as an `input` event).
    Text(String, String),
    /// A select's value or a checkbox's state (a `change` event).
    Pick(String, JsValue),
    /// A `<details>` opened or closed, by its selector.
    Fold(String, bool),
    /// A button clicked, by its selector (`#id` or `[data-testid=…]`).
    Click(String),
}

/// What the reader did before the wasm was live.
#[derive(Default)]
pub struct Typed {
    changes: Vec<Change>,
    focus: Option<(String, Option<u32>, Option<u32>)>,
    /// Where the page was scrolled.
    scroll: (f64, f64),
}

fn prop(el: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(el, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
        .collect()
}

/// The change the reader made to `el`, if any.
fn change(el: &Element) -> Option<Change> {
    let id = el.id();
    let v: &JsValue = el.as_ref();
    match el.tag_name().as_str() {
        "SELECT" => {
            let default = el
                .query_selector("option[selected]")
                .ok()
                .flatten()
                .and_then(|o| o.get_attribute("value"));
            let now = prop(v, "value");
            (now.as_string() != default).then_some(Change::Pick(id, now))
        }
        _ if el.get_attribute("type").as_deref() == Some("checkbox") => {
            let now = prop(v, "checked");
            (now != prop(v, "defaultChecked")).then_some(Change::Pick(id, now))
        }
        _ => {
            let now = prop(v, "value").as_string()?;
            (Some(&now) != prop(v, "defaultValue").as_string().as_ref())
                .then_some(Change::Text(id, now))
        }
    }
}

/// Reads what the reader did in `#pre` and removes it; nothing when the page was not
/// prerendered.
pub fn take() -> Typed {
    let doc = document();
    let Some(pre) = doc.get_element_by_id("pre") else {
        return Typed::default();
    };
    let mut typed = Typed::default();
    let w = window();
    typed.scroll = (w.scroll_x().unwrap_or(0.0), w.scroll_y().unwrap_or(0.0));
    for el in all(&pre, "input[id], select[id], textarea[id]") {
        typed.changes.extend(change(&el));
    }
    for el in all(&pre, "details[data-group], details[data-testid]") {
        let sel = match el.get_attribute("data-group") {
            Some(g) => format!("details[data-group=\"{g}\"]"),
            None => format!(
                "details[data-testid=\"{}\"]",
                el.get_attribute("data-testid").unwrap_or_default()
            ),
        };
        typed
            .changes
            .push(Change::Fold(sel, el.has_attribute("open")));
    }
    // The buttons clicked meanwhile, recorded by the prerender's inline script.
    let clicks = prop(&window().into(), "zfPreClicks");
    if let Some(list) = clicks.dyn_ref::<js_sys::Array>() {
        typed
            .changes
            .extend(list.iter().filter_map(|s| s.as_string()).map(Change::Click));
    }
    if let Some(active) = doc.active_element().filter(|a| pre.contains(Some(a))) {
        let caret = active.dyn_ref::<HtmlInputElement>().map(|i| {
            (
                i.selection_start().ok().flatten(),
                i.selection_end().ok().flatten(),
            )
        });
        let (start, end) = caret.unwrap_or((None, None));
        typed.focus = Some((active.id(), start, end));
    }
    let w: JsValue = window().into();
    let _ = js_sys::Reflect::set(&w, &"zfPreClicks".into(), &JsValue::UNDEFINED);
    // The light first module's page: unmounted by its own code (its listeners end with it).
    if let Ok(stop) = js_sys::Reflect::get(&w, &"zfLiteStop".into())
        .and_then(|f| f.dyn_into::<js_sys::Function>())
    {
        let _ = stop.call0(&JsValue::NULL);
    }
    pre.remove();
    typed
}

/// Sets `value` on `el` (as the property `name`) and sends it the event `kind`, as the reader's
/// typing would.
fn replay(el: &Element, name: &str, value: &JsValue, kind: &str) {
    let _ = js_sys::Reflect::set(el.as_ref(), &name.into(), value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Ok(ev) = web_sys::Event::new_with_event_init_dict(kind, &init) {
        let _ = el.dispatch_event(&ev);
    }
}

impl Typed {
    /// Replays every change on the mounted page, then puts the focus and caret back.
    pub fn restore(self) {
        let doc = document();
        for c in &self.changes {
            match c {
                Change::Text(id, text) => {
                    if let Some(el) = doc.get_element_by_id(id) {
                        replay(&el, "value", &text.into(), "input");
                    }
                }
                Change::Pick(id, v) => {
                    if let Some(el) = doc.get_element_by_id(id) {
                        let name = if v.as_bool().is_some() {
                            "checked"
                        } else {
                            "value"
                        };
                        replay(&el, name, v, "change");
                    }
                }
                Change::Fold(sel, open) => {
                    if let Ok(Some(el)) = doc.query_selector(sel) {
                        if el.has_attribute("open") != *open {
                            let _ = el.toggle_attribute("open");
                        }
                    }
                }
                Change::Click(sel) => {
                    if let Ok(Some(el)) = doc.query_selector(sel) {
                        if let Some(b) = el.dyn_ref::<web_sys::HtmlElement>() {
                            b.click();
                        }
                    }
                }
            }
        }
        // The new page is where the old one was: no scrolling (focus would scroll).
        window().scroll_to_with_x_and_y(self.scroll.0, self.scroll.1);
        let Some((id, start, end)) = self.focus else {
            return;
        };
        if let Some(el) = doc.get_element_by_id(&id) {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"preventScroll".into(), &true.into());
            if let Ok(focus) = js_sys::Reflect::get(el.as_ref(), &"focus".into())
                .and_then(|f| f.dyn_into::<js_sys::Function>())
            {
                let _ = focus.call1(el.as_ref(), &options);
            }
            if let (Some(i), Some(s), Some(e)) = (el.dyn_ref::<HtmlInputElement>(), start, end) {
                let _ = i.set_selection_range(s, e);
            }
        }
    }
}
