//! "Show the math": the report's steps and the sources they cite.

use leptos::prelude::*;
use zettaflop_estimator::format::{self as fmt, Locale};
use zettaflop_estimator::Report;

/// The steps of the computation as a table.
#[component]
pub fn ShowMath(report: Memo<Option<Report>>) -> impl IntoView {
    let rows = move || {
        report.with(|r| {
            r.as_ref().map(|r| {
                r.steps
                    .iter()
                    .map(|s| {
                        let value = if s.unit == "1" {
                            fmt::percent(s.value, Locale::En)
                        } else {
                            fmt::si(s.value, &s.unit, Locale::En)
                        };
                        view! {
                            <tr>
                                <th scope="row">{s.quantity.clone()}</th>
                                <td><code>{s.formula.clone()}</code></td>
                                <td><code>{s.substitution.clone()}</code></td>
                                <td class="num">{value}</td>
                                <td>{s.sources.join(", ")}</td>
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
                        view! { <li id=format!("src-{}", s.id)><b>{s.id.clone()}</b> ": " {s.title.clone()} " (" {s.kind.clone()} ", " {s.date.clone()} ")" {link}</li> }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <details class="math" data-testid="math">
            <summary>"Show the math"</summary>
            <div class="table-wrap">
                <table>
                    <thead>
                        <tr><th scope="col">"Quantity"</th><th scope="col">"Formula"</th><th scope="col">"With the numbers"</th><th scope="col">"Value"</th><th scope="col">"Sources"</th></tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <h3>"Sources"</h3>
            <ul class="sources">{sources}</ul>
        </details>
    }
}
