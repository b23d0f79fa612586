"""The fuzzers' profiles (tests.fuzz.profiles), and the count of inputs printed at the end."""

import pytest

from tests.fuzz.profiles import TRIED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """How many inputs each fuzzer tried (printed at the end of the run)."""
    if TRIED:
        terminalreporter.write_line(f"fuzz inputs tried: {sum(TRIED.values())}")
        for name, n in sorted(TRIED.items()):
            terminalreporter.write_line(f"  {name}: {n}")
