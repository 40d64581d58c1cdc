"""Train's "gradient health": each weight layer's gradient size over the epochs of the
training so far (EpochRecord.gradient_rms), and the deep sigmoid / deep ReLU presets
trained side by side, which shows the vanishing gradient."""
import streamlit as st

from bpviz import viz
from bpviz.engine import COMPARISONS, train_comparison
from bpviz.ui import charts
from bpviz.ui.i18n import catalogue, t
from bpviz.ui.train.live_chart import live_chart

COMPARISON = "deep_sigmoid_vs_relu"
COMPARISON_BOX = "train_comparison_open"     # the expander's key: its open state


@st.cache_data(max_entries=2, show_spinner=False)
def comparison_histories(name):
    """((preset name, history), …) of COMPARISONS[name], trained for its epochs. Fully
    determined by the name (the presets and data are fixed): safe to share between sessions."""
    return tuple((preset_name, result.state.history) for preset_name, result in train_comparison(name).items())


def health_chart(history):
    """The training's gradient health, with the last epoch's first and last layer in words."""
    rows = [r for r in history if r.gradient_rms]
    # drawn even before the first epoch, so live redraws update it in place
    live_chart(viz.gradient_health_figure(rows, text=catalogue()), key="train_health")
    if not rows:
        st.caption(t("train.health.empty"))
        return
    last = rows[-1].gradient_rms
    st.caption(t("train.health.last", epoch=rows[-1].epoch, first=f"{last[0]:.3g}", last=f"{last[-1]:.3g}",
                 layers=len(last), ratio=f"{last[0] / last[-1]:.3g}" if last[-1] > 0 else "∞"))


def comparison():
    """Deep sigmoid vs deep ReLU: their gradient health side by side, and what it shows in words."""
    st.caption(t("train.health.compare_help"))
    runs = comparison_histories(COMPARISON)
    histories = [history for _, history in runs]
    titles = [t(f"preset.{name}") for name, _ in runs]
    charts.show(viz.health_comparison_figure(histories, titles, text=catalogue()), key="train_health_comparison")
    first = {name: history[0].gradient_rms for name, history in runs}
    last = {name: history[-1] for name, history in runs}
    st.markdown(t("train.health.compare_note", epochs=COMPARISONS[COMPARISON].epochs,
                  sigmoid_first=f"{first['deep_sigmoid'][0]:.2g}", sigmoid_out=f"{first['deep_sigmoid'][-1]:.2g}",
                  relu_first=f"{first['deep_relu'][0]:.2g}", relu_out=f"{first['deep_relu'][-1]:.2g}",
                  sigmoid_accuracy=f"{last['deep_sigmoid'].train_accuracy:.0%}",
                  relu_accuracy=f"{last['deep_relu'].train_accuracy:.0%}"))
