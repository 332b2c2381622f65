"""The Journal service: validation, all-or-nothing bulk adds, awkward text, missing entries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from carejournal.core.domain import EntryDraft, EntryFilter, EntryKind, Feeling, InvalidInput
from carejournal.core.errors import EntryNotFound
from carejournal.services import journal as journal_module
from carejournal.services.journal import Journal

NOW = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def journal(tmp_path: Path, clock: Clock) -> Iterator[Journal]:
    opened = Journal.open(tmp_path / "journal.sqlite", clock=clock, create=True)
    yield opened
    opened.close()


def make(body: str = "Walked to the shop.", day: dt.date = dt.date(2026, 2, 1),
         **fields: object) -> EntryDraft:
    return EntryDraft(kind=EntryKind.INTERACTION, occurred_on=day, body=body,
                      **fields)  # type: ignore[arg-type]


def found(journal: Journal, text: str) -> list[int]:
    return [row.id for row in journal.rows(EntryFilter(text=text))]


# -- validation ----------------------------------------------------------------------------
def test_add_tidies_the_draft(journal: Journal) -> None:
    entry = journal.get(journal.add(make(
        title="  Title  ", shift="  waking   night ", people=("Ann", " ann ", "", "Bo"),
        tags=("x", "X"))))
    assert (entry.title, entry.shift, entry.people, entry.tags) == (
        "Title", "waking night", ("Ann", "Bo"), ("x",))


def test_too_long_text_is_refused_with_the_limit(journal: Journal,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(journal_module, "MAX_TEXT_CHARS", 1_000)
    journal.add(make("x" * 1_000))
    with pytest.raises(InvalidInput, match=r"too long.*1,001 characters.*limit is 1,000"):
        journal.add(make("x" * 1_001))
    assert journal.count() == 1


def test_too_long_title_is_refused(journal: Journal) -> None:
    journal.add(make(title="t" * journal_module.MAX_TITLE_CHARS))
    with pytest.raises(InvalidInput, match="title is too long"):
        journal.add(make(title="t" * (journal_module.MAX_TITLE_CHARS + 1)))


def test_too_long_person_name_is_refused(journal: Journal) -> None:
    with pytest.raises(InvalidInput, match="too long for a name"):
        journal.add(make(people=("n" * 81,)))
    assert journal.count() == 0 and journal.people() == []


@pytest.mark.parametrize("day", [dt.date(1899, 12, 31), dt.date(1066, 10, 14), None,
                                 dt.date(9999, 12, 31)])
def test_implausible_dates_are_refused(journal: Journal, day: dt.date | None) -> None:
    day = day or dt.date.today() + dt.timedelta(days=367)
    with pytest.raises(InvalidInput, match=f"{day.isoformat()} is not a plausible date"):
        journal.add(make(day=day))
    assert journal.count() == 0


@pytest.mark.parametrize("day", [dt.date(1900, 1, 1), None])
def test_dates_at_the_edges_are_accepted(journal: Journal, day: dt.date | None) -> None:
    day = day or dt.date.today() + dt.timedelta(days=366)
    assert journal.get(journal.add(make(day=day))).occurred_on == day


def test_update_validates_too(journal: Journal) -> None:
    entry_id = journal.add(make("original"))
    with pytest.raises(InvalidInput):
        journal.update(entry_id, make(day=dt.date(1800, 1, 1)))
    assert journal.get(entry_id).body == "original"


# -- missing entries -----------------------------------------------------------------------
def test_missing_entries_raise_entry_not_found(journal: Journal) -> None:
    with pytest.raises(EntryNotFound, match="There is no entry 42.") as caught:
        journal.get(42)
    assert caught.value.entry_id == 42
    with pytest.raises(EntryNotFound):
        journal.update(42, make())
    assert journal.count() == 0
    assert journal.trash([42]) == 0
    assert journal.restore([42]) == 0


def test_trashed_entries_can_still_be_read(journal: Journal, clock: Clock) -> None:
    entry_id = journal.add(make())
    clock.now = NOW + dt.timedelta(days=1)
    assert journal.trash([entry_id]) == 1
    assert journal.get(entry_id).deleted_at == clock.now
    assert journal.rows() == []
    assert journal.restore([entry_id]) == 1
    assert journal.get(entry_id).deleted_at is None


def test_update_keeps_created_at_and_moves_updated_at(journal: Journal, clock: Clock) -> None:
    entry_id = journal.add(make("first"))
    clock.now = NOW + dt.timedelta(hours=2)
    journal.update(entry_id, make("second"))
    entry = journal.get(entry_id)
    assert (entry.created_at, entry.updated_at, entry.body) == (NOW, clock.now, "second")


# -- add_many ------------------------------------------------------------------------------
def test_add_many_is_all_or_nothing_when_a_draft_cannot_be_made(journal: Journal) -> None:
    def drafts() -> Iterator[EntryDraft]:
        yield make("first good", people=("Ann",), tags=("bulk",))
        yield make("second good")
        yield make("bad", feeling=Feeling(score=9))  # raises while the batch is being loaded

    with pytest.raises(InvalidInput, match="from 1 to 5"):
        journal.add_many(drafts())
    assert journal.count() == 0
    assert journal.people() == [] and journal.tags() == []
    later = journal.add(make("after the failure"))
    assert found(journal, "failure") == [later]  # the FTS insert trigger was restored


def test_add_many_is_all_or_nothing_when_validation_fails(
        journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(journal_module, "MAX_TEXT_CHARS", 20)
    drafts = [make("short one"), make("short two"), make("this one is far too long"),
              make("never reached")]
    with pytest.raises(InvalidInput, match="too long"):
        journal.add_many(drafts)
    assert journal.count() == 0
    assert found(journal, "short") == []


def test_add_many_entries_are_searchable_and_filterable(journal: Journal) -> None:
    drafts = [make(f"bulk note {n}", day=dt.date(2026, 1, 1) + dt.timedelta(days=n),
                   people=("Ann" if n % 2 else "ANN",), title="Even" if n % 2 == 0 else "")
              for n in range(30)]
    assert journal.add_many(drafts) == 30
    assert journal.count() == 30
    assert len(found(journal, "bulk")) == 30
    assert len(found(journal, "even")) == 15
    assert journal.people() == ["ANN"]
    assert len(journal.rows(EntryFilter(person="ann"))) == 30


def test_add_many_of_nothing(journal: Journal) -> None:
    assert journal.add_many([]) == 0
    assert journal.count() == 0


# -- awkward text --------------------------------------------------------------------------
AWKWARD = [
    "Emoji 🙂👩🏽‍⚕️ and flags 🏴󠁧󠁢󠁷󠁬󠁳󠁿",
    "مرحبا، كيف حالك اليوم؟",
    "שלום, מה שלומך היום?",
    "mixed ‏עברית‎ and English",
    "before\x00after",
    "\x00",
    "tabs\tand\r\nwindows newlines\rand\u2028separators",
    "combining e\u0301 vs \u00e9",
    "astral plane \U0001f600 \U00010348 and a BOM \ufeff",
]


@pytest.mark.parametrize("body", AWKWARD)
def test_awkward_text_round_trips_exactly(journal: Journal, body: str) -> None:
    entry_id = journal.add(make(body, title=body[:10]))
    entry = journal.get(entry_id)
    assert entry.body == body
    assert entry.body.encode("utf-8") == body.encode("utf-8")
    assert entry.title == body[:10].strip()
    summary = journal.rows()[0].summary
    assert "\x00" not in summary and "\n" not in summary


def test_summary_of_awkward_text(journal: Journal) -> None:
    journal.add(make("\n\n  مرحبا كيف حالك  \nsecond"))
    journal.add(make("a\x00b\nnext", day=dt.date(2026, 1, 1)))
    assert [r.summary for r in journal.rows()] == ["مرحبا كيف حالك", "ab"]


def test_rtl_and_nul_text_is_searchable(journal: Journal) -> None:
    arabic = journal.add(make("زرت السيدة في الصباح"))
    hebrew = journal.add(make("ביקור בבוקר"))
    nul = journal.add(make("before\x00afterword"))
    assert found(journal, "الصباح") == [arabic]
    assert found(journal, "בבוקר") == [hebrew]
    assert found(journal, "afterword") == [nul]
    assert found(journal, "before\x00after") == [nul]


def test_five_megabyte_body_round_trips(journal: Journal) -> None:
    line = "Long shift notes with ümlauts, emoji 🙂 and עברית.\n"
    body = "Start of a long entry\n" + line * (5_000_000 // len(line)) + "needle at the end"
    assert len(body.encode("utf-8")) > 5_000_000
    entry_id = journal.add(make(body))
    assert journal.get(entry_id).body == body
    row = journal.rows()[0]
    assert row.summary == "Start of a long entry"
    assert found(journal, "needle") == [entry_id]


def test_people_and_tags_are_sorted_case_insensitively(journal: Journal) -> None:
    journal.add(make(people=("cy", "Ann", "bo"), tags=("Zeta", "alpha")))
    assert journal.people() == ["Ann", "bo", "cy"]
    assert journal.tags() == ["alpha", "Zeta"]
    assert journal.get(1).people == ("Ann", "bo", "cy")
