"""Opening the app: one window per journal, clear refusals, accessible controls."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from carejournal.app import (
    SWITCH_INTERVAL_S,
    Raised,
    claim,
    gui_main,
    make_application,
    open_window,
)
from carejournal.core.domain import ActionItem, Decision, EntryKind
from carejournal.ui.after_close import Session
from carejournal.ui.main_window import MainWindow
from carejournal.ui.single_instance import SingleInstance
from tests.conftest import draft


def test_the_app_hands_the_interpreter_back_to_the_window_quickly(qapp, monkeypatch) -> None:
    # Start-up builds the lens and the spelling dictionary in threads: at Python's 5 ms the
    # window waited for the interpreter again and again and stood still for a second or more.
    monkeypatch.setattr(sys, "setswitchinterval", lambda seconds: set_to.append(seconds))
    set_to: list[float] = []
    assert make_application() is qapp
    assert set_to == [SWITCH_INTERVAL_S] and SWITCH_INTERVAL_S <= 0.001


def test_a_second_window_on_the_same_journal_raises_the_first(
        tmp_path: Path, settings: QSettings, qtbot) -> None:
    path = tmp_path / "journal.sqlite"
    instance = claim(path)
    assert not isinstance(instance, str)
    window = open_window(Session(path), settings, create=True)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    raised: list[bool] = []
    window.bring_to_front = lambda: raised.append(True)  # type: ignore[method-assign]
    instance.listen(window.bring_to_front)
    second = claim(path)
    assert isinstance(second, Raised)  # quietly: no message
    qtbot.waitUntil(lambda: bool(raised), timeout=2000)
    window.journal.close()
    instance.release()
    third = claim(path)
    assert not isinstance(third, str), "once the first closes, the journal opens again"
    third.release()


def test_a_window_that_does_not_answer_is_named_after_waiting(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    first = claim(path)
    assert isinstance(first, SingleInstance)  # locked, but not listening (still unlocking)
    try:
        started = time.monotonic()
        second = claim(path, patience_ms=600)
        waited = time.monotonic() - started
    finally:
        first.release()
    assert isinstance(second, str) and "did not answer" in second
    assert 0.5 < waited < 3


def test_a_window_that_starts_listening_late_is_still_raised(tmp_path: Path, qtbot) -> None:
    path = tmp_path / "journal.sqlite"
    first = claim(path)
    assert isinstance(first, SingleInstance)
    raised: list[bool] = []
    QTimer.singleShot(400, lambda: first.listen(lambda: raised.append(True)))
    try:  # (the timer fires while the second start waits: its sleeps process no events,
        # so it is run here from a thread that asks while this one listens)
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(1) as pool:
            asked = pool.submit(SingleInstance(path).ask_first_to_raise, 3000)
            qtbot.waitUntil(asked.done, timeout=5000)
        assert asked.result() is True
        qtbot.waitUntil(lambda: bool(raised), timeout=2000)
    finally:
        first.release()


def test_the_gui_command_opens_the_journal_it_is_given(monkeypatch, tmp_path: Path) -> None:
    import carejournal.app as app

    opened: list[str | None] = []
    monkeypatch.setattr(app, "main", lambda journal=None: opened.append(journal) or 0)
    assert gui_main(["--journal", str(tmp_path / "j.sqlite"), "-platform", "offscreen"]) == 0
    assert gui_main([]) == 0
    assert opened == [str(tmp_path / "j.sqlite"), None]


def test_the_application_names_its_desktop_file(qapp) -> None:
    from carejournal import APP_ID

    assert make_application() is qapp
    assert qapp.desktopFileName() == APP_ID


def test_a_file_that_is_not_a_journal_is_refused_untouched(tmp_path: Path,
                                                          settings: QSettings) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("my shopping list")
    message = open_window(Session(path), settings, create=True)
    assert isinstance(message, str) and "not a CareJournal journal" in message
    assert path.read_text() == "my shopping list"


def test_a_missing_folder_is_reported(tmp_path: Path) -> None:
    message = claim(tmp_path / "nowhere" / "j.sqlite")
    assert isinstance(message, str) and "does not exist" in message
    assert not (tmp_path / "nowhere").exists()


def test_a_missing_journal_is_made_only_when_asked(tmp_path: Path, settings: QSettings) -> None:
    message = open_window(Session(tmp_path / "j.sqlite"), settings, create=False)
    assert isinstance(message, str) and "no journal" in message
    assert not (tmp_path / "j.sqlite").exists()


def test_every_control_has_an_accessible_name(filled, make_window) -> None:
    filled.add(draft("Chose the bus", people=("Sam",), strengths="Patient",
                     decisions=(Decision("Bus", "co-design", True),)))
    filled.add(draft("", EntryKind.REFLECTION, model="gibbs", sections=(("feelings", "ok"),),
                     actions=(ActionItem("Ring", dt.date(2026, 3, 9)),)))
    window: MainWindow = make_window()
    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit,
             QAbstractItemView)
    for row in range(window.timeline.model.rowCount()):  # every kind of entry, in full
        window.timeline.select_row(row)
        unnamed = [
            f"{type(w).__name__} {w.objectName()}"
            for w in window.findChildren(QWidget)
            if isinstance(w, kinds) and w.isVisibleTo(window) and not w.accessibleName()
            and not isinstance(w.parent(), (QComboBox, QAbstractSpinBox))
        ]
        assert unnamed == [], window.editor.current_kind()


def test_a_broken_data_file_is_named_not_a_traceback(tmp_path: Path, settings: QSettings,
                                                     monkeypatch) -> None:
    from carejournal.core import catalogues, resources, templates

    copy = tmp_path / "resources"
    shutil.copytree(resources.resources_dir(), copy)
    (copy / "coproduction_ladder.toml").write_text('[[rung]]\nkey = "a\n', encoding="utf-8")
    monkeypatch.setattr(resources, "resources_dir", lambda: copy)
    for cached in (templates.models, templates.fallibility, templates.questions,
                   catalogues.ladder):
        cached.cache_clear()
    try:
        message = open_window(Session(tmp_path / "j.sqlite"), settings, create=True)
    finally:
        monkeypatch.undo()
        for cached in (templates.models, templates.fallibility, templates.questions,
                       catalogues.ladder):
            cached.cache_clear()
    assert isinstance(message, str)
    assert "coproduction_ladder.toml" in message and "line 2" in message
    assert not (tmp_path / "j.sqlite").exists(), "nothing was created"


def test_everything_is_reachable_from_the_menus(window: MainWindow) -> None:
    menu_actions = {a for menu in window.menuBar().actions() if menu.menu()
                    for a in menu.menu().actions()}
    wanted = [window.actions_.new_entry, window.actions_.trash, window.actions_.find,
              window.actions_.next_entry, window.actions_.show_trash, window.actions_.undo]
    assert all(any(a is w for a in menu_actions) for w in wanted)
    assert window.actions_.new_entry.shortcut().toString() == "Ctrl+N"
    assert window.actions_.trash.shortcut().toString() == "Del"


def test_form_shortcut_letters_do_not_clash(window: MainWindow) -> None:
    from PySide6.QtWidgets import QLabel

    letters = [label.text().split("&", 1)[1][0].lower()
               for label in window.findChildren(QLabel) if "&" in label.text()]
    menus = [a.text().split("&", 1)[1][0].lower() for a in window.menuBar().actions()]
    assert len(letters + menus) == len(set(letters + menus))


def test_warning_colours_suit_a_dark_palette(window: MainWindow) -> None:
    from PySide6.QtGui import QColor, QPalette

    from carejournal.ui.shared.colours import is_dark, problem_text_style

    assert not is_dark(window)
    dark = QPalette(window.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    window.setPalette(dark)
    assert is_dark(window)
    assert "#ffb4ab" in problem_text_style(window)


def test_a_deep_temporary_folder_still_raises_the_first(
        tmp_path: Path, monkeypatch, qtbot) -> None:
    """A socket's path holds about 107 bytes: with a deep TMPDIR the window could not listen,
    so a second start said the first "did not answer" (found under pytest-xdist)."""
    deep = tmp_path / ("d" * 60) / ("e" * 60)
    deep.mkdir(parents=True)
    monkeypatch.setenv("TMPDIR", str(deep))
    path = tmp_path / "journal.sqlite"
    first = claim(path)
    assert isinstance(first, SingleInstance)
    raised: list[bool] = []
    first.listen(lambda: raised.append(True))
    try:
        assert first.server_name.startswith("/tmp/")
        assert isinstance(claim(path), Raised)
        qtbot.waitUntil(lambda: bool(raised), timeout=2000)
    finally:
        first.release()
