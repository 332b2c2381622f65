"""Figures the suite prints at its end (the lens's and the identifier detector's scores, the
property tests' inputs): each is a named section of lines. Under pytest-xdist the tests run
in worker processes, so each worker hands its sections to the main process when it ends
(tests/conftest.py), and the main process prints them all once."""

from __future__ import annotations

from typing import Any

import pytest

# section title -> line key -> text (this process's; the main process also gets the workers')
SECTIONS: dict[str, dict[str, str]] = {}
KEY = "carejournal_reports"


def section(title: str) -> dict[str, str]:
    """The lines of one printed section, to fill by key (a later line replaces one kept
    under the same key)."""
    return SECTIONS.setdefault(title, {})


def hand_over(config: pytest.Config) -> None:
    """In an xdist worker, give this process's sections to the main process."""
    output: dict[str, Any] | None = getattr(config, "workeroutput", None)
    if output is not None:
        output[KEY] = {title: dict(lines) for title, lines in SECTIONS.items() if lines}


def take_over(node: Any) -> None:
    """In the main process, add the sections a worker handed over."""
    for title, lines in getattr(node, "workeroutput", {}).get(KEY, {}).items():
        section(title).update(lines)


def print_all(terminalreporter: pytest.TerminalReporter) -> None:
    """Print every section that has lines, in the order they were first filled."""
    for title, lines in SECTIONS.items():
        if lines:
            terminalreporter.section(title)
            for key in sorted(lines) if title.endswith(": inputs tried") else lines:
                terminalreporter.write_line(lines[key])
