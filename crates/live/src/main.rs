//! The page's first module (issue 12): the prerendered calculator (`#pre`, written at build time
//! by `scripts/prerender.mjs`) answers as the reader types, before the page's app is loaded.
//!
//! It holds no view of its own: the texts are the estimator's [`answer::card`], the form is read
//! by the page's own rules ([`zettaflop_link::form`]), and the numbers land in the prerendered
//! elements the app renders (`data-testid`s). What it does not do itself, it hands over: a
//! choice (a select, a checkbox), a click, the catalog search, an input that does not read or
//! estimate, "auto" utilization. Then, and anyway once the page is idle, it loads the app
//! (`www/app.js` → `app/`), which takes the page over with what was typed (`takeover.rs` in the
//! web crate). Until then the sections below the answer are marked as waiting (`aria-busy`).
//!
//! Without Leptos this module is about 40 % of the app's first module (docs/benchmark.md).

#[cfg(target_arch = "wasm32")]
mod live {
    use std::cell::Cell;

    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Document, Element, HtmlInputElement, HtmlSelectElement};
    use zettaflop_estimator::answer::{self, Card};
    use zettaflop_estimator::format::Locale;
    use zettaflop_link::form::{self, Field, Read, FIELDS};

    thread_local! {
        static LOADING: Cell<bool> = const { Cell::new(false) };
    }

    fn doc() -> Option<Document> {
        web_sys::window()?.document()
    }

    /// The prerendered page, read where it stands.
    struct Pre {
        doc: Document,
        root: Element,
    }

    impl Pre {
        fn value(&self, id: &str) -> String {
            let Some(el) = self.doc.get_element_by_id(id) else {
                return String::new();
            };
            if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
                return i.value();
            }
            el.dyn_ref::<HtmlSelectElement>()
                .map(HtmlSelectElement::value)
                .unwrap_or_default()
        }

        fn by_testid(&self, id: &str) -> Option<Element> {
            self.root
                .query_selector(&format!("[data-testid=\"{id}\"]"))
                .ok()
                .flatten()
        }

        fn set(&self, id: &str, text: &str, value: Option<f64>) {
            if let Some(el) = self.by_testid(id) {
                if el.text_content().as_deref() != Some(text) {
                    el.set_text_content(Some(text));
                }
                if let Some(v) = value {
                    let _ = el.set_attribute("data-value", &v.to_string());
                }
            }
        }

        fn locale(&self) -> Locale {
            match self.root.get_attribute("data-lang").as_deref() {
                Some("fr") => Locale::Fr,
                _ => Locale::En,
            }
        }

        /// Writes the card into the prerendered answer.
        fn show(&self, c: &Card) {
            self.set("question", &c.question, None);
            self.set("result-duration", &c.duration, Some(c.values[0]));
            self.set("range-duration", &c.range, None);
            self.set("train-sentence", &c.train, None);
            self.set("answer-gpus", &c.gpus, Some(c.values[1]));
            self.set("answer-energy", &c.energy, Some(c.values[2]));
            self.set("answer-cost", &c.cost, Some(c.values[3]));
            if let Some(p) = self
                .by_testid("quote-text")
                .and_then(|b| b.query_selector("p").ok().flatten())
            {
                p.set_text_content(Some(&c.quote.text));
            }
            self.set("quote-credit", &c.quote.credit, None);
            if let Some(a) = self.by_testid("quote-link") {
                match &c.quote.query {
                    Some(q) => {
                        let _ = a.set_attribute("href", &format!("{}?{q}", base()));
                        let _ = a.remove_attribute("hidden");
                    }
                    None => {
                        let _ = a.set_attribute("hidden", "");
                    }
                }
            }
        }

        /// Marks the answer as the last valid one (`stale`), and the sections it does not
        /// update as waiting for the app.
        fn mark(&self, stale: bool) {
            if let Some(card) = self.by_testid("answer") {
                let _ = card.set_attribute("data-stale", if stale { "true" } else { "false" });
            }
            if let Some(note) = self.by_testid("stale-note") {
                let _ = note.toggle_attribute_with_force("hidden", !stale);
            }
            if let Some(results) = self.by_testid("results") {
                let _ = results.set_attribute("aria-busy", "true");
                let _ = results.set_attribute("data-pending", "");
                if let Ok(Some(note)) = results.query_selector(".stale-note") {
                    note.set_text_content(Some(answer::A::Pending.t(self.locale())));
                    let _ = note.remove_attribute("hidden");
                }
            }
        }

        /// Reads the form and answers; false when the app must (an input that does not read or
        /// estimate, "auto").
        fn update(&self) -> bool {
            let l = self.locale();
            let card = form::scenario(self, l).ok().and_then(|s| {
                let r = form::estimate(self, &s, l).ok()?;
                Some(answer::card(&s, &r, l))
            });
            match card {
                Some(c) => {
                    self.show(&c);
                    self.mark(false);
                    true
                }
                None => {
                    self.mark(true);
                    false
                }
            }
        }
    }

    impl Read for Pre {
        fn with_text<R>(&self, f: Field, g: impl FnOnce(&str) -> R) -> R {
            g(&self.value(&format!("in-{}", f.name())))
        }
        fn model(&self) -> String {
            self.value("in-model")
        }
        fn hardware(&self) -> String {
            self.value("in-hardware")
        }
        fn count_unit(&self) -> String {
            self.value("in-count-unit")
        }
        fn precision(&self) -> String {
            self.value("in-precision")
        }
        fn sparse(&self) -> bool {
            self.doc
                .get_element_by_id("in-sparse")
                .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
                .is_some_and(|i| i.checked())
        }
    }

    /// The page's address without its query and fragment.
    fn base() -> String {
        let href = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        let end = href.find(['?', '#']).unwrap_or(href.len());
        href[..end].to_string()
    }

    /// Loads the app (`app.js`), once; `now`: at once rather than when the page is idle.
    fn load_app(now: bool) {
        let Some(doc) = doc() else { return };
        if now {
            let _ = js_sys::Reflect::set(&js_sys::global(), &"zfAppNow".into(), &JsValue::TRUE);
            if let Ok(f) = js_sys::Reflect::get(&js_sys::global(), &"zfApp".into()) {
                if let Some(f) = f.dyn_ref::<js_sys::Function>() {
                    let _ = f.call0(&JsValue::NULL);
                }
            }
        }
        if LOADING.with(|l| l.replace(true)) {
            return;
        }
        if let (Ok(s), Some(body)) = (doc.create_element("script"), doc.body()) {
            let _ = s.set_attribute("type", "module");
            let _ = s.set_attribute("src", "app.js");
            let _ = body.append_child(&s);
        }
    }

    /// Whether an event on `target` is one this module answers: typing in a number field.
    fn answers(target: &Element, kind: &str) -> bool {
        kind == "input"
            && target.tag_name() == "INPUT"
            && FIELDS
                .iter()
                .any(|f| target.id().strip_prefix("in-") == Some(f.name()))
    }

    /// Binds the page once it is parsed: the loader (an inline script in `<head>`,
    /// `scripts/prerender.mjs`) may run this module before `#pre` is all there.
    pub fn start() {
        let Some(doc) = doc() else { return };
        if doc.ready_state() == "loading" {
            let go = Closure::once_into_js(bind);
            let once = web_sys::AddEventListenerOptions::new();
            once.set_once(true);
            let _ = doc.add_event_listener_with_callback_and_add_event_listener_options(
                "readystatechange",
                go.unchecked_ref(),
                &once,
            );
            return;
        }
        bind();
    }

    fn bind() {
        let Some(doc) = doc() else { return };
        let Some(root) = doc.get_element_by_id("pre") else {
            // A link that sets more than the language: no prerendered page to answer in.
            load_app(true);
            return;
        };
        let on_event = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
            let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
                return;
            };
            let Some(d) = self::doc() else { return };
            let Some(root) = d.get_element_by_id("pre") else {
                return;
            };
            let pre = Pre { doc: d, root };
            let kind = e.type_();
            // Keys in a text field are typing, which the input event answers.
            if kind == "keydown" && target.tag_name() == "INPUT" {
                return;
            }
            if !(answers(&target, &kind) && pre.update()) {
                load_app(true);
            }
        });
        for kind in ["input", "change", "click", "keydown"] {
            let _ = root.add_event_listener_with_callback(kind, on_event.as_ref().unchecked_ref());
        }
        on_event.forget();
        if let Some(html) = doc.document_element() {
            let _ = html.set_attribute("data-live", "");
        }
        load_app(false);
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    live::start();
}
