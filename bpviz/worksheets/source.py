"""Typst source of worksheets and of their answer keys (pure text; compile with pdf.compile_pdf).

A `Sheet` is one problem (a `SharedNetwork`: network, example, η, biases
updated or kept) and the seed it came from (None: the learner's own network).

Pages. `worksheet_source` gives every sheet the pages `plan.sheet_pages` says
(1, or 2 for a focused sheet); a set takes the most any of its sheets needs,
and a shorter sheet is followed by a blank page, so that duplex printing
keeps one student per sheet of paper. Each page's content is scaled down to
the page if it would not fit (`fit`), so a sheet never spills onto another
page; the scale is recorded as metadata labelled <fit> (tests read it with
typst.query). `key_source` starts each sheet's key on a fresh page and gives
it one page, or two (split between sections or layers where the fuller page is least full)
for more than KEY_ONE_PAGE_ROWS rows of answers (a wide answer counts for more).

A sheet: the network drawn with its weights and biases, described in words
and formulas, the example and η, then a blank for every value of
`plan.sheet_questions` (forward, loss, backward, update), numbered in pass
order; optionally the forward values already filled in, and a QR code of the
share link to the same problem. The key gives each value as formula, formula
with numbers and result to RESULT_DIGITS significant digits: the engine's own
explanations (`explain`), so the key is the engine's arithmetic.

Notation. `tutorial` names a 2-2-2 sheet in the tutorial's notation (i1, h1, o1,
w1…w8, b1 b2; bpviz.engine.names), as the class sees it on screen; other sheets
keep layer names. The drawing, the parameters, every blank and every answer use
the sheet's `Names`.

Every text goes into the source as a Typst string literal, never as markup.
"""
from dataclasses import dataclass

from bpviz.engine import LAYER_NAMES, SharedNetwork, explain, latex_number, names_for, step_sequence
from bpviz.engine.explanation_terms import loss_term

from .drawing import network_drawing, network_layout
from .pdf import FAMILIES
from .plan import given_layer, is_focused, sheet_pages, sheet_questions
from .qr import qr_svg, share_link
from .typst_math import latex_to_typst
from .words import ACTIVATION_FORMULAS, words

PAPERS = ("a4", "us-letter")
RESULT_DIGITS = 10
GIVEN_DIGITS = 6
WIDE_ANSWER = 150         # LaTeX characters of formula and numbers past which an answer takes the key's width
KEY_ONE_PAGE_ROWS = 20   # rows of two answers a key prints on one page (a wide answer counts more); more take two
PLAIN_MOST_QUESTIONS = 56   # a sheet asking more may need scaling to fit its page
PLAIN_KEY_ROWS = {"a4": 20.5, "us-letter": 19}   # a key page of more rows may need scaling to fit
QR_SIZE = 24   # mm
BLANK_COLUMNS = 5
SECTIONS = (("forward", ("z", "a")), ("loss", ("loss",)), ("backward", ("delta", "bias_grad", "weight_grad")),
            ("update", ("new_weight", "new_bias")))
MARGIN_X, MARGIN_Y = 15, 12   # mm

# `body` scaled down (never up) to the space left on the page; the scale goes into <fit>.
FIT = """\
#let fit(body) = layout(size => {
  let natural = measure(block(width: size.width, body)).height
  let f = calc.min(1, size.height / natural)
  [#metadata(f) <fit>]
  if f >= 1 { block(width: size.width, body) } else {
    scale(f * 100%, reflow: true, origin: top + left, block(width: size.width / f, body))
  }
})
"""
PAGES_LINE = "// bpviz pages: {pages}\n"   # the page count a source gives when everything fits

PREAMBLE = """\
#set document(title: {title})
#set page(paper: "{paper}", margin: (x: {mx}mm, y: {my}mm), numbering: {numbering})
#set text(font: {fonts}, size: 9.5pt, lang: "{lang}")
#set par(justify: false, leading: 0.55em)
{fit}#let heading-line(words) = block(above: 2.6mm, below: 1.6mm, text(weight: "bold", size: 10pt, words))
#let number(n) = text(size: 7pt, fill: gray, n)
// A blank to write a value in (`value` none), or the value filled in; ∂E/∂w is written on one line.
#let blank(n, symbol, value: none) = box(width: 100%, height: 7.4mm, inset: (top: 2.2mm))[\
#show math.frac: it => $#it.num \\/ #it.denom$
#number(n) #h(0.5mm) #symbol #h(0.8mm) $=$ #if value == none [#box(width: 1fr, \
stroke: (bottom: 0.5pt + black), height: 3.6mm)#h(3mm)] else [#box(fill: luma(235), inset: (x: 1.2mm, \
y: 0.8mm), value)]]
#let answer(n, formula, numbers, result) = block(breakable: false, inset: (y: 0.8mm))[#number(n) #h(0.5mm) \
#formula \\
#h(4mm) #numbers #h(0.5mm) $=$ *#result*]
"""


@dataclass(frozen=True)
class Sheet:
    """One worksheet: the problem and the seed that made it (None: not from a seed)."""
    problem: SharedNetwork
    seed: int | None = None


def worksheet_source(sheets, language="en", paper="a4", prefilled=False, app_url=None, fit=True,
                     tutorial=False, quiz=False) -> str:
    """Typst source of the learners' sheets. `prefilled`: the forward pass's values are printed
    in their blanks (an easier sheet; focused sheets give their inputs anyway). `app_url`: the
    app's address; each sheet then carries a QR code of its problem's share link. `fit` False:
    only pages likely to need it are scaled to fit (faster: check against `expected_pages`).
    `tutorial`: 2-2-2 sheets in the tutorial's names (see the module note); the QR codes' links
    open the app in the same names, and in quiz mode if `quiz` (the session that made them is in it)."""
    text = words(language)
    pages = max(sheet_pages(sheet.problem.network.sizes) for sheet in sheets)
    mixed = any(sheet_pages(sheet.problem.network.sizes) < pages for sheet in sheets)
    # a spill onto a blank back page would not change the count: a mixed set always fits its pages
    expected = "?" if mixed else pages * len(sheets)
    parts = [_preamble(text["title"], paper, language, pages == 2, expected)]
    for number, sheet in enumerate(sheets, 1):
        if number > 1:
            parts.append('#pagebreak(to: "odd")' if pages == 2 else "#pagebreak()")
        parts.append("#counter(page).update(1)")
        parts.append(_worksheet(sheet, number, text, language, prefilled, app_url, fit or mixed,
                                names_for(sheet.problem.network.sizes, tutorial), quiz))
    if sheet_pages(sheets[-1].problem.network.sizes) < pages:
        parts.append("#pagebreak()")   # the last sheet's blank back page
    return "\n".join(parts) + "\n"


def key_source(sheets, language="en", paper="a4", fit=True, tutorial=False) -> str:
    """Typst source of the answer keys of the same sheets, each from a fresh page, in the same
    notation (`tutorial`) as their sheets."""
    text = words(language)
    most = float("-inf") if fit else PLAIN_KEY_ROWS.get(paper, 0)   # rows a page holds unscaled
    keys = [_key(sheet, number, text, most, names_for(sheet.problem.network.sizes, tutorial))
            for number, sheet in enumerate(sheets, 1)]
    parts = [_preamble(text["key_title"], paper, language, True, sum(pages for _, pages in keys))]
    for number, (code, _) in enumerate(keys, 1):
        if number > 1:
            parts.append("#pagebreak()")
        parts.append("#counter(page).update(1)")
        parts.append(code)
    return "\n".join(parts) + "\n"


def expected_pages(source) -> int | None:
    """The page count `source` gives if every page's content fits (None: not known in advance)."""
    first = source.split("\n", 1)[0]
    count = first.removeprefix(PAGES_LINE.split("{")[0])
    return int(count) if first != count and count.isdigit() else None


def _preamble(title, paper, language, two_pages, pages):
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {', '.join(PAPERS)}, got {paper!r}")
    return PAGES_LINE.format(pages=pages) + PREAMBLE.format(
        title=_string(title), paper=paper, mx=MARGIN_X, my=MARGIN_Y, lang=language,
        fonts="(" + ", ".join(_string(f) for f in FAMILIES) + ")", numbering='"– 1 –"' if two_pages else "none",
        fit=FIT)


def _steps(problem):
    return step_sequence(problem.network, problem.x, problem.y, problem.learning_rate,
                         update_biases=problem.update_biases)


def _heading(sheet, number, text, title, qr=None, below=()):
    """Title and sheet number, then the `below` items, with the QR code on their right if `qr`
    (link, SVG) is given; the link is recorded as metadata labelled <qr>."""
    label = (text["number_seed"].format(number=number, seed=sheet.seed) if sheet.seed is not None
             else text["number_own"].format(number=number))
    left = (f"[#text(size: 15pt, weight: \"bold\", {_string(title)}) #h(1fr) #text(size: 9.5pt, {_string(label)})\n"
            + "".join(f"#{item}\n" for item in below) + "]")
    if qr is None:
        return f"grid(columns: (1fr,), {left})"
    link, svg = qr
    right = (f"[#image(bytes({_string(svg)}), format: \"svg\", width: {QR_SIZE}mm) #v(-1.5mm) "
             f"#text(size: 6pt, {_string(text['qr_note'])}) #metadata({_string(link)}) <qr>]")
    return f"grid(columns: (1fr, {QR_SIZE}mm), column-gutter: 4mm, {left}, {right})"


def _page(items, fit):
    """One page's content: scaled to fit the page (`fit`), or as it is."""
    return f"#fit({_content(items)})" if fit else f"#block(width: 100%, {_content(items)})"


def _worksheet(sheet, number, text, language, prefilled, app_url, fit, names=LAYER_NAMES, quiz=False):
    problem = sheet.problem
    net = problem.network
    steps = _steps(problem)
    focused = is_focused(net.sizes)
    link = share_link(app_url, problem, language, quiz, names.tutorial) if app_url else None
    qr = (link, qr_svg(link)) if link and qr_svg(link) else None
    below = ["v(1mm)", _say(text["name_line"]), "v(1.5mm)", _description(problem, text, names)]
    top = [_heading(sheet, number, text, text["title"], qr, below),
           network_drawing(network_layout(net, problem.x, names))]
    if focused:
        top += [_given(steps[-1], problem, text), _parameters(net, text, last_only=True)]
    else:
        top.append(_parameters(net, text, names=names))
    top.append(_instructions(text, names))
    if focused:
        top.append(_say(text["focus_note"].format(hidden=given_layer(net.sizes))))
    elif prefilled:
        top.append(_say(text["prefilled_note"]))
    blanks = []
    for key, questions in _sections(net.sizes):
        cells = []
        for n, q in questions:
            e = explain(steps[-1], q.quantity, q.layer, q.j, q.k, names=names)
            if prefilled and key == "forward" and not focused:
                cells.append(f"blank({_string(f'{n}.')}, {_math(e.symbol)}, "
                             f"value: {_string(_significant(e.value, GIVEN_DIGITS))})")
            else:
                cells.append(f"blank({_string(f'{n}.')}, {_math(e.symbol)})")
        blanks.append(f"heading-line({_string(text[key])})")
        columns = BLANK_COLUMNS - (key == "backward")   # ∂E/∂w takes room
        blanks.append(f"grid(columns: (1fr,) * {columns}, column-gutter: 2mm, {', '.join(cells)})")
    if focused:
        second = [_heading(sheet, number, text, text["title"])] + blanks
        return f"#fit({_content(top)})\n#pagebreak()\n#fit({_content(second)})"
    return _page(top + blanks, fit or len(sheet_questions(net.sizes)) > PLAIN_MOST_QUESTIONS)


def _key(sheet, number, text, plain_rows, names=LAYER_NAMES):
    """(Typst code of one sheet's key, its pages); a page of more than `plain_rows` rows of answers
    is scaled to fit."""
    problem = sheet.problem
    steps = _steps(problem)
    head = ["set text(size: 9pt)", _heading(sheet, number, text, text["key_title"]), _description(problem, text, names),
            _say(text["key_note"].format(digits=RESULT_DIGITS))]
    sections = []   # (Typst code items, rows of answers) per section and layer: the places a key may split
    for key, questions in _sections(problem.network.sizes):
        layers = sorted({q.layer for _, q in questions}, reverse=key == "backward")
        for index, layer in enumerate(layers):
            items, rows = _answers(steps[-1], [(n, q) for n, q in questions if q.layer == layer], names)
            sections.append(([f"heading-line({_string(text[key])})"] * (index == 0) + items, rows))
    total = sum(rows for _, rows in sections)
    if total <= KEY_ONE_PAGE_ROWS:
        return _page(head + [item for items, _ in sections for item in items], total > plain_rows), 1
    # two pages, split between sections (or layers) where the fuller page is least full
    split = min(range(1, len(sections)), key=lambda i: max(sum(r for _, r in sections[:i]),
                                                          sum(r for _, r in sections[i:])))
    pages = [(items, sum(r for _, r in part)) for part in (sections[:split], sections[split:])
             for items in [[item for section, _ in part for item in section]]]
    first, second = head + pages[0][0], [_heading(sheet, number, text, text["key_title"])] + pages[1][0]
    return (_page(first, pages[0][1] > plain_rows) + "\n#pagebreak()\n"
            + _page(second, pages[1][1] > plain_rows)), 2


def _answers(step, questions, names=LAYER_NAMES):
    """([the Typst grid of these answers], its rows): two answers a row, a long one across both."""
    answers, column, rows = [], 0, 0.0   # column: the grid column the next answer falls in
    for n, q in questions:
        e = explain(step, q.quantity, q.layer, q.j, q.k, names=names)
        numbers = "[]" if e.repeats_result else _math(e.substituted)    # never "= 0.05 = 0.05"
        answer = (f"answer({_string(f'{n}.')}, {_math(e.formula)}, "
                  f"{numbers}, {_string(_significant(e.value, RESULT_DIGITS))})")
        size = len(e.formula) + (0 if e.repeats_result else len(e.substituted))
        if size > WIDE_ANSWER:
            answers += ["[]"] * column + [f"grid.cell(colspan: 2, {answer})"]
            rows += column * 0.5 + size / WIDE_ANSWER
            column = 0
        else:
            answers.append(answer)
            rows += 0.5
            column = 1 - column
    return [f"grid(columns: (1fr, 1fr), column-gutter: 5mm, {', '.join(answers)})"], rows + column * 0.5


def _sections(sizes):
    """(words key, [(number, question)]) per section, numbered through the pass."""
    numbered = list(enumerate(sheet_questions(sizes), 1))
    return [(key, [(n, q) for n, q in numbered if q.quantity in quantities]) for key, quantities in SECTIONS]


def _description(problem, text, names=LAYER_NAMES):
    """The network, its activations and loss in words and formulas (the loss in `names`), and the example."""
    net = problem.network
    runs = []   # (first layer, last layer, activation) of consecutive layers alike
    for l, name in enumerate(net.activations, 1):
        if runs and runs[-1][2] == name:
            runs[-1][1] = l
        else:
            runs.append([l, l, name])
    activations = []
    for first, last, name in runs:
        layers = str(first) if first == last else f"{first}–{last}"
        words_key = "layer_activation" if first == last else "layers_activation"
        activations.append(f"{_string(text[words_key].format(layers=layers, name=text['activation.' + name]))} "
                           f"+ h(1mm) + {_display(ACTIVATION_FORMULAS[name])}")
    last = len(net.sizes) - 1
    loss_formula = "E = " + loss_term(net.loss, last, [0.0] * net.sizes[-1], [0.5] * net.sizes[-1], names)[0]
    example = text["example"].format(
        x=_vector(problem.x), y=_vector(problem.y), eta=f"{problem.learning_rate:g}",
        biases=text["biases_updated" if problem.update_biases else "biases_kept"])
    network = _string(text["network"].format(layers="-".join(map(str, net.sizes))))
    lines = [f"#{network}", f"#strong({_string(text['activation_heading'])}): "
             + " #h(3mm) ".join(f"#({a})" for a in activations),
             f"#strong({_string(text['loss_heading'])}): #{_string(text['loss.' + net.loss])} #h(1mm) "
             f"{_display(loss_formula)}", f"#{_string(example)}"]
    # line boxes as tall as what is on them: the display fractions would reach into the next line
    return ("stack(spacing: 1.4mm, " + ", ".join(f'[#set text(top-edge: "bounds", bottom-edge: "bounds"); {line}]'
                                                   for line in lines) + ")")


def _given(step, problem, text):
    """The values of the given layer (its z and a, or the input x) in a table, GIVEN_DIGITS digits."""
    net = problem.network
    l = given_layer(net.sizes)
    columns = ("a",) if l == 0 else ("z", "a")
    header = [_string(text["neuron"])] + [_math(r"x_{j}" if l == 0 else rf"{c}^{{({l})}}_{{j}}") for c in columns]
    cells = list(header)
    for j in range(net.sizes[l]):
        cells.append(_string(str(j)))
        values = [explain(step, c, l, j).value for c in columns] if l else [problem.x[j]]
        cells += [_string(_significant(v, GIVEN_DIGITS)) for v in values]
    return (f"{{block(spacing: 2mm, strong({_string(text['given'])}))\n"
            f"table(columns: {len(header)}, inset: (x: 2mm, y: 1.2mm), stroke: 0.4pt + gray, {', '.join(cells)})}}")


def _parameters(net, text, last_only=False, names=LAYER_NAMES):
    """Every weight and bias as `symbol = value`, one row per neuron: its incoming weights, then
    its bias. Focused: the last layer's only, as a table (row j, column k)."""
    layers = list(enumerate(zip(net.weights, net.biases), 1))
    title = f"block(spacing: 1.6mm, strong({_string(text['parameters'])}))"
    if last_only:
        l, (weights, biases) = layers[-1]
        header = ['[j]'] + [_math(rf"w^{{({l})}}_{{j{k}}}") for k in range(weights.shape[1])] + \
            [_math(rf"b^{{({l})}}_{{j}}")]
        cells = list(header)
        for j in range(weights.shape[0]):
            cells += [f"[{j}]"] + [_string(_number(v)) for v in weights[j]] + [_string(_number(biases[j]))]
        return (f"{{{title}\ntext(size: 7pt, table(columns: {len(header)}, align: right, inset: (x: 1mm, y: 0.9mm), "
                f"stroke: 0.3pt + gray, {', '.join(cells)}))}}")
    columns = max(weights.shape[1] for _, (weights, _) in layers) + 1
    cells = []
    for l, (weights, biases) in layers:
        for j in range(weights.shape[0]):
            cells += [_math(rf"{names.weight(l, j, k)} = {latex_number(weights[j, k])}")
                      for k in range(weights.shape[1])]
            cells += ["[]"] * (columns - 1 - weights.shape[1])
            cells.append(_math(rf"{names.bias(l, j)} = {latex_number(biases[j])}"))
    return f"{{{title}\ngrid(columns: (1fr,) * {max(columns, 4)}, row-gutter: 2.2mm, {', '.join(cells)})}}"


def _number(value):
    """A parameter as the sheet prints it (the engine's digits, with a real minus sign)."""
    return latex_number(value).replace("-", "\u2212")


def _instructions(text, names=LAYER_NAMES):
    """How the sheet names things: layer numbering and w^(l)_jk, or the tutorial's names."""
    weight = _math(r"w^{(l)}_{jk}")
    delta = _math(r"\delta = \frac{\partial E}{\partial z}")
    if names.tutorial:
        before, after = text["instructions_tutorial"].split("{delta}")
        return f"block(above: 2.6mm, [#{_string(before)}#{delta}#{_string(after)}])"
    before, rest = text["instructions"].split("{weight}")
    middle, after = rest.split("{delta}")
    return f"block(above: 2.6mm, [#{_string(before)}#{weight}#{_string(middle)}#{delta}#{_string(after)}])"


def _content(items):
    """A Typst content block of code items (each an expression), one per paragraph."""
    return "[\n" + "\n".join(f"#{item}" for item in items) + "\n]"


def _significant(value, digits):
    return format(float(value), f".{digits}g").replace("-", "\u2212")


def _vector(values):
    return "(" + ", ".join(f"{v:g}" for v in values) + ")"


def _math(latex):
    return f"${latex_to_typst(latex)}$"


def _display(latex):
    """Math in running text, with full-size fractions."""
    return f"$display({latex_to_typst(latex)})$"


def _say(words):
    """A paragraph of plain text (never markup)."""
    return f"par({_string(words)})"


def _string(words):
    """A Typst string literal (backslash and quote escaped, control characters dropped)."""
    clean = "".join(c for c in str(words) if c >= " ").replace("\\", "\\\\").replace('"', '\\"')
    return f'"{clean}"'
