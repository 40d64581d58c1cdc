"""How every quantity is drawn, defined once so each page draws it the same way.

Colour: one diverging scale for every signed quantity (activations, deltas,
weights, gradients), centred on zero: blue for negative, orange-red for
positive, a pale midpoint. It is Paul Tol's "sunset" scale, designed to stay
distinguishable under the common forms of colour blindness; every value it
encodes is also printed as a label or in the hover text.
Unknown values (not computed yet at the current step) are hollow grey markers
labelled "?", never a colour that could be read as a number.
"""
import re
import unicodedata

import numpy as np
import plotly.graph_objects as go

# Paul Tol's sunset (diverging, colour-blind safe); 0 is the middle colour.
DIVERGING_COLOURS = ("#364B9A", "#4A7BB7", "#6EA6CD", "#98CAE1", "#C2E4EF", "#EAECCC",
                     "#FEDA8B", "#FDB366", "#F67E4B", "#DD3D2D", "#A50026")
DIVERGING = tuple((i / (len(DIVERGING_COLOURS) - 1), colour)
                  for i, colour in enumerate(DIVERGING_COLOURS))
NEGATIVE_COLOUR = DIVERGING_COLOURS[1]
POSITIVE_COLOUR = DIVERGING_COLOURS[-2]
NEUTRAL_COLOUR = "#888888"       # readable on light and dark backgrounds
UNKNOWN_COLOUR = "#9E9E9E"
UNKNOWN_FILL = "#E0E0E0"         # opaque, so it hides the lines behind; black "?" on it
TEXT_ON_LIGHT = "#000"        # labels on coloured markers: whichever contrasts more with the fill
LABEL_CHIP = "#F0F2F6"           # light background of the input and target labels
DARK_CHIP = "rgba(0, 0, 0, 0.75)"   # dark background of white labels on a contour
TEXT_ON_DARK = "#fff"         # (pure black and white: at least 4.58:1 on every colour, WCAG AA)
HIGHLIGHT_COLOUR = "#F2C12E"     # the selected neuron's ring
TRAIN_COLOUR = "#4A7BB7"
TEST_COLOUR = "#DD3D2D"
CLASS_COLOURS = ("#364B9A", "#DD3D2D")   # data points of class 0 and 1
CLASS_SYMBOLS = ("circle", "diamond")     # shape too, so colour is not the only cue
UNKNOWN_LABEL = "?"
# ---- numbers: how many digits each place prints (the one place that says so) ----
NUMBER_FORMAT = ".3g"            # labels on the network diagram (Build, Train)
HOVER_FORMAT = ".9g"             # the hover, tables and readouts: 9 significant digits
DIGITS = ".4g"                   # the Step diagram's labels, the matrix view's cells, the targets, the landscape's step
NARROW_DIGITS = ".3g"            # phones: 3 significant digits, so each label fits whole between the neurons
SMALL_DIGITS = ".2g"             # a and δ inside the small neurons of big networks (".2f" printed δ 0.00)
PRECISE_DIGITS = ".6g"           # the tangent's slope and the loss surface's hover
RATIO_DIGITS = ".2g"             # "2.3× smaller": the Step diagram's gradient note, under 100
LARGE_RATIO_FORMAT = ",.0f"     # "1,477× smaller": the same, from 100 on


def number(value, digits=DIGITS):
    """`value` printed with `digits` (one of the formats above)."""
    return f"{value:{digits}}"


def new_value(old, new, digits=NARROW_DIGITS):
    """`new` in `digits`, or in as many more significant digits (up to 9) as it takes to
    differ from `old` printed alike: an update of 0.15 by −0.0002 reads 0.15 → 0.1498,
    not 0.15 → 0.15."""
    places = int(digits.strip(".g"))
    while places < 9 and new != old and number(new, f".{places}g") == number(old, f".{places}g"):
        places += 1
    return number(new, f".{places}g")

FONT_FAMILY = "Source Sans Pro, Arial, sans-serif"

NODE_QUANTITIES = ("a", "z", "delta")
EDGE_QUANTITIES = ("weight", "grad")


def symmetric_limit(values):
    """The colour-scale half-range for `values`: max |v| over finite values.

    Never zero (a scale of all zeros is drawn with limit 1), so that `cmin =
    -limit` and `cmax = limit` keep zero at the middle colour.
    """
    finite = np.asarray([v for v in np.ravel(values) if v is not None], dtype=float)
    finite = finite[np.isfinite(finite)]
    limit = float(np.max(np.abs(finite))) if finite.size else 0.0
    return limit if limit > 1e-12 else 1.0


def diverging_colour(value, limit):
    """The colour of `value` on DIVERGING with range [-limit, limit], as '#rrggbb'.

    Linear interpolation between the scale's stops; values beyond the range get
    the end colours. Monotonic: a larger value is never drawn with a colour
    further down the scale.
    """
    position = 0.5 + 0.5 * min(max(float(value) / limit, -1.0), 1.0)
    scaled = position * (len(DIVERGING_COLOURS) - 1)
    lower = min(int(scaled), len(DIVERGING_COLOURS) - 2)
    fraction = scaled - lower
    low, high = _rgb(DIVERGING_COLOURS[lower]), _rgb(DIVERGING_COLOURS[lower + 1])
    mixed = [round(a + (b - a) * fraction) for a, b in zip(low, high)]
    return "#{:02X}{:02X}{:02X}".format(*mixed)


def relative_luminance(hex_colour):
    """WCAG 2 relative luminance of '#rrggbb' (0 black, 1 white)."""
    channels = [c / 255 for c in _rgb(hex_colour)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def text_colour_on(fill):
    """Black or white, whichever has the higher WCAG contrast on the fill '#rrggbb'.

    Black wins when (L + 0.05)² > 0.05 · 1.05, i.e. L > 0.179; the worse of the two
    choices is then never below 4.58:1."""
    return TEXT_ON_LIGHT if relative_luminance(fill) > 0.179 else TEXT_ON_DARK


def label_colours(values, limit):
    """The text colour for a label on each value's marker of the diverging scale."""
    return [text_colour_on(diverging_colour(value, limit)) for value in values]


def _rgb(hex_colour):
    """'#rrggbb' or '#rgb' as three 0–255 integers."""
    if len(hex_colour) == 4:
        hex_colour = "#" + "".join(2 * c for c in hex_colour[1:])
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))


# A title line holds at most TITLE_UNITS units (a Latin letter 1, a CJK character 2): about 300 px
# at TITLE_SIZE, which fits the 350 px a chart has on a 390 px phone. Plotly never wraps a title.
TITLE_SIZE = 15
TITLE_UNITS = 40
TITLE_LINE_PX = 20
_WIDE = r"\u2e80-\u9fff\u3000-\u303f\uff00-\uffef"   # CJK characters and punctuation, fullwidth forms
OPENING, CLOSING = "（“‘《「『【〔", "）”’》」』】〕，。、：；！？"   # stay with what they enclose or follow
# spaces, or one CJK character or word, with an opening bracket before it and closing marks after
_TITLE_PIECES = re.compile(rf"\s+|[{OPENING}]?(?:[{_WIDE}]|[^\s{_WIDE}]+)[{CLOSING}]*")


def title_lines(text, units=TITLE_UNITS):
    """`text` broken into lines of at most `units` units, between words or CJK characters
    (a word longer than a line keeps its own line); Plotly joins them with <br>."""
    lines, line = [], ""
    for piece in _TITLE_PIECES.findall(text):
        if line.strip() and _units(line + piece.rstrip()) > units:
            lines.append(line.rstrip())
            line = ""
        line += piece if line or not piece.isspace() else ""
    return [*lines, line.rstrip()] if line.strip() or not lines else lines


def _units(text):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def base_layout(title=None, height=None):
    """Layout settings every figure shares: transparent background (so the page's
    light or dark theme shows through), a neutral font colour, compact margins, and
    the title wrapped (title_lines) with room above the plot for each of its lines."""
    lines = title_lines(title) if title else []
    layout = dict(paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor="rgba(0,0,0,0)",
                  font=dict(family=FONT_FAMILY, size=13),
                  margin=dict(l=10, r=10, t=50 + TITLE_LINE_PX * (len(lines) - 1) if title else 20, b=10))
    if title:
        layout["title"] = dict(text="<br>".join(lines), x=0.01, font=dict(size=TITLE_SIZE))
    if height:
        layout["height"] = height
    return layout


def figure(data, layout, frames=None):
    """A go.Figure from the builders' own trace and layout dicts, without plotly's
    per-property validation, which costs more than building the figure (15 ms of a
    30 ms diagram). Frames are attached past plotly's frames setter, which would
    re-validate every one of them (about 180 ms for the largest network's animation).
    tests/viz/test_figures_validate.py passes every builder's output through the
    validating constructor instead, so a bad property still fails a test."""
    built = go.Figure(dict(data=data, layout=layout), _validate=False)
    if frames:
        built._frame_objs = tuple(go.Frame(frame, _validate=False) for frame in frames)
    return built
