"""Figures of the exported code, to compare before and after a refactor:

    python scripts/code_metrics.py [ROOT]

median / 90th percentile / longest exported cell (lines, `#|` directives excluded), exported cells over 30 lines,
exported cells holding several top-level definitions (and several public ones), functions over 50 lines and the
longest ones in `pas/`, and semicolons joining statements in `pas/`.
"""
import ast, io, json, statistics, sys, tokenize
from pathlib import Path

def exported_cells(root:Path) -> list:
    "`(notebook, body lines)` of every exported code cell under `root/nbs`."
    cells = []
    for nb in sorted((root / "nbs").glob("*.ipynb")):
        for c in json.loads(nb.read_text())["cells"]:
            lines = "".join(c["source"]).splitlines()
            if c["cell_type"] == "code" and any(line.startswith("#| export") for line in lines[:3]):
                cells.append((nb.name, [line for line in lines if not line.startswith("#|")]))
    return cells

def definitions(body:list) -> list:
    "Names of the top-level functions and classes of a cell."
    kinds = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    return [x.name for x in ast.parse("\n".join(body)).body if isinstance(x, kinds)]

def module_figures(root:Path) -> tuple:
    "`(functions sorted by length, semicolons)` of `root/pas`."
    funcs, semis = [], 0
    for py in sorted((root / "pas").glob("*.py")):
        if py.name == "_modidx.py": continue
        s = py.read_text()
        tokens = tokenize.generate_tokens(io.StringIO(s).readline)
        semis += sum(t.type == tokenize.OP and t.string == ";" for t in tokens)
        funcs += [(x.end_lineno - x.lineno + 1, f"{py.stem}.{x.name}") for x in ast.walk(ast.parse(s))
                  if isinstance(x, (ast.FunctionDef, ast.AsyncFunctionDef))]
    return sorted(funcs, reverse=True), semis

def main(root:Path):
    cells = exported_cells(root)
    n = sorted(len(b) for _, b in cells)
    multi = [(nb, d) for nb, b in cells if len(d := definitions(b)) > 1]
    public = [(nb, d) for nb, d in multi if sum(not x.startswith("_") for x in d) > 1]
    print(f"exported cells {len(n)}  median lines {statistics.median(n)}  p90 {n[int(.9 * len(n))]}  max {n[-1]}")
    print(f"cells over 30 lines {sum(x > 30 for x in n)}")
    print(f"cells with several definitions {len(multi)}  with several public definitions {len(public)}")
    for nb, d in public: print("   ", nb, d)
    funcs, semis = module_figures(root)
    print(f"functions over 50 lines {sum(length > 50 for length, _ in funcs)}  longest: "
          + ", ".join(f"{f} {length}" for length, f in funcs[:8]))
    print(f"semicolons in pas/ {semis}")

if __name__ == "__main__": main(Path(sys.argv[1] if len(sys.argv) > 1 else "."))
