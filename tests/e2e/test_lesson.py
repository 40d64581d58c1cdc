"""The teacher's lesson in a real browser: a quiz link visiting every page gives nothing
away; every page in both notations; a reload after each kind of change restores what the
learner saw; the Share page's QR code read back by an independent decoder (zxing-cpp).

Numbers are the published worked example's: net_h1 = 0.3775, out_h1 = 0.593269992,
E = 0.298371109, ∂E/∂w5 = 0.082167041, new w5 = 0.35891648."""
import io
import re

import numpy as np
import pytest

pytestmark = pytest.mark.e2e

PAGES = (("build", "Build"), ("step", "Step"), ("train", "Train"), ("landscape", "Landscape"),
         ("gradcheck", "Gradient check"), ("share", "Share"), ("worksheets", "Worksheets"))
# numbers of the pass a quiz at its start must not show anywhere (their first 6 digits)
PASS_NUMBERS = ("0.3775", "0.593269", "1.105905", "0.751365", "0.298371", "0.138498", "0.082167", "0.358916",
                "0.000438", "0.149780", "0.036350")
LAYER_MARKS = re.compile(r"⁽")
TUTORIAL_MARKS = re.compile(r"(?<![\w}])[iho][12](?!\d)|(?<!\w)w[1-8](?![\d⁽])|[ᵢₕₒ][12]")


def _main_text(tab):
    return tab.page.get_by_test_id("stMain").inner_text()


def _query(tab):
    return tab.page.evaluate("() => window.location.search")


def _address_has(tab, part):
    """Wait until the address bar carries `part` (the page writes it after its run)."""
    tab.wait_until("part => window.location.search.includes(part)",
                   arg=part, timeout=10_000)
    return True


def test_a_quiz_link_visiting_every_page_shows_no_number_of_the_pass(session):
    tab = session.open("step?quiz=1")
    seen = {}
    # Train last: on a fresh session it sets the network up for its data (another pass)
    for path, title in sorted(PAGES, key=lambda page: page[0] == "train"):
        tab.go(title)
        text = _main_text(tab)
        if path == "worksheets":      # the current network's sheet: made, but no key
            tab.page.get_by_text("the current network and example").first.click()
            tab.idle()
            tab.click_button("Make the PDFs")
            # the sheets come out of the server's queue: wait for their download button
            tab.page.get_by_text("Worksheets (PDF)").first.wait_for(timeout=120_000)
            tab.idle()
            text = _main_text(tab)
            assert "Answer key (PDF)" not in text and "Worksheets (PDF)" in text and "Hidden in quiz mode" in text
        if path in ("landscape", "gradcheck"):
            assert "Hidden in quiz mode" in text and "Go to the Step page" in text
        if path == "share":
            link = tab.page.get_by_test_id("stMain").get_by_test_id("stCode").first.inner_text().replace("\n", "")
            assert "quiz=1" in link
            assert tab.page.get_by_role("checkbox", name=re.compile("Quiz mode")).is_disabled()
        if path == "step":
            assert tab.page.get_by_role("button", name="Apply update").is_disabled()
            tab.page.get_by_role("radio", name="Matrix view").click()      # the matrix view at the start
            tab.idle()
            text = _main_text(tab) + tab.page.locator(".st-key-step_matrix").inner_text()
        seen[path] = [number for number in PASS_NUMBERS if number in text]
        tab.screenshot(f"lesson-quiz-{path}")
    assert seen == {path: [] for path, _ in PAGES}
    assert not tab.real_errors(), (tab.errors, tab.failed_responses)


@pytest.mark.parametrize("names", ["tutorial", "layer"])
def test_every_page_in_one_notation(session, names):
    """Every page at the last step of the pass (every number known), in one notation: the link
    opens the first page, the sidebar the others (one session, as a learner moves)."""
    other = LAYER_MARKS if names == "tutorial" else TUTORIAL_MARKS
    own = TUTORIAL_MARKS if names == "tutorial" else LAYER_MARKS
    found = {}
    tab = session.open(f"{PAGES[0][0]}?step=6&names={names}&sel=1.0")
    for path, title in PAGES:
        tab.go(title)
        tab.wait_for_charts()                 # chart titles name parameters too
        text = _main_text(tab)
        if path == "step":
            tab.page.get_by_role("radio", name="Matrix view").click()
            tab.idle()
            text += _main_text(tab)
        for choice in tab.page.get_by_test_id("stMain").get_by_test_id("stRadio").all():
            text = text.replace(choice.inner_text(), "")   # Share's names choice describes both notations
        found[path] = (bool(other.search(text)), bool(own.search(text)))
        tab.screenshot(f"lesson-{names}-{path}")
    assert all(not wrong for wrong, _ in found.values()), found
    # pages whose visible text names parameters (tables are drawn on a canvas: AppTest reads those)
    assert all(found[page][1] for page in ("step", "landscape")), found


def test_a_reload_after_each_kind_of_change_restores_it(session):
    tab = session.open("step")
    page = tab.page

    def reload():
        page.reload()
        page.wait_for_selector("[data-testid='stApp']")
        tab.idle()

    # the selected neuron (the inspector's drop-down)
    chooser = page.get_by_test_id("stSelectbox").filter(has_text="Neuron")
    chooser.locator("input").click()
    chooser.locator("input").fill("h2")
    page.keyboard.press("Enter")
    tab.idle()
    assert _address_has(tab, "sel=1.1")
    reload()
    assert chooser.locator("input").input_value() == "h2 · layer 1, neuron 1"
    # a step forward
    tab.click_button("Next step")
    _address_has(tab, "step=1")
    reload()
    page.wait_for_selector(".bpviz-step .bpviz-step-position")
    assert "Step 2 of 7" in tab.step_position()
    # the names switch, motion, the matrix view
    page.get_by_text("Tutorial names").click()
    tab.idle()
    page.get_by_text("Animate", exact=True).click()
    tab.idle()
    page.get_by_role("radio", name="Matrix view").click()
    tab.idle()
    _address_has(tab, "view=matrix")
    reload()
    assert not page.get_by_role("switch", name="Tutorial names").is_checked()
    assert not page.get_by_role("switch", name="Animate").is_checked()
    assert page.locator("[class*='st-key-step_matrix']:visible").count() == 1   # the position's (readouts.py)
    assert "⁽" in _main_text(tab) and not TUTORIAL_MARKS.search(_main_text(tab))
    # quiz mode and the pass's score
    page.get_by_text("Quiz mode: predict each value").click()
    tab.idle()
    field = page.get_by_label("Your prediction")
    field.fill("1.105905967")
    field.press("Enter")
    tab.idle()
    score = "Weighted input z: 1 of 1 right · 3 of 3 points"
    assert score in _main_text(tab)
    _address_has(tab, "qa=")
    reload()
    assert page.get_by_role("switch", name=re.compile("Quiz mode")).is_checked()
    assert score in _main_text(tab)
    # Train's epochs and curves
    tab.go("Train")
    tab.click_button("200 epochs")
    epochs = page.get_by_test_id("bpvizReadout").first.inner_text()
    loss = page.get_by_test_id("bpvizReadout").nth(1).inner_text()
    assert int(epochs.split()[-1]) > 0      # 200, or fewer when the default stop is reached sooner
    _address_has(tab, "hist=")
    reload()
    page.get_by_test_id("bpvizReadout").first.filter(has_text=epochs.split()[-1]).wait_for(timeout=20_000)
    assert page.get_by_test_id("bpvizReadout").first.inner_text() == epochs
    assert page.get_by_test_id("bpvizReadout").nth(1).inner_text() == loss
    tab.page.wait_for_selector(".st-key-train_play_chart .bpviz-play-loss .main-svg", timeout=20_000)   # curves drawn
    tab.screenshot("lesson-reload-train")
    assert "hist=" in _query(tab)
    assert not tab.real_errors(), (tab.errors, tab.failed_responses)


def test_the_qr_code_reads_back_as_the_classroom_link(session):
    import zxingcpp
    from PIL import Image
    tab = session.open("share")
    link = tab.page.get_by_test_id("stMain").get_by_test_id("stCode").first.inner_text().replace("\n", "")
    code = tab.page.locator(".st-key-share_qr img").first
    code.scroll_into_view_if_needed()
    box = code.bounding_box()
    assert box["width"] >= 400, box            # big enough to project
    picture = Image.open(io.BytesIO(code.screenshot())).convert("L")
    found = [result.text for result in zxingcpp.read_barcodes(np.asarray(picture))]
    assert found == [link]
    assert len(link) <= 200 and "net=3." in link
    tab.screenshot("lesson-share-qr")
