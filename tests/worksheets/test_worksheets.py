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
from bpviz.engine.practice import pass_questions
from bpviz.engine.presets import preset
from bpviz.ui.strings.en import EN
from bpviz.ui.strings.zh import ZH
from bpviz.worksheets import Sheet, class_set, compile_pdf, friendly_problem, key_source, worksheet_source

NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e[-+]\d+)?")
FOOTER = re.compile(r"(?m)^– \d+ –$")      # the page numbers
ITEM = re.compile(r"(?m)^\d+\. ")          # each answer starts with its number
LANGUAGES = [pytest.param(EN, id="en"), pytest.param(ZH, id="zh")]


def _pdf_text(pdf):
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [page.extract_text().replace("\u2212", "-") for page in reader.pages]


def _key_results(sheets, text):
    """The result of every answer in the key's PDF, in order: an answer's last number."""
    pdf = compile_pdf(key_source(sheets, text), needs_cjk=text is ZH)
    whole = FOOTER.sub("", "\n".join(_pdf_text(pdf)))
    return [float(NUMBER.findall(answer)[-1])
            for sheet in whole.split(text["sheet.key_title"])[1:] for answer in ITEM.split(sheet)[1:]]


def _engine_values(problem):
    """Every number of one pass, from forward/backward/sgd_step directly, in pass_questions order."""
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
    return [float(values[q.quantity](q)) for q in pass_questions(net.sizes)]


def _assert_close_all(found, expected):
    assert len(found) == len(expected)
    for got, want in zip(found, expected):
        assert got == pytest.approx(want, rel=1e-9, abs=1e-12)   # 10 significant digits printed


def _worked_sheet():
    p = preset("worked_example")
    return Sheet(SharedNetwork(p.network, p.x, p.y, p.learning_rate, p.update_biases))


@pytest.mark.parametrize("text", LANGUAGES)
def test_the_worked_example_key_has_the_published_figures(text):
    results = _key_results([_worked_sheet()], text)
    questions = pass_questions((2, 2, 2))
    by_name = dict(zip(questions, results))
    published = {("loss", 2, 0, None): (0.298371109, 9), ("weight_grad", 2, 0, 0): (0.082167041, 9),
                 ("new_weight", 2, 0, 0): (0.35891648, 8), ("new_weight", 1, 0, 0): (0.149780716, 9)}
    for (quantity, layer, j, k), (figure, places) in published.items():
        value = next(v for q, v in by_name.items() if (q.quantity, q.layer, q.j, q.k) == (quantity, layer, j, k))
        assert round(value, places) == pytest.approx(figure, abs=1e-12)


@pytest.mark.parametrize("text", LANGUAGES)
def test_every_number_of_a_class_set_key_is_the_engines(text):
    sheets = class_set(seed=11, count=3)
    expected = [v for sheet in sheets for v in _engine_values(sheet.problem)]
    _assert_close_all(_key_results(sheets, text), expected)


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
    _assert_close_all(_key_results([Sheet(problem)], EN), _engine_values(problem))


@pytest.mark.parametrize("text", LANGUAGES)
def test_a_class_set_has_one_distinct_sheet_per_seed_each_with_its_seed_printed(text):
    count = 6
    pdf = compile_pdf(worksheet_source(class_set(seed=40, count=count), text), needs_cjk=text is ZH)
    whole = "\n".join(_pdf_text(pdf))
    title = text["sheet.title"]
    sheets = [part for part in whole.split(title)[1:]]
    assert len(sheets) == count
    for i, sheet in enumerate(sheets):
        assert text["sheet.number_seed"].format(number=i + 1, seed=40 + i) in sheet
    parameters = [sheet.split(text["sheet.parameters"])[1].split(text["sheet.forward"])[0] for sheet in sheets]
    assert len(set(parameters)) == count


def test_the_same_seed_gives_the_same_sheet_whatever_the_class_set():
    alone = _pdf_text(compile_pdf(worksheet_source(class_set(seed=7, count=1), EN)))
    third = _pdf_text(compile_pdf(worksheet_source(class_set(seed=5, count=3), EN)))
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


def test_text_goes_into_the_source_as_strings_never_as_markup():
    hostile = dict(EN, **{"sheet.title": '#sys.exit() *bold* $x$ "quote" \\ <label> @ref'})
    pdf = compile_pdf(worksheet_source(class_set(seed=1, count=1), hostile))
    assert '#sys.exit() *bold* $x$ "quote" \\ <label> @ref' in _pdf_text(pdf)[0]


def test_letter_paper_is_letter_sized():
    pdf = compile_pdf(worksheet_source(class_set(seed=1, count=1), EN, paper="us-letter"))
    box = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)   # 8.5 × 11 in at 72 pt/in
