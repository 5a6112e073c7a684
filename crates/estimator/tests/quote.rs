//! The sentence to quote (estimate and claim) and the one verdict per claim: the headline reading
//! is the quoted precision, or BF16 when none is quoted, with the other readings beside it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use zettaflop_estimator::catalog::CLAIMS;
use zettaflop_estimator::claim::{check, Claim, Verdict};
use zettaflop_estimator::format::Locale;
use zettaflop_estimator::{estimate, quote, Precision, Scenario};

fn claim(json: &str) -> Claim {
    serde_json::from_str(json).unwrap()
}

#[test]
fn the_seed_case_as_a_sentence_in_both_languages() {
    let s = Scenario {
        claimed_duration_s: Some(43_200.0),
        ..Scenario::default()
    };
    let r = estimate(&s).unwrap();
    let en = quote::estimate(&s, &r, Locale::En);
    assert_eq!(
        en.text,
        "Training GPT-4 (2.1e25 FLOP) on 64,000 GB200 superchips would take about 1 day 22 hours \
         at 40\u{a0}% utilization — not 12 hours, which would need 152\u{a0}% of the peak."
    );
    assert_eq!(
        en.credit,
        "Source: Zettaflop, from figures by Epoch AI, NVIDIA via G. K. Lockwood"
    );
    let fr = quote::estimate(&s, &r, Locale::Fr);
    assert_eq!(
        fr.text,
        "Entraîner GPT-4 (2,1e25 FLOP) sur 64\u{202f}000 superpuces GB200 prendrait environ \
         1 jour 22 heures à 40\u{a0}% d'utilisation — et non 12 heures, qui demanderaient \
         152\u{a0}% du pic."
    );
    assert!(
        fr.credit.starts_with("Source\u{202f}: Zettaflop"),
        "{}",
        fr.credit
    );
    assert_eq!(
        quote::question(&s, &r, Locale::En),
        "How long would it take to train GPT-4 (2.1e25 FLOP) on 64,000 GB200 superchips at \
         40\u{a0}% utilization?"
    );
    assert!(quote::question(&s, &r, Locale::Fr).ends_with("d'utilisation\u{202f}?"));
    // Without a claimed duration: the answer alone.
    let plain = Scenario::default();
    let q = quote::estimate(&plain, &estimate(&plain).unwrap(), Locale::En);
    assert!(q.text.ends_with("at 40\u{a0}% utilization."), "{}", q.text);
}

/// The page's calculator keys and what each reads as.
#[test]
fn an_empty_precision_is_read_at_bf16_with_the_other_readings_beside_it() {
    // "GPT-4 in 12 h on 64,000 GB200" with no precision: BF16 needs 152 % (59 % at the low end
    // of GPT-4's compute: optimistic); FP8 (76 %) is listed beside it, labelled, not taken as the
    // verdict.
    let c = claim(
        r#"{"workload": "gpt-4", "duration_s": 43200, "count": 64000, "count_unit": "package", "hardware": "gb200"}"#,
    );
    let r = check(&c, Locale::En).unwrap();
    assert_eq!(r.verdict, Verdict::Optimistic);
    let h = quote::headline(&r).unwrap();
    assert_eq!(h.precision, Precision::Bf16);
    assert!(!h.sparse);
    assert_eq!(h.gpus, 128_000.0);
    let others = quote::other_readings(&r, Locale::En);
    assert_eq!(
        others[0],
        (
            "FP8, dense peak, 128,000 GPUs: 76\u{a0}% — optimistic".to_string(),
            Verdict::Optimistic
        )
    );
    assert!(others.iter().all(|(t, _)| t.contains(": ")));
    // Grok-3 in 100 days on 100,000 H100: 54.3 % of dense BF16, plausible (27.1 % is FP8).
    let c = claim(
        r#"{"workload": "grok-3", "duration_s": 8640000, "count": 100000, "hardware": "h100"}"#,
    );
    let r = check(&c, Locale::Fr).unwrap();
    let h = quote::headline(&r).unwrap();
    assert_eq!(h.precision, Precision::Bf16);
    assert!((h.implied_utilization.unwrap() - 0.5428).abs() < 1e-3);
    assert_eq!(r.verdict, Verdict::Plausible);
    let others = quote::other_readings(&r, Locale::Fr);
    assert!(
        others[0]
            .0
            .starts_with("FP8, pic dense, 100\u{202f}000 GPU\u{202f}: 27,1\u{a0}%"),
        "{others:?}"
    );
}

#[test]
fn the_article_claims_headline_the_precision_they_quote() {
    for c in CLAIMS.iter().filter(|c| c.workload.is_some()) {
        let r = check(&c.claim(), Locale::En).unwrap();
        let h = quote::headline(&r).unwrap();
        let quoted = c.precision.unwrap();
        let same = h.precision == quoted
            || matches!(
                (h.precision, quoted),
                (
                    Precision::Bf16 | Precision::Fp16,
                    Precision::Bf16 | Precision::Fp16
                )
            );
        assert!(same, "{}: headline {:?}", c.id, h.precision);
        assert_eq!(r.verdict, h.verdict, "{}", c.id);
    }
}

#[test]
fn a_claim_as_a_sentence_with_its_verdict_and_reason() {
    let c = CLAIMS.iter().find(|c| c.id == "gpt4-12h").unwrap().claim();
    let en = quote::claim(&c, &check(&c, Locale::En).unwrap(), Locale::En);
    assert_eq!(
        en.text,
        "Training GPT-4 in 12 hours on 64,000 GB200 superchips is optimistic: it would need 152\u{a0}% of \
         the dense FP16 peak of 128,000 GPUs, and still 59.3\u{a0}% at the low end of the model's \
         compute estimate. At a typical 40\u{a0}% utilization it would take about 1 day 22 hours."
    );
    let q = en.query.unwrap();
    assert!(
        q.starts_with("mode=factcheck&lang=en&cl-model=gpt-4"),
        "{q}"
    );
    assert!(q.contains("cl-precision=fp16"), "{q}");
    let fr = quote::claim(&c, &check(&c, Locale::Fr).unwrap(), Locale::Fr);
    assert_eq!(
        fr.text,
        "Entraîner GPT-4 en 12 heures sur 64\u{202f}000 superpuces GB200 est optimiste\u{202f}: \
         il faudrait 152\u{a0}% du pic FP16 dense de 128\u{202f}000 GPU, et encore 59,3\u{a0}% au bas \
         de l'estimation du calcul du modèle. À une utilisation typique de 40\u{a0}%, il faudrait environ 1 jour 22 heures."
    );
    // A claim without a duration quotes its verdict and reason.
    let c = CLAIMS
        .iter()
        .find(|c| c.id == "stargate-peak")
        .unwrap()
        .claim();
    let r = check(&c, Locale::En).unwrap();
    let q = quote::claim(&c, &r, Locale::En);
    assert!(
        q.text
            .starts_with("Zettaflop finds this claim misleading: "),
        "{}",
        q.text
    );
    assert!(q.text.ends_with(&r.reason));
}

#[test]
fn the_markdown_export_carries_the_sentence_and_plain_counts_in_the_math() {
    use zettaflop_estimator::{estimate_in, export};
    let s = Scenario::default();
    for l in [Locale::En, Locale::Fr] {
        let r = estimate_in(&s, l).unwrap();
        let md = export::markdown(&s, &r, l);
        let q = quote::estimate(&s, &r, l);
        assert!(md.contains(&format!("> {}\n", q.text)), "{md}");
        assert!(md.contains(&q.query.unwrap()), "{md}");
        // The expected interruptions are a count (176), not a percentage (17,578 %).
        let n = r.goodput.expected_interruptions.unwrap();
        let step = r
            .steps
            .iter()
            .find(|x| x.id == "goodput.expected_interruptions")
            .unwrap();
        assert_eq!(step.value, n);
        let shown = export::step_value(step, l);
        assert_eq!(shown, zettaflop_estimator::format::big(n, l));
        assert!(!shown.contains('%'));
        assert!(md.contains(&format!("| {shown} |")), "{md}");
    }
}
