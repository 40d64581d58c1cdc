"""Settings for the whole suite: Hypothesis profiles.

- `ci` (the default, what `bash scripts/test.sh` runs): every property test with its own
  example count as written (`settings(max_examples=...)`), sized so the suite stays fast.
- `nightly` (by hand: `python3 -m pytest --hypothesis-profile=nightly`): NIGHTLY_FACTOR
  times as many examples in every property test, for a long hunt.

Property tests ask for their example count through `tests.examples.examples(n)`, which
scales n by the loaded profile.
"""
from hypothesis import HealthCheck, settings

from tests.examples import NIGHTLY_FACTOR

SLOW_CHECKS = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile("ci", max_examples=50, deadline=None, print_blob=True)
settings.register_profile("nightly", max_examples=50 * NIGHTLY_FACTOR, deadline=None, print_blob=True,
                          suppress_health_check=SLOW_CHECKS)
settings.load_profile("ci")
