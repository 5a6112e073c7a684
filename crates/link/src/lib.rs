//! The page's state in a link: a URL query string ↔ typed state, with a notice for everything
//! the decoder could not use.
//!
//! The decoder is given the list of parameters the page knows ([`Param`]: a key and what its
//! value may be). It never fails: an unknown key, a value that is not valid, too long, badly
//! encoded or given twice is dropped with a [`Notice`], and the page keeps its default for that
//! input. Text inputs travel as the raw text the reader typed (`64,000`, `3 mois`), not as the
//! parsed number, so a link reopens exactly what was typed; a text that does not parse is
//! still restored (the page shows its message beside the field). Choices (model, chip,
//! precision…) are checked against the catalog here.
//!
//! Three keys are the page's own: `mode` (one of [`MODES`]), `lang` (`en`, `fr`) and `embed`
//! (`1`: the compact layout for iframes).
//!
//! ```
//! use zettaflop_link::{decode, encode, Choice, Kind, Param};
//! let params = [
//!     Param { key: "count", kind: Kind::Text },
//!     Param { key: "hardware", kind: Kind::Choice(Choice::Hardware) },
//! ];
//! let (state, notices) = decode("?count=64%2C000&hardware=h100&mode=factcheck", &params);
//! assert!(notices.is_empty());
//! assert_eq!(state.value("count"), Some("64,000"));
//! assert_eq!(state.mode, Some("factcheck"));
//! assert_eq!(encode(&state), "mode=factcheck&count=64%2C000&hardware=h100");
//! let (_, notices) = decode("hardware=%3Cscript%3E&colour=red", &params);
//! assert_eq!(notices.len(), 2);
//! ```

pub mod form;

use zettaflop_estimator::catalog;
use zettaflop_estimator::format::Locale;
use zettaflop_estimator::query;
use zettaflop_estimator::Precision;

/// Bytes of the query string read; the rest is ignored (with a notice).
pub const MAX_QUERY: usize = 4096;
/// Characters of one value; a longer one is dropped (with a notice).
pub const MAX_VALUE: usize = 200;
/// Parameters read; the rest are ignored (with a notice).
pub const MAX_PARAMS: usize = 100;
/// Characters of a key or value repeated in a notice.
const SHOWN: usize = 40;

/// The page's modes, as written in `mode=`.
pub const MODES: [&str; 5] = ["calculator", "factcheck", "expert", "backtest", "sources"];

/// The keys the page keeps for itself.
pub const RESERVED: [&str; 3] = ["mode", "lang", "embed"];

/// What a parameter's value may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Any text up to [`MAX_VALUE`] characters without control characters: what was typed.
    Text,
    /// One of a set of ids.
    Choice(Choice),
    /// A checkbox: `1` or `0` (`true`, `false`, `on`, `off` are read too).
    Flag,
}

/// A set of ids a choice must belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// A model preset of the catalog, or `custom-flop` / `custom-params`.
    Model,
    /// A model preset with a published architecture (the expert panel).
    ArchModel,
    /// A chip of the catalog.
    Hardware,
    /// A precision id (`bf16`…).
    Precision,
    /// A precision id, or empty (any).
    PrecisionOrAny,
    /// `chip`, `package` or `rack`.
    CountUnit,
    /// One of these.
    Among(&'static [&'static str]),
}

impl Choice {
    /// Whether `v` is one of the ids.
    pub fn accepts(self, v: &str) -> bool {
        match self {
            Choice::Model => {
                v == "custom-flop" || v == "custom-params" || catalog::model(v).is_some()
            }
            Choice::ArchModel => catalog::model(v).is_some_and(|m| m.arch.is_some()),
            Choice::Hardware => catalog::accelerator(v).is_some(),
            Choice::Precision => Precision::from_id(v).is_some(),
            Choice::PrecisionOrAny => v.is_empty() || Precision::from_id(v).is_some(),
            Choice::CountUnit => matches!(v, "chip" | "package" | "rack"),
            Choice::Among(ids) => ids.contains(&v),
        }
    }
}

/// A parameter the page knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Param {
    /// The key in the query string (the input's name).
    pub key: &'static str,
    /// What its value may be.
    pub kind: Kind,
}

/// The state a link carries. `values` holds one entry per key given, in the order of the
/// parameter list; a flag's value is `1` or `0`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct State {
    /// The mode shown (one of [`MODES`]), if given.
    pub mode: Option<&'static str>,
    /// The language, if given.
    pub locale: Option<Locale>,
    /// The compact layout for iframes.
    pub embed: bool,
    /// Inputs: key and value.
    pub values: Vec<(&'static str, String)>,
}

impl State {
    /// The value given for `key`.
    pub fn value(&self, key: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Why a parameter was not used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// No input has this name.
    Unknown,
    /// The value is not one the input accepts.
    Invalid,
    /// The value is longer than [`MAX_VALUE`] characters.
    TooLong,
    /// The key was given before; the first value is kept.
    Duplicate,
    /// Bad percent-encoding or not UTF-8.
    Encoding,
    /// More than [`MAX_PARAMS`] parameters; the rest are ignored.
    TooMany,
    /// The query is longer than [`MAX_QUERY`] bytes; the rest is ignored.
    QueryTooLong,
}

/// A parameter the decoder did not use, and why. `key` and `value` are shortened to 40
/// characters, control characters replaced: fit to be shown as *text* (never as markup).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Why.
    pub problem: Problem,
    /// The key as given (empty for [`Problem::TooMany`] and [`Problem::QueryTooLong`]).
    pub key: String,
    /// The value as given, for [`Problem::Invalid`].
    pub value: Option<String>,
}

impl Notice {
    fn new(problem: Problem, key: &str, value: Option<&str>) -> Notice {
        Notice {
            problem,
            key: shown(key),
            value: value.map(shown),
        }
    }

    /// The notice as a sentence in `l`.
    pub fn text(&self, l: Locale) -> String {
        // One template per problem and language ({k}: the key, {v}: the value), filled by one
        // loop rather than a `format!` each: the page pays for every byte of code.
        let (en, fr) = match self.problem {
            Problem::Unknown => (
                "unknown parameter “{k}” ignored",
                "paramètre inconnu « {k} » ignoré",
            ),
            Problem::Invalid => (
                "“{k}”: “{v}” is not a valid value; the default is used",
                "« {k} » : « {v} » n’est pas une valeur valide ; valeur par défaut",
            ),
            Problem::TooLong => (
                "“{k}”: longer than 200 characters; the default is used",
                "« {k} » : plus de 200 caractères ; valeur par défaut",
            ),
            Problem::Duplicate => (
                "“{k}” given more than once; the first is used",
                "« {k} » donné plusieurs fois ; le premier est gardé",
            ),
            Problem::Encoding => (
                "“{k}”: badly encoded; the default is used",
                "« {k} » : mal encodé ; valeur par défaut",
            ),
            Problem::TooMany => (
                "more than 100 parameters; the rest are ignored",
                "plus de 100 paramètres ; les suivants sont ignorés",
            ),
            Problem::QueryTooLong => (
                "link longer than 4096 characters; the rest is ignored",
                "lien de plus de 4096 caractères ; la suite est ignorée",
            ),
        };
        let template = if l == Locale::Fr { fr } else { en };
        let mut out = String::with_capacity(template.len() + 64);
        let mut rest = template;
        while let Some(i) = rest.find('{') {
            out.push_str(&rest[..i]);
            let (hole, tail) = rest[i..].split_at(3.min(rest.len() - i));
            match hole {
                "{k}" => out.push_str(&self.key),
                "{v}" => out.push_str(self.value.as_deref().unwrap_or("")),
                other => out.push_str(other),
            }
            rest = tail;
        }
        out.push_str(rest);
        out
    }
}

/// `s` shortened and stripped of control characters, for a notice.
fn shown(s: &str) -> String {
    let mut out: String = s
        .chars()
        .take(SHOWN)
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect();
    if s.chars().nth(SHOWN).is_some() {
        out.push('…');
    }
    out
}

/// Decodes `%XX` and `+` (a space). `None` on a bad escape or bytes that are not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = |c: u8| (c as char).to_digit(16);
                let hi = b.get(i + 1).copied().and_then(hex)?;
                let lo = b.get(i + 2).copied().and_then(hex)?;
                out.push((hi * 16 + lo) as u8);
                i += 2;
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

pub use zettaflop_estimator::query::percent_encode;

fn flag(v: &str) -> Option<bool> {
    match v {
        "1" | "true" | "on" => Some(true),
        "0" | "false" | "off" | "" => Some(false),
        _ => None,
    }
}

/// A text value as the page accepts it: not too long, no control characters.
fn text_ok(v: &str) -> Result<(), Problem> {
    if v.chars().nth(MAX_VALUE).is_some() {
        Err(Problem::TooLong)
    } else if v.chars().any(char::is_control) {
        Err(Problem::Invalid)
    } else {
        Ok(())
    }
}

/// Reads a query string (with or without its leading `?`) against the page's parameters.
/// Never fails: what cannot be used is left out of the state and named in a notice.
pub fn decode(query: &str, params: &[Param]) -> (State, Vec<Notice>) {
    let mut state = State::default();
    let mut notices = Vec::new();
    let mut seen: Vec<&'static str> = Vec::new();
    let mut q = query.strip_prefix('?').unwrap_or(query);
    if q.len() > MAX_QUERY {
        let mut end = MAX_QUERY;
        while !q.is_char_boundary(end) {
            end -= 1;
        }
        q = &q[..end];
        notices.push(Notice::new(Problem::QueryTooLong, "", None));
    }
    let mut values: Vec<(usize, &'static str, String)> = Vec::new();
    for (n, pair) in q.split('&').filter(|p| !p.is_empty()).enumerate() {
        if n == MAX_PARAMS {
            notices.push(Notice::new(Problem::TooMany, "", None));
            break;
        }
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let Some(key) = percent_decode(raw_key) else {
            notices.push(Notice::new(Problem::Encoding, raw_key, None));
            continue;
        };
        let reserved = RESERVED.iter().copied().find(|r| *r == key);
        let known = params.iter().enumerate().find(|(_, p)| p.key == key);
        let name = match (reserved, known) {
            (Some(r), _) => r,
            (None, Some((_, p))) => p.key,
            (None, None) => {
                notices.push(Notice::new(Problem::Unknown, &key, None));
                continue;
            }
        };
        if seen.contains(&name) {
            notices.push(Notice::new(Problem::Duplicate, name, None));
            continue;
        }
        seen.push(name);
        let Some(value) = percent_decode(raw_value) else {
            notices.push(Notice::new(Problem::Encoding, name, None));
            continue;
        };
        if let Err(p) = text_ok(&value) {
            let shown_value = (p == Problem::Invalid).then_some(value.as_str());
            notices.push(Notice::new(p, name, shown_value));
            continue;
        }
        let invalid = || Notice::new(Problem::Invalid, name, Some(&value));
        match (name, known) {
            ("mode", _) => match MODES.iter().find(|m| **m == value) {
                Some(m) => state.mode = Some(m),
                None => notices.push(invalid()),
            },
            ("lang", _) => match value.as_str() {
                "en" => state.locale = Some(Locale::En),
                "fr" => state.locale = Some(Locale::Fr),
                _ => notices.push(invalid()),
            },
            ("embed", _) => match flag(&value) {
                Some(b) => state.embed = b,
                None => notices.push(invalid()),
            },
            (_, Some((i, p))) => {
                let accepted = match p.kind {
                    Kind::Text => Some(value.clone()),
                    Kind::Flag => flag(&value).map(|b| if b { "1" } else { "0" }.to_string()),
                    Kind::Choice(c) => c.accepts(&value).then(|| value.clone()),
                };
                match accepted {
                    Some(v) => values.push((i, p.key, v)),
                    None => notices.push(invalid()),
                }
            }
            _ => {}
        }
    }
    // In the order of the parameter list (no sort: the page pays for every byte of code).
    state.values = (0..params.len())
        .filter_map(|i| values.iter().find(|(j, _, _)| *j == i))
        .map(|(_, k, v)| (*k, v.clone()))
        .collect();
    (state, notices)
}

/// Writes `state` as a query string (without the `?`): `mode`, `lang`, `embed=1` when set,
/// then the values in order.
pub fn encode(state: &State) -> String {
    query::write(state.mode, state.locale, state.embed, &state.values)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARAMS: [Param; 4] = [
        Param {
            key: "count",
            kind: Kind::Text,
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
            key: "cl-precision",
            kind: Kind::Choice(Choice::PrecisionOrAny),
        },
    ];

    #[test]
    fn reads_typed_text_and_checks_choices() {
        let (s, n) = decode(
            "?count=64+000&hardware=gb200&sparse=on&cl-precision=&lang=fr",
            &PARAMS,
        );
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(s.value("count"), Some("64 000"));
        assert_eq!(s.value("sparse"), Some("1"));
        assert_eq!(s.value("cl-precision"), Some(""));
        assert_eq!(s.locale, Some(Locale::Fr));
    }

    #[test]
    fn every_problem_is_a_notice() {
        let long = "9".repeat(MAX_VALUE + 1);
        let q = format!(
            "hardware=nope&count={long}&count=1&x=1&sparse=maybe&mode=admin&%zz=1&lang=%ff&cl-precision=%0A"
        );
        let (s, n) = decode(&q, &PARAMS);
        let problems: Vec<Problem> = n.iter().map(|n| n.problem).collect();
        assert_eq!(
            problems,
            [
                Problem::Invalid,
                Problem::TooLong,
                Problem::Duplicate,
                Problem::Unknown,
                Problem::Invalid,
                Problem::Invalid,
                Problem::Encoding,
                Problem::Encoding,
                Problem::Invalid,
            ]
        );
        assert_eq!(s, State::default());
    }

    #[test]
    fn caps_the_query_and_the_count() {
        let q = "x=1&".repeat(MAX_PARAMS + 5);
        let (_, n) = decode(&q, &PARAMS);
        assert_eq!(n.len(), MAX_PARAMS + 1);
        assert_eq!(n.last().map(|n| n.problem), Some(Problem::TooMany));
        let q = format!("count={}", "é".repeat(MAX_QUERY));
        let (_, n) = decode(&q, &PARAMS);
        assert_eq!(n[0].problem, Problem::QueryTooLong);
    }

    #[test]
    fn notices_shorten_and_neutralize() {
        let (_, n) = decode(
            "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E=1&count=%3Cscript%3E",
            &PARAMS,
        );
        assert_eq!(n.len(), 1);
        assert_eq!(n[0].key, "<img src=x onerror=alert(1)>");
        assert!(n[0].text(Locale::En).contains("<img src=x"));
        let (_, n) = decode(&format!("{}=1", "k".repeat(100)), &PARAMS);
        assert_eq!(n[0].key.chars().count(), 41);
    }

    #[test]
    fn notice_texts_name_the_caps() {
        let n = |p| Notice::new(p, "k", Some("v"));
        assert!(n(Problem::TooLong)
            .text(Locale::En)
            .contains(&MAX_VALUE.to_string()));
        assert!(n(Problem::TooMany)
            .text(Locale::Fr)
            .contains(&MAX_PARAMS.to_string()));
        assert!(n(Problem::QueryTooLong)
            .text(Locale::En)
            .contains(&MAX_QUERY.to_string()));
        assert_eq!(
            n(Problem::Invalid).text(Locale::Fr),
            "« k » : « v » n’est pas une valeur valide ; valeur par défaut"
        );
        assert_eq!(
            Notice::new(Problem::Unknown, "{v}{k}", None).text(Locale::En),
            "unknown parameter “{v}{k}” ignored"
        );
    }

    #[test]
    fn encoding_round_trips() {
        let s = State {
            mode: Some("expert"),
            locale: Some(Locale::En),
            embed: true,
            values: vec![
                ("count", "64 000 & ½ = 100%+".into()),
                ("hardware", "h100".into()),
            ],
        };
        let q = encode(&s);
        assert_eq!(decode(&q, &PARAMS), (s, vec![]));
        assert_eq!(percent_decode("%e9"), None);
        assert_eq!(percent_decode("%4"), None);
    }
}
