//! The page rendered to HTML at build time (native only): the same components as the wasm's
//! first render, with the default inputs, so that `dist/index.html` holds the default answer and
//! the page's first mount replaces it with identical markup (docs/page.md, "The answer in the
//! HTML"). Nothing reactive runs: effects are dropped, and the browser-only parts (the link, the
//! fragment, the screen width) are left out when not compiled for wasm32.

use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};
use leptos::prelude::*;

use crate::i18n::Locale;

thread_local! {
    /// The language prerendered, read as the browser's (`i18n::browser_locale`).
    pub(crate) static BROWSER: std::cell::Cell<&'static str> = const { std::cell::Cell::new("en") };
}

/// An executor that drops every task: effects never run at build time (they talk to the
/// browser).
struct Drop;

impl CustomExecutor for Drop {
    fn spawn(&self, _fut: PinnedFuture<()>) {}
    fn spawn_local(&self, _fut: PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

/// The whole page (header, tabs, calculator, footer) as HTML, in `locale`.
pub fn page_html(locale: Locale) -> String {
    // A second call finds the executor set: that is fine.
    let _ = Executor::init_custom_executor(Drop);
    BROWSER.set(if locale == Locale::Fr { "fr" } else { "en" });
    let owner = Owner::new();
    owner.with(|| crate::page(locale).into_view().to_html())
}
