"""Learning and feedback in the CareJournal JSON format: exported, read strictly, loaded all
or nothing, never twice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from carejournal.exchange.errors import ImportProblem
from carejournal.exchange.json_import import read_json
from carejournal.services.importing import report_lines, run_plan
from carejournal.services.journal import Journal
from carejournal.services.json_export import export_json
from tests.conftest import draft
from tests.exchange.test_round_trip import fill_cpd


def exported(journal: Journal, tmp_path: Path) -> dict[str, object]:
    entry = journal.add(draft("A reflection."))
    fill_cpd(journal, entry)
    export_json(journal, tmp_path / "x.json")
    loaded: dict[str, object] = json.loads((tmp_path / "x.json").read_text("utf-8"))
    return loaded


def test_learning_and_feedback_come_back_with_their_evidence(journal: Journal,
                                                             tmp_path: Path) -> None:
    exported(journal, tmp_path)
    other = Journal.open(tmp_path / "other.sqlite", create=True)
    try:
        report = run_plan(other, read_json(tmp_path / "x.json"), "x.json")
        assert (report.learning_added, report.feedback_added) == (1, 1)
        assert "1 learning records, 1 feedback records" in " ".join(report_lines(report))
        [record] = other.cpd.learning()
        assert [other.cpd.evidence(e.id).data for e in record.evidence] == [
            bytes(range(256)), "né".encode()]
        assert other.cpd.feedback()[0].said == "You took time with Mum."
        assert len(other.cpd.accounts()) == 1 and other.cpd.accounts()[0][0] is not None
        again = run_plan(other, read_json(tmp_path / "x.json"), "x.json")
        assert (again.learning_added, again.feedback_added) == (0, 0)
        assert len(other.cpd.accounts()) == 1
    finally:
        other.close()


@pytest.mark.parametrize(("field", "value", "says"), [
    ("data", "not base64!", "is not base64"),
    ("minutes", "two", "expected a whole number"),
    ("themes", "kindness", "unknown Code theme"),
    ("participatory_minutes", 9999, "participatory hours are more"),
])
def test_a_bad_learning_record_refuses_the_whole_file(journal: Journal, tmp_path: Path,
                                                      field: str, value: object,
                                                      says: str) -> None:
    doc = exported(journal, tmp_path)
    learning = doc["learning"][0]  # type: ignore[index]
    if field == "data":
        learning["evidence"][0]["data"] = value
    else:
        learning[field] = value
    (tmp_path / "bad.json").write_text(json.dumps(doc), "utf-8")
    empty = Journal.open(tmp_path / "empty.sqlite", create=True)
    try:
        with pytest.raises(ImportProblem, match=says):
            run_plan(empty, read_json(tmp_path / "bad.json"), "bad.json")
        assert empty.count() == 0 and empty.cpd.learning() == []
    finally:
        empty.close()
