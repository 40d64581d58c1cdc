"""How numbers are written in explanations (LaTeX), one rule for every page.

Values with 1e-4 ≤ |v| < 1e6 get up to 9 decimals, trailing zeros dropped
(0.3775, 0.593269992, 0.082167041: the digits of the classic hand-worked
examples, which round to 9 decimals); others get 9 significant digits in
scientific form, 1.5 × 10^{-7}. Zero is 0.
"""
import math


def latex_number(value):
    value = float(value)
    if value == 0 or not math.isfinite(value):
        return "0" if value == 0 else (r"\infty" if value > 0 else (r"-\infty" if value < 0 else r"\mathrm{NaN}"))
    if 1e-4 <= abs(value) < 1e6:
        text = f"{value:.9f}".rstrip("0").rstrip(".")
        return "0" if text in ("0", "-0") else text
    mantissa, exponent = f"{value:.8e}".split("e")
    mantissa = mantissa.rstrip("0").rstrip(".")
    return rf"{mantissa} \times 10^{{{int(exponent)}}}"


def paren(value):
    """The number, in parentheses when negative or scientific (so it can follow an operator)."""
    text = latex_number(value)
    return rf"\left({text}\right)" if text.startswith("-") or r"\times" in text else text
