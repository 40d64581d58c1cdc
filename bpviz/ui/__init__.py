"""Streamlit glue shared by the pages: session state, strings, widgets.

Pages stay thin: they read widgets, call `bpviz.engine` and `bpviz.viz`, and
render. Nothing here holds module-level mutable state: everything a learner
owns lives in session state, which `state.py` alone reads and writes.
"""
