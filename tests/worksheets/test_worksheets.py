"""Worksheets and answer keys, read back from the PDF itself (pypdf's text extraction).

The key's numbers are compared with the engine's forward/backward pass on
random networks, and for the worked-example sheet with the published figures
(E = 0.298371109, ∂E/∂w5 = 0.082167041, new w5 = 0.35891648, new w1 = 0.149780716)."""
import io
import re

import numpy as np
import pypdf
import pytest

from bpviz.engine import Network, SharedNetwork, backward, forward, sgd_step
from bpviz.engine.presets import preset
from bpviz.worksheets import (
    Sheet,
    class_set,
    compile_pdf,
    friendly_problem,
    sheet_questions,
    sheets_pdf,
    worksheet_source,
)
from bpviz.worksheets import words as words_module
from bpviz.worksheets.words import WORDS

from .pdfs import pages_text

NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e[-+]\d+)?")
FOOTER = re.compile(r"(?m)^– \d+ –$")      # the page numbers
ITEM = re.compile(r"(?m)^\d+\. ")          # each answer starts with its number
LANGUAGES = ["en", "zh"]


def _key_results(sheets, language):
    """The result of every answer in the key's PDF, in order: an answer's last number."""
    pdf = sheets_pdf(sheets, language, key=True)
    whole = FOOTER.sub("", "\n".join(pages_text(pdf)))
    title = WORDS[language]["key_title"]
    sheets_text = [part for part in whole.split(title)[1:] if ITEM.search(part)]   # a second page repeats the title
    return [float(NUMBER.findall(answer)[-1]) for sheet in sheets_text for answer in ITEM.split(sheet)[1:]]


def _engine_values(problem):
    """Every number a sheet asks, from forward/backward/sgd_step directly, in sheet_questions order."""
    net, x, y = problem.network, np.array(problem.x), np.array(problem.y)
    trace = forward(net, x)
    grads = backward(net, trace, y)
    new = sgd_step(net, grads, problem.learning_rate, problem.update_biases)
    values = {"z": lambda q: trace.preactivations[q.layer - 1][0, q.j],
              "a": lambda q: trace.activations[q.layer][0, q.j],
              "loss": lambda q: grads.loss,
              "delta": lambda q: grads.deltas[q.layer - 1][0, q.j],
              "bias_grad": lambda q: grads.biases[q.layer - 1][q.j],
              "weight_grad": lambda q: grads.weights[q.layer - 1][q.j, q.k],
              "new_weight": lambda q: new.weights[q.layer - 1][q.j, q.k],
              "new_bias": lambda q: new.biases[q.layer - 1][q.j]}
    return [float(values[q.quantity](q)) for q in sheet_questions(net.sizes)]


def _assert_close_all(found, expected):
    assert len(found) == len(expected)
    for got, want in zip(found, expected):
        assert got == pytest.approx(want, rel=1e-9, abs=1e-12)   # 10 significant digits printed


def _worked_sheet():
    p = preset("worked_example")
    return Sheet(SharedNetwork(p.network, p.x, p.y, p.learning_rate, p.update_biases))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_worked_example_key_has_the_published_figures(language):
    results = _key_results([_worked_sheet()], language)
    questions = sheet_questions((2, 2, 2))
    by_name = dict(zip(questions, results))
    published = {("loss", 2, 0, None): (0.298371109, 9), ("weight_grad", 2, 0, 0): (0.082167041, 9),
                 ("new_weight", 2, 0, 0): (0.35891648, 8), ("new_weight", 1, 0, 0): (0.149780716, 9)}
    for (quantity, layer, j, k), (figure, places) in published.items():
        value = next(v for q, v in by_name.items() if (q.quantity, q.layer, q.j, q.k) == (quantity, layer, j, k))
        assert round(value, places) == pytest.approx(figure, abs=1e-12)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_number_of_a_class_set_key_is_the_engines(language):
    sheets = class_set(seed=11, count=3)
    expected = [v for sheet in sheets for v in _engine_values(sheet.problem)]
    _assert_close_all(_key_results(sheets, language), expected)


def test_every_number_of_a_focused_key_is_the_engines():
    """The largest network's sheet asks for the last layers only; its key answers exactly those."""
    sizes = (10,) * 8
    net = Network.random(sizes, ("tanh",) * 6 + ("sigmoid",), "binary_cross_entropy", seed=5)
    problem = SharedNetwork(net, tuple(np.linspace(-1, 1, 10)), (0.0, 1.0) * 5, 0.1, True)
    assert len(sheet_questions(sizes)) < 80
    _assert_close_all(_key_results([Sheet(problem)], "en"), _engine_values(problem))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_keys_of_random_networks_of_any_activation_and_loss_match_the_engine(seed):
    rng = np.random.default_rng(seed)
    sizes = (int(rng.integers(1, 4)), int(rng.integers(1, 4)), int(rng.integers(2, 4)))
    hidden = ("sigmoid", "tanh", "relu")[seed]
    output, loss = (("softmax", "cross_entropy"), ("sigmoid", "binary_cross_entropy"),
                    ("linear", "squared_error"))[seed]
    net = Network.random(sizes, (hidden, output), loss, seed=seed)
    y = np.zeros(sizes[-1])
    y[0] = 1.0
    problem = SharedNetwork(net, tuple(rng.uniform(-1, 1, sizes[0])), tuple(y), 0.3, bool(seed % 2))
    _assert_close_all(_key_results([Sheet(problem)], "en"), _engine_values(problem))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_class_set_has_one_distinct_sheet_per_seed_each_with_its_seed_printed(language):
    count = 6
    text = WORDS[language]
    pages = pages_text(sheets_pdf(class_set(seed=40, count=count), language))
    assert len(pages) == count
    for i, page in enumerate(pages):
        assert page.startswith(text["title"])
        assert text["number_seed"].format(number=i + 1, seed=40 + i) in page
    parameters = [page.split(text["parameters"])[1].split(text["forward"])[0] for page in pages]
    assert len(set(parameters)) == count


def test_the_same_seed_gives_the_same_sheet_whatever_the_class_set():
    alone = pages_text(sheets_pdf(class_set(seed=7, count=1)))
    third = pages_text(sheets_pdf(class_set(seed=5, count=3)))
    first_page = next(page for page in third if "seed 7" in page)
    assert alone[0].replace("Sheet 1 ", "Sheet 3 ") == first_page
    assert friendly_problem(7) == friendly_problem(7)


def test_friendly_problems_are_small_sigmoid_networks_with_round_numbers():
    for seed in range(40):
        problem = friendly_problem(seed)
        net = problem.network
        assert len(net.sizes) == 3 and max(net.sizes) <= 3
        for array in (*net.weights, *net.biases, np.array(problem.x)):
            assert np.allclose(array * 20, np.round(array * 20))   # steps of 0.05
        assert all(w != 0 for w in np.concatenate([w.ravel() for w in net.weights]))


def test_text_goes_into_the_source_as_strings_never_as_markup(monkeypatch):
    hostile = '#sys.exit() *bold* $x$ "quote" \\ <label> @ref'
    monkeypatch.setattr(words_module, "WORDS", {"en": dict(WORDS["en"], title=hostile)})
    pdf = compile_pdf(worksheet_source(class_set(seed=1, count=1), "en"))
    assert hostile in pages_text(pdf)[0]


def test_letter_paper_is_letter_sized():
    pdf = sheets_pdf(class_set(seed=1, count=1), paper="us-letter")
    box = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)   # 8.5 × 11 in at 72 pt/in


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_sheet_in_tutorial_names_uses_them_throughout(language):
    """The class sees w1…w8, h1, o1: the sheet and its key name everything so, and no layer names."""
    sheets = [Sheet(preset("worked_example"))]
    sheet = "\n".join(pages_text(sheets_pdf(sheets, language, tutorial=True)))
    key = "\n".join(pages_text(sheets_pdf(sheets, language, key=True, tutorial=True)))
    for words in (sheet, key):
        assert "(1)" not in words and "(2)" not in words      # no w⁽ˡ⁾ⱼₖ anywhere
    packed = sheet.replace(" ", "")   # pypdf's spaces inside a formula depend on the layout
    assert "𝑤5=0.4" in packed and "𝑏1(ℎ1)=0.35" in packed and "𝑎ℎ1" in packed
    assert "0.082167041" in key and "𝑤5" in key             # ∂E/∂w5, the tutorial's number
    layer_sheet = "\n".join(pages_text(sheets_pdf(sheets, language)))
    assert "𝑤5" not in layer_sheet and "(2)" in layer_sheet
