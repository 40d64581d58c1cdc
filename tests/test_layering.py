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


def test_jobs_import_no_streamlit():
    # worker processes import bpviz.jobs: no web framework, no plotting in them
    loaded = _modules_after_import("bpviz.jobs")
    assert "bpviz.worksheets" in loaded
    for forbidden in ("streamlit", "plotly"):
        assert forbidden not in loaded, f"bpviz.jobs pulls in {forbidden}"


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
    owner = ROOT / "bpviz" / "ui" / "session" / "state.py"
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
    assert "bpviz.ui.session.state" in graph["bpviz.ui.i18n"]
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


def test_at_most_twelve_modules_sit_directly_in_ui():
    """bpviz/ui is a house of rooms: a page with several parts is a package (build/, step/,
    train/), the session's own modules are in session/; at most 12 modules (with __init__)
    stand directly in bpviz/ui."""
    direct = sorted(p.name for p in (ROOT / "bpviz" / "ui").glob("*.py"))
    assert "__init__.py" in direct and len(direct) <= 12, direct
