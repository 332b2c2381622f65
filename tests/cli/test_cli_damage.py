"""The command line on a journal with damage inside a record (issue 16, case 5): writing
commands check it first and refuse; reading commands say so; neither prints a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from carejournal.store import check_stamp, integrity
from tests.cli.helpers import cli, ok
from tests.store.damage_helpers import MARKER, make_journal, scribble_in_kind, scribble_in_text
from tests.store.salvage_helpers import sha256


@pytest.fixture(scope="module")
def sound(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_journal(tmp_path_factory.mktemp("sound") / "journal.sqlite")


@pytest.fixture
def damaged(sound: Path, tmp_path: Path) -> Path:
    path = tmp_path / "journal.sqlite"
    path.write_bytes(sound.read_bytes())
    scribble_in_kind(path)
    scribble_in_text(path, 5)
    return path


@pytest.fixture
def full_checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every full check run (the real one still runs)."""
    seen: list[Path] = []
    run = integrity.FullCheck.run

    def counted(check: integrity.FullCheck) -> list[str]:
        seen.append(check.path)
        return run(check)

    monkeypatch.setattr(integrity.FullCheck, "run", counted)
    return seen


def _a_message_not_a_traceback(code: int, out: str, err: str) -> str:
    assert (code, out) == (2, ""), (code, out, err)
    assert err.startswith("carejournal: ") and "Traceback" not in err
    assert "damaged" in err.splitlines()[0]
    assert "carejournal salvage" in err  # the way back, on its own line
    assert MARKER not in err and "garden" not in err  # nothing an entry says
    return err


def test_add_to_a_damaged_journal_is_refused_and_writes_nothing(
        capsys: pytest.CaptureFixture[str], damaged: Path) -> None:
    before = sha256(damaged)
    err = _a_message_not_a_traceback(*cli(capsys, damaged, "add", "--kind", "reflection",
                                                   "Not into a damaged file"))
    assert "has not written to it" in err
    assert sha256(damaged) == before
    assert not Path(f"{damaged}-wal").exists()


@pytest.mark.parametrize("args", [("list",), ("search", "marigold"), ("show", "31")])
def test_reading_a_damaged_row_gives_a_message(capsys: pytest.CaptureFixture[str],
                                                damaged: Path, args: tuple[str, ...]) -> None:
    before = sha256(damaged)
    err = _a_message_not_a_traceback(*cli(capsys, damaged, *args))
    assert "cannot be read" in err
    assert sha256(damaged) == before


def test_a_sound_journal_left_as_it_was_is_not_checked_again(
        capsys: pytest.CaptureFixture[str], sound: Path, tmp_path: Path,
        full_checks: list[Path]) -> None:
    path = tmp_path / "journal.sqlite"
    path.write_bytes(sound.read_bytes())  # a copy: no note vouches for it
    ok(capsys, path, "add", "--kind", "reflection", "First")
    assert full_checks == [path]
    ok(capsys, path, "add", "--kind", "reflection", "Second")
    ok(capsys, path, "add", "--kind", "reflection", "Third")
    assert full_checks == [path]  # each add left the file as the note says
    check_stamp.forget(path)
    ok(capsys, path, "add", "--kind", "reflection", "Fourth")
    assert full_checks == [path, path]


def test_stats_on_a_damaged_journal_is_refused_by_the_check(
        capsys: pytest.CaptureFixture[str], damaged: Path) -> None:
    before = sha256(damaged)
    err = _a_message_not_a_traceback(*cli(capsys, damaged, "stats"))
    assert "has not written to it" in err
    assert sha256(damaged) == before
