//! Property tests of the link decoder: it never panics, what it decodes encodes back to the same
//! state, and decoding is stable (decode ∘ encode ∘ decode = decode).

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use zettaflop_estimator::format::Locale;
use zettaflop_link::{decode, encode, Choice, Kind, Param, State, MAX_VALUE, MODES};

const PARAMS: [Param; 6] = [
    Param {
        key: "count",
        kind: Kind::Text,
    },
    Param {
        key: "model",
        kind: Kind::Choice(Choice::Model),
    },
    Param {
        key: "hardware",
        kind: Kind::Choice(Choice::Hardware),
    },
    Param {
        key: "sparse",
        kind: Kind::Flag,
    },
    Param {
        key: "x-layout",
        kind: Kind::Choice(Choice::Among(&["auto", "manual"])),
    },
    Param {
        key: "cl-precision",
        kind: Kind::Choice(Choice::PrecisionOrAny),
    },
];

/// A valid state: values in parameter order, each acceptable.
fn state() -> impl Strategy<Value = State> {
    let text = proptest::option::of("[^\\p{Cc}]{0,60}");
    let model = proptest::option::of(prop_oneof![
        Just("gpt-4"),
        Just("custom-flop"),
        Just("llama-3.1-405b")
    ]);
    let hardware = proptest::option::of(prop_oneof![Just("h100"), Just("gb200"), Just("v100")]);
    let sparse = proptest::option::of(any::<bool>());
    let layout = proptest::option::of(prop_oneof![Just("auto"), Just("manual")]);
    let precision = proptest::option::of(prop_oneof![Just(""), Just("fp8")]);
    let mode = proptest::option::of(proptest::sample::select(MODES.to_vec()));
    let locale = proptest::option::of(prop_oneof![Just(Locale::En), Just(Locale::Fr)]);
    (
        text,
        model,
        hardware,
        sparse,
        layout,
        precision,
        mode,
        locale,
        any::<bool>(),
    )
        .prop_map(|(t, m, h, s, x, p, mode, locale, embed)| {
            let mut values: Vec<(&'static str, String)> = Vec::new();
            if let Some(t) = t {
                values.push(("count", t));
            }
            if let Some(m) = m {
                values.push(("model", m.into()));
            }
            if let Some(h) = h {
                values.push(("hardware", h.into()));
            }
            if let Some(s) = s {
                values.push(("sparse", if s { "1" } else { "0" }.into()));
            }
            if let Some(x) = x {
                values.push(("x-layout", x.into()));
            }
            if let Some(p) = p {
                values.push(("cl-precision", p.into()));
            }
            State {
                mode,
                locale,
                embed,
                values,
            }
        })
}

proptest! {
    #[test]
    fn valid_states_round_trip(s in state()) {
        let q = encode(&s);
        let (back, notices) = decode(&q, &PARAMS);
        prop_assert!(notices.is_empty(), "{:?}", notices);
        prop_assert_eq!(back, s);
    }

    #[test]
    fn decoding_is_stable(q in "[a-z%0-9A-F=&+<>\"'-]{0,120}|\\PC{0,80}") {
        let (s, _) = decode(&q, &PARAMS);
        let (again, notices) = decode(&encode(&s), &PARAMS);
        prop_assert!(notices.is_empty(), "{:?}", notices);
        prop_assert_eq!(again, s);
    }

    #[test]
    fn notices_are_short_text(q in "\\PC{0,300}") {
        let (_, notices) = decode(&q, &PARAMS);
        for n in notices {
            prop_assert!(n.key.chars().count() <= 41);
            prop_assert!(!n.text(Locale::Fr).chars().any(char::is_control));
        }
    }
}

#[test]
fn long_text_is_refused_whole() {
    let q = format!("count={}", "9".repeat(MAX_VALUE + 1));
    let (s, n) = decode(&q, &PARAMS);
    assert_eq!(s, State::default());
    assert_eq!(n.len(), 1);
}
