"""A learner in a real browser: build, step a full pass, apply the update, inspect a neuron."""
import re

import pytest

pytestmark = pytest.mark.e2e


def test_step_through_a_full_pass_and_inspect_a_neuron(session):
    tab = session.open("build")
    assert "Build a network" in tab.page.locator("h1").first.inner_text()
    tab.page.locator(".js-plotly-plot").first.wait_for()
    tab.screenshot("build-page")

    tab.go("Step")
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
    inspector = tab.page.get_by_test_id("stMain")
    inspector.locator(".katex").first.wait_for()
    text = inspector.inner_text()
    assert "0.138498562" in text           # δ of output neuron 0
    chooser = tab.page.get_by_test_id("stSelectbox").filter(has=tab.page.get_by_text("Neuron", exact=True))
    shown = chooser.evaluate("el => el.textContent + ' ' + "
                             "[...el.querySelectorAll('input')].map(i => i.value).join(' ')")
    assert "layer 2, neuron 0" in shown   # the click selected that neuron
    contrast = tab.contrast_ratios()       # plotly restyles a selection: every label must stay readable
    assert contrast["on_markers"] >= 4.5 and contrast["on_background"] >= 4.5, contrast
    tab.screenshot("step-inspector")

    # hover the first connection: plotly fills the hover template from the edge's row
    hover = _hover_first_edge(tab)
    assert "w⁽¹⁾₀₀ = 0.15" in hover, hover
    gradient = float(re.search(r"∂E/∂w⁽¹⁾₀₀ = ([-\d.e]+)", hover).group(1))
    assert abs(gradient - 0.000438568) < 5e-10, hover                           # the published ∂E/∂w1
    assert "from neuron 0 of layer 0 to neuron 0 of layer 1" in hover, hover

    tab.click_button("Apply update")
    assert "Update applied" in tab.page.inner_text("body")
    assert not tab.real_errors(), (tab.errors, tab.failed_responses)


def _click_neuron(tab, layer, j):
    """Click the marker whose customdata is (layer, j): its position comes from Plotly's own
    data and axes, then a real mouse click lands on it."""
    where = tab.page.evaluate(
        """([layer, j]) => {
            const plot = document.querySelectorAll('.js-plotly-plot')[0];
            const box = plot.getBoundingClientRect(), size = plot._fullLayout._size;
            for (const trace of plot._fullData) {   // decoded arrays (data may hold binary specs)
                const data = trace.customdata || [];
                for (let i = 0; i < data.length; i++) {
                    const c = data[i];
                    if (c && c[0] === layer && c[1] === j && trace.mode.includes('markers')) {
                        return [box.left + size.l + plot._fullLayout.xaxis.l2p(trace.x[i]),
                                box.top + size.t + plot._fullLayout.yaxis.l2p(trace.y[i])];
                    }
                }
            }
            return null;
        }""", [layer, j])
    assert where is not None, "no marker carries that neuron"
    tab.page.mouse.click(*where)
    tab.idle()


def _hover_first_edge(tab):
    """Move the mouse onto the first connection's hover point; return the hover label."""
    where = tab.page.evaluate(
        """() => {
            const plot = document.querySelectorAll('.js-plotly-plot')[0];
            const box = plot.getBoundingClientRect(), size = plot._fullLayout._size;
            const trace = plot._fullData.find(t => t.hovertemplate && t.x && t.x.length);
            return [box.left + size.l + plot._fullLayout.xaxis.l2p(trace.x[0]),
                    box.top + size.t + plot._fullLayout.yaxis.l2p(trace.y[0])];
        }""")
    tab.page.mouse.move(*where)
    label = tab.page.locator(".js-plotly-plot .hoverlayer .hovertext").first
    label.wait_for(timeout=10_000)
    return label.text_content()
