"""The server settings in .streamlit/config.toml, seen from a learner's browser: an
uncaught exception shows a generic message, never its type, text, traceback or a path
on the server."""
import shutil
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.e2e.conftest import ARTIFACTS, IDLE, ROOT, Session, _free_port, stop_server

pytestmark = pytest.mark.e2e
SECRET = "/srv/secret-server-path/bpviz_internal.py"


@pytest.fixture(scope="module")
def failing_app(tmp_path_factory):
    """A one-line app that raises, served with the repository's .streamlit/config.toml."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    folder = tmp_path_factory.mktemp("failing-app")
    shutil.copytree(ROOT / ".streamlit", folder / ".streamlit")
    (folder / "app.py").write_text(f"raise RuntimeError('cannot open {SECRET}')\n")
    port = _free_port()
    log = open(ARTIFACTS / f"server-{port}.log", "w")
    process = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                                "--server.address", "127.0.0.1", "--server.port", str(port)],
                               cwd=folder, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url + "/_stcore/health", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                stop_server(process)
                raise RuntimeError(f"streamlit did not start; see {log.name}")
            time.sleep(0.3)
    yield url
    stop_server(process)


def test_an_uncaught_exception_shows_no_details_in_the_browser(browser, failing_app):
    tab = Session(browser, failing_app)
    try:
        tab.page.goto(failing_app)
        tab.page.wait_for_selector(IDLE, timeout=60_000)
        tab.page.get_by_test_id("stException").wait_for()
        text = tab.page.inner_text("body")
        tab.screenshot("server-settings-exception")
        assert "secret-server-path" not in text and "RuntimeError" not in text and "Traceback" not in text
        assert "File \"" not in text and ".py" not in text
    finally:
        tab.close()
