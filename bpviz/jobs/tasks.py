"""The jobs themselves: plain top-level functions of plain (picklable) arguments, run in
a worker process. Each returns everything the page shows, so nothing is computed twice."""
from dataclasses import dataclass

from bpviz.engine import SharedNetwork
from bpviz.worksheets import Sheet, class_set, compile_pdf, key_source, worksheet_source


@dataclass(frozen=True)
class WorksheetRequest:
    """What a set of sheets is made from. A class set (`shared` None) is fully determined
    by (seed, count, lang, paper, tutorial), so equal requests give equal files and may share
    a cached result; the learner's own network (`shared`) is never cached. `tutorial`: the
    tutorial's names where a network has them; `with_key`: make the answer key too (not for
    the current network in quiz mode)."""
    seed: int | None
    count: int
    lang: str
    paper: str
    shared: SharedNetwork | None = None
    tutorial: bool = False
    with_key: bool = True

    @property
    def cacheable(self):
        return self.shared is None


def build_worksheets(request, text):
    """({"worksheet": Typst source, "answer-key": ... when asked for}, {same names: PDF bytes}) for
    `request`, worded from `text` (the page's catalogue of `request.lang`).
    Raises MissingFontError when a Chinese set has no CJK font."""
    sheets = (Sheet(request.shared),) if request.shared is not None else class_set(request.seed, request.count)
    sources = {"worksheet": worksheet_source(sheets, text, request.paper, request.tutorial)}
    if request.with_key:
        sources["answer-key"] = key_source(sheets, text, request.paper, request.tutorial)
    pdfs = {name: compile_pdf(source, needs_cjk=request.lang == "zh") for name, source in sources.items()}
    return sources, pdfs
