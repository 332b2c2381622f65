"""Learning and feedback records reworded and deleted, and evidence files added to and
removed from a stored record, through journal.cpd and journal.ops, on real SQLite files."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from carejournal.core.changes import Changes
from carejournal.core.cpd import MAX_EVIDENCE_FILES, Evidence, FeedbackDraft, LearningDraft, Theme
from carejournal.core.domain import InvalidInput
from carejournal.services.journal import Journal

D = dt.date
PDF = Evidence("certificate.pdf", b"%PDF-1.4 certificate")
PHOTO = Evidence("notes.jpg", b"\xff\xd8 photo of my notes")


def course(**fields: object) -> LearningDraft:
    values: dict[str, object] = {
        "method": "Online course", "topic": "Falls prevention", "started_on": D(2026, 3, 1),
        "ended_on": D(2026, 3, 2), "minutes": 150, "participatory_minutes": 60,
        "themes": (Theme.SAFETY,), "changed": "I check footwear first."}
    values.update(fields)
    return LearningDraft(**values)  # type: ignore[arg-type]


def test_a_learning_record_is_reworded_and_its_evidence_kept(journal: Journal) -> None:
    first = journal.cpd.add_learning(course(evidence=(PDF,)))
    other = journal.cpd.add_learning(course(topic="Hand hygiene"))
    changes = journal.ops.update_learning(first, course(topic="Falls and footwear",
                                                        minutes=180, themes=()))
    assert changes == Changes(cpd=True)
    record = journal.cpd.get_learning(first)
    assert (record.topic, record.minutes, record.themes) == ("Falls and footwear", 180, ())
    assert [e.name for e in record.evidence] == ["certificate.pdf"]
    assert journal.cpd.get_learning(other).topic == "Hand hygiene", "only that one"


def test_evidence_is_added_and_removed_on_a_stored_record(journal: Journal) -> None:
    new_id = journal.cpd.add_learning(course(evidence=(PDF,)))
    [pdf] = journal.cpd.get_learning(new_id).evidence
    journal.ops.update_learning(new_id, course(evidence=(PHOTO,)), remove_evidence={pdf.id})
    [photo] = journal.cpd.get_learning(new_id).evidence
    assert photo.name == "notes.jpg" and journal.cpd.evidence(photo.id) == PHOTO
    assert journal.cpd.evidence_of(new_id) == [PHOTO], "the certificate's bytes are gone"


def test_another_records_evidence_is_never_removed(journal: Journal) -> None:
    mine = journal.cpd.add_learning(course())
    theirs = journal.cpd.add_learning(course(evidence=(PDF,)))
    [pdf] = journal.cpd.get_learning(theirs).evidence
    journal.cpd.update_learning(mine, course(), remove_evidence={pdf.id})
    assert journal.cpd.evidence(pdf.id) == PDF


def test_too_many_files_or_a_bad_draft_changes_nothing(journal: Journal) -> None:
    new_id = journal.cpd.add_learning(course(evidence=(PDF,) * MAX_EVIDENCE_FILES))
    with pytest.raises(InvalidInput, match="at most 10 evidence files"):
        journal.cpd.update_learning(new_id, course(topic="Renamed", evidence=(PHOTO,)))
    with pytest.raises(InvalidInput, match="topic is empty"):
        journal.cpd.update_learning(new_id, course(topic=" "))
    record = journal.cpd.get_learning(new_id)
    assert record.topic == "Falls prevention" and len(record.evidence) == MAX_EVIDENCE_FILES
    ids = {e.id for e in record.evidence}
    journal.cpd.update_learning(new_id, course(evidence=(PHOTO,)), remove_evidence=ids)
    assert [e.name for e in journal.cpd.get_learning(new_id).evidence] == ["notes.jpg"]


def test_a_missing_record_is_said_plainly(journal: Journal) -> None:
    with pytest.raises(InvalidInput, match="no learning record 9"):
        journal.ops.update_learning(9, course())
    with pytest.raises(InvalidInput, match="no feedback record 9"):
        journal.ops.update_feedback(9, FeedbackDraft(D(2026, 4, 1), "relative", "Thanks."))
    with pytest.raises(InvalidInput, match="no feedback record 9"):
        journal.ops.delete_feedback(9)


def test_feedback_is_reworded_checked_and_deleted(journal: Journal) -> None:
    done = journal.ops.add_feedback(FeedbackDraft(D(2026, 4, 1), "relative", "You listened."))
    assert done.changes == Changes(cpd=True)
    reworded = FeedbackDraft(D(2026, 4, 2), "  a  relative ", "You listened to Mum.", "I sit.")
    assert journal.ops.update_feedback(done.value, reworded) == Changes(cpd=True)
    stored = journal.cpd.get_feedback(done.value)
    assert (stored.received_on, stored.from_role, stored.said, stored.changed) == (
        D(2026, 4, 2), "a relative", "You listened to Mum.", "I sit.")
    with pytest.raises(InvalidInput, match="say what the feedback said"):
        journal.cpd.update_feedback(done.value, dataclasses.replace(reworded, said=""))
    assert journal.cpd.get_feedback(done.value).said == "You listened to Mum."
    assert journal.ops.delete_feedback(done.value) == Changes(cpd=True)
    assert journal.cpd.feedback() == []


def test_deleting_learning_through_ops_says_the_figures_changed(journal: Journal) -> None:
    done = journal.ops.add_learning(course(evidence=(PDF,)))
    assert done.changes == Changes(cpd=True) and journal.cpd.get_learning(done.value)
    assert journal.ops.delete_learning(done.value) == Changes(cpd=True)
    assert journal.cpd.learning() == []
