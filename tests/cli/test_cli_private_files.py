"""Every file a command writes is owner-only (0600), whatever the file-creation mask.

The mask is set to 0022 (the usual default, which leaves files readable by everyone) and the
command line's own hardening (which narrows the mask) is switched off, so each mode below
comes from the writer itself (carejournal/durable.py), not from the mask.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from carejournal import hardening
from tests.cli.helpers import cli, ok

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")


@pytest.fixture(autouse=True)
def wide_mask(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(hardening, "harden", lambda: None)
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def written(capsys: pytest.CaptureFixture[str], journal_path: Path) -> Path:
    """A journal with a few entries, made by the command line."""
    for text in ("Made tea with Sam.", "Walked to the shop with Ada.", "A calm shift."):
        ok(capsys, journal_path, "add", "--kind", "interaction", text)
    return journal_path


@pytest.mark.parametrize("name", ["kinds.png", "kinds.svg"])
def test_chart(capsys: pytest.CaptureFixture[str], written: Path, tmp_path: Path,
               name: str) -> None:
    out = tmp_path / name
    ok(capsys, written, "chart", "kinds", "--out", str(out))
    assert mode(out) == 0o600


@pytest.mark.parametrize("name", ["whole.json", "pack.md", "pack.pdf", "pack.docx"])
def test_export(capsys: pytest.CaptureFixture[str], written: Path, tmp_path: Path,
                name: str) -> None:
    out = tmp_path / name
    out.write_bytes(b"an older file, left readable by everyone")
    out.chmod(0o644)
    code, _out, err = cli(capsys, written, "export", "--since", "2000-01-01", "--out", str(out))
    assert code == 0, err
    assert mode(out) == 0o600


def test_backup_out(capsys: pytest.CaptureFixture[str], written: Path, tmp_path: Path) -> None:
    out = tmp_path / "copy.sqlite"
    ok(capsys, written, "backup", "--out", str(out))
    assert mode(out) == 0o600
    made = Path(ok(capsys, written, "backup").strip())  # into the backups folder
    assert mode(made) == 0o600


def test_salvage_out(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from tests.store.salvage_helpers import damage_middle_leaf, make_journal

    damaged = make_journal(tmp_path / "j.sqlite", 40)
    damage_middle_leaf(damaged)
    out = tmp_path / "rescued.json"
    code, _out, err = cli(capsys, damaged, "salvage", "--out", str(out))
    assert code == 0, err
    assert mode(out) == 0o600
