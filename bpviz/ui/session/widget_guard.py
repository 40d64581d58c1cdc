"""Widget values in session state, checked before any widget reads them.

A widget writes one kind of value under its key (reader.kind: a number box a number, a switch
True or False, a multiselect a list of its options). At the end of each run `remember` notes
the kind each widget key holds; at the start of the next, `drop_foreign` removes any value of
another kind, or not well formed (reader.widget_value: NaN, ±inf, a number beyond 2**53, an
overlong text or list), so its widget is drawn again from its own default instead of raising.
Values of the right kind outside a widget's range are Streamlit's to reset (number inputs and
sliders fall back to their default; a choice not among the options likewise).
"""
from bpviz.ui.session import reader, state


def remember():
    """At the end of a run: the kind of value under each widget key."""
    state.set_widget_kinds({key: reader.kind(value) for key, value in state.widget_items().items()})


def drop_foreign() -> list[reader.Rejected]:
    """At the start of a run, before any widget is drawn: remove each widget value that is not
    of the kind its widget left there, or not well formed. Returns the refusals, by key."""
    refused = []
    kinds, values = state.widget_kinds(), state.widget_items()
    for key, expected in kinds.items():
        if key in values:
            try:
                reader.widget_value(values[key], key, expected)
            except reader.Rejected as rejected:
                refused.append(rejected)
                state.forget(key)
    return refused
