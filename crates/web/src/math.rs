//! "Show the math": the report's steps and the sources they cite.

use leptos::prelude::*;
use zettaflop_estimator::{export, Report};

use crate::i18n::{lang, t, tr, K};
use crate::sources::{kind, source_link};

/// Source ids as links to their entries in the sources view, comma-separated.
fn cites(ids: &[String]) -> impl IntoView {
    ids.iter()
        .enumerate()
        .map(|(i, id)| view! { {(i > 0).then_some(", ")} {source_link(id)} })
        .collect_view()
}

/// The steps of the computation as a table.
#[component]
pub fn ShowMath(report: Memo<Option<Report>>) -> impl IntoView {
    let l = lang();
    let rows = move || {
        report.with(|r| {
            r.as_ref().map(|r| {
                r.steps
                    .iter()
                    .map(|s| {
                        let value = export::step_value(s, l.get());
                        view! {
                            <tr data-step=s.id.clone() data-value=s.value.to_string()>
                                <th scope="row">{s.quantity.clone()}</th>
                                <td><code>{s.formula.clone()}</code></td>
                                <td><code>{s.substitution.clone()}</code></td>
                                <td class="num">{value}</td>
                                <td>{cites(&s.sources)}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let sources = move || {
        report.with(|r| {
            r.as_ref().map(|r| {
                r.sources
                    .iter()
                    .map(|s| {
                        let link = (!s.url.is_empty()).then(|| view! { " " <a href=s.url.clone() rel="noopener noreferrer">{s.url.clone()}</a> });
                        view! { <li>{source_link(&s.id)} ": " {s.title.clone()} " (" {t(kind(&s.kind), l.get())} ", " {s.date.clone()} ")" {link}</li> }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <details class="math" data-testid="math">
            <summary>{tr(K::ShowMath)}</summary>
            <div class="table-wrap">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{tr(K::Quantity)}</th>
                            <th scope="col">{tr(K::Formula)}</th>
                            <th scope="col">{tr(K::WithNumbers)}</th>
                            <th scope="col">{tr(K::Value)}</th>
                            <th scope="col">{tr(K::Sources)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <h3>{tr(K::Sources)}</h3>
            <ul class="sources">{sources}</ul>
        </details>
    }
}
