"""Counts of the inputs the property tests tried, printed at the end of the run."""

from __future__ import annotations

from collections import Counter

import pytest

TRIED: Counter[str] = Counter()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print how many generated inputs each property test tried."""
    if TRIED:
        terminalreporter.section("interchange property tests: inputs tried")
        for name, count in sorted(TRIED.items()):
            terminalreporter.write_line(f"{name}: {count}")
