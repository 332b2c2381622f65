"""Salvage keeps learning records, their evidence files, feedback and reflective accounts
(migration 0009) from a damaged journal; a journal older than them loses nothing either."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest

from carejournal.core.cpd import Evidence, FeedbackDraft, LearningDraft, Theme
from carejournal.core.supervision import AgreedAction, Session
from carejournal.services.journal import Journal
from carejournal.services.json_export import document
from carejournal.services.salvage import SalvageReport, salvage
from carejournal.store import cipher
from carejournal.store.backup import quick_check
from carejournal.store.salvage import SINCE, TABLES, read_damaged
from tests.store.salvage_helpers import (
    FIXED_NOW,
    KEY,
    damage_middle_leaf,
    damage_page,
    make_journal,
    page_map,
    sha256,
    wipe_page,
)
from tests.store.test_lens_store import downgrade
from tests.store.test_schema import migrate

D = dt.date
BIG = Evidence("certificate.pdf", random.Random(14).randbytes(300_000))  # ~75 pages
SMALL = Evidence("notes.txt", b"What I learned about falls.\n" * 20)
CPD = ("learning", "feedback", "reflective_accounts")


def course(topic: str, *evidence: Evidence) -> LearningDraft:
    return LearningDraft("Online course", topic, D(2026, 2, 1), D(2026, 2, 2), 150, 60,
                         (Theme.SAFETY, Theme.PEOPLE), "I check footwear first.", True,
                         evidence)


def add_cpd(path: Path) -> None:
    """Two learning records (one with a large evidence file), feedback, and a reflective
    account written from the journal's first entry."""
    journal = Journal.open(path, create=True, clock=lambda: FIXED_NOW)
    try:
        journal.cpd.add_learning(course("Falls prevention", BIG, SMALL))
        journal.cpd.add_learning(course("Medicines", Evidence("mar.png", b"\x89PNG" * 50)))
        journal.cpd.add_feedback(FeedbackDraft(D(2026, 2, 10), "relative", "You listened.",
                                               "I sit down to talk now."))
        rows = journal.rows()
        journal.cpd.note_account(rows[-1].id if rows else None, (Theme.TRUST,), D(2026, 2, 12))
    finally:
        journal.close()


def cpd_journal(path: Path, count: int = 80, cpd_first: bool = False) -> Path:
    """A closed journal with `count` entries (make_journal's) and add_cpd's records, written
    after the entries or, with cpd_first, before them (so their pages come first)."""
    if cpd_first:
        add_cpd(path)
    make_journal(path, count)
    if not cpd_first:
        add_cpd(path)
    return path


def _table(report: SalvageReport, name: str) -> tuple[int, int | None, str]:
    t = next(t for t in report.tables if t.name == name)
    return t.saved, t.lost, t.problem


def _imported(out: Path, into: Path) -> Journal:
    from carejournal.services.importing import import_files

    fresh = Journal.open(into, create=True)
    import_files(fresh, "json", [out])
    return fresh


def _assert_cpd_kept(fresh: Journal) -> None:
    """The records, and every byte of their evidence files, as add_cpd wrote them."""
    records = {r.topic: r for r in fresh.cpd.learning()}
    assert sorted(records) == ["Falls prevention", "Medicines"]
    falls = records["Falls prevention"]
    assert (falls.minutes, falls.participatory_minutes, set(falls.themes),
            falls.peer_reflection, falls.changed) == (
        150, 60, {Theme.SAFETY, Theme.PEOPLE}, True, "I check footwear first.")
    assert [fresh.cpd.evidence(e.id) for e in falls.evidence] == [BIG, SMALL]
    [feedback] = fresh.cpd.feedback()
    assert (feedback.from_role, feedback.said, feedback.changed) == (
        "relative", "You listened.", "I sit down to talk now.")
    [(_entry, written_on)] = fresh.cpd.accounts()
    assert written_on == D(2026, 2, 12)


def _assert_salvage_file_keeps_cpd(tmp_path: Path) -> None:
    """The salvage file tmp_path/s.json, imported into a new journal, holds every record."""
    fresh = _imported(tmp_path / "s.json", tmp_path / "new.sqlite")
    try:
        _assert_cpd_kept(fresh)
    finally:
        fresh.close()


def test_a_healthy_journal_salvages_its_cpd_as_an_export_writes_it(tmp_path: Path) -> None:
    path = cpd_journal(tmp_path / "j.sqlite", 3)
    journal = Journal.open(path)
    try:
        exported = document(journal)
    finally:
        journal.close()
    report = salvage(path, tmp_path / "s.json")
    saved = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert report.complete
    for key in CPD:
        assert saved[key] == exported[key], key
    assert _table(report, "learning_evidence") == (3, 0, "")
    assert saved["reflective_accounts"][0]["entry"] is not None


def test_a_damaged_entries_page_leaves_learning_feedback_and_evidence_whole(
        tmp_path: Path) -> None:
    path = cpd_journal(tmp_path / "j.sqlite")
    damage_middle_leaf(path)
    assert quick_check(path)
    before = sha256(path)
    report = salvage(path, tmp_path / "s.json")
    assert not report.complete and sha256(path) == before
    assert _table(report, "learning_records") == (2, 0, "")
    assert _table(report, "learning_evidence") == (3, 0, "")
    assert _table(report, "feedback_received") == (1, 0, "")
    assert _table(report, "reflective_accounts") == (1, 0, "")
    _assert_salvage_file_keeps_cpd(tmp_path)


def test_a_zeroed_first_page_still_gives_up_every_evidence_byte(tmp_path: Path) -> None:
    """SQLite cannot open the file: the records, and the evidence file's chain of overflow
    pages, are read page by page."""
    path = cpd_journal(tmp_path / "j.sqlite", 5)
    wipe_page(path, 1)
    report = salvage(path, tmp_path / "s.json")
    assert _table(report, "learning_evidence")[:2] == (3, 0)
    assert next(t for t in report.tables if t.name == "learning_evidence").recovered == 3
    _assert_salvage_file_keeps_cpd(tmp_path)


def test_a_broken_evidence_file_is_counted_lost_and_the_rest_kept(tmp_path: Path) -> None:
    path = cpd_journal(tmp_path / "j.sqlite", 5)
    chain = [n for name, kind, n, _ in page_map(path)
             if (name, kind) == ("learning_evidence", "overflow")]
    assert len(chain) > 50  # the large file's pages
    wipe_page(path, chain[len(chain) // 2])  # its chain ends there
    report = salvage(path, tmp_path / "s.json")
    assert _table(report, "learning_evidence") == (2, 1, "")
    assert _table(report, "learning_records") == (2, 0, "")
    fresh = _imported(tmp_path / "s.json", tmp_path / "new.sqlite")
    try:
        falls = next(r for r in fresh.cpd.learning() if r.topic == "Falls prevention")
        assert [fresh.cpd.evidence(e.id) for e in falls.evidence] == [SMALL]
    finally:
        fresh.close()


def test_a_truncated_file_keeps_the_cpd_written_before_the_cut(tmp_path: Path) -> None:
    """Learning written first, then many entries: cutting off the file's end loses entries,
    not a byte of what came before."""
    path = cpd_journal(tmp_path / "j.sqlite", 200, cpd_first=True)
    last_cpd = max(n for name, _k, n, _ in page_map(path) if name in (
        "learning_records", "learning_evidence", "feedback_received", "reflective_accounts"))
    assert last_cpd < path.stat().st_size // 4096 - 20
    with path.open("r+b") as handle:
        handle.truncate(last_cpd * 4096)
    report = salvage(path, tmp_path / "s.json")
    assert not report.complete
    assert _table(report, "learning_evidence") == (3, 0, "")
    _assert_salvage_file_keeps_cpd(tmp_path)


@pytest.mark.skipif(not cipher.available(), reason="SQLCipher is not installed")
def test_an_encrypted_journal_with_a_damaged_page_keeps_its_evidence(tmp_path: Path) -> None:
    pytest.importorskip("cryptography")
    plain = cpd_journal(tmp_path / "plain.sqlite", 40)
    path = tmp_path / "secret.sqlite"
    cipher.export_copy(plain, None, path, KEY)
    leaves = [n for name, kind, n, _ in page_map(path, KEY) if (name, kind) == ("entries", "leaf")]
    damage_page(path, leaves[len(leaves) // 2])  # fails its HMAC
    report = salvage(path, tmp_path / "s.json", key=KEY)
    assert not report.complete
    assert _table(report, "learning_evidence") == (3, 0, "")
    _assert_salvage_file_keeps_cpd(tmp_path)


# -- journals older than the tables ---------------------------------------------------------
def old_journal(path: Path, revision: str) -> Path:
    """A journal with entries and a supervision session, brought down to the revision."""
    make_journal(path, 40)
    journal = Journal.open(path, clock=lambda: FIXED_NOW)
    try:
        journal.supervision.add(Session(D(2026, 2, 1), "Sam", "Went well.", actions=(
            AgreedAction("Read the policy", "me"), AgreedAction("Book the course"))))
    finally:
        journal.close()
    downgrade(path, revision)
    return path


@pytest.mark.parametrize("revision", ["0008", "0007"])
def test_an_older_journal_is_not_said_to_have_lost_tables_it_never_had(
        tmp_path: Path, revision: str) -> None:
    path = old_journal(tmp_path / "old.sqlite", revision)
    report = salvage(path, tmp_path / "s.json")
    assert report.complete, [t for t in report.tables if not t.complete]
    for name in ("learning_records", "learning_evidence", "feedback_received",
                 "reflective_accounts"):
        assert _table(report, name) == (0, 0, ""), name
    actions = next(t for t in report.tables if t.name == "supervision_actions")
    assert (actions.saved, actions.lost, actions.recovered) == (2, 0, 0)  # (no `function`)
    assert "problem" not in json.dumps(report.as_json())
    fresh = _imported(tmp_path / "s.json", tmp_path / "new.sqlite")
    try:
        assert fresh.count() == 40
        [session] = fresh.supervision.sessions()
        assert [(a.text, a.function) for a in session.actions] == [
            ("Read the policy", None), ("Book the course", None)]
    finally:
        fresh.close()


def test_a_damaged_older_journal_says_only_what_it_lost(tmp_path: Path) -> None:
    path = old_journal(tmp_path / "old.sqlite", "0008")
    damage_middle_leaf(path)
    report = salvage(path, tmp_path / "s.json")
    assert not report.complete
    incomplete = {t.name for t in report.tables if not t.complete}
    assert "entries" in incomplete and not incomplete & {
        "learning_records", "learning_evidence", "feedback_received", "reflective_accounts"}
    assert not any(t.problem for t in report.tables)


def test_an_older_journal_whose_first_page_is_gone_reads_its_revision_from_the_pages(
        tmp_path: Path) -> None:
    path = old_journal(tmp_path / "old.sqlite", "0008")
    wipe_page(path, 1)
    tables = read_damaged(path)
    assert all(tables[name].absent for name in SINCE if SINCE[name] == "0009")
    report = salvage(path, tmp_path / "s.json")
    assert report.entries_saved == 40
    assert not any(t.problem for t in report.tables if t.name in SINCE
                   and SINCE[t.name] == "0009")


def test_a_journal_that_should_have_the_table_says_it_cannot_be_found(tmp_path: Path) -> None:
    """At 0009, a missing learning table is lost, and said so (here: dropped by hand)."""
    path = make_journal(tmp_path / "j.sqlite", 5)
    from tests.store.test_schema import sql

    sql(path, "DROP TABLE reflective_accounts")
    report = salvage(path, tmp_path / "s.json")
    assert _table(report, "reflective_accounts")[2] == "the table cannot be found in the file"
    assert not report.complete


def test_since_names_the_revision_that_made_each_table(tmp_path: Path) -> None:
    """SINCE against the real migrations: at each revision, the tables it says are newer
    are missing and every other table is there."""
    from tests.store.test_schema import sql

    revisions = sorted(set(SINCE.values()))
    for revision in revisions:
        before = f"{int(revision) - 1:04d}"
        path = tmp_path / f"at-{before}.sqlite"
        migrate(path, before)
        have = {r[0] for r in sql(path, "SELECT name FROM sqlite_master WHERE type='table'")}
        newer = {t for t in TABLES if t in SINCE and SINCE[t] >= revision}
        assert have.isdisjoint(newer) and set(TABLES) - newer <= have, before
