"""A data editor's state as the browser sends it, read without raising, and checked against
its table before the editor is drawn.

Streamlit 1.67 turns the row keys of a data editor's `edited_rows` into ints with `int(key)`
before any line of the app runs (DataEditorSerde.deserialize, called when it looks for the
widgets that changed): a crafted key such as "abc" or "1e3" ends that run, and every later run
that carries it, with an error no page can catch; `int` also takes "٣", " 1" and "-1" (the last
row). Importing this module replaces that reading with one that raises nothing: a key is an int
only when it is plain ASCII digits without leading zeros, any other key stays its text, and a payload that is not
an editor's state becomes an empty one marked `MALFORMED`. `check` then refuses, by name,
any edit that does not fit the table, so the page can drop it before Streamlit applies it.
"""
import json

from streamlit.elements.widgets.data_editor import DataEditorSerde, DataEditorState

from bpviz.ui.session import reader

MALFORMED = "bpviz_malformed"   # key of an editor state read from a payload that was not one
MAX_ROW_DIGITS = 6


def _row_key(key):
    """The row position a key names: an int for plain ASCII digits (no sign, spaces or leading zeros), else
    the key as given."""
    if (isinstance(key, str) and key.isascii() and key.isdigit() and len(key) <= MAX_ROW_DIGITS
            and (key == "0" or key[0] != "0")):
        return int(key)
    return key


def deserialize(self, ui_value):
    """DataEditorSerde.deserialize that never raises (module note)."""
    try:
        given = {} if ui_value is None else json.loads(ui_value)
    except (TypeError, ValueError):
        given = None
    state = {"edited_rows": {}, "added_rows": [], "deleted_rows": []}
    if not isinstance(given, dict) or not isinstance(given.get("edited_rows", {}), dict):
        return DataEditorState({**state, MALFORMED: True})
    state.update(given)
    state["edited_rows"] = {_row_key(key): cells for key, cells in state["edited_rows"].items()}
    return DataEditorState(state)


DataEditorSerde.deserialize = deserialize


def check(editor_state, rows, columns):
    """Raise reader.Rejected naming the first part of `editor_state` (a data editor's value, or
    None before any edit) that a fixed table of `rows` rows and these `columns` lacks: a row
    that is not a position 0…rows-1, a column it does not have, a cell value that is not a
    number, text or empty, an added or deleted row. The name is a catalogue key."""
    if editor_state is None:
        return
    rows_accepted = ("reader.accepted.table_row", {"last": rows - 1})
    if not isinstance(editor_state, dict) or editor_state.get(MALFORMED):
        raise reader.Rejected("table.edit", reader.preview(editor_state), rows_accepted)
    for name in ("added_rows", "deleted_rows"):
        if editor_state.get(name):
            raise reader.Rejected("table.rows_changed", reader.preview(editor_state[name]),
                                  ("reader.accepted.fixed_rows", {"rows": rows}))
    for row, cells in editor_state.get("edited_rows", {}).items():
        if type(row) is not int or not 0 <= row < rows:
            raise reader.Rejected("table.row", reader.preview(str(row)), rows_accepted)
        if not isinstance(cells, dict):
            raise reader.Rejected("table.edit", reader.preview(cells), rows_accepted)
        for column, value in cells.items():
            if column not in columns:
                raise reader.Rejected("table.column", reader.preview(str(column)),
                                      ("reader.accepted.choice", {"choices": ", ".join(columns)}))
            if not (value is None or reader.kind(value) in ("number", "text")):
                raise reader.Rejected("table.value", reader.preview(value),
                                      ("reader.accepted.widget.number", {}))
