//! The link decoder: any query string decodes without a panic, and what it decodes is stable:
//! decode(encode(decode(x))) = decode(x), with no notice the second time.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zettaflop_estimator::format::Locale;
use zettaflop_link::{decode, encode, Choice, Kind, Param};

/// Every kind of parameter the page has.
const PARAMS: [Param; 9] = [
    Param { key: "count", kind: Kind::Text },
    Param { key: "cl-duration", kind: Kind::Text },
    Param { key: "model", kind: Kind::Choice(Choice::Model) },
    Param { key: "x-model", kind: Kind::Choice(Choice::ArchModel) },
    Param { key: "hardware", kind: Kind::Choice(Choice::Hardware) },
    Param { key: "precision", kind: Kind::Choice(Choice::Precision) },
    Param { key: "cl-precision", kind: Kind::Choice(Choice::PrecisionOrAny) },
    Param { key: "count-unit", kind: Kind::Choice(Choice::CountUnit) },
    Param { key: "sparse", kind: Kind::Flag },
];

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    let (state, notices) = decode(&query, &PARAMS);
    for n in &notices {
        let _ = n.text(Locale::En);
        let _ = n.text(Locale::Fr);
        assert!(n.key.chars().count() <= 41);
    }
    let encoded = encode(&state);
    let (again, notices) = decode(&encoded, &PARAMS);
    assert!(notices.is_empty(), "{encoded:?} gave {notices:?}");
    assert_eq!(again, state, "{encoded:?}");
});
