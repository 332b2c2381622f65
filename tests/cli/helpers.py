"""Helpers for running the carejournal command in this process."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from carejournal.cli.main import main


def cli(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> tuple[int, str, str]:
    """Run main() in this process and return (exit status, stdout, stderr)."""
    code = main(["--journal", str(path), *args])
    out, err = capsys.readouterr()
    return code, out, err


def cli_json(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> Any:
    """Run a command with --json and return the parsed output."""
    code, out, err = cli(capsys, path, *args, "--json")
    assert (code, err) == (0, ""), err
    return json.loads(out)


def ok(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> str:
    """Run a command that must succeed quietly on stderr; return its output."""
    code, out, err = cli(capsys, path, *args)
    assert (code, err) == (0, ""), err
    return out


def refused(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> str:
    """Run a command that must be refused: exit 2, no output, one line on stderr."""
    try:
        code = main(["--journal", str(path), *args])
    except SystemExit as exc:  # argparse's own usage errors
        code = exc.code  # type: ignore[assignment]
    out, err = capsys.readouterr()
    assert (code, out) == (2, ""), (code, out, err)
    assert err.startswith("carejournal: ") and err.endswith("\n") and err.count("\n") == 1, err
    return err
