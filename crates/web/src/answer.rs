//! The answer first: the question in words, the answer with the figures a reader asks next
//! (GPUs, energy, cost), and the sentence to quote with its permalink, credit and Copy button.
//! Every number and sentence is the estimator's (`Report`, `quote`).

use leptos::prelude::*;
use zettaflop_estimator::answer::{self, Card};
use zettaflop_estimator::quote::Quote;
use zettaflop_estimator::{Report, Scenario};

use crate::form::FieldError;
use crate::i18n::{lang, t, tr, K};
use crate::share::{copy_text, Link};

/// The sentence to quote: the sentence, its credit and permalink, and a Copy button that copies
/// all three. While `stale`, the button is disabled (the sentence is the last valid one).
#[component]
pub fn QuoteBlock(
    #[prop(into)] quote: Signal<Option<Quote>>,
    #[prop(into)] stale: Signal<bool>,
) -> impl IntoView {
    let l = lang();
    let link = move || {
        quote.with(|q| {
            q.as_ref()
                .and_then(|q| q.query.as_deref().map(Link::permalink))
        })
    };
    let copied = RwSignal::new(None::<bool>);
    let copy = move |ev: leptos::ev::MouseEvent| {
        select_sentence(&ev);
        let text = quote.with_untracked(|q| {
            q.as_ref().map(|q| {
                let url = q.query.as_deref().map(Link::permalink).unwrap_or_default();
                format!("{} — {} {url}", q.text, q.credit)
                    .trim()
                    .to_string()
            })
        });
        if let Some(text) = text {
            copy_text(&text, copied);
        }
    };
    let status = move || match copied.get() {
        Some(true) => t(K::QuoteCopied, l.get()),
        Some(false) => t(K::QuoteSelect, l.get()),
        None => "",
    };
    view! {
        <figure class="quote" data-testid="quote" hidden=move || quote.with(Option::is_none)>
            <figcaption class="quote-title">{tr(K::QuoteTitle)}</figcaption>
            <blockquote data-testid="quote-text">
                <p>{move || quote.with(|q| q.as_ref().map(|q| q.text.clone()))}</p>
            </blockquote>
            <p class="quote-credit">
                <span data-testid="quote-credit">{move || quote.with(|q| q.as_ref().map(|q| q.credit.clone()))}</span>
                " · "
                <a data-testid="quote-link" href=link hidden=move || link().is_none()>{tr(K::Permalink)}</a>
            </p>
            <div class="quote-actions">
                <button type="button" data-testid="quote-copy" disabled=move || stale.get() on:click=copy>{tr(K::QuoteCopy)}</button>
                <span class="hint" role="status">{status}</span>
            </div>
        </figure>
    }
}

/// Selects the sentence of the quote whose button was pressed: what is copied is seen, and
/// where the clipboard is refused (a sandboxed frame, plain http) it is ready to copy by hand.
fn select_sentence(ev: &leptos::ev::MouseEvent) {
    use wasm_bindgen::JsCast;
    let sentence = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|b| b.closest("figure").ok().flatten())
        .and_then(|f| f.query_selector("blockquote").ok().flatten());
    if let (Some(el), Ok(Some(sel))) = (sentence, window().get_selection()) {
        let _ = sel.select_all_children(&el);
    }
}

/// The calculator's answer: the question in words, the duration with its range, GPUs, energy
/// and cost, and the sentence to quote. `last` is the last valid scenario and its report;
/// `problem` the current input error, said here when there is no valid result to show (a link
/// that opens on an invalid input), with a link to its field.
#[component]
pub fn Answer(
    last: Memo<Option<(Scenario, Report)>>,
    #[prop(into)] stale: Signal<bool>,
    #[prop(into)] problem: Signal<Option<FieldError>>,
) -> impl IntoView {
    let l = lang();
    let none_yet = move || last.with(Option::is_none);
    let note = move || tr(if none_yet() { K::NoResult } else { K::Stale })();
    let fix = move || {
        problem.get().filter(|_| none_yet()).map(|p| {
            view! { " " <a data-testid="stale-field" href=format!("#in-{}", p.field)>{p.message}</a> }
        })
    };
    // Every text of the card comes from one function, which the light module uses too.
    let card =
        Memo::new(move |_| last.with(|x| x.as_ref().map(|(s, r)| answer::card(s, r, l.get()))));
    let text =
        move |f: fn(&Card) -> &String| move || card.with(|c| c.as_ref().map(|c| f(c).clone()));
    let value = move |i: usize| move || card.with(|c| c.as_ref().map(|c| c.values[i].to_string()));
    let quote = Signal::derive(move || card.with(|c| c.as_ref().map(|c| c.quote.clone())));
    let stat = move |testid: &'static str, k: K, i: usize, f: fn(&Card) -> &String| {
        view! {
            <div class="key">
                <dt>{tr(k)}</dt>
                <dd data-testid=format!("answer-{testid}") data-value=value(i)>{text(f)}</dd>
            </div>
        }
    };
    view! {
        <section class="answer-card" data-testid="answer" data-stale=move || stale.get().to_string() aria-labelledby="answer-question">
            <h2 id="answer-question" class="question" data-testid="question">{text(|c| &c.question)}</h2>
            <p class="stale-note" data-testid="stale-note" hidden=move || !stale.get()>
                <span class="stale-icon" aria-hidden="true">"⚠"</span> {note} {fix}
            </p>
            <p class="headline">
                <span class="big" data-testid="result-duration" data-value=value(0)>{text(|c| &c.duration)}</span>
                <span class="range" data-testid="range-duration">{text(|c| &c.range)}</span>
                <span class="sub" data-testid="train-sentence">{text(|c| &c.train)}</span>
            </p>
            <dl class="keys">
                {stat("gpus", K::StatGpus, 1, |c| &c.gpus)}
                {stat("energy", K::StatEnergy, 2, |c| &c.energy)}
                {stat("cost", K::StatCost, 3, |c| &c.cost)}
            </dl>
            <QuoteBlock quote=quote stale=stale />
        </section>
    }
}
