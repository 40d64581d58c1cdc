"""The direction of imports: engine imports numpy only, viz never imports streamlit; the UI
and the figures reach the engine only through `bpviz.engine`; no module borrows another's
private name."""
import ast
import importlib
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


def test_jobs_import_no_streamlit():
    # worker processes import bpviz.jobs: no web framework, no plotting in them
    loaded = _modules_after_import("bpviz.jobs")
    assert "bpviz.worksheets" in loaded
    for forbidden in ("streamlit", "plotly"):
        assert forbidden not in loaded, f"bpviz.jobs pulls in {forbidden}"


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
    files = [*ROOT.glob("bpviz/ui/*.py"), *ROOT.glob("bpviz/viz/*.py"), *ROOT.glob("views/*.py"), ROOT / "app.py"]
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
