"""The direction of imports: engine imports numpy only, viz never imports streamlit; the UI
and the figures reach the engine only through `bpviz.engine`; no module borrows another's
private name."""
import ast
import importlib
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _modules_after_import(module):
    code = f"import sys, {module}; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_engine_imports_no_ui_or_plotting_library():
    loaded = _modules_after_import("bpviz.engine")
    assert "numpy" in loaded
    for forbidden in ("streamlit", "plotly", "pandas"):
        assert forbidden not in loaded, f"bpviz.engine pulls in {forbidden}"


def test_viz_imports_no_streamlit():
    loaded = _modules_after_import("bpviz.viz")
    assert "plotly" in loaded
    assert "streamlit" not in loaded


def _imports(paths):
    """(file, line, module, name) of every `from module import name` in the files, and of
    every `imported._name` (an attribute read through a name the file imported)."""
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                module = "." * node.level + (node.module or "")
                for alias in node.names:
                    imported[alias.asname or alias.name] = module
                    yield path.relative_to(ROOT), node.lineno, module, alias.name
            elif isinstance(node, ast.Import):
                imported.update({alias.asname or alias.name: alias.name for alias in node.names})
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in imported:
                yield path.relative_to(ROOT), node.lineno, node.value.id, node.attr


def test_ui_and_viz_import_the_engine_only_through_its_package():
    files = [*ROOT.glob("bpviz/ui/**/*.py"), *ROOT.glob("bpviz/viz/*.py"), *ROOT.glob("views/*.py"), ROOT / "app.py"]
    deep = [(str(f), line, module) for f, line, module, _ in _imports(files) if module.startswith("bpviz.engine.")]
    assert deep == []


def test_no_module_imports_another_modules_private_name():
    files = [p for p in ROOT.rglob("*.py") if ".git" not in p.parts]
    private = [(str(f), line, f"{module}.{name}") for f, line, module, name in _imports(files)
               if name.startswith("_") and not name.startswith("__")]
    assert private == []


def test_engine_package_lists_its_public_api():
    engine = importlib.import_module("bpviz.engine")
    assert len(engine.__all__) == len(set(engine.__all__))
    assert [name for name in engine.__all__ if not hasattr(engine, name)] == []
    assert [name for name in engine.__all__ if name.startswith("_")] == []


def test_worksheets_import_no_streamlit_or_plotting():
    loaded = _modules_after_import("bpviz.worksheets")
    assert "typst" in loaded
    for forbidden in ("streamlit", "plotly", "pandas"):
        assert forbidden not in loaded, f"bpviz.worksheets pulls in {forbidden}"


def test_only_the_state_module_touches_session_state():
    """bpviz/ui/state.py owns every session-state key: no other module (nor the pages, nor
    app.py) names `session_state`, in code or in an attribute read (`st.session_state`)."""
    owner = ROOT / "bpviz" / "ui" / "state.py"
    files = [*ROOT.glob("bpviz/**/*.py"), *ROOT.glob("views/*.py"), ROOT / "app.py"]
    assert owner in files
    touching = []
    for path in files:
        if path == owner:
            continue
        text = path.read_text(encoding="utf-8")
        tree = ast.parse(text)
        names = [node.lineno for node in ast.walk(tree)
                 if (isinstance(node, ast.Attribute) and node.attr == "session_state")
                 or (isinstance(node, ast.Name) and node.id == "session_state")
                 or (isinstance(node, ast.alias) and node.name.split(".")[-1] == "session_state")]
        if names or "session_state" in text:
            touching.append(str(path.relative_to(ROOT)))
    assert touching == []


def _module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _import_graph():
    """{module: the bpviz modules it imports}, counting every import statement anywhere in
    the file (inside functions and `if TYPE_CHECKING:` blocks too). `from package import name`
    counts the submodule `package.name` when there is one, else the package."""
    paths = {_module_name(p): p for p in ROOT.glob("bpviz/**/*.py")}

    def known(name):
        while name and name not in paths:
            name = name.rpartition(".")[0]
        return name

    graph = {}
    for module, path in paths.items():
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(known(alias.name) for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(parent + ([base] if base else []))
                targets.update(f"{base}.{a.name}" if f"{base}.{a.name}" in paths else known(base) for a in node.names)
        graph[module] = {t for t in targets if t and t != module and t.startswith("bpviz")}
    return graph


def _cycles(graph):
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while not group or group[-1] != v:
                group.append(stack.pop())
                on_stack.discard(group[-1])
            if len(group) > 1:
                groups.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return groups


def test_the_import_graph_is_read_from_every_module():
    graph = _import_graph()
    assert "bpviz.engine.network" in graph["bpviz.engine.propagation"]
    assert "bpviz.ui.state" in graph["bpviz.ui.i18n"]
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycle_between_bpviz_modules():
    """Not even through an import inside a function: every arrow points down the layers."""
    assert _cycles(_import_graph()) == []


def test_other_packages_use_viz_only_through_its_package():
    """bpviz.ui, the pages and the worksheets import `bpviz.viz` names, never its modules,
    and only the names its `__all__` lists."""
    viz = importlib.import_module("bpviz.viz")
    assert len(viz.__all__) == len(set(viz.__all__))
    assert [name for name in viz.__all__ if not hasattr(viz, name)] == []
    files = [*ROOT.glob("bpviz/ui/**/*.py"), *ROOT.glob("bpviz/worksheets/*.py"), *ROOT.glob("bpviz/engine/*.py"),
             *ROOT.glob("views/*.py"), ROOT / "app.py"]
    imports = list(_imports(files))
    deep = [(str(f), line, module) for f, line, module, _ in imports if module.startswith("bpviz.viz.")]
    assert deep == []
    outside_api = [(str(f), line, name) for f, line, module, name in imports
                   if module in ("bpviz.viz", "viz") and name not in viz.__all__]
    assert outside_api == []


def test_number_formats_live_in_viz_style_only():
    """The digits a figure prints ('.4g', '.9g', …) are named in bpviz/viz/style.py; the
    other viz modules use those names."""
    pattern = re.compile(r"""(?<![\w.])\.\d+[gfe]\b|:\.\d+[gfe]\}""")
    found = [(path.name, number) for path in ROOT.glob("bpviz/viz/*.py") if path.name != "style.py"
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert found == []
    style = (ROOT / "bpviz" / "viz" / "style.py").read_text(encoding="utf-8")
    assert pattern.search(style)


def test_no_module_over_400_lines():
    """Short modules with one job. The two string catalogues are data, one entry a line, and
    stay one file per language (bpviz/ui/strings/en.py, zh.py), so they are not counted."""
    catalogues = {ROOT / "bpviz" / "ui" / "strings" / name for name in ("en.py", "zh.py")}
    files = [p for p in [*ROOT.glob("bpviz/**/*.py"), *ROOT.glob("views/*.py"), ROOT / "app.py"] if p not in catalogues]
    assert len(files) > 50
    long = {str(p.relative_to(ROOT)): n for p in files if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}
