"""Scale-out: two replicas behind nginx (deploy/nginx.conf) with sticky sessions.

Starts two Streamlit servers and Debian's nginx on loopback, runs the browser
smoke test through nginx, and checks that every request of one browser lands on
the same replica while different browsers are spread over both.
"""
import os
import shutil
import signal
import subprocess
import time
import urllib.request

import pytest

from tests.e2e.browser import ARTIFACTS, ROOT, Session, free_port, require, start_server, stop_server

pytestmark = pytest.mark.e2e
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


@pytest.fixture(scope="module")
def balancer(tmp_path_factory):
    require(os.path.exists(NGINX), f"no nginx at {NGINX} (apt-get install nginx)")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    replicas = [start_server() for _ in range(2)]
    port = free_port()
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    for default, (_, url) in zip(("127.0.0.1:8601", "127.0.0.1:8602"), replicas):
        conf = conf.replace(default, url.split("//")[1])
    conf = conf.replace("listen 127.0.0.1:8600", f"listen 127.0.0.1:{port}")
    scratch = tmp_path_factory.mktemp("nginx")
    scratch.chmod(0o777)   # nginx's workers drop root and must write their temp files here
    conf = conf.replace("/tmp/bpviz-nginx", str(scratch / "n"))
    path = tmp_path_factory.mktemp("nginx-conf") / "nginx.conf"
    path.write_text(conf)
    log = open(ARTIFACTS / "nginx.log", "w")
    nginx = subprocess.Popen([NGINX, "-c", str(path), "-e", "stderr", "-g", "daemon off;"],
                             stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/_stcore/health", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or nginx.poll() is not None:
                raise RuntimeError(f"nginx did not start; see {log.name}")
            time.sleep(0.2)
    yield url, [u for _, u in replicas]
    os.killpg(nginx.pid, signal.SIGTERM)
    nginx.wait(timeout=10)
    for process, _ in replicas:
        stop_server(process)


def _upstreams(tab):
    """Record the replica (X-Bpviz-Upstream) of every response the tab receives."""
    seen = []
    tab.page.on("response", lambda r: seen.append(r.headers.get("x-bpviz-upstream")))
    return seen


def test_a_session_stays_on_its_replica_and_steps_through_nginx(browser, balancer):
    url, replicas = balancer
    tab = Session(browser, url)
    try:
        seen = _upstreams(tab)
        tab.open("step")
        tab.page.locator(".js-plotly-plot").first.wait_for()
        tab.click_button("Forward pass")
        assert "0.298371109" in tab.page.get_by_test_id("stMetric").first.inner_text()
        tab.click_button("Apply update")
        assert "Update applied" in tab.page.inner_text("body")
        upstreams = {u for u in seen if u}
        assert len(upstreams) == 1, upstreams            # sticky: one replica for the whole session
        assert upstreams.pop() in {r.split("//")[1] for r in replicas}
        tab.screenshot("replicas-step")
        assert not tab.real_errors(), (tab.errors, tab.failed_responses)
    finally:
        tab.close()


def test_different_browsers_are_spread_over_both_replicas(browser, balancer):
    url, replicas = balancer
    used = set()
    for _ in range(12):
        context = browser.new_context()
        try:
            response = context.request.get(url + "/")
            used.add(response.headers.get("x-bpviz-upstream"))
            again = context.request.get(url + "/_stcore/health")
            assert again.headers.get("x-bpviz-upstream") == response.headers.get("x-bpviz-upstream")
        finally:
            context.close()
        if len(used) == 2:
            break
    assert used == {r.split("//")[1] for r in replicas}
