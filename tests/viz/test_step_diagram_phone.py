"""The hero diagram at a phone's width (390 px, the figure gets about 358): every label
whole, named and short; the neurons wide enough for their numbers; an update that shows
the change; and the figure no taller than the first screen needs (issue 13, item 8).

Published numbers are the classic hand-worked example's (2-2-2, η = 0.5)."""
import pytest

from bpviz.engine import preset, step_sequence
from bpviz.viz import Canvas, step_figure
from bpviz.viz.step_diagram import NARROW, flow
from bpviz.viz.step_labels import label_at
from bpviz.viz.style import NARROW_DIGITS
from tests.viz.drawn import number_after

WORKED = preset("worked_example")
STEPS = step_sequence(WORKED.network, WORKED.x, WORKED.y, 0.5, "layer", update_biases=False)
PHONE = Canvas(width=358, height=403)      # what the browser reported at 390×844
NAMES = [f"w{i}" for i in range(1, 9)]


def _close(printed, published):
    """Printed to 3 significant digits: within half a unit of the 3rd digit."""
    return abs(printed - published) <= 5e-3 * abs(published)


def _notes(figure):
    return [note.text for note in figure.layout.annotations]


@pytest.mark.parametrize("index", range(len(STEPS)))
def test_every_connection_keeps_its_name_and_a_short_label_at_every_step(index):
    notes = _notes(step_figure(STEPS[index], tutorial_names=True, canvas=PHONE))
    for name in NAMES:
        mine = [n for n in notes if n.startswith(name + " ")]
        assert len(mine) == 1, (name, notes)
        lines = mine[0].split("<br>")
        assert len(lines) <= 2 and all(len(line) <= 12 for line in lines), mine
    assert sum(n.startswith("<b>h1</b> b1 0.35") for n in notes) == 1, notes        # the neuron's name too


def test_the_backward_pass_on_a_phone_keeps_weights_gradients_biases_and_names():
    notes = _notes(step_figure(STEPS[5], tutorial_names=True, canvas=PHONE))
    assert number_after([n for n in notes if n.startswith("w5 ")], "w5") == 0.4
    assert _close(number_after([n for n in notes if n.startswith("w5 ")], "∂"), 0.082167041)
    assert _close(number_after([n for n in notes if n.startswith("w1 ")], "∂"), 0.000438568)
    h1 = next(n for n in notes if n.startswith("<b>h1</b>"))
    assert "b1 0.35" in h1 and _close(number_after([h1], "∂"), 0.00877135)
    assert any(n.startswith("<b>o1</b> b2 0.6") for n in notes)


def test_an_update_on_a_phone_shows_the_change_even_when_small():
    notes = _notes(step_figure(STEPS[6], tutorial_names=True, canvas=PHONE))
    w1 = next(n for n in notes if n.startswith("w1 "))
    assert w1 == "w1 0.15<br>→ 0.1498", w1          # 0.149780716: 3 digits would say 0.15 → 0.15
    assert next(n for n in notes if n.startswith("w5 ")) == "w5 0.4<br>→ 0.359"


def test_a_phone_figure_fits_the_first_screen_and_its_neurons_fit_their_numbers():
    figure = step_figure(STEPS[5], canvas=PHONE)
    assert figure.layout.height <= 1.2 * PHONE.width
    known = next(t for t in figure.data if t.name == "activation a")
    numbers = [t for t in figure.data if t.mode == "text"]
    assert all(len(text) <= 5 for t in numbers for text in t.text)     # 0.593: 3 digits
    assert known.marker.size >= 36 and all(t.textfont.size == 12 for t in numbers)
    x0, x1 = figure.layout.xaxis.range
    assert x1 - (len(WORKED.network.sizes) - 1) >= 0.7                 # room for "y₀ = 0.01" beside the outputs


def test_the_desktop_figure_is_unchanged_by_the_phone_branch():
    wide = step_figure(STEPS[6], tutorial_names=True, canvas=Canvas(width=NARROW + 300, height=460))
    notes = _notes(wide)
    assert next(n for n in notes if n.startswith("w1 ")) == "w1 0.15 → 0.1498<br>∂ 0.0004386"
    assert flow(STEPS[6]) != flow(STEPS[6], narrow=True)                 # the update travels to the labels
    assert label_at(0.0) == 0.55 and label_at(0.0, narrow=True) == 0.5
    assert NARROW_DIGITS == ".3g"
