"""The server settings a shared classroom server relies on, as Streamlit reads them
from .streamlit/config.toml."""
import gc
from pathlib import Path

import pytest
import tomllib
from streamlit import config

from tests.app.apptest import open_app

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def options(monkeypatch):
    monkeypatch.chdir(ROOT)
    config.get_config_options(force_reparse=True)
    yield config.get_option
    monkeypatch.undo()
    config.get_config_options(force_reparse=True)


def test_uploads_are_small_and_requests_are_protected(options):
    assert options("server.maxUploadSize") <= 2
    assert options("server.enableXsrfProtection") is True
    assert options("browser.gatherUsageStats") is False


def test_no_per_run_work_that_grows_with_the_number_of_sessions(options):
    assert options("runner.postScriptGC") is False
    assert options("server.fileWatcherType") == "none"
    assert options("server.runOnSave") is False


def test_the_browser_keeps_large_elements_through_runs_already_under_way(options):
    """A rerun request names the cached elements the answer may refer to; runs finishing
    before the answer must not drop them (Streamlit's default keeps them 2 runs)."""
    assert options("global.maxCachedMessageAge") >= 10


def test_the_theme_follows_the_browser():
    assert "theme" not in tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())


def test_objects_loaded_at_start_up_are_frozen_out_of_the_collector():
    open_app("step")
    assert gc.get_freeze_count() > 10_000


def test_the_browser_gets_no_exception_details(options):
    """No exception type, message, traceback or server path reaches a learner's browser
    (tests/e2e/test_server_settings.py checks it on a running server)."""
    assert options("client.showErrorDetails") == "none"
