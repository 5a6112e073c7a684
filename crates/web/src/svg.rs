//! The SVG helpers every chart of the page uses (the back-test scatter, the time, split,
//! compare and returns charts): markup written by hand with every text escaped, a fitted axis,
//! lines, texts and markers, and the frame of a chart (`<figure>`, title, SVG with its styles,
//! save buttons, data table). Every chart is written as markup rather than `view!`s: each
//! `view!` is its own type with its own build, rebuild and drop code, which would cost the
//! page's wasm far more than a few hundred static elements are worth.

use std::fmt::Write;

use zettaflop_estimator::format::{self as fmt, Locale};

use crate::i18n::{t, K};

/// Markup written by hand: text is escaped, tags are not.
#[derive(Debug, Default)]
pub struct Markup(pub String);

impl Markup {
    /// Appends `s` as text (`&`, `<`, `>`, `"` escaped).
    pub fn text(&mut self, s: &str) -> &mut Self {
        for c in s.chars() {
            match c {
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                '"' => self.0.push_str("&quot;"),
                c => self.0.push(c),
            }
        }
        self
    }

    /// Appends `s` as markup.
    pub fn raw(&mut self, s: &str) -> &mut Self {
        self.0.push_str(s);
        self
    }

    /// Appends the markup `open`, the text `s`, the markup `close`.
    pub fn wrap(&mut self, open: &str, s: &str, close: &str) -> &mut Self {
        self.raw(open).text(s).raw(close)
    }
}

/// A horizontal axis: linear (years) or logarithmic (chip counts), fitted to the data.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct XAxis {
    log: bool,
    min: f64,
    max: f64,
}

impl XAxis {
    /// An axis over `values`: whole years with room after the last, or whole decades.
    pub fn fit(values: impl Iterator<Item = f64>, log: bool) -> XAxis {
        let (lo, hi) = values
            .filter(|v| v.is_finite() && (!log || *v > 0.0))
            .map(|v| if log { v.log10() } else { v })
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
                (a.min(v), b.max(v))
            });
        let (lo, hi) = if lo.is_finite() { (lo, hi) } else { (0.0, 1.0) };
        let max = if log {
            hi.ceil().max(lo.floor() + 1.0)
        } else {
            hi.floor() + 1.0
        };
        XAxis {
            log,
            min: lo.floor(),
            max,
        }
    }

    /// The position of `v` on an axis drawn from `a` (its minimum) to `b` (its maximum), in
    /// pixels: either way round, so it serves a vertical axis too.
    pub fn pos(&self, v: f64, a: f64, b: f64) -> f64 {
        let v = if self.log { v.max(1e-300).log10() } else { v };
        a + (v - self.min) / (self.max - self.min) * (b - a)
    }

    /// The axis' whole steps: decade exponents on a log axis, years on a linear one.
    pub fn steps(&self) -> std::ops::RangeInclusive<i32> {
        (self.min as i32)..=(self.max as i32)
    }

    /// Tick positions on an axis drawn from `a` to `b`, and labels: every decade, or every
    /// year (every other past 8 years).
    pub fn ticks(&self, l: Locale, a: f64, b: f64) -> Vec<(f64, String)> {
        let step = if self.log || self.max - self.min <= 8.0 {
            1
        } else {
            2
        };
        let (lo, hi) = (self.min as i32, self.max as i32);
        (lo..=hi)
            .step_by(step)
            .map(|v| {
                let label = if self.log {
                    fmt::grouped(10f64.powi(v), 0, l)
                } else {
                    v.to_string()
                };
                (
                    a + f64::from(v - lo) / (self.max - self.min) * (b - a),
                    label,
                )
            })
            .collect()
    }
}

/// Styles every chart carries inside its SVG: scoped to `.zc`, light colours on a white
/// background of their own, so the saved file and the page look the same.
const STYLE: &str = ".zc text{font:14px system-ui,sans-serif;fill:#3d4650}.zc .ttl{font-size:15px;font-weight:600;fill:#1b1f24}.zc .bg{fill:#fff}.zc .grid{stroke:#dde1e5}.zc .axis{stroke:#1b1f24}.zc .lbl{fill:#1b1f24}.zc .ideal{fill:none;stroke-width:1.6;stroke-dasharray:6 4}.zc .real{fill:none;stroke-width:2.6}.zc .s0{stroke:#1d4f91;fill:#1d4f91}.zc .s1{stroke:#b35300;fill:#b35300}.zc .s2{stroke:#2e7d32;fill:#2e7d32}.zc .s3{stroke:#8e24aa;fill:#8e24aa}.zc .ideal.s0,.zc .ideal.s1,.zc .ideal.s2,.zc .ideal.s3,.zc .real.s0,.zc .real.s1,.zc .real.s2,.zc .real.s3{fill:none}.zc .now{fill:none;stroke:#a4161a;stroke-width:2.5}.zc text.now-l{fill:#a4161a;font-weight:600;paint-order:stroke;stroke:#fff;stroke-width:5px;stroke-linejoin:round}.zc .g0{fill:#1d4f91}.zc .g1{fill:#e0a030}.zc .g2{fill:#6b8fbf}.zc .g3{fill:#8e24aa}.zc .g4{fill:#2e7d32}";

/// Opens a chart: `<figure>`, its title, the SVG with its styles, description and background.
pub fn open(m: &mut Markup, id: &str, title: &str, desc: &str, w: f64, h: f64) {
    let _ = write!(
        m.0,
        r#"<figure class="chart zchart" id="chart-{id}" data-testid="chart-{id}"><figcaption id="chart-{id}-title">"#
    );
    m.text(title).raw("</figcaption>");
    let _ = write!(
        m.0,
        r#"<div class="zc-wrap"><svg xmlns="http://www.w3.org/2000/svg" class="zc" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-labelledby="chart-{id}-title chart-{id}-desc"><title>"#
    );
    m.text(title).raw("</title><style>").raw(STYLE);
    let _ = write!(m.0, r#"</style><desc id="chart-{id}-desc">"#);
    m.text(desc).raw("</desc>");
    let _ = write!(
        m.0,
        r#"<rect class="bg" x="0" y="0" width="{w}" height="{h}"/>"#
    );
}

/// Closes the SVG, writes the save buttons and opens the data table (`<thead>` with `head`).
pub fn close_svg(m: &mut Markup, id: &str, head: &[&str], l: Locale) {
    m.raw(r#"</svg></div><p class="save">"#);
    for (kind, k) in [("svg", K::ChSaveSvg), ("png", K::ChSavePng)] {
        let _ = write!(
            m.0,
            r#"<button type="button" data-save="{kind}" data-chart="{id}" data-testid="save-{id}-{kind}">"#
        );
        m.text(t(k, l)).raw("</button>");
    }
    let _ = write!(
        m.0,
        r#"</p><details class="chart-data" data-testid="chart-{id}-table"><summary>"#
    );
    m.text(t(K::ChDataTable, l))
        .raw(r#"</summary><div class="table-wrap"><table class="readings"><thead><tr>"#);
    for h in head {
        m.wrap(r#"<th scope="col">"#, h, "</th>");
    }
    m.raw("</tr></thead><tbody>");
}

/// Closes the data table and the figure.
pub fn close(m: &mut Markup) {
    m.raw("</tbody></table></div></details></figure>");
}

/// A table cell holding a number: shown formatted, its raw value in `data-value`.
pub fn num_cell(m: &mut Markup, key: &str, v: f64, shown: &str) {
    let _ = write!(m.0, r#"<td class="num" data-key="{key}" data-value="{v}">"#);
    m.text(shown).raw("</td>");
}

/// SVG text.
pub fn text(m: &mut Markup, class: &str, x: f64, y: f64, anchor: &str, s: &str) {
    let _ = write!(
        m.0,
        r#"<text class="{class}" x="{x:.1}" y="{y:.1}" text-anchor="{anchor}">"#
    );
    m.text(s).raw("</text>");
}

/// An SVG line from (x1, y1) to (x2, y2).
pub fn line(m: &mut Markup, class: &str, x1: f64, y1: f64, x2: f64, y2: f64) {
    let _ = write!(
        m.0,
        r#"<line class="{class}" x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}"/>"#
    );
}

/// A series marker, a different shape per series (not colour alone).
pub fn shape(i: usize, x: f64, y: f64) -> String {
    match i % 4 {
        0 => format!("M{:.1} {y:.1}a4 4 0 1 0 8 0a4 4 0 1 0 -8 0", x - 4.0),
        1 => format!("M{:.1} {:.1}h7v7h-7z", x - 3.5, y - 3.5),
        2 => format!("M{x:.1} {:.1}l4.5 8h-9z", y - 5.0),
        _ => format!("M{x:.1} {:.1}l5 5l-5 5l-5 -5z", y - 5.0),
    }
}
