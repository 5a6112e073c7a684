#!/usr/bin/env bash
# Golden outputs of the CLI, to prove a refactoring changes no byte.
#
#   scripts/golden.sh BIN OUTDIR     # runs BIN (a `zettaflop` binary) on every case into OUTDIR
#   diff -r OLD NEW                  # then compare two runs: no output = behaviour unchanged
#
# Typical use: build the base commit's CLI, copy it aside, run this script with it into
# /tmp/golden-before; change the code, rebuild, run it again into /tmp/golden-after; diff.
# Each case writes one file: stdout, then stderr and the exit code. The cases: every model preset
# and every chip in a few scenarios, hand-written edge cases (every optional input, custom
# hardware, errors), in en and fr and as JSON, CSV and Markdown; the claims, sweep, optimal,
# predict, search, schema, catalog and calibrate commands.
set -u
BIN=${1:?usage: scripts/golden.sh BIN OUTDIR}
OUT=${2:?usage: scripts/golden.sh BIN OUTDIR}
DATA="$(cd "$(dirname "$0")/.." && pwd)/crates/estimator/data"
mkdir -p "$OUT"

n=0
# case NAME STDIN ARGS...
case_() {
  local name=$1 input=$2
  shift 2
  local f="$OUT/$name"
  printf '%s' "$input" | "$BIN" "$@" >"$f" 2>"$f.err"
  local rc=$?
  { printf '\n--- stderr\n'; cat "$f.err"; printf -- '--- exit %s\n' "$rc"; } >>"$f"
  rm -f "$f.err"
  n=$((n + 1))
}

# scenario NAME JSON: estimate in en/fr as json/csv/md.
scenario() {
  local name=$1 json=$2
  for lang in en fr; do
    for fmt in json csv md; do
      case_ "estimate.$name.$lang.$fmt" "$json" estimate - --lang "$lang" --format "$fmt"
    done
  done
}

ids() { tail -n +2 "$DATA/$1" | cut -d, -f1; }

for m in $(ids models.csv); do
  scenario "model-$m-gb200" "{\"workload\": \"$m\", \"hardware\": \"gb200\", \"count\": 64000, \"count_unit\": \"package\"}"
  scenario "model-$m-h100" "{\"workload\": \"$m\", \"hardware\": \"h100\", \"count\": 16384, \"utilization\": 0.38, \"claimed_duration_s\": 4.6e6, \"target_duration_s\": 8.64e6}"
done
for a in $(ids accelerators.csv); do
  scenario "chip-$a" "{\"workload\": \"gpt-3\", \"hardware\": \"$a\", \"count\": 1024}"
  scenario "chip-$a-priced" "{\"workload\": \"gpt-4\", \"hardware\": \"$a\", \"count\": 4096, \"precision\": \"fp16\", \"usd_per_chip_hour\": 2, \"usd_purchase_per_chip\": 25000, \"budget_usd\": 1e8, \"target_duration_s\": 8.64e6}"
  scenario "chip-$a-llama-auto" "{\"workload\": \"llama-3.1-405b\", \"hardware\": \"$a\", \"count\": 2048, \"utilization\": \"auto\", \"site_power_w\": 5e7, \"budget_usd\": 2e8}"
done

# Hand-written cases: every optional input, the warnings, custom hardware, errors.
scenario default '{"workload": "gpt-4", "hardware": "gb200", "count": 64000, "count_unit": "package"}'
scenario rack '{"workload": "gpt-4", "hardware": "gb200", "count": 100, "count_unit": "rack"}'
scenario fp8-sparse '{"workload": "gpt-4", "hardware": "h100", "count": 25000, "precision": "fp8", "sparse": true}'
scenario flop '{"workload": {"flop": 3.8e25}, "hardware": "h100", "count": 16384, "utilization": 0.4, "site_power_w": 1.2e9, "budget_usd": 1e9}'
scenario params-tokens '{"workload": {"params": 175e9, "tokens": 300e9}, "hardware": "v100", "count": 10000, "precision": "fp16"}'
scenario all-inputs '{"workload": "llama-3.1-405b", "hardware": "h100", "count": 16384, "utilization": 0.41, "global_batch": 2048, "pue": 1.35, "usd_per_chip_hour": 2.5, "usd_per_kwh": 0.12, "kg_co2_per_kwh": 0.2, "claimed_duration_s": 4.67e6, "target_duration_s": 2.6e6, "interruptions_per_gpu_hour": 2e-5, "checkpoint_s": 60, "restart_s": 600, "site_power_w": 1.5e8, "budget_usd": 5e9, "usd_purchase_per_chip": 30000, "facility_usd_per_w": 10, "lifetime_s": 1.5e8}'
scenario auto-batch '{"workload": "llama-3.1-405b", "hardware": "h100", "count": 16384, "utilization": "auto", "global_batch": 1024}'
scenario claim-impossible '{"workload": "gpt-4", "hardware": "gb200", "count": 64000, "count_unit": "package", "claimed_duration_s": 43200, "target_duration_s": 86400}'
scenario claim-optimistic '{"workload": "gpt-4", "hardware": "a100", "count": 25000, "claimed_duration_s": 5e6}'
scenario util-high '{"workload": "gpt-4", "hardware": "h100", "count": 1000, "utilization": 0.9}'
scenario checkpoint-slow '{"workload": "gpt-4", "hardware": "h100", "count": 100000, "checkpoint_s": 3000}'
scenario never-finishes '{"workload": "gpt-4", "hardware": "h100", "count": 100000, "interruptions_per_gpu_hour": 0.01, "restart_s": 86400}'
scenario huge '{"workload": {"flop": 1e35}, "hardware": "v100", "count": 1, "utilization": 0.001, "precision": "fp16"}'
scenario tiny '{"workload": {"flop": 1}, "hardware": "gb300", "count": 1e9, "pue": 1, "usd_per_kwh": 0, "kg_co2_per_kwh": 0, "usd_per_chip_hour": 0}'
scenario custom '{"workload": "gpt-3", "hardware": {"name": "My chip", "peak_flop_per_s": {"bf16": 5e14, "fp8": 1e15}, "sparse": true, "all_in_w": 900, "hbm_bytes": 8e10, "gpus_per_package": 2, "gpus_per_rack": 64, "usd_per_chip_hour": 3}, "count": 100, "count_unit": "rack", "sparse": true, "precision": "fp8"}'
scenario custom-noprice '{"workload": "gpt-3", "hardware": {"name": "X", "peak_flop_per_s": {"bf16": 5e14}, "all_in_w": 900}, "count": 10}'
scenario custom-budget '{"workload": "gpt-3", "hardware": {"name": "X", "peak_flop_per_s": {"bf16": 5e14}, "all_in_w": 900, "usd_per_chip_hour": 2}, "count": 10, "budget_usd": 1e6}'
scenario custom-budget-price '{"workload": "gpt-3", "hardware": {"name": "X", "peak_flop_per_s": {"bf16": 5e14}, "all_in_w": 900, "usd_per_chip_hour": 2}, "count": 10, "budget_usd": 1e6, "usd_purchase_per_chip": 20000}'
scenario moe '{"workload": {"params": 37e9, "tokens": 14.8e12}, "hardware": "h800", "count": 2048, "precision": "fp8"}'
for bad in \
  '{"workload": "gpt-4", "hardware": "gb200", "count": 64000, "utilization": 1.5}' \
  '{"workload": "gpt-4", "hardware": "gb200", "count": 0}' \
  '{"workload": "gpt-4", "hardware": "gb200", "count": 1.5}' \
  '{"workload": "gpt-4", "hardware": "tpu9", "count": 1}' \
  '{"workload": "gpt-4", "hardware": "gb200", "count": 1, "colour": "red"}' \
  '{"workload": "gpt-4", "hardware": "gb200", "count": 1, "precision": "fp3"}' \
  '{"workload": "gpt-4", "hardware": "gb200"}' \
  '{"workload": "gpt-4", "hardware": "v100", "count": 1, "precision": "fp8"}' \
  '{"workload": "gpt-4", "hardware": "h100", "count": 1, "count_unit": "rack"}' \
  '{"workload": "gpt-4", "hardware": "h100", "count": 1, "pue": 0.5}' \
  '{"workload": "gpt-4", "hardware": "h100", "count": 1, "usd_per_kwh": -1}' \
  '{"workload": "gpt-4", "hardware": "h100", "count": 1, "kg_co2_per_kwh": 3}' \
  '{"workload": "gpt-4", "hardware": "h100", "count": 1, "usd_per_chip_hour": 1e5}' \
  '{"workload": "gpt-4", "hardware": "h100", "count": 1, "claimed_duration_s": 0}' \
  '{"workload": "gpt-4", "hardware": "h100", "count": 1, "target_duration_s": 1e11}' \
  '{"workload": "gpt-4", "hardware": "h100", "count": 1, "interruptions_per_gpu_hour": -1}' \
  '{"workload": "gpt-4", "hardware": "h100", "count": 1, "checkpoint_s": -1}' \
  '{"workload": "gpt-4", "hardware": "h100", "count": 1, "restart_s": -1}' \
  '{"workload": "gpt-4", "hardware": "h100", "count": 1, "site_power_w": 0}' \
  '{"workload": "gpt-4", "hardware": "h100", "count": 1, "budget_usd": -5}' \
  '{"workload": "gpt-4", "hardware": "h100", "count": 1, "usd_purchase_per_chip": -5}' \
  '{"workload": "gpt-4", "hardware": "h100", "count": 1, "facility_usd_per_w": -5}' \
  '{"workload": "gpt-4", "hardware": "h100", "count": 1, "lifetime_s": 0}' \
  '{"workload": "gpt-4", "hardware": "h100", "count": 1, "global_batch": 0, "utilization": "auto"}' \
  '{"workload": "gpt-4", "hardware": "h100", "count": 8, "utilization": "auto"}' \
  '{"workload": {"flop": -1}, "hardware": "h100", "count": 1}' \
  '{"workload": {"flop": 2e25, "params": 1e12}, "hardware": "h100", "count": 1}' \
  '{"workload": "gpt-5", "hardware": "h100", "count": 1}' \
  '{"workload": "gpt-3", "hardware": {"name": "X", "peak_flop_per_s": {"bf16": 5}, "all_in_w": 900}, "count": 10}' \
  '{"workload": "gpt-3", "hardware": {"name": "X", "peak_flop_per_s": {"bf16": 5e14}, "all_in_w": 900}, "count": 10, "precision": "fp8"}' \
  'not json' ''; do
  n_bad=$((${n_bad:-0} + 1))
  for lang in en fr; do case_ "bad-$n_bad.$lang" "$bad" estimate - --lang "$lang"; done
done

for lang in en fr; do
  case_ "claims.$lang.json" '' claims --json --lang "$lang"
  case_ "claims.$lang.txt" '' claims --lang "$lang"
  case_ "sweep.$lang.csv" '{"workload": "gpt-4", "hardware": "h100"}' sweep - --lang "$lang"
  case_ "sweep.$lang.json" '{"workload": "llama-3.1-405b", "hardware": "gb200", "count_unit": "package"}' sweep - 512 4096 32768 --json --lang "$lang"
  case_ "check.$lang" '{"workload": "gpt-4", "duration_s": 43200, "count": 64000, "count_unit": "package", "hardware": "gb200", "precision": "fp16"}' check - --lang "$lang"
done
for req in '{"flop": 5.76e23}' '{"flop": 5.76e23, "fit": "hoffmann"}' '{"usd": 1e9, "hardware": "h100", "utilization": 0.4}' \
  '{"flop": -1}' '{"flop": 1e24, "fit": "kaplan"}' '{"usd": 1e9, "hardware": "h100"}'; do
  n_opt=$((${n_opt:-0} + 1))
  case_ "optimal-$n_opt" "$req" optimal -
done
LLAMA='"model": "llama-3.1-405b", "hardware": "h100", "gpus": 16384, "global_batch": 2048'
for job in \
  "{$LLAMA, \"layout\": {\"tp\": 8, \"pp\": 16, \"micro_batch\": 1, \"interleave\": 4, \"recompute\": \"full\", \"sequence_parallel\": true, \"distributed_optimizer\": true}}" \
  "{$LLAMA, \"layout\": {\"tp\": 8, \"pp\": 1, \"micro_batch\": 1, \"sharding\": \"zero-1\"}}" \
  "{$LLAMA, \"layout\": {\"tp\": 16, \"pp\": 16, \"micro_batch\": 1}}" \
  "{$LLAMA, \"layout\": \"auto\"}" \
  '{"model": "llama-3.1-405b", "hardware": "gb200", "gpus": 4608, "global_batch": 2304, "layout": "auto"}' \
  '{"model": "llama-3.1-405b", "hardware": "h800", "gpus": 2048, "global_batch": 1024, "layout": "auto"}' \
  '{"model": "gopher", "hardware": "h100", "gpus": 8, "global_batch": 8, "layout": "auto"}' \
  '{"model": "gpt-3", "hardware": "v100", "gpus": 8, "global_batch": 8, "layout": "auto"}' \
  '{"model": "gpt-3", "hardware": "a100", "gpus": 1024, "global_batch": 1536, "layout": "auto"}' \
  '{"model": "gpt-4", "hardware": "h100", "gpus": 8, "global_batch": 8, "layout": "auto"}'; do
  n_job=$((${n_job:-0} + 1))
  case_ "predict-$n_job" "$job" predict -
  case_ "search-$n_job" "$job" search -
done
case_ schema '' schema
for t in hardware models clusters constants epoch; do case_ "catalog-$t" '' catalog "$t" --json; done
case_ calibrate '' calibrate --json
# The performance model's errors (every rule of a model shape and a layout), en and fr.
S='"layers": 96, "hidden": 12288, "vocab": 50257, "mlp": "gelu"'
G='"hardware": "h100", "gpus": 64, "global_batch": 64'
L='"model": "gpt-3", '"$G"
for job in \
  "{\"model\": {$S, \"seq_len\": 2048, \"ffn\": 49152, \"heads\": 97}, $G, \"layout\": \"auto\"}" \
  "{\"model\": {$S, \"seq_len\": 2048, \"ffn\": 49152, \"heads\": 96, \"kv_heads\": 7}, $G, \"layout\": \"auto\"}" \
  "{\"model\": {$S, \"seq_len\": 2048, \"ffn\": 49152, \"heads\": 96, \"experts\": 2, \"active_experts\": 3}, $G, \"layout\": \"auto\"}" \
  "{\"model\": {$S, \"seq_len\": 2048, \"ffn\": 49152, \"heads\": 96, \"shared_experts\": 1}, $G, \"layout\": \"auto\"}" \
  "{\"model\": {$S, \"seq_len\": 2048, \"ffn\": 49152, \"heads\": 96, \"dense_layers\": 97}, $G, \"layout\": \"auto\"}" \
  "{$L}" \
  "{$L, \"layout\": \"best\"}" \
  "{$L, \"layout\": {\"tp\": 8, \"pp\": 2, \"dp\": 3, \"micro_batch\": 1}}" \
  "{$L, \"layout\": {\"tp\": 8, \"pp\": 3, \"micro_batch\": 1}}" \
  "{$L, \"layout\": {\"tp\": 16, \"pp\": 4, \"micro_batch\": 1}}" \
  "{$L, \"layout\": {\"tp\": 5, \"pp\": 1, \"dp\": 1, \"micro_batch\": 1}}" \
  "{\"model\": {$S, \"seq_len\": 2048, \"heads\": 96, \"ffn\": 49100}, $G, \"layout\": {\"tp\": 8, \"pp\": 1, \"micro_batch\": 1}}" \
  "{\"model\": {$S, \"heads\": 96, \"ffn\": 49152, \"seq_len\": 2047}, $G, \"layout\": {\"tp\": 8, \"pp\": 1, \"cp\": 8, \"micro_batch\": 1}}" \
  "{$L, \"layout\": {\"tp\": 1, \"pp\": 64, \"interleave\": 2, \"micro_batch\": 1}}" \
  "{$L, \"layout\": {\"tp\": 8, \"pp\": 1, \"micro_batch\": 3}}" \
  "{$L, \"layout\": {\"tp\": 8, \"pp\": 1, \"interleave\": 2, \"micro_batch\": 1}}" \
  "{\"model\": \"gpt-3\", \"hardware\": \"h100\", \"gpus\": 64, \"global_batch\": 12, \"layout\": {\"tp\": 8, \"pp\": 2, \"interleave\": 2, \"micro_batch\": 1}}" \
  "{$L, \"layout\": {\"tp\": 8, \"pp\": 1, \"ep\": 2, \"micro_batch\": 1}}" \
  "{\"model\": {$S, \"seq_len\": 2048, \"ffn\": 49152, \"heads\": 96, \"experts\": 3, \"active_experts\": 1}, $G, \"layout\": {\"tp\": 8, \"pp\": 1, \"ep\": 2, \"micro_batch\": 1}}" \
  "{$L, \"layout\": {\"tp\": 1, \"pp\": 1, \"micro_batch\": 1, \"sequence_parallel\": true}}" \
  "{\"model\": \"gpt-3\", \"hardware\": \"h100\", \"gpus\": 8, \"global_batch\": 8, \"layout\": {\"tp\": 8, \"pp\": 1, \"micro_batch\": 1, \"distributed_optimizer\": true}}" \
  "{\"model\": \"gpt-3\", \"hardware\": \"h100\", \"gpus\": 8, \"global_batch\": 8, \"layout\": {\"tp\": 8, \"pp\": 1, \"micro_batch\": 1, \"sharding\": \"zero-1\"}}"; do
  n_perr=$((${n_perr:-0} + 1))
  for lang in en fr; do
    case_ "perf-error-$n_perr.$lang" "$job" predict - --lang "$lang"
  done
  case_ "perf-error-search-$n_perr.fr" "$job" search - --lang fr
done
echo "golden: $n cases in $OUT"
