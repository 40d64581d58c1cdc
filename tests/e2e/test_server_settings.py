"""The server settings in .streamlit/config.toml and the README's host-name advice, on a
running server: an uncaught exception shows a generic message, never its type, text,
traceback or a path on the server; STREAMLIT_SERVER_ALLOWED_HOSTS refuses other hosts."""
import base64
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.e2e.browser import ARTIFACTS, ROOT, Session, free_port, stop_server

pytestmark = pytest.mark.e2e
SECRET = "/srv/secret-server-path/bpviz_internal.py"


def serve(folder, script_text, environment=None):
    """Run `script_text` as app.py in `folder` with the repository's .streamlit/config.toml;
    returns (process, base URL)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / ".streamlit", folder / ".streamlit")
    (folder / "app.py").write_text(script_text)
    port = free_port()
    log = open(ARTIFACTS / f"server-{port}.log", "w")
    process = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                                "--server.address", "127.0.0.1", "--server.port", str(port)],
                               cwd=folder, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                               env={**os.environ, **(environment or {})})
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url + "/_stcore/health", timeout=2)
            return process, url
        except OSError as err:
            if time.monotonic() > deadline or process.poll() is not None:
                stop_server(process)
                raise RuntimeError(f"streamlit did not start; see {log.name}") from err
            time.sleep(0.3)


def test_an_uncaught_exception_shows_no_details_in_the_browser(tabs, tmp_path):
    process, url = serve(tmp_path, f"raise RuntimeError('cannot open {SECRET}')\n")
    tab = Session(tabs, url)
    try:
        tab.open()
        tab.page.get_by_test_id("stException").wait_for()
        text = tab.page.inner_text("body")
        tab.screenshot("server-settings-exception")
        assert "secret-server-path" not in text and "RuntimeError" not in text and "Traceback" not in text
        assert "File \"" not in text and ".py" not in text
    finally:
        tab.close()
        stop_server(process)


def _websocket_status(url, host):
    """The status line of a websocket handshake sent with `Host: host`."""
    port = int(url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        key = base64.b64encode(os.urandom(16)).decode()
        sock.sendall((f"GET /_stcore/stream HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\n"
                      f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                      f"Origin: http://{host}\r\n\r\n").encode())
        return sock.recv(200).split(b"\r\n")[0].decode()


def test_allowed_hosts_set_as_the_readme_says_refuses_other_host_names(tmp_path):
    """README, "Host names": STREAMLIT_SERVER_ALLOWED_HOSTS, names separated by spaces."""
    process, url = serve(tmp_path, "import streamlit as st\nst.write('ok')\n",
                         {"STREAMLIT_SERVER_ALLOWED_HOSTS": "bpviz.school.example *.example.org"})
    try:
        assert " 101 " in _websocket_status(url, "bpviz.school.example")
        assert " 101 " in _websocket_status(url, "class.example.org")
        assert " 403 " in _websocket_status(url, "attacker.test")
    finally:
        stop_server(process)
