//! How a claim (or one reading of it) fares.

use serde::{Deserialize, Serialize};

use crate::format::Locale;

/// How a reading (or a claim) fares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Inside the central band: within what published runs achieve, fits the power, the budget.
    Plausible,
    /// Holds only at the favourable end of a range (low compute estimate, PUE 1, the chip
    /// without its server, utilization beyond published runs).
    Optimistic,
    /// Fails even at the favourable end of every range (more than 100 % of the peak, fewer watts
    /// than the chips draw, less money than the chips cost).
    Impossible,
    /// A quoted figure that matches the plain reading.
    Accurate,
    /// Holds only under a reading the claim does not state (sparse, FP8/FP4, superchips vs GPUs,
    /// MWh for MW, a benchmark window for a run).
    Misleading,
    /// No reading gives the figure (the reason gives the factor).
    Wrong,
}

impl Verdict {
    /// Every verdict.
    pub const ALL: [Verdict; 6] = [
        Verdict::Accurate,
        Verdict::Plausible,
        Verdict::Optimistic,
        Verdict::Misleading,
        Verdict::Impossible,
        Verdict::Wrong,
    ];

    /// The JSON name.
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Plausible => "plausible",
            Verdict::Optimistic => "optimistic",
            Verdict::Impossible => "impossible",
            Verdict::Accurate => "accurate",
            Verdict::Misleading => "misleading",
            Verdict::Wrong => "wrong",
        }
    }

    /// The verdict of a JSON name.
    pub fn from_id(id: &str) -> Option<Verdict> {
        Verdict::ALL.into_iter().find(|v| v.id() == id)
    }

    /// 0 = fine, 1 = doubtful, 2 = false.
    pub fn severity(self) -> u8 {
        match self {
            Verdict::Plausible | Verdict::Accurate => 0,
            Verdict::Optimistic | Verdict::Misleading => 1,
            Verdict::Impossible | Verdict::Wrong => 2,
        }
    }

    /// Order for the claim's verdict: severity first; at equal severity a misleading reading
    /// outranks an optimistic one (a reader is misled before being merely hopeful).
    pub fn rank(self) -> u8 {
        match self {
            Verdict::Plausible | Verdict::Accurate => 0,
            Verdict::Optimistic => 1,
            Verdict::Misleading => 2,
            Verdict::Impossible => 3,
            Verdict::Wrong => 4,
        }
    }

    /// The word in `l`.
    pub fn label(self, l: Locale) -> &'static str {
        let word = match self {
            Verdict::Plausible => Words::Plausible,
            Verdict::Optimistic => Words::Optimistic,
            Verdict::Impossible => Words::Impossible,
            Verdict::Accurate => Words::Accurate,
            Verdict::Misleading => Words::Misleading,
            Verdict::Wrong => Words::Wrong,
        };
        word.t(l)
    }
}

crate::keys! {
    /// The verdicts in words.
    enum Words {
        Plausible => "plausible", "plausible";
        Optimistic => "optimistic", "optimiste";
        Impossible => "impossible", "impossible";
        Accurate => "accurate", "exact";
        Misleading => "misleading", "trompeur";
        Wrong => "wrong", "faux";
    }
}
