"""The address bar in a real browser: a reload restores the learner's state, and Back
moves between pages, not through every click."""
import pytest

pytestmark = pytest.mark.e2e


def _reload(tab):
    tab.page.reload()
    tab.page.wait_for_selector("[data-testid='stApp']", timeout=60_000)
    tab.idle()


def _address_has(tab, *parts):
    """Wait until the address holds every one of `parts` (the browser-side component
    swaps the query in just after the script run); then return the address."""
    tab.wait_until("parts => parts.every(p => location.href.includes(p))", arg=list(parts), timeout=10_000)
    return tab.page.url


def _loss(tab):
    return tab.diagram_title()


def test_an_applied_update_survives_a_reload(session):
    tab = session.open("step")
    tab.click_button("Forward pass")
    assert "0.298371109" in _loss(tab)            # Mazur's worked example, before the update
    tab.click_button("Apply update")
    _address_has(tab, "/step?net=")
    _reload(tab)
    assert tab.page.url.split("?")[0].endswith("/step")
    tab.click_button("Forward pass")
    assert "0.291027774" in _loss(tab)            # and after one update
    tab.screenshot("address-after-reload")
    assert not tab.real_errors(), (tab.errors, tab.failed_responses)


def test_language_and_step_position_survive_a_reload(session):
    tab = session.open("step")
    for _ in range(3):
        tab.click_button("Next step")
    language = tab.page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox")
    language.click()
    tab.page.get_by_role("option", name="简体中文").click()
    tab.idle()
    _address_has(tab, "lang=zh", "step=3")
    _reload(tab)
    assert "逐步执行反向传播" in tab.page.locator("h1").first.inner_text()
    assert tab.step_position().startswith("第 4 / 7 步")
    tab.screenshot("address-language-step")


def test_back_goes_to_the_previous_page_not_through_every_click(session):
    tab = session.open("step")
    start = tab.page.evaluate("history.length")
    for _ in range(4):
        tab.click_button("Next step")
    tab.click_button("Apply update")
    _address_has(tab, "net=")
    assert tab.page.evaluate("history.length") == start          # clicks replace the entry
    tab.go("Build")
    _address_has(tab, "/build?net=")
    assert tab.page.evaluate("history.length") == start + 1      # a page change adds one
    tab.page.go_back()
    tab.idle()
    _address_has(tab, "/step?net=")                           # still the updated network
    assert "Step through backpropagation" in tab.page.locator("h1").first.inner_text()
