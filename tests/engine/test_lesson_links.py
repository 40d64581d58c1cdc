"""The quiz's work and Train's history as address text: exact round trips, bounded, and
ValueError (never another exception) for anything malformed."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpviz.engine import EpochRecord, attempts_from_text, attempts_to_text, history_from_text, history_to_text
from bpviz.engine.history_link import MAX_RECORDS
from bpviz.engine.practice import Attempt, Question


def test_quiz_work_round_trips():
    attempts = {(0, 0): Attempt(Question("z", 1, 0), "z", tries=0, hints=0, solved=True),
                (1, 0): Attempt(Question("z", 2, 0), "z", tries=2, hints=1, solved=False),
                (3, 1): Attempt(Question("weight_grad", 2, 1, 0), "weight_grad", tries=1, hints=3, solved=False)}
    text = attempts_to_text(4, attempts)
    assert text == "4~0.0.z.1.0.-.0.0.1_1.0.z.2.0.-.2.1.0_3.1.gw.2.1.0.1.3.0"
    assert attempts_from_text(text, output_layer=2, max_index=99) == (4, attempts)


@pytest.mark.parametrize("text", ["", "4", "x~", "4~0.0.q.1.0.-.0.0.1", "4~0.0.z.3.0.-.0.0.1", "4~0.0.z.1.0.-.0.9.1",
                                  "4~0.0.z.1.0.-.0.0.2", "100~", "4~0.0.z.1.0", "-1~", "4~0.0.z.1.0.-.0.0.1_"])
def test_malformed_quiz_work_is_refused(text):
    with pytest.raises(ValueError):
        attempts_from_text(text, output_layer=2, max_index=99)


def _record(epoch, loss):
    return EpochRecord(epoch, loss, None, min(1.0, epoch / 50), None, 0.5)


def test_a_short_history_round_trips_to_five_digits():
    history = tuple(_record(e, 1 / e) for e in range(1, 11))
    epoch, initial, back = history_from_text(history_to_text(10, 0.75, history))
    assert epoch == 10 and initial == 0.75 and len(back) == 10
    assert all(abs(a.train_loss - b.train_loss) <= 5e-5 * a.train_loss for a, b in zip(history, back))
    assert [r.epoch for r in back] == list(range(1, 11)) and back[0].test_loss is None


def test_a_long_history_keeps_its_ends_and_at_most_160_records():
    history = tuple(_record(e, 1 / e) for e in range(1, 5001))
    text = history_to_text(5000, 1.0, history)
    epoch, _, back = history_from_text(text)
    assert len(back) <= MAX_RECORDS and back[0].epoch == 1 and back[-1].epoch == 5000 and epoch == 5000
    assert len(text) < 8_000


@pytest.mark.parametrize("text", ["", "1~~", "1~~1,nan,,,,.5", "1~~1,.5,,2,,.5", "1~~2,.5,,,,.5_1,.5,,,,.5",
                                  "1~~5,.5,,,,.5", "1~~1,.5,,,,", "x~~", "1~inf~"])
def test_malformed_history_is_refused(text):
    if text == "1~~":
        assert history_from_text(text) == (1, None, ())
        return
    with pytest.raises(ValueError):
        history_from_text(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789.~_,-ezagwdnb", max_size=60))
def test_garbage_only_ever_raises_value_error(text):
    for read in (lambda: attempts_from_text(text, 2, 99), lambda: history_from_text(text)):
        try:
            read()
        except ValueError:
            pass
