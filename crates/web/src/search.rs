//! The catalog search: one field whose suggestions are every model, chip and cluster of the
//! catalog; picking one fills the calculator (a model, a chip, or a cluster's chip and count).

use leptos::prelude::*;
use zettaflop_estimator::catalog;
use zettaflop_estimator::names::name_in;

use crate::form::Form;
use crate::i18n::{lang, t, tr, K};
use crate::svg::Markup;

/// What a suggestion picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pick {
    Model(&'static str),
    Chip(&'static str),
    Cluster(&'static str),
}

/// Every suggestion, as shown in `l`, with what it picks.
fn suggestions(l: crate::i18n::Locale) -> Vec<(String, Pick)> {
    let models = catalog::MODELS.iter().map(|m| {
        (
            format!("{} — {}", name_in(m.name, l), t(K::SearchModel, l)),
            Pick::Model(m.id),
        )
    });
    let chips = catalog::ACCELERATORS.iter().map(|a| {
        (
            format!("{} — {}", name_in(a.name, l), t(K::SearchChip, l)),
            Pick::Chip(a.id),
        )
    });
    let clusters = catalog::CLUSTERS
        .iter()
        .filter(|c| c.hardware.is_some() && c.gpus.is_some())
        .map(|c| {
            (
                format!("{} — {}", name_in(c.name, l), t(K::SearchCluster, l)),
                Pick::Cluster(c.id),
            )
        });
    models.chain(chips).chain(clusters).collect()
}

/// The search field.
#[component]
pub fn CatalogSearch(form: Form) -> impl IntoView {
    let l = lang();
    let text = RwSignal::new(String::new());
    // The suggestions as markup: one `view!` per option would be built one by one at mount.
    let options = move || {
        let mut m = Markup::default();
        for (label, _) in suggestions(l.get()) {
            m.wrap(r#"<option value=""#, &label, r#""></option>"#);
        }
        m.0
    };
    // A pick happens when the text is exactly a suggestion (chosen from the list, or typed).
    let pick = move |value: String| {
        let found = suggestions(l.get_untracked())
            .into_iter()
            .find(|(label, _)| *label == value)
            .map(|(_, p)| p);
        match found {
            Some(Pick::Model(id)) => form.model.set(id.into()),
            Some(Pick::Chip(id)) => form.choose_hardware(id.into()),
            Some(Pick::Cluster(id)) => form.choose_cluster(id),
            None => {}
        }
        text.set(value);
    };
    view! {
        <div class="field">
            <label for="in-search">{tr(K::Search)}</label>
            <input
                id="in-search"
                type="search"
                list="catalog-list"
                autocomplete="off"
                prop:value=move || text.get()
                on:input=move |ev| pick(event_target_value(&ev))
                aria-describedby="in-search-hint"
            />
            <small class="hint" id="in-search-hint">{tr(K::SearchHint)}</small>
            <datalist id="catalog-list" inner_html=options></datalist>
        </div>
    }
}
