"""AppTest fixtures: the app opened on a page; the helpers are in tests/app/apptest.py.

Every AppTest's first run scans the installed distributions for v2 component manifests
(streamlit.components.v2.manifest_scanner: it parses each package's metadata, about 0.15 s
with this project's packages). A server does that once at start; an AppTest does it once
per instance, which made that scan most of the AppTests' time. The packages installed do not
change while the tests run, so the scan's answer is kept for the process: every AppTest
still registers what the scan found, as a server would. Likewise each AppTest run starts an
empty ScriptCache and compiles the app's scripts again; a server compiles each once. Here one
cache serves the process (the scripts do not change while the tests run).
"""
import functools

import pytest
from streamlit.components.v2 import manifest_scanner
from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.testing.v1 import app_test

from tests.app.apptest import open_app

manifest_scanner.scan_component_manifests = functools.cache(manifest_scanner.scan_component_manifests)
app_test.ScriptCache = functools.cache(ScriptCache)   # one cache, made at the first run


@pytest.fixture
def home():
    return open_app()


@pytest.fixture
def build_page():
    return open_app("build")


@pytest.fixture
def step_page():
    return open_app("step")
