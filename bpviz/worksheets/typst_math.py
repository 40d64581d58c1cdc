"""The LaTeX of bpviz's explanations, written as Typst math.

Covers exactly the subset `bpviz.engine.explanations` produces: groups,
^ and _ scripts, primes, \\frac, \\mathbb, \\mathrm, a cases environment, the
Greek letters and operators it uses, and sizing commands (\\big, \\left, …),
which Typst does not need (its delimiters grow by themselves). Each letter is
its own token (Typst reads "jk" as one name); commas become `comma` so that
they never split a function's arguments.

    latex_to_typst(r"\\frac{1}{1 + e^{-z^{(1)}_{0}}}")  ->  "frac(1 , 1 + e^(- z^((1))_(0)))"
"""
WORDS = {"cdot": "dot.op", "delta": "delta", "eta": "eta", "sigma": "sigma", "partial": "partial", "sum": "sum",
         "ln": "ln", "max": "max", "tanh": "tanh", "dots": "dots.h", "infty": "infinity", "le": "<=",
         "times": "times", "quad": "quad", ",": "thin", ";": "med"}
SIZING = {"big", "Big", "bigg", "Bigg", "left", "right"}
ATTACHED = {"^", "_"}


def latex_to_typst(latex):
    """Typst math (without the $ delimiters) for one LaTeX math expression."""
    nodes, end = _parse(latex, 0)
    if end != len(latex):
        raise ValueError(f"unbalanced braces in {latex!r}")
    return _convert(nodes)


def _parse(text, i):
    """Tokens up to the matching '}' (or the end): strings, with nested lists for {groups}."""
    nodes = []
    while i < len(text):
        c = text[i]
        if c == "}":
            return nodes, i
        if c == "{":
            group, i = _parse(text, i + 1)
            if i >= len(text):
                raise ValueError(f"unbalanced braces in {text!r}")
            nodes.append(group)
            i += 1
        elif c == "\\":
            j = i + 1
            while j < len(text) and text[j].isalpha():
                j += 1
            j = max(j, i + 2)   # a one-character command: \, \; \\
            nodes.append(text[i:j])
            i = j
        elif c.isdigit() or c == ".":
            j = i
            while j < len(text) and (text[j].isdigit() or text[j] == "."):
                j += 1
            nodes.append(text[i:j])
            i = j
        elif c.isspace():
            i += 1
        else:
            nodes.append(c)
            i += 1
    return nodes, i


def _argument(node):
    return _convert(node) if isinstance(node, list) else _convert([node])


# Commands that take arguments: how many, and their Typst form.
COMMANDS = {
    r"\frac": (2, lambda top, bottom: f"frac({_argument(top)}, {_argument(bottom)})"),
    r"\mathbb": (1, lambda letter: f"bb({_argument(letter)})"),
    r"\mathrm": (1, lambda word: f'upright("{_plain(word)}")'),
}


def _convert(nodes):
    atoms = []
    i = 0
    while i < len(nodes):
        node = nodes[i]
        i += 1
        if isinstance(node, list):
            atoms.append(_convert(node))
        elif node in ATTACHED or node == "'":
            i = _attach(atoms, node, nodes, i)
        elif node in COMMANDS:
            count, form = COMMANDS[node]
            atoms.append(form(*nodes[i:i + count]))
            i += count
        elif node == r"\begin":
            rows, i = _cases(nodes, i + 1)   # after {cases}
            atoms.append(f"cases({', '.join(rows)})")
        else:
            atoms += _symbol(node)
    return " ".join(atoms)


def _attach(atoms, node, nodes, i):
    """Attach a prime, or a sub- or superscript (its argument at nodes[i]), to the last atom;
    the index after what was used."""
    if node == "'":
        text = "'"
    else:
        text = f"{node}({_argument(nodes[i])})"
        i += 1
    atoms[-1 if atoms else 0:] = [(atoms[-1] if atoms else '""') + text]
    return i


def _symbol(node):
    """The atoms of a symbol: a named one's word, none for a sizing command, "comma" for ","."""
    if node.startswith("\\"):
        name = node[1:]
        if name in SIZING:
            return []
        if name not in WORDS:
            raise ValueError(f"no Typst form for {node}")
        return [WORDS[name]]
    return ["comma"] if node == "," else [node]


def _cases(nodes, i):
    """The rows of a cases environment starting at nodes[i], and the index after \\end{cases}."""
    rows, row = [], []
    while nodes[i] != r"\end":
        if nodes[i] == "\\\\":
            rows.append(_convert(row))
            row = []
        else:
            row.append(nodes[i])
        i += 1
    rows.append(_convert(row))
    return rows, i + 2   # past \end and {cases}


def _plain(node):
    return "".join(node) if isinstance(node, list) else node
