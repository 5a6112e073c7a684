//! Expert mode: the performance model. A model with a published architecture, a cluster, a
//! batch and a parallel layout (or "best layout") give MFU, the time breakdown of one iteration
//! and the memory per GPU. Every number comes from `zettaflop_estimator::perf`.

use leptos::prelude::*;
use zettaflop_estimator::format::{self as fmt, Locale};
use zettaflop_estimator::parse::{parse, Dimension};
use zettaflop_estimator::perf::{
    self, Execution, Fixed, Layout, PerfHardware, Prediction, Recompute, System, Training,
};
use zettaflop_estimator::{catalog, Precision};

use crate::fields::{CheckField, SelectField, TextField};
use crate::form::{message_for, FieldError};
use crate::i18n::{fill, lang, sig, t, tr, K};
use crate::inputs::hardware_options;
use crate::share::{Binding, Choice};

/// What the panel computes: one prediction, or a search with its best layout.
#[derive(Debug, Clone, PartialEq)]
struct Outcome {
    best: Prediction,
    runners_up: Vec<Prediction>,
    evaluated: Option<u64>,
    why: Option<String>,
}

fn whole(text: RwSignal<String>, name: &'static str, l: Locale) -> Result<u32, FieldError> {
    let v = text
        .with(|s| parse(s, Dimension::Count))
        .map_err(|e| FieldError {
            field: name,
            message: e.text(l).to_string(),
        })?;
    if v >= 1.0 && v <= f64::from(u32::MAX) && v.fract() == 0.0 {
        Ok(v as u32)
    } else {
        let message = if l == Locale::Fr {
            "un nombre entier ≥ 1 est attendu"
        } else {
            "a whole number ≥ 1 is expected"
        };
        Err(FieldError {
            field: name,
            message: message.into(),
        })
    }
}

/// Which input a performance-model error path belongs to.
fn expert_input(path: &str) -> &'static str {
    match path {
        "gpus" => "x-gpus",
        "global_batch" => "x-batch",
        "precision" => "x-precision",
        "layout.tp" => "x-tp",
        "layout.pp" => "x-pp",
        "layout.cp" => "x-cp",
        "layout.ep" => "x-ep",
        "layout.micro_batch" => "x-micro-batch",
        "layout.interleave" => "x-interleave",
        p if p.starts_with("hardware") => "x-hardware",
        p if p.starts_with("model") => "x-model",
        _ => "x-layout",
    }
}

/// A horizontal bar of parts, each a share of `total`.
fn bar(parts: Vec<(&'static str, f64, K)>, total: f64, l: Locale) -> impl IntoView {
    let segs = parts
        .iter()
        .filter(|(_, v, _)| *v > 0.0)
        .map(|(class, v, k)| {
            let pct = 100.0 * v / total.max(f64::MIN_POSITIVE);
            view! { <span class=format!("seg {class}") style=format!("width:{pct:.2}%") title=format!("{}: {}", t(*k, l), fmt::percent(v / total, l))></span> }
        })
        .collect_view();
    let legend = parts
        .into_iter()
        .filter(|(_, v, _)| *v > 0.0)
        .map(|(class, v, k)| view! { <li><span class=format!("key {class}")></span>{t(k, l)} ": " {fmt::percent(v / total, l)}</li> })
        .collect_view();
    view! {
        <div class="bar" role="img" aria-hidden="true">{segs}</div>
        <ul class="legend">{legend}</ul>
    }
}

fn results(o: &Outcome, l: Locale) -> impl IntoView {
    let p = &o.best;
    let tm = &p.time;
    let total = tm.total();
    let time_parts = vec![
        ("c1", tm.matmul_s, K::TMatmul),
        ("c2", tm.attention_s, K::TAttention),
        ("c3", tm.memory_bound_s, K::TMemoryBound),
        (
            "c4",
            tm.tp_comm_s + tm.cp_comm_s + tm.ep_comm_s,
            K::TModelComm,
        ),
        ("c5", tm.pipeline_bubble_s + tm.pipeline_p2p_s, K::TPipeline),
        ("c6", tm.dp_comm_s + tm.sync_s, K::TDataComm),
        ("c7", tm.optimizer_s, K::TOptimizer),
    ];
    let m = &p.memory;
    let cap = m.capacity_bytes.max(m.total_bytes);
    let mem_parts = vec![
        ("c1", m.weights_bytes, K::MWeights),
        ("c2", m.gradients_bytes, K::MGradients),
        ("c3", m.optimizer_bytes, K::MOptimizer),
        ("c4", m.activations_bytes, K::MActivations),
        ("c7", m.reserved_bytes, K::MReserved),
    ];
    let gib = |b: f64| format!("{} GiB", fmt::sig3(b / 1_073_741_824.0, l));
    let runners = o
        .runners_up
        .iter()
        .map(|r| view! { <li>{perf::describe_in(&r.layout, l)} " — MFU " {fmt::percent(r.mfu, l)}</li> })
        .collect_view();
    view! {
        <dl class="stats">
            <div class="stat"><dt>"MFU"</dt><dd data-testid="x-mfu" data-value=p.mfu.to_string()>{fmt::percent(p.mfu, l)}</dd>
                <dd class="hint" data-testid="x-mfu-range" data-low=p.mfu_low.to_string() data-high=p.mfu_high.to_string()>{fill(t(K::XMfuRange, l), &[&fmt::percent(p.mfu_low, l), &fmt::percent(p.mfu_high, l)])}</dd></div>
            <div class="stat"><dt>"HFU"</dt><dd data-testid="x-hfu" data-value=p.hfu.to_string()>{fmt::percent(p.hfu, l)}</dd></div>
            <div class="stat"><dt>{t(K::XIteration, l)}</dt><dd data-testid="x-iteration" data-value=p.iteration_s.to_string()>{fmt::duration(p.iteration_s, l)}</dd></div>
            <div class="stat"><dt>{t(K::XTokens, l)}</dt><dd data-testid="x-tokens" data-value=p.tokens_per_s.to_string()>{fmt::si(p.tokens_per_s, "", l)}</dd></div>
            <div class="stat"><dt>{t(K::XPerGpu, l)}</dt><dd data-testid="x-achieved" data-value=p.achieved_flop_per_s_per_gpu.to_string()>{fmt::si(p.achieved_flop_per_s_per_gpu, "FLOP/s", l)}</dd></div>
        </dl>
        <p data-testid="x-layout-used"><b>{t(K::XLayoutUsed, l)}</b> " " {perf::describe_in(&p.layout, l)}</p>
        {o.why.clone().map(|w| view! { <p class="hint" data-testid="x-why">{w}</p> })}
        {o.evaluated.map(|n| view! { <p class="hint">{fill(t(K::XEvaluated, l), &[&fmt::grouped(n as f64, 0, l)])}</p> })}
        <h3>{t(K::XTimeTitle, l)}</h3>
        {bar(time_parts, total, l)}
        <h3>{t(K::XMemoryTitle, l)}</h3>
        <p data-testid="x-memory" data-fits=m.fits.to_string()>
            {fill(t(if m.fits { K::XFits } else { K::XDoesNotFit }, l), &[&gib(m.total_bytes), &gib(m.capacity_bytes)])}
        </p>
        {bar(mem_parts, cap, l)}
        <div class="hbm-line" style=format!("width:{:.2}%", 100.0 * m.capacity_bytes / cap)>{t(K::XHbm, l)}</div>
        {(!o.runners_up.is_empty()).then(|| view! { <h3>{t(K::XRunnersUp, l)}</h3><ul>{runners}</ul> })}
    }
}

/// The expert panel's inputs: one signal each, created with the page so that a link can fill
/// them before the panel is first shown.
#[derive(Debug, Clone, Copy)]
pub struct ExpertInputs {
    model: RwSignal<String>,
    hardware: RwSignal<String>,
    gpus: RwSignal<String>,
    batch: RwSignal<String>,
    precision: RwSignal<String>,
    mode: RwSignal<String>,
    sizes: [RwSignal<String>; 6],
    recompute: RwSignal<String>,
    sp: RwSignal<bool>,
    dopt: RwSignal<bool>,
}

/// The names of the layout's sizes: tp, pp, cp, ep, micro-batch, interleave.
const SIZES: [&str; 6] = [
    "x-tp",
    "x-pp",
    "x-cp",
    "x-ep",
    "x-micro-batch",
    "x-interleave",
];

impl ExpertInputs {
    /// Llama 3.1 405B on 16,384 H100, best layout.
    pub fn new() -> ExpertInputs {
        let s = |v: &str| RwSignal::new(v.to_string());
        ExpertInputs {
            model: s("llama-3.1-405b"),
            hardware: s("h100"),
            gpus: s("16,384"),
            batch: s("2048"),
            precision: s("bf16"),
            mode: s("auto"),
            sizes: ["8", "16", "1", "1", "1", "1"].map(s),
            recompute: s("full"),
            sp: RwSignal::new(true),
            dopt: RwSignal::new(true),
        }
    }

    /// Every input with its name (the id is `in-<name>`), for links.
    pub fn bindings(&self) -> Vec<Binding> {
        let mut v = vec![
            Binding::choice("x-model", self.model, Choice::ArchModel),
            Binding::choice("x-hardware", self.hardware, Choice::Hardware),
            Binding::text_in(
                "x-gpus",
                self.gpus,
                ["16,384".into(), "16\u{202f}384".into()],
            ),
            Binding::text("x-batch", self.batch),
            Binding::choice("x-precision", self.precision, Choice::Precision),
            Binding::choice("x-layout", self.mode, Choice::Among(&["auto", "manual"])),
        ];
        v.extend(
            SIZES
                .iter()
                .zip(self.sizes)
                .map(|(k, s)| Binding::text(k, s)),
        );
        v.extend([
            Binding::choice(
                "x-recompute",
                self.recompute,
                Choice::Among(&["none", "selective", "full"]),
            ),
            Binding::flag("x-sp", self.sp),
            Binding::flag("x-dopt", self.dopt),
        ]);
        v
    }
}

/// The layout the reader typed, each size checked.
fn manual_layout(x: ExpertInputs, l: Locale) -> Result<Layout, FieldError> {
    let [tp, pp, cp, ep, mb, il] = x.sizes;
    Ok(Layout {
        tp: whole(tp, "x-tp", l)?,
        pp: whole(pp, "x-pp", l)?,
        dp: None,
        cp: whole(cp, "x-cp", l)?,
        ep: whole(ep, "x-ep", l)?,
        expert_tp: None,
        micro_batch: whole(mb, "x-micro-batch", l)?,
        interleave: whole(il, "x-interleave", l)?,
        recompute: match x.recompute.get().as_str() {
            "none" => Recompute::None,
            "selective" => Recompute::Selective,
            _ => Recompute::Full,
        },
        recompute_layers: None,
        sequence_parallel: x.sp.get(),
        distributed_optimizer: x.dopt.get(),
        sharding: Default::default(),
    })
}

/// The performance model on the panel's inputs: the best layouts (auto), or the reader's.
fn run(x: ExpertInputs, l: Locale) -> Result<Outcome, FieldError> {
    let shape = catalog::model(&x.model.get())
        .and_then(|m| m.arch)
        .ok_or(FieldError {
            field: "x-model",
            message: String::new(),
        })?;
    let err = |e: zettaflop_estimator::Error| FieldError {
        field: expert_input(e.field()),
        message: e.reason_in(l),
    };
    let system = System {
        hardware: PerfHardware::from_catalog(&x.hardware.get()).map_err(err)?,
        gpus: whole(x.gpus, "x-gpus", l)?,
    };
    let training = Training {
        global_batch: whole(x.batch, "x-batch", l)?,
        precision: Precision::from_id(&x.precision.get()).unwrap_or_default(),
        software: Default::default(),
    };
    if x.mode.get() == "auto" {
        let r = perf::search(&shape, &system, &training, &Fixed::default(), 3).map_err(err)?;
        let why = perf::explain(&r.best, r.runners_up.first(), l);
        return Ok(Outcome {
            best: r.best,
            runners_up: r.runners_up,
            evaluated: Some(r.evaluated),
            why: Some(why),
        });
    }
    let layout = manual_layout(x, l)?;
    let best = perf::evaluate(&shape, &system, &Execution { training, layout }).map_err(err)?;
    Ok(Outcome {
        best,
        runners_up: vec![],
        evaluated: None,
        why: None,
    })
}

/// The expert panel.
#[component]
pub fn Expert(inputs: ExpertInputs) -> impl IntoView {
    let l = lang();
    let outcome = Memo::new(move |_| run(inputs, l.get()));
    view! {
        <div class="layout">
            {expert_form(inputs, outcome)}
            <section class="results" data-testid="expert" aria-live="polite" aria-labelledby="expert-result-title">
                <h2 id="expert-result-title">{tr(K::Result)}</h2>
                {move || outcome.with(|o| o.as_ref().ok().map(|o| results(o, l.get())))}
            </section>
        </div>
    }
}

/// The panel's form: model, chip, GPUs, batch, precision, and the layout when it is the
/// reader's.
fn expert_form(x: ExpertInputs, outcome: Memo<Result<Outcome, FieldError>>) -> impl IntoView {
    let l = lang();
    let ExpertInputs {
        model,
        hardware,
        gpus,
        batch,
        precision,
        mode,
        sizes,
        recompute,
        sp,
        dopt,
    } = x;
    let [tp, pp, cp, ep, mb, il] = sizes;
    let problem = move |name: &'static str| message_for(outcome, name);
    let models = Signal::derive(move || {
        catalog::MODELS
            .iter()
            .filter(|m| m.arch.is_some())
            .map(|m| (m.id.to_string(), m.name.to_string()))
            .collect::<Vec<_>>()
    });
    let precisions = Signal::derive(move || {
        catalog::accelerator(&hardware.get())
            .map(|a| {
                a.peaks
                    .supported()
                    .into_iter()
                    .filter(|p| *p != Precision::Fp64)
                    .map(|p| (p.id().to_string(), p.label().to_string()))
                    .collect()
            })
            .unwrap_or_default()
    });
    let modes = Signal::derive(move || {
        vec![
            ("auto".to_string(), t(K::XBest, l.get()).to_string()),
            ("manual".to_string(), t(K::XManual, l.get()).to_string()),
        ]
    });
    let recomputes = Signal::derive(move || {
        ["none", "selective", "full"]
            .iter()
            .map(|r| (r.to_string(), r.to_string()))
            .collect::<Vec<_>>()
    });
    let manual = move || mode.get() == "manual";
    let text = move |name: &'static str, label: K, hint: K, value: RwSignal<String>| view! { <TextField name=name label=sig(label) hint=sig(hint) value=value error=problem(name) /> };
    view! {
            <form class="inputs" on:submit=|ev| ev.prevent_default() aria-labelledby="expert-title">
                <fieldset>
                    <legend id="expert-title">{tr(K::TabExpert)}</legend>
                    <SelectField name="x-model" label=sig(K::Model) value=model options=models error=problem("x-model") />
                    <SelectField name="x-hardware" label=sig(K::Accelerator) value=hardware options=hardware_options() error=problem("x-hardware") on_pick=Callback::new(move |id| { precision.set("bf16".into()); hardware.set(id) }) />
                    {text("x-gpus", K::XGpus, K::CountHint, gpus)}
                    {text("x-batch", K::XBatch, K::XBatchHint, batch)}
                    <SelectField name="x-precision" label=sig(K::Precision) value=precision options=precisions error=problem("x-precision") />
                    <SelectField name="x-layout" label=sig(K::XLayout) value=mode options=modes error=problem("x-layout") />
                </fieldset>
                <Show when=manual>
                    <fieldset>
                        <legend>{tr(K::XLayout)}</legend>
                        {text("x-tp", K::XTp, K::XSizeHint, tp)}
                        {text("x-pp", K::XPp, K::XSizeHint, pp)}
                        {text("x-cp", K::XCp, K::XSizeHint, cp)}
                        {text("x-ep", K::XEp, K::XSizeHint, ep)}
                        {text("x-micro-batch", K::XMicroBatch, K::XSizeHint, mb)}
                        {text("x-interleave", K::XInterleave, K::XSizeHint, il)}
                        <SelectField name="x-recompute" label=sig(K::XRecompute) value=recompute options=recomputes error=problem("x-recompute") />
                        <CheckField name="x-sp" label=sig(K::XSequenceParallel) value=sp enabled=Signal::derive(|| true) error=problem("x-sp") />
                        <CheckField name="x-dopt" label=sig(K::XDistributedOptimizer) value=dopt enabled=Signal::derive(|| true) error=problem("x-dopt") />
                    </fieldset>
                </Show>
            </form>
    }
}
