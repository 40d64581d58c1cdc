"""Scale-out: two replicas behind nginx (deploy/*.conf) with sticky sessions.

Starts two Streamlit servers and Debian's nginx on loopback, with the deploy files as
they are except for ports, temporary paths, a self-signed certificate for the TLS
server, and one test-only header naming the replica that answered (X-Bpviz-Upstream;
the deployed files reveal no replica address). Checks that every request of one browser
lands on the same replica, with the cookie or without it, while different browsers are
spread over both; the security headers on every response; a share link carrying the
largest legal network; and the TLS server's cookie and HSTS.
"""
import itertools
import json
import os
import shutil
import signal
import ssl
import subprocess
import time
import urllib.error
import urllib.request

import numpy as np
import pytest

from bpviz.engine import Network, SharedNetwork
from bpviz.ui.address import link_query
from bpviz.ui.session.state import HIDEABLE
from tests.e2e.browser import (
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    Session,
    free_port,
    require,
    start_server,
    stop_server,
)

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("replicas")]   # one nginx and its replicas, on one worker
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
OPENSSL = shutil.which("openssl") or "/usr/bin/openssl"
DEPLOY = ROOT / "deploy"
UPSTREAM = "x-bpviz-upstream"
# The largest legal network, 10-[10x6]-10, with values that compress worst (full
# float64 precision, large magnitudes).
LARGEST_SIZES = [10] + [10] * 6 + [10]


def _replace(text, old, new):
    assert old in text, f"deploy file changed: {old!r} not found"
    return text.replace(old, new)


def _configure(scratch, replicas, port, tls_port, certificate, key):
    """Copy deploy/*.conf into `scratch` for loopback ports; returns the nginx.conf path."""
    files = {path.name: path.read_text() for path in DEPLOY.glob("*.conf")}
    main = files["nginx.conf"]
    for default, url in zip(("127.0.0.1:8601", "127.0.0.1:8602"), replicas):
        main = _replace(main, default, url.split("//")[1])
    main = _replace(main, "listen 127.0.0.1:8600", f"listen 127.0.0.1:{port}")
    main = _replace(main, "# include bpviz-tls.conf;", "include bpviz-tls.conf;")
    files["nginx.conf"] = main.replace("/tmp/bpviz-nginx", str(scratch / "n"))
    tls = _replace(files["bpviz-tls.conf"], "listen 443 ssl", f"listen 127.0.0.1:{tls_port} ssl")
    tls = _replace(tls, "/etc/ssl/bpviz/fullchain.pem", str(certificate))
    files["bpviz-tls.conf"] = _replace(tls, "/etc/ssl/bpviz/privkey.pem", str(key))
    files["bpviz-site.conf"] += "\nadd_header X-Bpviz-Upstream $upstream_addr always;   # test only\n"
    for name, text in files.items():
        (scratch / name).write_text(text)
    return scratch / "nginx.conf"


def _wait_until_up(url, process, log):
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/_stcore/health", timeout=2, context=_UNVERIFIED)
            return
        except OSError as err:
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"nginx did not start; see {log.name}") from err
            time.sleep(0.2)




def unverified_context():
    """A TLS context that accepts the test's own self-signed certificate."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


_UNVERIFIED = unverified_context()


@pytest.fixture(scope="module")
def replicas():
    """{replica URL: its server process}; a test may restart one (restart_replica)."""
    started = dict((url, process) for process, url in (start_server() for _ in range(2)))
    yield started
    for process in started.values():
        stop_server(process)


def restart_replica(replicas, url, down_seconds=3.0):
    """Stop the replica at `url` and start a fresh one on its port after `down_seconds`
    (as a crashed or redeployed replica comes back: every session it held is gone)."""
    stop_server(replicas[url])
    time.sleep(down_seconds)
    process, new_url = start_server(port=int(url.rsplit(":", 1)[1]))
    assert new_url == url
    replicas[url] = process


@pytest.fixture(scope="module")
def balancer(tmp_path_factory, replicas):
    """(http URL, https URL, replica URLs)."""
    require(os.path.exists(NGINX), f"no nginx at {NGINX} (apt-get install nginx)")
    require(os.path.exists(OPENSSL), f"no openssl at {OPENSSL} (apt-get install openssl)")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    scratch = tmp_path_factory.mktemp("nginx")
    scratch.chmod(0o777)   # nginx's workers drop root and must write their temp files here
    certificate, key = scratch / "cert.pem", scratch / "key.pem"
    subprocess.run([OPENSSL, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                    "/CN=127.0.0.1", "-keyout", str(key), "-out", str(certificate)],
                   check=True, capture_output=True)
    port, tls_port = free_port(), free_port()
    path = _configure(scratch, list(replicas), port, tls_port, certificate, key)
    log = open(ARTIFACTS / "nginx.log", "w")
    nginx = subprocess.Popen([NGINX, "-c", str(path), "-e", "stderr", "-g", "daemon off;"],
                             stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url, tls_url = f"http://127.0.0.1:{port}", f"https://127.0.0.1:{tls_port}"
    try:
        _wait_until_up(url, nginx, log)
        _wait_until_up(tls_url, nginx, log)
        yield url, tls_url, list(replicas)
    finally:
        os.killpg(nginx.pid, signal.SIGTERM)
        nginx.wait(timeout=10)


def _upstreams(tab):
    """Record the replica (X-Bpviz-Upstream) of every response the tab receives."""
    seen = []
    tab.listen("response", lambda r: seen.append(r.headers.get(UPSTREAM)))
    return seen


def _get(url, cookie=None):
    """(status, headers as a list of (lower-case name, value)) of a GET."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=30, context=_UNVERIFIED) as response:
            return response.status, [(k.lower(), v) for k, v in response.getheaders()]
    except urllib.error.HTTPError as error:
        return error.code, [(k.lower(), v) for k, v in error.headers.items()]


def test_a_session_stays_on_its_replica_and_steps_through_nginx(tabs, balancer):
    url, _, replicas = balancer
    tab = Session(tabs, url)
    try:
        seen = _upstreams(tab)
        tab.open("step")
        tab.page.locator(".bpviz-step .bpviz-value").first.wait_for()
        tab.click_button("Forward pass")
        assert "0.298371109" in tab.diagram_title()
        tab.click_button("Apply update")
        assert "Update applied" in tab.page.inner_text("body")
        # The first response (the page itself, before the browser has the cookie) is routed
        # by client address; from then on, one replica for the whole session.
        upstreams = {u for u in seen[1:] if u}
        assert len(upstreams) == 1, upstreams
        assert upstreams.pop() in {r.split("//")[1] for r in replicas}
        tab.screenshot("replicas-step")
        assert not tab.real_errors(), (tab.errors, tab.failed_responses)
    finally:
        tab.close()


def test_different_browsers_are_spread_over_both_replicas(browser, balancer):
    url, _, replicas = balancer
    used = set()
    for _ in range(16):
        context = browser.new_context()
        try:
            context.request.get(url + "/")                       # sets the browser's cookie
            first = context.request.get(url + "/_stcore/health").headers.get(UPSTREAM)
            again = context.request.get(url + "/_stcore/health").headers.get(UPSTREAM)
            assert again == first
            used.add(first)
        finally:
            context.close()
        if len(used) == 2:
            break
    assert used == {r.split("//")[1] for r in replicas}


def test_every_response_carries_the_security_headers_and_no_replica_address(balancer):
    url, _, replicas = balancer
    responses = {"page": _get(url + "/step"), "static 404": _get(url + "/no-such-file.js"),
                 "nginx's own error (address too long)": _get(url + "/step?x=" + "a" * 300_000)}
    assert responses["nginx's own error (address too long)"][0] in (400, 414)
    addresses = [r.split("//")[1] for r in replicas] + [r.split(":")[-1] for r in replicas]
    for what, (_status, headers) in responses.items():
        named = dict(headers)
        assert named.get("server") == "nginx", (what, named.get("server"))     # server_tokens off
        assert named.get("x-content-type-options") == "nosniff", what
        assert named.get("referrer-policy") == "same-origin", what
        assert named.get("content-security-policy") == "frame-ancestors 'self' https:", what
        assert "x-frame-options" not in named, what       # would forbid the learning platform's iframe
        assert "strict-transport-security" not in named, what   # plain HTTP: no HSTS
        shown = [f"{k}: {v}" for k, v in headers if k != UPSTREAM]
        assert not [h for h in shown if any(a in h for a in addresses)], (what, shown)
    cookie = [v for k, v in responses["page"][1] if k == "set-cookie" and v.startswith("bpviz_replica=")]
    assert len(cookie) == 1 and "HttpOnly" in cookie[0] and "SameSite=Lax" in cookie[0]
    assert "Secure" not in cookie[0]
    with_cookie = _get(url + "/step", cookie="bpviz_replica=abc")[1]
    assert not [v for k, v in with_cookie if k == "set-cookie" and v.startswith("bpviz_replica=")]
    for path in DEPLOY.glob("*.conf"):                   # the test adds the only upstream header
        headers = [line for line in path.read_text().splitlines() if "add_header" in line]
        assert not [line for line in headers if "$upstream_addr" in line], path.name


def test_behind_tls_the_sticky_cookie_is_secure_and_hsts_is_sent(balancer):
    _, tls_url, _ = balancer
    status, headers = _get(tls_url + "/step")
    named = dict(headers)
    assert status == 200
    assert named.get("strict-transport-security", "").startswith("max-age=")
    assert named.get("x-content-type-options") == "nosniff"
    cookie = [v for k, v in headers if k == "set-cookie" and v.startswith("bpviz_replica=")]
    assert len(cookie) == 1 and "; Secure" in cookie[0] and "SameSite=None" in cookie[0]


def _largest_link_query():
    rng = np.random.default_rng(7)
    pairs = list(itertools.pairwise(LARGEST_SIZES))
    net = Network([-rng.uniform(1e-3, 9.99e5, (n, m)) for m, n in pairs],
                  [-rng.uniform(1e-3, 9.99e5, n) for _, n in pairs], ["tanh"] * 6 + ["softmax"], "cross_entropy")
    shared = SharedNetwork(net, tuple(-rng.uniform(1e-3, 9.99e5, 10)), tuple([0.0] * 9 + [1.0]),
                           1.2345678901234567e-5, True)
    return link_query(shared, hide=HIDEABLE, lang="en")


def test_a_link_carrying_the_largest_network_opens_it_through_nginx(tabs, balancer):
    url, _, _ = balancer
    query = _largest_link_query()
    assert len(query) > 7_000           # the largest legal network: near nginx's default 8k header buffer
    status, _ = _get(url + "/step" + query)
    assert status == 200
    tab = Session(tabs, url)
    try:
        tab.open("step" + query)
        assert tab.sidebar_network().startswith("10-10-10-10-10-10-10-10 · ")
        alerts = " ".join(tab.page.get_by_test_id("stAlert").all_inner_texts())
        assert "link" not in alerts, alerts            # no "The link's network could not be loaded"
        tab.page.get_by_test_id("stExpander").filter(has_text="Example, learning rate and step size").locator(
            "summary").click()   # the Step page's settings
        tab.page.get_by_text("Example: input x = (-").first.wait_for()   # the link's example, not the default
        tab.screenshot("replicas-largest-link")
        assert not tab.real_errors(), (tab.errors, tab.failed_responses)
    finally:
        tab.close()


def test_a_browser_that_refuses_the_cookie_keeps_one_replica_and_uploads_work(browser, balancer):
    """The browser never sends bpviz_replica (as with a cookie blocker): every request,
    the websocket and the uploads included, must still reach one replica. (Blocking every
    cookie is not the case to test: Streamlit's uploads need its own XSRF cookie.)"""
    url, _, _ = balancer
    # Responses answered through page routes count as public-network content to
    # Chromium, whose Local Network Access checks would then block the loopback websocket.
    own_browser = browser.browser_type.launch(executable_path=CHROMIUM,
                                              args=CHROMIUM_ARGS + ["--disable-features=LocalNetworkAccessChecks"])
    tab = Session(own_browser, url)

    def refuse_sticky_cookie(route):
        """Send the request ourselves (not through the context's cookie jar, which would
        keep the cookie) and hand the browser the response without bpviz_replica."""
        request = route.request
        headers = {k: v for k, v in request.all_headers().items() if not k.startswith(":")}
        if "cookie" in headers:
            headers["cookie"] = "; ".join(c for c in headers["cookie"].split("; ")
                                          if not c.startswith("bpviz_replica="))
        forwarded = urllib.request.Request(request.url, data=request.post_data_buffer, method=request.method,
                                           headers=headers)
        try:
            response = urllib.request.urlopen(forwarded, timeout=60)
        except urllib.error.HTTPError as error:
            response = error
        with response:
            body = response.read()
            kept = [v for k, v in response.headers.items() if k.lower() == "set-cookie"
                    and not v.startswith("bpviz_replica=")]
            answer = {k: v for k, v in response.headers.items() if k.lower() != "set-cookie"}
            if kept:
                answer["set-cookie"] = "\n".join(kept)
            route.fulfill(status=response.status, headers=answer, body=body)

    try:
        tab.context.route("**/*", refuse_sticky_cookie)
        seen = _upstreams(tab)
        tab.open("build")
        # The websocket's handshake answer (not routable here) may have set the cookie after
        # the handshake; the route strips it from every request, and a reconnect must not
        # bring it back either.
        tab.context.clear_cookies(name="bpviz_replica")
        uploader = tab.page.locator("[data-testid='stFileUploader'] input[type='file']").first
        for size in (2, 3, 4, 5, 6, 7):
            network = Network.random([2, size, 1], ["tanh", "sigmoid"], "squared_error", seed=size)
            uploader = tab.page.locator("[data-testid='stFileUploader'] input[type='file']").first
            uploader.set_input_files(files=[{"name": f"net{size}.json", "mimeType": "application/json",
                                             "buffer": json.dumps(network.to_dict()).encode()}])
            tab.page.get_by_test_id("stAlert").filter(has_text="Loaded the uploaded network").first.wait_for()
            tab.idle()
            assert tab.sidebar_network().startswith(f"2-{size}-1 · ")
        assert len({u for u in seen if u}) == 1, set(seen)
        assert not [f for f in tab.failed_responses if "upload" in f[1]], tab.failed_responses
        tab.screenshot("replicas-no-cookie-upload")
    finally:
        tab.close()
        own_browser.close()


CSV = b"x0,x1,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n0.2,0.1,0\n0.9,0.2,1\n"


def _upload_csv(tab, name):
    """Choose 'CSV file' as the Train data (if not chosen) and upload CSV as `name`; the
    status of the upload request."""
    expander = tab.page.get_by_test_id("stExpander").first
    if not tab.page.locator(".st-key-data_source [data-testid='stRadioOption']").first.is_visible():
        expander.locator("summary").click()   # the data's settings
        tab.idle()
    if not tab.page.locator("[data-testid='stFileUploader']").count():
        tab.page.locator(".st-key-data_source [data-testid='stRadioOption']").nth(3).click()
        tab.idle()
    with tab.page.expect_response(lambda r: "/_stcore/upload_file/" in r.url and r.request.method == "PUT",
                                  timeout=60_000) as upload:
        tab.page.locator("[data-testid='stFileUploader'] input[type='file']").first.set_input_files(
            files=[{"name": name, "mimeType": "text/csv", "buffer": CSV}])
    return upload.value.status


def _count_loads(tab):
    """The page loads (the first one and every reload) the tab has seen, as a list."""
    loads = []
    tab.listen("load", lambda: loads.append(time.monotonic()))
    return loads


def _wait_for(tab, condition, timeout, what):
    """Wait until condition() holds, letting the tab's events arrive meanwhile (Playwright's
    sync API delivers them only inside its own calls)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, what
        tab.page.wait_for_timeout(200)


def test_after_its_replica_restarts_a_learner_uploads_again_and_keeps_its_state(tabs, balancer, replicas):
    """The learner's replica is down for 5 s and comes back empty (all its sessions gone).
    With no action from the learner, the page reconnects, finds a new session and reloads
    itself once at its address: Train's network comes back from the address, the page asks
    for the file again (an uploaded file lived in the old session only), and the next CSV
    uploads work (they got HTTP 400 when they went to a session that no longer existed)."""
    url, _, _ = balancer
    tab = Session(tabs, url)
    try:
        seen = _upstreams(tab)
        loads = _count_loads(tab)
        tab.open("train")
        assert _upload_csv(tab, "before.csv") in (200, 204)
        tab.page.get_by_test_id("stMultiSelect").first.wait_for(timeout=30_000)
        tab.idle()
        tab.page.locator(".st-key-data_csv_use button").click()
        tab.idle()
        # Train set its own network up for these data (2 inputs, 1 output), carried by the
        # address (tnet=); Build and Step keep the session's network (net=)
        network = _train_network_in(tab.page.url)
        assert network.sizes[0] == 2 and network.sizes[-1] == 1
        assert len(loads) == 1
        home = [u for u in seen if u][-1]
        restart_replica(replicas, "http://" + home, down_seconds=5.0)
        # the page notices the new session and reloads itself at its address: no action here
        _wait_for(tab, lambda: len(loads) >= 2, 90, "the page did not reload itself after the restart")
        tab.page.wait_for_selector("[data-testid='stApp']", timeout=60_000)
        tab.idle(timeout=90_000)
        tab.page.get_by_text("A file cannot travel in an address").first.wait_for(timeout=60_000)
        assert _train_network_in(tab.page.url) == network
        assert _upload_csv(tab, "after.csv") in (200, 204)
        tab.idle(timeout=90_000)
        # the new session read the file: its column chooser is on the page (in the data's settings)
        tab.page.get_by_test_id("stMultiSelect").first.wait_for(state="attached", timeout=30_000)
        assert _train_network_in(tab.page.url) == network
        # nginx takes a failed replica out for fail_timeout (10 s): once it is back, the
        # learner's requests follow the route cookie of the session the page has now
        tab.page.wait_for_timeout(11_000)
        assert _upload_csv(tab, "again.csv") in (200, 204)
        tab.idle(timeout=90_000)
        assert _train_network_in(tab.page.url) == network
        assert len(loads) == 2, "one reload, not a loop"
        cookies = {c["name"]: c["value"] for c in tab.context.cookies()}
        assert cookies.get("bpviz_route") in ("r1", "r2")     # the replica the session is on, by name only
        tab.screenshot("replicas-restart")
        assert not [f for f in tab.failed_responses if "upload_file" in f[1]], tab.failed_responses
    finally:
        tab.close()


def test_a_page_whose_connection_only_dropped_keeps_its_session(tabs, balancer):
    """The watcher reloads only for a new session: when the websocket drops but the same
    session answers again (its replica kept it), the page reruns in place and keeps what
    the address cannot carry (the uploaded file)."""
    url, _, _ = balancer
    tab = Session(tabs, url)
    relays = []     # (page side, server side) of each websocket, relayed by Playwright

    def relay(page_side):
        relays.append((page_side, page_side.connect_to_server()))

    try:
        tab.page.route_web_socket("**/_stcore/stream", relay)
        loads = _count_loads(tab)
        tab.open("train")
        assert _upload_csv(tab, "kept.csv") in (200, 204)
        tab.page.get_by_test_id("stMultiSelect").first.wait_for(timeout=30_000)
        tab.idle()
        tab.page.evaluate("window.bpvizKept = true")
        assert len(relays) == 1
        page_side, server_side = relays[0]
        server_side.close()
        page_side.close()                     # the connection drops; the replica keeps the session
        _wait_for(tab, lambda: len(relays) >= 2, 60, "the page did not reconnect")
        tab.page.wait_for_timeout(1_000)      # the watcher asks for its rerun 0.5 s after the reconnect
        tab.idle(timeout=60_000)
        assert len(loads) == 1 and tab.page.evaluate("window.bpvizKept") is True
        # the file is still there: its column chooser is on the page (in the data's settings)
        tab.page.get_by_test_id("stMultiSelect").first.wait_for(state="attached", timeout=30_000)
        assert _upload_csv(tab, "kept-again.csv") in (200, 204)
        tab.idle()
    finally:
        tab.close()


def _train_network_in(url):
    """Train's own network as the page's address carries it (tnet=)."""
    from urllib.parse import parse_qs, urlsplit

    from bpviz.engine import decode_share
    tokens = parse_qs(urlsplit(url).query).get("tnet")
    assert tokens, f"no Train network in the address {url[:120]}"
    return decode_share(tokens[0]).network


def test_new_sessions_from_one_address_are_limited_above_a_class_sized_burst(balancer):
    """120 websocket openings at once (a class of 60, two tabs each) pass; a client that
    goes on opening sessions gets 429 from nginx, not a new session on a replica.
    (Last in this file: it empties loopback's allowance for a minute.)"""
    url, _, _ = balancer
    statuses = [_get(url + "/_stcore/stream")[0] for _ in range(150)]
    assert 429 not in statuses[:120], statuses[:120]
    assert statuses[-10:] == [429] * 10, statuses[-10:]
    assert _get(url + "/_stcore/health")[0] == 200      # other requests go on
