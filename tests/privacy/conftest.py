"""Shared by the privacy tests: the detector's scores, printed after the run."""

from __future__ import annotations

import pytest

SCORES: dict[str, str] = {}


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the detector's recall and harmless-altered rate on the labelled sentences."""
    if SCORES:
        terminalreporter.section("identifier detector on the labelled sentences")
        for line in SCORES.values():
            terminalreporter.write_line(line)
