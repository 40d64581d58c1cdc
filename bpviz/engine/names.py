"""Names of neurons and parameters, in one of two notations, as LaTeX and as plain text.

- "layer" (every network): a⁽ˡ⁾ⱼ, z⁽ˡ⁾ⱼ, δ⁽ˡ⁾ⱼ, w⁽ˡ⁾ⱼₖ = weights[l-1][j, k] (from neuron k of
  layer l−1 to neuron j of layer l), b⁽ˡ⁾ⱼ = biases[l-1][j]; LaTeX a^{(l)}_{j}, w^{(l)}_{jk}.
- "tutorial" (2-2-2 networks only, the classic worked example's names): inputs i1 i2, hidden
  h1 h2, outputs o1 o2; weights w1…w8 (w1 = weights[0][0, 0] i1 → h1, w2 = weights[0][0, 1]
  i2 → h1, w3, w4 into h2, then w5…w8 the same way into o1, o2); one bias name per layer, b1
  (hidden) and b2 (output), as the tutorial shares them, so a bias alone is named with its
  neuron, "b1 (h1)". Quantities of a neuron carry its name: a_{h1}, z_{h1}, δ_{o1}.

`names_for(sizes, tutorial)` gives the `Names` to use: tutorial names only when asked for and
the network is 2-2-2. Every place that names a neuron or parameter (explanations, quiz,
worksheets, figures, pickers, tables) asks one `Names` value, so a page never mixes them.

An index may be a letter ("k") instead of a number: `over(...)` writes a sum over a layer as
Σ with that letter in layer notation and, in tutorial notation, as the terms written out
(there are two of them), so no formula holds a layer-notation name in tutorial notation.
"""
from dataclasses import dataclass

NOTATIONS = ("layer", "tutorial")
TUTORIAL_SIZES = (2, 2, 2)
TUTORIAL_LAYERS = "iho"          # the letter of layer 0, 1, 2 in tutorial names
_SUPER = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")
_SUB = str.maketrans("0123456789,iho", "₀₁₂₃₄₅₆₇₈₉,ᵢₕₒ")


def tutorial_names_fit(sizes):
    """The tutorial's names exist for 2-2-2 networks only."""
    return tuple(sizes) == TUTORIAL_SIZES


def names_for(sizes, tutorial=False):
    """The `Names` of a network of `sizes`: tutorial ones if asked for and they fit, else layer ones."""
    return TUTORIAL if tutorial and tutorial_names_fit(sizes) else LAYER


def _indices(*numbers):
    """Subscript digits; two-digit indices separated by a comma so w⁽¹⁾₁₀,₂ stays unambiguous."""
    joined = ("," if any(int(n) >= 10 for n in numbers) else "").join(str(n) for n in numbers)
    return joined.translate(_SUB)


def _latex_indices(*indices):
    """LaTeX subscript body: "01", or "1,0" when an index has two digits."""
    two_digits = any(isinstance(i, int) and i >= 10 for i in indices)
    return ("," if two_digits else "").join(str(i) for i in indices)


@dataclass(frozen=True)
class Names:
    """One notation. `tutorial`: the tutorial's names (see the module note), else layer names."""
    tutorial: bool

    @property
    def notation(self):
        return "tutorial" if self.tutorial else "layer"

    # ---- plain text (figures, pickers, tables, axis titles) ---------------------------------

    def neuron_text(self, layer, j):
        """h1 (tutorial) or a⁽¹⁾₀ (layer): the neuron by its activation's name."""
        if self.tutorial:
            return f"{TUTORIAL_LAYERS[layer]}{j + 1}"
        return self.quantity_text("a", layer, j)

    def quantity_text(self, symbol, layer, j):
        """A neuron's quantity: δ⁽²⁾₀ (layer) or δₒ₁ (tutorial), for symbol "δ", "z", "a" or "b"."""
        if self.tutorial:
            return symbol + self.neuron_text(layer, j).translate(_SUB)
        return f"{symbol}{f'({layer})'.translate(_SUPER)}{_indices(j)}"

    def weight_text(self, layer, j, k):
        """w5 (tutorial) or w⁽²⁾₀₀ (layer): weights[layer-1][j, k]."""
        if self.tutorial:
            return f"w{4 * (layer - 1) + 2 * j + k + 1}"
        return f"w{f'({layer})'.translate(_SUPER)}{_indices(j, k)}"

    def bias_text(self, layer, j, short=False):
        """b1 (h1) (tutorial; `short`: b1, where the neuron is said beside it) or b⁽¹⁾₀ (layer)."""
        if self.tutorial:
            return f"b{layer}" if short else f"b{layer} ({self.neuron_text(layer, j)})"
        return self.quantity_text("b", layer, j)

    def layer_text(self, symbol, layer):
        """A whole layer's vector: a⁽¹⁾ (layer) or aₕ (tutorial: the layer's letter)."""
        if self.tutorial:
            return symbol + TUTORIAL_LAYERS[layer].translate(_SUB)
        return f"{symbol}{f'({layer})'.translate(_SUPER)}"

    def weights_text(self, layer):
        """A layer's weight matrix: W⁽²⁾ (layer) or W (w5…w8) (tutorial)."""
        if self.tutorial:
            return f"W ({self.weight_text(layer, 0, 0)}…{self.weight_text(layer, 1, 1)})"
        return self.layer_text("W", layer)

    def parameter_text(self, ref):
        """The name of a `ParameterRef` as text."""
        if ref.kind == "weight":
            return self.weight_text(ref.layer, ref.j, ref.k)
        return self.bias_text(ref.layer, ref.j)

    # ---- LaTeX (explanations, quiz, worksheets) ------------------------------------------------

    def _of(self, symbol, layer, j, example=None):
        extra = "" if example is None else f",{example}"
        if self.tutorial:
            return rf"{symbol}_{{{TUTORIAL_LAYERS[layer]}{j + 1}{extra}}}"
        return rf"{symbol}^{{({layer})}}_{{{_latex_indices(j)}{extra}}}"

    def a(self, layer, j, example=None):
        """a^{(l)}_{j} or a_{h1}; `example` ("n") adds the example's index: a^{(l)}_{j,n}."""
        return self._of("a", layer, j, example)

    def z(self, layer, j, example=None):
        return self._of("z", layer, j, example)

    def delta(self, layer, j, example=None):
        return self._of(r"\delta", layer, j, example)

    def x(self, j):
        """The example's input j: x_{j} or i_{1}."""
        return rf"i_{{{j + 1}}}" if self.tutorial else rf"x_{{{j}}}"

    def y(self, layer, j):
        """The target of output neuron j: y_{j} or y_{o1}."""
        return self.indexed("y", layer, j)

    def indexed(self, symbol, layer, j):
        """A per-neuron symbol without the layer mark (the layer is plain): g_{j} or g_{o1}."""
        return rf"{symbol}_{{{TUTORIAL_LAYERS[layer]}{j + 1}}}" if self.tutorial else rf"{symbol}_{{{j}}}"

    def weight(self, layer, j, k, prime=False):
        """w^{(l)}_{jk} or w_{5}; `prime`: the updated weight w'."""
        mark = "'" if prime else ""
        if self.tutorial:
            return rf"w{mark}_{{{4 * (layer - 1) + 2 * j + k + 1}}}"
        return rf"w{mark}^{{({layer})}}_{{{_latex_indices(j, k)}}}"

    def bias(self, layer, j, prime=False):
        """b^{(l)}_{j} or b_{1\\,(h1)}; `prime`: the updated bias b'."""
        mark = "'" if prime else ""
        if self.tutorial:
            return rf"b{mark}_{{{layer}\,({TUTORIAL_LAYERS[layer]}{j + 1})}}"
        return rf"b{mark}^{{({layer})}}_{{{_latex_indices(j)}}}"

    def parameter(self, ref):
        """The LaTeX name of a `ParameterRef`."""
        if ref.kind == "weight":
            return self.weight(ref.layer, ref.j, ref.k)
        return self.bias(ref.layer, ref.j)

    def over(self, count, term, index="k"):
        """Σ over `count` neurons of `term(i)`: "\\sum_{k} term('k')" in layer notation, the
        terms written out ("term(0) + term(1)") in tutorial notation."""
        if self.tutorial:
            return " + ".join(term(i) for i in range(count))
        return rf"\sum_{{{index}}} {term(index)}"


LAYER = Names(False)
TUTORIAL = Names(True)
