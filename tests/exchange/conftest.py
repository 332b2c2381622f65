"""Counts of the inputs the property tests tried, printed at the end of the run
(tests/reports.py)."""

from __future__ import annotations

from collections import Counter

from tests import reports

TRIED: Counter[str] = Counter()
LINES = reports.section("interchange property tests: inputs tried")


def tried(name: str, count: int = 1) -> None:
    """Count inputs a property test tried, and keep its printed line up to date."""
    TRIED[name] += count
    LINES[name] = f"{name}: {TRIED[name]}"
