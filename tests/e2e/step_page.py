"""The Step page as the browser tests read it: `open_step` (a tab on it, once the diagram shows
its values), `shown_step` (the step the diagram shows) and `wait_for_address` (a parameter of
the address bar, as the page writes it)."""
from tests.e2e.browser import Session

ROOT = ".bpviz-step"      # the diagram's root element (bpviz/ui/step/diagram.js)


def open_step(opener, url, path="step", viewport=(1280, 720), **options):
    """A Session (`opener`: the worker's Tabs or a Browser; `options`: Session's) on the app's
    `path`, returned once the diagram shows its values and the page is quiet."""
    tab = Session(opener, url, viewport=viewport, **options)
    tab.open(path)
    tab.wait_for_diagram()
    return tab


def shown_step(tab):
    """The step the diagram shows (its index from 0), read two frames on: a press is drawn in
    the next frame."""
    return int(tab.page.evaluate(f"""() => new Promise(done => requestAnimationFrame(() =>
        requestAnimationFrame(() => done(document.querySelector('{ROOT}').dataset.step))))"""))


def wait_for_address(tab, name, value, timeout=20_000):
    """Wait until the address bar's parameter `name` is `value` (a str), or absent if None."""
    test = f"!params.has({name!r})" if value is None else f"params.get({name!r}) === {value!r}"
    tab.wait_until(f"() => {{ const params = new URLSearchParams(location.search); return {test}; }}",
                   timeout=timeout)
