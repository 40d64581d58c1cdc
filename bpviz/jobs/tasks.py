"""The jobs themselves: plain top-level functions of plain (picklable) arguments, run in
a worker process. Each returns everything the page shows, so nothing is computed twice."""
from dataclasses import dataclass

from bpviz.engine import SharedNetwork
from bpviz.worksheets import Sheet, class_set, key_source, sheets_pdf, worksheet_source


@dataclass(frozen=True)
class WorksheetRequest:
    """What a set of sheets is made from. A class set (`shared` None) is fully determined by
    its fields, so equal requests give equal files and may share a cached result; the
    learner's own network (`shared`) is never cached. `prefilled`: the forward pass printed
    in; `app_url`: the app's address for each sheet's QR code (None: no codes); `tutorial`:
    the tutorial's names where a network has them; `quiz`: the codes open the app in quiz
    mode; `with_key`: make the answer key too (not for the current network in quiz mode)."""
    seed: int | None
    count: int
    lang: str
    paper: str
    shared: SharedNetwork | None = None
    prefilled: bool = False
    app_url: str | None = None
    tutorial: bool = False
    quiz: bool = False
    with_key: bool = True

    @property
    def cacheable(self):
        return self.shared is None


def build_worksheets(request):
    """({"worksheet": Typst source, "answer-key": ... when asked for}, {same names: PDF bytes})
    for `request`. Raises MissingFontError when a Chinese set has no CJK font."""
    sheets = (Sheet(request.shared),) if request.shared is not None else class_set(request.seed, request.count)
    common = {"tutorial": request.tutorial}
    sources = {"worksheet": worksheet_source(sheets, request.lang, request.paper, request.prefilled,
                                             request.app_url, quiz=request.quiz, **common)}
    if request.with_key:
        sources["answer-key"] = key_source(sheets, request.lang, request.paper, **common)
    pdfs = {name: sheets_pdf(sheets, request.lang, request.paper, request.prefilled, request.app_url,
                             key=name == "answer-key", quiz=request.quiz, **common) for name in sources}
    return sources, pdfs
