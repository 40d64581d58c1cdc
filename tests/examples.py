"""How many examples a property test runs, by the Hypothesis profile loaded (tests/conftest.py).

Each property test states the count that suits it under the default `ci` profile, sized by
what one example costs (an engine call: hundreds; a whole page run with AppTest: a dozen),
as `@settings(max_examples=examples(n))`; `--hypothesis-profile=nightly` multiplies every
count by NIGHTLY_FACTOR."""
from hypothesis import settings

NIGHTLY_FACTOR = 20


def examples(ci_count):
    """`ci_count` under the ci profile, scaled by the loaded profile's size relative to ci's."""
    scale = settings.default.max_examples / settings.get_profile("ci").max_examples
    return max(1, round(ci_count * scale))
