//! `zettaflop estimate --format csv|md|json [--fr]`: the page's downloads on the command line.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::zettaflop;

const SCENARIO: &str = r#"{"workload": "gpt-4", "hardware": "gb200", "count": 64000,
    "count_unit": "package", "utilization": 0.4, "claimed_duration_s": 43200}"#;

fn stdout(args: &[&str]) -> String {
    let out = zettaflop(args, SCENARIO);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn csv_and_markdown_carry_the_headline_figures() {
    let csv = stdout(&["estimate", "-", "--format", "csv"]);
    assert!(csv.starts_with("section,key,value,unit,note\n"));
    assert!(csv.contains("\nresult,duration_s,164062.5,s,\n"));
    assert!(csv.contains("\nresult,implied_utilization,1.519097222222222,1,\n"));
    assert!(csv.contains("\nwarning,claim_impossible,"));
    let md = stdout(&["estimate", "--format", "md", "-"]);
    assert!(md.contains("| Duration | 1 d 21.6 h"));
    let fr = stdout(&["estimate", "-", "--format", "md", "--fr"]);
    assert!(fr.contains("| Durée | 1 j 21,6 h"));
}

#[test]
fn json_is_the_default_and_the_same_report() {
    let default: serde_json::Value = serde_json::from_str(&stdout(&["estimate", "-"])).unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&["estimate", "-", "--format", "json"])).unwrap();
    assert_eq!(default, json);
    assert_eq!(json["duration_s"], 164_062.5);
}

#[test]
fn a_bad_format_or_argument_is_exit_2_with_one_line() {
    for (args, want) in [
        (
            &["estimate", "-", "--format", "xml"][..],
            "--format xml: allowed: json, csv, md",
        ),
        (
            &["estimate", "-", "--format"][..],
            "--format needs json, csv or md",
        ),
        (
            &["estimate", "-", "--csv"][..],
            "unexpected argument `--csv`",
        ),
        (
            &["estimate", "--format", "csv"][..],
            "give a scenario FILE, or - for stdin",
        ),
    ] {
        // No input: the usage error comes before stdin is read (a write could hit a closed pipe).
        let out = zettaflop(args, "");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(want), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(out.stdout.is_empty());
    }
}
