"""Step's "Code" panel: the pass on screen as a standalone PyTorch script and a NumPy
script (engine: pytorch_script, numpy_script), in the learner's notation, each with
st.code's copy button and a download. The scripts carry the network and the data as
literals and compute everything else, so running them prints the numbers on screen."""
import streamlit as st

from bpviz.engine import NetworkError, numpy_script, pytorch_script
from bpviz.ui.i18n import error_text, t
from bpviz.viz import script_names

SCRIPTS = (("torch", pytorch_script, "bpviz_step_pytorch.py"), ("numpy", numpy_script, "bpviz_step_numpy.py"))


def code_panel(step, names):
    """The two scripts of `step`'s pass (its network, example or batch, η, λ₁, λ₂ and bias switch),
    commented in the notation `names` (a Names) shows."""
    source = step.batch if step.batch is not None else step
    script_comments = script_names(step.network.sizes, names.tutorial)
    st.caption(t("code.intro"))
    tabs = st.tabs([t(f"code.tab.{kind}") for kind, _, _ in SCRIPTS])
    for tab, (kind, make, file_name) in zip(tabs, SCRIPTS):
        with tab:
            try:
                script = make(step.network, source.X, source.Y, step.learning_rate, step.l1, step.l2,
                              update_biases=step.update_biases, names=script_comments)
            except NetworkError as error:
                st.error(t("code.cannot", message=error_text(error)))
                continue
            st.caption(t(f"code.run.{kind}"))
            st.code(script, language="python", height=480)
            st.download_button(t("code.download"), script, file_name=file_name, mime="text/x-python",
                               key=f"step_code_download_{kind}", icon=":material/download:")
