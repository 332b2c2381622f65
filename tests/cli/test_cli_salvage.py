"""`carejournal salvage --out FILE [--json]` on journals damaged on purpose."""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from carejournal.cli import main as cli
from carejournal.cli.commands import salvage as cli_salvage
from carejournal.services.salvage import NothingReadable
from carejournal.store import cipher
from tests.store.salvage_helpers import (
    damage_middle_leaf,
    damage_page,
    leaf_cells,
    make_journal,
    page_map,
    sha256,
    wipe_page,
)


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


def test_rows_read_page_by_page_are_counted(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    path = make_journal(tmp_path / "j.sqlite", 20, repeat=90)
    root = next(n for name, _kind, n, at in page_map(path) if (name, at) == ("entries", "/"))
    wipe_page(path, root)  # SQLite reaches no entry; every leaf below is intact
    assert cli_salvage.run(_args(path, tmp_path / "out.json")) == 0
    text = capsys.readouterr().out
    assert "entries: 20 saved (20 read page by page)" in text
    assert "rows in all were read page by page" in text
    assert cli_salvage.run(_args(path, tmp_path / "out.json", as_json=True)) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["tables"]["entries"] == {"saved": 20, "lost": 0, "recovered": 20}
    assert report["recovered"] >= 20 and report["warnings"] == []


def test_nothing_readable_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    path = make_journal(tmp_path / "j.sqlite", 3)
    path.write_bytes(bytes(path.stat().st_size))  # every page gone
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
    zeroed.write_bytes(bytes(zeroed.stat().st_size))
    assert cli.main(["--journal", str(zeroed), "salvage", "--out",
                     str(tmp_path / "z.json")]) == 2
    assert "Nothing can be read" in capsys.readouterr().err


# Encrypted journals damaged in each place, salvaged by a real `carejournal` process whose
# address space is capped (a runaway read would be a MemoryError, not a swapping machine).

PASS = "correct horse battery"
COUNT = 600  # one entry a page (repeat=90): the entries table is three pages deep
CAP = 1 << 30  # RLIMIT_AS for the salvage process
RUNNER = """
import resource, sys
cap = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
from carejournal.cli.main import main
code = main(sys.argv[2:])
sys.stdout.flush()
try:  # this process's own peak: ru_maxrss can keep the forking parent's (pytest's) peak
    with open("/proc/self/status", encoding="ascii") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print("PEAK_KB", peak, file=sys.stderr)
raise SystemExit(code)
"""


@dataclass(frozen=True)
class Source:
    """An encrypted journal and its key file, and where its pages are."""

    folder: Path
    places: dict[str, int]  # place -> page number
    recovery_key: str
    key: bytes  # the data key (to map the pages)


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Source:
    if not cipher.available():
        pytest.skip("SQLCipher is not installed")
    pytest.importorskip("cryptography")  # (the test's page map decrypts pages itself)
    from carejournal.services import encryption
    from carejournal.store.keyfile import KdfCost

    folder = tmp_path_factory.mktemp("encrypted")
    path = make_journal(folder / "j.sqlite", COUNT, repeat=90)
    done = encryption.encrypt(path, PASS, cost=KdfCost(time_cost=1, memory_kib=64,
                                                        parallelism=1))
    pages = page_map(path, done.key)
    leaves = [n for name, kind, n, _ in pages if (name, kind) == ("entries", "leaf")]
    interior = [n for name, kind, n, at in pages
                if (name, kind) == ("entries", "internal") and at != "/"]
    fts = [n for name, kind, n, _ in pages if (name, kind) == ("entries_fts_data", "leaf")]
    assert interior, "the entries table should be three pages deep"
    root = next(n for name, _kind, n, at in pages if (name, at) == ("entries", "/"))
    return Source(folder, {"first page": 1, "middle leaf": leaves[len(leaves) // 2],
                           "root of the entries": root,
                           "interior page": interior[0], "text index": fts[len(fts) // 2],
                           "last page": max(n for *_, n, _at in pages)}, done.recovery_key,
                  done.key)


def _copy(source: Source, into: Path) -> Path:
    into.mkdir()
    for name in ("j.sqlite", "j.sqlite.key"):
        shutil.copyfile(source.folder / name, into / name)
    (into / "pass.txt").write_text(PASS + "\n", encoding="utf-8")
    return into / "j.sqlite"


def _salvage(journal: Path, out: Path, secret: Path) -> tuple[int, str, str, int]:
    """Run `carejournal salvage --json` in a capped process: status, out, err, peak RSS (KB)."""
    env = {k: v for k, v in os.environ.items() if k != "CAREJOURNAL_JOURNAL"}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    env["XDG_DATA_HOME"] = str(out.parent / "xdg")
    done = subprocess.run(
        [sys.executable, "-c", RUNNER, str(CAP), "--journal", str(journal),
         "--passphrase-file", str(secret), "salvage", "--out", str(out), "--json"],
        capture_output=True, text=True, timeout=300, env=env, cwd=out.parent)
    peak = re.search(r"PEAK_KB (\d+)", done.stderr)
    assert peak, done.stderr
    return done.returncode, done.stdout, done.stderr[:peak.start()], int(peak.group(1))


@pytest.mark.slow  # five damaged journals salvaged in real processes: make test-all
@pytest.mark.parametrize("place", ["middle leaf", "interior page", "root of the entries",
                                   "text index", "last page"])
def test_an_encrypted_journal_damaged_anywhere_gives_up_the_rest(
        source: Source, place: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journal = _copy(source, tmp_path / "damaged")
    damage_page(journal, source.places[place])
    before = sha256(journal)
    beside = sorted(p.name for p in journal.parent.iterdir())
    out = tmp_path / "damaged" / "out.json"
    code, printed, err, _peak = _salvage(journal, out, journal.parent / "pass.txt")
    assert (code, err) == (0, ""), err
    entries = json.loads(printed)["tables"]["entries"]
    assert entries["saved"] + entries["lost"] == COUNT
    if place == "middle leaf":  # the one entry on it (SQLite stops there: the rest are read
        assert entries["lost"] == 1  # from the pages)
    elif place in ("interior page", "root of the entries"):
        # SQLite cannot reach the leaves below them; their rows are read from the pages
        leaves = leaf_cells(source.folder / "j.sqlite", "entries", source.key)
        assert entries["lost"] == 0 and entries["saved"] == sum(leaves.values())
        assert entries["recovered"] > (0 if place == "interior page" else COUNT - 1)
    else:  # the text index is made anew on import; the last page is part of it
        assert entries["lost"] == 0
    assert sha256(journal) == before, "the damaged journal is never written"
    assert sorted(p.name for p in journal.parent.iterdir()) == sorted([*beside, "out.json"])
    assert os.stat(out).st_mode & 0o777 == 0o600
    fresh = tmp_path / "new.sqlite"
    assert cli.main(["--journal", str(fresh), "import", "--format", "json", str(out)]) == 0
    assert f"Imported {entries['saved']} entries" in capsys.readouterr().out
    assert cli.main(["--journal", str(fresh), "search", "garden", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == entries["saved"]


def test_an_encrypted_journal_without_its_first_page_is_salvaged_with_its_key(
        source: Source, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """SQLCipher cannot open it (page 1 fails its HMAC); page-level recovery reads the rest."""
    journal = _copy(source, tmp_path / "damaged")
    damage_page(journal, 1)
    before = sha256(journal)
    out = tmp_path / "damaged" / "out.json"
    code, printed, err, _peak = _salvage(journal, out, journal.parent / "pass.txt")
    assert (code, err) == (0, ""), err
    report = json.loads(printed)
    assert report["tables"]["entries"] == {"saved": COUNT, "lost": 0, "recovered": COUNT}
    assert report["recovered"] >= COUNT and any("deleted" in w for w in report["warnings"])
    assert sha256(journal) == before
    fresh = tmp_path / "new.sqlite"
    assert cli.main(["--journal", str(fresh), "import", "--format", "json", str(out)]) == 0
    assert f"Imported {COUNT} entries" in capsys.readouterr().out


def test_a_wrong_passphrase_is_refused_and_nothing_is_written(source: Source,
                                                              tmp_path: Path) -> None:
    journal = _copy(source, tmp_path / "damaged")
    damage_page(journal, source.places["middle leaf"])
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase at all\n", encoding="utf-8")
    before = sha256(journal)
    code, printed, err, _peak = _salvage(journal, tmp_path / "out.json", wrong)
    assert (code, printed) == (2, "") and "does not open" in err, err
    assert not (tmp_path / "out.json").exists()
    assert sha256(journal) == before


@pytest.mark.slow  # a large damaged journal read twice: make test-all
def test_memory_does_not_grow_with_the_damage(source: Source, tmp_path: Path) -> None:
    """Peak RSS of a salvage with a whole subtree of entries lost is no more than that of an
    undamaged one (rows are streamed; damaged pages are skipped, never retried without end)."""
    whole = _copy(source, tmp_path / "whole")
    code, _out, err, healthy = _salvage(whole, tmp_path / "whole" / "o.json",
                                        whole.parent / "pass.txt")
    assert code == 0, err
    journal = _copy(source, tmp_path / "damaged")
    for place in ("middle leaf", "interior page", "text index"):
        damage_page(journal, source.places[place])
    code, _out, err, damaged = _salvage(journal, tmp_path / "damaged" / "o.json",
                                        journal.parent / "pass.txt")
    assert code == 0, err
    print(f"peak RSS: {healthy} KB whole, {damaged} KB damaged")
    assert damaged < healthy * 1.1 + 8 * 1024, (healthy, damaged)
    assert healthy < 120 * 1024  # KB (about 55 MB of it is Python and the libraries loaded)


def test_a_lost_key_file_and_the_recovery_key_still_salvage(source: Source,
                                                            tmp_path: Path) -> None:
    journal = _copy(source, tmp_path / "damaged")
    # the recovery key unwraps the data key kept beside the backups (store/keyfile.py)
    (journal.parent / "backups").mkdir()
    shutil.copyfile(source.folder / "backups" / "j.sqlite.recovery",
                    journal.parent / "backups" / "j.sqlite.recovery")
    damage_page(journal, source.places["middle leaf"])
    Path(f"{journal}.key").unlink()
    out = tmp_path / "damaged" / "out.json"
    code, _printed, err, _peak = _salvage(journal, out, journal.parent / "pass.txt")
    assert code == 2 and "key file" in err and "missing" in err, err
    recovery = tmp_path / "recovery.txt"
    recovery.write_text(source.recovery_key + "\n", encoding="utf-8")
    code, printed, err, _peak = _salvage(journal, out, recovery)
    assert code == 0, err
    assert json.loads(printed)["tables"]["entries"]["saved"] == COUNT - 1


def test_salvage_names_learning_evidence_and_feedback(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    from tests.store.test_salvage_cpd import cpd_journal

    path = cpd_journal(tmp_path / "j.sqlite", 40)
    damage_middle_leaf(path)
    assert cli_salvage.run(_args(path, tmp_path / "out.json")) == 0
    text = capsys.readouterr().out
    for line in ("  learning records: 2 saved\n", "  evidence files: 3 saved\n",
                 "  feedback: 1 saved\n", "  reflective accounts: 1 saved\n"):
        assert line in text, text
    assert cli_salvage.run(_args(path, tmp_path / "out.json", as_json=True)) == 0
    tables = json.loads(capsys.readouterr().out)["tables"]
    assert tables["learning_evidence"] == {"saved": 3, "lost": 0, "recovered": 0}


def test_salvage_of_an_older_journal_says_nothing_of_tables_it_never_had(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.store.test_salvage_cpd import old_journal

    path = old_journal(tmp_path / "old.sqlite", "0008")
    assert cli_salvage.run(_args(path, tmp_path / "out.json")) == 0
    text = capsys.readouterr().out
    assert "Everything that was there could be read." in text
    assert "cannot be found" not in text and "learning" not in text and "evidence" not in text
