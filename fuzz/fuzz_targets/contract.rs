//! The JSON contract: any bytes read as a scenario, a claim or a performance job never panic,
//! and whatever parses gives a report without NaN or infinity, or a typed error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zettaflop_estimator::claim::{check, Claim};
use zettaflop_estimator::format::Locale;
use zettaflop_estimator::perf::Job;
use zettaflop_estimator::{estimate_in, Scenario};

/// Whether a value's `Debug` text holds a NaN or an infinity (outside string literals).
fn non_finite(debug: &str) -> bool {
    let mut outside = String::with_capacity(debug.len());
    let mut chars = debug.chars();
    while let Some(c) = chars.next() {
        if c == '"' {
            while let Some(c) = chars.next() {
                match c {
                    '\\' => {
                        chars.next();
                    }
                    '"' => break,
                    _ => {}
                }
            }
            outside.push(' ');
        } else {
            outside.push(c);
        }
    }
    outside
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|t| t == "NaN" || t == "inf")
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, json)) = data.split_first() else {
        return;
    };
    let l = if which & 0x80 == 0 { Locale::En } else { Locale::Fr };
    match which % 3 {
        0 => {
            if let Ok(s) = serde_json::from_slice::<Scenario>(json) {
                if let Ok(r) = estimate_in(&s, l) {
                    let d = format!("{r:?}");
                    assert!(!non_finite(&d), "{s:?} gave {d}");
                    assert!(serde_json::to_string(&r).is_ok());
                }
            }
        }
        1 => {
            if let Ok(c) = serde_json::from_slice::<Claim>(json) {
                if let Ok(r) = check(&c, l) {
                    let d = format!("{r:?}");
                    assert!(!non_finite(&d), "{c:?} gave {d}");
                }
            }
        }
        _ => {
            if let Ok(j) = serde_json::from_slice::<Job>(json) {
                if let Ok(p) = j.predict() {
                    let d = format!("{p:?}");
                    assert!(!non_finite(&d), "{j:?} gave {d}");
                }
                if let Ok(r) = j.search() {
                    let d = format!("{r:?}");
                    assert!(!non_finite(&d), "{j:?} gave {d}");
                }
            }
        }
    }
});
