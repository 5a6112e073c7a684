//! The page mounted in a real browser (wasm-bindgen-test, headless Chromium): typing changes the
//! result; garbage shows the field's message and keeps the last result.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, EventInit, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn doc() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn value_of(testid: &str) -> f64 {
    let el = doc()
        .query_selector(&format!("[data-testid={testid}]"))
        .unwrap()
        .expect(testid);
    el.get_attribute("data-value")
        .unwrap_or_default()
        .parse()
        .unwrap_or(f64::NAN)
}

async fn type_into(id: &str, text: &str) {
    let input: HtmlInputElement = doc().get_element_by_id(id).expect(id).dyn_into().unwrap();
    input.set_value(text);
    let init = EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn app_computes_and_keeps_the_last_result_on_bad_input() {
    leptos::mount::mount_to_body(zettaflop_web::App);
    leptos::task::tick().await;
    assert_eq!(value_of("result-gpus"), 128_000.0);
    assert_eq!(value_of("result-duration"), 164_062.5);

    type_into("in-count", "32k").await;
    assert_eq!(value_of("result-duration"), 328_125.0);

    type_into("in-count", "many").await;
    let err = doc()
        .get_element_by_id("in-count-error")
        .expect("error shown");
    assert!(!err.text_content().unwrap_or_default().is_empty());
    let results = doc()
        .query_selector("[data-testid=results]")
        .unwrap()
        .unwrap();
    assert_eq!(results.get_attribute("data-stale").as_deref(), Some("true"));
    assert_eq!(
        value_of("result-duration"),
        328_125.0,
        "last valid result kept"
    );
    let count: HtmlInputElement = doc()
        .get_element_by_id("in-count")
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(count.value(), "many", "what was typed is kept");

    // A value that parses but the estimator rejects: its message goes next to its own field.
    type_into("in-count", "64k").await;
    type_into("in-utilization", "150%").await;
    let err = doc()
        .get_element_by_id("in-utilization-error")
        .expect("estimator error next to utilization");
    assert!(
        err.text_content().unwrap_or_default() == "150%: at most 100\u{a0}%",
        "{:?}",
        err.text_content()
    );
    assert!(doc().get_element_by_id("in-count-error").is_none());
    type_into("in-utilization", "20%").await;
    assert_eq!(
        results.get_attribute("data-stale").as_deref(),
        Some("false")
    );
    assert_eq!(value_of("result-duration"), 328_125.0);
}

#[wasm_bindgen_test]
fn every_string_exists_in_both_languages() {
    use zettaflop_web::i18n::{fill, K};
    // The few words that are the same in both languages.
    let same = [K::Modes, K::Verdict, K::Sources];
    for &k in K::ALL {
        let (en, fr) = k.pair();
        assert!(
            !en.trim().is_empty() && !fr.trim().is_empty(),
            "{k:?} is empty"
        );
        assert!(
            en != fr || same.contains(&k),
            "{k:?} is not translated: {en}"
        );
        assert_eq!(
            en.matches("{}").count(),
            fr.matches("{}").count(),
            "{k:?}: placeholders differ"
        );
    }
    assert_eq!(
        fill("{} on {} GPUs", &["GPT-4", "128,000"]),
        "GPT-4 on 128,000 GPUs"
    );
}
