"""Page counts, read from the PDFs with pypdf: one page per sheet (two for every sheet of a set
that holds a network too large for one), each sheet starting on its own page; a key of at most
two pages per sheet, each sheet's key from a fresh page. Both papers, both languages."""
import pytest

from bpviz.engine import PRESET_NAMES, SharedNetwork, preset
from bpviz.worksheets import Sheet, class_set, key_source, sheet_pages, sheets_pdf, worksheet_source
from bpviz.worksheets.words import WORDS

from .pdfs import fit_scales, largest_sheet, pages_text, random_sheet

PAPERS = ("a4", "us-letter")
LANGUAGES = ("en", "zh")
SMALLEST_SCALE = 0.75   # content shrunk further than this to fit would be too small to read
RANDOM_SHAPES = ((1, 1), (4, 3), (2, 4, 3), (3, 3, 3), (2, 2, 2, 2), (5, 4, 3, 2), (10, 10), (2, 6, 6, 1),
                 (10, 3, 10), (1, 10, 10, 10, 1))


def _preset_sheets():
    sheets = []
    for name in PRESET_NAMES:
        p = preset(name)
        sheets.append(Sheet(SharedNetwork(p.network, tuple(p.x), tuple(p.y), p.learning_rate, p.update_biases)))
    return sheets


def _label(text, number, sheet):
    return (text["number_seed"].format(number=number, seed=sheet.seed) if sheet.seed is not None
            else text["number_own"].format(number=number))


def _check_sheets(sheets, language, paper):
    """Every sheet takes the set's page count and starts a page with its title and number."""
    text = WORDS[language]
    per_sheet = max(sheet_pages(s.problem.network.sizes) for s in sheets)
    pages = pages_text(sheets_pdf(sheets, language, paper))
    assert len(pages) == per_sheet * len(sheets)
    for number, sheet in enumerate(sheets, 1):
        first = pages[(number - 1) * per_sheet]
        assert first.startswith(text["title"]) and _label(text, number, sheet) in first
    assert min(fit_scales(worksheet_source(sheets, language, paper))) >= SMALLEST_SCALE
    return pages


def _check_key(sheets, language, paper):
    """Each sheet's key starts a page and takes one or two pages."""
    text = WORDS[language]
    pages = pages_text(sheets_pdf(sheets, language, paper, key=True))
    starts = [i for i, page in enumerate(pages) if page.startswith(text["key_title"])]
    firsts = []
    for number, sheet in enumerate(sheets, 1):
        firsts.append(next(i for i in starts if _label(text, number, sheet) in pages[i]))
    assert firsts == sorted(firsts)
    lengths = [b - a for a, b in zip(firsts, firsts[1:] + [len(pages)])]
    assert all(1 <= n <= 2 for n in lengths)
    assert min(fit_scales(key_source(sheets, language, paper))) >= SMALLEST_SCALE
    return lengths


@pytest.mark.parametrize("language, paper, count", [("en", "a4", 30), ("zh", "us-letter", 12),
                                                    ("zh", "a4", 6), ("en", "us-letter", 6)])
def test_a_class_set_is_one_page_per_sheet_and_its_key_one_or_two(language, paper, count):
    """The 2-3-2 problems (50 answers) take two pages of key; the smallest shapes one."""
    sheets = class_set(seed=100, count=count)
    assert len(_check_sheets(sheets, language, paper)) == count
    key_pages = _check_key(sheets, language, paper)
    for sheet, pages in zip(sheets, key_pages):
        sizes = sheet.problem.network.sizes
        assert pages == (2 if sizes == (2, 3, 2) else 1 if sizes in ((2, 2, 1), (3, 2, 1)) else pages)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_presets_take_one_page_each_and_the_deep_ones_two(language, paper):
    sheets = _preset_sheets()
    small = [s for s in sheets if sheet_pages(s.problem.network.sizes) == 1]
    deep = [s for s in sheets if s not in small]
    assert len(small) >= 3 and all(len(s.problem.network.sizes) > 3 for s in deep)
    assert len(_check_sheets(small, language, paper)) == len(small)
    assert len(_check_key(small, language, paper)) == len(small)
    if deep:   # networks too large for one page (deep_sigmoid, deep_relu): two pages each, as planned
        assert len(_check_sheets(deep, language, paper)) == 2 * len(deep)
        assert all(n <= 2 for n in _check_key(deep, language, paper))


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_largest_network_takes_exactly_two_pages_and_its_key_at_most_two(language, paper):
    sheet = largest_sheet()
    assert sheet_pages(sheet.problem.network.sizes) == 2
    assert len(_check_sheets([sheet], language, paper)) == 2
    assert _check_key([sheet], language, paper)[0] <= 2


@pytest.mark.parametrize("paper", PAPERS)
def test_random_networks_of_every_shape_keep_their_page_counts(paper):
    sheets = [random_sheet(sizes, seed) for seed, sizes in enumerate(RANDOM_SHAPES)]
    for sheet in sheets:   # each alone: one page, or two when too large
        _check_sheets([sheet], "en", paper)
    _check_key(sheets, "en", paper)


def test_a_set_mixing_small_and_large_networks_gives_every_sheet_two_pages():
    """Duplex: one student per sheet of paper, so a one-page sheet is followed by a blank page."""
    sheets = [*class_set(seed=3, count=2), largest_sheet(), *class_set(seed=9, count=1)]
    pages = _check_sheets(sheets, "zh", "a4")
    assert len(pages) == 8
    for blank in (1, 3, 7):
        assert WORDS["zh"]["title"] not in pages[blank] and len(pages[blank].split()) <= 3   # but for a page number
