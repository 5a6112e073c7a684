//! The library of published claims (`data/claims-library.csv`): every claim reads and is
//! checked in both languages, and the list of claims where the checker's verdict differs from
//! the library's careful reading is exactly the table of `docs/claims.md`, which explains each.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use zettaflop_estimator::claim::library::{check_all, library, parse_claim};
use zettaflop_estimator::claim::Verdict;
use zettaflop_estimator::format::Locale;

/// The file's scale has no "accurate": a figure it finds right is "plausible".
fn same(file: Verdict, checker: Verdict) -> bool {
    file == checker || (file == Verdict::Plausible && checker == Verdict::Accurate)
}

/// `| C01 | impossible | misleading | … |` rows of the differences table in docs/claims.md.
fn documented() -> BTreeMap<String, (String, String)> {
    let doc = include_str!("../../../docs/claims.md");
    let table = doc
        .split("<!-- differences -->")
        .nth(1)
        .expect("docs/claims.md has a <!-- differences --> table");
    table
        .lines()
        .filter(|l| l.starts_with("| C"))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            (
                cells[1].to_string(),
                (cells[2].to_string(), cells[3].to_string()),
            )
        })
        .collect()
}

#[test]
fn every_library_claim_reads_and_is_checked_in_both_languages() {
    let all = library().unwrap();
    assert_eq!(all.len(), 52);
    let en = check_all(Locale::En).unwrap();
    let fr = check_all(Locale::Fr).unwrap();
    for (e, f) in en.iter().zip(&fr) {
        let c = &e.claim;
        assert_eq!(e.verdict, f.verdict, "{}", c.id);
        assert!(!e.reason.is_empty() && e.reason != f.reason, "{}", c.id);
        assert!(c.url.starts_with("http"), "{}: {}", c.id, c.url);
        assert!(!c.quote.is_empty() && !c.outlet.is_empty(), "{}", c.id);
        assert_eq!(parse_claim(&c.claim_text).unwrap(), c.claim, "{}", c.id);
    }
    let kinds: std::collections::BTreeSet<&str> = all.iter().map(|c| c.kind.as_str()).collect();
    for k in [
        "training_time",
        "peak",
        "site_power",
        "budget",
        "gpu_hours",
        "comparison",
    ] {
        assert!(kinds.contains(k), "{k}");
    }
}

#[test]
fn the_differences_with_the_library_are_the_ones_docs_claims_md_explains() {
    let computed: BTreeMap<String, (String, String)> = check_all(Locale::En)
        .unwrap()
        .into_iter()
        .filter(|c| !same(c.claim.file_verdict, c.verdict))
        .map(|c| {
            let v = (
                c.claim.file_verdict.id().to_string(),
                c.verdict.id().to_string(),
            );
            (c.claim.id, v)
        })
        .collect();
    let listed: Vec<String> = computed
        .iter()
        .map(|(id, (f, v))| format!("| {id} | {f} | {v} |"))
        .collect();
    assert_eq!(
        computed,
        documented(),
        "the claims where the checker differs from the library (update docs/claims.md):\n{}",
        listed.join("\n")
    );
}

#[test]
fn a_bad_row_names_its_field() {
    let e = parse_claim("count=12 hardware=h100 wattage=5").unwrap_err();
    assert!(e.contains("wattage"), "{e}");
    let e = parse_claim("count=twelve").unwrap_err();
    assert!(e.starts_with("count:"), "{e}");
    let e = parse_claim("count 12").unwrap_err();
    assert!(e.contains("key=value"), "{e}");
}
