"""Execute notebooks and keep the outputs of their quick cells.

The notebooks' kept outputs are the rendered documentation:

    python scripts/fill_outputs.py nbs/02_hooks.ipynb nbs/04a_engine.ipynb   # then: nbdev-clean

Cells flagged with any of nbdev's test flags (`tst_flags` in pyproject.toml: `#| slow`, `#| gpu`, `#| slurm`) are
not run (as plain `nbdev-test`) and keep no output, unless `--slow-from` names a fully executed copy of the notebook
(e.g. papermill's): slow cells then take that copy's outputs, cell for cell by source. An output is kept only when
it is small and the same on every machine: no stderr, no machine paths, no progress bars, no timings, no memory
addresses; a cell whose output fails these checks keeps none and is listed, so that its example can be made smaller.

    papermill nbs/91_analysis.ipynb /tmp/a.ipynb --cwd nbs
    python scripts/fill_outputs.py nbs/91_analysis.ipynb --slow-from /tmp/a.ipynb
"""
import argparse, os, re, sys
from pathlib import Path
from fastcore.nbio import read_nb, write_nb
from execnb.shell import CaptureShell

PYPROJECT = (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text()
SKIP_FLAGS = tuple(re.search(r'^tst_flags\s*=\s*"([^"]*)"', PYPROJECT, re.M).group(1).split())  # as nbdev-test
MAX_CHARS, MAX_LINES, MAX_IMAGE_BYTES = 3000, 40, 80_000
VOLATILE = [re.compile(p) for p in (
    r"/(tmp|work|root|home|Users|var/folders)/",  # machine paths
    r"\bat 0x[0-9a-f]+",  # object addresses
    r"\d+(\.\d+)?\s?(s|ms|sec|seconds)\b(?!\w)",  # timings
    r"it/s|s/it|\d+%\|",  # progress bars
)]

def flags(cell) -> set:
    "The `#| ` directives at the top of a code cell, as a set of words."
    out = set()
    for line in cell.source.splitlines():
        if not line.startswith("#|"): break
        out.update(line[2:].split())
    return out

def output_text(o) -> str:
    if o.get("output_type") == "stream": return "".join(o.get("text", ""))
    data = o.get("data", {})
    return "".join("".join(data.get(kind, "")) for kind in ("text/plain", "text/html", "text/markdown"))

def is_stderr(o) -> bool: return o.get("output_type") == "stream" and o.get("name") == "stderr"

def why_not_kept(cell, max_image:int=MAX_IMAGE_BYTES) -> str | None:
    "None if `cell`'s outputs may stay in the notebook, else the reason they may not."
    if any(o.get("output_type") == "error" for o in cell.outputs): return "error"
    text = "\n".join(output_text(o) for o in cell.outputs if not is_stderr(o))
    n_lines = text.count("\n")
    if len(text) > MAX_CHARS or n_lines > MAX_LINES: return f"too long ({len(text)} chars, {n_lines} lines)"
    for p in VOLATILE:
        if p.search(text): return f"volatile ({p.pattern!r}: {p.search(text).group(0)!r})"
    for o in cell.outputs:
        img = o.get("data", {}).get("image/png")
        if img and len(img) > max_image: return f"image too large ({len(img)} bytes)"
    return None

SLOW_IMAGE_BYTES = 200_000  # a figure of the executed copy (the slow cells' outputs are the analysis's figures)

def _plain(o):
    "An output without its HTML rendering (a table's text form is kept, and counted)."
    if "data" in o and "text/html" in o["data"] and "text/plain" in o["data"]:
        o = dict(o, data={k: v for k, v in o["data"].items() if k != "text/html"})
    return o

def fill(path:Path, timeout:int=600, slow_from:Path|None=None) -> list:
    "Run `path`'s quick cells, keep their small deterministic outputs, write it back; return [(cell id, why)] dropped."
    nb = read_nb(path)
    executed = {}  # source -> outputs of the fully executed copy's code cells
    if slow_from: executed = {c.source: c.outputs for c in read_nb(slow_from).cells if c.cell_type == "code"}
    # skipped as nbdev-test skips them: flagged cells, and `#| eval: false` ones (e.g. a `__main__` guard)
    skip = lambda c: c.cell_type == "code" and (bool(flags(c) & set(SKIP_FLAGS)) or {"eval:", "false"} <= flags(c))
    shell = CaptureShell(path)
    cwd = os.getcwd(); os.chdir(path.parent)
    try: shell.run_all(nb, exc_stop=True, preproc=skip, cell_timeout=timeout)
    finally: os.chdir(cwd)
    dropped = []
    for c in nb.cells:
        if c.cell_type != "code": continue
        c.metadata.pop("execution", None)
        slow = skip(c) and bool(flags(c) & set(SKIP_FLAGS))
        if skip(c): c.outputs = [_plain(o) for o in executed.get(c.source, [])] if slow else []
        if not c.outputs: c.outputs = []; continue
        c.outputs = [o for o in c.outputs if not is_stderr(o)]
        reason = why_not_kept(c, SLOW_IMAGE_BYTES if slow else MAX_IMAGE_BYTES)
        if reason: dropped.append((c.get("id"), reason)); c.outputs = []
    write_nb(nb, path)
    return dropped

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])  # the first line of this file's docstring
    p.add_argument("notebooks", nargs="+", type=Path)
    p.add_argument("--slow-from", type=Path, help="a fully executed copy of the (one) notebook:its slow cells' outputs")
    a = p.parse_args(argv)
    if a.slow_from and len(a.notebooks) != 1: p.error("--slow-from goes with one notebook")
    for nb in a.notebooks:
        dropped = fill(nb, slow_from=a.slow_from)
        print(f"{nb}: outputs kept" + "".join(f"\n  cell {i}: output not kept, {r}" for i, r in dropped))

if __name__ == "__main__": sys.exit(main())
