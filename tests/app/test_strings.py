"""The catalogues (bpviz/ui/strings/en.py and zh.py): one section per page, no key written
twice (in one dict or in two sections), and the same keys, section by section, in both."""
import ast
from pathlib import Path

import pytest

from bpviz.ui.strings import en, zh
from bpviz.viz import TEXT_EN

STRINGS = Path(__file__).resolve().parents[2] / "bpviz" / "ui" / "strings"
SECTIONS = ("common", "build", "step", "train", "landscape", "gradcheck", "share", "worksheets", "errors")


def _written_keys(path):
    """Every string key written in a dict display of the file, as often as it is written."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [key.value for node in ast.walk(tree) if isinstance(node, ast.Dict)
            for key in node.keys if isinstance(key, ast.Constant) and isinstance(key.value, str)]


@pytest.mark.parametrize("name", ["en.py", "zh.py"])
def test_no_key_is_written_twice(name):
    keys = _written_keys(STRINGS / name)
    assert len(keys) > 100
    assert sorted({key for key in keys if keys.count(key) > 1}) == []


@pytest.mark.parametrize("catalogue", [en, zh], ids=["en", "zh"])
def test_every_key_is_in_one_section_only(catalogue):
    assert tuple(catalogue.SECTIONS) == SECTIONS
    keys = [key for section in catalogue.SECTIONS.values() for key in section]
    assert sorted({key for key in keys if keys.count(key) > 1}) == []


def test_english_figure_words_are_not_repeated_in_a_section():
    """The figures' English words come from bpviz.viz, defined beside each figure, and nowhere else."""
    assert not set(TEXT_EN) & {key for section in en.SECTIONS.values() for key in section}


@pytest.mark.parametrize("section", SECTIONS)
def test_both_languages_have_the_same_keys_in_each_section(section):
    english = set(en.SECTIONS[section])
    chinese = set(zh.SECTIONS[section])
    assert english == chinese - set(TEXT_EN)      # zh translates the figure words in their page's section


def test_both_catalogues_have_the_same_keys():
    assert set(en.EN) == set(zh.ZH)
    assert len(zh.ZH) == sum(len(section) for section in zh.SECTIONS.values())
