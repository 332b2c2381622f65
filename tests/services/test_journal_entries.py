"""Journal.entries: many entries read in full at once, exactly as get() reads each one."""

from __future__ import annotations

import datetime as dt

import pytest

from carejournal.core.domain import (
    ActDone,
    ActionItem,
    Decision,
    EntryDraft,
    EntryKind,
    Feeling,
    LinkKind,
)
from carejournal.core.errors import EntryNotFound
from carejournal.services.journal import Journal
from tests.conftest import draft

DAY = dt.date(2026, 3, 2)


def full(journal: Journal, day: dt.date = DAY, body: str = "Tea with Mary and Ann.",
         ) -> EntryDraft:
    """A draft with every part an entry can hold filled in."""
    act = journal.kindness.acts()[0]
    return draft(body, day=day, title="Tea", people=("Mary", "ann", "Bob"),
                 tags=("tea", "Garden"), feeling=Feeling(4, "calm"),
                 acts=(ActDone(act.id, "a warm cup"),), strengths="Mary laughed.",
                 decisions=(Decision("Chose the mug", "co-production", True),
                            Decision("Went out", "informing", None)),
                 dismissed=("b:rule", "a:rule"))


def test_entries_match_get_in_the_order_asked(journal: Journal) -> None:
    first = journal.add(full(journal))
    second = journal.add(draft("", kind=EntryKind.REFLECTION, day=DAY, model="gibbs",
                               sections=(("description", "Ann chose."), ("feelings", "Glad.")),
                               actions=(ActionItem("Ask Ann", DAY + dt.timedelta(days=7)),)))
    mirror = journal.add(draft("I rushed her.", kind=EntryKind.FALLIBILITY, day=DAY),
                         mirror_of=first)
    plain = journal.add(draft("A walk."))
    ids = [plain, mirror, first, second]
    got = journal.entries(ids)
    assert got == [journal.get(i) for i in ids]
    assert [e.id for e in got] == ids
    by_id = {e.id: e for e in got}
    assert [link.entry_id for link in by_id[first].links] == [mirror]
    assert by_id[mirror].links[0].outgoing and not by_id[first].links[0].outgoing
    assert by_id[first].dismissed == ("a:rule", "b:rule")
    assert by_id[first].people == journal.get(first).people and by_id[first].acts
    assert by_id[second].sections and by_id[second].actions


def test_trashed_entries_and_repeats_are_read_too(journal: Journal) -> None:
    kept, trashed = journal.add(draft("Kept.")), journal.add(draft("Binned."))
    journal.trash([trashed])
    got = journal.entries([trashed, kept, trashed])
    assert [e.id for e in got] == [trashed, kept, trashed]
    assert got[0].deleted_at is not None and got[0] == journal.get(trashed)


def test_a_link_to_a_trashed_entry_is_left_out_as_get_does(journal: Journal) -> None:
    source = journal.add(draft("Tea."))
    mirror = journal.add(draft("Rushed.", kind=EntryKind.FALLIBILITY), mirror_of=source)
    journal.trash([mirror])
    assert journal.entries([source])[0].links == ()
    assert journal.entries([source]) == [journal.get(source)]
    assert journal.entries([mirror])[0].links[0].kind is LinkKind.MIRROR


def test_an_unknown_id_raises_entry_not_found_like_get(journal: Journal) -> None:
    known = journal.add(draft())
    with pytest.raises(EntryNotFound) as caught:
        journal.entries([known, 4242, 4343])
    assert caught.value.entry_id == 4242  # the first one missing, in the order asked
    assert journal.entries([]) == []


def test_more_entries_than_one_query_reads_at_once(journal: Journal) -> None:
    journal.add_many(draft(f"Day {n}.", day=DAY - dt.timedelta(days=n % 300),
                           people=(f"P{n % 7}",), tags=("t",)) for n in range(1_203))
    ids = sorted((r.id for r in journal.rows()), reverse=True)
    got = journal.entries(ids)
    assert [e.id for e in got] == ids
    assert got[::97] == [journal.get(i) for i in ids[::97]]
