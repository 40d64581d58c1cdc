"""The QR code of a link, for the Share page's projector view: drawn by `segno` (pure
Python) as SVG, black modules on white with the standard quiet zone of four modules,
whatever the page's theme (a phone's camera needs the contrast and the margin).

Error correction level M (15 % of the code may be unreadable): a projected code
survives glare and a keystone-distorted projector at a version small enough to keep
each module large. The worked example's classroom link (about 160 characters) makes a
53 × 53-module code; at 480 px on screen each module is 9 px.
"""
import segno

ERROR_LEVEL = "m"
QUIET_ZONE = 4          # modules of white around the code (the standard's minimum)
DARK, LIGHT = "#000000", "#ffffff"


def qr_code(text):
    """The segno QR code of `text` (never a Micro QR: phones read full codes only)."""
    return segno.make(text, error=ERROR_LEVEL, micro=False, boost_error=False)


def qr_fits(text):
    """True if `text` fits in a QR code at level M (at most 2,331 bytes; a long link does not)."""
    try:
        qr_code(text)
    except segno.DataOverflowError:
        return False
    return True


def qr_svg(text, title=""):
    """The QR code of `text` as an SVG document that scales to its container (a viewBox, no
    fixed size); `title` is its accessible name (escaped by segno). segno.DataOverflowError
    if the text does not fit (see `qr_fits`)."""
    code = qr_code(text)
    return code.svg_inline(scale=1, border=QUIET_ZONE, dark=DARK, light=LIGHT, omitsize=True,
                           title=title or None)


def qr_modules(text):
    """The code's modules as rows of booleans (True: dark), without the quiet zone."""
    return tuple(tuple(bool(cell) for cell in row) for row in qr_code(text).matrix)


def qr_side(text):
    """Modules per side, quiet zone included: what the SVG's viewBox spans."""
    return qr_code(text).symbol_size(scale=1, border=QUIET_ZONE)[0]
