//! "In the news": the library of published claims (`data/claims-library.csv`), each as a card
//! with its quote in its own language, its source, the checker's verdict and reason in the
//! reader's language, and "check it yourself", which fills the fact-check form with it.
//!
//! The claims are not compiled in: the build writes `news.json` (`zettaflop claims --library
//! --asset`, `scripts/build-news.sh`), with both languages' reasons, and this section fetches it
//! when first opened; the service worker keeps it for offline use. Every verdict and reason comes
//! from the estimator's `claim::check`, run by the CLI at build time.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use zettaflop_estimator::claim::library::parse_claim;
use zettaflop_estimator::claim::{Claim, Verdict};
use zettaflop_estimator::format::Locale;

use crate::factcheck::ClaimInputs;
use crate::i18n::{fill, lang, t, tr, K};
use crate::svg::Markup;

/// The asset, relative to the page.
const ASSET: &str = "./news.json";

/// One published claim, checked. The claim travels as the library's `key=value` text and the
/// verdict as its id, and the JSON is read with the browser's own parser: no serde code, which
/// would cost every reader's download.
#[derive(Debug, Clone, PartialEq)]
struct Card {
    id: String,
    lang: String,
    outlet: String,
    date: String,
    url: String,
    quote: String,
    kind: String,
    verdict: String,
    summary_en: String,
    summary_fr: String,
    claim_text: String,
}

impl Card {
    fn verdict(&self) -> Verdict {
        Verdict::from_id(&self.verdict).unwrap_or(Verdict::Wrong)
    }
}

impl Card {
    /// The card of one object of the asset's `claims`.
    fn read(o: &JsValue) -> Result<Card, String> {
        let get = |k: &str| {
            js_sys::Reflect::get(o, &JsValue::from_str(k))
                .ok()
                .and_then(|v| v.as_string())
                .ok_or_else(|| format!("news.json: a claim has no `{k}`"))
        };
        Ok(Card {
            id: get("id")?,
            lang: get("lang")?,
            outlet: get("outlet")?,
            date: get("date")?,
            url: get("url")?,
            quote: get("quote")?,
            kind: get("kind")?,
            verdict: get("verdict")?,
            summary_en: get("summary_en")?,
            summary_fr: get("summary_fr")?,
            claim_text: get("claim_text")?,
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Load {
    Idle,
    Loading,
    Failed(String),
    Ready(Vec<Card>),
}

async fn load() -> Load {
    let text = match crate::backtest::fetch_text(ASSET).await {
        Ok(t) => t,
        Err(e) => return Load::Failed(e),
    };
    let value = match js_sys::JSON::parse(&text) {
        Ok(v) => v,
        Err(e) => return Load::Failed(e.as_string().unwrap_or_else(|| "JSON".into())),
    };
    let claims = js_sys::Reflect::get(&value, &JsValue::from_str("claims")).unwrap_or_default();
    match js_sys::Array::from(&claims)
        .iter()
        .map(|o| Card::read(&o))
        .collect()
    {
        Ok(cards) => Load::Ready(cards),
        Err(e) => Load::Failed(e),
    }
}

/// The claim kinds, as the library names them, with their labels.
const KINDS: [(&str, K); 10] = [
    ("training_time", K::KindTrainingTime),
    ("gpu_hours", K::KindGpuHours),
    ("benchmark_window", K::KindBenchmarkWindow),
    ("peak", K::KindPeak),
    ("comparison", K::KindComparison),
    ("site_power", K::KindSitePower),
    ("energy_unit", K::KindEnergyUnit),
    ("equivalents", K::KindEquivalents),
    ("budget", K::KindBudget),
    ("run_cost", K::KindRunCost),
];

/// The filters, one signal each; empty means all.
#[derive(Debug, Clone, Copy)]
struct Filters {
    verdict: RwSignal<String>,
    kind: RwSignal<String>,
    lang: RwSignal<String>,
    search: RwSignal<String>,
}

impl Filters {
    fn keeps(&self, c: &Card, l: Locale) -> bool {
        let is = |s: RwSignal<String>, v: &str| s.with(|f| f.is_empty() || f == v);
        // ASCII case folding only: Unicode's tables would cost the page ~10 KB for accented capitals.
        let words = self.search.with(|s| s.to_ascii_lowercase());
        let summary = match l {
            Locale::En => &c.summary_en,
            Locale::Fr => &c.summary_fr,
        };
        let text = format!("{} {} {} {}", c.quote, c.outlet, c.date, summary).to_ascii_lowercase();
        is(self.verdict, &c.verdict)
            && is(self.kind, &c.kind)
            && is(self.lang, &c.lang)
            && words.split_whitespace().all(|w| text.contains(w))
    }
}

/// A labelled select of `options` (value, label) bound to `value`.
fn select(
    id: &'static str,
    label: K,
    value: RwSignal<String>,
    options: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let opts = move || {
        options
            .get()
            .into_iter()
            .map(|(v, text)| view! { <option value=v.clone() selected=move || value.get() == v>{text}</option> })
            .collect_view()
    };
    view! {
        <div class="field">
            <label for=id>{tr(label)}</label>
            <select id=id prop:value=move || value.get() on:change=move |ev| value.set(event_target_value(&ev))>{opts}</select>
        </div>
    }
}

fn with_all(
    l: RwSignal<Locale>,
    v: impl Fn(Locale) -> Vec<(String, String)> + Send + Sync + 'static,
) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || {
        let l = l.get();
        let mut all = vec![(String::new(), t(K::NewsAll, l).to_string())];
        all.extend(v(l));
        all
    })
}

/// Brings the fact-check form to the reader with the claim in it.
fn check_it(inputs: ClaimInputs, c: &Claim) {
    inputs.fill(c);
    let doc = web_sys::window().and_then(|w| w.document());
    // The form's heading takes the focus (tabindex -1), so the verdict above the form is read
    // next and is in view.
    if let Some(h) = doc.and_then(|d| d.get_element_by_id("check-title")) {
        h.scroll_into_view();
        if let Ok(h) = h.dyn_into::<web_sys::HtmlElement>() {
            let _ = h.focus();
        }
    }
}

/// One card as markup (text escaped): the cards are written as one string, which costs the
/// page's download far less than a view per card; one listener on the list handles their
/// buttons (see `on_list_click`).
fn card_markup(m: &mut Markup, c: &Card, l: Locale) {
    let v = c.verdict();
    let summary = match l {
        Locale::En => &c.summary_en,
        Locale::Fr => &c.summary_fr,
    };
    m.raw(r#"<li class="news-card" data-testid="news-"#)
        .text(&c.id);
    m.raw(r#"" data-verdict=""#).text(v.id());
    m.raw(r#"" data-kind=""#).text(&c.kind).raw(r#"">"#);
    m.raw(r#"<blockquote lang=""#).text(&c.lang).raw(r#""><p>"#);
    m.text(&c.quote).raw("</p></blockquote>");
    m.raw(r#"<p class="news-meta">"#)
        .text(&c.outlet)
        .raw(" · ")
        .text(&c.date);
    m.raw(r#" · <a rel="noopener noreferrer" href=""#)
        .text(&c.url)
        .raw(r#"">"#);
    m.text(t(K::NewsSource, l)).raw("</a></p>");
    m.raw(r#"<p class="news-verdict"><span class="badge verdict-"#)
        .text(v.id());
    m.raw(r#"">"#)
        .text(v.label(l))
        .raw("</span> ")
        .text(summary)
        .raw("</p>");
    m.raw(r#"<button type="button" class="check-it" data-id=""#)
        .text(&c.id)
        .raw(r#"">"#);
    m.text(t(K::NewsCheck, l)).raw("</button></li>");
}

/// The count and the cards the filters keep, as markup.
fn cards(cards: &[Card], f: Filters, l: Locale) -> String {
    let shown: Vec<&Card> = cards.iter().filter(|c| f.keeps(c, l)).collect();
    let count = fill(
        t(K::NewsCount, l),
        &[&shown.len().to_string(), &cards.len().to_string()],
    );
    let mut m = Markup::default();
    m.wrap(
        r#"<p class="hint" role="status" data-testid="news-count">"#,
        &count,
        "</p>",
    );
    m.raw(r#"<ul class="news-cards">"#);
    for c in shown {
        card_markup(&mut m, c, l);
    }
    m.raw("</ul>");
    m.0
}

/// A click in the list: a card's "check it yourself" fills the form with its claim.
fn on_list_click(ev: &web_sys::MouseEvent, data: RwSignal<Load>, inputs: ClaimInputs) {
    let id = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("button.check-it").ok().flatten())
        .and_then(|b| b.get_attribute("data-id"));
    let Some(id) = id else {
        return;
    };
    let claim = data.with_untracked(|d| match d {
        Load::Ready(cards) => cards
            .iter()
            .find(|c| c.id == id)
            .and_then(|c| parse_claim(&c.claim_text).ok()),
        _ => None,
    });
    if let Some(c) = claim {
        check_it(inputs, &c);
    }
}

/// The filters' inputs.
fn filter_bar(f: Filters, l: RwSignal<Locale>) -> impl IntoView {
    let verdicts = with_all(l, |l| {
        Verdict::ALL
            .iter()
            .map(|v| (v.id().to_string(), v.label(l).to_string()))
            .collect()
    });
    let kinds = with_all(l, |l| {
        KINDS
            .iter()
            .map(|(id, k)| (id.to_string(), t(*k, l).to_string()))
            .collect()
    });
    let langs = with_all(l, |l| {
        vec![
            ("en".into(), t(K::NewsLangEn, l).into()),
            ("fr".into(), t(K::NewsLangFr, l).into()),
        ]
    });
    view! {
        <div class="news-filters">
            <div class="field">
                <label for="news-search">{tr(K::NewsSearch)}</label>
                <input id="news-search" type="search" autocomplete="off" prop:value=move || f.search.get() on:input=move |ev| f.search.set(event_target_value(&ev)) />
            </div>
            {select("news-verdict", K::Verdict, f.verdict, verdicts)}
            {select("news-kind", K::NewsFilterKind, f.kind, kinds)}
            {select("news-lang", K::NewsFilterLang, f.lang, langs)}
        </div>
    }
}

/// "In the news": closed at first; its first opening fetches the claims.
#[component]
pub fn News(inputs: ClaimInputs) -> impl IntoView {
    let l = lang();
    let data = RwSignal::new(Load::Idle);
    let f = Filters {
        verdict: RwSignal::new(String::new()),
        kind: RwSignal::new(String::new()),
        lang: RwSignal::new(String::new()),
        search: RwSignal::new(String::new()),
    };
    let start = move |_| {
        if data.with_untracked(|d| *d == Load::Idle) {
            data.set(Load::Loading);
            leptos::task::spawn_local(async move { data.set(load().await) });
        }
    };
    let state = move || {
        data.with(|d| match d {
            Load::Idle => "idle",
            Load::Loading => "loading",
            Load::Failed(_) => "failed",
            Load::Ready(_) => "ready",
        })
    };
    let body = move || {
        let lc = l.get();
        data.with(|d| match d {
            Load::Idle => ().into_any(),
            Load::Loading => {
                view! { <p class="hint" role="status">{t(K::NewsLoading, lc)}</p> }.into_any()
            }
            Load::Failed(e) => {
                view! { <p class="error" role="alert">{fill(t(K::NewsLoadError, lc), &[e])}</p> }
                    .into_any()
            }
            Load::Ready(_) => {
                let list = move || {
                    data.with(|d| match d {
                        Load::Ready(c) => cards(c, f, l.get()),
                        _ => String::new(),
                    })
                };
                view! {
                    {filter_bar(f, l)}
                    <div on:click=move |ev| on_list_click(&ev, data, inputs) inner_html=list></div>
                }
                .into_any()
            }
        })
    };
    view! {
        <section class="card news" aria-labelledby="news-title" data-testid="news" data-state=state>
            <details on:toggle=start>
                <summary><h2 id="news-title">{tr(K::NewsTitle)}</h2></summary>
                <p>{tr(K::NewsIntro)}</p>
                {body}
            </details>
        </section>
    }
}
