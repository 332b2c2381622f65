"""The window's flows beside a held journal: `python -m tests.invariant.window_holder JOURNAL WORK`.

Like holder.py (same protocol: `OP <name> <key hex or ->`, a line back, then
`OK <name>\\t<entry id>\\t<deleted files>`), but the journal is held by a real MainWindow
(offscreen), and the operations are the window's: a supervision pack, a backup, Patterns,
the shift reminder's tick, lock and unlock, protect with a passphrase, change it, remove it.
Flows that close the window run as app.run does: close_journal, the step, a new window.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from carejournal.app import close_journal, open_window
from carejournal.core.domain import EntryDraft, EntryKind
from carejournal.core.supervision import Session as SupervisionSession
from carejournal.pack.write import PackFormat
from carejournal.services import encryption
from carejournal.services.packs import plan_pack, write_plan
from carejournal.store.keyfile import KdfCost
from carejournal.ui.after_close import Session
from carejournal.ui.main_window import MainWindow
from carejournal.ui.shared import background
from tests.invariant.holder import deleted_journal_files, note

CHEAP = KdfCost(time_cost=1, memory_kib=64, parallelism=1)
PASSPHRASE = "a long enough passphrase"


class Holder:
    def __init__(self, path: Path, work: Path) -> None:
        self.session, self.work = Session(path), work
        self.settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
        self.window = self._open()

    def _open(self) -> MainWindow:
        window = open_window(self.session, self.settings, create=True)
        assert isinstance(window, MainWindow), window
        window.show()
        window.start_up.flush()
        return window

    def reopen_after(self, step: Callable[[Session], None]) -> None:
        close_journal(self.window)
        QApplication.processEvents()
        step(self.session)
        self.window = self._open()

    # -- the window's flows ----------------------------------------------------------
    def pack(self) -> None:
        journal = self.window.journal
        today = dt.date.today()
        journal.supervision.add(SupervisionSession(today + dt.timedelta(days=7), "Ruth"))
        prep = journal.supervision.prepare_next(today)
        plan = plan_pack(journal, prep)
        thread = background.start(write_plan, plan, self.work / "pack.pdf", PackFormat.PDF,
                                  set(), name="write-supervision-pack")
        thread.join()

    def backup(self) -> None:
        self.window.journal.backup_service().back_up_now()

    def patterns(self) -> None:
        self.window.patterns.show_patterns()
        QApplication.processEvents()

    def reminder_tick(self) -> None:
        self.window.practice.reminder.check()

    def lock_and_unlock(self) -> None:
        key = self.session.key
        self.reopen_after(lambda session: setattr(session, "key", key))

    def protect(self) -> None:
        def encrypt(session: Session) -> None:
            session.key = encryption.encrypt(session.path, PASSPHRASE, cost=CHEAP).key
        self.reopen_after(encrypt)

    def change_passphrase(self) -> None:
        def change(session: Session) -> None:  # a re-key: run after close, as the window does
            assert session.key is not None
            session.key = encryption.change_passphrase(session.path, session.key,
                                                       "another long passphrase", cost=CHEAP).key
        self.reopen_after(change)

    def remove_passphrase(self) -> None:
        def decrypt(session: Session) -> None:
            assert session.key is not None
            encryption.decrypt(session.path, session.key)
            session.key = None
        self.reopen_after(decrypt)


OPERATIONS = ("pack", "backup", "patterns", "reminder_tick", "lock_and_unlock", "protect",
              "reminder_tick", "change_passphrase", "backup", "lock_and_unlock", "patterns",
              "remove_passphrase", "reminder_tick", "backup")


def main() -> None:
    path, work = Path(sys.argv[1]), Path(sys.argv[2])
    app = QApplication.instance() or QApplication([])
    for name in ("warning", "question", "critical", "information"):
        setattr(QMessageBox, name, lambda *_a, **_k: QMessageBox.StandardButton.Cancel)
    holder = Holder(path, work)
    note(holder.window.journal, "opening")
    for name in OPERATIONS:
        getattr(holder, name)()
        app.processEvents()
        key = holder.session.key
        print(f"OP {name} {key.hex() if key else '-'}", flush=True)
        sys.stdin.readline()
        try:
            entry = holder.window.journal.add(note_draft(name))
        except Exception as exc:  # reported to the parent, which fails the test
            print(f"FAILED {name}: {exc!r}", file=sys.stderr, flush=True)
            entry = -1
        print(f"OK {name}\t{entry}\t{json.dumps(deleted_journal_files(path))}", flush=True)
    print(f"END {holder.session.key.hex() if holder.session.key else '-'}", flush=True)
    sys.stdin.readline()  # killed here


def note_draft(name: str) -> EntryDraft:
    return EntryDraft(kind=EntryKind.REFLECTION, occurred_on=dt.date(2026, 3, 2),
                      body=f"Written by the window after {name}.")


if __name__ == "__main__":
    main()
