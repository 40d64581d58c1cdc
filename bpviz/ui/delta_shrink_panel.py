"""The inspector's "why δ shrinks" for a hidden layer: each layer back multiplies δ by
about w·f′(z) (f′ ≤ 1/4 for the sigmoid), with this step's numbers (engine:
delta_shrink, delta_shrink_total)."""
import streamlit as st

from bpviz.engine import delta_shrink, delta_shrink_total


def shrink_explanation(step, layer, example, t):
    """For hidden `layer` once its δ is known: the rule, this layer's factor and the total from
    the output, as formulas with the numbers. `t` is the page's catalogue lookup."""
    if not 1 <= layer < step.output_layer or step.delta(layer) is None:
        return
    with st.expander(t("inspect.shrink.title", layer=layer)):
        st.markdown(t("inspect.shrink.rule"))
        if step.network.activations[layer - 1] == "sigmoid":
            st.markdown(t("inspect.shrink.sigmoid"))
        for explanation in (delta_shrink(step, layer, example), delta_shrink_total(step, layer, example)):
            st.markdown(f"**{t('quantity.' + explanation.kind)}**")
            st.latex(explanation.formula)
            st.latex(explanation.substituted + " " + explanation.result)
