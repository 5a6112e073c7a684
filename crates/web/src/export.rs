//! Export and print: the scenario and its report downloaded as CSV, JSON or Markdown (the text
//! is the estimator's: `export::csv`, the report itself, `export::markdown`), and the browser's
//! print dialog (the print stylesheet lays the results and the math out for paper).

use leptos::prelude::*;
use zettaflop_estimator::{export, Report};

use crate::download;
use crate::form::Form;
use crate::i18n::{lang, t, tr, K};

/// The report as the CLI's `estimate` prints it: the contract's report as pretty JSON, through
/// serde-wasm-bindgen and the browser's own `JSON.stringify` (cheaper in wasm than serde_json).
fn json(report: &Report) -> Option<String> {
    use serde::Serialize;
    let value = report
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .ok()?;
    let text = js_sys::JSON::stringify_with_replacer_and_space(
        &value,
        &wasm_bindgen::JsValue::NULL,
        &2.into(),
    )
    .ok()?;
    text.as_string().map(|s| s + "\n")
}

/// Download buttons for the current scenario and report, and a print button. They are
/// disabled while an input is invalid (the shown result is then stale).
#[component]
pub fn Export(
    form: Form,
    report: Memo<Option<Report>>,
    #[prop(into)] stale: Signal<bool>,
) -> impl IntoView {
    let l = lang();
    let save = move |ext: &'static str| {
        move |_| {
            let Ok(scenario) = form.scenario(l.get_untracked()) else {
                return;
            };
            report.with_untracked(|r| {
                let Some(r) = r else { return };
                let (mime, text) = match ext {
                    "csv" => ("text/csv", Some(export::csv(&scenario, r))),
                    "md" => (
                        "text/markdown",
                        Some(export::markdown(&scenario, r, l.get_untracked())),
                    ),
                    _ => ("application/json", json(r)),
                };
                let name = format!(
                    "zettaflop-{}-{}.{ext}",
                    form.model.get_untracked(),
                    form.hardware.get_untracked()
                );
                if let Some(text) = text {
                    let _ = download::text_blob(&text, &format!("{mime};charset=utf-8"))
                        .and_then(|b| download::offer(&b, &name));
                }
            });
        }
    };
    let button = move |ext: &'static str, k: K| {
        view! {
            <button type="button" data-testid=format!("export-{ext}") disabled=move || stale.get() on:click=save(ext)>
                {move || t(k, l.get())}
            </button>
        }
    };
    view! {
        <section class="export" aria-labelledby="export-title">
            <h2 id="export-title">{tr(K::ExportTitle)}</h2>
            <div class="export-buttons">
                {button("csv", K::ExportCsv)}
                {button("json", K::ExportJson)}
                {button("md", K::ExportMarkdown)}
                <button type="button" data-testid="print" on:click=move |_| { let _ = window().print(); }>
                    {tr(K::Print)}
                </button>
            </div>
        </section>
    }
}
