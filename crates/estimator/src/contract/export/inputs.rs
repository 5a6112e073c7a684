//! The scenario's inputs as the exports list them: key (the JSON contract's), value, unit. The
//! numbers come from the field registry ([`crate::fields`]), in its order; the choices (model,
//! chip, count unit, precision, sparsity) are written here.

use super::raw;
use crate::fields;
use crate::hardware::HardwareChoice;
use crate::utilization::Utilization;
use crate::workload::Workload;
use crate::Scenario;

/// One scenario input: key (the JSON contract's), value, unit.
pub(super) struct Input {
    pub key: &'static str,
    pub value: String,
    pub unit: &'static str,
}

pub(super) fn inputs(s: &Scenario) -> Vec<Input> {
    let mut out = Vec::new();
    let mut push = |key, value: String, unit| out.push(Input { key, value, unit });
    if let Workload::Preset(id) = &s.workload {
        push("workload", id.clone(), "");
    }
    for f in fields::ALL.iter().copied() {
        match f.key {
            // The chip comes before the count, the count's unit and the number format after.
            "count" => {
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
            }
            "utilization" if s.utilization == Some(Utilization::Auto) => {
                push(f.key, "auto".into(), "")
            }
            _ => {
                if let Some(v) = (f.value)(s) {
                    push(f.key, raw(v), f.unit);
                }
            }
        }
    }
    out
}
