"""Train: many updates on a data set, with live loss curves and decision boundary."""
import streamlit as st

from bpviz.ui import frame
from bpviz.ui.i18n import t
from bpviz.ui.train import controls as train_controls
from bpviz.ui.train import data as train_data
from bpviz.ui.train import health as train_health
from bpviz.ui.train import view as train_view

st.title(t("train.title"))
st.caption(t("train.intro"))
frame.show_notice()

with st.expander(t("data.title", label=train_data.current().label), expanded=False):
    if train_data.picker():
        train_controls.reset_training(train_data.current())
data = train_data.current()
st.caption(t("data.summary", label=data.label, rows=data.train.rows,
             test=0 if data.test is None else data.test.rows, task=t(f"data.task.{data.train.task}")))
if train_controls.ensure_fit(data):
    chosen = train_controls.settings(data)
    if chosen is not None:
        config, epochs, per_redraw = chosen
        train_controls.actions(data, config, epochs, per_redraw)
        train_view.live_view(data, config, per_redraw)
# built only while open (the comparison's chart costs more than the rest of a run): opening or
# closing it reruns the page
comparison_box = st.expander(t("train.health.compare_title"), key=train_health.COMPARISON_BOX, on_change="rerun")
if comparison_box.open:
    with comparison_box:
        train_health.comparison()
