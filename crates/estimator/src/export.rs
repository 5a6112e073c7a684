//! A scenario and its report as files people keep: CSV for a spreadsheet, Markdown for a
//! document. (The JSON file is the report itself, the contract's format.) The page's
//! "Download" buttons and `zettaflop estimate --format csv|md` write the same text.
//!
//! ```
//! use zettaflop_estimator::{estimate, export, format::Locale, Scenario};
//! let scenario = Scenario::default();
//! let report = estimate(&scenario)?;
//! let csv = export::csv(&scenario, &report);
//! assert!(csv.starts_with("section,key,value,unit,note\n"));
//! assert!(csv.contains("\nresult,duration_s,164062.5,s,"));
//! let md = export::markdown(&scenario, &report, Locale::En);
//! assert!(md.contains("| Duration | 1 d 21.6 h"));
//! # Ok::<(), zettaflop_estimator::Error>(())
//! ```

use crate::format::{self as fmt, Locale};
use crate::hardware::HardwareChoice;
use crate::scaling::text;
use crate::utilization::Utilization;
use crate::workload::Workload;
use crate::{Range, Report, Scenario, Step};

/// The CSV's header: every row is one input, result, step, warning or source.
pub const CSV_HEADER: &str = "section,key,value,unit,note";

/// A number as CSV and Markdown write it raw: Rust's shortest round-trip form, with an
/// exponent for very large or small magnitudes (2.1e25, not 26 digits).
pub fn raw(x: f64) -> String {
    let a = x.abs();
    if a != 0.0 && !(1e-4..1e15).contains(&a) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

/// One scenario input: key (the JSON contract's), value, unit.
struct Input {
    key: &'static str,
    value: String,
    unit: &'static str,
}

fn inputs(s: &Scenario) -> Vec<Input> {
    let mut out = Vec::new();
    let mut push = |key, value: String, unit| out.push(Input { key, value, unit });
    match &s.workload {
        Workload::Preset(id) => push("workload", id.clone(), ""),
        Workload::Flop { flop } => push("workload.flop", raw(*flop), "FLOP"),
        Workload::Params {
            params,
            tokens,
            active_params,
        } => {
            push("workload.params", raw(*params), "");
            push("workload.tokens", raw(*tokens), "");
            if let Some(a) = active_params {
                push("workload.active_params", raw(*a), "");
            }
        }
    }
    match &s.hardware {
        HardwareChoice::Id(id) => push("hardware", id.clone(), ""),
        HardwareChoice::Custom(c) => {
            push("hardware.name", c.name.clone(), "");
            push("hardware.all_in_w", raw(c.all_in_w), "W");
        }
    }
    push("count", raw(s.count), s.count_unit.id());
    push("count_unit", s.count_unit.id().into(), "");
    push("precision", s.precision.id().into(), "");
    push("sparse", s.sparse.to_string(), "");
    match s.utilization {
        Some(Utilization::Given(u)) => push("utilization", raw(u), "1"),
        Some(Utilization::Auto) => push("utilization", "auto".into(), ""),
        None => {}
    }
    if let Some(b) = s.global_batch {
        push("global_batch", b.to_string(), "sequences");
    }
    push("pue", raw(s.pue), "1");
    if let Some(p) = s.usd_per_chip_hour {
        push("usd_per_chip_hour", raw(p), "USD/GPU-h");
    }
    push("usd_per_kwh", raw(s.usd_per_kwh), "USD/kWh");
    push("kg_co2_per_kwh", raw(s.kg_co2_per_kwh), "kg/kWh");
    if let Some(d) = s.claimed_duration_s {
        push("claimed_duration_s", raw(d), "s");
    }
    if let Some(d) = s.target_duration_s {
        push("target_duration_s", raw(d), "s");
    }
    let optional: [(&'static str, Option<f64>, &'static str); 8] = [
        (
            "interruptions_per_gpu_hour",
            s.interruptions_per_gpu_hour,
            "1/GPU-h",
        ),
        ("checkpoint_s", s.checkpoint_s, "s"),
        ("restart_s", s.restart_s, "s"),
        ("usd_purchase_per_chip", s.usd_purchase_per_chip, "USD"),
        ("facility_usd_per_w", s.facility_usd_per_w, "USD/W"),
        ("lifetime_s", s.lifetime_s, "s"),
        ("site_power_w", s.site_power_w, "W"),
        ("budget_usd", s.budget_usd, "USD"),
    ];
    for (key, value, unit) in optional {
        if let Some(v) = value {
            push(key, raw(v), unit);
        }
    }
    out
}

/// A headline figure of the report: its key, label, raw value, unit and text in `l`.
struct Figure {
    key: &'static str,
    label: (&'static str, &'static str),
    value: f64,
    unit: &'static str,
    text: String,
}

fn figures(r: &Report, l: Locale) -> Vec<Figure> {
    let ranged = |text: String, range: &Range, show: &dyn Fn(f64) -> String| {
        if range.low < range.high {
            let words = match l {
                Locale::En => ("range", "to"),
                Locale::Fr => ("fourchette", "à"),
            };
            format!(
                "{text} ({} {} {} {})",
                words.0,
                show(range.low),
                words.1,
                show(range.high)
            )
        } else {
            text
        }
    };
    let f = |key, label, value, unit, text| Figure {
        key,
        label,
        value,
        unit,
        text,
    };
    let mut out = vec![
        f(
            "training_flop",
            ("Training compute", "Calcul d'entraînement"),
            r.training_flop,
            "FLOP",
            format!("{} FLOP", fmt::compact(r.training_flop)),
        ),
        f(
            "gpus",
            ("GPUs", "GPU"),
            r.gpus,
            "",
            fmt::grouped(r.gpus, 0, l),
        ),
        f(
            "peak_flop_per_s",
            ("Cluster peak", "Pic du cluster"),
            r.peak_flop_per_s,
            "FLOP/s",
            fmt::flops(r.peak_flop_per_s, l),
        ),
        f(
            "utilization",
            ("Utilization", "Utilisation"),
            r.utilization,
            "1",
            fmt::percent(r.utilization, l),
        ),
        f(
            "effective_flop_per_s",
            ("Sustained", "Soutenu"),
            r.effective_flop_per_s,
            "FLOP/s",
            fmt::flops(r.effective_flop_per_s, l),
        ),
        f(
            "duration_s",
            ("Duration", "Durée"),
            r.duration_s,
            "s",
            ranged(fmt::duration(r.duration_s, l), &r.ranges.duration_s, &|x| {
                fmt::duration(x, l)
            }),
        ),
        f(
            "chip_hours",
            ("GPU-hours", "Heures-GPU"),
            r.chip_hours,
            "GPU-h",
            fmt::si(r.chip_hours, "", l),
        ),
        f(
            "it_power_w",
            ("IT power", "Puissance informatique"),
            r.it_power_w,
            "W",
            fmt::si(r.it_power_w, "W", l),
        ),
        f(
            "facility_power_w",
            ("Site power", "Puissance du site"),
            r.facility_power_w,
            "W",
            fmt::si(r.facility_power_w, "W", l),
        ),
        f(
            "energy_j",
            ("Energy", "Énergie"),
            r.energy_j,
            "J",
            ranged(fmt::energy(r.energy_j, l), &r.ranges.energy_j, &|x| {
                fmt::energy(x, l)
            }),
        ),
        f(
            "co2_kg",
            ("CO₂ emitted", "CO₂ émis"),
            r.co2_kg,
            "kg",
            fmt::mass(r.co2_kg, l),
        ),
        f(
            "homes",
            ("US homes, same power", "Foyers américains, même puissance"),
            r.homes,
            "",
            fmt::big(r.homes, l),
        ),
        f(
            "cost_usd.compute",
            ("GPU rental", "Location des GPU"),
            r.cost_usd.compute,
            "USD",
            fmt::usd(r.cost_usd.compute, l),
        ),
        f(
            "cost_usd.electricity",
            ("Electricity", "Électricité"),
            r.cost_usd.electricity,
            "USD",
            fmt::usd(r.cost_usd.electricity, l),
        ),
        f(
            "cost_usd.total",
            ("Total cost", "Coût total"),
            r.cost_usd.total,
            "USD",
            ranged(fmt::usd(r.cost_usd.total, l), &r.ranges.cost_usd, &|x| {
                fmt::usd(x, l)
            }),
        ),
    ];
    // Failures, sites and money.
    let g = &r.goodput;
    if let Some(w) = g.wall_clock_s {
        out.push(f(
            "goodput.wall_clock_s",
            ("With interruptions", "Avec les interruptions"),
            w,
            "s",
            fmt::duration(w, l),
        ));
    }
    out.push(f(
        "goodput.fraction",
        ("Time spent training", "Temps passé à entraîner"),
        g.fraction,
        "1",
        fmt::percent(g.fraction, l),
    ));
    out.push(f(
        "goodput.checkpoint_interval_s",
        ("Checkpoint every", "Point de reprise toutes les"),
        g.checkpoint_interval_s,
        "s",
        fmt::duration(g.checkpoint_interval_s, l),
    ));
    if let Some(n) = g.expected_interruptions {
        out.push(f(
            "goodput.expected_interruptions",
            ("Interruptions expected", "Interruptions attendues"),
            n,
            "",
            fmt::grouped(n, 0, l),
        ));
    }
    if let Some(c) = g.cost_usd {
        out.push(f(
            "goodput.cost_usd",
            ("Cost with interruptions", "Coût avec les interruptions"),
            c,
            "USD",
            fmt::usd(c, l),
        ));
    }
    if let Some(c) = &r.capex {
        out.push(f(
            "capex.total_usd",
            ("Buying the cluster", "Acheter le cluster"),
            c.total_usd,
            "USD",
            fmt::usd(c.total_usd, l),
        ));
    }
    if let Some(o) = r.cost_usd.ownership {
        out.push(f(
            "cost_usd.ownership",
            ("Cost if owned", "Coût en propriété"),
            o,
            "USD",
            fmt::usd(o, l),
        ));
    }
    if let Some(site) = &r.site {
        out.push(f(
            "site.gpus",
            ("GPUs the site holds", "GPU que le site accueille"),
            site.gpus,
            "",
            fmt::grouped(site.gpus, 0, l),
        ));
    }
    if let Some(b) = &r.budget {
        out.push(f(
            "budget.gpus",
            ("GPUs the budget buys", "GPU que le budget achète"),
            b.gpus,
            "",
            fmt::grouped(b.gpus, 0, l),
        ));
    }
    scaling_figures(r, l, &mut out);
    if let Some(u) = r.implied_utilization {
        out.push(f(
            "implied_utilization",
            (
                "Utilization the claimed duration implies",
                "Utilisation qu'implique la durée annoncée",
            ),
            u,
            "1",
            fmt::percent(u, l),
        ));
    }
    if let Some(g) = r.chips_needed {
        out.push(f(
            "chips_needed",
            (
                "GPUs needed for the target duration",
                "GPU nécessaires pour la durée visée",
            ),
            g,
            "",
            fmt::grouped(g, 0, l),
        ));
    }
    out
}

/// The compute-optimal block and the loss bought at 2×, 10× and 100× the budget.
fn scaling_figures(r: &Report, l: Locale, out: &mut Vec<Figure>) {
    let f = |key, label, value, unit, text| Figure {
        key,
        label,
        value,
        unit,
        text,
    };
    if let Some(b) = &r.compute_optimal {
        let o = &b.result.optimal;
        out.extend([
            f(
                "compute_optimal.loss",
                ("Loss (scaling law)", "Perte (loi d'échelle)"),
                b.result.loss,
                "nat/token",
                text::loss(b.result.loss, l),
            ),
            f(
                "compute_optimal.tokens_per_param",
                ("Tokens per parameter", "Jetons par paramètre"),
                b.tokens_per_param,
                "",
                fmt::sig3(b.tokens_per_param, l),
            ),
            f(
                "compute_optimal.optimal.params",
                ("Compute-optimal parameters", "Paramètres optimaux"),
                o.params,
                "",
                text::count(o.params, l),
            ),
            f(
                "compute_optimal.optimal.tokens",
                ("Compute-optimal tokens", "Jetons optimaux"),
                o.tokens,
                "",
                text::count(o.tokens, l),
            ),
            f(
                "compute_optimal.optimal.loss",
                ("Compute-optimal loss", "Perte optimale"),
                o.loss,
                "nat/token",
                text::loss(o.loss, l),
            ),
            f(
                "compute_optimal.efficiency",
                (
                    "Compute-equivalent efficiency",
                    "Efficacité en calcul équivalent",
                ),
                b.result.efficiency,
                "1",
                fmt::percent(b.result.efficiency, l),
            ),
        ]);
    }
    const KEYS: [(&str, (&str, &str)); 4] = [
        (
            "diminishing_returns.loss",
            (
                "Compute-optimal loss for this budget",
                "Perte optimale pour ce budget",
            ),
        ),
        (
            "diminishing_returns.loss_2x",
            ("Loss at 2× the budget", "Perte à 2× le budget"),
        ),
        (
            "diminishing_returns.loss_10x",
            ("Loss at 10× the budget", "Perte à 10× le budget"),
        ),
        (
            "diminishing_returns.loss_100x",
            ("Loss at 100× the budget", "Perte à 100× le budget"),
        ),
    ];
    if let Some(d) = &r.diminishing_returns {
        for ((key, label), p) in KEYS.iter().zip(&d.points) {
            let text = match p.loss_drop_per_billion_usd {
                Some(drop) => match l {
                    Locale::En => format!(
                        "{} ({} less per extra $1B)",
                        text::loss(p.loss, l),
                        fmt::sig3(drop, l)
                    ),
                    Locale::Fr => format!(
                        "{} ({} de moins par milliard de dollars en plus)",
                        text::loss(p.loss, l),
                        fmt::sig3(drop, l)
                    ),
                },
                None => text::loss(p.loss, l),
            };
            out.push(f(key, *label, p.loss, "nat/token", text));
        }
    }
}

/// One CSV field, quoted when it holds a comma, a quote or a line break.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The scenario and its report as CSV (RFC 4180, `\n` line ends), one row per input, headline
/// result, step of the math, warning and cited source: `section,key,value,unit,note`. Values
/// are raw SI numbers (the report's); notes are the report's sentences, in its language.
pub fn csv(scenario: &Scenario, report: &Report) -> String {
    let mut out = String::from(CSV_HEADER);
    out.push('\n');
    let mut row = |cells: [&str; 5]| {
        let line: Vec<String> = cells.iter().map(|c| field(c)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    };
    for i in inputs(scenario) {
        row(["input", i.key, &i.value, i.unit, ""]);
    }
    row([
        "result",
        "hardware",
        &report.hardware.id,
        "",
        &report.hardware.name,
    ]);
    row([
        "result",
        "utilization_basis",
        &report.utilization_basis,
        "",
        "",
    ]);
    for f in figures(report, Locale::En) {
        row(["result", f.key, &raw(f.value), f.unit, ""]);
    }
    for s in &report.steps {
        let note = format!("{}: {} = {}", s.quantity, s.formula, s.substitution);
        row(["step", &s.id, &raw(s.value), &s.unit, &note]);
    }
    for w in &report.warnings {
        row(["warning", &w.code, "", "", &w.message]);
    }
    for s in &report.sources {
        let note = format!("{} ({}, {})", s.title, s.kind, s.date);
        row(["source", &s.id, &s.url, "", &note]);
    }
    out
}

/// Text for a Markdown table cell: no line break, `|` escaped.
fn cell(s: &str) -> String {
    s.replace(['\n', '\r'], " ").replace('|', "\\|")
}

/// A "show the math" value as the page and the Markdown write it, in its step's unit: a ratio
/// as a percentage, a plain count (unit `""`) grouped, seconds as a duration, dollars as money,
/// homes as a count of homes, anything else with an SI prefix.
pub fn step_value(s: &Step, l: Locale) -> String {
    match (s.unit.as_str(), l) {
        ("1", _) => fmt::percent(s.value, l),
        ("", _) => fmt::big(s.value, l),
        ("s", _) => fmt::duration(s.value, l),
        ("USD", _) => fmt::usd(s.value, l),
        ("homes", Locale::En) => format!("{} homes", fmt::big(s.value, l)),
        ("homes", Locale::Fr) => format!("{} foyers", fmt::big(s.value, l)),
        (u, _) => fmt::si(s.value, u, l),
    }
}

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
    let w = |en: &'static str, fr: &'static str| if l == Locale::Fr { fr } else { en };
    let mut out = String::new();
    let title = match l {
        Locale::En => format!(
            "# Zettaflop: {} FLOP on {} GPUs ({})\n\n",
            fmt::compact(report.training_flop),
            fmt::grouped(report.gpus, 0, l),
            report.hardware.name
        ),
        Locale::Fr => format!(
            "# Zettaflop : {} FLOP sur {} GPU ({})\n\n",
            fmt::compact(report.training_flop),
            fmt::grouped(report.gpus, 0, l),
            report.hardware.name
        ),
    };
    out.push_str(&title);
    out.push_str(&quote_block(scenario, report, l));

    out.push_str(&format!("## {}\n\n", w("Scenario", "Scénario")));
    out.push_str(&format!(
        "| {} | {} | {} |\n|---|---|---|\n",
        w("Input", "Entrée"),
        w("Value", "Valeur"),
        w("Unit", "Unité")
    ));
    for i in inputs(scenario) {
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            i.key,
            cell(&i.value),
            i.unit
        ));
    }

    out.push_str(&format!("\n## {}\n\n", w("Result", "Résultat")));
    out.push_str(&format!(
        "| {} | {} | {} |\n|---|---|---|\n",
        w("Quantity", "Grandeur"),
        w("Value", "Valeur"),
        w("Raw (SI)", "Brut (SI)")
    ));
    for f in figures(report, l) {
        let label = if l == Locale::Fr {
            f.label.1
        } else {
            f.label.0
        };
        let unit = if f.unit == "1" { "" } else { f.unit };
        let raw_value = format!("{} {unit}", raw(f.value));
        out.push_str(&format!(
            "| {label} | {} | {} |\n",
            cell(&f.text),
            raw_value.trim_end()
        ));
    }
    if !report.warnings.is_empty() {
        out.push_str(&format!("\n## {}\n\n", w("Warnings", "Avertissements")));
        for warning in &report.warnings {
            out.push_str(&format!("- {}\n", cell(&warning.message)));
        }
    }

    out.push_str(&format!("\n## {}\n\n", w("The math", "Le calcul")));
    out.push_str(&format!(
        "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|\n",
        w("Quantity", "Grandeur"),
        w("Formula", "Formule"),
        w("With the numbers", "Avec les nombres"),
        w("Value", "Valeur"),
        w("Sources", "Sources")
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

    out.push_str(&format!("\n## {}\n\n", w("Sources", "Sources")));
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
    out.push_str(&format!(
        "\n{}\n",
        w(
            "Computed by Zettaflop. Model compute and chip figures draw on Epoch AI's databases (CC BY 4.0).",
            "Calculé par Zettaflop. Les chiffres de calcul des modèles et des puces s'appuient sur les bases d'Epoch AI (CC BY 4.0)."
        )
    ));
    out
}
