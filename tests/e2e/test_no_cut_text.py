"""No label, readout or chart title is cut, on any page, at a laptop's 1280×720 and a phone's
390 px, in English and 简体中文.

Streamlit cuts a widget label or a metric that does not fit with an ellipsis (`text-overflow:
ellipsis`, the text wider than its box); Plotly never wraps a title, so a long one runs past
the chart's edge. Both are measured in the page as drawn (inside components' shadow roots
too); screenshots go to artifacts/e2e/."""
import pytest

from bpviz.ui.frame import PAGES
from tests.e2e.browser import Session

pytestmark = pytest.mark.e2e
PAGE_NAMES = [path for _, path, _, _ in PAGES]
SIZES = {"laptop": (1280, 720), "phone": (390, 844)}

# Every element whose text is cut with an ellipsis, and every chart title (Plotly's, the Step
# diagram's) that runs past its chart; with how many of each were looked at.
CUT_TEXT = """() => {
  const all = [];
  const visit = root => {
    for (const el of root.querySelectorAll('*')) { all.push(el); if (el.shadowRoot) visit(el.shadowRoot); }
  };
  visit(document);
  const cut = [];
  let texts = 0, titles = 0;
  for (const el of all) {
    if (el instanceof SVGElement || !el.textContent.trim()) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= 0) continue;            // not shown (a closed sidebar)
    if (getComputedStyle(el).textOverflow !== 'ellipsis') continue;
    texts += 1;
    if (el.scrollWidth > el.clientWidth + 1) cut.push(['cut with …', el.textContent.trim().slice(0, 80)]);
  }
  for (const title of all.filter(e => e.matches('.gtitle, .bpviz-title'))) {
    const svg = title.ownerSVGElement, box = title.getBoundingClientRect();
    if (!svg || box.width === 0) continue;
    titles += 1;
    const frame = svg.getBoundingClientRect();
    if (box.left < frame.left - 1 || box.right > frame.right + 1) cut.push(['title past its chart', title.textContent]);
  }
  return {cut, texts, titles};
}"""


def _go(tab, page):
    """Open `page` through the sidebar's navigation (the same session: no new load of the app);
    on a phone the sidebar is opened first, as a learner would."""
    link = tab.page.get_by_test_id("stSidebarNav").locator(f"a[href$='/{'' if page == 'home' else page}']")
    box = link.bounding_box()
    if box is None or box["x"] + box["width"] <= 0:            # the sidebar is closed (a phone)
        tab.page.get_by_test_id("stExpandSidebarButton").click()
        tab.wait_until("el => el.getBoundingClientRect().left >= 0",
                       arg=link.element_handle())
    link.click()
    tab.idle()


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", SIZES)
def test_no_text_is_cut_on_any_page(tabs, server, size, lang):
    tab = Session(tabs, server, viewport=SIZES[size])
    try:
        seen, problems = {"texts": 0, "titles": 0}, {}
        tab.open(f"?lang={lang}")
        for page in PAGE_NAMES:
            _go(tab, page)
            tab.wait_for_charts()
            tab.page.wait_for_timeout(300)                     # Plotly lays titles out after the SVG
            found = tab.page.evaluate(CUT_TEXT)
            seen = {k: seen[k] + found[k] for k in seen}
            if found["cut"]:
                problems[page] = found["cut"]
                tab.screenshot(f"cut-{page}-{size}-{lang}")
        assert problems == {}
        assert seen["texts"] >= 8 and seen["titles"] >= 5, seen   # the measure found labels and titles to check
        assert not tab.real_errors(), (tab.errors, tab.failed_responses)
    finally:
        tab.close()
