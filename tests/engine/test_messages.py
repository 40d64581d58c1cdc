"""Every NetworkError the package raises has an English message, and each raise
passes exactly the values its message needs (checked in the source, so error
paths no test reaches are covered too)."""
import ast
import string
from pathlib import Path

import pytest

from bpviz.engine import NetworkError
from bpviz.engine.messages import MESSAGES

PACKAGE = Path(__file__).resolve().parents[2] / "bpviz"


def _raise_sites():
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "NetworkError":
                yield f"{path.relative_to(PACKAGE)}:{node.lineno}", node


SITES = list(_raise_sites())


def fields(template):
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_package_raises_network_errors_from_many_places():
    assert len(SITES) > 100


@pytest.mark.parametrize("where, call", SITES, ids=[where for where, _ in SITES])
def test_each_raise_names_a_known_code_and_passes_exactly_its_values(where, call):
    assert call.args and isinstance(call.args[0], ast.Constant), f"{where}: the code must be a literal"
    code = call.args[0].value
    assert code in MESSAGES, f"{where}: unknown code {code!r}"
    assert len(call.args) == 1, f"{where}: values are passed by name"
    passed = {keyword.arg for keyword in call.keywords}
    assert passed == fields(MESSAGES[code]), f"{where}: {code} needs {sorted(fields(MESSAGES[code]))}"


def test_every_code_is_raised_somewhere():
    raised = {call.args[0].value for _, call in SITES}
    assert set(MESSAGES) - raised == set()


def test_the_error_keeps_its_code_and_values_and_reads_in_english():
    error = NetworkError("layer_too_big", layer=1, limit=8)
    assert (error.code, error.params) == ("layer_too_big", {"layer": 1, "limit": 8})
    assert str(error) == "layer 1 must have at most 8 neurons"
    assert isinstance(error, ValueError)


def test_a_hostile_value_is_cut_short_in_the_message():
    error = NetworkError("unknown_choice", field="loss", choices="a, b", got="x" * 10_000)
    assert len(str(error)) < 100


def test_an_unknown_code_is_a_programming_error():
    with pytest.raises(KeyError, match="no message for code"):
        NetworkError("no_such_code")
