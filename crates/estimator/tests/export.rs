//! The CSV and Markdown exports: every input, headline figure, step, warning and source is
//! there, numbers raw in the CSV as the report holds them, text in the report's language.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use zettaflop_estimator::export::{self, raw, CSV_HEADER};
use zettaflop_estimator::format::Locale;
use zettaflop_estimator::{estimate_in, Report, Scenario, Utilization, Workload};

/// A minimal RFC 4180 reader: rows of fields (quotes, doubled quotes, commas inside quotes).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && row.is_empty(),
        "the CSV ends with a line break"
    );
    rows
}

fn claim_scenario() -> Scenario {
    Scenario {
        utilization: Some(Utilization::Given(0.4)),
        claimed_duration_s: Some(43_200.0),
        target_duration_s: Some(30.0 * 86_400.0),
        ..Scenario::default()
    }
}

fn find<'a>(rows: &'a [Vec<String>], section: &str, key: &str) -> &'a Vec<String> {
    rows.iter()
        .find(|r| r[0] == section && r[1] == key)
        .unwrap_or_else(|| panic!("no row {section},{key}"))
}

#[test]
fn csv_has_every_input_figure_step_warning_and_source() {
    let s = claim_scenario();
    let r: Report = estimate_in(&s, Locale::En).unwrap();
    let text = export::csv(&s, &r);
    let rows = parse_csv(&text);
    assert_eq!(rows[0].join(","), CSV_HEADER);
    assert!(
        rows.iter().all(|row| row.len() == 5),
        "5 fields in every row"
    );

    assert_eq!(find(&rows, "input", "workload")[2], "gpt-4");
    assert_eq!(find(&rows, "input", "count")[2..4], ["64000", "package"]);
    assert_eq!(find(&rows, "input", "utilization")[2], "0.4");
    assert_eq!(find(&rows, "input", "claimed_duration_s")[2], "43200");
    // Raw numbers read back to the report's values, bit for bit.
    let back = |key: &str| find(&rows, "result", key)[2].parse::<f64>().unwrap();
    assert_eq!(back("duration_s"), r.duration_s);
    assert_eq!(back("duration_s"), 164_062.5);
    assert_eq!(back("training_flop"), 2.1e25);
    assert_eq!(back("energy_j"), r.energy_j);
    assert_eq!(back("cost_usd.total"), r.cost_usd.total);
    assert_eq!(back("co2_kg"), r.co2_kg);
    assert_eq!(back("implied_utilization"), r.implied_utilization.unwrap());
    assert_eq!(back("chips_needed"), r.chips_needed.unwrap());
    for step in &r.steps {
        let row = find(&rows, "step", &step.id);
        assert_eq!(
            row[2].parse::<f64>().unwrap(),
            step.value,
            "step {}",
            step.id
        );
        assert!(row[4].contains(&step.formula), "step {} formula", step.id);
    }
    for w in &r.warnings {
        assert_eq!(find(&rows, "warning", w.code.id())[4], w.message);
    }
    assert!(r.warnings.iter().any(|w| w.code.id() == "claim_impossible"));
    for src in &r.sources {
        assert_eq!(find(&rows, "source", &src.id)[2], src.url);
    }
    // A comma inside a note is quoted, and reads back whole.
    let homes = find(&rows, "step", "homes");
    assert!(homes[4].contains("10,715 kWh"));
}

#[test]
fn markdown_has_the_headline_figures_in_both_languages() {
    let s = claim_scenario();
    let en = export::markdown(&s, &estimate_in(&s, Locale::En).unwrap(), Locale::En);
    for want in [
        "## Scenario",
        "| `workload` | gpt-4 |",
        "| Duration | 1 d 21.6 h (range 17.8 h to 3 d 23.5 h) | 164062.5 s |",
        "| Total cost | $27.4M",
        "| CO₂ emitted | 4,280 t |",
        "| Utilization the claimed duration implies | 152\u{a0}% |",
        "## The math",
        "`T = C / R`",
        "- the claimed duration needs 152\u{a0}% of the peak: impossible",
        "<https://epoch.ai/data/ai-models>",
    ] {
        assert!(en.contains(want), "English Markdown lacks {want:?}:\n{en}");
    }
    let fr = export::markdown(&s, &estimate_in(&s, Locale::Fr).unwrap(), Locale::Fr);
    for want in [
        "## Scénario",
        "| Durée | 1 j 21,6 h",
        "| Coût total | 27,4 M$",
        "## Le calcul",
        "impossible",
    ] {
        assert!(fr.contains(want), "French Markdown lacks {want:?}:\n{fr}");
    }
    // Every table row has as many cells as its header.
    for doc in [&en, &fr] {
        let mut width = 0;
        for line in doc.lines() {
            if line.starts_with('|') {
                let cells = line.replace("\\|", "").matches('|').count();
                if width == 0 {
                    width = cells;
                }
                assert_eq!(cells, width, "row {line:?}");
            } else {
                width = 0;
            }
        }
    }
}

#[test]
fn custom_workloads_and_raw_numbers() {
    let s = Scenario {
        workload: Workload::Params {
            params: 175e9,
            tokens: 300e9,
            active_params: Some(37e9),
        },
        ..Scenario::default()
    };
    let r = estimate_in(&s, Locale::En).unwrap();
    let rows = parse_csv(&export::csv(&s, &r));
    assert_eq!(find(&rows, "input", "workload.params")[2], "175000000000");
    assert_eq!(
        find(&rows, "input", "workload.active_params")[2],
        "37000000000"
    );
    assert_eq!(raw(2.1e25), "2.1e25");
    assert_eq!(raw(1e-7), "1e-7");
    assert_eq!(raw(0.0), "0");
    assert_eq!(raw(164_062.5), "164062.5");
    assert_eq!(raw(1e15), "1e15");
}

#[test]
fn failures_sites_and_money_are_exported_too() {
    let scenario = Scenario {
        checkpoint_s: Some(120.0),
        site_power_w: Some(1.2e9),
        budget_usd: Some(1e9),
        ..Scenario::default()
    };
    let r = estimate_in(&scenario, Locale::En).unwrap();
    let rows = parse_csv(&export::csv(&scenario, &r));
    // The inputs as given, raw.
    assert_eq!(find(&rows, "input", "checkpoint_s")[2], "120");
    assert_eq!(find(&rows, "input", "site_power_w")[2], "1200000000");
    assert_eq!(find(&rows, "input", "budget_usd")[2], "1000000000");
    // The figures, raw as the report holds them.
    let wall = r.goodput.wall_clock_s.expect("finishes");
    assert_eq!(find(&rows, "result", "goodput.wall_clock_s")[2], raw(wall));
    assert_eq!(
        find(&rows, "result", "goodput.fraction")[2],
        raw(r.goodput.fraction)
    );
    let site = r.site.expect("asked");
    // 1.2 GW / (1,667 W × 1.2) = 599,880 GPUs.
    assert_eq!(site.gpus, 599_880.0);
    assert_eq!(find(&rows, "result", "site.gpus")[2], "599880");
    assert_eq!(
        find(&rows, "result", "budget.gpus")[2],
        raw(r.budget.expect("asked").gpus)
    );
    assert_eq!(
        find(&rows, "result", "capex.total_usd")[2],
        raw(r.capex.expect("priced").total_usd)
    );
    // In French, the labels and the numbers the French way.
    let fr = estimate_in(&scenario, Locale::Fr).unwrap();
    let md = export::markdown(&scenario, &fr, Locale::Fr);
    assert!(md.contains("| Avec les interruptions |"), "{md}");
    assert!(
        md.contains("| GPU que le site accueille | 599\u{202f}880"),
        "{md}"
    );
}

#[test]
fn exports_carry_the_compute_optimal_block_and_the_returns() {
    let s = Scenario {
        workload: Workload::Params {
            params: 175e9,
            tokens: 300e9,
            active_params: None,
        },
        ..Scenario::default()
    };
    let r = estimate_in(&s, Locale::En).unwrap();
    let b = r.compute_optimal.as_ref().unwrap();
    let d = r.diminishing_returns.as_ref().unwrap();
    let rows = parse_csv(&export::csv(&s, &r));
    let back = |key: &str| find(&rows, "result", key)[2].parse::<f64>().unwrap();
    assert_eq!(back("compute_optimal.loss"), b.result.loss);
    assert_eq!(back("compute_optimal.tokens_per_param"), b.tokens_per_param);
    assert_eq!(
        back("compute_optimal.optimal.params"),
        b.result.optimal.params
    );
    assert_eq!(
        back("compute_optimal.optimal.tokens"),
        b.result.optimal.tokens
    );
    assert_eq!(back("compute_optimal.optimal.loss"), b.result.optimal.loss);
    assert_eq!(back("compute_optimal.efficiency"), b.result.efficiency);
    assert_eq!(back("diminishing_returns.loss"), d.points[0].loss);
    assert_eq!(back("diminishing_returns.loss_100x"), d.points[3].loss);
    assert_eq!(
        find(&rows, "result", "compute_optimal.loss")[3],
        "nat/token"
    );
    find(&rows, "step", "compute_optimal.equivalent_flop");
    find(&rows, "source", "epoch-chinchilla-replication");
    let md = export::markdown(&s, &r, Locale::En);
    assert!(md.contains("| Compute-optimal parameters | 53B |"), "{md}");
    assert!(md.contains("| Loss at 10× the budget |"));
    let fr = export::markdown(&s, &r, Locale::Fr);
    assert!(fr.contains("| Paramètres optimaux | 53\u{a0}Md |"), "{fr}");
    assert!(fr.contains("de moins par milliard de dollars en plus"));
    // A workload without params and tokens has the returns but not the block.
    let r = estimate_in(&Scenario::default(), Locale::En).unwrap();
    let rows = parse_csv(&export::csv(&Scenario::default(), &r));
    assert!(!rows.iter().any(|row| row[1] == "compute_optimal.loss"));
    find(&rows, "result", "diminishing_returns.loss_2x");
}
