//! The scenario's inputs as the exports list them: key (the JSON contract's), value, unit.

use super::raw;
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
