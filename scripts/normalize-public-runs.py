#!/usr/bin/env python3
"""Reduce ../shared/validation/public-runs.csv to one normalized row per measurement.

Writes crates/estimator/data/validation/public-runs.csv: plain columns (no quoted cells), one row
per `meas=` id (and chip and global batch: see `main`), the metric chosen for it (iteration time first, then tokens/s per GPU, then
TFLOP/s per GPU, then MFU), and a `status`: `ok`, or `out: <reason>` for a measurement the
performance model does not describe (TPU runs, MLA / shared-expert MoE, rows without a GPU count).
Run it after the shared file changes; the decisions it makes are listed in
docs/performance-model.md ("Held-out data"). Usage: scripts/normalize-public-runs.py [SRC] [DST]
"""
import csv
import re
import sys

SRC = sys.argv[1] if len(sys.argv) > 1 else "../shared/validation/public-runs.csv"
DST = sys.argv[2] if len(sys.argv) > 2 else "crates/estimator/data/validation/public-runs.csv"

METRIC_RANK = {"iteration_s": 0, "tokens_per_s_per_gpu": 1, "tflops_per_gpu": 2, "mfu": 3}


def lead_int(s):
    s = s.strip().replace(",", "")
    m = re.match(r"(\d+)(k?)", s)
    if not m:
        return None
    return int(m.group(1)) * (1000 if m.group(2) == "k" else 1)


def group(src):
    if "llm-foundry" in src:
        return "llm-foundry"
    if src.startswith("MLPerf"):
        return "mlperf"
    if "dgxc-benchmarking" in src:
        return "dgxc"
    if "fms-fsdp" in src:
        return "fms-fsdp"
    return "reports"


def hardware(gpu):
    g = gpu.upper()
    for key, hw in [
        ("GB300", "gb300"),
        ("GB200", "gb200"),
        ("B200", "b200"),
        ("H200", "h200"),
        ("H800", "h800"),
        ("H100", "h100"),
        ("A100 40GB", "a100-40gb"),
        ("A100 80GB", "a100"),
        ("V100", "v100-32gb"),
    ]:
        if key in g:
            return hw
    return None


def precision(p):
    p = p.lower()
    for key, v in [("nvfp4", "fp4"), ("mxfp8", "fp8"), ("fp8", "fp8"), ("fp16", "fp16"), ("bf16", "bf16")]:
        if p.startswith(key):
            return v
    return "bf16"


def sharding(z, grp):
    z = z.lower()
    if "shard_grad_op" in z or "zero-2" in z:
        return "gradients"
    if any(k in z for k in ["full_shard", "full shard", "zero-3", "fully sharded", "hsdp", "fsdp (fairscale"]):
        return "full"
    if "zero" in z or "distributed optimizer" in z or "fsdp=0" in z:
        return "optimizer"
    # Megatron / NeMo recipes (MLPerf, DGX Cloud) run the distributed optimizer by default.
    return "optimizer" if grp in ("mlperf", "dgxc") else "none"


def recompute(r, grp=""):
    if grp == "fms-fsdp" and r.lower().startswith("selective"):
        return "full"  # fms-fsdp "selective" checkpoints a fraction of whole blocks
    r = r.lower()
    if r.startswith("full") or r.startswith("yes") or r.startswith("remat"):
        return "full"
    if r.startswith("selective"):
        return "selective"
    if r.startswith("none") or r == "":
        return "none"
    return "none"


def mlp(m):
    m = m.lower()
    for key in ["squared-relu", "swiglu", "geglu", "gelu", "relu"]:
        if m.startswith(key):
            return key
    return None


# Mixture-of-experts models whose remaining shape (experts, shared experts, dense layers, MLA,
# expert FFN) `perf::heldout::moe_shape` completes from their papers / open-weights configs (see
# public-runs-sources.md), with the MLP form to use when the row gives none. DeepSeek-V3 rows
# without a sequence length (the Megatron-Core GB200 note) take the pretraining length, 4096
# (DERIVED: arXiv:2412.19437 §4.2).
MOE_COMPLETED = {"DeepSeek-V3": "swiglu", "Grok-1": "geglu"}


def interleave(notes):
    # "VP=4" in DGX Cloud notes; "8 (VPP 4, ...)" in the pp column of the Megatron-Core GB200 note.
    m = re.search(r"VP(?:\(interleave\))?=(\d+)", notes) or re.search(r"VPP (\d+)", notes)
    return int(m.group(1)) if m else 1


def expert_tp(notes):
    # "ETP=1" / "ETP=4" in DGX Cloud notes (Megatron-Core's --expert-tensor-parallel-size); 0 when
    # not stated.
    m = re.search(r"ETP=(\d+)", notes)
    return int(m.group(1)) if m else 0


def normalize(r):
    grp = group(r["source"])
    meas = re.match(r"meas=([^;]+)", r["notes"]).group(1).strip()
    out = {
        "meas": meas.replace(",", " "),
        "group": grp,
        "model": re.sub(r"\s*\(.*", "", r["model"]).replace(",", " "),
        "metric": r["metric"],
        "value": r["value"],
    }
    reasons = []
    hw = hardware(r["gpu_type"])
    if hw is None:
        reasons.append("TPU run (no scale-up/scale-out figures for a TPU pod in the model)")
    moe_known = any(r["model"].startswith(k) for k in MOE_COMPLETED)
    if not moe_known and ("MLA" in r["kv_heads"] or "routed" in r["experts_active"] or r["mlp"].startswith("moe") or "MoE" in r["mlp"]):
        reasons.append("MoE with shared experts, MLA or no expert size (shape not expressible)")
    gm = re.search(r"\d+", r["gpus"].replace(",", ""))
    gpus = int(gm.group(0)) if gm else None
    if gpus is None:
        reasons.append("no GPU count (whole-run GPU-hours)")
    m = mlp(r["mlp"])
    if m is None and moe_known:
        m = MOE_COMPLETED[next(k for k in MOE_COMPLETED if r["model"].startswith(k))]
    if m is None and not reasons:
        reasons.append("MLP form not stated")
    if r["tp"].strip() == "" and "whole-run average" in r["notes"]:
        reasons.append("whole-run GPU-hour average with no layout (the best layout is not what ran)")
    if "upper value" in r["notes"]:
        reasons.append("an 'up to' figure with no layout that divides the batch")
    heads = lead_int(r["heads"]) or 0
    kv = lead_int(r["kv_heads"]) or heads
    gbs = lead_int(r["global_batch"])
    if "->" in r["global_batch"] and "whole-run average" in r["notes"]:
        # A batch ramp under a whole-run average: the final batch, which most tokens saw
        # (DeepSeek-V3: 3072 -> 15360 over the first 469B of 14.8T tokens).
        gbs = lead_int(r["global_batch"].split("->")[-1])
    mb = lead_int(r["micro_batch"])
    tp = lead_int(r["tp"]) or 1
    pp = lead_int(r["pp"]) or 1
    cp = lead_int(r["cp"]) or 1
    ep = lead_int(r["ep"]) or 1
    layout_known = r["tp"].strip() != ""
    # ep > dp: Megatron-Core folds the expert-parallel group over tensor x context x data ranks
    # (expert tensor parallelism 1); the layout expresses it when ep divides tp x cp x dp.
    if moe_known and gpus and layout_known and (gpus // pp) % ep != 0:
        reasons.append("expert parallelism does not divide tp x cp x dp")
    if gbs is None and grp == "fms-fsdp" and gpus and mb:
        gbs = mb * gpus  # per-GPU batch 2, gradient accumulation not stated: taken as 1
    if "PROXY" in r["notes"] or "proxy" in r["notes"]:
        out["model"] += " (proxy depth)"
    out.update(
        layers=lead_int(r["layers"]) or 0,
        hidden=lead_int(r["hidden"]) or 0,
        heads=heads,
        kv_heads=kv,
        ffn=lead_int(r["ffn"]) or 0,
        vocab=lead_int(r["vocab"]) or 0,
        seq_len=lead_int(r["seq_len"]) or (4096 if moe_known and r["model"].startswith("DeepSeek-V3") else 0),
        mlp=m or "",
        gpus=gpus or 0,
        hardware=hw or "",
        precision=precision(r["precision"]),
        tp=tp if layout_known else 0,
        pp=pp if layout_known else 0,
        cp=cp,
        ep=ep,
        interleave=interleave(r["notes"] + " " + r["pp"]),
        sharding=sharding(r["zero_fsdp"], grp),
        micro_batch=mb or 0,
        global_batch=gbs or 0,
        recompute=recompute(r["recompute"], grp),
        status="ok" if not reasons else "out: " + "; ".join(reasons).replace(",", " "),
        expert_tp=expert_tp(r["notes"]),
    )
    return out


COLUMNS = [
    "meas", "group", "model", "layers", "hidden", "heads", "kv_heads", "ffn", "vocab", "seq_len", "mlp",
    "gpus", "hardware", "precision", "tp", "pp", "cp", "ep", "interleave", "sharding", "micro_batch",
    "global_batch", "recompute", "metric", "value", "status", "expert_tp",
]


def main():
    best = {}
    order = []
    ids = {}
    for r in csv.DictReader(open(SRC, newline="")):
        if r["metric"] not in METRIC_RANK:
            continue
        n = normalize(r)
        # Rows sharing a `meas=` id are one measurement in several metrics, unless the chip or
        # the global batch differs: DGX Cloud's ids (source:precision:gpus) are the same for its
        # H100 and GB200 tables and for its weak- and strong-scaling tables, which are different
        # runs. Those keep the id of the first and get the chip and batch appended.
        k = (n["meas"], n["hardware"], n["global_batch"])
        if k not in best:
            if n["meas"] in ids:
                n["meas"] = f'{n["meas"]}:{n["hardware"]}:gbs{n["global_batch"]}'
            ids[n["meas"]] = k
            order.append(k)
            best[k] = n
        elif METRIC_RANK[n["metric"]] < METRIC_RANK[best[k]["metric"]]:
            n["meas"] = best[k]["meas"]
            best[k] = n
    with open(DST, "w", newline="") as f:
        f.write(",".join(COLUMNS) + "\n")
        for k in order:
            f.write(",".join(str(best[k][c]) for c in COLUMNS) + "\n")
    ok = sum(1 for k in order if best[k]["status"] == "ok")
    print(f"{len(order)} measurements, {ok} in scope -> {DST}")


if __name__ == "__main__":
    main()
