"""`carejournal list --on-this-day`: the same day and month in earlier years."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from carejournal.core.domain import EntryDraft, EntryKind, parse_date
from carejournal.services.journal import Journal
from tests.cli.helpers import cli_json, ok, refused


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "journal.sqlite"
    journal = Journal.open(path, create=True)
    today = parse_date("today")
    for day, text in ((dt.date(2021, 3, 5), "Five years on"), (dt.date(2025, 3, 5), "A year on"),
                      (dt.date(2026, 3, 5), "That very day"), (dt.date(2025, 3, 6), "Next day"),
                      (today.replace(year=today.year - 4), "Four years before today")):
        journal.add(EntryDraft(kind=EntryKind.REFLECTION, occurred_on=day, body=text))
    journal.close()
    return path


def test_on_this_day_json_lists_earlier_years_newest_first(
        capsys: pytest.CaptureFixture[str], path: Path) -> None:
    rows = cli_json(capsys, path, "list", "--on-this-day", "2026-03-05")
    assert [(r["summary"], r["occurred_at"]) for r in rows] == [
        ("A year on", "2025-03-05"), ("Five years on", "2021-03-05")]
    assert cli_json(capsys, path, "list", "--on-this-day", "2026-03-05", "-n", "1")[0][
        "summary"] == "A year on"


def test_on_this_day_without_a_date_means_today(
        capsys: pytest.CaptureFixture[str], path: Path) -> None:
    out = ok(capsys, path, "list", "--on-this-day")
    assert "Four years before today" in out and "A year on" not in out


def test_on_this_day_says_so_when_there_is_nothing(
        capsys: pytest.CaptureFixture[str], path: Path) -> None:
    assert ok(capsys, path, "list", "--on-this-day", "2026-07-01") == (
        "Nothing from 1 July in earlier years.\n")


def test_on_this_day_refuses_a_date_it_cannot_read(
        capsys: pytest.CaptureFixture[str], path: Path) -> None:
    assert "date" in refused(capsys, path, "list", "--on-this-day", "5th March")
