"""A decision whose rung was not chosen is kept, and counted in no figure."""

from __future__ import annotations

import datetime as dt

from carejournal.core.domain import NO_RUNG, Decision, EntryDraft, EntryKind
from carejournal.core.patterns import Period
from carejournal.services.journal import Journal

DAY = dt.date(2026, 3, 2)


def _interaction(journal: Journal, *decisions: Decision) -> int:
    return journal.add(EntryDraft(kind=EntryKind.INTERACTION, occurred_on=DAY, body="Tea.",
                                  decisions=decisions))


def test_a_decision_on_no_rung_is_stored_as_such(journal: Journal) -> None:
    entry_id = _interaction(journal, Decision("What to wear", NO_RUNG))
    assert journal.get(entry_id).decisions == (Decision("What to wear", NO_RUNG, None),)


def test_an_unanswered_rung_is_counted_in_no_figure(journal: Journal) -> None:
    _interaction(journal, Decision("What to wear", NO_RUNG),
                 Decision("Lunch", "co-production"), Decision("Bath time", "coercion"))
    period = Period(DAY - dt.timedelta(days=6), DAY)
    series = journal.patterns.decisions(period)
    assert sum(n for _key, _label, n in series.by_rung) == 2
    assert NO_RUNG not in [key for key, _label, _n in series.by_rung]
    week = [n for n in series.per_week if n]
    assert week == [2]
    assert [s for s in series.with_share if s is not None] == [0.5]


def test_the_pack_says_the_rung_was_not_chosen(journal: Journal) -> None:
    from carejournal.pack.content import NO_RUNG_LABEL, pack_entry

    entry = journal.get(_interaction(journal, Decision("What to wear", NO_RUNG),
                                     Decision("Lunch", "co-production")))
    decisions = pack_entry(entry, to_discuss=False).decisions
    assert decisions[0] == ("What to wear", NO_RUNG_LABEL)
    assert decisions[1][1] != NO_RUNG_LABEL
