"""A process that holds a journal open while every operation of the package runs in it.

Run as `python -m tests.invariant.holder JOURNAL WORKDIR`. For each operation it prints
`OP <name>` and waits for a line on stdin (the parent opens and closes the journal from
another process meanwhile, which is when a dropped lock would let that process delete our
WAL); then it writes an entry through the journal it holds and prints
`OK <name> <entry id> <json list of deleted journal files still open here>`. After the last
one it prints `END` and waits to be killed (SIGKILL): the parent then checks that every entry
it wrote survived.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path

from carejournal.cli.main import main as cli_main
from carejournal.core.domain import EntryDraft, EntryKind
from carejournal.services.journal import Journal
from tests.invariant.driving import open_descriptors


def deleted_journal_files(journal: Path) -> list[str]:
    """Journal files (or -wal/-shm) this process still has open although they were unlinked."""
    return [t for t in open_descriptors(journal) if t.endswith("(deleted)")]


def cli(*argv: str) -> Callable[[Path, Path], object]:
    def run(journal: Path, work: Path) -> object:
        out, err = io.StringIO(), io.StringIO()
        stdin = sys.stdin
        sys.stdin = io.TextIOWrapper(io.BytesIO(b""))  # a command reading stdin reads nothing
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                return cli_main(["--journal", str(journal),
                                 *(a.replace("{work}", str(work)) for a in argv)])
        except SystemExit as exc:  # a usage error: still an operation that ran
            return exc.code
        finally:
            sys.stdin = stdin
    return run


CLI_OPERATIONS: dict[str, Callable[[Path, Path], object]] = {
    "add": cli("add", "--kind", "reflection", "Made tea with Sam."),
    "list": cli("list", "-n", "1"),
    "list --json": cli("list", "--json"),
    "search": cli("search", "tea"),
    "show": cli("show", "1"),
    "delete": cli("delete", "2"),
    "restore entry": cli("restore", "2"),
    "trash": cli("trash"),
    "kindness log": cli("kindness", "log", "Fed the cat"),
    "kindness list": cli("kindness", "list"),
    "goal add": cli("goal", "add", "Sam", "Walk to the shop"),
    "goal list": cli("goal", "list"),
    "actions": cli("actions"),
    "models": cli("models"),
    "ladder": cli("ladder"),
    "shifts add": cli("shifts", "add", "late", "14:00", "22:00"),
    "shifts": cli("shifts"),
    "settings": cli("settings"),
    "settings set": cli("settings", "attempts-threshold", "4"),
    "check file": cli("check", "{work}/text.txt"),
    "check entries": cli("check", "--entry", "1"),
    "lens rules": cli("lens", "rules"),
    "stats": cli("stats"),
    "stats --json": cli("stats", "--json"),
    "supervision add": cli("supervision", "add", "--date", "2026-03-01"),
    "supervision list": cli("supervision", "list"),
    "status": cli("status"),
    "person": cli("person"),
    "prepare show": cli("prepare", "show"),
    "export pdf": cli("export", "--format", "pdf", "--out", "{work}/pack.pdf"),
    "export docx": cli("export", "--format", "docx", "--out", "{work}/pack.docx"),
    "export md": cli("export", "--format", "md", "--out", "{work}/pack.md"),
    "export json": cli("export", "--format", "json", "--out", "{work}/all.json"),
    "backup": cli("backup"),
    "backup list": cli("backup", "list"),
    "import": cli("import", "--format", "json", "{work}/all.json"),
    "import dry run": cli("import", "--format", "json", "--dry-run", "{work}/all.json"),
    "encrypt (refused: open)": cli("--passphrase-file", "{work}/pass.txt", "encrypt"),
    "decrypt (refused: plain)": cli("decrypt"),
    "passphrase (refused: plain)": cli("passphrase"),
    "salvage": cli("salvage", "--out", "{work}/salvaged.json"),
    "chart": cli("chart", "activity", "--out", "{work}/chart.png"),
    "demo (refused: not empty)": cli("demo"),
    "trash --empty": cli("trash", "--empty"),
}


def note(journal: Journal, name: str) -> int:
    return journal.add(EntryDraft(kind=EntryKind.REFLECTION, occurred_on=dt.date(2026, 3, 2),
                                  body=f"Written by the holder after {name}."))


def main() -> None:
    path, work = Path(sys.argv[1]), Path(sys.argv[2])
    (work / "text.txt").write_text("They are always kicking off.\n", encoding="utf-8")
    (work / "pass.txt").write_text("a long enough passphrase\n", encoding="utf-8")
    journal = Journal.open(path, create=True)
    note(journal, "opening")
    for name, operation in CLI_OPERATIONS.items():
        result = operation(path, work)
        print(f"OP {name} {result}", flush=True)
        sys.stdin.readline()
        try:
            entry = note(journal, name)
        except Exception as exc:  # reported to the parent, which fails the test
            print(f"FAILED {name}: {exc!r}", file=sys.stderr, flush=True)
            entry = -1
        print(f"OK {name}\t{entry}\t{json.dumps(deleted_journal_files(path))}", flush=True)
    print("END", flush=True)
    sys.stdin.readline()  # killed here


if __name__ == "__main__":
    main()
