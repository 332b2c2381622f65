"""One date style for the pack and the wizard: written out in English whatever the locale."""

from __future__ import annotations

import datetime as dt
import locale

import pytest

from carejournal.core.dates import long_day, readable_dates, short_day


def test_long_and_short_forms() -> None:
    assert long_day(dt.date(2026, 3, 3)) == "Tuesday 3 March 2026"
    assert long_day(dt.date(2026, 11, 26)) == "Thursday 26 November 2026"
    assert short_day(dt.date(2026, 3, 3)) == "3 Mar 2026"
    assert short_day(dt.date(2026, 9, 30)) == "30 Sep 2026"
    assert short_day(None) == "-" and short_day(None, "") == ""


def test_the_names_do_not_follow_the_process_locale() -> None:
    try:
        before = locale.setlocale(locale.LC_TIME)
        locale.setlocale(locale.LC_TIME, "de_DE.UTF-8")
    except locale.Error:
        pytest.skip("no German locale on this machine")
    try:
        assert long_day(dt.date(2026, 3, 3)) == "Tuesday 3 March 2026"
    finally:
        locale.setlocale(locale.LC_TIME, before)


def test_bracketed_iso_dates_from_older_agenda_items_are_made_readable() -> None:
    assert readable_dates("To discuss: Lunch (2026-11-05)") == "To discuss: Lunch (5 Nov 2026)"
    assert readable_dates("Room 2026-11-05 (2026-13-40)") == "Room 2026-11-05 (2026-13-40)"
