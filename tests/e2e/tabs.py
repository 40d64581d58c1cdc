"""The tabs the browser tests open: `new_tab` (a tab in a context of its own, timing its
WebSocket frames for `Session.idle`) and `Tabs` (a worker's tabs, kept between tests)."""

# Stamps every WebSocket frame the page sends or receives (window.bpvizFrames = {sent,
# received}, Date.now() ms), so that `Session.idle` can tell a quiet page from one whose
# server has not answered yet. Added to every context the tests open, before the app's scripts.
FRAME_CLOCK = """(() => {
  const Native = window.WebSocket;
  if (!Native || window.bpvizFrames) return;
  window.bpvizFrames = { sent: 0, received: 0 };
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", () => { window.bpvizFrames.received = Date.now(); });
    }
    send(...args) {
      window.bpvizFrames.sent = Date.now();
      return super.send(...args);
    }
  };
})();"""


def new_tab(browser, viewport, color_scheme, has_touch):
    """A new tab of `viewport` (width, height) in a new context of `browser`, with FRAME_CLOCK."""
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                  color_scheme=color_scheme, has_touch=has_touch)
    context.add_init_script(FRAME_CLOCK)
    return context.new_page()


class Tabs:
    """A worker's chromium and the tabs its tests have closed, kept to be used again.

    Opening the app in a tab that has had it open before costs chromium less CPU than in a
    new tab of a new context (1.3–1.9 against about 3 CPU-s for Step here): the tab
    keeps its renderer process, and its context keeps the app's scripts, compiled. A tab is
    handed back blank (about:blank: its Streamlit session ends), with no routes, cookies or
    stored data; `take` sets its size, colour scheme and motion, and moves the mouse away. A
    tab with touch is kept apart from one without (a context's touch cannot change)."""

    def __init__(self, browser):
        self.browser = browser
        self.spare = {False: [], True: []}   # has_touch: [Page], each in its own context

    def take(self, viewport, color_scheme, has_touch):
        if not self.spare[has_touch]:
            return new_tab(self.browser, viewport, color_scheme, has_touch)
        page = self.spare[has_touch].pop()
        page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
        page.emulate_media(color_scheme=color_scheme, reduced_motion="no-preference")
        page.mouse.move(0, 0)
        return page

    def give_back(self, page, has_touch):
        """Keep `page` for a later test once it is blank; a tab that cannot be cleared is closed."""
        try:
            # The app's origin keeps what Streamlit stores in the browser (the sidebar's state,
            # the theme chosen): the next test starts without it.
            page.evaluate("() => { try { localStorage.clear(); sessionStorage.clear(); } catch (e) {} }")
            page.unroute_all(behavior="ignoreErrors")
            page.context.unroute_all(behavior="ignoreErrors")
            page.goto("about:blank")
            page.context.clear_cookies()
        except Exception:   # a crashed tab: close it, the next test gets a new one
            page.context.close()
            return
        self.spare[has_touch].append(page)

    def close(self):
        for page in self.spare[False] + self.spare[True]:
            page.context.close()
