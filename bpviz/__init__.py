"""bpviz: a visual explorer of backpropagation.

`bpviz.engine` is the NumPy math (import it on its own), `bpviz.viz` builds
Plotly figures from engine values, and `bpviz.ui` holds the Streamlit glue.
"""
