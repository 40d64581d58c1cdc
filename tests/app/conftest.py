"""AppTest helpers: run app.py, switch pages, read the session's network."""
from pathlib import Path

import pytest
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


@pytest.fixture
def home():
    return open_app()


@pytest.fixture
def build_page():
    return open_app("build")


@pytest.fixture
def step_page():
    return open_app("step")


def rerun(at):
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at
