"""Real-browser fixtures: a Streamlit server on loopback and Debian's chromium
driven by Playwright (never a downloaded browser); the helpers they use are in
tests/e2e/browser.py.

When CI=true a missing chromium or Playwright is a failure, not a skip.
Screenshots go to artifacts/e2e/: the ones tests name with BPVIZ_SCREENSHOTS=1, and a failing
test's tabs always.
"""
from pathlib import Path

import pytest

from tests.e2e.browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, Session, require, start_server, stop_server
from tests.e2e.tabs import Tabs

FAILED = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Remember whether the test itself failed, for the `session` fixture's teardown."""
    report = yield
    if report.when == "call":
        item.stash[FAILED] = report.failed
    return report


@pytest.fixture(scope="session")
def server():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    process, url = start_server()
    yield url
    stop_server(process)


@pytest.fixture(scope="session")
def browser():
    require(Path(CHROMIUM).exists(), f"no chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "Python Playwright is not installed (pip install -r requirements-dev.txt)")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def tabs(browser):
    """The worker's kept tabs (tabs.py Tabs): a test's Session takes one and hands it back."""
    kept = Tabs(browser)
    yield kept
    kept.close()


@pytest.fixture
def session(request, tabs, server):
    tab = Session(tabs, server)
    yield tab
    tab.close(failed=request.node.stash.get(FAILED, False))
