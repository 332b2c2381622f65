"""Learning, evidence, feedback and reflective accounts on real SQLite files (migration 0008)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from carejournal.core.cpd import Evidence, FeedbackDraft, LearningDraft, Theme
from carejournal.core.domain import InvalidInput
from carejournal.core.registration import Register
from carejournal.services.cpd import evidence_from
from carejournal.services.journal import Journal
from tests.conftest import draft
from tests.store.test_lens_store import downgrade
from tests.store.test_schema import describe_schema, migrate, sql

D = dt.date
PDF = Evidence("certificate.pdf", b"%PDF-1.4 certificate bytes \x00\x01")


def course(topic: str = "Falls prevention", **fields: object) -> LearningDraft:
    values: dict[str, object] = {
        "method": "Online course", "topic": topic, "started_on": D(2026, 3, 1),
        "ended_on": D(2026, 3, 2), "minutes": 150, "participatory_minutes": 60,
        "themes": (Theme.SAFETY,), "changed": "I check footwear first."}
    values.update(fields)
    return LearningDraft(**values)  # type: ignore[arg-type]


def test_learning_is_kept_with_its_evidence(journal: Journal) -> None:
    new_id = journal.cpd.add_learning(course(evidence=(PDF,), peer_reflection=True))
    [stored] = journal.cpd.learning()
    assert (stored.id, stored.topic, stored.minutes, stored.participatory_minutes,
            stored.themes, stored.peer_reflection) == (
        new_id, "Falls prevention", 150, 60, (Theme.SAFETY,), True)
    [info] = stored.evidence
    assert (info.name, info.size) == ("certificate.pdf", len(PDF.data))
    assert journal.cpd.evidence(info.id) == PDF


def test_learning_and_feedback_are_found_by_their_words(journal: Journal) -> None:
    journal.cpd.add_learning(course("Falls prevention"))
    journal.cpd.add_learning(course("Medicines 100%", changed="double-check MAR"))
    assert [r.topic for r in journal.cpd.learning("falls")] == ["Falls prevention"]
    assert [r.topic for r in journal.cpd.learning("mar")] == ["Medicines 100%"]
    assert [r.topic for r in journal.cpd.learning("100%")] == ["Medicines 100%"]
    assert journal.cpd.learning("0%x") == []
    journal.cpd.add_feedback(FeedbackDraft(D(2026, 4, 1), "relative", "You listened."))
    journal.cpd.add_feedback(FeedbackDraft(D(2026, 5, 1), "colleague", "Handover was clear."))
    assert [f.from_role for f in journal.cpd.feedback("handover")] == ["colleague"]
    assert [f.from_role for f in journal.cpd.feedback()] == ["colleague", "relative"]
    assert [f.from_role for f in journal.cpd.feedback(until=D(2026, 4, 30))] == ["relative"]


def test_deleting_learning_deletes_its_evidence(journal: Journal) -> None:
    new_id = journal.cpd.add_learning(course(evidence=(PDF,)))
    journal.cpd.delete_learning(new_id)
    assert sql(journal.path, "SELECT count(*) FROM learning_evidence") == [(0,)]
    with pytest.raises(InvalidInput):
        journal.cpd.delete_learning(new_id)


def test_evidence_is_read_from_disk_and_too_big_refused(tmp_path: Path) -> None:
    small, big = tmp_path / "cert.png", tmp_path / "video.mp4"
    small.write_bytes(b"png")
    with big.open("wb") as out:
        out.truncate(6 * 1024 * 1024)
    assert evidence_from(small) == Evidence("cert.png", b"png")
    with pytest.raises(InvalidInput, match="at most 5 MB"):
        evidence_from(big)
    with pytest.raises(InvalidInput, match="cannot read"):
        evidence_from(tmp_path / "missing.pdf")


def test_evidence_is_encrypted_with_the_journal(tmp_path: Path) -> None:
    from carejournal.store.keyfile import new_data_key

    path = tmp_path / "secret.journal"
    journal = Journal.open(path, create=True, key=new_data_key())
    try:
        journal.cpd.add_learning(course(evidence=(Evidence("c.txt", b"PLAINTEXT-MARKER"),)))
    finally:
        journal.close()
    assert b"PLAINTEXT-MARKER" not in path.read_bytes()


def test_register_settings_and_tracker(journal: Journal) -> None:
    cpd = journal.cpd
    assert cpd.register() is Register.NONE and cpd.status(D(2027, 1, 1)).text == ""
    cpd.set_register(Register.NMC)
    cpd.set_revalidation_on(D(2028, 3, 14))
    cpd.add_learning(course(minutes=22 * 60, participatory_minutes=12 * 60))
    for day in (1, 2, 3):
        cpd.add_feedback(FeedbackDraft(D(2026, 6, day), "relative", "Thank you."))
    entry = journal.add(draft("A reflection."))
    cpd.note_account(entry, (Theme.PEOPLE,), D(2026, 7, 1))
    cpd.note_account(entry, (Theme.PEOPLE,), D(2026, 7, 2))  # the same entry counts once
    cpd.note_account(None, (), D(2026, 8, 1))
    assert cpd.status(D(2027, 1, 1)).text == (
        "Revalidation by 14 March 2028: CPD 22 of 35 hours (12 of 20 participatory), "
        "feedback 3 of 5, reflective accounts 2 of 5, reflective discussion not yet")
    cpd.set_discussion_on(D(2027, 1, 5))
    assert cpd.status(D(2027, 2, 1)).text.endswith("reflective discussion done")


def test_the_reminder_is_shown_once(journal: Journal) -> None:
    cpd = journal.cpd
    cpd.set_register(Register.SWE)
    assert cpd.reminder(D(2026, 6, 1)) is None
    due = cpd.reminder(D(2026, 10, 15))
    assert due is not None and due[0] == "2026-11-30:60" and "CPD 0 of 2" in due[1]
    cpd.reminder_shown(due[0])
    assert cpd.reminder(D(2026, 10, 16)) is None
    assert cpd.reminder(D(2026, 11, 20)) is not None


# -- migration 0009 -------------------------------------------------------------------------
def test_a_0008_journal_upgrades_with_nothing_lost(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    journal = Journal.open(path, create=True)
    entry = journal.add(draft("Before the upgrade."))
    journal.close()
    downgrade(path, "0008")
    assert "learning_records" not in str(describe_schema(path))
    journal = Journal.open(path, create=True)  # upgrades again, backing up first
    try:
        assert journal.get(entry).body == "Before the upgrade."
        journal.cpd.add_learning(course(evidence=(PDF,)))
        assert [r.topic for r in journal.cpd.learning()] == ["Falls prevention"]
    finally:
        journal.close()
    assert sql(path, "SELECT version_num FROM alembic_version") == [("0009",)]


def test_downgrade_to_0008_gives_back_the_0008_schema(tmp_path: Path) -> None:
    path, reference = tmp_path / "journal.sqlite", tmp_path / "ref.sqlite"
    journal = Journal.open(path, create=True)
    journal.cpd.add_learning(course(evidence=(PDF,)))
    journal.add(draft("Kept."))
    journal.close()
    downgrade(path, "0008")
    migrate(reference, "0008")
    assert describe_schema(path) == describe_schema(reference)
    assert sql(path, "SELECT body FROM entries") == [("Kept.",)]
