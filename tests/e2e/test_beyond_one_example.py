"""Issue 25 in a real browser: a learner steps a batch example by example, opens the Code
panel and downloads the script; on Train a penalty shrinks the weights and the gradient
health chart and the deep sigmoid / deep ReLU comparison are drawn; at phone width too."""
import pytest

pytestmark = pytest.mark.e2e


def _set_number(tab, label, value):
    box = tab.page.get_by_label(label, exact=True)
    box.fill(str(value))
    box.press("Enter")
    tab.idle()


def _progress(tab):
    return tab.step_position()      # the Step diagram's position line


def test_a_batch_stepped_example_by_example_and_its_code(session):
    tab = session
    tab.open("step")
    tab.page.get_by_text("Example, learning rate and step size").click()
    tab.idle()
    tab.page.get_by_text("a mini-batch, example by example").click()
    tab.idle()
    _set_number(tab, "Rows in the batch", 3)
    tab.wait_until("() => (document.querySelector('.bpviz-step .bpviz-step-position') || {})"
                   ".textContent?.includes('of 18')")
    assert "Step 1 of 18" in _progress(tab)
    tab.click_button("Next step")             # the diagram's own button; then the keys step
    assert "example 1 of 3: forward, layer 1" in _progress(tab)
    target = tab.page.locator(".bpviz-step .bpviz-chip", has_text="yₒ₁ = ").first.text_content()
    assert target == "yₒ₁ = 0.01"             # the example's own target, in the inspector's names
    for _ in range(5):                        # example 2's forward pass, layer 1
        tab.page.keyboard.press("ArrowRight")
    # the last press is drawn in the next frame: wait for it rather than read at once
    tab.wait_until("() => (document.querySelector('.bpviz-step .bpviz-step-position') || {})"
                   ".textContent?.includes('example 2 of 3: forward, layer 1')",
                   timeout=10_000)
    assert "example 2 of 3: forward, layer 1" in _progress(tab)
    tab.idle()
    tab.screenshot("beyond-step-example-2")
    tab.click_button("Backward pass")
    assert "average" in _progress(tab)
    tab.idle()
    tab.screenshot("beyond-step-average")
    tab.page.get_by_test_id("stButtonGroup").get_by_text("Code", exact=True).click()
    tab.idle()
    code = tab.page.get_by_test_id("stCode").filter(has_text="import torch")
    code.first.wait_for()
    assert "w5" in code.first.inner_text()
    with tab.page.expect_download() as download:
        tab.page.get_by_test_id("stDownloadButton").first.click()
    path = download.value.path()
    text = open(path, encoding="utf-8").read()
    assert text.startswith("# One step of gradient descent") and "import torch" in text
    assert "[[0.05, 0.1]," in text        # the batch: the stepping example first
    tab.screenshot("beyond-step-code")
    assert not tab.real_errors(), (tab.errors, tab.failed_responses)


def test_train_with_a_penalty_shows_gradient_health_and_the_deep_comparison(session):
    tab = session
    tab.open("train")
    _set_number(tab, "L2 penalty λ₂", 0.01)
    _set_number(tab, "Epochs per click", 50)
    tab.click_button("50 epochs")
    body = tab.page.inner_text("body")
    assert "Σ|w| of the weights now" in body and "RMS of ∂E/∂W" in body
    tab.page.get_by_text("Vanishing gradient: deep sigmoid vs deep ReLU").click()
    tab.idle()
    assert "σ′ ≤ 0.25" in tab.page.inner_text("body")
    names = tab.page.locator(".js-plotly-plot .legendtext").evaluate_all("els => els.map(e => e.textContent)")
    assert "weights into layer 1" in names
    tab.screenshot("beyond-train")
    assert not tab.real_errors(), (tab.errors, tab.failed_responses)


def test_the_code_panel_at_phone_width(tabs, server):
    from tests.e2e.browser import Session
    tab = Session(tabs, server, viewport=(390, 844))
    try:
        tab.open("step")
        tab.page.get_by_test_id("stButtonGroup").get_by_text("Code", exact=True).click()
        tab.idle()
        tab.page.get_by_role("tab", name="NumPy").click()
        code = tab.page.get_by_test_id("stCode").filter(has_text="import numpy")
        code.first.wait_for()
        box = code.first.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390 + 1   # scrolls inside, never widens the page
        assert tab.page.evaluate("document.documentElement.scrollWidth") <= 390
        tab.screenshot("beyond-code-phone")
    finally:
        tab.close()
