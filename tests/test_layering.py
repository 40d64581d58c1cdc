"""The direction of imports: engine imports numpy only, viz never imports streamlit."""
import subprocess
import sys


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


def test_worksheets_import_no_streamlit_or_plotting():
    loaded = _modules_after_import("bpviz.worksheets")
    assert "typst" in loaded
    for forbidden in ("streamlit", "plotly", "pandas"):
        assert forbidden not in loaded, f"bpviz.worksheets pulls in {forbidden}"
