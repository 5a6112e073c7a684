//! The seed article's claims (`data/claims.csv`, compiled in) as the JSON contract states them.

use crate::catalog::{BuiltinClaim, PUE_DEFAULT};
use crate::format::Locale;
use crate::hardware::HardwareChoice;
use crate::workload::Workload;

use super::Claim;

impl BuiltinClaim {
    /// The claim as the JSON contract states it.
    pub fn claim(&self) -> Claim {
        Claim {
            workload: self.workload.map(|w| Workload::Preset(w.into())),
            duration_s: self.duration_days.map(|d| d * 86_400.0),
            count: self.count,
            count_unit: self.count_unit,
            hardware: HardwareChoice::Id(self.hardware.into()),
            precision: self.precision,
            quoted_peak_flop_per_s: self.quoted_peak_flop_per_s,
            site_power_w: self.site_power_w,
            budget_usd: self.budget_usd,
            pue: PUE_DEFAULT.value,
            ..Claim::default()
        }
    }

    /// The title in `l`.
    pub fn title(&self, l: Locale) -> &'static str {
        match l {
            Locale::En => self.title_en,
            Locale::Fr => self.title_fr,
        }
    }
}
