"""The Step page's diagram data (bpviz.viz.step_pass): every number printed, fixed colour
scales, the lesson's notation (names, hovers, targets), big networks, phones, the flow the
browser animates, a batch stepped example by example, the penalty, and nothing of a step
that was not given.

Published numbers are the classic hand-worked example's (2-2-2, η = 0.5), not the engine's."""
import json
import re

import numpy as np
import pytest

from bpviz.engine import Network, preset, step_sequence
from bpviz.viz import names_for, step_pass, style
from bpviz.viz.geometry import edges as all_edges
from bpviz.viz.notation import tutorial_weight
from bpviz.viz.step_pass import LABELLED_EDGES, flow, highlighted_edges, labelling, step_target
from tests.viz.drawn import number_after, printed_close

WORKED = preset("worked_example")
STEPS = step_sequence(WORKED.network, WORKED.x, WORKED.y, 0.5, "layer", update_biases=False)
BACKWARD_DONE = 5        # backward, layer 1: every δ and gradient known
NAMES = [f"w{i}" for i in range(1, 9)]
TUTORIAL = names_for((2, 2, 2), True)     # the lesson's names switch on (lesson.names())


def drawn(sent, index):
    """Step `index` of a pass as the browser draws it: per neuron (layer, j) its texts and
    colours, per connection its label (lines joined by \\n) and hover, and its loss title."""
    s, step = sent["strings"], sent["steps"][index]
    neurons = {}
    for (l, j, *_), node in zip(sent["neurons"], step["nodes"]):
        a, fill, ink, delta, delta_fill, delta_ink, bias, hover = (s[i] for i in node)
        neurons[(l, j)] = dict(a=a, fill=fill, ink=ink, delta=delta, delta_fill=delta_fill, delta_ink=delta_ink,
                               bias=bias, hover=hover)
    labels, hovers = [], []
    for edge in sent["edges"]:
        stage = step["edge_stage"][sent["neurons"][edge[1]][0] - 1]
        labels.append(s[edge[6][stage]])
        hovers.append(s[edge[7][stage]] + "\n" + s[edge[8]])
    shown = [labels[i] for i in step["shown"]]
    return dict(neurons=neurons, labels=labels, shown=shown, hovers=hovers, title=s[step["title"]])


def test_one_step_shows_the_published_activation_deltas_and_gradients_together():
    step = drawn(step_pass(STEPS, names=TUTORIAL), BACKWARD_DONE)
    neurons, shown = step["neurons"], step["shown"]
    assert printed_close(float(neurons[(1, 0)]["a"]), 0.593269992)          # a(h1), inside the neuron
    assert printed_close(number_after([neurons[(1, 0)]["delta"]], "δ"), 0.00877135)
    assert printed_close(number_after([neurons[(2, 0)]["delta"]], "δ"), 0.138498562)
    assert printed_close(number_after([t for t in shown if t.startswith("w5 ")], "∂E/∂w"), 0.082167041)
    assert printed_close(number_after([t for t in shown if t.startswith("w1 ")], "∂E/∂w"), 0.000438568)
    assert step["title"] == "Loss E = 0.298371109"


def test_all_eight_weights_are_printed_at_the_start():
    shown = drawn(step_pass(STEPS, names=TUTORIAL), 0)["shown"]
    published = dict(w1=0.15, w2=0.20, w3=0.25, w4=0.30, w5=0.40, w6=0.45, w7=0.50, w8=0.55)
    for name, value in published.items():
        assert number_after([t for t in shown if t.startswith(name + " ")], name) == value
    assert not any("∂" in t for t in shown)                                  # no gradient known yet


def test_the_update_step_prints_old_and_new_weights():
    shown = drawn(step_pass(STEPS, names=TUTORIAL), 6)["shown"]
    w5 = next(t for t in shown if t.startswith("w5 "))
    old, new = re.search(r"w5 ([\d.]+) → ([\d.]+)", w5).groups()
    assert float(old) == 0.4 and printed_close(float(new), 0.35891648)         # the tutorial's w5⁺
    w1 = next(t for t in shown if t.startswith("w1 "))
    assert w1 == "w1 0.15 → 0.1498\n∂E/∂w 0.0004386"


def test_biases_are_printed_with_their_gradients_once_known():
    sent = step_pass(STEPS)
    before = [n["bias"] for n in drawn(sent, 3)["neurons"].values() if n["bias"]]
    assert len(before) == 4 and not any("∂" in b for b in before)
    after = drawn(sent, BACKWARD_DONE)["neurons"][(1, 0)]["bias"]
    assert after.startswith("b⁽¹⁾₀ 0.35") and printed_close(number_after([after], "∂E/∂b"), 0.00877135)  # ∂E/∂b = δ


def test_z_on_demand_above_the_bias():
    assert drawn(step_pass(STEPS, show_z=True), 1)["neurons"][(1, 0)]["bias"].startswith("z 0.3775\n")
    assert drawn(step_pass(STEPS, show_z=True), 0)["neurons"][(1, 0)]["bias"] == "b⁽¹⁾₀ 0.35"   # z not known yet
    assert "z " not in drawn(step_pass(STEPS), 1)["neurons"][(1, 0)]["bias"]


def test_tutorial_names_only_for_two_two_two_networks_and_engine_names_otherwise():
    assert [tutorial_weight(l, j, k) for l in (1, 2) for j in (0, 1) for k in (0, 1)] == NAMES
    named = step_pass(STEPS, names=TUTORIAL)
    assert [n[4] for n in named["neurons"]] == ["i1", "i2", "h1", "h2", "o1", "o2"]
    assert [n[5] for n in named["neurons"]] == ["i1", "i2", "", "", "yₒ₁ = 0.01", "yₒ₂ = 0.99"]   # as y_{o1}
    assert [n[5] for n in step_pass(STEPS)["neurons"]][4:] == ["y₀ = 0.01", "y₁ = 0.99"]
    plain = drawn(step_pass(STEPS), 0)["shown"]
    assert any(t.startswith("w⁽²⁾₀₀ 0.4") for t in plain) and not any(t.startswith("w5") for t in plain)
    net = Network.random([2, 3, 2], "sigmoid", "squared_error", seed=2)
    other = step_sequence(net, [0.1, 0.2], [0.0, 1.0], 0.5)
    sent = step_pass(other, names=TUTORIAL)
    assert not sent["tutorial"] and not any(t.startswith("w1 ") for t in drawn(sent, 0)["shown"])


def test_each_quantity_keeps_one_colour_scale_for_the_whole_pass():
    sent = step_pass(STEPS)
    a_scale, delta_scale = sent["scales"]
    assert (a_scale["title"], delta_scale["title"]) == ("a", "δ")
    # the pass's largest a (o2's 0.772928465) and δ (o1's 0.138498562), to 3 digits
    assert a_scale["ticks"][2] == "0.773" and delta_scale["ticks"][2] == "0.138"
    assert float(a_scale["ticks"][0]) == -float(a_scale["ticks"][2]) and a_scale["ticks"][1] == "0"
    fills = {drawn(sent, i)["neurons"][(0, 1)]["fill"] for i in range(len(STEPS))}
    assert fills == {style.diverging_colour(0.1, 0.772928465)}               # x1 keeps its value, so its colour
    o1 = {drawn(sent, i)["neurons"][(2, 0)]["delta_fill"] for i in range(4, len(STEPS))}
    assert o1 == {style.diverging_colour(0.138498562, 0.138498562)}          # δ(o1) is the scale's end


def test_labels_are_14_px_wide_and_12_on_phones_and_big_networks():
    assert step_pass(STEPS)["font_px"] == 14
    assert step_pass(STEPS, narrow=True)["font_px"] == 12
    largest = Network.random([10] + [10] * 6 + [10], "tanh", "squared_error", seed=1)
    assert step_pass(step_sequence(largest, [0.3] * 10, [0.1] * 10, 0.1)[:2])["font_px"] == 12


def test_text_is_black_or_white_whichever_reads_on_its_fill():
    sent = step_pass(STEPS)
    for index in range(len(STEPS)):
        for neuron in drawn(sent, index)["neurons"].values():
            assert neuron["ink"] == style.text_colour_on(neuron["fill"])
            if neuron["delta"]:
                assert neuron["delta_ink"] == style.text_colour_on(neuron["delta_fill"])
    unknown = drawn(sent, 0)["neurons"][(1, 0)]                 # not computed yet: "?" on grey
    assert unknown["a"] == "?" and unknown["fill"] == style.UNKNOWN_FILL


def test_a_big_network_labels_its_largest_connections_and_the_largest_prints_every_a_and_delta():
    net = Network.random([4, 5, 5, 5, 3], "tanh", "squared_error", seed=1)      # 85 connections, 5 a layer
    steps = step_sequence(net, [0.3] * 4, [0.1] * 3, 0.1)
    fits = labelling(net.sizes)
    assert not fits.complete and fits.edges == LABELLED_EDGES and fits.total == 85
    shown = [t for t in drawn(step_pass(steps), len(steps) - 2)["shown"] if "∂" in t]
    assert len(shown) == LABELLED_EDGES
    gradients = np.abs(np.concatenate([g.ravel() for g in steps[-2].gradients.weights]))
    smallest_shown = min(abs(number_after([t], "∂E/∂w")) for t in shown)
    assert smallest_shown >= np.sort(gradients)[-LABELLED_EDGES] * (1 - 1e-3)   # the largest ones
    assert labelling([3, 4, 4, 2]).complete                                    # 36 connections: all of them
    largest = Network.random([10] + [10] * 6 + [10], "tanh", "squared_error", seed=1)
    fits = labelling(largest.sizes)
    assert fits.edges == 0 and fits.total == 700 and not fits.roomy
    steps = step_sequence(largest, [0.3] * 10, [0.1] * 10, 0.1)
    sent = step_pass(steps)
    end = drawn(sent, len(steps) - 2)                                          # backward done
    assert not end["shown"] and sent["dense"]                                 # connections: hover and tap
    hidden = [n for (l, j), n in end["neurons"].items() if l > 0]
    assert len(hidden) == 70 and all(n["a"] != "?" and n["delta"].startswith("δ ") for n in hidden)
    deltas = steps[-2].gradients.deltas
    assert float(end["neurons"][(3, 4)]["delta"].split()[1]) == float(f"{deltas[2][0, 4]:.2g}")
    assert len(json.dumps(sent)) < 1_000_000                                 # sent once per pass


def test_every_connection_tells_its_numbers_to_nine_digits_on_hover():
    hovers = drawn(step_pass(STEPS), BACKWARD_DONE)["hovers"]
    first = hovers[0].split("\n")
    assert first[0] == "w⁽¹⁾₀₀ = 0.15" and abs(float(first[1].split("=")[1]) - 0.000438568) < 5e-10
    assert first[-1] == "from neuron 0 of layer 0 to neuron 0 of layer 1"
    h1 = drawn(step_pass(STEPS), BACKWARD_DONE)["neurons"][(1, 0)]["hover"]
    assert "a⁽¹⁾₀ = 0.593269992" in h1 and "δ⁽¹⁾₀ = 0.00877135" in h1


def test_the_flow_carries_w_times_a_forward_and_w_times_delta_backward():
    forward = flow(STEPS[1])
    assert len(forward[2]) == 4                                   # four connections into layer 1
    assert printed_close(float(forward[2][0]), 0.15 * 0.05)       # w1 · i1, from i1 to h1
    assert forward[0][0] == (0.0, 0.5) and forward[1][0] == (1.0, 0.5)
    backward = flow(STEPS[5])                                     # δ of layer 1 from w·δ of layer 2
    terms = [float(t) for t in backward[2]]
    assert printed_close(terms[0], 0.40 * 0.138498562)            # w5 · δ(o1), back to h1
    assert backward[0][0] == (2.0, 0.5) and backward[1][0] == (1.0, 0.5)
    sent = step_pass(STEPS)
    travelled = sent["steps"][5]["flow"]
    assert [sent["strings"][f[4]] for f in travelled] == backward[2] and travelled[0][:4] == [2.0, 0.5, 1.0, 0.5]
    assert sent["steps"][5]["backward"] and not sent["steps"][1]["backward"] and not sent["steps"][0]["flow"]


def test_the_edges_feeding_the_step_or_the_selected_neuron_are_highlighted():
    assert len(highlighted_edges(STEPS[1])) == 4
    assert highlighted_edges(STEPS[1], selected=(1, 1)) == [(1, 1, 0), (1, 1, 1)]
    assert highlighted_edges(STEPS[5], selected=(1, 0)) == [(2, 0, 0), (2, 1, 0)]   # w5, w7 feed δ(h1)
    assert highlighted_edges(STEPS[0]) == []
    sent = step_pass(STEPS)
    order = all_edges(WORKED.network.sizes)
    assert [order[i] for i in sent["steps"][5]["feeds"]["2"]] == [(2, 0, 0), (2, 1, 0)]   # neuron 2 is h1
    assert len(sent["steps"][1]["highlight"]) == 4


def test_a_pass_cut_short_holds_nothing_of_the_steps_left_out():
    """Quiz mode sends the revealed steps only: no text of a later step, and colour scales
    that span only what the last given step knows."""
    for revealed in range(1, len(STEPS)):
        sent = json.dumps(step_pass(STEPS[:revealed]), ensure_ascii=False)
        later = drawn(step_pass(STEPS), revealed)
        known = drawn(step_pass(STEPS[:revealed]), revealed - 1)
        new = {n["a"] for n in later["neurons"].values()} - {n["a"] for n in known["neurons"].values()}
        new |= {n["delta"] for n in later["neurons"].values()} - {n["delta"] for n in known["neurons"].values()}
        assert all(text not in sent for text in new if text), (revealed, new)
    start = step_pass(STEPS[:1])
    assert start["scales"][1]["ticks"] == ["-1", "0", "1"]          # no δ known: no δ range told
    assert start["scales"][0]["ticks"] == ["-0.1", "0", "0.1"]      # only the inputs are known


# ---- phones (the diagram about 358 px wide at 390×844): every label whole, named and short ----

@pytest.mark.parametrize("index", range(len(STEPS)))
def test_on_a_phone_every_connection_keeps_its_name_and_a_short_label_at_every_step(index):
    sent = step_pass(STEPS, names=TUTORIAL, narrow=True)
    step = drawn(sent, index)
    for name in NAMES:
        mine = [t for t in step["labels"] if t.startswith(name + " ")]
        assert len(mine) == 1 and mine[0] in step["shown"], (name, step["labels"])
        lines = mine[0].split("\n")
        assert len(lines) <= 2 and all(len(line) <= 14 for line in lines), mine   # ∂E/∂w 0.000439 (name small)
    assert step["neurons"][(1, 0)]["bias"].startswith("b1 0.35") and sent["neurons"][2][4] == "h1"
    assert all(len(n["a"]) <= 5 for n in step["neurons"].values())             # 0.593: 3 digits


def test_an_update_on_a_phone_shows_the_change_even_when_small():
    labels = drawn(step_pass(STEPS, names=TUTORIAL, narrow=True), 6)["labels"]
    assert next(t for t in labels if t.startswith("w1 ")) == "w1 0.15\n→ 0.1498"   # 3 digits would say 0.15 → 0.15
    assert next(t for t in labels if t.startswith("w5 ")) == "w5 0.4\n→ 0.359"
    h1 = drawn(step_pass(STEPS, names=TUTORIAL, narrow=True), 5)["neurons"][(1, 0)]["bias"]
    assert h1.split("\n")[0] == "b1 0.35" and abs(number_after([h1], "∂E/∂b") - 0.00877135) <= 5e-3 * 0.00877135


def test_phones_get_their_own_label_positions_and_flow():
    wide, phone = step_pass(STEPS), step_pass(STEPS, narrow=True)
    assert [e[4:6] for e in wide["edges"]] != [e[4:6] for e in phone["edges"]]
    assert flow(STEPS[6]) != flow(STEPS[6], narrow=True)                # the update travels to the labels
    assert phone["x_range"][1] - (len(WORKED.network.sizes) - 1) >= 0.7  # room for "y₀ = 0.01" beside the outputs


def test_the_quiz_target_names_the_neuron_or_the_connection_drawn():
    sizes = [3, 4, 2]
    order = all_edges(sizes)
    assert all(step_target(sizes, "weight_grad", l, j, k)["edge"] == order.index((l, j, k)) for l, j, k in order)
    assert step_target(sizes, "delta", 2, 1) == {"neuron": 3 + 4 + 1, "edge": None}
    assert step_target(sizes, "loss", 2, 0) == {"neuron": None, "edge": None}


@pytest.mark.parametrize("narrow", [True, False], ids=["phone", "desktop"])
def test_every_derivative_on_the_diagram_is_written_whole(narrow):
    """A gradient is always named ∂E/∂w or ∂E/∂b on the diagram, never a bare "∂", at every
    step of a pass with the bias update, on a phone and on a desktop (labels and hovers)."""
    steps = step_sequence(WORKED.network, WORKED.x, WORKED.y, 0.5, "layer")
    sent = step_pass(steps, names=TUTORIAL, narrow=narrow)
    seen = 0
    for index in range(len(steps)):
        step = drawn(sent, index)
        texts = step["labels"] + step["hovers"] + [n[key] for n in step["neurons"].values()
                                                   for key in ("bias", "hover")]
        bare = [text for text in texts if "∂" in re.sub(r"∂E/∂", "", text)]
        assert not bare, bare
        seen += sum(text.count("∂E/∂") for text in texts)
    assert seen > 10         # the gradients are printed, named in full


def test_in_tutorial_names_the_hovers_and_targets_speak_the_inspectors_notation():
    step = drawn(step_pass(STEPS, names=TUTORIAL), BACKWARD_DONE)
    w5 = next(h for h in step["hovers"] if h.startswith("w5 = "))
    assert printed_close(float(w5.split("\n")[1].split("=")[1]), 0.082167041) and w5.split("\n")[1].startswith("∂E/∂w5")
    h1 = step["neurons"][(1, 0)]["hover"]
    assert "aₕ₁ = 0.593269992" in h1 and "δₕ₁ = 0.00877135" in h1 and "b1 (h1) = 0.35" in h1
    assert not any("⁽" in text for text in step["hovers"] + [n["hover"] for n in step["neurons"].values()])
    sent = step_pass(STEPS, names=TUTORIAL)
    assert [sent["strings"][i] for i in sent["steps"][0]["targets"]] == ["yₒ₁ = 0.01", "yₒ₂ = 0.99"]


def test_the_update_with_a_penalty_shows_old_and_new():
    """λ₂ = 0.1: w5' = 0.4 − 0.5 · (0.082167041 + 0.1 · 0.4) = 0.33891648 (the published
    gradient plus the penalty's λ₂ w, by hand)."""
    steps = step_sequence(WORKED.network, WORKED.x, WORKED.y, 0.5, "layer", l2=0.1)
    update = drawn(step_pass(steps, names=TUTORIAL), len(steps) - 1)
    w5 = next(t for t in update["shown"] if t.startswith("w5 "))
    old, new = re.search(r"w5 ([\d.]+) → ([\d.]+)", w5).groups()
    assert float(old) == 0.4 and printed_close(float(new), 0.33891648)
    assert printed_close(number_after([w5], "∂E/∂w"), 0.082167041 + 0.1 * 0.4)


def test_a_batch_stepped_example_by_example_shows_each_examples_numbers_and_target():
    """Two rows: the worked example, then x = (0.1, 0.05), y = (0.5, 0.5). Example 2's a(h1)
    is σ(0.15·0.1 + 0.2·0.05 + 0.35) = σ(0.375), by hand; the average step's ∂E/∂w5 is the
    mean of the two examples' (example 1's is the published 0.082167041)."""
    import math
    X, Y = [[0.05, 0.1], [0.1, 0.05]], [[0.01, 0.99], [0.5, 0.5]]
    steps = step_sequence(WORKED.network, X, Y, 0.5, "layer", by_example=True)
    sent = step_pass(steps, names=TUTORIAL)
    at = {(s.example, s.phase, s.layer): s.index for s in steps}
    first = drawn(sent, at[(0, "forward", 1)])
    second = drawn(sent, at[(1, "forward", 1)])
    assert printed_close(float(first["neurons"][(1, 0)]["a"]), 0.593269992)
    assert printed_close(float(second["neurons"][(1, 0)]["a"]), 1 / (1 + math.exp(-0.375)))
    targets = [[sent["strings"][i] for i in sent["steps"][at[(n, "forward", 1)]]["targets"]] for n in (0, 1)]
    assert targets == [["yₒ₁ = 0.01", "yₒ₂ = 0.99"], ["yₒ₁ = 0.5", "yₒ₂ = 0.5"]]
    assert [sent["steps"][at[(n, "forward", 1)]]["example"] for n in (0, 1)] == [0, 1]
    one = number_after([t for t in drawn(sent, at[(0, "backward", 1)])["shown"] if t.startswith("w5 ")], "∂E/∂w")
    two = number_after([t for t in drawn(sent, at[(1, "backward", 1)])["shown"] if t.startswith("w5 ")], "∂E/∂w")
    assert printed_close(one, 0.082167041) and not printed_close(two, one)
    average = next(s.index for s in steps if s.phase == "average")
    mean = number_after([t for t in drawn(sent, average)["shown"] if t.startswith("w5 ")], "∂E/∂w")
    assert abs(mean - (one + two) / 2) <= 2e-3 * abs(mean)
