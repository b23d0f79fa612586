"""Hypothesis profiles for the fuzzers, and a count of the inputs each one tried.

`make test` runs the seeded `ci` profile (derandomized: the same examples every run, a few
thousand per reader); `make fuzz` runs the `fuzz` profile (random, many more). Choose with
NETVET_FUZZ_PROFILE=ci|fuzz; NETVET_FUZZ_EXAMPLES overrides the count per test.
"""

import os
from collections import Counter

from hypothesis import HealthCheck, settings

TRIED: Counter[str] = Counter()
_SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture]
settings.register_profile(
    "ci", max_examples=1000, derandomize=True, deadline=None, suppress_health_check=_SLOW, database=None
)
settings.register_profile("fuzz", max_examples=20000, deadline=None, suppress_health_check=_SLOW)
settings.load_profile(os.environ.get("NETVET_FUZZ_PROFILE", "ci"))
if os.environ.get("NETVET_FUZZ_EXAMPLES"):
    settings.register_profile(
        "counted", settings.default, max_examples=int(os.environ["NETVET_FUZZ_EXAMPLES"])
    )
    settings.load_profile("counted")


def count(name: str) -> None:
    """One more input tried by the fuzzer `name`."""
    TRIED[name] += 1
