//! `zettaflop`: the estimator's JSON contract on the command line. Glue only: parsing of
//! arguments, reading of files, printing; every number comes from `zettaflop-estimator`.

mod catalog;
mod optimal;

use std::io::{Read, Write};
use std::process::ExitCode;

use zettaflop_estimator::backtest::{self, BacktestRow, Verdict};
use zettaflop_estimator::catalog as data;
use zettaflop_estimator::claim::{check, Claim};
use zettaflop_estimator::format::Locale;
use zettaflop_estimator::perf::{calibration, Job};
use zettaflop_estimator::{
    contract::CatalogIds, default_counts, epoch, estimate_in, export, schema, sweep, Scenario,
};

const HELP: &str = "\
zettaflop — what it takes to train a model on a cluster (time, GPUs, power, energy, CO2, cost)

USAGE:
    zettaflop estimate FILE|- [--format json|csv|md] [--fr]
                                  read a scenario (JSON) from FILE or stdin, print the report
                                  (JSON), or the scenario and report as CSV or Markdown (the
                                  page's downloads); --fr: sentences and Markdown in French
    zettaflop sweep FILE|- [COUNT...]
                                  read a scenario (its count may be absent), print CSV: a
                                  header, then one row per count (in the scenario's count_unit;
                                  default 1024, 2048, … 1048576): gpus, count, the ideal duration
                                  (100 % of peak, no interruptions), the duration at the
                                  utilization, the wall clock with interruptions, its energy
                                  and cost, the utilization used
{optimal}    zettaflop check FILE|-        read a claim (JSON), print its readings and verdict (JSON)
    zettaflop claims [--fr]       the article's claims, each with its verdict and reason
    zettaflop predict FILE|-      read a performance job (JSON), print the predicted iteration:
                                  iteration_s, mfu, hfu, achieved_flop_per_s_per_gpu, tokens_per_s,
                                  the time breakdown, memory per GPU and the layout used
    zettaflop search FILE|-       read a job without a layout, print the best layout with its
                                  prediction, the runners-up, why the best wins, and how many
                                  layouts were evaluated and rejected (by reason)
    zettaflop calibrate           print the calibration table (markdown): the performance model
                                  against published Megatron-LM runs (docs/calibration.md)
    zettaflop catalog [--json]    list the hardware and model preset ids
    zettaflop catalog hardware|models|clusters|constants [--json]
                                  one table of the core catalog, readable (the main columns) or
                                  as JSON (every field, SI units)
    zettaflop catalog epoch       print Epoch AI's full tables (chips, notable models) as JSON
    zettaflop show ID [--json]    every field of a chip, model, cluster, constant, source (or an
                                  Epoch AI chip or model) with the sources it cites; for a
                                  source, the rows that cite it
    zettaflop backtest [--fr] [--csv|--json]
                                  every run with compute, hardware, count and time: the
                                  utilization it implies vs the chip's dense peak, the reported
                                  MFU, and a verdict (over 100 % = the figures cannot all be
                                  right); --csv is the page's asset (reasons in English and, in
                                  `reason_fr`, French); --fr writes the reasons in French
    zettaflop schema [NAME]       the JSON Schema (draft-07) of a document of the contract:
                                  scenario, report, claim, check-report, job, prediction,
                                  search-result, catalog-ids, error; no NAME: all in one
    zettaflop --help | --version

The scenario and report formats are documented in the README (\"The JSON contract\").

A performance job:
    {\"model\": \"llama-3.1-405b\" | {\"layers\", \"hidden\", \"heads\", \"kv_heads\"?, \"ffn\",
               \"seq_len\", \"vocab\", \"experts\"?, \"active_experts\"?,
               \"mlp\"?: \"swiglu\"|\"gelu\"|\"geglu\"|\"relu\"|\"squared-relu\"},
     \"hardware\": \"h100\", \"gpus\": 16384, \"global_batch\": 2048 (sequences),
     \"precision\"?: \"bf16\", \"software\"?: {\"attention\": \"flash\"|\"unfused\", \"comm_overlap\": true},
     \"layout\": \"auto\" | {\"tp\", \"pp\", \"dp\"?, \"cp\"?, \"ep\"?, \"micro_batch\", \"interleave\"?,
                \"recompute\"?: \"none\"|\"selective\"|\"full\", \"sequence_parallel\"?,
                \"distributed_optimizer\"?},
     \"fixed\"?: {any layout field the search must keep}}

EXIT CODES:
    0  success
    2  bad input or usage: one line on stderr naming the field, e.g.
       `zettaflop: utilization: 1.5 is out of range; allowed: 0.001 ≤ x ≤ 1`;
       an unknown id for `show`
";

/// A failure to report on stderr with exit code 2.
pub(crate) struct Failure(pub(crate) String);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            if stdout
                .write_all(out.as_bytes())
                .and_then(|_| stdout.flush())
                .is_err()
            {
                return ExitCode::from(1);
            }
            ExitCode::SUCCESS
        }
        Err(Failure(msg)) => {
            eprintln!("zettaflop: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<String, Failure> {
    let strs: Vec<&str> = args.iter().map(String::as_str).collect();
    match strs.as_slice() {
        [] => Err(Failure("no command; try `zettaflop --help`".into())),
        ["--help" | "-h" | "help", ..] => Ok(HELP.replace("{optimal}", optimal::HELP)),
        ["--version" | "-V"] => Ok(format!("zettaflop {}\n", env!("CARGO_PKG_VERSION"))),
        ["estimate", rest @ ..] => estimate_cmd(rest),
        ["optimal", rest @ ..] => optimal::run(rest),
        ["sweep", path, counts @ ..] => sweep_csv(path, counts),
        ["sweep"] => Err(Failure(
            "sweep: give a scenario FILE, or - for stdin".into(),
        )),
        ["check", path] => {
            let text = read_input(path)?;
            let claim: Claim = parse_json(&text, "claim")?;
            let report = check(&claim, Locale::En).map_err(|e| Failure(e.to_string()))?;
            to_json(&report)
        }
        ["check"] => Err(Failure("check: give a claim FILE, or - for stdin".into())),
        ["claims"] => claims_text(Locale::En),
        ["claims", "--fr"] => claims_text(Locale::Fr),
        ["predict", path] => {
            let job: Job = parse_json(&read_input(path)?, "job")?;
            let p = job.predict().map_err(|e| Failure(e.to_string()))?;
            to_json(&p)
        }
        ["search", path] => {
            let job: Job = parse_json(&read_input(path)?, "job")?;
            let r = job.search().map_err(|e| Failure(e.to_string()))?;
            to_json(&r)
        }
        ["predict" | "search"] => Err(Failure(format!(
            "{}: give a job FILE, or - for stdin",
            strs[0]
        ))),
        ["calibrate"] => {
            let rows = calibration::compare_all().map_err(|e| Failure(e.to_string()))?;
            Ok(calibration::markdown(&rows))
        }
        ["catalog"] => Ok(catalog_text()),
        ["catalog", "--json"] => to_json(&CatalogIds::new()),
        ["catalog", "epoch"] => to_json(&EpochTables::new()),
        ["catalog", table] | ["catalog", table, "--json"] => {
            let t = catalog::Table::parse(table).ok_or_else(|| {
                Failure(format!(
                    "catalog: unknown table `{table}`; allowed: hardware, models, clusters, constants (or `catalog epoch`)"
                ))
            })?;
            if strs.len() == 3 {
                catalog::table_json(t)
            } else {
                Ok(catalog::table_text(t))
            }
        }
        ["show", id] => catalog::show(id, false),
        ["show", id, "--json"] | ["show", "--json", id] => catalog::show(id, true),
        ["show"] => Err(Failure(
            "show: give an id, e.g. `zettaflop show h100`".into(),
        )),
        ["backtest"] => Ok(backtest_text(&backtest::backtest())),
        ["backtest", "--fr"] => Ok(backtest_text(&backtest::backtest_in(Locale::Fr))),
        ["backtest", "--csv"] => Ok(backtest::asset::write(
            &backtest::backtest(),
            &backtest::backtest_in(Locale::Fr),
        )),
        ["backtest", "--json"] => to_json(&backtest::backtest()),
        ["backtest", "--fr", "--json"] | ["backtest", "--json", "--fr"] => {
            to_json(&backtest::backtest_in(Locale::Fr))
        }
        ["schema"] => schema_json(schema::bundle()),
        ["schema", name] => {
            let root = schema::Root::from_id(name).ok_or_else(|| {
                let names: Vec<&str> = schema::Root::ALL.iter().map(|r| r.id()).collect();
                Failure(format!(
                    "schema: unknown document `{name}`; allowed: {}",
                    names.join(", ")
                ))
            })?;
            schema_json(schema::root(root))
        }
        _ => Err(Failure(format!(
            "unknown command or arguments `{}`; try `zettaflop --help`",
            strs.join(" ")
        ))),
    }
}

fn schema_json(s: Result<serde_json::Value, String>) -> Result<String, Failure> {
    to_json(&s.map_err(Failure)?)
}

/// `zettaflop sweep`: the scenario (a missing `count` is filled in, the sweep ignores it) at
/// each count, as CSV.
fn sweep_csv(path: &str, counts: &[&str]) -> Result<String, Failure> {
    let text = read_input(path)?;
    let mut value: serde_json::Value = parse_json(&text, "scenario")?;
    if let Some(obj) = value.as_object_mut() {
        obj.entry("count").or_insert(serde_json::json!(1));
    }
    let scenario: Scenario = parse_json(&value.to_string(), "scenario")?;
    let counts = if counts.is_empty() {
        default_counts()
    } else {
        counts
            .iter()
            .map(|c| {
                c.parse::<f64>().map_err(|_| {
                    Failure(format!(
                        "count: `{c}` is not a number; give whole counts, e.g. 1024 2048"
                    ))
                })
            })
            .collect::<Result<Vec<_>, _>>()?
    };
    let points = sweep(&scenario, &counts).map_err(|e| Failure(e.to_string()))?;
    let mut out = String::from(
        "gpus,count,ideal_duration_s,compute_duration_s,duration_s,energy_j,cost_usd,utilization\n",
    );
    for p in points {
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{}\n",
            p.gpus,
            p.count,
            p.ideal_duration_s,
            p.compute_duration_s,
            p.duration_s,
            p.energy_j,
            p.cost_usd,
            p.utilization
        ));
    }
    Ok(out)
}

/// `estimate FILE|- [--format json|csv|md] [--fr]`.
fn estimate_cmd(args: &[&str]) -> Result<String, Failure> {
    let mut path = None;
    let mut format = "json";
    let mut locale = Locale::En;
    let mut rest = args.iter();
    while let Some(&arg) = rest.next() {
        match arg {
            "--fr" => locale = Locale::Fr,
            "--format" => {
                format = match rest.next() {
                    Some(&f @ ("json" | "csv" | "md")) => f,
                    Some(other) => {
                        return Err(Failure(format!(
                            "estimate: --format {other}: allowed: json, csv, md"
                        )))
                    }
                    None => return Err(Failure("estimate: --format needs json, csv or md".into())),
                }
            }
            p if path.is_none() && (p == "-" || !p.starts_with('-')) => path = Some(p),
            other => return Err(Failure(format!("estimate: unexpected argument `{other}`"))),
        }
    }
    let path =
        path.ok_or_else(|| Failure("estimate: give a scenario FILE, or - for stdin".into()))?;
    let scenario: Scenario = parse_json(&read_input(path)?, "scenario")?;
    let report = estimate_in(&scenario, locale).map_err(|e| Failure(e.to_string()))?;
    match format {
        "csv" => Ok(export::csv(&scenario, &report)),
        "md" => Ok(export::markdown(&scenario, &report, locale)),
        _ => to_json(&report),
    }
}

pub(crate) fn read_input(path: &str) -> Result<String, Failure> {
    let mut text = String::new();
    if path == "-" {
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Failure(format!("stdin: {e}")))?;
    } else {
        text = std::fs::read_to_string(path).map_err(|e| Failure(format!("{path}: {e}")))?;
    }
    Ok(text)
}

/// Parses JSON input (a scenario, a claim or a job), naming the JSON path of the first problem.
pub(crate) fn parse_json<T: serde::de::DeserializeOwned>(
    text: &str,
    what: &str,
) -> Result<T, Failure> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if path == "." || path.is_empty() {
            Failure(format!("{what}: {inner}"))
        } else {
            Failure(format!("{path}: {inner}"))
        }
    })
}

pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> Result<String, Failure> {
    serde_json::to_string_pretty(value)
        .map(|s| s + "\n")
        .map_err(|e| Failure(format!("output: {e}")))
}

fn catalog_text() -> String {
    let mut out = String::from("hardware (count_unit: chip = 1 GPU; package and rack as noted):\n");
    for a in data::ACCELERATORS {
        let rack = a
            .gpus_per_rack
            .map(|r| format!(", rack = {r} GPUs"))
            .unwrap_or_default();
        out.push_str(&format!(
            "  {:<16} {} (package = {} GPU{}{rack})\n",
            a.id,
            a.name,
            a.gpus_per_package,
            if a.gpus_per_package > 1 { "s" } else { "" }
        ));
    }
    out.push_str("model presets:\n");
    for m in data::MODELS {
        out.push_str(&format!(
            "  {:<16} {} ({}, {})\n",
            m.id, m.name, m.organization, m.date
        ));
    }
    out
}

/// Epoch AI's tables as one JSON document, with the credit the licence requires.
#[derive(serde::Serialize)]
struct EpochTables {
    credit: &'static str,
    hardware_url: &'static str,
    models_url: &'static str,
    hardware: &'static [epoch::EpochChip],
    models: &'static [epoch::EpochModel],
}

impl EpochTables {
    fn new() -> Self {
        EpochTables {
            credit: epoch::CREDIT,
            hardware_url: epoch::HARDWARE_URL,
            models_url: epoch::MODELS_URL,
            hardware: epoch::EPOCH_HARDWARE,
            models: epoch::EPOCH_MODELS,
        }
    }
}

fn pct(x: Option<f64>) -> String {
    x.map(|x| format!("{:.1}", x * 100.0)).unwrap_or_default()
}

fn backtest_text(rows: &[BacktestRow]) -> String {
    let mut out = format!(
        "{:<10} {:>8} {:>8} {:>5} {:>8} {:>8} {:<6} {:<28} {}\n",
        "verdict", "implied%", "MFU%", "year", "chips", "hours", "format", "hardware", "model"
    );
    for r in rows {
        out.push_str(&format!(
            "{:<10} {:>8} {:>8} {:>5} {:>8} {:>8.0} {:<6} {:<28} {}{}\n",
            r.verdict.id(),
            pct(r.implied_utilization),
            pct(r.reported_mfu),
            r.year.map(|y| y.to_string()).unwrap_or_default(),
            r.chips,
            r.hours,
            r.format.id(),
            r.hardware_name.chars().take(28).collect::<String>(),
            r.name,
            if r.reason.is_empty() {
                String::new()
            } else {
                format!("  [{}]", r.reason)
            }
        ));
    }
    let count = |v| rows.iter().filter(|r| r.verdict == v).count();
    out.push_str(&format!(
        "{} runs: {} plausible, {} low (<{:.0} %), {} high (>{:.0} %), {} impossible (>100 %), {} without a peak. {}\n",
        rows.len(),
        count(Verdict::Plausible),
        count(Verdict::Low),
        backtest::LOW * 100.0,
        count(Verdict::High),
        backtest::HIGH * 100.0,
        count(Verdict::Impossible),
        count(Verdict::NoPeak),
        epoch::CREDIT
    ));
    out
}

fn claims_text(l: Locale) -> Result<String, Failure> {
    let mut out = String::new();
    for c in data::CLAIMS {
        let r = check(&c.claim(), l).map_err(|e| Failure(format!("claim {}: {e}", c.id)))?;
        out.push_str(&format!(
            "{} [{}]\n  {}\n  {}\n",
            c.id,
            r.verdict.label(l),
            c.title(l),
            r.reason
        ));
    }
    Ok(out)
}
