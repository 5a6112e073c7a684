//! The scenario and its report as a Markdown document.

use super::figures::figures;
use super::inputs::inputs;
use super::{cell, raw, step_value};
use crate::format::{self as fmt, Locale};
use crate::{Report, Scenario};

/// The sentence to quote as a Markdown block: the sentence, the credit, the page's query string.
fn quote_block(scenario: &Scenario, report: &Report, l: Locale) -> String {
    let q = crate::quote::estimate(scenario, report, l);
    let link = q.query.map_or(String::new(), |q| match l {
        Locale::En => format!(" Link: the page's address followed by `?{q}`."),
        Locale::Fr => format!(" Lien\u{202f}: l'adresse de la page suivie de `?{q}`."),
    });
    format!("> {}\n>\n> — {}.{link}\n\n", q.text, q.credit)
}

/// The scenario and its report as a Markdown document in `l`: the sentence to quote (with its
/// credit and the page's query string), the scenario, the results (as the page writes them, and
/// raw), warnings, the math step by step with its sources, and the sources with their links.
pub fn markdown(scenario: &Scenario, report: &Report, l: Locale) -> String {
    let mut out = title(report, l);
    out.push_str(&quote_block(scenario, report, l));
    scenario_table(&mut out, scenario, l);
    results(&mut out, report, l);
    math(&mut out, report, l);
    sources(&mut out, report, l);
    out.push_str(&format!(
        "\n{}\n",
        w(
            l,
            "Computed by Zettaflop. Model compute and chip figures draw on Epoch AI's databases (CC BY 4.0).",
            "Calculé par Zettaflop. Les chiffres de calcul des modèles et des puces s'appuient sur les bases d'Epoch AI (CC BY 4.0)."
        )
    ));
    out
}

/// `en` or `fr`.
fn w(l: Locale, en: &'static str, fr: &'static str) -> &'static str {
    if l == Locale::Fr {
        fr
    } else {
        en
    }
}

fn title(report: &Report, l: Locale) -> String {
    let (flop, gpus) = (
        fmt::compact(report.training_flop),
        fmt::grouped(report.gpus, 0, l),
    );
    let name = &report.hardware.name;
    match l {
        Locale::En => format!("# Zettaflop: {flop} FLOP on {gpus} GPUs ({name})\n\n"),
        Locale::Fr => format!("# Zettaflop : {flop} FLOP sur {gpus} GPU ({name})\n\n"),
    }
}

fn scenario_table(out: &mut String, scenario: &Scenario, l: Locale) {
    out.push_str(&format!("## {}\n\n", w(l, "Scenario", "Scénario")));
    out.push_str(&format!(
        "| {} | {} | {} |\n|---|---|---|\n",
        w(l, "Input", "Entrée"),
        w(l, "Value", "Valeur"),
        w(l, "Unit", "Unité")
    ));
    for i in inputs(scenario) {
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            i.key,
            cell(&i.value),
            i.unit
        ));
    }
}

/// The headline figures, then the warnings.
fn results(out: &mut String, report: &Report, l: Locale) {
    out.push_str(&format!("\n## {}\n\n", w(l, "Result", "Résultat")));
    out.push_str(&format!(
        "| {} | {} | {} |\n|---|---|---|\n",
        w(l, "Quantity", "Grandeur"),
        w(l, "Value", "Valeur"),
        w(l, "Raw (SI)", "Brut (SI)")
    ));
    for f in figures(report, l) {
        let label = w(l, f.label.0, f.label.1);
        let unit = if f.unit == "1" { "" } else { f.unit };
        let raw_value = format!("{} {unit}", raw(f.value));
        out.push_str(&format!(
            "| {label} | {} | {} |\n",
            cell(&f.text),
            raw_value.trim_end()
        ));
    }
    if !report.warnings.is_empty() {
        out.push_str(&format!("\n## {}\n\n", w(l, "Warnings", "Avertissements")));
        for warning in &report.warnings {
            out.push_str(&format!("- {}\n", cell(&warning.message)));
        }
    }
}

fn math(out: &mut String, report: &Report, l: Locale) {
    out.push_str(&format!("\n## {}\n\n", w(l, "The math", "Le calcul")));
    out.push_str(&format!(
        "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|\n",
        w(l, "Quantity", "Grandeur"),
        w(l, "Formula", "Formule"),
        w(l, "With the numbers", "Avec les nombres"),
        w(l, "Value", "Valeur"),
        w(l, "Sources", "Sources")
    ));
    for s in &report.steps {
        let value = step_value(s, l);
        let cites: Vec<String> = s.sources.iter().map(|id| format!("`{id}`")).collect();
        out.push_str(&format!(
            "| {} | `{}` | `{}` | {} | {} |\n",
            cell(&s.quantity),
            cell(&s.formula),
            cell(&s.substitution),
            cell(&value),
            cites.join(", ")
        ));
    }
}

fn sources(out: &mut String, report: &Report, l: Locale) {
    out.push_str(&format!("\n## {}\n\n", w(l, "Sources", "Sources")));
    for s in &report.sources {
        let link = if s.url.is_empty() {
            String::new()
        } else {
            format!(" <{}>", s.url)
        };
        out.push_str(&format!(
            "- `{}`: {} ({}, {}){link}\n",
            s.id,
            cell(&s.title),
            s.kind,
            s.date
        ));
    }
}
