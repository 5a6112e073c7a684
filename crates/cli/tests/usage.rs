//! The command line itself: help on every command, one `--lang` for all, `--json` on every
//! table, and the documented exit codes (0, 1, 2).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs::File;
use std::process::{Command, Stdio};

use common::zettaflop;

const COMMANDS: &[&str] = &[
    "estimate",
    "sweep",
    "optimal",
    "check",
    "claims",
    "predict",
    "search",
    "calibrate",
    "catalog",
    "show",
    "backtest",
    "schema",
];

const SCENARIO: &str = r#"{"workload": "gpt-4", "hardware": "h100", "count": 1000}"#;

fn text(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("utf-8")
}

#[test]
fn the_overview_lists_every_command_and_the_exit_codes() {
    let out = zettaflop(&["--help"], "");
    assert_eq!(out.status.code(), Some(0));
    let help = text(&out);
    for c in COMMANDS {
        assert!(
            help.contains(&format!("zettaflop {c}")),
            "{c} missing:\n{help}"
        );
    }
    for code in [
        "0  success",
        "1  the output could not be written",
        "2  bad input",
    ] {
        assert!(help.contains(code), "{code}");
    }
}

#[test]
fn every_command_has_its_own_help_with_its_options() {
    for c in COMMANDS {
        for args in [vec![*c, "--help"], vec![*c, "-h"], vec!["help", *c]] {
            let out = zettaflop(&args, "");
            assert_eq!(out.status.code(), Some(0), "{args:?}");
            let help = text(&out);
            assert!(
                help.starts_with(&format!("USAGE:\n    zettaflop {c}")),
                "{args:?}: {help}"
            );
            assert!(
                help.contains("--lang en|fr") && help.contains("EXIT CODES"),
                "{help}"
            );
        }
    }
    // The help comes before the input is read: `estimate --help` does not wait for stdin.
    assert!(text(&zettaflop(&["estimate", "-", "--help"], "")).contains("--format"));
    assert_eq!(
        zettaflop(&["help", "frobnicate"], "").status.code(),
        Some(2)
    );
}

#[test]
fn lang_is_one_option_for_all_and_fr_its_short_form() {
    let fr = text(&zettaflop(&["claims", "--lang", "fr"], ""));
    assert!(fr.contains("trompeur"), "{fr}");
    assert_eq!(fr, text(&zettaflop(&["claims", "--fr"], "")));
    assert_eq!(fr, text(&zettaflop(&["claims", "--lang=fr"], "")));
    assert!(text(&zettaflop(&["claims"], "")).contains("misleading"));
    // The check of one claim speaks French too (it had no --fr before).
    let claim = r#"{"workload": "gpt-4", "duration_s": 43200, "count": 64000,
                    "count_unit": "package", "hardware": "gb200"}"#;
    let out = zettaflop(&["check", "-", "--lang", "fr"], claim);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(v["reason"].as_str().unwrap().contains("pic"), "{v}");
    for args in [&["claims", "--lang", "de"][..], &["claims", "--lang"][..]] {
        let out = zettaflop(args, "");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("--lang") && err.contains("en"), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

#[test]
fn every_table_takes_json() {
    for args in [
        &["catalog", "--json"][..],
        &["catalog", "hardware", "--json"],
        &["catalog", "models", "--json"],
        &["catalog", "clusters", "--json"],
        &["catalog", "constants", "--json"],
        &["catalog", "epoch", "--json"],
        &["show", "h100", "--json"],
        &["claims", "--json"],
        &["backtest", "--json"],
        &["calibrate", "--json"],
    ] {
        let out = zettaflop(args, "");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{args:?}: not JSON: {e}"));
        assert!(v.is_array() || v.is_object(), "{args:?}");
    }
    // `catalog epoch` is the same asset with or without --json.
    assert_eq!(
        zettaflop(&["catalog", "epoch"], "").stdout,
        zettaflop(&["catalog", "epoch", "--json"], "").stdout
    );
    // The sweep as JSON carries the same numbers as its CSV.
    let json = zettaflop(&["sweep", "-", "1000", "2000", "--json"], SCENARIO);
    let points: Vec<serde_json::Value> = serde_json::from_slice(&json.stdout).expect("json");
    let csv = text(&zettaflop(&["sweep", "-", "1000", "2000"], SCENARIO));
    assert_eq!(points.len(), 2);
    for (p, line) in points.iter().zip(csv.lines().skip(1)) {
        let duration: f64 = line.split(',').nth(4).unwrap().parse().unwrap();
        assert_eq!(p["duration_s"].as_f64(), Some(duration));
    }
    // The claims' JSON carries each claim's verdict as the text does.
    let claims: Vec<serde_json::Value> =
        serde_json::from_slice(&zettaflop(&["claims", "--json"], "").stdout).unwrap();
    assert_eq!(claims[0]["id"], "stargate-peak");
    assert_eq!(claims[0]["report"]["verdict"], "misleading");
}

#[test]
fn exit_2_for_usage_with_one_line() {
    for (args, want) in [
        (&[][..], "no command"),
        (&["frobnicate"], "unknown command `frobnicate`"),
        (
            &["catalog", "epoch", "--csv"],
            "unexpected argument `--csv`",
        ),
        (
            &["catalog", "hardware", "models"],
            "unexpected argument `models`",
        ),
        (&["backtest", "--csv", "--json"], "choose one"),
        (&["show"], "give an id"),
        (&["predict"], "give a job FILE"),
        (&["claims", "-x"], "unexpected argument `-x`"),
    ] {
        let out = zettaflop(args, "");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.starts_with("zettaflop: ") && err.contains(want),
            "{args:?}: {err}"
        );
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn exit_1_when_the_output_cannot_be_written() {
    // /dev/full refuses every write (ENOSPC): the answer was computed but could not be given.
    let Ok(full) = File::options().write(true).open("/dev/full") else {
        return; // not on Linux: nothing to check here
    };
    let out = Command::new(env!("CARGO_BIN_EXE_zettaflop"))
        .args(["catalog", "hardware"])
        .stdout(Stdio::from(full))
        .stderr(Stdio::piped())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("output"), "{err}");
}
