"""bpviz entry point: `streamlit run app.py`.

Sets up the page, the session state (and a link's settings, once per session),
the navigation and the sidebar; each page is a thin script in views/; last, the
address bar gets the session's state.
A `NetworkError` that a page lets through is shown, in the page's language, where
the page stopped; the session's network is left as it was.
"""
if __name__ == "__main__":   # Streamlit runs this script as __main__. A bpviz.jobs worker process
    # re-imports the main script as __mp_main__ (multiprocessing's rule): there, nothing runs.
    import streamlit as st

    from bpviz.engine import NetworkError

    # Every page's modules (and pandas, plotly) are imported here, by the first run, not by
    # the pages: several sessions importing pandas at the same moment can see it half
    # initialised.
    from bpviz.ui import (  # noqa: F401   imported only to load them first (worksheets loads typst)
        address,
        frame,
        i18n,
        landscape,
        worksheets,
    )
    from bpviz.ui.session import state  # noqa: F401
    from bpviz.ui.step import inspector, quiz  # noqa: F401
    from bpviz.ui.train import controls as train_controls  # noqa: F401

    st.set_page_config(page_title="bpviz · backpropagation, step by step", page_icon="🧮", layout="wide")
    frame.begin()   # tuning, the session's start, the address (once per session)
    page = st.navigation(frame.pages())
    frame.sidebar()
    try:
        page.run()
    except NetworkError as error:   # the page's inputs are legal but it cannot be drawn: say why, keep the network
        st.error(i18n.t("app.page_error", message=i18n.error_text(error)))
    frame.end()   # after the page: the address carries what this run changed
