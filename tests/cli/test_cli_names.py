"""`carejournal people` and `carejournal tags`, through main() on real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from carejournal.services.journal import Journal
from tests.cli.helpers import cli_json, ok, refused
from tests.conftest import draft


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """A journal: Bern (meds), Bernadette (meds, home), both (home)."""
    where = tmp_path / "j.sqlite"
    journal = Journal.open(where, create=True)
    try:
        journal.add(draft("one", people=("Bern",), tags=("meds",)))
        journal.add(draft("two", people=("Bernadette",), tags=("meds", "home")))
        journal.add(draft("three", people=("Bern", "Bernadette"), tags=("home",)))
    finally:
        journal.close()
    return where


def test_people_are_listed_with_their_entries(capsys: pytest.CaptureFixture[str],
                                              path: Path) -> None:
    assert ok(capsys, path, "people") == "Bern  (2 entries)\nBernadette  (2 entries)\n"
    assert cli_json(capsys, path, "people", "list") == [
        {"name": "Bern", "nicknames": [], "alias": "", "entries": 2},
        {"name": "Bernadette", "nicknames": [], "alias": "", "entries": 2}]


def test_rename_merge_alias_and_nicknames(capsys: pytest.CaptureFixture[str],
                                          path: Path) -> None:
    assert ok(capsys, path, "people", "rename", "bern", "Bernie") == (
        "Renamed Bern to Bernie in 2 entries. 'Bern' stays among their other names, so packs "
        "still hide it.\n")
    assert cli_json(capsys, path, "people", "nickname", "Bernie", "Bee", "B") == {
        "name": "Bernie", "nicknames": ["Bee", "B"], "alias": "", "entries": 2}
    assert cli_json(capsys, path, "people", "alias", "bernie", "Client A")["alias"] == \
        "Client A"
    assert cli_json(capsys, path, "people", "merge", "Bernie", "bernadette") == {
        "name": "Bernadette", "merged": "Bernie", "entries": 2}
    assert cli_json(capsys, path, "people") == [
        {"name": "Bernadette", "nicknames": ["Bernie", "Bee", "B"], "alias": "Client A",
         "entries": 3}]
    assert cli_json(capsys, path, "list", "--person", "Bernadette")[0]["people"] == \
        ["Bernadette"]


def test_refusals_change_nothing(capsys: pytest.CaptureFixture[str], path: Path) -> None:
    assert "already someone called 'Bernadette'" in refused(
        capsys, path, "people", "rename", "Bern", "BERNADETTE")
    assert "nobody called 'Jo'" in refused(capsys, path, "people", "merge", "Jo", "Bern")
    assert "already a tag 'home'" in refused(capsys, path, "tags", "rename", "meds", "home")
    assert "no tag 'x'" in refused(capsys, path, "tags", "merge", "x", "home")
    assert len(cli_json(capsys, path, "people")) == 2
    assert len(cli_json(capsys, path, "tags")) == 2


def test_tags_rename_and_merge(capsys: pytest.CaptureFixture[str], path: Path) -> None:
    assert ok(capsys, path, "tags", "rename", "MEDS", "medication") == \
        "Renamed the tag meds to medication in 2 entries.\n"
    assert ok(capsys, path, "tags", "merge", "medication", "home") == \
        "Merged the tag medication into home: 2 entries followed.\n"
    assert cli_json(capsys, path, "tags", "list") == [{"name": "home", "entries": 3}]
