"""While the journal is locked nothing in the process still holds it: no connection, no
Journal, no data key, no window or editor with the entry's text.

Python cannot wipe memory (strings and bytes are immutable, and freed blocks are reused when
the allocator likes), so CareJournal drops every reference and disables core dumps
(carejournal/hardening.py). This test walks every object the garbage collector tracks, and
every widget Qt still has, at the moment the unlock screen is asked for.
"""

from __future__ import annotations

import gc
import sys
import uuid
import weakref
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit

from carejournal import app as app_module
from carejournal.services import encryption
from carejournal.services.journal import Journal
from carejournal.store import cipher
from carejournal.store.backup import in_use
from carejournal.store.keyfile import KdfCost
from carejournal.ui.after_close import Session
from carejournal.ui.main_window import MainWindow
from carejournal.ui.privacy import unlock as unlock_dialog
from carejournal.ui.single_instance import SingleInstance
from tests.conftest import draft


def holders(texts: list[str], data: list[bytes], skip: set[int]) -> list[str]:
    """The type of every tracked object (but those in skip) that refers to a str holding
    one of texts, or to bytes equal to or holding one of data."""
    found = []
    for obj in gc.get_objects():
        if id(obj) in skip:
            continue
        for item in gc.get_referents(obj):
            if (isinstance(item, str) and any(t in item for t in texts)) or \
                    (isinstance(item, bytes | bytearray) and any(d in item for d in data)):
                found.append(type(obj).__qualname__)
    return found


def widgets_showing(text: str) -> list[str]:
    """Qt's own widgets (alive in C++, whatever Python holds) whose text holds text."""
    return [type(w).__name__ for w in QApplication.allWidgets()
            if isinstance(w, QPlainTextEdit | QTextEdit) and text in w.toPlainText()]


@pytest.mark.skipif(not cipher.available(), reason="SQLCipher is not installed")
def test_after_lock_no_journal_key_or_entry_text_is_held(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot) -> None:
    # Made now (in no code object's constants) and held only in lists this test skips:
    needles = [f"Quokka{uuid.uuid4().hex}"]
    path = tmp_path / "journal.sqlite"
    journal = Journal.open(path, create=True)
    entry_id = journal.add(draft(f"Walked with Ray to the shop. {needles[0]}"))
    journal.close()
    del journal
    keys: list[bytes] = [encryption.encrypt(path, "a long passphrase",
                                            cost=KdfCost(1, 64, 1)).key]
    needles.append(keys[0].hex())
    seen: dict[str, Any] = {}
    opened: list[weakref.ref[Any]] = []

    def ask(name: str, check):
        gc.collect()
        me = sys._getframe()
        skip = {id(me), id(seen), id(keys), id(opened), id(needles)}
        frame = me.f_back
        while frame is not None:  # the test's own frames hold the key and the marker
            if frame.f_code.co_filename == __file__:
                skip.add(id(frame))
            frame = frame.f_back
        seen["connected"] = in_use(path)
        seen["alive"] = [type(ref()).__name__ for ref in opened[1:] if ref() is not None]
        seen["held by"] = [type(r).__name__ + repr(getattr(r, "f_code", ""))[:80]
                           + repr(list(r)[:4] if isinstance(r, dict) else "")
                           for ref in opened[1:] if ref() is not None
                           for r in gc.get_referrers(ref()) if id(r) not in skip]
        window = opened[0]()  # PySide may keep a deleted window's wrapper: an empty shell
        seen["window"] = None if window is None else (shiboken6.isValid(window), vars(window))
        del window
        seen["holders"] = holders(needles, keys, skip)
        seen["widgets"] = widgets_showing(needles[0])
        return True, check("a long passphrase")

    runs = 0

    def fake_exec() -> int:
        nonlocal runs
        runs += 1
        window = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, MainWindow) and w.isVisible())
        window.start_up.flush()
        if runs == 1:
            window.show_entry(entry_id)
            window.editor.body.setPlainText(f"Walked with Ray, then tea. {needles[0]}")
            opened.extend(weakref.ref(o) for o in (window, window.journal, window.editor))
            qtbot.waitUntil(window.autosaver.flush, timeout=20_000)  # after the start-up check
            window.actions_.lock.trigger()
        else:
            window.close()
        return 0

    monkeypatch.setattr(unlock_dialog, "ask_to_unlock", ask)
    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    monkeypatch.setattr(app_module, "QSettings",
                        lambda: QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    session = Session(path, key=keys[0])
    instance = SingleInstance(path)
    assert instance.acquire()
    try:
        assert app_module.run(QApplication.instance(), session, instance) == 0
    finally:
        instance.release()
    assert runs == 2
    assert seen["connected"] is False
    assert seen["alive"] == [], seen["held by"]
    assert seen["window"] in (None, (False, {})), "the window is deleted and holds nothing"
    assert seen["widgets"] == [], "no widget still shows the entry"
    assert seen["holders"] == [], "nothing holds the data key or the entry's text"
