"""Quiz mode from a classroom link in a real browser: the keyboard submits (Enter in the
prediction field), the next step stays hidden until the learner has tried, hints after a miss.

Values are the published worked example's: net_h1 = 0.3775, net_o1 = 1.105905967."""
import pytest

pytestmark = pytest.mark.e2e


def _predict(tab, text):
    field = tab.page.get_by_label("Your prediction").or_(tab.page.get_by_label("你的预测"))
    field.fill(text)
    field.press("Enter")        # Enter submits the form: no click
    tab.idle()


def _progress(tab):
    return tab.step_position()


CHART = ".bpviz-step .bpviz-step-svg"


def _boxes(tab):
    """Where the Next button, the diagram, the question card and the readouts are (page px)."""
    tab.wait_for_diagram()
    box = lambda selector: tab.page.locator(selector).first.bounding_box()  # noqa: E731
    return dict(next=tab.page.get_by_role("button", name="Next step").first.bounding_box(), diagram=box(CHART),
                card=box(".st-key-quiz_card"), readouts=box(".st-key-step_readouts"))


@pytest.mark.parametrize("viewport", [(1280, 720), (390, 844)], ids=["desktop", "phone"])
def test_a_classroom_link_quiz_answered_from_the_keyboard(tabs, server, viewport):
    from tests.e2e.browser import Session
    tab = Session(tabs, server, viewport=viewport)
    try:
        tab.open("step?quiz=1")
        body = tab.page.get_by_test_id("stMain")
        assert "Quiz mode is on for this class" in body.inner_text()
        where = _boxes(tab)
        width, height = viewport
        next_button, diagram, card = where["next"], where["diagram"], where["card"]
        assert next_button["y"] + next_button["height"] <= height, where       # the buttons on the first screen,
        assert next_button["y"] + next_button["height"] <= diagram["y"] <= height - 200, where   # the diagram below
        if width >= 1000:    # the question beside the diagram, the whole diagram and the box on screen
            assert card["x"] >= diagram["x"] + diagram["width"] and card["y"] < height - 300, where
            assert diagram["y"] + diagram["height"] <= height and diagram["width"] >= 600, where
        else:                # a phone: the question after the diagram and its switches, before the readouts
            assert diagram["y"] + diagram["height"] <= card["y"] <= diagram["y"] + diagram["height"] + 360, where
            assert card["y"] + card["height"] <= where["readouts"]["y"], where
        # no switch to turn it off
        assert not tab.page.get_by_text("Quiz mode: predict each value before it is revealed").count()

        tab.click_button("Next step")                      # not tried yet: held on the start, and told why
        assert "Step 1 of 7" in _progress(tab)
        assert "Answer the question first" in tab.page.locator(".bpviz-step-message").inner_text()
        assert tab.page.locator(".bpviz-step .bpviz-target-neuron").count() == 1    # the asked neuron, marked

        _predict(tab, "0.3775")
        assert "Right: the value is 0.3775. 3 of 3 points." in body.inner_text()
        tab.click_button("Next step")
        assert "Step 2 of 7" in _progress(tab)

        _predict(tab, "1")                                  # z(2)0 = 1.105905967: a miss
        assert "Not quite (1 wrong so far)" in body.inner_text()
        tab.click_button("Hint 1 of 3")
        tab.click_button("Hint 2 of 3")
        assert "0.593269992" in body.inner_text()           # the formula with the numbers in
        _predict(tab, "1.106")
        assert "1 of 3 points" in body.inner_text()
        assert "Weighted input z: 2 of 2 right · 4 of 6 points" in body.inner_text()
        tab.screenshot(f"quiz-{viewport[0]}")
        assert not tab.real_errors(), (tab.errors, tab.failed_responses)
    finally:
        tab.close()


def test_quiz_in_chinese_from_a_link(session):
    tab = session.open("step?quiz=1&lang=zh")
    _predict(tab, "0.3")
    body = tab.page.get_by_test_id("stMain").inner_text()
    assert "还不对（已错 1 次）" in body
    assert "加权输入 z：1 题中答对 0 题 · 得 0 分（满分 3 分）" in body
    tab.screenshot("quiz-zh")
