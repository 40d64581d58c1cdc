"""AppTest fixtures: the app opened on a page; the helpers are in tests/app/apptest.py."""
import pytest

from tests.app.apptest import open_app


@pytest.fixture
def home():
    return open_app()


@pytest.fixture
def build_page():
    return open_app("build")


@pytest.fixture
def step_page():
    return open_app("step")
