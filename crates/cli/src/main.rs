//! `zettaflop`: the estimator's JSON contract on the command line. Glue only: parsing of
//! arguments, reading of files, printing; every number comes from `zettaflop-estimator`.
//!
//! Each command is one entry of [`COMMANDS`] (name, arguments, help, options, function); the
//! parser (`args.rs`) reads every command's line the same way, so `--help`, `--lang` and the
//! errors behave alike everywhere.

mod args;
mod backtest;
mod catalog;
mod claims;
mod estimate;
mod io;
mod optimal;
mod perf;

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use args::{Arity, Command, Opt, Opts, Parsed};
use zettaflop_estimator::schema;

/// A failure to report on stderr with exit code 2 (bad input or usage).
pub(crate) struct Failure(pub(crate) String);

/// The exit codes, in every help text.
pub(crate) const EXIT_CODES: &str = "
EXIT CODES:
    0  success
    1  the output could not be written (a closed pipe, a full disk)
    2  bad input or usage: one line on stderr naming the field, e.g.
       `zettaflop: utilization: 1.5 is out of range; allowed: 0.001 ≤ x ≤ 1`
";

const SCENARIO: &str = "give a scenario FILE, or - for stdin";

/// Every command, in the order of `zettaflop --help`.
const COMMANDS: &[Command] = &[
    Command {
        name: "estimate",
        args: "FILE|-",
        about: "Reads a scenario (JSON) from FILE or stdin and prints its report (JSON), or the
scenario and report as CSV or Markdown (the page's downloads). --lang fr writes the
sentences (warnings, steps) and the Markdown in French. The formats: docs/contract.md.",
        options: &[Opt::Format],
        arity: Arity::file(SCENARIO),
        run: estimate::estimate,
    },
    Command {
        name: "sweep",
        args: "FILE|- [COUNT...]",
        about: "Reads a scenario (its count may be absent) and prints it at many counts (in the
scenario's count_unit; default 1024, 2048, ... 1048576), as CSV (a header, then one row per
count) or JSON: gpus, count, the ideal duration (100 % of peak, no interruptions), the
duration at the utilization, the wall clock with interruptions, its energy and cost, the
utilization used.",
        options: &[Opt::Json],
        arity: Arity {
            min: 1,
            max: None,
            missing: SCENARIO,
        },
        run: estimate::sweep_cmd,
    },
    Command {
        name: "optimal",
        args: "FILE|-",
        about: "Reads {\"flop\": C, \"fit\"?: \"epoch\"|\"hoffmann\"} or {\"usd\": X, \"hardware\": ID, ...the
scenario keys that price the compute: precision, sparse, utilization, pue, usd_per_chip_hour,
usd_per_kwh} and prints the compute-optimal model (JSON): params, tokens, tokens_per_param,
loss (nats/token on the fit's data set), flop, the fit's name and sources (docs/scaling.md).",
        options: &[],
        arity: Arity::file("give a request FILE, or - for stdin"),
        run: optimal::run,
    },
    Command {
        name: "check",
        args: "FILE|-",
        about: "Reads a claim (JSON) and prints its readings (count as GPUs or superchips,
precision, dense or sparse) and its verdict (JSON). A claim gives a training time or GPU-hours,
a quoted peak, a site's power (or the MWh written for it), a budget, a run's cost, an \"N×
faster\", H100-equivalents or a benchmark window (docs/contract.md, \"Claims\").",
        options: &[],
        arity: Arity::file("give a claim FILE, or - for stdin"),
        run: claims::check_cmd,
    },
    Command {
        name: "claims",
        args: "",
        about: "The article's claims (data/claims.csv), each with its verdict and reason; --json
gives each claim's id, title and full check report. --library: the library of published
claims (data/claims-library.csv) with the checker's verdict, reason and readings (--json: every
field and the full check report; --asset: the page's news.json, both languages).",
        options: &[Opt::Json, Opt::Library, Opt::Asset],
        arity: Arity::NONE,
        run: claims::claims,
    },
    Command {
        name: "predict",
        args: "FILE|-",
        about: "Reads a performance job (JSON) and prints the predicted iteration: iteration_s,
mfu, hfu, achieved_flop_per_s_per_gpu, tokens_per_s, the time breakdown, memory per GPU
and the layout used. The job's keys: docs/performance-model.md.",
        options: &[],
        arity: Arity::file("give a job FILE, or - for stdin"),
        run: perf::predict,
    },
    Command {
        name: "search",
        args: "FILE|-",
        about: "Reads a job without a layout and prints the best layout with its prediction,
the runners-up, why the best wins, and how many layouts were evaluated and rejected.",
        options: &[],
        arity: Arity::file("give a job FILE, or - for stdin"),
        run: perf::search,
    },
    Command {
        name: "calibrate",
        args: "",
        about: "The performance model against published Megatron-LM runs: the Markdown table of
docs/calibration.md, or its rows and summary as JSON.",
        options: &[Opt::Json],
        arity: Arity::NONE,
        run: perf::calibrate,
    },
    Command {
        name: "catalog",
        args: "[hardware|models|clusters|constants|epoch]",
        about: "Without a table: the chip and model preset ids. With one: the core catalog's
table, readable (the main columns) or as JSON (every field, SI units). `epoch` is Epoch AI's
full tables (chips, notable models) as one JSON asset, with its credit.",
        options: &[Opt::Json],
        arity: Arity {
            min: 0,
            max: Some(1),
            missing: "",
        },
        run: catalog::catalog_cmd,
    },
    Command {
        name: "show",
        args: "ID",
        about: "Every field of a chip, model, cluster, constant or source (or an Epoch AI chip or
model) with the sources it cites; for a source, the rows that cite it.",
        options: &[Opt::Json],
        arity: Arity::file("give an id, e.g. `zettaflop show h100`"),
        run: catalog::show_cmd,
    },
    Command {
        name: "backtest",
        args: "",
        about: "Every run with compute, hardware, count and time: the utilization it implies
against the chip's dense peak, the reported MFU, and a verdict (over 100 % = the figures
cannot all be right). --csv is the page's asset (reasons in English and, in `reason_fr`,
French).",
        options: &[Opt::Csv, Opt::Json],
        arity: Arity::NONE,
        run: backtest::backtest_cmd,
    },
    Command {
        name: "schema",
        args: "[NAME]",
        about: "The JSON Schema (draft-07) of a document of the contract: scenario, report, claim,
check-report, job, prediction, search-result, catalog-ids, error, sweep-point, optimal-request,
optimal-result, quote; without NAME, all in one.",
        options: &[],
        arity: Arity {
            min: 0,
            max: Some(1),
            missing: "",
        },
        run: schema_cmd,
    },
];

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    match run(args) {
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            if let Err(e) = stdout
                .write_all(out.as_bytes())
                .and_then(|_| stdout.flush())
            {
                // A reader that stopped early (`| head`) is not worth a message.
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    eprintln!("zettaflop: output: {e}");
                }
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

fn run(mut args: Vec<OsString>) -> Result<String, Failure> {
    if args.is_empty() {
        return Err(Failure("no command; try `zettaflop --help`".into()));
    }
    let first = args.remove(0);
    let word = first.to_string_lossy();
    match word.as_ref() {
        "--help" | "-h" => Ok(help()),
        "help" => match args.first().map(|a| a.to_string_lossy()) {
            None => Ok(help()),
            Some(name) => Ok(find(&name)?.help()),
        },
        "--version" | "-V" => Ok(format!("zettaflop {}\n", env!("CARGO_PKG_VERSION"))),
        name => {
            let cmd = find(name)?;
            match args::parse(cmd, args)? {
                Parsed::Help => Ok(cmd.help()),
                Parsed::Run(opts) => (cmd.run)(&opts),
            }
        }
    }
}

fn find(name: &str) -> Result<&'static Command, Failure> {
    COMMANDS
        .iter()
        .find(|c| c.name == name)
        .ok_or_else(|| Failure(format!("unknown command `{name}`; try `zettaflop --help`")))
}

/// `zettaflop --help`: every command's synopsis.
fn help() -> String {
    let mut s = String::from(
        "zettaflop — what it takes to train a model on a cluster (time, GPUs, power, energy, CO2, cost)\n\nUSAGE:\n",
    );
    for c in COMMANDS {
        s.push_str(&format!("    {}\n", c.synopsis()));
    }
    s.push_str(
        "    zettaflop help COMMAND | COMMAND --help    what a command does, its options
    zettaflop --version

Every command takes --lang en|fr (default en; --fr is short for --lang fr) for the sentences
it writes. The scenario, report, claim and job formats: docs/contract.md.
",
    );
    s.push_str(EXIT_CODES);
    s
}

fn schema_cmd(o: &Opts) -> Result<String, Failure> {
    let doc = match o.positional.first() {
        None => schema::bundle(),
        Some(name) => {
            let root = schema::Root::from_id(name).ok_or_else(|| {
                let names: Vec<&str> = schema::Root::ALL.iter().map(|r| r.id()).collect();
                Failure(format!(
                    "schema: unknown document `{name}`; allowed: {}",
                    names.join(", ")
                ))
            })?;
            schema::root(root)
        }
    };
    io::to_json(&doc.map_err(Failure)?)
}
