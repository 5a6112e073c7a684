//! The page in its link: every input, the mode and the language live in the query string
//! (decoded and encoded by `zettaflop_link`), back and forward restore them, a
//! "copy link" button and an "embed" snippet give the link away, and `embed=1` is the compact
//! layout for iframes, which tells its host page its height.
//!
//! The inputs are a table of [`Binding`]s (each form lists its own: `Form::bindings`,
//! `ClaimInputs::bindings`, `ExpertInputs::bindings`): adding an input to a form's list is all
//! it takes to carry it in links.
//!
//! History: typing *replaces* the current entry (one entry per keystroke would make "back"
//! useless), once typing pauses for 300 ms; choosing a mode, a select or a checkbox, or the language, *pushes* one, so back
//! and forward step through those choices. A value equal to its default is left out of the
//! link. Nothing is stored: no cookie, no storage. Embedded, the page writes no history at all
//! (its entries would land in the host page's history).

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
pub use zettaflop_link::Choice;
use zettaflop_link::{self as codec, Kind, Notice, Param, State, MODES};

use crate::i18n::{browser_locale, lang, t, tr, Locale, K};
use crate::{Mode, Nav};

/// Where an input's value lives.
#[derive(Debug, Clone, Copy)]
enum Bind {
    Text(RwSignal<String>),
    Flag(RwSignal<bool>),
}

/// An input carried in links: its name, what it accepts, its signal and its default (one per
/// language for a number written the language's way: `64,000` / `64 000`).
#[derive(Debug, Clone)]
pub struct Binding {
    key: &'static str,
    kind: Kind,
    bind: Bind,
    default: String,
    localized: Option<[String; 2]>,
}

impl Binding {
    fn new(key: &'static str, kind: Kind, bind: Bind) -> Binding {
        let mut b = Binding {
            key,
            kind,
            bind,
            default: String::new(),
            localized: None,
        };
        b.default = b.value_untracked();
        b
    }

    /// A text input: the raw text typed travels.
    pub fn text(key: &'static str, s: RwSignal<String>) -> Binding {
        Binding::new(key, Kind::Text, Bind::Text(s))
    }

    /// A text input whose default is written in each language's way (`[english, french]`);
    /// switching the language rewrites a default left as it was.
    pub fn text_in(key: &'static str, s: RwSignal<String>, defaults: [String; 2]) -> Binding {
        let mut b = Binding::new(key, Kind::Text, Bind::Text(s));
        b.default = defaults[0].clone();
        b.localized = Some(defaults);
        b
    }

    /// The default in `l`.
    fn default_in(&self, l: Locale) -> &str {
        match &self.localized {
            Some(d) => &d[usize::from(l == Locale::Fr)],
            None => &self.default,
        }
    }

    /// Whether `v` is the default (in either language).
    fn is_default(&self, v: &str) -> bool {
        v == self.default
            || self
                .localized
                .as_ref()
                .is_some_and(|d| d.iter().any(|x| x == v))
    }

    /// Rewrites a default left as it was into `to`'s way of writing it.
    fn relocalize(&self, to: Locale) {
        if self.localized.is_some() && self.is_default(&self.value_untracked()) {
            self.set(self.default_in(to));
        }
    }

    /// A select: its id, checked against `c`.
    pub fn choice(key: &'static str, s: RwSignal<String>, c: Choice) -> Binding {
        Binding::new(key, Kind::Choice(c), Bind::Text(s))
    }

    /// A checkbox: `1` or `0`.
    pub fn flag(key: &'static str, s: RwSignal<bool>) -> Binding {
        Binding::new(key, Kind::Flag, Bind::Flag(s))
    }

    fn value(&self) -> String {
        match self.bind {
            Bind::Text(s) => s.get(),
            Bind::Flag(s) => if s.get() { "1" } else { "0" }.into(),
        }
    }

    fn value_untracked(&self) -> String {
        untrack(|| self.value())
    }

    fn set(&self, v: &str) {
        match self.bind {
            Bind::Text(s) if s.get_untracked() != v => s.set(v.into()),
            Bind::Flag(s) if s.get_untracked() != (v == "1") => s.set(v == "1"),
            _ => {}
        }
    }
}

/// The link's state, shared through context.
#[derive(Debug, Clone, Copy)]
pub struct Link {
    bindings: StoredValue<Vec<Binding>>,
    params: StoredValue<Vec<Param>>,
    /// What the last link read could not use.
    notices: RwSignal<Vec<Notice>>,
    /// The compact layout for iframes.
    pub embed: bool,
    nav: Nav,
    lang: RwSignal<Locale>,
}

impl Link {
    /// Reads the page's link into the inputs, then keeps the link in step with them.
    pub fn start(bindings: Vec<Binding>, nav: Nav, lang: RwSignal<Locale>) -> Link {
        let params = bindings
            .iter()
            .map(|b| Param {
                key: b.key,
                kind: b.kind,
            })
            .collect();
        // At build time (the prerendered page, native) there is no link: the default page.
        #[cfg(target_arch = "wasm32")]
        let query = window().location().search().unwrap_or_default();
        #[cfg(not(target_arch = "wasm32"))]
        let query = String::new();
        let link = Link {
            bindings: StoredValue::new(bindings),
            params: StoredValue::new(params),
            notices: RwSignal::new(Vec::new()),
            embed: false,
            nav,
            lang,
        };
        let (state, notices) = link.params.with_value(|p| codec::decode(&query, p));
        let link = Link {
            embed: state.embed,
            ..link
        };
        link.apply(&state);
        link.notices.set(notices);
        let last = StoredValue::new(None::<(String, String)>);
        Effect::new(move |_| {
            let now = link.snapshot();
            if link.embed {
                return;
            }
            let (push, first) = match last.get_value() {
                Some((q, _)) if q == now.0 => return,
                Some((_, d)) => (d != now.1, false),
                None => (false, true),
            };
            if push {
                // The typed text still waiting belongs to the entry being left.
                flush_url();
                write_url(&now.0, true);
            } else if first {
                // On load: only when the link differs from what the page would write (a
                // default page's link is already right; a write costs the mount ~5 ms).
                if !same_query(&now.0) {
                    write_url(&now.0, false);
                }
            } else {
                write_later(now.0.clone());
            }
            last.set_value(Some(now));
        });
        #[cfg(target_arch = "wasm32")]
        let handle = window_event_listener(leptos::ev::popstate, move |_| {
            // Typed text not yet written belongs to the entry left: it must not replace this one.
            drop_pending();
            let query = window().location().search().unwrap_or_default();
            let (state, _) = link.params.with_value(|p| codec::decode(&query, p));
            link.apply(&state);
            crate::sources::follow_hash(nav);
            let now = untrack(|| link.snapshot());
            if query.strip_prefix('?').unwrap_or(&query) != now.0 {
                write_url(&now.0, false);
            }
            last.set_value(Some(now));
        });
        #[cfg(target_arch = "wasm32")]
        let leave = window_event_listener_untyped("pagehide", move |_| flush_url());
        #[cfg(target_arch = "wasm32")]
        on_cleanup(move || {
            handle.remove();
            leave.remove();
        });
        if link.embed {
            report_height();
        }
        link
    }

    /// The link's context.
    pub fn get() -> Option<Link> {
        use_context::<Link>()
    }

    /// Switches the language: inputs still at their default are rewritten the new language's
    /// way (`64,000` → `64 000`), what the reader typed is kept.
    pub fn set_lang(&self, to: Locale) {
        self.bindings
            .with_value(|bs| bs.iter().for_each(|b| b.relocalize(to)));
        self.lang.set(to);
    }

    /// Sets every input, the mode and the language from `state`; what it lacks takes its
    /// default.
    fn apply(&self, state: &State) {
        let l = state.locale.unwrap_or_else(browser_locale);
        self.bindings.with_value(|bs| {
            for b in bs {
                b.set(state.value(b.key).unwrap_or(b.default_in(l)));
            }
        });
        let mode = state
            .mode
            .and_then(|m| MODES.iter().position(|x| *x == m))
            .map_or(Mode::Calculator, |i| Mode::ALL[i]);
        self.nav.open(mode);
        if self.lang.get_untracked() != l {
            self.lang.set(l);
        }
    }

    /// The query string of the current inputs (tracked), and the part of it that is not typed
    /// text (a change there is a new history entry). The address bar carries the language only
    /// when it differs from the browser's.
    fn snapshot(&self) -> (String, String) {
        self.snapshot_with(false)
    }

    /// As [`Link::snapshot`]; `lang`: the language always written (a link given away is opened
    /// by a browser in another language).
    fn snapshot_with(&self, lang: bool) -> (String, String) {
        let mode = self.nav.mode.get();
        let l = self.lang.get();
        let mut state = State {
            mode: (mode != Mode::Calculator).then(|| MODES[mode as usize]),
            locale: (lang || l != browser_locale()).then_some(l),
            embed: self.embed,
            values: Vec::new(),
        };
        let mut discrete = format!("{} {}", MODES[mode as usize], l == Locale::Fr);
        self.bindings.with_value(|bs| {
            for b in bs {
                let v = b.value();
                if !b.is_default(&v) {
                    if b.kind != Kind::Text {
                        discrete.push_str(&format!(" {}={v}", b.key));
                    }
                    state.values.push((b.key, v));
                }
            }
        });
        (codec::encode(&state), discrete)
    }

    /// The page's address without query or fragment.
    fn base() -> String {
        // At build time: relative links (`?query`), made absolute by the page once it is live.
        if cfg!(not(target_arch = "wasm32")) {
            return String::new();
        }
        let href = window().location().href().unwrap_or_default();
        let end = href.find(['?', '#']).unwrap_or(href.len());
        href[..end].to_string()
    }

    /// The full link to the current inputs, with the language (tracked); `embed`: for an
    /// iframe.
    pub fn url(&self, embed: bool) -> String {
        let (q, _) = Link { embed, ..*self }.snapshot_with(true);
        let base = Link::base();
        if q.is_empty() {
            base
        } else {
            format!("{base}?{q}")
        }
    }

    /// The page's address followed by `?query` (a quote's permalink: the estimator writes the
    /// query with every input).
    pub fn permalink(query: &str) -> String {
        format!("{}?{query}", Link::base())
    }

    /// The `<iframe>` and host script to paste in an article (tracked). The sandbox keeps the
    /// frame's own origin (`allow-same-origin`: its scripts and wasm are then same-origin
    /// requests, which any static host answers; safe because that origin is not the article's),
    /// and lets the reader download, print and open the full page (docs/reader.md).
    pub fn snippet(&self) -> String {
        let src = self.url(true).replace('&', "&amp;").replace('"', "&quot;");
        let base = Link::base();
        let dir = &base[..base.rfind('/').map_or(base.len(), |i| i + 1)];
        format!(
            "<iframe src=\"{src}\" title=\"Zettaflop\" data-zettaflop style=\"width:100%;height:40rem;border:0\" sandbox=\"allow-scripts allow-same-origin allow-downloads allow-popups allow-popups-to-escape-sandbox allow-modals\"></iframe>\n<script src=\"{dir}embed.js\" async></script>"
        )
    }
}

thread_local! {
    /// Typed text not yet in the address bar, and the timer that will write it.
    static PENDING: std::cell::RefCell<(Option<String>, Option<TimeoutHandle>)> =
        const { std::cell::RefCell::new((None, None)) };
}

/// How long typing must pause before the address bar follows it. Each write is a same-document
/// navigation (about 1 ms), after which Chromium requests and decodes the page's icon again
/// (3–4 ms more): work that does not belong in a keystroke's frame (docs/benchmark.md).
const URL_PAUSE_MS: u64 = 300;

/// Writes `?q` in place once typing pauses (a later call before then replaces it).
fn write_later(q: String) {
    PENDING.with(|p| {
        let mut p = p.borrow_mut();
        if let Some(h) = p.1.take() {
            h.clear();
        }
        p.0 = Some(q);
        p.1 =
            set_timeout_with_handle(flush_url, std::time::Duration::from_millis(URL_PAUSE_MS)).ok();
    });
}

/// The typed text waiting for a pause, taken (its timer cancelled).
fn drop_pending() -> Option<String> {
    PENDING.with(|p| {
        let mut p = p.borrow_mut();
        if let Some(h) = p.1.take() {
            h.clear();
        }
        p.0.take()
    })
}

/// Writes the typed text waiting for a pause into the address bar now: before a new history
/// entry, when the page is left, and when the full app takes over (it reads the link).
pub fn flush_url() {
    if let Some(q) = drop_pending() {
        write_url(&q, false);
    }
}

/// Whether the address bar's query is already `?q`.
fn same_query(q: &str) -> bool {
    let search = window().location().search().unwrap_or_default();
    search.strip_prefix('?').unwrap_or(&search) == q
}

/// Sets the address bar to `?q` (keeping the fragment), as a new entry or in place.
fn write_url(q: &str, push: bool) {
    let w = window();
    let loc = w.location();
    let mut url = loc.pathname().unwrap_or_default();
    if !q.is_empty() {
        url.push('?');
        url.push_str(q);
    }
    url.push_str(&loc.hash().unwrap_or_default());
    if let Ok(h) = w.history() {
        // A sandboxed document may refuse: the page works on without it.
        let _ = if push {
            h.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            h.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }
}

/// Posts `{type: "zettaflop:height", height}` (the page's height) to the page that embeds it.
fn post_height() {
    let Some(root) = document().document_element() else {
        return;
    };
    let height = root.get_bounding_client_rect().height().ceil();
    let Ok(Some(parent)) = window().parent() else {
        return;
    };
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &"zettaflop:height".into());
    let _ = js_sys::Reflect::set(&msg, &"height".into(), &height.into());
    // Only a height is sent, to whoever embeds the page (its origin is unknown, and a
    // sandboxed page's own origin is opaque).
    let _ = parent.post_message(&msg, "*");
}

/// Embedded: posts the page's height to the host page now, whenever it changes, and whenever
/// the host asks (`{type: "zettaflop:measure"}`: `www/embed.js` asks when it starts, since an
/// `async` host script may start after the page has settled and missed every earlier post).
fn report_height() {
    let callback = Closure::<dyn Fn()>::new(post_height);
    if let (Ok(observer), Some(root)) = (
        web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()),
        document().document_element(),
    ) {
        observer.observe(&root);
    }
    let asked = Closure::<dyn Fn(JsValue)>::new(|ev: JsValue| {
        let kind = js_sys::Reflect::get(&ev, &"data".into())
            .and_then(|d| js_sys::Reflect::get(&d, &"type".into()))
            .ok()
            .and_then(|t| t.as_string());
        if kind.as_deref() == Some("zettaflop:measure") {
            post_height();
        }
    });
    let _ = window().add_event_listener_with_callback("message", asked.as_ref().unchecked_ref());
    // Both live as long as the page.
    callback.forget();
    asked.forget();
}

/// What the link could not use, as a notice above the page (text only: a hostile link's
/// content is shown, never run).
#[component]
pub fn LinkNotices() -> impl IntoView {
    let l = lang();
    let link = Link::get();
    let notices = move || {
        link.map(|k| {
            k.notices.with(|n| {
                n.iter()
                    .map(|n| n.text(l.get()))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        })
        .unwrap_or_default()
    };
    let dismiss = move |_| {
        if let Some(k) = link {
            k.notices.set(Vec::new())
        }
    };
    view! {
        <div class="notice" role="status" data-testid="link-notice" hidden=move || notices().is_empty()>
            <p><b>{tr(K::LinkNoticeTitle)}</b></p>
            <p class="notice-list">{notices}</p>
            <button type="button" on:click=dismiss>{tr(K::Dismiss)}</button>
        </div>
    }
}

/// "Copy link" and "Embed", and the link to the full page that only the embedded page shows
/// (both are always written, the stylesheet shows one: fewer views, less wasm).
#[component]
pub fn ShareBar() -> impl IntoView {
    let l = lang();
    let link = Link::get();
    let url = move || link.map(|k| k.url(false)).unwrap_or_default();
    let snippet = move || link.map(|k| k.snippet()).unwrap_or_default();
    let copied = RwSignal::new(None::<bool>);
    // Which output is open: 1 the link, 2 the embed code.
    let open = RwSignal::new(0u8);
    let copy = move |_| {
        let url = untrack(url);
        open.set(1);
        copy_text(&url, copied);
        select_later("share-url");
    };
    let toggle_embed = move |_| {
        let shown = open.get_untracked() == 2;
        open.set(if shown { 0 } else { 2 });
        if !shown {
            select_later("embed-code");
        }
    };
    let status = move || match copied.get() {
        Some(true) => t(K::LinkCopied, l.get()),
        Some(false) => t(K::LinkSelect, l.get()),
        None => "",
    };
    view! {
        <a class="open-full" href=url target="_blank" rel="noopener noreferrer">{tr(K::OpenFull)}</a>
        <div class="share">
            <button type="button" data-testid="copy-link" on:click=copy>{tr(K::CopyLink)}</button>
            <button type="button" data-testid="embed" aria-expanded=move || (open.get() == 2).to_string() aria-controls="embed-panel" on:click=toggle_embed>{tr(K::Embed)}</button>
            <span class="hint" role="status" data-testid="copy-status">{status}</span>
            <div class="field share-out" hidden=move || open.get() != 1>
                <label for="share-url">{tr(K::LinkLabel)}</label>
                <input id="share-url" type="text" readonly prop:value=move || if open.get() == 1 { url() } else { String::new() } />
            </div>
            <div class="field share-out" id="embed-panel" hidden=move || open.get() != 2>
                <label for="embed-code">{tr(K::EmbedLabel)}</label>
                <textarea id="embed-code" data-testid="embed-snippet" readonly rows="5" prop:value=move || if open.get() == 2 { snippet() } else { String::new() }></textarea>
                <small class="hint">{tr(K::EmbedHint)}</small>
            </div>
        </div>
    }
}

/// Writes `text` to the clipboard (navigator.clipboard.writeText, where there is one) and sets
/// `done` to whether it worked; a sandboxed iframe or a page over http may lack it or refuse,
/// and the caller then shows the text selected.
pub fn copy_text(text: &str, done: RwSignal<Option<bool>>) {
    done.set(None);
    let write = js_sys::Reflect::get(&window().navigator(), &"clipboard".into())
        .ok()
        .filter(|c| c.is_object())
        .and_then(|c| {
            let f = js_sys::Reflect::get(&c, &"writeText".into()).ok()?;
            let f = f.dyn_into::<js_sys::Function>().ok()?;
            f.call1(&c, &text.into())
                .ok()?
                .dyn_into::<js_sys::Promise>()
                .ok()
        });
    if let Some(promise) = write {
        wasm_bindgen_futures::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            done.set(Some(ok));
        });
    } else {
        done.set(Some(false));
    }
}

/// Selects the text of the field `id` once it is on the page.
fn select_later(id: &'static str) {
    request_animation_frame(move || {
        let Some(el) = document().get_element_by_id(id) else {
            return;
        };
        if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            i.select();
        } else if let Some(a) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            a.select();
        }
    });
}
