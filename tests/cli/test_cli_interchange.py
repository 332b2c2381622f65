"""`carejournal export --format json` and `carejournal import`, through main() on real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from carejournal.core.supervision import AgreedAction, Session
from carejournal.services.journal import Journal
from tests.cli.helpers import cli, ok, refused
from tests.conftest import draft


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "source.sqlite"
    journal = Journal.open(path, create=True)
    try:
        journal.add(draft("Tea with Mary; she chose the biscuits.", people=("Mary Jones",),
                          tags=("tea",)))
        journal.add(draft("A second entry."))
        journal.supervision.set_names("Mary Jones", ["Mags"], "Resident A")
        journal.supervision.add(Session(draft().occurred_on, "Priya",
                                        actions=(AgreedAction("Read the policy"),)))
    finally:
        journal.close()
    return path


def test_json_export_then_import_into_a_new_journal(capsys: pytest.CaptureFixture[str],
                                                    source: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.json"
    assert "not encrypted" in ok(capsys, source, "export", "--out", str(out))
    data = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    target = tmp_path / "target.sqlite"
    code, said, _err = cli(capsys, target, "import", "--format", "json", str(out), "--dry-run")
    assert code == 0 and "2" in said
    journal = Journal.open(target, create=True)
    try:
        assert journal.count() == 0, "a dry run changes nothing"
    finally:
        journal.close()
    ok(capsys, target, "import", "--format", "json", str(out))
    journal = Journal.open(target, create=True)
    try:
        bodies = sorted(journal.get(r.id).body for r in journal.rows())
        assert bodies == ["A second entry.", "Tea with Mary; she chose the biscuits."]
        person = journal.supervision.people()[0]
        assert (person.nicknames, person.alias) == (("Mags",), "Resident A")
        assert journal.supervision.sessions()[0].actions[0].text == "Read the policy"
    finally:
        journal.close()


def test_a_malformed_import_changes_nothing_and_says_where(
        capsys: pytest.CaptureFixture[str], source: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("date,text\n2026-03-01,fine\n2026-02-31,impossible\n", encoding="utf-8")
    err = refused(capsys, source, "import", "--format", "csv", str(bad))
    assert "3" in err
    journal = Journal.open(source, create=True)
    try:
        assert journal.count() == 2
    finally:
        journal.close()
