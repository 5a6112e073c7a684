//! The time chart: training time (days, log) against the GPU count (log) for several chip
//! generations, the ideal line and the line with utilization and interruptions, the scenario
//! marked, and the data table. Every number is the estimator's `sweep`; this module only places
//! them, with the SVG helpers of [`crate::charts`].

use std::fmt::Write;

use zettaflop_estimator::format::{self as fmt, Locale};
use zettaflop_estimator::SweepPoint;

use crate::charts::TimeData;
use crate::i18n::{fill, t, K};
use crate::svg::{close, close_svg, line, num_cell, open, shape, text, Markup, XAxis};

const DAY: f64 = 86_400.0;

const W: f64 = 600.0;
const H: f64 = 430.0;
const L: f64 = 74.0;
const R: f64 = 556.0;
const T: f64 = 84.0;
const B: f64 = 370.0;

/// Which duration of a point a line follows.
type Duration = fn(&SweepPoint) -> f64;

/// A chip's short name: its id in capitals.
fn short(id: &str) -> String {
    id.to_ascii_uppercase()
}

/// The chart's two log axes, fitted to every point's ideal and real durations.
struct Axes {
    x: XAxis,
    y: XAxis,
}

impl Axes {
    fn fit(d: &TimeData) -> Axes {
        let x = XAxis::fit(
            d.series
                .iter()
                .flat_map(|s| s.points.iter().map(|p| p.gpus)),
            true,
        );
        let y = XAxis::fit(
            d.series.iter().flat_map(|s| {
                s.points
                    .iter()
                    .flat_map(|p| [p.ideal_duration_s / DAY, p.duration_s / DAY])
            }),
            true,
        );
        Axes { x, y }
    }

    /// Where a point (GPUs, seconds) sits.
    fn at(&self, gpus: f64, seconds: f64) -> (f64, f64) {
        (self.x.pos(gpus, L, R), self.y.pos(seconds / DAY, B, T))
    }
}

/// The time chart: time (days, log) against GPUs (log).
pub fn time_chart(m: &mut Markup, d: &TimeData, l: Locale) {
    let a = Axes::fit(d);
    let names: Vec<String> = d.series.iter().map(|s| short(&s.id)).collect();
    let desc = fill(t(K::ChTimeDesc, l), &[&names.join(", ")]);
    open(m, "time", t(K::ChTimeTitle, l), &desc, W, H);
    legend(m, &names, d.utilization, l);
    grid(m, &a, l);
    for (i, s) in d.series.iter().enumerate() {
        series(m, &a, i, s, &names[i], l);
    }
    if let Some((g, wall, _)) = d.now {
        now(m, &a, g, wall, l);
    }
    table(m, d, &names, l);
    close(m);
}

/// Legend: a line, a marker and a name per chip; then the two line styles.
fn legend(m: &mut Markup, names: &[String], utilization: f64, l: Locale) {
    let mut lx = L;
    for (i, n) in names.iter().enumerate() {
        line(m, &format!("real s{i}"), lx, 18.0, lx + 24.0, 18.0);
        let _ = write!(
            m.0,
            r#"<path class="s{i}" d="{}"/>"#,
            shape(i, lx + 12.0, 18.0)
        );
        text(m, "lbl", lx + 30.0, 23.0, "start", n);
        lx += 40.0 + 10.0 * n.len() as f64;
    }
    line(m, "ideal s0", L, 40.0, L + 24.0, 40.0);
    text(m, "", L + 30.0, 45.0, "start", t(K::ChIdeal, l));
    line(m, "real s0", L, 62.0, L + 24.0, 62.0);
    let real = fill(t(K::ChReal, l), &[&fmt::percent(utilization, l)]);
    text(m, "", L + 30.0, 67.0, "start", &real);
}

/// The grid lines with their values, the axes and their titles.
fn grid(m: &mut Markup, a: &Axes, l: Locale) {
    for k in a.x.steps() {
        let px = a.x.pos(10f64.powi(k), L, R);
        line(m, "grid", px, T, px, B);
        let v = fmt::grouped(10f64.powi(k), 0, l);
        text(m, "", px, B + 18.0, "middle", &v);
    }
    for k in a.y.steps() {
        let py = a.y.pos(10f64.powi(k), B, T);
        line(m, "grid", L, py, R, py);
        let decimals = usize::try_from(-k).unwrap_or(0);
        let v = fmt::grouped(10f64.powi(k), decimals, l);
        text(m, "", L - 6.0, py + 5.0, "end", &v);
    }
    line(m, "axis", L, B, R, B);
    line(m, "axis", L, T, L, B);
    let mid = (L + R) / 2.0;
    text(m, "lbl", mid, H - 8.0, "middle", t(K::ChAxisGpus, l));
    let _ = write!(
        m.0,
        r#"<text class="lbl" transform="rotate(-90)" x="{}" y="18" text-anchor="middle">"#,
        -(T + B) / 2.0
    );
    m.text(t(K::ChAxisDays, l)).raw("</text>");
}

/// One chip: its ideal and real lines, and a marker with a tooltip per point.
fn series(m: &mut Markup, a: &Axes, i: usize, s: &crate::charts::Series, name: &str, l: Locale) {
    let lines: [(&str, Duration); 2] = [
        ("ideal", |p| p.ideal_duration_s),
        ("real", |p| p.duration_s),
    ];
    for (class, f) in lines {
        let pts: Vec<String> = s
            .points
            .iter()
            .map(|p| {
                let (x, y) = a.at(p.gpus, f(p));
                format!("{x:.1},{y:.1}")
            })
            .collect();
        let _ = write!(
            m.0,
            r#"<polyline class="{class} s{i}" data-series="{}" data-line="{class}" points="{}"/>"#,
            s.id,
            pts.join(" ")
        );
    }
    for p in &s.points {
        let (x, y) = a.at(p.gpus, p.duration_s);
        let _ = write!(
            m.0,
            r#"<path class="s{i}" data-series="{}" data-gpus="{}" data-value="{}" d="{}"><title>"#,
            s.id,
            p.gpus,
            p.duration_s,
            shape(i, x, y)
        );
        let tip = fill(
            t(K::ChTimePoint, l),
            &[
                name,
                &fmt::grouped(p.gpus, 0, l),
                &fmt::duration(p.duration_s, l),
                &fmt::duration(p.ideal_duration_s, l),
            ],
        );
        m.text(&tip).raw("</title></path>");
    }
}

/// The scenario's own point, labelled on the side with room.
fn now(m: &mut Markup, a: &Axes, g: f64, wall: f64, l: Locale) {
    let (px, py) = a.at(g, wall);
    let _ = write!(
        m.0,
        r#"<circle class="now" data-testid="chart-time-now" data-gpus="{g}" data-value="{wall}" cx="{px:.1}" cy="{py:.1}" r="9"/>"#
    );
    let (tx, anchor) = if px > (L + R) / 2.0 {
        (px - 14.0, "end")
    } else {
        (px + 14.0, "start")
    };
    text(m, "now-l", tx, py - 10.0, anchor, t(K::ChNow, l));
}

/// The data table: one row per chip and GPU count.
fn table(m: &mut Markup, d: &TimeData, names: &[String], l: Locale) {
    let head = [
        t(K::BtChip, l),
        t(K::StatGpus, l),
        t(K::ChColIdeal, l),
        t(K::ChColCompute, l),
        t(K::ChColWall, l),
        t(K::StatEnergy, l),
        t(K::StatCost, l),
    ];
    close_svg(m, "time", &head, l);
    for (i, s) in d.series.iter().enumerate() {
        for p in &s.points {
            let _ = write!(m.0, r#"<tr data-series="{}">"#, s.id);
            m.wrap(r#"<th scope="row">"#, &names[i], "</th>");
            num_cell(m, "gpus", p.gpus, &fmt::grouped(p.gpus, 0, l));
            let d = |s: f64| fmt::duration(s, l);
            num_cell(
                m,
                "ideal_duration_s",
                p.ideal_duration_s,
                &d(p.ideal_duration_s),
            );
            num_cell(
                m,
                "compute_duration_s",
                p.compute_duration_s,
                &d(p.compute_duration_s),
            );
            num_cell(m, "duration_s", p.duration_s, &d(p.duration_s));
            num_cell(m, "energy_j", p.energy_j, &fmt::energy(p.energy_j, l));
            num_cell(m, "cost_usd", p.cost_usd, &fmt::usd(p.cost_usd, l));
            m.raw("</tr>");
        }
    }
}
