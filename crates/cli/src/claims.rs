//! `zettaflop check` and `zettaflop claims`: a claim worked backwards, the article's claims and
//! the library of published claims.

use serde::Serialize;
use zettaflop_estimator::catalog as data;
use zettaflop_estimator::claim::library::{check_all, Checked as LibraryChecked};
use zettaflop_estimator::claim::{check, CheckReport, Claim, Verdict};
use zettaflop_estimator::format::Locale;

use crate::args::Opts;
use crate::io::{read_json, to_json};
use crate::Failure;

/// `check FILE|-`: the claim's readings and verdict, as JSON.
pub fn check_cmd(o: &Opts) -> Result<String, Failure> {
    let claim: Claim = read_json(&o.positional[0], "claim")?;
    let report = check(&claim, o.lang).map_err(|e| Failure(e.to_string()))?;
    to_json(&report)
}

/// One of the article's claims with its check, for `claims --json`.
#[derive(Serialize)]
struct Checked {
    id: &'static str,
    title: &'static str,
    report: CheckReport,
}

/// `claims [--json] [--library [--asset]]`: the article's claims, or the library's, with their
/// verdicts.
pub fn claims(o: &Opts) -> Result<String, Failure> {
    if o.library {
        return library_cmd(o);
    }
    let mut rows = Vec::new();
    for c in data::CLAIMS {
        let report =
            check(&c.claim(), o.lang).map_err(|e| Failure(format!("claim {}: {e}", c.id)))?;
        rows.push(Checked {
            id: c.id,
            title: c.title(o.lang),
            report,
        });
    }
    if o.json {
        return to_json(&rows);
    }
    let mut out = String::new();
    for r in rows {
        out.push_str(&format!(
            "{} [{}]\n  {}\n  {}\n",
            r.id,
            r.report.verdict.label(o.lang),
            r.title,
            r.report.reason
        ));
    }
    Ok(out)
}

/// One card of the page's "In the news": the claim, its source and the checker's verdict with
/// its reason in both languages.
#[derive(Serialize)]
struct Card {
    id: String,
    lang: String,
    outlet: String,
    date: String,
    url: String,
    quote: String,
    kind: String,
    verdict: Verdict,
    summary_en: String,
    summary_fr: String,
    reason_en: String,
    reason_fr: String,
    claim_text: String,
}

/// The page's asset: `{"claims": [Card…]}`.
#[derive(Serialize)]
struct Asset {
    claims: Vec<Card>,
}

fn asset() -> Result<String, Failure> {
    let en = check_all(Locale::En).map_err(Failure)?;
    let fr = check_all(Locale::Fr).map_err(Failure)?;
    let claims = en
        .into_iter()
        .zip(fr)
        .map(|(e, f)| Card {
            id: e.claim.id,
            lang: e.claim.lang,
            outlet: e.claim.outlet,
            date: e.claim.date,
            url: e.claim.url,
            quote: e.claim.quote,
            kind: e.claim.kind,
            verdict: e.verdict,
            summary_en: e.report.summary,
            summary_fr: f.report.summary,
            reason_en: e.reason,
            reason_fr: f.reason,
            claim_text: e.claim.claim_text,
        })
        .collect();
    serde_json::to_string(&Asset { claims })
        .map(|s| s + "\n")
        .map_err(|e| Failure(format!("claims: {e}")))
}

fn text(rows: &[LibraryChecked], l: Locale) -> String {
    let mut out = String::new();
    for r in rows {
        let c = &r.claim;
        let file = match l {
            Locale::En => "reference",
            Locale::Fr => "référence",
        };
        out.push_str(&format!(
            "{} [{}] ({file}: {}) {} · {} · {}\n  « {} »\n  {}\n",
            c.id,
            r.verdict.label(l),
            c.file_verdict.label(l),
            c.lang,
            c.outlet,
            c.date,
            c.quote,
            r.reason
        ));
    }
    out
}

/// `claims --library [--json | --asset]`.
fn library_cmd(o: &Opts) -> Result<String, Failure> {
    if o.asset {
        return asset();
    }
    let rows = check_all(o.lang).map_err(Failure)?;
    if o.json {
        return to_json(&rows);
    }
    Ok(text(&rows, o.lang))
}
