"""Chart titles wrap (bpviz/viz/style.py): Plotly never breaks a title, so a long one would
run past a phone's chart; the figure builders break it into lines of at most TITLE_UNITS
units (a CJK character counts 2) and leave room above the plot for each line."""
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpviz.viz import style
from tests.examples import examples


def _units(line):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


@pytest.mark.parametrize("title, lines", [
    ("Loss E = 0.298371109", ["Loss E = 0.298371109"]),
    ("Parameters only: step through a pass to see activations, deltas and gradients",
     ["Parameters only: step through a pass to", "see activations, deltas and gradients"]),
    ("目前只有参数：逐步执行一次传播，即可看到激活值、误差项和梯度",
     ["目前只有参数：逐步执行一次传播，即可看到", "激活值、误差项和梯度"]),
])
def test_a_title_breaks_between_words_or_cjk_characters(title, lines):
    assert style.title_lines(title) == lines          # counted by hand: 39 + 37 letters; 20 + 10 characters


@pytest.mark.parametrize("title, units, lines", [
    ("深层 sigmoid（2-6-6-6-6-6-6-1）", 20, ["深层 sigmoid", "（2-6-6-6-6-6-6-1）"]),
    ("损失“E”随权重变化。", 8, ["损失“E”", "随权重变", "化。"]),
])
def test_brackets_quotes_and_stops_stay_with_what_they_belong_to(title, units, lines):
    assert style.title_lines(title, units) == lines   # never a line that starts with ） or 。 or ends with （


def test_a_wrapped_title_gets_room_for_each_line():
    one, two = style.base_layout("Short"), style.base_layout("word " * 12)
    assert two["title"]["text"].count("<br>") == 1 and "<br>" not in one["title"]["text"]
    assert two["margin"]["t"] - one["margin"]["t"] == style.TITLE_LINE_PX


WORD = st.text(st.characters(codec="utf-8", categories=["L", "N", "P"]), min_size=1, max_size=12)


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(st.one_of(WORD, st.sampled_from(["损", "失", "，", "E", "="])), min_size=1, max_size=30))
def test_no_line_is_longer_than_a_line_unless_one_word_is(words):
    title = " ".join(words)
    lines = style.title_lines(title)
    assert "".join(lines).replace(" ", "") == title.replace(" ", "")     # nothing lost or added
    for line in lines:
        word = line.lstrip(style.OPENING).rstrip(style.CLOSING)   # one word with its marks
        assert _units(line) <= style.TITLE_UNITS or " " not in line and not any(
            unicodedata.east_asian_width(c) in "WF" for c in word[1:])
