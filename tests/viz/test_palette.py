"""The colours stay distinguishable under the common colour-vision deficiencies.

Each colour is passed through the simulation of Machado, Oliveira & Fernandes (2009)
for full protanopia, deuteranopia and tritanopia (3×3 matrices on linear RGB), then
compared in CIELAB (ΔE*76): neighbouring stops of the diverging scale must stay
apart, its two ends far apart, and the signs of edges and the two data classes
clearly different. Colour is never the only cue (labels, hover, marker shapes), but
it must not mislead either.
"""
import numpy as np
import pytest

from bpviz.viz import style

SIMULATIONS = {   # Machado et al. 2009, severity 1.0
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
    "normal": np.eye(3).tolist(),
}


def _linear(hex_colour):
    if len(hex_colour) == 4:                                  # '#rgb'
        hex_colour = "#" + "".join(2 * c for c in hex_colour[1:])
    srgb = np.array([int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)]) / 255
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def _lab(linear_rgb):
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ linear_rgb
    xyz = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def _seen(hex_colour, simulation):
    return _lab(np.clip(np.array(SIMULATIONS[simulation]) @ _linear(hex_colour), 0, 1))


def _difference(a, b, simulation):
    return float(np.linalg.norm(_seen(a, simulation) - _seen(b, simulation)))


@pytest.mark.parametrize("simulation", list(SIMULATIONS))
def test_neighbouring_stops_of_the_scale_stay_apart(simulation):
    stops = style.DIVERGING_COLOURS
    gaps = [_difference(a, b, simulation) for a, b in zip(stops, stops[1:])]
    assert min(gaps) >= 3.0, gaps


@pytest.mark.parametrize("simulation", list(SIMULATIONS))
def test_negative_and_positive_stay_far_apart(simulation):
    assert _difference(style.DIVERGING_COLOURS[0], style.DIVERGING_COLOURS[-1], simulation) >= 40
    assert _difference(style.NEGATIVE_COLOUR, style.POSITIVE_COLOUR, simulation) >= 30
    assert _difference(*style.CLASS_COLOURS, simulation) >= 30
    assert _difference(style.TRAIN_COLOUR, style.TEST_COLOUR, simulation) >= 20


@pytest.mark.parametrize("simulation", list(SIMULATIONS))
def test_each_half_of_the_scale_runs_one_way_in_lightness(simulation):
    lightness = [_seen(c, simulation)[0] for c in style.DIVERGING_COLOURS]
    middle = len(lightness) // 2
    assert all(a <= b + 1.0 for a, b in zip(lightness[:middle], lightness[1:middle + 1]))   # dark blue → pale
    assert all(a + 1.0 >= b for a, b in zip(lightness[middle:], lightness[middle + 1:]))   # pale → dark red


def _contrast(a, b):
    """WCAG 2 contrast ratio, computed here from the definition (not with style's helper)."""
    lum = [float(np.array([0.2126, 0.7152, 0.0722]) @ _linear(c)) for c in (a, b)]
    return (max(lum) + 0.05) / (min(lum) + 0.05)


def _marker_colour(value, limit):
    """The colour plotly gives `value` on the scale: linear RGB interpolation between
    stops, on [-limit, limit], done independently of style.diverging_colour."""
    stops = [np.array([int(c[i:i + 2], 16) for i in (1, 3, 5)], float) for c in style.DIVERGING_COLOURS]
    position = (np.clip(value / limit, -1, 1) + 1) / 2 * (len(stops) - 1)
    lower = min(int(position), len(stops) - 2)
    mixed = stops[lower] + (stops[lower + 1] - stops[lower]) * (position - lower)
    return "#" + "".join(f"{round(v):02X}" for v in mixed)


def test_labels_on_coloured_markers_meet_wcag_aa_contrast_everywhere_on_the_scale():
    values = np.linspace(-1, 1, 2001)
    ratios = [_contrast(colour, _marker_colour(v, 1.0)) for v, colour in zip(values, style.label_colours(values, 1.0))]
    assert min(ratios) >= 4.5


def test_the_label_colour_is_the_better_of_black_and_white():
    for value in np.linspace(-1, 1, 201):
        fill = _marker_colour(value, 1.0)
        chosen = style.label_colours([value], 1.0)[0]
        other = "#FFFFFF" if _contrast(chosen, "#000000") < 1.01 else "#000000"
        assert _contrast(chosen, fill) >= _contrast(other, fill) - 1e-9


def test_the_question_mark_on_an_unknown_neuron_is_readable():
    assert _contrast(style.TEXT_ON_LIGHT, style.UNKNOWN_FILL) >= 4.5
