//! Labelled inputs with their message beside them.

use leptos::prelude::*;

/// A text input bound to `value`; `error` is shown next to it and marks it invalid.
#[component]
pub fn TextField(
    /// Input name: the id is `in-<name>`.
    name: &'static str,
    /// Visible label.
    #[prop(into)]
    label: Signal<&'static str>,
    /// Examples of accepted input.
    #[prop(into)]
    hint: Signal<&'static str>,
    /// The text typed (never rewritten by the page).
    value: RwSignal<String>,
    /// The message for this field, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Placeholder when empty.
    #[prop(optional, into)]
    placeholder: Signal<String>,
) -> impl IntoView {
    let id = format!("in-{name}");
    let err_id = format!("in-{name}-error");
    let hint_id = format!("in-{name}-hint");
    let described = {
        let (e, h) = (err_id.clone(), hint_id.clone());
        move || {
            if error.with(Option::is_some) {
                format!("{h} {e}")
            } else {
                h.clone()
            }
        }
    };
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{move || label.get()}</label>
            <input
                id=id
                type="text"
                autocomplete="off"
                spellcheck="false"
                placeholder=move || placeholder.get()
                value=value.get_untracked()
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=described
            />
            <small class="hint" id=hint_id>{move || hint.get()}</small>
            {move || error.get().map(|e| view! { <p class="error" id=err_id.clone() role="alert">{e}</p> })}
        </div>
    }
}

/// A select bound to `value`; `on_pick` decides what choosing does (default: set the value).
#[component]
pub fn SelectField(
    /// Input name: the id is `in-<name>`.
    name: &'static str,
    /// Visible label.
    #[prop(into)]
    label: Signal<&'static str>,
    /// The chosen id.
    value: RwSignal<String>,
    /// `(id, label)` pairs.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    /// The message for this field, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// What to do with a choice.
    #[prop(optional, into)]
    on_pick: Option<Callback<String>>,
) -> impl IntoView {
    let id = format!("in-{name}");
    let err_id = format!("in-{name}-error");
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{move || label.get()}</label>
            <select
                id=id
                aria-invalid=move || error.with(Option::is_some).to_string()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    match on_pick {
                        Some(cb) => cb.run(v),
                        None => value.set(v),
                    }
                }
                prop:value=move || value.get()
            >
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(id, text)| {
                            let selected = value.get() == id;
                            view! { <option value=id selected=selected>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
            {move || error.get().map(|e| view! { <p class="error" id=err_id.clone() role="alert">{e}</p> })}
        </div>
    }
}

/// A checkbox bound to `value`.
#[component]
pub fn CheckField(
    /// Input name: the id is `in-<name>`.
    name: &'static str,
    /// Visible label.
    #[prop(into)]
    label: Signal<&'static str>,
    /// Checked or not.
    value: RwSignal<bool>,
    /// Whether it can be ticked at all.
    #[prop(into)]
    enabled: Signal<bool>,
    /// The message for this field, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let id = format!("in-{name}");
    let err_id = format!("in-{name}-error");
    view! {
        <div class="field check">
            <input
                id=id.clone()
                type="checkbox"
                checked=value.get_untracked()
                prop:checked=move || value.get()
                disabled=move || !enabled.get()
                on:change=move |ev| value.set(event_target_checked(&ev))
            />
            <label for=id>{move || label.get()}</label>
            {move || error.get().map(|e| view! { <p class="error" id=err_id.clone() role="alert">{e}</p> })}
        </div>
    }
}
