"""The browser the tests drive opens nothing but the tab asked for: Chromium otherwise preloads
its omnibox popups (top-chrome WebUI pages) for every new window, which cost about a fifth of
each page load's CPU in this suite (tests/e2e/browser.py DISABLED_FEATURES)."""
import pytest

pytestmark = pytest.mark.e2e


def test_a_new_tab_brings_no_browser_ui_pages(browser):
    context = browser.new_context()
    try:
        context.new_page()
        cdp = browser.new_browser_cdp_session()
        targets = cdp.send("Target.getTargets")["targetInfos"]
        # Other tests' kept tabs (conftest.py `tabs`) are blank pages too; a browser UI page
        # is a chrome:// or chrome-untrusted:// one, or not a page at all.
        extra = [(t["type"], t["url"]) for t in targets
                 if t["type"] != "page" or t["url"].startswith(("chrome", "devtools"))]
        assert extra == [], extra
        assert any(t["type"] == "page" for t in targets)
    finally:
        context.close()
