//! `zettaflop catalog hardware|models|clusters|constants [--json]`, `zettaflop show ID` and the
//! back-test asset (`backtest --csv`), run as a user runs them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::{Command, Output};

use serde_json::Value;
use zettaflop_estimator::catalog;

fn zettaflop(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zettaflop"))
        .args(args)
        .output()
        .expect("run zettaflop")
}

fn stdout(args: &[&str]) -> String {
    let out = zettaflop(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&stdout(args)).expect("json")
}

/// A usage error: exit code 2, nothing on stdout, one line on stderr.
fn fails(args: &[&str]) -> String {
    let out = zettaflop(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty(), "{args:?}: stdout not empty");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{args:?}: one line: {err}");
    assert!(err.starts_with("zettaflop: "), "{err}");
    err
}

#[test]
fn each_table_lists_every_row_as_text_and_as_json() {
    let tables: [(&str, Vec<&str>); 4] = [
        (
            "hardware",
            catalog::ACCELERATORS.iter().map(|a| a.id).collect(),
        ),
        ("models", catalog::MODELS.iter().map(|m| m.id).collect()),
        ("clusters", catalog::CLUSTERS.iter().map(|c| c.id).collect()),
        (
            "constants",
            catalog::CONSTANTS.iter().map(|c| c.id).collect(),
        ),
    ];
    for (table, ids) in tables {
        let text = stdout(&["catalog", table]);
        let first_words: Vec<&str> = text
            .lines()
            .filter_map(|l| l.split_whitespace().next())
            .collect();
        assert_eq!(first_words[0], "id", "{table}: header first");
        for id in &ids {
            assert!(first_words.contains(id), "{table}: {id} missing:\n{text}");
        }
        assert!(text.contains("zettaflop show ID"), "{table}: footer");

        let rows = json(&["catalog", table, "--json"]);
        let rows = rows.as_array().expect("an array");
        let got: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
        assert_eq!(got, ids, "{table}: the JSON lists the same rows in order");
    }
    // JSON carries every field in SI units: the H100's dense BF16 peak in FLOP/s.
    let hw = json(&["catalog", "hardware", "--json"]);
    let h100 = hw.as_array().unwrap().iter().find(|r| r["id"] == "h100");
    assert_eq!(h100.unwrap()["peaks"]["bf16"], 989.4e12);
    // The readable table says it in TFLOP/s.
    let text = stdout(&["catalog", "hardware"]);
    let line = text.lines().find(|l| l.starts_with("h100 ")).unwrap();
    assert!(line.contains("989.4"), "{line}");
    assert!(stdout(&["catalog", "models"]).contains("Epoch AI"));
}

#[test]
fn a_table_that_does_not_exist_is_a_usage_error() {
    let err = fails(&["catalog", "chips"]);
    assert!(err.contains("`chips`") && err.contains("hardware"), "{err}");
}

#[test]
fn show_prints_every_field_of_a_chip_and_its_sources() {
    let text = stdout(&["show", "h100"]);
    assert!(text.starts_with("chip h100\n"), "{text}");
    let v = json(&["show", "h100", "--json"]);
    assert_eq!(v["kind"], "chip");
    let item = v["item"].as_object().unwrap();
    // Every field is printed, nested ones with their path.
    for (k, x) in item {
        let key = if x.is_object() {
            format!("  {k}.")
        } else {
            format!("  {k}")
        };
        assert!(text.contains(&key), "field {k} missing:\n{text}");
    }
    assert!(text.contains("peaks.bf16"), "{text}");
    // Every source cited by a `*sources` field is resolved, with its link.
    let sources = v["sources"].as_array().unwrap();
    for (k, x) in item.iter().filter(|(k, _)| k.ends_with("sources")) {
        for id in x.as_array().unwrap() {
            let s = sources.iter().find(|s| s["id"] == *id);
            let s = s.unwrap_or_else(|| panic!("{k}: {id} not resolved"));
            if s["id"] != "derived" {
                assert!(s["url"].as_str().unwrap().starts_with("https://"), "{s}");
            }
            assert!(text.contains(&format!("  {}: ", id.as_str().unwrap())));
        }
    }
    assert!(text.contains("<https://glennklockwood.com/"), "{text}");
}

#[test]
fn show_finds_models_clusters_constants_sources_and_epoch_rows() {
    let model = stdout(&["show", "llama-3.1-405b"]);
    assert!(model.starts_with("model llama-3.1-405b\n"), "{model}");
    assert!(model.contains("run.hardware") && model.contains("h100"));
    assert!(model.contains("llama3-paper: "), "{model}");

    let cluster = json(&["show", "stargate-abilene", "--json"]);
    assert_eq!(cluster["kind"], "cluster");
    assert_eq!(cluster["item"]["gpus"], 450_000.0);
    assert!(!cluster["sources"].as_array().unwrap().is_empty());

    let constant = stdout(&["show", "pue_default"]);
    assert!(constant.starts_with("constant pue_default\n"));
    assert!(constant.contains("value") && constant.contains("1.2"));

    let source = json(&["show", "klockwood-h100", "--json"]);
    assert_eq!(source["kind"], "source");
    assert_eq!(
        source["item"]["url"],
        "https://glennklockwood.com/garden/processors/h100"
    );
    let cited_by: Vec<&str> = source["cited_by"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    assert!(cited_by.contains(&"h100 (peak_sources)"), "{cited_by:?}");

    // Epoch AI's rows are found too, with the credit their licence asks for.
    let epoch = zettaflop_estimator::epoch::EPOCH_HARDWARE[0].id;
    let text = stdout(&["show", epoch]);
    assert!(text.starts_with(&format!("epoch chip {epoch}\n")), "{text}");
    assert!(text.contains("Epoch AI") && text.contains("https://epoch.ai/data/"));
}

#[test]
fn show_an_unknown_id_exits_2_with_one_line() {
    let err = fails(&["show", "h1000"]);
    assert!(err.contains("`h1000`"), "{err}");
    let err = fails(&["show"]);
    assert!(err.contains("show"), "{err}");
}

/// The fields of a CSV record (quotes and doubled quotes; no newline inside a field).
fn csv_record(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                out.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(String::new()),
            (c, _) => out.last_mut().unwrap().push(c),
        }
    }
    out
}

#[test]
fn the_backtest_asset_gives_every_reason_in_english_and_french() {
    let text = stdout(&["backtest", "--csv"]);
    let mut lines = text.lines();
    let header = csv_record(lines.next().unwrap());
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (verdict, reason, reason_fr) = (col("verdict"), col("reason"), col("reason_fr"));
    let rows: Vec<Vec<String>> = lines.map(csv_record).collect();
    assert!(rows.len() > 250);
    let mut impossible = 0;
    for r in &rows {
        assert_eq!(r.len(), header.len(), "{r:?}");
        assert_eq!(r[reason].is_empty(), r[reason_fr].is_empty(), "{r:?}");
        assert_eq!(r[verdict] == "plausible", r[reason].is_empty(), "{r:?}");
        if r[verdict] == "impossible" {
            impossible += 1;
            assert!(r[reason].starts_with("implies "), "{}", r[reason]);
            assert!(r[reason_fr].starts_with("implique "), "{}", r[reason_fr]);
        }
    }
    assert!(impossible > 10);
    let fr = stdout(&["backtest", "--fr"]);
    assert!(fr.contains("implique"), "French reasons");
}
