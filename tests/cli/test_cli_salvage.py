"""`carejournal salvage --out FILE [--json]` on journals damaged on purpose."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from carejournal.cli import main as cli
from carejournal.cli.commands import salvage as cli_salvage
from carejournal.services.salvage import NothingReadable
from tests.store.salvage_helpers import damage_middle_leaf, make_journal, sha256


def _args(journal: Path, out: Path, as_json: bool = False) -> argparse.Namespace:
    return argparse.Namespace(journal=str(journal), out=out, json=as_json,
                              passphrase_file=None)


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    path = make_journal(tmp_path / "j.sqlite", 40)
    damage_middle_leaf(path)
    return path


def test_salvage_prints_what_was_saved_and_lost(damaged: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    before = sha256(damaged)
    assert cli_salvage.run(_args(damaged, tmp_path / "out.json")) == 0
    text = capsys.readouterr().out
    assert "entries:" in text and "could not be read" in text
    assert "has not been changed" in text and "import --format json" in text
    assert sha256(damaged) == before


def test_salvage_json_report_and_the_file_imports(damaged: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.json"
    cli_salvage.run(_args(damaged, out, as_json=True))
    report = json.loads(capsys.readouterr().out)
    saved = report["tables"]["entries"]["saved"]
    assert saved and report["tables"]["entries"]["lost"] and not report["complete"]
    fresh = tmp_path / "new.sqlite"
    assert cli.main(["--journal", str(fresh), "import", "--format", "json", str(out)]) == 0
    assert f"Imported {saved} entries" in capsys.readouterr().out


def test_nothing_readable_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    path = make_journal(tmp_path / "j.sqlite", 3)
    with path.open("r+b") as handle:
        handle.write(b"\x00" * 4096)
    with pytest.raises(NothingReadable, match="Nothing can be read"):
        cli_salvage.run(_args(path, tmp_path / "out.json"))


def test_wired_into_the_cli(damaged: Path, tmp_path: Path,
                            capsys: pytest.CaptureFixture[str]) -> None:
    if "salvage" not in cli.build_parser().format_help():
        pytest.skip("carejournal salvage is not registered in carejournal/cli/main.py yet")
    before = sha256(damaged)
    code = cli.main(["--journal", str(damaged), "salvage", "--out", str(tmp_path / "o.json")])
    assert code == 0 and sha256(damaged) == before
    assert (tmp_path / "o.json").is_file()
    zeroed = make_journal(tmp_path / "z.sqlite", 2)
    with zeroed.open("r+b") as handle:
        handle.write(b"\x00" * 4096)
    assert cli.main(["--journal", str(zeroed), "salvage", "--out",
                     str(tmp_path / "z.json")]) == 2
    assert "Nothing can be read" in capsys.readouterr().err
