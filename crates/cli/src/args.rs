//! The command line, parsed with `lexopt`: every command declares the options it takes, and
//! one parser reads them, so `--help`, `--lang` and the errors behave the same everywhere.

use std::ffi::OsString;

use lexopt::Arg::{Long, Short, Value};
use lexopt::ValueExt;
use zettaflop_estimator::format::Locale;

use crate::Failure;

/// An option a command may take (`--help` and `--lang` are taken by all).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opt {
    /// `--json`: the table as JSON.
    Json,
    /// `--csv`: the table as CSV.
    Csv,
    /// `--format json|csv|md`.
    Format,
    /// `--library`: the library of published claims.
    Library,
    /// `--asset`: the page's "In the news" asset (both languages, JSON).
    Asset,
}

impl Opt {
    fn usage(self) -> &'static str {
        match self {
            Opt::Json => "--json          print JSON (every field, SI units) instead of text",
            Opt::Csv => "--csv           print CSV instead of text",
            Opt::Format => {
                "--format FORMAT json (the report, default), csv or md (the scenario and report)"
            }
            Opt::Library => {
                "--library       the library of published claims (data/claims-library.csv)"
            }
            Opt::Asset => "--asset         with --library: the page's news.json (both languages)",
        }
    }
}

/// How many positional arguments a command takes, and what to say when one is missing.
#[derive(Debug, Clone, Copy)]
pub struct Arity {
    /// At least this many.
    pub min: usize,
    /// At most this many (`None`: no limit).
    pub max: Option<usize>,
    /// The message when fewer than `min` are given.
    pub missing: &'static str,
}

impl Arity {
    /// No positional argument.
    pub const NONE: Arity = Arity {
        min: 0,
        max: Some(0),
        missing: "",
    };

    /// Exactly one input file (or `-` for stdin), of the named kind.
    pub const fn file(missing: &'static str) -> Arity {
        Arity {
            min: 1,
            max: Some(1),
            missing,
        }
    }
}

/// A command: its name, help and options, and the function that runs it.
pub struct Command {
    /// The word after `zettaflop`.
    pub name: &'static str,
    /// Its arguments, after the name (`FILE|- [COUNT...]`).
    pub args: &'static str,
    /// What it does, for `--help` (lines already wrapped).
    pub about: &'static str,
    /// The options it takes beside `--help` and `--lang`.
    pub options: &'static [Opt],
    /// Its positional arguments.
    pub arity: Arity,
    /// Runs it: the text to print on stdout, or a failure.
    pub run: fn(&Opts) -> Result<String, Failure>,
}

impl Command {
    /// One line of the overview: `zettaflop NAME ARGS [OPTIONS]`.
    pub fn synopsis(&self) -> String {
        let mut s = format!("zettaflop {}", self.name);
        if !self.args.is_empty() {
            s.push(' ');
            s.push_str(self.args);
        }
        for o in self.options {
            s.push_str(match o {
                Opt::Json => " [--json]",
                Opt::Csv => " [--csv]",
                Opt::Format => " [--format json|csv|md]",
                Opt::Library => " [--library]",
                Opt::Asset => " [--asset]",
            });
        }
        s
    }

    /// The text of `zettaflop NAME --help`.
    pub fn help(&self) -> String {
        let mut s = format!("USAGE:\n    {} [--lang en|fr]\n\n", self.synopsis());
        s.push_str(self.about);
        s.push_str("\n\nOPTIONS:\n");
        for o in self.options {
            s.push_str(&format!("    {}\n", o.usage()));
        }
        s.push_str("    --lang en|fr    the language of sentences (default en; --fr is short for --lang fr)\n");
        s.push_str("    -h, --help      this help\n");
        s.push_str(crate::EXIT_CODES);
        s
    }
}

/// What was given to a command.
#[derive(Debug, Clone, PartialEq)]
pub struct Opts {
    /// The command's name, for messages.
    pub command: &'static str,
    /// Its positional arguments, in order.
    pub positional: Vec<String>,
    /// `--json`.
    pub json: bool,
    /// `--csv`.
    pub csv: bool,
    /// `--format` (`json` when absent).
    pub format: Format,
    /// `--lang` (English when absent).
    pub lang: Locale,
    /// `--library`.
    pub library: bool,
    /// `--asset`.
    pub asset: bool,
}

/// `--format json|csv|md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The report as JSON.
    Json,
    /// The scenario and report as CSV.
    Csv,
    /// The scenario and report as Markdown.
    Md,
}

/// The parse: run the command with these options, or print its help.
pub enum Parsed {
    /// Run with these.
    Run(Opts),
    /// `--help` was given.
    Help,
}

/// Reads the arguments after the command's name.
pub fn parse(cmd: &Command, args: Vec<OsString>) -> Result<Parsed, Failure> {
    let name = cmd.name;
    let usage = |e: lexopt::Error| Failure(format!("{name}: {e}"));
    let mut opts = Opts {
        command: name,
        positional: Vec::new(),
        json: false,
        csv: false,
        format: Format::Json,
        lang: Locale::En,
        library: false,
        asset: false,
    };
    let mut p = lexopt::Parser::from_args(args);
    while let Some(arg) = p.next().map_err(usage)? {
        match arg {
            Long("help") | Short('h') => return Ok(Parsed::Help),
            Long("fr") => opts.lang = Locale::Fr,
            Long("lang") => opts.lang = lang(name, p.value().ok())?,
            Long("json") if cmd.options.contains(&Opt::Json) => opts.json = true,
            Long("csv") if cmd.options.contains(&Opt::Csv) => opts.csv = true,
            Long("library") if cmd.options.contains(&Opt::Library) => opts.library = true,
            Long("asset") if cmd.options.contains(&Opt::Asset) => opts.asset = true,
            Long("format") if cmd.options.contains(&Opt::Format) => {
                opts.format = format(name, p.value().ok())?
            }
            Value(v) => opts.positional.push(v.parse::<String>().map_err(usage)?),
            Long(other) => return Err(unexpected(name, &format!("--{other}"))),
            Short(c) => return Err(unexpected(name, &format!("-{c}"))),
        }
    }
    check_arity(cmd, &opts)?;
    if opts.json && opts.csv {
        return Err(Failure(format!("{name}: --json and --csv: choose one")));
    }
    if opts.asset && !opts.library {
        return Err(Failure(format!("{name}: --asset goes with --library")));
    }
    Ok(Parsed::Run(opts))
}

fn check_arity(cmd: &Command, opts: &Opts) -> Result<(), Failure> {
    let n = opts.positional.len();
    if n < cmd.arity.min {
        return Err(Failure(format!("{}: {}", cmd.name, cmd.arity.missing)));
    }
    if let Some(max) = cmd.arity.max {
        if let Some(extra) = opts.positional.get(max) {
            return Err(unexpected(cmd.name, extra));
        }
    }
    Ok(())
}

fn unexpected(command: &str, arg: &str) -> Failure {
    Failure(format!(
        "{command}: unexpected argument `{arg}`; try `zettaflop {command} --help`"
    ))
}

fn lang(command: &str, v: Option<OsString>) -> Result<Locale, Failure> {
    match v.as_ref().and_then(|v| v.to_str()) {
        Some("en") => Ok(Locale::En),
        Some("fr") => Ok(Locale::Fr),
        Some(other) => Err(Failure(format!(
            "{command}: --lang {other}: allowed: en, fr"
        ))),
        None => Err(Failure(format!("{command}: --lang needs en or fr"))),
    }
}

fn format(command: &str, v: Option<OsString>) -> Result<Format, Failure> {
    match v.as_ref().and_then(|v| v.to_str()) {
        Some("json") => Ok(Format::Json),
        Some("csv") => Ok(Format::Csv),
        Some("md") => Ok(Format::Md),
        Some(other) => Err(Failure(format!(
            "{command}: --format {other}: allowed: json, csv, md"
        ))),
        None => Err(Failure(format!(
            "{command}: --format needs json, csv or md"
        ))),
    }
}
