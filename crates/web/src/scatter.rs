//! A scatter chart in SVG, drawn by the page (no chart library): implied utilization up the
//! y axis (linear from 0 to 150 %, then a band above where the impossible runs sit by order of
//! magnitude), a marker shape and colour per verdict, and the reported MFU as a hollow diamond
//! joined to its run.
//!
//! Written as markup with the helpers of [`crate::svg`], every text escaped.

use std::fmt::Write;

use zettaflop_estimator::backtest::{asset::Point, Verdict};
use zettaflop_estimator::format::{self as fmt, Locale};

use crate::i18n::{fill, t, K};
use crate::svg::{line, text, Markup, XAxis};

const W: f64 = 600.0;
const H: f64 = 384.0;
/// Plot area: left, right, top (150 %), bottom (0 %).
const L: f64 = 62.0;
const R: f64 = 570.0;
const T: f64 = 82.0;
const B: f64 = 326.0;
/// The band above the scale, for runs above [`Y_MAX`].
const BAND_TOP: f64 = 30.0;
const BAND_BOTTOM: f64 = 70.0;
/// The top of the linear scale (150 %).
const Y_MAX: f64 = 1.5;
/// Decades above `Y_MAX` the band spans.
const BAND_DECADES: f64 = 5.0;
/// Marker size.
const S: f64 = 3.6;

/// The y position of a utilization.
fn y(u: f64) -> f64 {
    if u <= Y_MAX {
        B - u.max(0.0) / Y_MAX * (B - T)
    } else {
        let k = ((u / Y_MAX).log10() / BAND_DECADES).min(1.0);
        BAND_BOTTOM - 4.0 - k * (BAND_BOTTOM - BAND_TOP - 8.0)
    }
}

/// The marker of a verdict at (x, y), as path data.
pub fn marker(v: Verdict, x: f64, y: f64) -> String {
    let (s2, s11) = (2.0 * S, 1.1 * S);
    match v {
        Verdict::Low => format!(
            "M{x:.1} {:.1}l{s11:.1} -{s2}h-{:.1}z",
            y + 1.2 * S,
            2.0 * s11
        ),
        Verdict::High => format!(
            "M{x:.1} {:.1}l{s11:.1} {s2}h-{:.1}z",
            y - 1.2 * S,
            2.0 * s11
        ),
        Verdict::Impossible => {
            format!("M{:.1} {:.1}l{s2} {s2}m0 -{s2}l-{s2} {s2}", x - S, y - S)
        }
        _ => format!(
            "M{:.1} {y:.1}a{S} {S} 0 1 0 {s2} 0a{S} {S} 0 1 0 -{s2} 0",
            x - S
        ),
    }
}

/// The reported-MFU marker: a hollow diamond at (x, m), joined to the run's point at (x, y).
pub fn mfu_marker(x: f64, y: f64, m: f64) -> String {
    format!(
        "M{x:.1} {y:.1}V{m:.1}M{x:.1} {:.1}l{S} {S}l-{S} {S}l-{S} -{S}z",
        m - S
    )
}

/// The chart's content: frame, ticks, axis labels, then the points.
fn content(points: &[(f64, &Point)], axis: &XAxis, x_label: K, l: Locale) -> String {
    let mut m = Markup::default();
    let _ = write!(
        m.0,
        r#"<rect class="band" x="{L}" y="{BAND_TOP}" width="{}" height="{}"/>"#,
        R - L,
        BAND_BOTTOM - BAND_TOP
    );
    text(
        &mut m,
        "tick band-label",
        L + 6.0,
        BAND_TOP + 13.0,
        "start",
        t(K::BtOffScale, l),
    );
    for i in 0..=6 {
        let u = f64::from(i) * 0.25;
        line(&mut m, "grid", L, y(u), R, y(u));
        text(
            &mut m,
            "tick",
            L - 6.0,
            y(u) + 4.0,
            "end",
            &fmt::percent(u, l),
        );
    }
    for (x, label) in axis.ticks(l, L, R) {
        line(&mut m, "grid", x, T, x, B);
        text(&mut m, "tick", x, B + 16.0, "middle", &label);
    }
    line(&mut m, "peak", L, y(1.0), R, y(1.0));
    text(
        &mut m,
        "tick peak-label",
        R - 4.0,
        y(1.0) - 5.0,
        "end",
        t(K::BtPeakLine, l),
    );
    line(&mut m, "axis", L, B, R, B);
    line(&mut m, "axis", L, T, L, B);
    text(
        &mut m,
        "axis-label",
        (L + R) / 2.0,
        H - 6.0,
        "middle",
        t(x_label, l),
    );
    let _ = write!(
        m.0,
        r#"<text class="axis-label" transform="rotate(-90)" x="{}" y="16" text-anchor="middle">"#,
        -(T + B) / 2.0
    );
    m.text(t(K::BtAxisUtil, l)).raw("</text>");
    for (x, p) in points {
        if let (Some(u), Some(r)) = (p.implied_utilization, p.reported_mfu) {
            let _ = write!(
                m.0,
                r#"<path class="mfu" d="{}"/>"#,
                mfu_marker(*x, y(u), y(r))
            );
        }
    }
    // Plausible runs first, impossible ones last (on top).
    for v in [
        Verdict::Plausible,
        Verdict::Low,
        Verdict::High,
        Verdict::Impossible,
    ] {
        for (x, p) in points.iter().filter(|(_, p)| p.verdict == v) {
            let Some(u) = p.implied_utilization else {
                continue;
            };
            let id = v.id();
            let _ = write!(
                m.0,
                r#"<path class="pt v-{id}" data-verdict="{id}" data-value="{u}" d="{}"><title>"#,
                marker(v, *x, y(u))
            );
            m.text(&tip(p, u, l)).raw("</title></path>");
        }
    }
    m.0
}

/// A point's tooltip: name, year, implied utilization, chips, reported MFU.
fn tip(p: &Point, u: f64, l: Locale) -> String {
    let year = p.year().map(|y| y.to_string()).unwrap_or_default();
    let mut tip = fill(
        t(K::BtPoint, l),
        &[
            &p.name,
            &year,
            &fmt::percent(u, l),
            &fmt::grouped(p.chips, 0, l),
            &p.hardware_name,
        ],
    );
    if let Some(m) = p.reported_mfu {
        tip.push_str("; ");
        tip.push_str(&fill(t(K::BtPointMfu, l), &[&fmt::percent(m, l)]));
    }
    tip
}

/// What a chart plots against implied utilization.
#[derive(Debug, Clone, Copy)]
pub struct Chart {
    /// The chart's test id is `bt-<name>`.
    pub name: &'static str,
    /// Title.
    pub title: K,
    /// The x axis' label, with its unit.
    pub x_label: K,
    /// The x value of a run.
    pub x_of: fn(&Point) -> Option<f64>,
    /// A logarithmic x axis.
    pub log: bool,
}

/// Implied utilization against the publication year.
pub const BY_YEAR: Chart = Chart {
    name: "year",
    title: K::BtByYear,
    x_label: K::BtAxisYear,
    x_of: Point::when,
    log: false,
};

fn chips(p: &Point) -> Option<f64> {
    Some(p.chips)
}

/// Implied utilization against the cluster size (chips, log scale).
pub const BY_SIZE: Chart = Chart {
    name: "size",
    title: K::BtBySize,
    x_label: K::BtAxisGpus,
    x_of: chips,
    log: true,
};

/// Writes `chart` of `points` into `m`: a `<figure>` with its title, and an SVG whose text
/// alternative points to the data table.
pub fn scatter(m: &mut Markup, chart: &Chart, points: &[Point], l: Locale) {
    let Chart {
        name,
        title,
        x_label,
        x_of,
        log,
    } = *chart;
    let axis = XAxis::fit(points.iter().filter_map(x_of), log);
    let placed: Vec<(f64, &Point)> = points
        .iter()
        .filter_map(|p| Some((axis.pos(x_of(p)?, L, R), p)))
        .collect();
    let n = fmt::grouped(placed.len() as f64, 0, l);
    let _ = write!(
        m.0,
        r#"<figure class="chart" data-testid="bt-{name}"><figcaption id="bt-{name}-title">"#
    );
    m.text(t(title, l)).raw("</figcaption>");
    let _ = write!(
        m.0,
        r#"<svg viewBox="0 0 {W} {H}" role="img" aria-labelledby="bt-{name}-title bt-{name}-desc"><desc id="bt-{name}-desc">"#
    );
    m.text(&fill(t(K::BtDesc, l), &[&n])).raw("</desc>");
    m.raw(&content(&placed, &axis, x_label, l));
    m.raw("</svg></figure>");
}
