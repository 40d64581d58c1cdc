"""Gradient checks, Landscape curves and grids on big data wait in the server's queue of heavy jobs:
the page shows the place in the queue (English and Chinese), stays usable meanwhile, and
then shows the same result as the engine computes here; small work stays inline; a
learner's network is never served from the queue's cache to another session."""
import time

import numpy as np
import pytest

from bpviz.engine import (
    MAX_HIDDEN_LAYERS,
    MAX_NEURONS_PER_LAYER,
    Network,
    SharedNetwork,
    budget,
    encode_share,
    gradient_check,
)
from bpviz.jobs import check_work, curve_work, landscape_work
from bpviz.ui import job_queue
from bpviz.ui.train import data_link
from tests.app.apptest import delivered, open_app, queued_job, rerun

# The largest network the 2-D data fit (2 inputs, six hidden layers of ten, 1 output), and
# 5,000 rows of training data (test fraction 0): the "largest network, 5,000 rows".
SIZES = [2, *[MAX_NEURONS_PER_LAYER] * MAX_HIDDEN_LAYERS, 1]
DATA = "two_d:circle:5000:0.1:0:0"
NET = Network.random(SIZES, ["tanh"] * MAX_HIDDEN_LAYERS + ["sigmoid"], "binary_cross_entropy", seed=3)
LINK = {"net": encode_share(SharedNetwork(NET, (0.5, -0.5), (1.0,), 0.5, True)), "data": DATA}
BLOCK_SECONDS = 4.0
CHECK_ROWS = budget.max_check_rows(SIZES)   # the rows the budget lets this network's check use


@pytest.fixture
def busy_queue():
    """The server's queue with one job running for BLOCK_SECONDS (another teacher's class set)."""
    queue = job_queue.shared_queue()
    blocker = queue.submit(time.sleep, BLOCK_SECONDS)
    deadline = time.monotonic() + 10
    while not queue.running(blocker) and time.monotonic() < deadline:
        time.sleep(0.05)
    yield queue
    blocker.future.result(timeout=60)


def infos(at):
    return [info.value for info in at.info]


def place(at, slot):
    """How many jobs are ahead of the session's `slot` job (at least the blocker)."""
    ahead = job_queue.shared_queue().ahead(queued_job(at, slot)[1])
    assert ahead >= 1
    return ahead


def on_training_data(page, query=LINK, **choices):
    """The app opened from `query` on `page` with the Train data chosen (and `choices`, other
    widgets' values by key) before the page's first run, as a learner's clicks would leave them."""
    at = open_app(None, query)
    at.session_state[f"{page}_data"] = "training"
    for key, value in choices.items():
        at.session_state[key] = value
    return rerun(at.switch_page(f"views/{page}.py"))


def test_the_big_check_is_more_work_than_a_page_does_inline_and_a_small_one_is_not():
    assert check_work(NET, CHECK_ROWS) > job_queue.INLINE_WORK
    small = Network.random([2, 2, 2], ["sigmoid", "sigmoid"], "squared_error", seed=0)
    assert check_work(small, 1) <= job_queue.INLINE_WORK
    assert landscape_work(NET, 5000, 30, 40) > job_queue.INLINE_WORK
    assert curve_work(NET, 5000, 161) > job_queue.INLINE_WORK


def test_a_big_gradient_check_waits_in_the_queue_with_its_place_shown_then_matches_the_engine(busy_queue):
    at = on_training_data("gradcheck")
    assert queued_job(at, "gradcheck") is not None
    assert any(f"{place(at, 'gradcheck')} ahead of you" in text for text in infos(at)), infos(at)
    assert not at.dataframe, "no report before the job is done"
    at = delivered(at, "gradcheck")
    (table,) = at.dataframe
    X, Y = data_link.build(DATA).train.X, data_link.build(DATA).train.Y
    assert len(table.value) == NET.parameter_count
    report = gradient_check(NET, X[:CHECK_ROWS], Y[:CHECK_ROWS], mistake="none", learning_rate=0.5)
    np.testing.assert_allclose(table.value.iloc[:, 1].to_numpy(), [row.analytic for row in report.rows], rtol=1e-9)
    assert at.success and "ahead of you" not in " ".join(infos(at))


def test_the_place_is_shown_in_chinese(busy_queue):
    at = on_training_data("gradcheck", {**LINK, "lang": "zh"})
    assert any(f"前面还有 {place(at, 'gradcheck')} 个任务" in text for text in infos(at)), infos(at)


def test_the_page_stays_usable_while_its_check_waits(busy_queue):
    at = on_training_data("gradcheck")
    first = queued_job(at, "gradcheck")[1]
    at.selectbox(key="gradcheck_mistake").set_value("no_activation_derivative")   # another choice while waiting
    at = rerun(at)
    assert at.selectbox(key="gradcheck_mistake").value == "no_activation_derivative"
    assert queued_job(at, "gradcheck")[1] is not first, "the new choice is a new job"
    assert any("ahead of you" in text for text in infos(at)), infos(at)
    at = delivered(at, "gradcheck")
    assert at.dataframe and at.error, "the planted mistake is caught"


def test_a_small_check_stays_inline():
    at = open_app("gradcheck")   # the worked example's stepping example: about 1.3 million parameter-passes
    assert queued_job(at, "gradcheck") is None
    assert at.dataframe and at.success


def test_a_big_landscape_grid_waits_in_the_queue_then_draws(busy_queue):
    at = on_training_data("landscape", landscape_view="two")
    assert queued_job(at, "landscape_two") is not None
    assert any(f"{place(at, 'landscape_two')} ahead of you" in text for text in infos(at)), infos(at)
    at = delivered(at, "landscape_two")
    contours = [c for c in at.get("plotly_chart") if '"contour"' in c.proto.spec]
    assert contours, "the contour plot is drawn once the grid is delivered"


def test_a_big_one_weight_curve_waits_in_the_queue_then_draws(busy_queue):
    at = on_training_data("landscape", landscape_view="one")
    assert queued_job(at, "landscape_one") is not None
    assert any(f"{place(at, 'landscape_one')} ahead of you" in text for text in infos(at)), infos(at)
    assert not at.get("plotly_chart"), "no curve before its losses arrive"
    at = delivered(at, "landscape_one")
    curves = [c for c in at.get("plotly_chart") if '"scatter"' in c.proto.spec]
    assert curves, "the curve is drawn once its losses are delivered"
    assert at.latex and "\\partial E" in at.latex[0].value


def test_a_small_curve_stays_inline():
    at = open_app("landscape")   # the worked example's four numbers: a few thousand parameter-passes
    assert queued_job(at, "landscape_one") is None
    assert at.get("plotly_chart") and at.latex


def test_two_learners_with_the_same_network_each_get_their_own_job():
    queue = job_queue.shared_queue()
    cached = queue.cached()
    first, second = on_training_data("gradcheck"), on_training_data("gradcheck")
    jobs = [queued_job(at, "gradcheck") for at in (first, second)]
    tickets = {entry[1].ticket for entry in jobs if entry is not None}
    # each session's job is its own (or finished in its first wait): never a ticket shared
    assert len(tickets) == sum(entry is not None for entry in jobs)
    for at in (first, second):
        delivered(at, "gradcheck")
    assert queue.cached() == cached, "nothing of a learner's network went into the cache"
