"""In a real browser, text from outside (link parameters, an uploaded network, a CSV
file's columns, cells and name) is drawn as plain text in English and Chinese: no link,
image, script or other element comes from it, emoji and icon shortcodes stay as typed,
and the page requests nothing from any host but the app's own."""
import json
from urllib.parse import quote, urlsplit

import pytest

from tests.app.test_outside_text import PAYLOADS, network_with, token_for
from tests.e2e.browser import Session

pytestmark = pytest.mark.e2e

MARKERS = ("evil.example", "Quiz today", "alert(1)", ":smile:", "Big $x")

# Inside a Markdown container, every text node holding a payload must sit in a <code>;
# no link or image anywhere may point at the payloads' host; no script may come from them.
INSPECT = """markers => {
    const misplaced = [];
    for (const box of document.querySelectorAll("[data-testid='stMarkdownContainer']")) {
        const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (markers.some(m => node.textContent.includes(m)) && !node.parentElement.closest("code")) {
                misplaced.push(node.parentElement.tagName + ": " + node.textContent.slice(0, 80));
            }
        }
    }
    const foreign = [...document.querySelectorAll("a[href], img[src], iframe[src], source[src]")]
        .map(e => e.getAttribute("href") || e.getAttribute("src")).filter(url => url.includes("evil"));
    const scripts = [...document.querySelectorAll("script")].filter(s => s.textContent.includes("alert(1)")).length;
    const emoji = document.body.innerText.includes("😄");
    return {misplaced, foreign, scripts, emoji, text: document.body.innerText};
}"""


class Watched(Session):
    """A tab that also records every request for a host other than the app's."""

    def __init__(self, opener, url, **kwargs):
        super().__init__(opener, url, **kwargs)
        self.foreign_requests = []
        own = urlsplit(url).hostname
        self.listen("request", lambda r: urlsplit(r.url).hostname not in (own, None)
                     and self.foreign_requests.append(r.url))


@pytest.fixture
def tab(tabs, server):
    watched = Watched(tabs, server, viewport=(1280, 720))
    yield watched
    watched.close()


def assert_plain(tab, *shown):
    """Nothing from the payloads renders as markup, and each of `shown` is on the page as typed."""
    for text in shown:                 # a loaded machine may still be drawing the page
        tab.wait_until("text => document.body.innerText.includes(text)",
                       arg=text, timeout=20_000)
    tab.page.wait_for_timeout(500)     # images and fonts a rendered payload would fetch
    found = tab.page.evaluate(INSPECT, list(MARKERS))
    assert not found["misplaced"], found["misplaced"]
    assert not found["foreign"] and not found["scripts"] and not found["emoji"], found
    assert not tab.foreign_requests, tab.foreign_requests
    for text in shown:
        assert text in found["text"], (text, found["text"][:2000])


def link(**params):
    return "?" + "&".join(f"{name}={quote(value, safe='')}" for name, value in params.items())


def example_token(field, payload):
    return token_for({**network_with(field, payload), "x": [0.05, 0.1], "y": [0.01, 0.99], "learning_rate": 0.5,
                      "update_biases": False})


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_link_parameters_stay_plain_text(tab, lang):
    # The warning quotes at most 80 characters of unknown controls and 40 of a refused field.
    tab.open("step" + link(lang=lang, hide=f"{PAYLOADS[1]},{PAYLOADS[4]}",
                           net=example_token("activations", PAYLOADS[3])))
    assert_plain(tab, PAYLOADS[1], "# Big $x^2$ :smile: :red[x]", "<img src=http://evil.example/i.png>")
    tab.screenshot(f"outside-text-link-{lang}")
    assert "2-2-2" in tab.sidebar_network()          # the default network, since the link's was refused
    tab.open("step" + link(lang=lang, net=example_token("format", PAYLOADS[2])))
    assert_plain(tab, PAYLOADS[2][:38])


def test_an_unknown_language_stays_plain_text_on_a_phone(tabs, server):
    narrow = Watched(tabs, server, viewport=(390, 844))
    try:
        narrow.open(link(lang=PAYLOADS[0]))           # the warning names the unknown language
        assert_plain(narrow, PAYLOADS[0][:20])
        narrow.screenshot("outside-text-lang-390")
    finally:
        narrow.close()


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_an_uploaded_network_stays_plain_text(tab, lang):
    tab.open(f"build?lang={lang}")
    before = tab.sidebar_network()
    for field, payload in (("format", PAYLOADS[0]), ("loss", PAYLOADS[3]), ("version", PAYLOADS[4])):
        tab.page.locator("[data-testid='stFileUploader'] input[type='file']").first.set_input_files(
            files=[{"name": f"{PAYLOADS[1][:20]}.json", "mimeType": "application/json",
                    "buffer": json.dumps(network_with(field, payload)).encode()}])
        tab.page.get_by_test_id("stAlert").filter(has_text=payload[:12]).first.wait_for(timeout=30_000)
        tab.idle()
        assert_plain(tab, payload[:20])
        assert tab.sidebar_network() == before
    tab.screenshot(f"outside-text-upload-{lang}")


def choose_csv(tab):
    tab.page.get_by_test_id("stExpander").first.locator("summary").click()
    tab.page.locator(".st-key-data_source [data-testid='stRadioOption']").nth(3).click()   # the fourth: a CSV file
    tab.idle()


def upload_csv(tab, name, content):
    tab.page.locator("[data-testid='stFileUploader'] input[type='file']").first.set_input_files(
        files=[{"name": name, "mimeType": "text/csv", "buffer": content}])
    tab.page.get_by_test_id("stMultiSelect").first.wait_for(timeout=30_000)
    tab.idle()
    tab.page.locator(".st-key-data_csv_use button").click()
    tab.idle()


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_csv_columns_cells_and_file_names_stay_plain_text(tab, lang):
    tab.open(f"train?lang={lang}")
    choose_csv(tab)
    column, cell = PAYLOADS[4], PAYLOADS[0]
    upload_csv(tab, "data.csv", f"x1,{column},y\n0,1,0\n1,{cell},1\n".encode())
    assert_plain(tab, column[:20], cell[:20])
    tab.screenshot(f"outside-text-csv-cell-{lang}")
    name = PAYLOADS[1].replace("/", "|") + ".csv"
    upload_csv(tab, name, b"x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n")
    assert_plain(tab, name)
    tab.screenshot(f"outside-text-csv-name-{lang}")
