"""The Build page's controls. Each reads its widgets and stores a new network
through `state.set_network`; a bad value shows the engine's message and the
network stays as it was."""
import numpy as np
import streamlit as st

from bpviz.engine import (
    ACTIVATION_NAMES,
    HIDDEN_ACTIVATION_NAMES,
    INITS,
    LOSS_NAMES,
    MAX_HIDDEN_LAYERS,
    MAX_INPUTS,
    MAX_NEURONS_PER_LAYER,
    MAX_OUTPUTS,
    MAX_PARAMETER_MAGNITUDE,
    MAX_SEED,
    PRESET_NAMES,
    Network,
    NetworkError,
    insert_neuron,
    network_from_json,
    network_to_json,
    remove_neuron,
    reshape_network,
    set_bias,
    set_weight,
)
from bpviz.ui import frame
from bpviz.ui.build.tables import layer_frame, network_from_frames
from bpviz.ui.i18n import error_text, t
from bpviz.ui.session import editor_state, reader, slots, state
from bpviz.ui.strings import Message


def _version():
    return state.network_version()


def _apply(make_network, **kwargs):
    """Store `make_network()`; on NetworkError show the message and change nothing."""
    try:
        state.set_network(make_network(), **kwargs)
    except NetworkError as error:
        st.error(t("build.error", message=error_text(error)))
        return False
    return True


def preset_picker():
    names = list(PRESET_NAMES)
    current = state.preset_name()
    choice = st.selectbox(t("build.preset"), names, index=names.index(current) if current in names else 0,
                          format_func=lambda name: t(f"preset.{name}"), key="build_preset_choice")
    st.caption(t(f"preset.{choice}.about"))
    if st.button(t("build.load_preset"), key="build_load_preset", icon=":material/restart_alt:"):
        state.load_preset(choice)
        state.notify("success", Message("build.preset_loaded", {"name": Message(f"preset.{choice}")}))
        st.rerun()


def file_controls():
    st.download_button(t("build.download"), network_to_json(state.network()), file_name="bpviz-network.json",
                       mime="application/json", key="build_download", icon=":material/download:")
    counter = state.next_upload_counter(slots.UPLOAD_COUNTER)
    st.file_uploader(t("build.upload"), type=["json"], key=f"build_upload_{counter}",
                     on_change=_read_upload, args=(f"build_upload_{counter}",), help=t("build.upload_help"))


def _read_upload(key):
    uploaded = state.widget_value(key)
    if uploaded is None:
        return
    try:
        net = network_from_json(uploaded.getvalue())
    except NetworkError as error:
        state.notify("error", Message("build.upload_rejected", {"message": error_text(error)}))
    else:
        state.set_network(net)
        state.forget_preset()
        state.notify("success", Message("build.upload_loaded", {"network": frame.network_line(net)}))
    state.bump_upload_counter(slots.UPLOAD_COUNTER)   # a fresh, empty uploader


def architecture_form():
    """Sizes, activations, loss and initialisation, applied on a button press."""
    net, v = state.network(), _version()
    columns = st.columns(3)
    inputs = columns[0].number_input(t("build.inputs"), 1, MAX_INPUTS, net.sizes[0], key=f"arch_in_{v}")
    hidden_count = columns[1].number_input(t("build.hidden_layers"), 0, MAX_HIDDEN_LAYERS, len(net.sizes) - 2,
                                           key=f"arch_hidden_{v}")
    outputs = columns[2].number_input(t("build.outputs"), 1, MAX_OUTPUTS, net.sizes[-1], key=f"arch_out_{v}")
    hidden_sizes, activations = [], []
    for l in range(1, int(hidden_count) + 1):
        size_column, activation_column = st.columns(2)
        old_size = net.sizes[l] if l < len(net.sizes) - 1 else 2
        old_activation = net.activations[l - 1] if l < len(net.sizes) - 1 else HIDDEN_ACTIVATION_NAMES[0]
        hidden_sizes.append(size_column.number_input(t("build.layer_neurons", layer=l), 1, MAX_NEURONS_PER_LAYER,
                                                     old_size, key=f"arch_size_{l}_{v}"))
        activations.append(activation_column.selectbox(
            t("build.layer_activation", layer=l), HIDDEN_ACTIVATION_NAMES,
            HIDDEN_ACTIVATION_NAMES.index(old_activation), key=f"arch_act_{l}_{v}"))
    columns = st.columns(4)
    activations.append(columns[0].selectbox(t("build.output_activation"), ACTIVATION_NAMES,
                                            ACTIVATION_NAMES.index(net.activations[-1]), key=f"arch_out_act_{v}"))
    loss = columns[1].selectbox(t("build.loss"), LOSS_NAMES, LOSS_NAMES.index(net.loss), key=f"arch_loss_{v}")
    init = columns[2].selectbox(t("build.init"), INITS, key=f"arch_init_{v}",
                                format_func=lambda name: t(f"init.{name}"))
    seed = columns[3].number_input(t("build.seed"), 0, MAX_SEED, 0, key=f"arch_seed_{v}")
    sizes = [int(inputs), *(int(s) for s in hidden_sizes), int(outputs)]
    keep, fresh = st.columns(2)
    if keep.button(t("build.apply_architecture"), key="arch_apply", help=t("build.apply_architecture_help")):
        if _apply(lambda: reshape_network(net, sizes, activations, loss, seed=int(seed), init=init)):
            st.rerun()
    if fresh.button(t("build.randomise"), key="arch_random", icon=":material/casino:"):
        if _apply(lambda: Network.random(sizes, activations, loss, seed=int(seed), init=init)):
            st.rerun()


def weight_tables():
    """One editable table per layer; edits apply as soon as a cell is committed."""
    net, v = state.network(), _version()
    st.caption(t("build.tables_help"))
    frames = []
    for l in range(len(net.weights)):
        st.markdown(t("build.table_title", source=l, target=l + 1))
        table, key = layer_frame(net, l), f"table_{l}_{v}"
        try:   # an edit the browser would never send (a row or column the table lacks): refused by name
            editor_state.check(state.widget_value(key), len(table), list(table.columns))
        except reader.Rejected as refused:
            state.bump_upload_counter(state.NETWORK_VERSION)    # fresh tables: the edit is dropped
            state.notify("warning", Message("build.table_edit_dropped", {
                "layer": l + 1, "field": Message(refused.name), "value": refused.value,
                "accepted": Message(*refused.accepted)}))
            st.rerun()
        frames.append(st.data_editor(
            table, key=key, width="content",
            column_config={name: st.column_config.NumberColumn(min_value=-MAX_PARAMETER_MAGNITUDE,
                                                              max_value=MAX_PARAMETER_MAGNITUDE, format="%.6g")
                           for name in table.columns}))
    try:
        edited = network_from_frames(net, frames)
    except NetworkError as error:
        st.error(t("build.error", message=error_text(error)))
        return
    if edited != net:
        state.set_network(edited, from_tables=True)


def selected_neuron_panel(editable=True):
    """Bias and incoming weights of the clicked neuron; remove it or add one beside it.

    With `editable` False (a classroom link hid the weight tables) they are shown, not edited."""
    net, v = state.network(), _version()
    selected = state.selected_neuron()
    st.subheader(t("build.neuron"))
    if not selected:
        st.info(t("build.neuron_hint"))
        return
    layer, j = selected
    st.markdown(t("build.neuron_title", layer=layer, j=j))
    if layer > 0 and not editable:
        st.markdown(t("build.neuron_readonly", bias=f"{net.biases[layer - 1][j]:.6g}",
                      weights=", ".join(f"{w:.6g}" for w in net.weights[layer - 1][j])))
        return
    if layer > 0:
        st.number_input(t("build.bias"), -MAX_PARAMETER_MAGNITUDE, MAX_PARAMETER_MAGNITUDE,
                        float(net.biases[layer - 1][j]), format="%.6g", key=f"neuron_b_{layer}_{j}_{v}",
                        on_change=_edit_parameter, args=(f"neuron_b_{layer}_{j}_{v}", set_bias, layer - 1, j))
        for k in range(net.sizes[layer - 1]):
            key = f"neuron_w_{layer}_{j}_{k}_{v}"
            st.number_input(t("build.incoming_weight", k=k, source=layer - 1), -MAX_PARAMETER_MAGNITUDE,
                            MAX_PARAMETER_MAGNITUDE, float(net.weights[layer - 1][j, k]), format="%.6g", key=key,
                            on_change=_edit_parameter, args=(key, set_weight, layer - 1, j, k))
    else:
        st.caption(t("build.input_neuron"))
    if state.fixed("architecture"):   # a classroom link hides the architecture: no adding or removing neurons
        return
    add, remove = st.columns(2)
    if add.button(t("build.add_neuron"), key="neuron_add", icon=":material/add:"):
        if _apply(lambda: insert_neuron(net, layer, j + 1, seed=_version())):
            state.set_selected_neuron((layer, j + 1))
            st.rerun()
    if remove.button(t("build.remove_neuron"), key="neuron_remove", icon=":material/remove:"):
        if _apply(lambda: remove_neuron(net, layer, j)):
            state.set_selected_neuron(None)
            st.rerun()


def _edit_parameter(key, setter, *indices):
    try:
        state.set_network(setter(state.network(), *indices, state.widget_value(key)))
    except NetworkError as error:
        state.notify("error", Message("build.error", {"message": error_text(error)}))


def example_editor():
    """The example (input x, target y) the Step page walks through."""
    net, v = state.network(), _version()
    x, y = state.example()
    st.subheader(t("build.example"))
    st.caption(t("build.example_help"))
    x_columns, y_columns = st.columns(2)
    with x_columns:
        new_x = [st.number_input(f"x{k}", -MAX_PARAMETER_MAGNITUDE, MAX_PARAMETER_MAGNITUDE, float(x[k]),
                                 format="%.6g", key=f"example_x_{k}_{v}") for k in range(net.sizes[0])]
    with y_columns:
        new_y = [st.number_input(f"y{k}", -MAX_PARAMETER_MAGNITUDE, MAX_PARAMETER_MAGNITUDE, float(y[k]),
                                 format="%.6g", key=f"example_y_{k}_{v}") for k in range(net.sizes[-1])]
    if not (np.array_equal(new_x, x) and np.array_equal(new_y, y)):
        state.set_example(new_x, new_y)
