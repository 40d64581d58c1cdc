"""Typst source of worksheets and of their answer keys (pure text; compile with pdf.compile_pdf).

A `Sheet` is one problem (a `SharedNetwork`: network, example, η, biases
updated or kept) and the seed it came from (None: the learner's own network).
`worksheet_source` writes every sheet on its own pages: the network drawn with
its weights and biases, the parameters, the example and η, then a blank for
every number of one pass in the order of `pass_questions` (forward, loss,
backward, update). `key_source` writes, for the same sheets, each number as
formula, formula with numbers, and result to 10 significant digits — the
engine's own explanations (`explain`), so the key is the engine's arithmetic.

`text` is a string catalogue (bpviz.ui's EN or ZH: the "sheet.*" keys) and
sets the language. `tutorial` names a 2-2-2 sheet in the tutorial's notation (w1…w8,
h1, o1; bpviz.engine.names), as the class sees it on screen; other sheets keep layer names.
Text from the catalogue or the network goes into the
source as Typst string literals, never as markup.
"""
from dataclasses import dataclass

from bpviz.engine import SharedNetwork, explain, latex_number, names_for, step_sequence
from bpviz.engine.practice import pass_questions

from .drawing import network_drawing
from .typst_math import latex_to_typst

PAPERS = ("a4", "us-letter")
FONTS = ("Libertinus Serif", "WenQuanYi Micro Hei")   # Latin text, then CJK
RESULT_DIGITS = 10
SECTIONS = (("sheet.forward", ("z", "a")), ("sheet.loss", ("loss",)),
            ("sheet.backward", ("delta", "bias_grad", "weight_grad")), ("sheet.update", ("new_weight", "new_bias")))

# A line that ends in a lone backslash goes on in the next line (Python joins them); "\\" is Typst's line break.
PREAMBLE = """\
#set document(title: {title})
#set page(paper: "{paper}", margin: (x: 16mm, y: 14mm), numbering: "– 1 –")
#set text(font: {fonts}, size: 10pt, lang: "{lang}")
#set par(justify: false)
#show math.frac: it => math.display(it)   // full-size fractions in the answers' inline equations
#let blank(n, symbol) = box(width: 100%, inset: (y: 2.5mm))[#text(size: 8pt, fill: gray)[#n] #h(1mm) #symbol \
#h(1mm) $=$ #box(width: 30mm, stroke: (bottom: 0.5pt + black), height: 4mm)]
#let answer(n, formula, numbers, result) = block(breakable: false, spacing: 3.2mm)[#set par(leading: 1.1em); \
#text(size: 8pt, fill: gray)[#n] #h(1mm) #formula \\
#h(6mm) #numbers #h(1mm) $=$ *#result*]
"""


@dataclass(frozen=True)
class Sheet:
    """One worksheet: the problem and the seed that made it (None: not from a seed)."""
    problem: SharedNetwork
    seed: int | None = None


def worksheet_source(sheets, text, paper="a4", tutorial=False) -> str:
    """Typst source of the learners' sheets, one after another."""
    return _document(sheets, text, paper, "sheet.title", _worksheet_body, tutorial)


def key_source(sheets, text, paper="a4", tutorial=False) -> str:
    """Typst source of the answer keys of the same sheets."""
    return _document(sheets, text, paper, "sheet.key_title", _key_body, tutorial)


def _document(sheets, text, paper, title_key, body, tutorial=False):
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {PAPERS}, got {paper!r}")
    lang = "zh" if text.get("sheet.lang") == "zh" else "en"
    parts = [PREAMBLE.format(title=_string(text[title_key]), paper=paper, fonts=_fonts(), lang=lang)]
    for number, sheet in enumerate(sheets, 1):
        if number > 1:
            parts.append("#pagebreak()")
        parts.append("#counter(page).update(1)")   # pages numbered per sheet
        parts.append(_heading(sheet, number, text, title_key))
        parts.append(body(sheet, text, names_for(sheet.problem.network.sizes, tutorial)))
    return "\n".join(parts) + "\n"


def _heading(sheet, number, text, title_key):
    label = (text["sheet.number_seed"].format(number=number, seed=sheet.seed) if sheet.seed is not None
             else text["sheet.number_own"].format(number=number))
    return (f"#grid(columns: (1fr, auto), text(size: 15pt, weight: \"bold\", {_string(text[title_key])}), "
            f"text(size: 10pt, {_string(label)}))\n#v(1mm)")


def _worksheet_body(sheet, text, names):
    problem = sheet.problem
    steps = step_sequence(problem.network, problem.x, problem.y, problem.learning_rate,
                          update_biases=problem.update_biases)
    lines = [_say(text["sheet.name_line"]), "#v(2mm)", _description(problem, text),
             network_drawing(problem.network, problem.x, names), _parameters(problem.network, text, names),
             _say(text["sheet.instructions_tutorial" if names.tutorial else "sheet.instructions"])]
    for title_key, _quantities, questions in _sections(problem.network.sizes):
        lines.append(f"=== #{_string(text[title_key])}")
        cells = [f"blank({_string(str(n) + '.')}, "
                 f"{_math(explain(steps[-1], q.quantity, q.layer, q.j, q.k, names=names).symbol)})"
                 for n, q in questions]
        lines.append(f"#grid(columns: (1fr, 1fr, 1fr), {', '.join(cells)})")
    return "\n".join(lines)


def _key_body(sheet, text, names):
    problem = sheet.problem
    steps = step_sequence(problem.network, problem.x, problem.y, problem.learning_rate,
                          update_biases=problem.update_biases)
    lines = [_description(problem, text), _say(text["sheet.key_note"].format(digits=RESULT_DIGITS))]
    for title_key, _quantities, questions in _sections(problem.network.sizes):
        lines.append(f"=== #{_string(text[title_key])}")
        for n, q in questions:
            e = explain(steps[-1], q.quantity, q.layer, q.j, q.k, names=names)
            numbers = "[]" if e.repeats_result else _math(e.substituted)    # never "= 0.05 = 0.05"
            lines.append(f"#answer({_string(str(n) + '.')}, {_math(e.formula)}, {numbers}, "
                         f"{_string(format(e.value, f'.{RESULT_DIGITS}g'))})")
    return "\n".join(lines)


def _sections(sizes):
    """(title key, quantities, [(number, question)]) per section, numbered through the pass."""
    numbered = list(enumerate(pass_questions(sizes), 1))
    return [(title, quantities, [(n, q) for n, q in numbered if q.quantity in quantities])
            for title, quantities in SECTIONS]


def _description(problem, text):
    net = problem.network
    network = text["sheet.network"].format(layers="-".join(map(str, net.sizes)),
                                           activations=", ".join(net.activations), loss=net.loss)
    settings = text["sheet.settings"].format(
        x=_vector(problem.x), y=_vector(problem.y), eta=f"{problem.learning_rate:g}",
        biases=text["sheet.biases_updated" if problem.update_biases else "sheet.biases_kept"])
    return f"{_say(network)}\n\n{_say(settings)}\n"


def _parameters(net, text, names):
    """Every weight and bias as `symbol = value`, four to a row."""
    cells = []
    for l, (weights, biases) in enumerate(zip(net.weights, net.biases), 1):
        for j in range(weights.shape[0]):
            cells += [_math(rf"{names.weight(l, j, k)} = {latex_number(weights[j, k])}")
                      for k in range(weights.shape[1])]
            cells.append(_math(rf"{names.bias(l, j)} = {latex_number(biases[j])}"))
    return (f"#block(spacing: 2mm, strong({_string(text['sheet.parameters'])}))\n"
            f"#grid(columns: (1fr,) * 4, row-gutter: 4mm, {', '.join(cells)})\n#v(2mm)")


def _vector(values):
    return "(" + ", ".join(f"{v:g}" for v in values) + ")"


def _math(latex):
    return f"${latex_to_typst(latex)}$"


def _say(words):
    """A paragraph of plain text (never markup)."""
    return f"#{_string(words)}\n"


def _string(words):
    """A Typst string literal (backslash and quote escaped, control characters dropped)."""
    clean = "".join(c for c in str(words) if c >= " ").replace("\\", "\\\\").replace('"', '\\"')
    return f'"{clean}"'


def _fonts():
    return "(" + ", ".join(_string(font) for font in FONTS) + ")"
