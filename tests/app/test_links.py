"""Share links: a link restores the network exactly; a bad link warns and keeps the default."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from bpviz.engine import Network, SharedNetwork, encode_share, preset
from bpviz.ui.address import link_query
from tests.app.apptest import open_app
from tests.examples import examples


def _shared():
    net = Network.random([3, 4, 2], ["tanh", "sigmoid"], "binary_cross_entropy", seed=11)
    return SharedNetwork(net, (0.5, -1.0, 2.0), (1.0, 0.0), 0.25, True)


def test_a_link_restores_network_example_and_settings_exactly():
    shared = _shared()
    at = open_app(query={"net": encode_share(shared)})
    assert at.session_state["network"] == shared.network
    assert at.session_state["example_x"] == shared.x and at.session_state["example_y"] == shared.y
    assert at.session_state["learning_rate"] == 0.25 and at.session_state["update_biases"] is True
    assert not at.warning


@pytest.mark.parametrize("token", ["", "1.", "1.AAAA", "2.abc", "1." + "A" * 50_000, "1.%00%ff"])
def test_a_malformed_link_warns_and_keeps_the_default_network(token):
    at = open_app(query={"net": token})
    assert at.session_state["network"] == preset("worked_example").network
    assert any("could not be loaded" in w.value for w in at.warning)


def test_hidden_controls_are_hidden_and_unknown_ones_named():
    at = open_app(query={"hide": "tables,learning_rate,bogus"})
    assert any("bogus" in w.value for w in at.warning)          # shown once, on the page the link opens
    at.switch_page("views/build.py").run()
    assert [e for e in at.expander if "Architecture" in e.label]
    assert not [e for e in at.expander if "Weights and biases" in e.label]
    step = open_app("step", query={"hide": "learning_rate"})
    assert not [n for n in step.number_input if n.key == "step_lr"]
    assert any("Learning rate η = 0.5" in m.value for m in step.markdown)


def test_an_unknown_language_is_named_in_the_warning():
    at = open_app(query={"lang": "klingon"})
    assert any("klingon" in w.value for w in at.warning)


def test_link_builder_makes_a_link_that_restores_the_chosen_preset():
    at = open_app("share", query={})
    at.selectbox(key="share_source").set_value("xor")
    at.multiselect(key="share_hide").set_value(["tables"])
    at.run()
    link = at.code[0].value
    assert "hide=tables" in link
    query = link.split("?", 1)[1]
    params = dict(part.split("=", 1) for part in query.split("&"))
    restored = open_app(query=params)
    assert restored.session_state["network"] == preset("xor").network


@settings(max_examples=examples(12), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(["net", "hide", "lang", "other"]), st.text(max_size=200), max_size=3))
def test_garbage_query_strings_never_raise(params):
    at = open_app(query=params)
    assert isinstance(at.session_state["network"], Network)


def test_link_query_round_trips_through_the_url_encoding():
    shared = _shared()
    query = link_query(shared, hide=("tables",), lang="en")
    assert query.startswith("?net=2.") and "&hide=tables" in query and query.endswith("&lang=en")


def test_a_link_that_hides_the_architecture_fixes_it_on_every_page():
    at = open_app("train", query={"hide": "architecture"})   # XOR data: 1 output, the network has 2
    assert not at.exception
    assert at.session_state["network"].sizes == (2, 2, 2)      # Train's set-up did not change it
    assert any("fixes the architecture form" in w.value for w in at.warning)
    assert not [b for b in at.button if b.key == "train_set_up"]
    free = open_app("train", query={})
    assert free.session_state["train_network"].sizes == (2, 4, 1)   # without the link Train sets up its own
    assert free.session_state["network"].sizes == (2, 2, 2)         # and leaves the session's alone


def _setters_under_a_link():
    """Runs as a script: every setter, with every control fixed by a link."""
    import streamlit as st

    from bpviz.engine import Network, preset
    from bpviz.ui import i18n
    from bpviz.ui.session import state
    from bpviz.ui.strings import Message
    state.init()
    state.set_fixed(state.HIDEABLE)
    net = state.network()
    same_shape = Network([w * 2 for w in net.weights], net.biases, net.activations, net.loss)
    other_shape = Network.random([2, 3, 2], ["sigmoid", "sigmoid"], "squared_error", seed=0)
    st.session_state["results"] = {
        "architecture": state.set_network(other_shape),
        "tables": state.set_network(same_shape, from_tables=True),
        "weights": state.set_network(same_shape),            # an update or training: allowed
        "example": state.set_example((1.0, 2.0), (0.0, 1.0)),
        "learning_rate": state.set_step_settings(0.01, True),
        "presets": state.load_preset("xor"),
        "unchanged example": state.set_example(*state.example()),
    }
    # what a page says after its call: the refusal stays
    state.notify("success", Message("build.preset_loaded", {"name": "XOR"}))
    st.session_state["kept"] = (state.network() == same_shape, state.example()[0].tolist(), state.learning_rate(),
                                preset("worked_example").x)
    kind, messages = st.session_state["notice"]
    st.session_state["shown"] = (kind, " ".join(i18n.render(message) for message in messages))


def test_state_setters_refuse_what_a_link_fixed_and_allow_the_rest():
    at = AppTest.from_function(_setters_under_a_link, default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["results"] == {"architecture": False, "tables": False, "weights": True, "example": False,
                                           "learning_rate": False, "presets": False, "unchanged example": True}
    same_network, x, learning_rate, preset_x = at.session_state["kept"]
    assert same_network and x == list(preset_x) and learning_rate == 0.5
    kind, text = at.session_state["shown"]       # the notice, as frame.show_notice renders it
    assert kind == "warning" and text.startswith("This classroom link fixes the")


def test_an_old_share_link_still_restores_its_network():
    """A token made by the first version of the format (written out here by hand: JSON, zlib, base64url)."""
    import base64
    import json
    import zlib
    data = {"format": "bpviz.network", "version": 1, "sizes": [2, 1], "activations": ["sigmoid"],
            "loss": "squared_error", "weights": [[[0.5, -0.25]]], "biases": [[0.125]],
            "x": [1.0, 2.0], "y": [1.0], "learning_rate": 0.75, "update_biases": False}
    token = "1." + base64.urlsafe_b64encode(zlib.compress(json.dumps(data).encode())).decode().rstrip("=")
    at = open_app(query={"net": token})
    net = at.session_state["network"]
    assert net.weights[0].tolist() == [[0.5, -0.25]] and net.biases[0].tolist() == [0.125]
    assert at.session_state["example_x"] == (1.0, 2.0) and at.session_state["learning_rate"] == 0.75
