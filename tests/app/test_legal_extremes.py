"""Every page, opened from a legal share link, runs without an exception and keeps the
link's network: random legal networks (the largest one included), every activation and
loss, parameters and example values up to ±MAX_PARAMETER_MAGNITUDE, learning rates at
both ends of their legal range, hidden controls and both languages (hypothesis draws them)."""
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from bpviz.engine import (
    ACTIVATION_NAMES,
    HIDDEN_ACTIVATION_NAMES,
    LOSS_NAMES,
    MAX_HIDDEN_LAYERS,
    MAX_INPUTS,
    MAX_LEARNING_RATE,
    MAX_NEURONS_PER_LAYER,
    MAX_OUTPUTS,
    Network,
    SharedNetwork,
    encode_share,
)
from bpviz.engine.limits import LEAST_LEARNING_RATE, MAX_PARAMETER_MAGNITUDE
from bpviz.ui.frame import PAGES
from bpviz.ui.session.state import HIDEABLE
from bpviz.ui.strings.en import EN
from bpviz.ui.strings.zh import ZH
from tests.app.apptest import ROOT
from tests.examples import examples

BIG = MAX_PARAMETER_MAGNITUDE
LARGEST = [MAX_INPUTS, *[MAX_NEURONS_PER_LAYER] * MAX_HIDDEN_LAYERS, MAX_OUTPUTS]
# Values where pages broke or may break: the bounds, just inside them, and the learning
# rate 1e-5 of the issue (below the widgets' old minimum of 1e-4).
EXTREME_VALUES = (BIG, -BIG, 4.5e5, -4.5e5, 0.0, 1e-300)
LEARNING_RATES = st.one_of(st.sampled_from((LEAST_LEARNING_RATE, 1e-5, 1e-4, MAX_LEARNING_RATE)),
                           st.floats(LEAST_LEARNING_RATE, MAX_LEARNING_RATE))
SIZES = st.one_of(st.just(LARGEST),
                  st.builds(lambda inputs, hidden, outputs: [inputs, *hidden, outputs],
                            st.integers(1, MAX_INPUTS),
                            st.lists(st.integers(1, MAX_NEURONS_PER_LAYER), max_size=MAX_HIDDEN_LAYERS),
                            st.integers(1, MAX_OUTPUTS)))


def with_extremes(values, rng, extreme, share):
    """`values` (an array) with about `share` of its entries set to `extreme`."""
    return np.where(rng.random(values.shape) < share, extreme, values)


@st.composite
def legal_links(draw):
    """(SharedNetwork, lang, hidden controls): a legal link, often at the edges of legality."""
    sizes = draw(SIZES)
    activations = [draw(st.sampled_from(HIDDEN_ACTIVATION_NAMES)) for _ in sizes[1:-1]]
    activations.append(draw(st.sampled_from(ACTIVATION_NAMES)))
    net = Network.random(sizes, activations, draw(st.sampled_from(LOSS_NAMES)), seed=draw(st.integers(0, 99)),
                         init=draw(st.sampled_from(("xavier", "uniform", "zeros"))))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    extreme, share = draw(st.sampled_from(EXTREME_VALUES)), draw(st.sampled_from((0.0, 0.1, 1.0)))
    net = net.with_parameters([with_extremes(w, rng, extreme, share) for w in net.weights],
                              [with_extremes(b, rng, extreme, share) for b in net.biases])
    example = st.one_of(st.sampled_from(EXTREME_VALUES), st.floats(-BIG, BIG))
    x = tuple(draw(example) for _ in range(sizes[0]))
    y = tuple(draw(example) for _ in range(sizes[-1]))
    shared = SharedNetwork(net, x, y, draw(LEARNING_RATES), draw(st.booleans()))
    hidden = draw(st.lists(st.sampled_from(HIDEABLE), unique=True, max_size=3))
    return shared, draw(st.sampled_from(("en", "zh"))), hidden


def open_link(page, shared, lang, hidden):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["net"] = encode_share(shared)
    at.query_params["lang"] = lang
    if hidden:
        at.query_params["hide"] = ",".join(hidden)
    at.run()
    at.switch_page(page).run()
    return at


def page_errors(at):
    """Errors shown by app.py's page-edge catch (a page that stopped with a NetworkError),
    except the one a legal network can deserve: its loss is not defined on the data, e.g.
    cross-entropy of a tanh output ≤ 0, so there is no landscape to draw."""
    starts = tuple(catalogue["app.page_error"].split("{")[0] for catalogue in (EN, ZH))
    undefined = tuple(catalogue["error.loss_undefined_on_data"].split("{loss}")[1][:20] for catalogue in (EN, ZH))
    return [e.value for e in at.error if e.value.startswith(starts) and not any(u in e.value for u in undefined)]


@pytest.mark.parametrize("page", [script for script, *_ in PAGES])
@settings(max_examples=examples(6), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(link=legal_links())
def test_every_page_runs_on_any_legal_link(page, link):
    shared, lang, hidden = link
    at = open_link(page, shared, lang, hidden)
    assert not at.exception, [e.value for e in at.exception]
    assert not page_errors(at)
    assert at.session_state["network"] == shared.network            # nothing lost or changed by drawing
    assert at.session_state["learning_rate"] == shared.learning_rate
