"""Quiz mode on the Step page (AppTest): right, wrong and hinted predictions, the per-kind
score, the lock on stepping ahead, and the classroom link's quiz=1.

Values are the published worked example's: net_h1 = z(1)0 = 0.3775, net_o1 = z(2)0 = 1.105905967."""
import json
import math
import re

import pytest

from bpviz.engine import practice
from bpviz.ui.step import quiz
from tests.app.apptest import diagram, open_app, report, rerun, shown_step


def _quiz_on(at):
    at.toggle(key="quiz_on").set_value(True)
    return rerun(at)


def _predict(at, text):
    at.text_input(key="quiz_prediction").input(text)
    at.button(key="quiz_check").click()
    return rerun(at)


def _click(at, key):
    at.button(key=key).click()
    return rerun(at)


def _next(at):
    """The diagram reports one step further (a → press in the browser)."""
    return report(at, position=at.session_state["step_index"] + 1)


def _progress(at):
    return shown_step(at)


def _texts(at, kind):
    return " ".join(element.value for element in getattr(at, kind))


def test_quiz_mode_asks_the_next_steps_first_number_with_the_tolerance_stated(step_page):
    at = _quiz_on(step_page)
    assert r"z_{h1} = \;?" in _texts(at, "latex")    # the tutorial's names, as the diagram's
    assert "relative error is at most 0.001" in _texts(at, "caption")
    assert "No question answered yet" in _texts(at, "caption")


def test_next_is_held_until_the_learner_has_tried(step_page):
    at = _next(_quiz_on(step_page))
    assert "Step 1 of 7" in _progress(at)
    assert "Type a prediction first" in _texts(at, "warning")
    at = report(report(at, position=3), position=5)            # the jumps are held too
    assert "Step 1 of 7" in _progress(at)
    at = _predict(at, "0.1")
    at = _next(at)
    assert "Step 2 of 7: forward, layer 1" in _progress(at)
    at = _next(at)                                # the next question is not tried yet
    assert "Step 2 of 7" in _progress(at)


def test_a_right_prediction_scores_three_of_three(step_page):
    at = _predict(_quiz_on(step_page), "0.3775")
    assert "Right: the value is 0.3775. 3 of 3 points." in _texts(at, "success")
    assert "Weighted input z: 1 of 1 right · 3 of 3 points" in _texts(at, "markdown")
    assert "The next step is unlocked." in _texts(at, "caption")


def test_a_miss_then_hints_one_at_a_time_each_costing_a_point(step_page):
    at = _predict(_quiz_on(step_page), "0.3775")
    at = _next(at)                                # forward layer 1 → ask z(2)0
    assert r"z_{o1} = \;?" in _texts(at, "latex")
    at = _predict(at, "1.2")                                    # relative error 8.5 %: a miss
    assert "Not quite (1 wrong so far)" in _texts(at, "warning")
    before = len(at.latex)
    at = _click(at, "quiz_hint")                                # hint 1: the formula in symbols
    assert len(at.latex) == before + 1 and r"w_{5}\, a_{h1} + w_{6}\, a_{h2}" in at.latex[-1].value
    at = _click(at, "quiz_hint")                                # hint 2: with the numbers
    assert "0.593269992" in at.latex[-1].value
    at = _predict(at, "1.106")
    assert "1 of 3 points" in _texts(at, "success")
    assert "Weighted input z: 2 of 2 right · 4 of 6 points" in _texts(at, "markdown")


def test_the_third_hint_shows_the_answer_for_no_points(step_page):
    at = _predict(_quiz_on(step_page), "7")
    for _ in range(3):
        at = _click(at, "quiz_hint")
    assert "= 0.3775" in at.latex[-1].value
    assert "The answer is shown" in _texts(at, "info")
    assert "Weighted input z: 0 of 1 right · 0 of 3 points" in _texts(at, "markdown")
    assert not [b for b in at.button if b.key == "quiz_hint"]


def test_a_prediction_that_is_not_a_number_is_refused_with_the_rule_and_not_counted(step_page):
    at = _predict(_quiz_on(step_page), "about a half")
    assert "must be one finite number, typed like -1.25e-3" in _texts(at, "error")
    assert "No question answered yet" in _texts(at, "caption")
    assert "Step 1 of 7" in _progress(_next(at))


def test_another_question_at_the_same_step_rotates_to_the_next_number(step_page):
    at = _click(_predict(_quiz_on(step_page), "0.3775"), "quiz_another")
    assert r"a_{h1} = \;?" in _texts(at, "latex")


def test_quiz_mode_in_chinese():
    # AppTest cannot set widgets on a Chinese Step page (it matches the granularity radio's
    # translated labels against its values); answering in Chinese is in the browser test.
    at = open_app("step", {"lang": "zh", "quiz": "1"})
    assert "本课堂已开启测验模式" in _texts(at, "caption")
    assert "在下一步揭晓之前，预测 **加权输入 z**" in _texts(at, "markdown")
    assert "相对误差不超过 0.001" in _texts(at, "caption")


def test_a_classroom_link_switches_quiz_mode_on_without_a_switch_to_turn_it_off():
    at = open_app("step", {"quiz": "1"})
    assert "Quiz mode is on for this class" in _texts(at, "caption")
    assert not [t for t in at.toggle if t.key == "quiz_on"]
    assert "Step 1 of 7" in _progress(_next(at))


def test_a_bad_quiz_value_in_a_link_is_named_and_ignored():
    at = open_app(query={"quiz": "yes"})
    assert "must be 0 (off) or 1 (on)" in _texts(at, "warning")
    at.switch_page("views/step.py").run()
    assert [t for t in at.toggle if t.key == "quiz_on"]


def test_quiz_mode_keeps_the_asked_value_out_of_the_inspector(step_page):
    at = _quiz_on(step_page)
    assert r"z_{h1} = \;?" in _texts(at, "latex")


def test_the_link_builder_writes_quiz_1_only_when_asked():
    from bpviz.engine import SharedNetwork
    from bpviz.engine.presets import preset
    from bpviz.ui.address import link_query
    p = preset("worked_example")
    shared = SharedNetwork(p.network, p.x, p.y, p.learning_rate, p.update_biases)
    assert link_query(shared, quiz=True).endswith("&quiz=1")
    assert "quiz" not in link_query(shared)


def _placeholder(at):
    return at.text_input(key="quiz_prediction").proto.placeholder


def _shown(text):
    """The numbers written in `text` (a placeholder, a refusal)."""
    return [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", text)]


def _asked_and_shown(at):
    """(the app after the question is answered by the third hint, the asked value, the numbers
    the box's placeholder and the refusal of a non-number show)."""
    placeholder = _placeholder(at)
    at = _predict(at, "not a number")
    refusal = _texts(at, "error")
    at = _predict(at, "1e9")                # a miss, then the three hints: the last is the answer
    for _ in range(3):
        at = _click(at, "quiz_hint")
    answer = float(at.latex[-1].value.rsplit("=", 1)[1].strip().split()[0])
    assert f"{answer:.4g}" not in placeholder and f"{answer:.4g}" not in refusal, (answer, placeholder, refusal)
    shown = _shown(placeholder) + [n for n in _shown(refusal) if n != practice.MAX_PREDICTION_CHARS]
    return at, answer, shown


def test_no_example_in_the_box_or_the_refusal_gives_the_answer_away(step_page):
    """At every step's question of the pass, and at a(h1) = 0.593269992 (the old example),
    the box's example and the refusal's are far from the asked value."""
    at = _quiz_on(step_page)
    asked = []
    for index in range(6):                   # the questions before the last step
        at, answer, shown = _asked_and_shown(at)
        asked.append(answer)
        assert shown and all(abs(n - answer) > 0.5 * abs(n) for n in shown), (answer, shown)
        if index == 0:                       # another question at the start: a(h1)
            at, answer, shown = _asked_and_shown(_click(at, "quiz_another"))
            asked.append(answer)
            assert shown and all(abs(n - answer) > 0.5 * abs(n) for n in shown), (answer, shown)
        at = _next(at)
    assert "Step 7 of 7" in _progress(at)
    assert any(abs(a - 0.593269992) < 1e-9 for a in asked), asked


@pytest.mark.parametrize("value", [0.593269992, -1.25e-3, -0.00125000001, -0.001, 42.5, 40.0, 0.0, 1e300, -1e-300,
                                   math.nan, math.inf])
def test_the_example_is_never_near_the_asked_value(value):
    example = float(quiz.example_for(value))
    assert not abs(example - value) <= 0.5 * abs(example)


def test_the_chinese_box_and_refusal_use_the_same_neutral_example():
    from bpviz.ui.strings.en import EN
    from bpviz.ui.strings.zh import ZH
    for key in ("quiz.placeholder", "quiz.bad_prediction"):
        assert "{example}" in EN[key] and "{example}" in ZH[key]
        assert "0.5933" not in EN[key] + ZH[key]


def _sent_text(at):
    """Everything the diagram component sends this run, as one string."""
    return json.dumps(diagram(at), ensure_ascii=False)


def test_in_quiz_mode_the_diagram_gets_only_the_revealed_steps(step_page):
    """Nothing the learner has not tried reaches the browser: a(h1) = 0.593269992 (printed
    0.5933 on the diagram), the loss 0.298371109 and δ(o1) = 0.138498562 are in the pass
    outside quiz mode and absent from it in quiz mode until revealed."""
    hidden = ("0.5933", "0.593269992", "0.298371109", "0.1385", "0.138498562", "0.7514")
    assert all(value in _sent_text(step_page) for value in hidden)          # outside quiz mode: the whole pass
    at = _quiz_on(step_page)
    sent = diagram(at)
    assert len(sent["pass"]["steps"]) == 1 and sent["count"] == 7
    assert not [value for value in hidden if value in _sent_text(at)]
    at = _next(_predict(at, "0.3775"))                                      # z(1)0 tried: step 2 revealed
    assert len(diagram(at)["pass"]["steps"]) == 2 and "Step 2 of 7" in _progress(at)
    assert "0.5933" in _sent_text(at) and "0.7514" not in _sent_text(at)


def test_the_quiz_marks_the_asked_neuron_and_says_whether_it_waits(step_page):
    at = _quiz_on(step_page)
    asked = diagram(at)["quiz"]
    assert asked == {"step": 0, "neuron": 2, "edge": None, "waiting": True}   # z(1)0: neuron 0 of layer 1
    at = _predict(at, "0.3775")
    assert diagram(at)["quiz"]["waiting"] is False
    assert diagram(at)["words"]["quiz_wait"].startswith("Answer the question first")
