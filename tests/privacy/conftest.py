"""Shared by the privacy tests: the detector's scores, printed after the run
(tests/reports.py)."""

from __future__ import annotations

from tests import reports

SCORES = reports.section("identifier detector on the labelled sentences")
