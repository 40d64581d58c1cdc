"""Streamlit glue, one room per page: build/, step/, train/ and landscape.py,
gradcheck.py, share.py, worksheets.py; beside them the session (state.py, the only
module that touches session state), the address (address.py), what every run does
first and last (frame.py) and the strings (i18n.py, strings/). The picture on one
screen: docs/architecture.md. Nothing here holds module-level mutable state.
"""
