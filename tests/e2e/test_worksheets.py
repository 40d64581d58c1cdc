"""The Worksheets page in a real browser: the QR codes' address is this server's by default
(as the browser reports it), a class set is made on a click, and the downloaded sheets carry
each sheet's share link to this server, in Chinese on a phone-sized screen too."""
import pytest

from tests.e2e.browser import Session

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("lang, width, make, source_button", [
    ("en", 1280, "Make the PDFs", "Worksheets (Typst source)"),
    ("zh", 390, "生成 PDF", "练习卷（Typst 源文件）"),
])
def test_a_class_set_links_each_sheet_to_this_server(tabs, server, lang, width, make, source_button):
    tab = Session(tabs, server, viewport=(width, 844))
    try:
        tab.open(f"worksheets?lang={lang}")
        field = tab.page.get_by_test_id("stTextInputField")
        assert field.get_attribute("placeholder") == server + "/"   # this server, as the browser sees it
        count = tab.page.get_by_role("spinbutton").nth(1)
        count.fill("2")
        count.press("Enter")
        tab.idle()
        tab.click_button(make)
        tab.idle(timeout=120_000)
        # the sheets come out of the server's queue: wait for their download button
        tab.page.get_by_role("button", name=source_button).wait_for(timeout=120_000)
        with tab.page.expect_download() as download:
            tab.page.get_by_role("button", name=source_button).click()
        source = open(download.value.path(), encoding="utf-8").read()
        assert source.count(f'"{server}/step?net=') == 2 and source.count("<svg") == 2
        tab.screenshot(f"worksheets-{lang}-{width}")
        assert not tab.real_errors(), (tab.errors, tab.failed_responses)
    finally:
        tab.close()
