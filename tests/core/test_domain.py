"""Domain helpers: parsing user input, cleaning names, summaries, and the FTS query builder."""

from __future__ import annotations

import datetime as dt
import sqlite3
import unicodedata
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carejournal.core.domain import (
    SUMMARY_LENGTH,
    EntryKind,
    Feeling,
    InvalidInput,
    clean_name,
    clean_names,
    occurred_at_iso,
    parse_date,
    parse_kind,
    parse_time,
    split_names,
    summarise,
)
from carejournal.store import fts

TODAY = dt.date(2026, 3, 1)


# -- parse_date -------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("2026-02-28", dt.date(2026, 2, 28)),
    ("  2024-02-29 ", dt.date(2024, 2, 29)),
    ("today", TODAY),
    ("Today", TODAY),
    (" YESTERDAY ", dt.date(2026, 2, 28)),
])
def test_parse_date_accepts_iso_today_and_yesterday(text: str, expected: dt.date) -> None:
    assert parse_date(text, today=TODAY) == expected


def test_parse_date_yesterday_crosses_year_boundary() -> None:
    assert parse_date("yesterday", today=dt.date(2026, 1, 1)) == dt.date(2025, 12, 31)


def test_parse_date_defaults_to_the_real_today() -> None:
    assert parse_date("today") == dt.date.today()


@pytest.mark.parametrize("text", ["2026-02-30", "2025-02-29", "next tuesday", "", "31/12/2025",
                                  "2026-13-01", "tomorrow"])
def test_parse_date_rejects_nonsense_with_a_helpful_message(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_date(text, today=TODAY)
    message = str(caught.value)
    assert f"'{text}'" in message
    assert "YYYY-MM-DD" in message and "yesterday" in message


# -- parse_time / parse_kind ----------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("14:30", dt.time(14, 30)),
    (" 07:05 ", dt.time(7, 5)),
    ("00:00", dt.time(0, 0)),
    ("23:59:59", dt.time(23, 59)),
    ("09:15+01:00", dt.time(9, 15)),
])
def test_parse_time_keeps_hours_and_minutes_only(text: str, expected: dt.time) -> None:
    parsed = parse_time(text)
    assert parsed == expected
    assert parsed.tzinfo is None and parsed.second == 0


@pytest.mark.parametrize("text", ["24:00", "2pm", "14:60", "", "noon", "14.30"])
def test_parse_time_rejects_bad_times(text: str) -> None:
    with pytest.raises(InvalidInput, match="use HH:MM"):
        parse_time(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("interaction", EntryKind.INTERACTION),
    (" Kindness ", EntryKind.KINDNESS),
    ("FALLIBILITY", EntryKind.FALLIBILITY),
    ("reflection", EntryKind.REFLECTION),
])
def test_parse_kind(text: str, expected: EntryKind) -> None:
    assert parse_kind(text) is expected


def test_parse_kind_lists_the_choices() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_kind("diary")
    message = str(caught.value)
    assert "'diary'" in message
    for kind in EntryKind:
        assert kind.value in message


# -- names ---------------------------------------------------------------------------------
def test_clean_names_dedupes_case_insensitively_keeping_first_spelling_and_order() -> None:
    assert clean_names(["Ann", "bob", "ANN", "  Bob ", "Cy", "ann"]) == ("Ann", "bob", "Cy")


def test_clean_names_drops_blanks_and_collapses_spaces() -> None:
    assert clean_names(["", "   ", "Mary \t  Jane", "\n"]) == ("Mary Jane",)


def test_clean_names_normalises_to_nfc_so_spellings_match() -> None:
    decomposed = "Sia\u0302n"  # 'a' + combining circumflex
    composed = "Si\u00e2n"
    assert clean_names([decomposed, composed]) == (composed,)


def test_clean_names_dedupes_non_ascii_case() -> None:
    assert clean_names(["Émile", "émile", "ZOË", "zoë"]) == ("Émile", "ZOË")


def test_split_names_splits_on_commas() -> None:
    assert split_names("Ann, Bob,, ann , Cy") == ("Ann", "Bob", "Cy")


def test_clean_name_limits_length() -> None:
    assert clean_name("x" * 80) == "x" * 80
    with pytest.raises(InvalidInput, match="too long"):
        clean_name("x" * 81)


@given(st.lists(st.text(max_size=12), max_size=8))
def test_clean_names_properties(values: list[str]) -> None:
    result = clean_names(values)
    folded = [name.casefold() for name in result]
    assert len(folded) == len(set(folded))
    for name in result:
        assert name and name == name.strip()
        assert unicodedata.is_normalized("NFC", name)
    # order follows each name's first appearance in the input
    firsts = [next(i for i, v in enumerate(values) if clean_name(v).casefold() == f)
              for f in folded]
    assert firsts == sorted(firsts)


# -- summarise -----------------------------------------------------------------------------
def test_summary_prefers_the_title() -> None:
    assert summarise("  Morning visit ", "Body text") == "Morning visit"


def test_summary_uses_first_non_blank_line_of_body_without_title() -> None:
    assert summarise("   ", "\n  \n   First real line  \nsecond line") == "First real line"


def test_summary_of_nothing_is_empty() -> None:
    assert summarise("", "") == ""
    assert summarise("", " \n\t\n") == ""


def test_summary_is_truncated_with_an_ellipsis() -> None:
    long = "word " * 100
    summary = summarise("", long)
    assert len(summary) == SUMMARY_LENGTH
    assert summary.endswith("…")
    assert summary[:-1] == long.strip()[: SUMMARY_LENGTH - 1]


def test_summary_of_exact_length_is_not_truncated() -> None:
    text = "a" * SUMMARY_LENGTH
    assert summarise(text, "") == text


def test_summary_removes_nul_characters() -> None:
    assert summarise("", "be\x00fore\nafter") == "before"
    assert summarise("Ti\x00tle", "") == "Title"


# -- Feeling, occurred_at ----------------------------------------------------------------
@pytest.mark.parametrize("score", [1, 3, 5])
def test_feeling_accepts_1_to_5(score: int) -> None:
    assert Feeling(score, "calm").score == score


@pytest.mark.parametrize("score", [0, 6, -1, 100])
def test_feeling_rejects_scores_outside_1_to_5(score: int) -> None:
    with pytest.raises(InvalidInput, match="from 1 to 5"):
        Feeling(score)


def test_occurred_at_iso() -> None:
    assert occurred_at_iso(dt.date(2026, 1, 5), None) == "2026-01-05"
    assert occurred_at_iso(dt.date(2026, 1, 5), dt.time(9, 7)) == "2026-01-05T09:07"


# -- to_match_query against a real FTS5 table ----------------------------------------------
@pytest.fixture(scope="module")
def fts_db() -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE entries (id INTEGER PRIMARY KEY, title TEXT, body TEXT, "
                 "details TEXT DEFAULT '')")
    for statement in fts.ALL_DDL:
        conn.execute(statement)
    yield conn
    conn.close()


def _search(conn: sqlite3.Connection, text: str) -> list[int]:
    query = fts.to_match_query(text)
    if not query:
        return []
    sql = "SELECT rowid FROM entries_fts WHERE entries_fts MATCH ? ORDER BY rowid"
    return [row[0] for row in conn.execute(sql, (query,))]


@pytest.mark.parametrize("text", [
    '"', '""', 'say "hi', "a AND b", "a OR", "NOT", "NEAR(a b, 2)", "(x", "x)", "*", "a*", "^a",
    "title:x", "-x", "+", "🙂", "a 🙂", "مرحبا", "שלום", "a\x00b", "\x00", "{a b}", "a:b",
])
def test_match_query_never_raises_on_awkward_input(fts_db: sqlite3.Connection,
                                                    text: str) -> None:
    _search(fts_db, text)


def test_match_query_quotes_words_and_prefixes_the_last() -> None:
    assert fts.to_match_query('say "hi" NOT') == '"say" """hi""" "NOT"*'
    assert fts.to_match_query("  ") == ""
    assert fts.to_match_query("?! 🙂") == ""


_AWKWARD = st.sampled_from(['"', "(", ")", "*", ":", "^", "-", "+", " ", "NEAR", "AND", "OR",
                            "NOT", "🙂", "é", "ש", "ع", "\x00", "\u200f", "_"])


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.characters(codec="utf-8"), _AWKWARD), max_size=20).map("".join))
def test_any_text_makes_a_query_fts5_accepts(fts_db: sqlite3.Connection, text: str) -> None:
    _search(fts_db, text)  # raises sqlite3.OperationalError if FTS5 rejects the query


# Letters and digits of scripts whose categories have not changed since Unicode 6.1, the
# tables SQLite's unicode61 tokenizer uses (U+19C8, a New Tai Lue mark then, is a letter now).
_WORDY = st.characters(categories=["L", "N"], max_codepoint=0x17FF)


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(_WORDY, _AWKWARD), max_size=20).map("".join).filter(
    lambda t: any(c.isalnum() for c in t)))
def test_text_with_words_finds_itself(fts_db: sqlite3.Connection, text: str) -> None:
    with fts_db:
        rowid = fts_db.execute(
            "INSERT INTO entries (title, body) VALUES ('', ?)", (text,)).lastrowid
    try:
        assert rowid in _search(fts_db, text)
    finally:
        with fts_db:
            fts_db.execute("DELETE FROM entries WHERE id = ?", (rowid,))


def test_summary_skips_a_first_line_of_only_nul_characters() -> None:
    assert summarise("", "\x00\x00\nReal words") == "Real words"
