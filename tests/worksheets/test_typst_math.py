"""The LaTeX → Typst math conversion: exact forms for the pieces, and every explanation the
engine writes, for every activation and loss, compiles."""
import itertools

import numpy as np
import pytest
import typst

from bpviz.engine import Network, NetworkError, step_sequence
from bpviz.engine.explanations import explain
from bpviz.engine.practice import pass_questions
from bpviz.worksheets.typst_math import latex_to_typst


@pytest.mark.parametrize("latex, expected", [
    (r"z^{(1)}_{0}", "z^(( 1 ))_(0)"),
    (r"w'^{(2)}_{jk}", "w'^(( 2 ))_(j k)"),                       # "jk" would be one unknown name in Typst
    (r"\frac{1}{1 + e^{-0.3775}}", "frac(1, 1 + e^(- 0.3775))"),
    (r"\max(0,\, z)", "max ( 0 comma thin z )"),                  # a comma never splits arguments
    (r"\left(-0.2\right) \cdot 0.5", "( - 0.2 ) dot.op 0.5"),
    (r"\begin{cases} z & z > 0 \\ 0.01\, z & z \le 0 \end{cases}", "cases(z & z > 0, 0.01 thin z & z <= 0)"),
    (r"1.5 \times 10^{-7}", "1.5 times 10^(- 7)"),
])
def test_pieces_convert_to_the_typst_forms(latex, expected):
    assert latex_to_typst(latex) == expected


def test_unknown_commands_and_unbalanced_braces_are_refused():
    for bad in (r"\sqrt{2}", "{a", "a}"):
        with pytest.raises(ValueError):
            latex_to_typst(bad)


def test_every_explanation_of_every_activation_and_loss_compiles():
    equations = []
    for hidden, output, loss in itertools.product(("sigmoid", "tanh", "relu", "leaky_relu", "linear"),
                                                  ("sigmoid", "softmax", "linear", "tanh"),
                                                  ("squared_error", "cross_entropy", "binary_cross_entropy")):
        try:
            net = Network.random((2, 2, 2), (hidden, output), loss, seed=3)
            steps = step_sequence(net, np.array([0.3, -0.2]), np.array([0.0, 1.0]), 0.5)
        except NetworkError:
            continue   # a pair the engine refuses (or whose loss is undefined here)
        for q in pass_questions(net.sizes):
            e = explain(steps[-1], q.quantity, q.layer, q.j, q.k)
            equations += [e.formula, e.substituted]
    assert len(equations) > 1000
    source = "#set page(width: 40cm, height: auto)\n" + "\n\n".join(f"${latex_to_typst(x)}$" for x in equations)
    assert typst.compile(source.encode()).startswith(b"%PDF")
