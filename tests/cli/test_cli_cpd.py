"""`carejournal cpd ...` and `carejournal feedback ...`, run in this process on real journals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.cli.helpers import cli_json, ok, refused

Capture = pytest.CaptureFixture[str]


def test_learning_is_added_listed_searched_and_its_evidence_saved(capsys: Capture,
                                                                  journal_path: Path,
                                                                  tmp_path: Path) -> None:
    cert = tmp_path / "certificate.pdf"
    cert.write_bytes(b"%PDF certificate")
    assert ok(capsys, journal_path, "cpd", "add", "Study day", "Dysphagia", "--start",
              "2026-05-01", "--end", "2026-05-02", "--hours", "6.5", "--participatory", "5",
              "--themes", "safety,people", "--changed", "Thickened drinks as planned",
              "--peer-reflection", "--evidence", str(cert)) == "Added learning record 1.\n"
    ok(capsys, journal_path, "cpd", "add", "Reading", "Mental Capacity Act", "--start",
       "2026-06-01", "--hours", "1:15")
    [record] = cli_json(capsys, journal_path, "cpd", "list", "--search", "dysphagia")
    assert record | {"evidence": None} == {
        "id": 1, "method": "Study day", "topic": "Dysphagia", "start": "2026-05-01",
        "end": "2026-05-02", "hours": 6.5, "participatory_hours": 5.0,
        "themes": ["prioritise-people", "preserve-safety"],
        "changed": "Thickened drinks as planned", "peer_reflection": True, "evidence": None}
    assert record["evidence"] == [{"id": 1, "name": "certificate.pdf", "bytes": 16}]
    listing = ok(capsys, journal_path, "cpd", "list")
    assert "[2] 1 Jun 2026  Reading: Mental Capacity Act (1.25 h)" in listing
    assert "evidence [1] certificate.pdf (16 bytes)" in listing
    out = tmp_path / "back.pdf"
    ok(capsys, journal_path, "cpd", "evidence", "1", "--out", str(out))
    assert out.read_bytes() == b"%PDF certificate"


def test_bad_learning_is_refused_in_one_line(capsys: Capture, journal_path: Path,
                                             tmp_path: Path) -> None:
    refused(capsys, journal_path, "cpd", "add", "Course", "x", "--start", "2026-01-02",
            "--end", "2026-01-01", "--hours", "1")
    refused(capsys, journal_path, "cpd", "add", "Course", "x", "--start", "2026-01-02",
            "--hours", "lots")
    refused(capsys, journal_path, "cpd", "add", "Course", "x", "--start", "2026-01-02",
            "--hours", "1", "--themes", "kindness")
    big = tmp_path / "video.mp4"
    with big.open("wb") as handle:
        handle.truncate(6 * 1024 * 1024)
    assert "at most 5 MB" in refused(capsys, journal_path, "cpd", "add", "Course", "x",
                                     "--start", "2026-01-02", "--hours", "1",
                                     "--evidence", str(big))


def test_feedback_is_added_and_listed(capsys: Capture, journal_path: Path) -> None:
    ok(capsys, journal_path, "feedback", "add", "relative", "You took time with Mum.",
       "--date", "2026-04-01", "--changed", "I sit down to talk now.")
    ok(capsys, journal_path, "feedback", "add", "colleague", "Clear handover.",
       "--date", "2026-05-01")
    assert [f["from_role"] for f in cli_json(capsys, journal_path, "feedback", "list")] == [
        "colleague", "relative"]
    listing = ok(capsys, journal_path, "feedback", "list", "--search", "mum")
    assert listing == ("[1] 1 Apr 2026  relative: You took time with Mum.\n"
                       "      changed: I sit down to talk now.\n")


def test_status_for_swe_and_nmc(capsys: Capture, journal_path: Path) -> None:
    assert "No register chosen" in ok(capsys, journal_path, "cpd", "status")
    today = dt.date.today()
    ok(capsys, journal_path, "cpd", "add", "Peer group", "Risk", "--start",
       today.isoformat(), "--hours", "2", "--peer-reflection")
    assert ok(capsys, journal_path, "cpd", "register", "swe") == \
        "Register: Social Work England\n"
    figures = cli_json(capsys, journal_path, "cpd", "status")
    assert figures["register"] == "swe" and figures["deadline"].endswith("-11-30")
    assert figures["figures"] == {"cpd": {"done": 1, "needed": 2},
                                  "peer_reflection": {"done": 1, "needed": 1}}
    assert ok(capsys, journal_path, "cpd", "status") == (
        "Registration year to 30 November: CPD 1 of 2, with peer reflection 1 of 1\n")
    deadline = today + dt.timedelta(days=400)
    ok(capsys, journal_path, "cpd", "register", "nmc", "--revalidation", deadline.isoformat())
    ok(capsys, journal_path, "feedback", "add", "manager", "Good audit.")
    figures = cli_json(capsys, journal_path, "cpd", "status")
    assert figures["figures"]["cpd_hours"] == {"done": 2.0, "needed": 35}
    assert figures["figures"]["feedback"] == {"done": 1, "needed": 5}
    assert "reflective discussion not yet" in figures["text"]


def test_export_nmc_account_and_swe_cpd(capsys: Capture, journal_path: Path,
                                        tmp_path: Path) -> None:
    from carejournal.core.domain import EntryKind
    from carejournal.services.journal import Journal
    from tests.conftest import draft

    journal = Journal.open(journal_path, create=True)
    journal.add(draft("Handover with Mary Jones's daughter.", kind=EntryKind.REFLECTION,
                      model="driscoll", people=("Mary Jones",),
                      sections=(("what", "Mary Jones was upset."), ("so-what", "I rushed."),
                                ("now-what", "I slow down at handover."))))
    journal.close()
    out = tmp_path / "account.docx"
    assert ok(capsys, journal_path, "export", "--format", "nmc-account", "--entry", "1",
              "--themes", "people,trust", "--out", str(out)) == (
        f"Wrote the reflective account of entry 1 to {out}.\n")
    import docx

    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "I slow down at handover." in text and "Mary" not in text and "Jones" not in text
    assert "Prioritise people, Promote professionalism and trust" in text
    swe = tmp_path / "swe.txt"
    ok(capsys, journal_path, "export", "--format", "swe-cpd", "--entry", "1", "--out", str(swe))
    assert "== What did you learn? ==\nI rushed." in swe.read_text("utf-8")
    assert "needs --entry" in refused(capsys, journal_path, "export", "--format", "swe-cpd",
                                      "--out", str(swe))
