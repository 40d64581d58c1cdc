"""A learner in a real browser: build, step a full pass, apply the update, inspect a neuron."""
import re

import pytest

pytestmark = pytest.mark.e2e


def test_step_through_a_full_pass_and_inspect_a_neuron(session):
    tab = session.open("build")
    assert "Build a network" in tab.page.locator("h1").first.inner_text()
    tab.page.locator(".js-plotly-plot").first.wait_for()
    tab.screenshot("build-page")

    tab.open("step")
    tab.page.locator(".js-plotly-plot").first.wait_for()
    tab.click_button("Forward pass")
    assert "0.298371109" in tab.page.get_by_test_id("stMetric").first.inner_text()
    tab.click_button("Backward pass")
    tab.click_button("Next step")        # the update step
    assert "update" in tab.page.get_by_test_id("stProgress").inner_text()
    tab.screenshot("step-update")

    # click the first output neuron's marker: its inspector shows δ with the published number
    marker = tab.page.locator(".js-plotly-plot .scatterlayer .trace .points path")
    assert marker.count() >= 6
    _click_neuron(tab, layer=2, j=0)
    tab.page.get_by_role("tab", name="Inspector").click()
    inspector = tab.page.get_by_test_id("stTabPanel").first
    inspector.locator(".katex").first.wait_for()
    text = inspector.inner_text()
    assert "0.138498562" in text           # δ of output neuron 0
    assert re.search(r"layer 2, neuron 0", tab.page.inner_text("body"))
    tab.screenshot("step-inspector")

    tab.click_button("Apply update")
    assert "Update applied" in tab.page.inner_text("body")
    assert not [e for e in tab.errors if "favicon" not in e], tab.errors


def _click_neuron(tab, layer, j):
    """Click the marker whose customdata is (layer, j), found through Plotly's own data."""
    index = tab.page.evaluate(
        """([layer, j]) => {
            const plot = document.querySelectorAll('.js-plotly-plot')[0];
            for (const [curve, trace] of plot.data.entries()) {
                const data = trace.customdata || [];
                for (let i = 0; i < data.length; i++) {
                    const c = data[i];
                    if (c && c[0] === layer && c[1] === j) return [curve, i];
                }
            }
            return null;
        }""", [layer, j])
    assert index is not None, "no marker carries that neuron"
    curve, point = index
    marker = tab.page.locator(".js-plotly-plot").first.locator(".scatterlayer .trace").nth(curve) \
        .locator(".points path").nth(point)
    marker.click(force=True)
    tab.idle()
