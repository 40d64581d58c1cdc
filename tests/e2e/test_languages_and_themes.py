"""The Step page in English and Chinese, on light and dark themes: screenshots as
artifacts, the right language on screen, and the theme actually applied."""
import pytest

from tests.e2e.browser import Session

pytestmark = pytest.mark.e2e
TITLES = {"en": "Step through backpropagation", "zh": "逐步执行反向传播"}
BACKWARD = {"en": "Backward pass", "zh": "反向传播"}


# the app's background luminance, 0 (black) to 1 (white)
LUMINANCE = """() => {
    const [r, g, b] = getComputedStyle(document.querySelector("[data-testid='stApp']"))
        .backgroundColor.match(/\\d+/g).slice(0, 3).map(Number);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_step_page_in_each_language_and_theme(tabs, server, lang):
    """Light first, then the system's scheme turned dark on the same page (as a laptop's does
    at sunset): the theme follows, and every label still reads."""
    tab = Session(tabs, server, color_scheme="light")
    try:
        tab.open(f"step?lang={lang}")
        assert TITLES[lang] in tab.page.locator("h1").first.inner_text()
        tab.page.locator(".bpviz-step .bpviz-value").first.wait_for()
        tab.click_button(BACKWARD[lang])
        for scheme in ("light", "dark"):
            if scheme == "dark":
                tab.page.emulate_media(color_scheme="dark")
                tab.wait_until(f"() => ({LUMINANCE})() < 0.3", timeout=10_000)
                tab.idle()
            luminance = tab.page.evaluate(LUMINANCE)
            assert (luminance < 0.3) if scheme == "dark" else (luminance > 0.7)
            contrast = tab.contrast_ratios()
            # every neuron's value, and the labels of x and y
            assert min(contrast["counts"]) >= 1 and contrast["counts"][1] >= 6 + 4, contrast
            assert min(contrast["heading"], contrast["on_background"], contrast["on_markers"]) >= 4.5, contrast  # AA
            assert contrast["colour_bar"] >= 3, contrast
            print(f"contrast {lang} {scheme}:", {k: v for k, v in contrast.items() if k != "counts"})
            assert "0.298371109" in tab.diagram_title()
            assert tab.step_position().startswith({"en": "Step 6 of 7", "zh": "第 6 / 7 步"}[lang])
            deltas = tab.page.locator(".bpviz-step .bpviz-chip text").filter(has_text="δ ")
            assert deltas.count() == 4                                      # every δ on the picture
            tab.screenshot(f"step-{lang}-{scheme}")
        assert not tab.real_errors(), (tab.errors, tab.failed_responses)
    finally:
        tab.close()


def test_stepping_works_from_the_keyboard_alone(tabs, server):
    tab = Session(tabs, server)
    try:
        tab.open("step")
        assert "Step 1 of 7" in tab.step_position()
        button = tab.page.get_by_role("button", name="Next step")
        button.focus()                       # as after Tab presses
        tab.page.keyboard.press("Enter")
        tab.idle()
        assert "Step 2 of 7" in tab.step_position()
        tab.page.get_by_role("button", name="Forward pass").focus()
        tab.page.keyboard.press("Space")
        tab.idle()
        assert "Step 4 of 7" in tab.step_position()
    finally:
        tab.close()


def test_a_rejected_upload_is_explained_in_chinese(tabs, server):
    """The engine's reason for rejecting a file reaches a Chinese page in Chinese, and
    the learner's network stays as it was."""
    tab = Session(tabs, server)
    try:
        tab.open("build?lang=zh")
        before = tab.sidebar_network()
        tab.page.locator("[data-testid='stFileUploader'] input[type='file']").first.set_input_files(
            files=[{"name": "broken.json", "mimeType": "application/json",
                    "buffer": b'{"format": "bpviz.network", "version": 1,'}])
        alert = tab.page.get_by_test_id("stAlert").filter(has_text="JSON").first
        alert.wait_for(timeout=30_000)
        tab.idle()
        message = alert.inner_text()
        assert "网络文件不是有效的 JSON" in message, message
        assert "not valid" not in message and "line" not in message, message
        assert tab.sidebar_network() == before
        assert not tab.real_errors(), (tab.errors, tab.failed_responses)
    finally:
        tab.close()


def test_choices_stay_chosen_when_the_language_changes(tabs, server):
    """A radio sends its choice as the option's text: after the switch to 中文 the old English
    text matches no option, and without the app writing the choices back the browser showed
    none of them chosen (Gradient check's data, Worksheets' paper and source)."""
    from bpviz.engine import Network, SharedNetwork
    from bpviz.ui.address import link_query
    net = Network.random([2, 3, 1], ["tanh", "sigmoid"], "binary_cross_entropy", seed=3)
    query = link_query(SharedNetwork(net, (0.5, -0.5), (1.0,), 0.5, True), data="two_d:circle:200:0.1:0:0")
    tab = Session(tabs, server, viewport=(1280, 720))
    checked = "els => els.map(e => e.checked)"

    def switch_language(name):
        tab.page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").first.click()
        tab.page.get_by_role("option", name=name).click()
        tab.idle()

    try:
        tab.open("gradcheck" + query)
        tab.page.get_by_text("the training data (").first.click()
        tab.idle()
        switch_language("简体中文")
        assert tab.page.locator(".st-key-gradcheck_data input[type='radio']").evaluate_all(checked) == [False, True]
        tab.go("练习卷")
        tab.page.locator(".st-key-ws_paper label").nth(2).click()    # the group's label, then A4, then US Letter
        tab.idle()
        before = tab.page.locator(".st-key-ws_paper input[type='radio']").evaluate_all(checked)
        assert before.count(True) == 1 and before.index(True) > 0, before    # not the first (default) paper
        switch_language("English")
        assert tab.page.locator(".st-key-ws_paper input[type='radio']").evaluate_all(checked) == before
        assert tab.page.locator(".st-key-ws_source input[type='radio']").evaluate_all(checked).count(True) == 1
        assert "Session State" not in tab.page.get_by_test_id("stMain").inner_text()   # no duplicate-value warning
        assert not tab.real_errors(), (tab.errors, tab.failed_responses)
    finally:
        tab.close()
