//! The scenario and its report as a Markdown document.

use super::figures::figures;
use super::inputs::inputs;
use super::{cell, raw, step_value};
use crate::format::{self as fmt, Locale};
use crate::text::keys::fill;
use crate::{Report, Scenario};

/// The sentence to quote as a Markdown block: the sentence, the credit, the page's query string.
fn quote_block(scenario: &Scenario, report: &Report, l: Locale) -> String {
    let q = crate::quote::estimate(scenario, report, l);
    let link = q
        .query
        .map_or(String::new(), |q| fill(Md::Link.t(l), &[&q]));
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
    out.push_str(&format!("\n{}\n", Md::ComputedBy.t(l)));
    out
}

fn title(report: &Report, l: Locale) -> String {
    let (flop, gpus) = (
        fmt::compact(report.training_flop),
        fmt::grouped(report.gpus, 0, l),
    );
    let name = &report.hardware.name;
    fill(Md::Title.t(l), &[&flop, &gpus, name])
}

fn scenario_table(out: &mut String, scenario: &Scenario, l: Locale) {
    out.push_str(&format!("## {}\n\n", Md::Scenario.t(l)));
    out.push_str(&format!(
        "| {} | {} | {} |\n|---|---|---|\n",
        Md::Input.t(l),
        Md::Value.t(l),
        Md::Unit.t(l)
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
    out.push_str(&format!("\n## {}\n\n", Md::Result.t(l)));
    out.push_str(&format!(
        "| {} | {} | {} |\n|---|---|---|\n",
        Md::Quantity.t(l),
        Md::Value.t(l),
        Md::RawSi.t(l)
    ));
    for f in figures(report, l) {
        let label = crate::text::keys::pick(f.label, l);
        let unit = if f.unit == "1" { "" } else { f.unit };
        let raw_value = format!("{} {unit}", raw(f.value));
        out.push_str(&format!(
            "| {label} | {} | {} |\n",
            cell(&f.text),
            raw_value.trim_end()
        ));
    }
    if !report.warnings.is_empty() {
        out.push_str(&format!("\n## {}\n\n", Md::Warnings.t(l)));
        for warning in &report.warnings {
            out.push_str(&format!("- {}\n", cell(&warning.message)));
        }
    }
}

fn math(out: &mut String, report: &Report, l: Locale) {
    out.push_str(&format!("\n## {}\n\n", Md::TheMath.t(l)));
    out.push_str(&format!(
        "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|\n",
        Md::Quantity.t(l),
        Md::Formula.t(l),
        Md::WithTheNumbers.t(l),
        Md::Value.t(l),
        Md::Sources.t(l)
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
    out.push_str(&format!("\n## {}\n\n", Md::Sources.t(l)));
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

crate::keys! {
    /// The Markdown export's words; `{}` are the figures.
    enum Md {
        ComputedBy => "Computed by Zettaflop. Model compute and chip figures draw on Epoch AI's databases (CC BY 4.0).",
            "Calculé par Zettaflop. Les chiffres de calcul des modèles et des puces s'appuient sur les bases d'Epoch AI (CC BY 4.0).";
        Link => " Link: the page's address followed by `?{}`.",
            " Lien\u{202f}: l'adresse de la page suivie de `?{}`.";
        Title => "# Zettaflop: {} FLOP on {} GPUs ({})\n\n",
            "# Zettaflop : {} FLOP sur {} GPU ({})\n\n";
        Scenario => "Scenario", "Scénario";
        Input => "Input", "Entrée";
        Value => "Value", "Valeur";
        Unit => "Unit", "Unité";
        Result => "Result", "Résultat";
        Quantity => "Quantity", "Grandeur";
        RawSi => "Raw (SI)", "Brut (SI)";
        Warnings => "Warnings", "Avertissements";
        TheMath => "The math", "Le calcul";
        Formula => "Formula", "Formule";
        WithTheNumbers => "With the numbers", "Avec les nombres";
        Sources => "Sources", "Sources";
    }
}
