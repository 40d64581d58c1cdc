"""The direction of imports: engine imports numpy only, viz never imports streamlit; the UI
and the figures reach the engine only through `bpviz.engine`; no module borrows another's
private name."""
import ast
import importlib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The project's own code, for a checkout without git (an unpacked archive): never a walk of
# everything under the root, which would read a .venv, a build folder or anything else there.
OWN_FOLDERS = ("bpviz", "views", "tests", "benchmarks", "scripts", "docs")
OWN_FILES = ("app.py",)


def project_python_files(root=ROOT):
    """The project's .py files under `root`: those git tracks (`git ls-files`), or, when
    `root` is not a git checkout, those in OWN_FOLDERS and OWN_FILES."""
    top = subprocess.run(["git", "-C", str(root), "rev-parse", "--show-toplevel"], capture_output=True, text=True)
    if top.returncode == 0 and Path(top.stdout.strip()).resolve() == Path(root).resolve():
        listed = subprocess.run(["git", "-C", str(root), "ls-files", "-z", "--", "*.py"],
                                capture_output=True, text=True, check=True)
        return sorted(root / name for name in listed.stdout.split("\0") if name and (root / name).is_file())
    files = [root / name for name in OWN_FILES if (root / name).is_file()]
    for folder in OWN_FOLDERS:
        files += (root / folder).rglob("*.py")
    return sorted(files)


def files_under(*places):
    """The project's .py files that are, or are inside, one of `places` ("bpviz/ui", "app.py")."""
    return [f for f in project_python_files()
            if any(f.relative_to(ROOT).as_posix() == place or f.relative_to(ROOT).as_posix().startswith(place + "/")
                   for place in places)]


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


def _imports(paths, root=ROOT):
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
                    yield path.relative_to(root), node.lineno, module, alias.name
            elif isinstance(node, ast.Import):
                imported.update({alias.asname or alias.name: alias.name for alias in node.names})
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in imported:
                yield path.relative_to(root), node.lineno, node.value.id, node.attr


def test_ui_and_viz_import_the_engine_only_through_its_package():
    files = files_under("bpviz/ui", "bpviz/viz", "views", "app.py")
    deep = [(str(f), line, module) for f, line, module, _ in _imports(files) if module.startswith("bpviz.engine.")]
    assert deep == []


def private_imports(root=ROOT):
    """(file, line, module.name) of every private name one of the project's files borrows."""
    return [(str(f), line, f"{module}.{name}") for f, line, module, name in _imports(project_python_files(root), root)
            if name.startswith("_") and not name.startswith("__")]


def test_no_module_imports_another_modules_private_name():
    assert private_imports() == []


PRIVATE_IMPORT = "from somewhere import _hidden\n"


def _clone(tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True, capture_output=True)
    return clone


def test_the_private_import_scan_ignores_a_virtual_environment_inside_the_checkout(tmp_path):
    """A newcomer's clone with a .venv inside (holding third-party code that borrows private
    names, as installed packages do): the scan reads only the project's files and passes.
    The same file, once tracked, is caught: the scan still looks where it should."""
    clone = _clone(tmp_path)
    bad = clone / ".venv" / "lib" / "python3.11" / "site-packages" / "somepackage" / "bad.py"
    bad.parent.mkdir(parents=True)
    bad.write_text(PRIVATE_IMPORT)
    assert bad.parent.is_dir() and clone / "tests" / "test_layering.py" in project_python_files(clone)
    assert private_imports(clone) == []
    tracked = clone / "bpviz" / "borrowing.py"
    tracked.write_text(PRIVATE_IMPORT)
    subprocess.run(["git", "-C", str(clone), "add", "bpviz/borrowing.py"], check=True)
    assert private_imports(clone) == [("bpviz/borrowing.py", 1, "somewhere._hidden")]


def test_without_git_the_scan_reads_the_projects_own_folders_only(tmp_path):
    """An unpacked archive (no .git): the scan falls back to the project's folders, so a
    .venv or a build folder beside them is still not read."""
    root = tmp_path / "unpacked"
    for name in ("bpviz/engine/core.py", "views/step.py", "app.py"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("import numpy\n")
    for name in (".venv/lib/site-packages/pkg/bad.py", "build/lib/bad.py"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(PRIVATE_IMPORT)
    assert [f.relative_to(root).as_posix() for f in project_python_files(root)] == [
        "app.py", "bpviz/engine/core.py", "views/step.py"]
    assert private_imports(root) == []


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
    files = files_under("bpviz", "views", "app.py")
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
