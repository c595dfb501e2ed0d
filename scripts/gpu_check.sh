#!/usr/bin/env bash
# GPU check of the fast engine (about 10 minutes on one H100/H200-class GPU). Writes JSON lines to ${OUT:-gpu_out}/.
#   1. grid bench, Llama-3.1-8B shape with random bf16 weights (naive engine timed on a sample, fast on the whole grid)
#   2. the same with 4-bit NF4 weights (bitsandbytes)
#   3. whole-run (pipeline) bench, bf16, against the authors' algorithm in the same run
#   4. fast vs naive agreement in bf16 on that model, side by side with naive vs naive at another batch size
set -uo pipefail
export PAS_DATA_DIR=${PAS_DATA_DIR:-$PWD/shared/data} TOKENIZERS_PARALLELISM=false HF_HUB_OFFLINE=1 HF_DATASETS_OFFLINE=1
export PYTHONPATH=$PWD${PYTHONPATH:+:$PYTHONPATH}
OUT=${OUT:-gpu_out}; mkdir -p "$OUT"
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader | tee "$OUT/gpu.txt"
B="python -m pas.bench --json --random-weights llama-3.1-8b --device cuda --dtype bfloat16"
run() { local name=$1 limit=$2; shift 2
        echo "== $name"; timeout "$limit" "$@" > "$OUT/$name.json" 2> "$OUT/$name.log"; echo "rc=$? $(tail -c 600 "$OUT/$name.json")"; }
run grid_bf16      150 $B --items 64 --naive-configs 6 --batch-size 32
run grid_4bit      170 $B --items 64 --naive-configs 6 --batch-size 32 --quantization 4bit
run pipeline_bf16  200 $B --pipeline --max-sample-size 500 --sample 4 --batch-size 32
run agreement_bf16  80 $B --items 48 --naive-configs 24 --strengths 1 4 16 --batch-size 16
echo "done; results in $OUT/"
