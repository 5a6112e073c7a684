//! The Zettaflop page: Leptos components bound to the estimator. No formula lives here: every
//! number shown is a field of an estimator report.

// The light first module (feature `lite`) compiles every module but uses only the calculator's.
#![cfg_attr(feature = "lite", allow(dead_code, unused_imports))]
// The native build (the prerender) has no `erase_components`: the panels' view types are deep.
#![recursion_limit = "256"]

mod answer;
mod backtest;
mod charts;
mod claim_extra;
mod compare;
mod download;
mod expert;
mod export;
mod factcheck;
mod fields;
pub mod form;
pub mod i18n;
mod inputs;
#[cfg(all(feature = "lite", target_arch = "wasm32"))]
pub mod lazy;
mod math;
mod news;
mod original;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
mod results;
mod returns;
mod scatter;
mod search;
pub mod share;
mod sources;
mod svg;
#[cfg(target_arch = "wasm32")]
pub mod takeover;
mod time_chart;

use leptos::prelude::*;
use zettaflop_estimator::{Report, Scenario};

pub use form::Form;
use i18n::{lang, t, tr, Lang, Locale, K};

/// The page's modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Time, power, money of a scenario.
    Calculator,
    /// Claims worked backwards.
    FactCheck,
    /// The performance model and the layout search.
    Expert,
    /// The implied utilization of every known run.
    Backtest,
    /// Every source of the catalog.
    Sources,
}

impl Mode {
    /// Every mode, in the order of `zettaflop_link::MODES`.
    pub const ALL: [Mode; 5] = [
        Mode::Calculator,
        Mode::FactCheck,
        Mode::Expert,
        Mode::Backtest,
        Mode::Sources,
    ];
}

/// Which mode is shown, and which were ever opened: the fact-check (every claim checked) and the
/// expert panel mount on their first visit
/// (a layout search); the back-test starts its fetch and the sources write their list then.
#[derive(Debug, Clone, Copy)]
pub struct Nav {
    mode: RwSignal<Mode>,
    opened: RwSignal<[bool; 5]>,
}

impl Nav {
    fn new() -> Nav {
        Nav {
            mode: RwSignal::new(Mode::Calculator),
            opened: RwSignal::new([true, false, false, false, false]),
        }
    }

    /// Shows `m`, mounting its panel if this is its first visit.
    pub fn open(self, m: Mode) {
        if !self.opened.with_untracked(|o| o[m as usize]) {
            self.opened.update(|o| o[m as usize] = true);
        }
        // The light first module has only the calculator: any other mode loads the full app.
        #[cfg(all(feature = "lite", target_arch = "wasm32"))]
        if m != Mode::Calculator {
            lazy::load_full(None);
        }
        self.mode.set(m);
    }

    /// Whether `m` was ever shown.
    pub fn was_opened(self, m: Mode) -> bool {
        self.opened.with(|o| o[m as usize])
    }

    /// The page's navigation, shared through context.
    pub fn get() -> Option<Nav> {
        use_context::<Nav>()
    }
}

/// The calculator mode: the answer first (the question in words, the figures, the sentence to
/// quote), then the inputs, then every figure, the charts and the math.
#[component]
fn Calculator(form: Form) -> impl IntoView {
    let l = lang();
    let outcome = Memo::new(move |_| form.outcome(l.get()));
    // The last valid scenario and report: kept while an input is invalid, so the result stays
    // visible (marked stale).
    let last = Memo::new(move |prev: Option<&Option<(Scenario, Report)>>| {
        match (outcome.get(), form.scenario(l.get())) {
            (Ok(r), Ok(s)) => Some((s, r)),
            _ => prev.cloned().flatten(),
        }
    });
    let report = Memo::new(move |_| last.with(|x| x.as_ref().map(|(_, r)| r.clone())));
    // The current scenario while every input is valid: what "pin" keeps and the charts sweep.
    let scenario = Memo::new(move |_| {
        if outcome.with(Result::is_ok) {
            form.scenario(l.get()).ok()
        } else {
            None
        }
    });
    let stale = Signal::derive(move || outcome.with(Result::is_err));
    // A memo, read by every field: its error only, never a copy of the whole outcome.
    let problem: Signal<Option<form::FieldError>> =
        Memo::new(move |_| outcome.with(|o| o.as_ref().err().cloned())).into();
    let full = move || share::Link::get().map(|k| k.url(false)).unwrap_or_default();
    view! {
        <div class="layout calc">
            <answer::Answer last=last stale=stale problem=problem />
            <inputs::Inputs form=form problem=problem />
            <div class="out">
                <results::Results report=report stale=stale />
                {sections(form, scenario, report, stale)}
                <original::OriginalRun model=form.model report=report />
                <math::ShowMath report=report />
                <a class="more-full" data-testid="more-full" href=full target="_blank" rel="noopener noreferrer">{tr(K::MoreFull)}</a>
            </div>
        </div>
    }
}

/// The calculator's export, compare, charts and returns sections (in the light first module:
/// their closed shells, which load the full app on first use).
#[cfg(not(all(feature = "lite", target_arch = "wasm32")))]
fn sections(
    form: Form,
    scenario: Memo<Option<Scenario>>,
    report: Memo<Option<Report>>,
    stale: Signal<bool>,
) -> impl IntoView {
    view! {
        <export::Export form=form report=report stale=stale />
        <compare::Compare scenario=scenario report=report />
        <charts::Charts scenario=scenario report=report />
        <returns::Returns report=report />
    }
}

#[cfg(all(feature = "lite", target_arch = "wasm32"))]
fn sections(
    _form: Form,
    _scenario: Memo<Option<Scenario>>,
    _report: Memo<Option<Report>>,
    stale: Signal<bool>,
) -> impl IntoView {
    view! { <lazy::Sections stale=stale /> }
}

/// The panels of the other modes, each mounted on its first visit (in the light first module: a
/// line saying it loads, while the full app does).
#[cfg(not(all(feature = "lite", target_arch = "wasm32")))]
fn panels(nav: Nav, claim: factcheck::ClaimInputs, expert: expert::ExpertInputs) -> [AnyView; 4] {
    let opened = move |m: Mode| move || nav.was_opened(m);
    [
        view! { <Show when=opened(Mode::FactCheck)><factcheck::FactCheck inputs=claim /></Show> }
            .into_any(),
        view! { <Show when=opened(Mode::Expert)><expert::Expert inputs=expert /></Show> }
            .into_any(),
        view! { <backtest::Backtest /> }.into_any(),
        view! { <sources::Sources /> }.into_any(),
    ]
}

#[cfg(all(feature = "lite", target_arch = "wasm32"))]
fn panels(
    _nav: Nav,
    _claim: factcheck::ClaimInputs,
    _expert: expert::ExpertInputs,
) -> [AnyView; 4] {
    std::array::from_fn(|_| view! { <lazy::Loading /> }.into_any())
}

/// Moves between tabs with the arrow keys, Home and End (the WAI-ARIA tabs pattern, selection
/// follows focus).
fn tab_keys(nav: Nav, ev: leptos::ev::KeyboardEvent) {
    use wasm_bindgen::JsCast;
    let n = Mode::ALL.len();
    let i = nav.mode.get_untracked() as usize;
    let next = match ev.key().as_str() {
        "ArrowRight" | "ArrowDown" => (i + 1) % n,
        "ArrowLeft" | "ArrowUp" => (i + n - 1) % n,
        "Home" => 0,
        "End" => n - 1,
        _ => return,
    };
    ev.prevent_default();
    nav.open(Mode::ALL[next]);
    let id = format!("tab-{}", TAB_IDS[next]);
    if let Some(el) = document()
        .get_element_by_id(&id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The tabs' ids, in the order of [`Mode::ALL`].
const TAB_IDS: [&str; 5] = ["calculator", "factcheck", "expert", "backtest", "sources"];

/// The language switch.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let l = lang();
    let button = move |to: Locale, code: &'static str, name: &'static str| {
        view! {
            <button type="button" lang=code aria-pressed=move || (l.get() == to).to_string() on:click=move |_| match share::Link::get() { Some(k) => k.set_lang(to), None => l.set(to) } data-testid=format!("lang-{code}")>
                {name}
            </button>
        }
    };
    view! {
        <div class="switch" role="group" aria-label=tr(K::Language)>
            {button(Locale::En, "en", "English")}
            {button(Locale::Fr, "fr", "Français")}
        </div>
    }
}

/// The whole page, in the browser's language.
#[component]
pub fn App() -> impl IntoView {
    page(i18n::browser_locale())
}

/// The whole page in `locale` (what [`App`] mounts, and what [`prerender`] writes at build time).
fn page(locale: Locale) -> impl IntoView {
    let l = RwSignal::new(locale);
    provide_context(Lang(l));
    // The document's language follows the page's (screen readers, hyphenation).
    Effect::new(move |_| {
        let code = if l.get() == Locale::Fr { "fr" } else { "en" };
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", code);
        }
    });
    let nav = Nav::new();
    provide_context(nav);
    let mode = nav.mode;
    // Every input is created here, so that a link fills them before any panel is shown.
    let form = Form::new();
    let claim = factcheck::ClaimInputs::new();
    let expert = expert::ExpertInputs::new();
    let mut bindings = form.bindings();
    bindings.extend(claim.bindings());
    bindings.extend(expert.bindings());
    let link = share::Link::start(bindings, nav, l);
    provide_context(link);
    if link.embed {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-embed", "");
        }
    }
    // `#src-<id>` (a "show the math" link, a bookmark, back and forward) opens the source list
    // at that source.
    sources::follow_hash(nav);
    #[cfg(target_arch = "wasm32")]
    {
        let handle =
            window_event_listener(leptos::ev::hashchange, move |_| sources::follow_hash(nav));
        on_cleanup(move || handle.remove());
    }
    let tab = move |m: Mode, k: K, id: &'static str| {
        view! {
            <button type="button" role="tab" id=format!("tab-{id}") aria-selected=move || (mode.get() == m).to_string() tabindex=move || if mode.get() == m { "0" } else { "-1" } aria-controls=format!("panel-{id}") on:click=move |_| nav.open(m)>
                {move || t(k, l.get())}
            </button>
        }
    };
    let panel = move |m: Mode| move || mode.get() != m;
    let [fact, expert_panel, backtest_panel, sources_panel] = panels(nav, claim, expert);
    view! {
        <header class="top">
            <div class="top-row">
                <h1>"Zettaflop"</h1>
                <LanguageSwitch />
            </div>
            <share::ShareBar />
            <p class="tagline">{tr(K::Tagline)}</p>
            // Shown by www/sw-register.js (html[data-update]) when a new version is waiting; its
            // button makes the new service worker take over and reloads.
            <div class="update" role="status" data-testid="update">
                <span>{tr(K::UpdateReady)}</span>
                <button type="button" id="update-reload">{tr(K::UpdateReload)}</button>
            </div>
            <nav class="tabs" role="tablist" aria-label=tr(K::Modes) on:keydown=move |ev| tab_keys(nav, ev)>
                {tab(Mode::Calculator, K::TabCalculator, "calculator")}
                {tab(Mode::FactCheck, K::TabFactCheck, "factcheck")}
                {tab(Mode::Expert, K::TabExpert, "expert")}
                {tab(Mode::Backtest, K::TabBacktest, "backtest")}
                {tab(Mode::Sources, K::Sources, "sources")}
            </nav>
        </header>
        <share::LinkNotices />
        <main>
            <div id="panel-calculator" role="tabpanel" aria-labelledby="tab-calculator" hidden=panel(Mode::Calculator)>
                <Calculator form=form />
            </div>
            <div id="panel-factcheck" role="tabpanel" aria-labelledby="tab-factcheck" class="layout-wide" hidden=panel(Mode::FactCheck)>
                {fact}
            </div>
            <div id="panel-expert" role="tabpanel" aria-labelledby="tab-expert" hidden=panel(Mode::Expert)>
                {expert_panel}
            </div>
            <div id="panel-backtest" role="tabpanel" aria-labelledby="tab-backtest" hidden=panel(Mode::Backtest)>
                {backtest_panel}
            </div>
            <div id="panel-sources" role="tabpanel" aria-labelledby="tab-sources" hidden=panel(Mode::Sources)>
                {sources_panel}
            </div>
        </main>
        <footer class="foot">
            <p>
                {tr(K::CreditLead)} " "
                <a href="https://epoch.ai/data/ai-models">"Notable AI Models"</a> ", "
                <a href="https://epoch.ai/data/machine-learning-hardware">"Machine Learning Hardware"</a> " "
                {tr(K::CreditTail)}
            </p>
            <p>{tr(K::Privacy)}</p>
        </footer>
    }
}
