"""A learner in a real browser: build, step a full pass, apply the update, inspect a neuron."""
import re

import pytest

pytestmark = pytest.mark.e2e
ROOT = ".bpviz-step"


def test_step_through_a_full_pass_and_inspect_a_neuron(session):
    tab = session.open("build")
    assert "Build a network" in tab.page.locator("h1").first.inner_text()
    tab.page.locator(".js-plotly-plot").first.wait_for()
    tab.screenshot("build-page")

    tab.go("Step")
    tab.page.locator(f"{ROOT} .bpviz-value").first.wait_for()
    tab.click_button("Forward pass")
    assert "0.298371109" in tab.diagram_title()
    tab.click_button("Backward pass")
    tab.click_button("Next step")        # the update step
    assert "update" in tab.step_position()
    tab.screenshot("step-update")

    # click the first output neuron: its inspector shows δ with the published number
    assert tab.page.locator(f"{ROOT} .bpviz-neuron").count() == 6
    tab.page.locator(f"{ROOT} .bpviz-neuron[data-neuron='2,0']").click()
    tab.idle()
    inspector = tab.page.locator(".st-key-step_readouts")
    inspector.locator(".katex >> visible=true").first.wait_for()   # the group of this position
    tab.wait_until("() => document.querySelector('.st-key-step_readouts').innerText"
                   ".includes('0.138498562')", timeout=10_000)   # δ of output neuron 0
    chooser = tab.page.get_by_test_id("stSelectbox").filter(has=tab.page.get_by_text("Neuron", exact=True))
    shown = chooser.evaluate("el => el.textContent + ' ' + "
                             "[...el.querySelectorAll('input')].map(i => i.value).join(' ')")
    assert "layer 2, neuron 0" in shown   # the click selected that neuron
    assert tab.page.locator(f"{ROOT} .bpviz-ring").get_attribute("visibility") == "visible"
    contrast = tab.contrast_ratios()       # every label stays readable on its chip or neuron
    assert contrast["on_markers"] >= 4.5 and contrast["on_background"] >= 4.5, contrast
    tab.screenshot("step-inspector")

    # point at the first connection: its numbers to 9 digits and where it goes
    tab.page.locator(f"{ROOT} .bpviz-edge-hit").first.hover(force=True)
    hover = tab.page.locator(f"{ROOT} .bpviz-step-tooltip").inner_text()
    assert "w1 = 0.15" in hover, hover          # the tutorial's names, as the inspector's (the lesson's default)
    gradient = float(re.search(r"∂E/∂w1 = ([-\d.e]+)", hover).group(1))
    assert abs(gradient - 0.000438568) < 5e-10, hover                           # the published ∂E/∂w1
    assert "from neuron 0 of layer 0 to neuron 0 of layer 1" in hover, hover

    tab.click_button("Apply update")
    assert "Update applied" in tab.page.inner_text("body")
    assert tab.step_position().startswith("Step 1 of 7")                        # the next pass starts
    assert not tab.real_errors(), (tab.errors, tab.failed_responses)
