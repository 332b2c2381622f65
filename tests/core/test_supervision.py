"""Supervision sessions, the prompt, the "since the last supervision" period, and saved
preparations, on a real journal file."""

from __future__ import annotations

import datetime as dt

import pytest

from carejournal.core.domain import InvalidInput
from carejournal.core.patterns import PeriodChoice, period_for
from carejournal.core.preparation import AgendaItem, AgendaKind, Kept, Preparation, Step
from carejournal.core.supervision import (
    ActionStatus,
    AgreedAction,
    Session,
    parse_status,
    prompt_line,
    when_text,
)
from carejournal.services.journal import Journal
from carejournal.services.supervision import NoSession

TODAY = dt.date(2026, 11, 23)  # a Monday


def test_sessions_are_kept_in_date_order_with_their_actions(journal: Journal) -> None:
    later = journal.supervision.add(Session(dt.date(2026, 11, 26), "Team leader"))
    earlier = journal.supervision.add(Session(
        dt.date(2026, 10, 29), "  Team   leader ", "Talked about nights.",
        (AgreedAction("Read the falls policy", "me", dt.date(2026, 11, 10)),
         AgreedAction("   "))))
    sessions = journal.supervision.sessions()
    assert [s.id for s in sessions] == [earlier, later]
    first = sessions[0]
    assert first.supervisor == "Team leader", "spaces tidied"
    assert [a.text for a in first.actions] == ["Read the falls policy"], "blank actions dropped"
    assert first.actions[0].status is ActionStatus.OPEN


def test_action_status_changes_and_unknown_ids_are_refused(journal: Journal) -> None:
    sid = journal.supervision.add(Session(dt.date(2026, 10, 29)))
    journal.supervision.add_action(sid, "Shadow a night shift", "Sam", dt.date(2026, 11, 20))
    action = journal.supervision.session(sid).actions[0]
    journal.supervision.set_action_status(action.id, ActionStatus.IN_PROGRESS)
    assert journal.supervision.session(sid).actions[0].status is ActionStatus.IN_PROGRESS
    with pytest.raises(InvalidInput, match="no agreed action 999"):
        journal.supervision.set_action_status(999, ActionStatus.DONE)
    with pytest.raises(NoSession):
        journal.supervision.add_action(999, "x")
    with pytest.raises(InvalidInput, match="needs some words"):
        journal.supervision.add_action(sid, "   ")


def test_status_words_are_read_kindly() -> None:
    assert parse_status("In progress") is ActionStatus.IN_PROGRESS
    assert parse_status("DONE") is ActionStatus.DONE
    with pytest.raises(InvalidInput, match="not a status"):
        parse_status("finished-ish")


def test_since_the_last_supervision_starts_on_its_day(journal: Journal) -> None:
    with pytest.raises(InvalidInput, match="no supervision session"):
        journal.supervision.since_last(TODAY)
    journal.supervision.add(Session(dt.date(2026, 10, 1)))
    journal.supervision.add(Session(dt.date(2026, 10, 29)))
    journal.supervision.add(Session(dt.date(2026, 11, 26)))  # planned: not "last"
    period = journal.supervision.since_last(TODAY, "Mary")
    assert (period.since, period.until, period.person) == (dt.date(2026, 10, 29), TODAY,
                                                           "Mary")
    assert period_for(PeriodChoice.SINCE_SUPERVISION, TODAY,
                      last_supervision=dt.date(2026, 10, 29)).since == dt.date(2026, 10, 29)
    with pytest.raises(InvalidInput):
        period_for(PeriodChoice.SINCE_SUPERVISION, TODAY)


def test_the_prompt_comes_within_the_set_days(journal: Journal) -> None:
    assert journal.supervision.prompt(TODAY) is None, "no session planned"
    journal.supervision.add(Session(dt.date(2026, 11, 27)))  # Friday, 4 days on
    assert journal.supervision.prompt(TODAY) is None, "the default is 3 days"
    assert journal.supervision.prompt(TODAY + dt.timedelta(days=1)) is not None
    journal.settings.set_prompt_days(5)
    session, line = journal.supervision.prompt(TODAY)
    assert session.held_on == dt.date(2026, 11, 27)
    assert line == "Supervision on Friday: time for your no us and them check?"
    with pytest.raises(InvalidInput):
        journal.settings.set_prompt_days(-1)


def test_prompt_lines_and_when_texts() -> None:
    assert prompt_line(Session(TODAY), TODAY).startswith("Supervision today:")
    assert prompt_line(Session(TODAY + dt.timedelta(days=1)), TODAY).startswith(
        "Supervision tomorrow:")
    assert prompt_line(Session(dt.date(2026, 12, 3)), TODAY).startswith(
        "Supervision on 3 December:")
    assert when_text(dt.date(2026, 11, 26), TODAY) == "on Thursday"


def test_a_new_preparation_covers_the_time_since_the_session_before(journal: Journal
                                                                     ) -> None:
    journal.supervision.add(Session(dt.date(2026, 10, 29)))
    upcoming = journal.supervision.add(Session(dt.date(2026, 11, 26)))
    journal.settings.set_worker_name("Alex Morgan")
    prep = journal.supervision.prepare_next(TODAY)
    assert (prep.session_id, prep.since, prep.until) == (upcoming, dt.date(2026, 10, 29),
                                                         TODAY)
    assert prep.worker_name == "Alex Morgan"


def test_no_planned_session_means_no_preparation(journal: Journal) -> None:
    journal.supervision.add(Session(dt.date(2026, 10, 29)))
    with pytest.raises(NoSession, match="no supervision session is planned"):
        journal.supervision.prepare_next(TODAY)


def test_a_preparation_is_saved_and_reopened_whole(journal: Journal) -> None:
    sid = journal.supervision.add(Session(dt.date(2026, 11, 26)))
    prep = journal.supervision.preparation(sid, TODAY)
    prep.entry_ids, prep.to_discuss, prep.language_before = [3, 1], [1], 4
    prep.kept["1/body/x:y"] = Kept("Their own words")
    prep.strengths["Mary"] = "Made everyone laugh"
    prep.bring(AgendaItem(AgendaKind.QUESTION, "How do I say no kindly?"))
    prep.step = Step.AGENDA
    journal.supervision.save(prep)
    again = journal.supervision.preparation(sid, TODAY + dt.timedelta(days=1))
    assert again == prep


def test_a_damaged_preparation_starts_again(journal: Journal) -> None:
    sid = journal.supervision.add(Session(dt.date(2026, 11, 26)))
    journal.supervision._store.save_preparation(sid, "{not json", dt.datetime.now(dt.UTC))
    prep = journal.supervision.preparation(sid, TODAY)
    assert prep.session_id == sid and prep.agenda == []


def test_agenda_items_move_and_steps_replace_their_own(journal: Journal) -> None:
    prep = Preparation(1, TODAY, TODAY)
    prep.bring(AgendaItem(AgendaKind.QUESTION, "A"))
    prep.bring(AgendaItem(AgendaKind.STRENGTH, "B", "strength:Mary"))
    prep.bring(AgendaItem(AgendaKind.QUESTION, "C"))
    prep.bring(AgendaItem(AgendaKind.STRENGTH, "B2", "strength:Mary"))
    assert [a.text for a in prep.agenda] == ["A", "B2", "C"]
    prep.move(2, 0)
    assert [a.text for a in prep.agenda] == ["C", "A", "B2"]
    prep.drop("strength:Mary")
    assert [a.text for a in prep.agenda] == ["C", "A"]
    with pytest.raises(InvalidInput, match="no agenda item 5"):
        prep.move(4, 0)


def test_deleting_a_session_deletes_its_preparation(journal: Journal) -> None:
    sid = journal.supervision.add(Session(dt.date(2026, 11, 26)))
    journal.supervision.save(journal.supervision.preparation(sid, TODAY))
    journal.supervision.delete(sid)
    assert journal.supervision.sessions() == []
    assert journal.supervision._store.preparation(sid) is None
