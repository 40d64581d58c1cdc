"""A classroom link's `hide=` hides a control on every page that has it: the test walks
every page for every hide flag (and once without any, to see each control is really there
to hide), with a neuron selected, the CSV source chosen on Train and the two-parameter
Landscape view, so that the controls which only appear then are walked too."""
import pytest

from bpviz.ui.frame import PAGES
from bpviz.ui.session.state import HIDEABLE
from tests.app.apptest import open_app, rerun

# What each flag takes off the pages: widget keys (by prefix) and, for files, every uploader.
HIDDEN_KEYS = {
    "presets": ("build_preset_choice", "build_load_preset"),
    "files": ("build_download", "build_upload_", "data_csv_"),
    "architecture": ("arch_", "neuron_add", "neuron_remove"),
    "tables": ("table_", "neuron_w_", "neuron_b_"),
    "example": ("example_x_", "example_y_"),
    "learning_rate": ("step_lr", "step_update_biases", "train_lr", "landscape_lr"),
}


def _elements(node):
    for child in getattr(node, "children", {}).values():
        yield child
        yield from _elements(child)


def _walk(hide):
    """{page: (widget keys on it, element types on it)} over every page, from one session."""
    at = open_app(query={"hide": hide} if hide else None)
    at.session_state["selected_neuron"] = (1, 0)     # the neuron panel's weights and buttons
    at.session_state["data_source"] = "csv"          # Train's uploader (offered only if files are not hidden)
    at.session_state["landscape_view"] = "two"       # the two-parameter view's η
    seen = {}
    for script, path, _, _ in PAGES:
        at.switch_page(script)
        rerun(at)
        elements = list(_elements(at._tree))
        seen[path] = ({e.key for e in elements if getattr(e, "key", None)}, {e.type for e in elements})
    return seen


def _named(keys, prefixes):
    return sorted(key for key in keys if key.startswith(prefixes))


def test_every_control_a_flag_hides_is_on_some_page_without_it():
    seen = _walk(None)
    for flag, prefixes in HIDDEN_KEYS.items():
        for prefix in prefixes:
            assert any(_named(keys, (prefix,)) for keys, _ in seen.values()), (flag, prefix)
    assert "file_uploader" in seen["build"][1] and "file_uploader" in seen["train"][1]


@pytest.mark.parametrize("flag", HIDEABLE)
def test_a_hidden_control_is_absent_from_every_page(flag):
    assert set(HIDDEN_KEYS) == set(HIDEABLE)
    for page, (keys, types) in _walk(flag).items():
        assert not _named(keys, HIDDEN_KEYS[flag]), (flag, page, _named(keys, HIDDEN_KEYS[flag]))
        if flag == "files":
            assert "file_uploader" not in types and "download_button" not in types or page == "worksheets", page
