"""Learning and feedback values, and the registration tracker's arithmetic (no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from carejournal.core.cpd import (
    MAX_EVIDENCE_BYTES,
    Evidence,
    Feedback,
    FeedbackDraft,
    Learning,
    LearningDraft,
    Theme,
    checked_feedback,
    checked_learning,
    hours_text,
    parse_hours,
    parse_themes,
)
from carejournal.core.domain import InvalidInput
from carejournal.core.registration import (
    Records,
    Register,
    reminder_due,
    swe_year,
    three_years_before,
    tracker_status,
)

D = dt.date


def learning(ended: dt.date, minutes: int = 60, part: int = 0, peer: bool = False) -> Learning:
    return Learning(1, "Course", "Falls", ended, ended, minutes, part, (), "", peer)


def test_themes_are_read_by_word_or_key_in_the_codes_order() -> None:
    assert parse_themes("safety, people") == (Theme.PEOPLE, Theme.SAFETY)
    assert parse_themes("promote-professionalism;effectively") == (Theme.EFFECTIVE,
                                                                   Theme.TRUST)
    assert parse_themes("") == ()
    with pytest.raises(InvalidInput, match="unknown Code theme 'kindness'"):
        parse_themes("kindness")


@pytest.mark.parametrize(("text", "minutes"), [("1.5", 90), ("2", 120), ("0:45", 45)])
def test_hours_are_kept_as_minutes(text: str, minutes: int) -> None:
    assert parse_hours(text) == minutes


def test_hours_text_and_bad_hours() -> None:
    assert (hours_text(90), hours_text(120), hours_text(0)) == ("1.5", "2", "0")
    for bad in ("an hour", "-1", "5000"):
        with pytest.raises(InvalidInput):
            parse_hours(bad)


def test_a_learning_record_is_checked() -> None:
    ok = LearningDraft("  Course ", "Falls   prevention", D(2026, 3, 1), D(2026, 3, 2), 120, 60)
    assert checked_learning(ok).topic == "Falls prevention"
    with pytest.raises(InvalidInput, match="ends before it starts"):
        checked_learning(LearningDraft("Course", "x", D(2026, 3, 2), D(2026, 3, 1), 60))
    with pytest.raises(InvalidInput, match="participatory"):
        checked_learning(LearningDraft("Course", "x", D(2026, 3, 1), D(2026, 3, 1), 60, 61))
    with pytest.raises(InvalidInput, match="topic is empty"):
        checked_learning(LearningDraft("Course", " ", D(2026, 3, 1), D(2026, 3, 1), 60))


def test_evidence_over_the_cap_is_refused_saying_why() -> None:
    big = Evidence("scan.pdf", b"x" * (MAX_EVIDENCE_BYTES + 1))
    draft = LearningDraft("Course", "x", D(2026, 3, 1), D(2026, 3, 1), 60, evidence=(big,))
    with pytest.raises(InvalidInput, match="backups stay quick"):
        checked_learning(draft)


def test_feedback_needs_words_and_a_role() -> None:
    assert checked_feedback(FeedbackDraft(D(2026, 1, 1), " relative ", "Kind.")).from_role \
        == "relative"
    with pytest.raises(InvalidInput):
        checked_feedback(FeedbackDraft(D(2026, 1, 1), "relative", "  "))


def test_the_swe_year_runs_to_30_november() -> None:
    assert swe_year(D(2026, 11, 30)) == (D(2025, 12, 1), D(2026, 11, 30))
    assert swe_year(D(2026, 12, 1)) == (D(2026, 12, 1), D(2027, 11, 30))


def test_swe_figures_count_this_years_pieces_and_peer_reflection() -> None:
    records = Records([learning(D(2026, 5, 1)), learning(D(2025, 11, 30), peer=True)])
    status = tracker_status(Register.SWE, D(2026, 6, 1), records)
    assert status.text == ("Registration year to 30 November: CPD 1 of 2, with peer "
                           "reflection 0 of 1")
    assert status.as_json()["figures"] == {"cpd": {"done": 1, "needed": 2},
                                           "peer_reflection": {"done": 0, "needed": 1}}


def test_nmc_figures_over_the_three_years_to_revalidation() -> None:
    deadline = D(2028, 3, 14)
    records = Records(
        [learning(D(2026, 1, 1), 22 * 60, 12 * 60), learning(D(2024, 1, 1), 600, 600)],
        [Feedback(i, D(2027, 1, i + 1), "relative", "x", "") for i in range(3)],
        [D(2026, 2, 1), D(2027, 2, 1)], None)
    status = tracker_status(Register.NMC, D(2027, 6, 1), records, deadline)
    assert status.text == (
        "Revalidation by 14 March 2028: CPD 22 of 35 hours (12 of 20 participatory), "
        "feedback 3 of 5, reflective accounts 2 of 5, reflective discussion not yet")
    assert status.start == three_years_before(deadline) == D(2025, 3, 15)


def test_nmc_without_a_date_asks_for_one_and_none_says_nothing() -> None:
    assert "set your revalidation date" in tracker_status(
        Register.NMC, D(2027, 1, 1), Records()).text
    assert tracker_status(Register.NONE, D(2027, 1, 1), Records()).text == ""


def test_reminders_come_60_and_14_days_before_once_each() -> None:
    status = tracker_status(Register.SWE, D(2026, 6, 1), Records())
    assert reminder_due(status, D(2026, 9, 30), []) is None  # 61 days
    assert reminder_due(status, D(2026, 10, 1), []) == "2026-11-30:60"
    assert reminder_due(status, D(2026, 10, 2), ["2026-11-30:60"]) is None
    assert reminder_due(status, D(2026, 11, 16), ["2026-11-30:60"]) == "2026-11-30:14"
    assert reminder_due(status, D(2026, 11, 20), ["2026-11-30:60", "2026-11-30:14"]) is None
