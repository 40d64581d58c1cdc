"""AppTest helpers: run app.py on a page, rerun, and check that nothing raised."""
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


def open_app(page=None, query=None):
    """Run the app (on `page`, e.g. "build"; opened with link parameters `query`) and check
    that nothing raised."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params.update(query or {})
    at.run()
    if page:
        at.switch_page(f"views/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def rerun(at):
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def worksheets_made(at, timeout=120):
    """Rerun the Worksheets page (as its polling fragment would) until the session's sheets
    have come out of the server's queue of heavy jobs."""
    import time
    deadline = time.monotonic() + timeout
    while at.session_state["worksheets_job"] is not None:
        assert time.monotonic() < deadline, "the sheets did not come out of the queue"
        time.sleep(0.2)
        at = rerun(at)
    return rerun(at)
