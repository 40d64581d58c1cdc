"""Counts read as English counts: "1 epoch", "2 epochs" (Chinese has one form)."""
from streamlit.testing.v1 import AppTest

from bpviz.engine import preset
from tests.app.apptest import ROOT


def _train_page(lang, epochs_per_click=None):
    """The Train page in `lang`, with a network that fits its default data (XOR) and
    `epochs_per_click` in the N-epochs field (set before the page runs: AppTest cannot
    rerun a page whose select boxes show translated options)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    at.session_state["network"] = preset("xor").network
    if epochs_per_click is not None:
        at.session_state["train_epochs_n"] = epochs_per_click
    at.switch_page("views/train.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return next(button for button in at.button if button.key == "train_epochs").label


def test_the_n_epochs_button_is_singular_for_one_epoch():
    assert _train_page("en") == "200 epochs"
    assert _train_page("en", 2) == "2 epochs"
    assert _train_page("en", 1) == "1 epoch"


def test_chinese_has_the_same_form_for_one_and_many():
    assert _train_page("zh") == "200 轮"
    assert _train_page("zh", 1) == "1 轮"
