"""Reader's words: the text of every sheet and key (read from the PDF) names activations, losses
and quantities in the sheet's language, never with a code name such as squared_error."""
import re

import numpy as np
import pytest

from bpviz.engine import NetworkError, forward, step_sequence
from bpviz.worksheets import class_set, sheets_pdf
from bpviz.worksheets.words import WORDS

from .pdfs import largest_sheet, pages_text, random_sheet

IDENTIFIER = re.compile(r"[A-Za-z]+_[A-Za-z_]+")
# Every activation and every loss at least once (hidden, output, loss).
PAIRS = (("sigmoid", "softmax", "cross_entropy"), ("tanh", "sigmoid", "binary_cross_entropy"),
         ("relu", "linear", "squared_error"), ("leaky_relu", "sigmoid", "squared_error"),
         ("linear", "softmax", "cross_entropy"))


def _sheets_of_every_activation_and_loss():
    sheets = []
    for seed, (hidden, output, loss) in enumerate(PAIRS):
        for attempt in range(20):   # a seed whose loss is defined for its output
            sheet = random_sheet((2, 2, 2), 100 * seed + attempt, (hidden, output), loss)
            p = sheet.problem
            try:
                step_sequence(p.network, p.x, p.y, p.learning_rate, update_biases=p.update_biases)
            except NetworkError:
                continue
            sheets.append(sheet)
            break
    return sheets


@pytest.mark.parametrize("language", ["en", "zh"])
def test_no_sheet_or_key_prints_a_code_name(language):
    sheets = _sheets_of_every_activation_and_loss() + [largest_sheet()] + list(class_set(1, 2))
    assert len(sheets) == len(PAIRS) + 3
    losses, activations = {s.problem.network.loss for s in sheets}, {a for s in sheets
                                                                      for a in s.problem.network.activations}
    assert len(losses) == 3 and len(activations) == 6
    text = WORDS[language]
    for key in (False, True):
        whole = "\n".join(pages_text(sheets_pdf(sheets, language, key=key, prefilled=True,
                                                app_url="http://localhost:8501")))
        assert IDENTIFIER.findall(whole) == []
        for name in losses:
            assert text[f"loss.{name}"] in whole
        for name in activations:
            assert text[f"activation.{name}"] in whole


def test_the_loss_and_the_activation_are_written_as_formulas():
    whole = pages_text(sheets_pdf(class_set(1, 1)))[0]
    assert "squared error" in whole and "𝐸=" in whole.replace(" ", "")   # E = ½ Σ … typeset as math
    assert "𝜎(𝑧)=" in whole.replace(" ", "")


def test_prefilled_sheets_print_the_forward_values_and_plain_ones_do_not():
    sheet = class_set(4, 1)
    plain, filled = (pages_text(sheets_pdf(sheet, prefilled=p))[0] for p in (False, True))
    problem = sheet[0].problem
    trace = forward(problem.network, np.array(problem.x))
    values = [format(float(v), ".6g") for layer in trace.activations[1:] for v in layer[0]]
    values += [format(float(v), ".6g") for layer in trace.preactivations for v in layer[0]]
    for value in values:
        assert value in filled and value not in plain
    assert WORDS["en"]["prefilled_note"] in filled
