"""Streamlit glue, one room per page: build/, step/, train/ and landscape.py,
gradcheck.py, share.py, worksheets.py; beside them the session (session/: state.py, the
only module that touches session state, the strict reader and the per-session memo), the
address (address.py), what every run does first and last (frame.py), the lesson's rules
(lesson.py), the queue of heavy jobs (job_queue.py) and the strings (i18n.py, strings/).
The picture on one screen: docs/architecture.md. Nothing here holds module-level mutable
state.
"""
