"""Every NetworkError the package raises has an English message, and each raise
passes exactly the values its message needs (checked in the source, so error
paths no test reaches are covered too). The interface's own errors
(`bpviz.ui.errors.InterfaceError`) are held to the same rules with their own messages,
and the engine's messages hold no code that only the interface raises."""
import ast
import string
from pathlib import Path

import pytest

from bpviz.engine import NetworkError
from bpviz.engine.messages import MESSAGES
from bpviz.ui import errors

PACKAGE = Path(__file__).resolve().parents[2] / "bpviz"


def _raise_sites(error_type):
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == error_type:
                yield f"{path.relative_to(PACKAGE)}:{node.lineno}", node


SITES = list(_raise_sites("NetworkError"))
INTERFACE_SITES = list(_raise_sites("InterfaceError"))


def fields(template):
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_package_raises_network_errors_from_many_places():
    assert len(SITES) > 100


@pytest.mark.parametrize("where, call, messages", [(where, call, MESSAGES) for where, call in SITES]
                         + [(where, call, errors.MESSAGES) for where, call in INTERFACE_SITES],
                         ids=[where for where, _ in SITES + INTERFACE_SITES])
def test_each_raise_names_a_known_code_and_passes_exactly_its_values(where, call, messages):
    assert call.args and isinstance(call.args[0], ast.Constant), f"{where}: the code must be a literal"
    code = call.args[0].value
    assert code in messages, f"{where}: unknown code {code!r}"
    assert len(call.args) == 1, f"{where}: values are passed by name"
    passed = {keyword.arg for keyword in call.keywords}
    assert passed == fields(messages[code]), f"{where}: {code} needs {sorted(fields(messages[code]))}"


@pytest.mark.parametrize("sites, messages", [(SITES, MESSAGES), (INTERFACE_SITES, errors.MESSAGES)])
def test_every_code_is_raised_somewhere(sites, messages):
    raised = {call.args[0].value for _, call in sites}
    assert set(messages) - raised == set()


def test_the_interface_codes_are_its_own_and_raised_only_in_the_interface():
    assert set(MESSAGES) & set(errors.MESSAGES) == set()
    assert all(where.startswith("ui/") for where, _ in INTERFACE_SITES)


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
