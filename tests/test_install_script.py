"""packaging/linux/install.sh, run on a stand-in bundle whose `carejournal` is this checkout's
command: it copies the bundle to ~/.local/opt/CareJournal, puts it in the menu with the Exec
line on the copied executable, links the command, and --uninstall takes all of it away."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from carejournal import APP_ID

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "packaging" / "linux" / "install.sh"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    """An unpacked bundle: the script, an executable `carejournal` and a data file."""
    folder = tmp_path / "Downloads" / "CareJournal"
    folder.mkdir(parents=True)
    shutil.copy2(SCRIPT, folder / "install.sh")
    program = folder / "carejournal"
    program.write_text(f'#!/bin/sh\nPYTHONPATH="{ROOT}" exec "{sys.executable}" '
                       '-m carejournal "$@"\n')
    program.chmod(0o755)
    (folder / "_internal.txt").write_text("the bundle's libraries")
    return folder


def _run(bundle_script: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
           "XDG_DATA_HOME": str(home / ".local" / "share")}
    return subprocess.run(["sh", str(bundle_script), *args], env=env, capture_output=True,
                          text=True, timeout=120, check=False)


def test_install_copies_the_bundle_and_adds_it_to_the_menu(bundle: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    done = _run(bundle / "install.sh", home)
    assert done.returncode == 0, done.stderr
    target = home / ".local" / "opt" / "CareJournal"
    assert (target / "_internal.txt").read_text() == "the bundle's libraries"
    launcher = home / ".local/share/applications" / f"{APP_ID}.desktop"
    assert f"Exec={target}/carejournal\n" in launcher.read_text()
    link = home / ".local" / "bin" / "carejournal"
    assert link.is_symlink() and Path(os.readlink(link)) == target / "carejournal"
    assert "Open it from the applications menu" in done.stdout

    (bundle / "_internal.txt").write_text("a newer bundle")
    again = _run(bundle / "install.sh", home)  # a newer version over the old
    assert again.returncode == 0, again.stderr
    assert (target / "_internal.txt").read_text() == "a newer bundle"
    assert not (home / ".local" / "opt" / ".CareJournal.new").exists()

    gone = _run(target / "install.sh", home, "--uninstall")
    assert gone.returncode == 0, gone.stderr
    assert not target.exists() and not link.is_symlink()
    assert not [p for p in (home / ".local" / "share").rglob("*") if p.is_file()]
    assert "Your journals were not touched" in gone.stdout


def test_a_folder_that_is_not_carejournal_is_never_replaced(bundle: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    mine = home / ".local" / "opt" / "CareJournal"
    mine.mkdir(parents=True)
    (mine / "notes.txt").write_text("mine")
    done = _run(bundle / "install.sh", home)
    assert done.returncode == 2 and "is not CareJournal" in done.stderr
    assert (mine / "notes.txt").read_text() == "mine"
