"""A big Gradient check in a real browser waits its turn in the server's queue behind two
teachers' class sets: the page says how many jobs are ahead (in English, and in Chinese), the
learner goes on working meanwhile (plants a mistake: a new check), and the report arrives by
itself, without a click."""
import re

import pytest

from bpviz.engine import MAX_HIDDEN_LAYERS, MAX_NEURONS_PER_LAYER, Network, SharedNetwork
from bpviz.ui.address import link_query
from tests.e2e.browser import Session

pytestmark = pytest.mark.e2e
SIZES = [2, *[MAX_NEURONS_PER_LAYER] * MAX_HIDDEN_LAYERS, 1]    # the largest network the 2-D data fit
DATA = "two_d:circle:5000:0.1:0:0"                              # 5,000 training rows
FIRST_SEEDS = {"en": 4101, "zh": 4202}      # the first teacher's class set, one per test (the second's: +50)


@pytest.mark.parametrize("lang, training, ahead, mistake, fail", [
    ("en", "the training data (", r"Waiting in the server's queue: [1-9]\d* ahead of you",
     "mistake: forget f′(z) in hidden layers", "Fail:"),
    ("zh", "训练数据（", r"正在服务器的队列中等候：前面还有 [1-9]\d* 个任务", "错误：隐藏层漏乘 f′(z)", "未通过："),
])
def test_a_big_check_shows_its_place_in_the_queue_and_the_page_stays_usable(tabs, server, lang, training, ahead,
                                                                              mistake, fail):
    net = Network.random(SIZES, ["tanh"] * MAX_HIDDEN_LAYERS + ["sigmoid"], "binary_cross_entropy", seed=3)
    query = link_query(SharedNetwork(net, (0.5, -0.5), (1.0,), 0.5, True), lang=lang, data=DATA)
    teachers, learner = [Session(tabs, server), Session(tabs, server)], Session(tabs, server)
    try:
        for number, teacher in enumerate(teachers):
            teacher.open("worksheets")
            # a class set no other test asks for: an identical request would come from the server's
            # bounded cache of class sets at once, with no queue for the learner to wait in
            seed = teacher.page.locator(".st-key-ws_seed input")
            seed.fill(str(FIRST_SEEDS[lang] + 50 * number))
            seed.press("Enter")
            teacher.idle()
        learner.open("gradcheck" + query)
        training_data = learner.page.locator(".st-key-gradcheck_data label:has(input[type='radio'])").nth(1)
        assert training in training_data.inner_text()
        # Two class sets of 30 sheets and their keys, seconds of work each, go first. The learner
        # asks as soon as the first teacher's page says where its set is, not once that page is
        # quiet (on a loaded machine, only after the set was made: no queue left to wait in), and
        # clicks by the option's place (finding it by its text took 0.8 s on this page).
        for teacher in teachers:
            teacher.page.get_by_role("button", name="Make the PDFs").click()
        first_set = teachers[0].page.get_by_test_id("stAlert").filter(has_text=re.compile("made now|ahead of you"))
        first_set.first.wait_for(timeout=30_000)
        training_data.click()
        place = learner.page.get_by_test_id("stAlert").filter(has_text=re.compile(ahead))
        place.first.wait_for(timeout=30_000)
        assert not learner.page.get_by_test_id("stDataFrame").count()   # no report yet
        learner.screenshot(f"queue-gradcheck-place-{lang}")
        # meanwhile the page works: plant a mistake (a new check, queued in its turn)
        learner.page.locator(".st-key-gradcheck_mistake").click()
        learner.page.get_by_role("option", name=mistake).click()
        learner.idle()
        # the report of the planted mistake arrives by itself (the queue's fragment polls)
        learner.page.get_by_test_id("stDataFrame").first.wait_for(timeout=120_000)
        learner.page.get_by_test_id("stAlert").filter(has_text=fail).first.wait_for(timeout=30_000)
        assert training_data.locator("input").is_checked()
        learner.screenshot(f"queue-gradcheck-done-{lang}")
        assert not learner.real_errors(), (learner.errors, learner.failed_responses)
    finally:
        for tab in (*teachers, learner):
            tab.close()
