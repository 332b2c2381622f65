"""Every window in a pseudo-locale: each text the code translates comes back accented, about
35% longer and in brackets ("[Ŝàvé ~~~]"), made at test time from what pyside6-lupdate
extracts now and compiled with pyside6-lrelease (the real pipeline). A text that stays plain
English was never sent through a translator (or was sent in a context lupdate did not file
it under); a text cut short shows where a longer language would not fit."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QRect, QSettings, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCalendarWidget,
    QGroupBox,
    QLabel,
    QMenu,
    QPushButton,
    QTabWidget,
    QWidget,
)

from carejournal.services.journal import Journal
from carejournal.ui import window_state
from carejournal.ui.main_window import MainWindow
from scripts import translations
from tests.ui.test_fits_screen import SMALL, WINDOWS

# A pseudo-translated text, or the part of one on either side of a widget set in a sentence
# ("&Lock after [spin box] minutes").
PSEUDO = re.compile(r"\[[^\[\]]*?~~+\]|^[^\[\]]*~~+\]|\[[^\[\]]*$", re.S)
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")

# Texts that are data or fixed names, not words to translate, with the reason.
ALLOWED = {
    "CareJournal": "the app's name",
    "SQLCipher": "a product's name",
    "OpenSSL": "a product's name",
}
# Qt's own buttons: their words come from Qt's translation (qtbase_<language>.qm), which
# language.install loads with ours; the pseudo-locale has none.
QT_OWN = {"Close", "Cancel", "Save", "OK", "&Next >", "< &Back", "&Finish", "&Cancel", "Help"}
DATA = ("Sam", "Jo", "Tea", "He said no", "Ring the GP", "Typing left by a crash",
        "Go swimming on Fridays", "journal.sqlite", "She refused her tea", "non-compliant",
        "ABCD-EFGH-IJKL-MNOP-\nQRST-UVWX-YZ23-4567")


@pytest.fixture(scope="module")
def pseudo(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[QTranslator]:
    """The pseudo-locale's translator, installed over English for these tests."""
    qm = translations.make_pseudo(tmp_path_factory.mktemp("pseudo"))
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_the_pseudo_translation_keeps_placeholders_and_marks_every_text() -> None:
    assert translations.pseudo("&Save {name} as %n") == "[&Sàvé {name} àš %n ~~~~~~]"
    assert translations.pseudo("<b>Bold</b> move").startswith("[<b>Bõld</b>")
    assert translations.pseudo("·") == "·"


def content() -> list[str]:
    """The texts of the packaged content (resources/*.toml: the reflective models, the
    little things, the co-production ladder, the fallibility prompts), longest first.

    Allowed, for now: they are content written in English, like the guide, and are to be
    translated as content files of their own, not through Qt (not done yet)."""
    from dataclasses import fields, is_dataclass

    from carejournal.core import catalogues, templates

    found: set[str] = set()

    def collect(value: object) -> None:
        if isinstance(value, str):
            found.add(value)
        elif isinstance(value, tuple | list):
            for item in value:
                collect(item)
        elif is_dataclass(value):
            for field in fields(value):
                collect(getattr(value, field.name))

    collect([templates.models(), templates.fallibility(), templates.questions(),
             catalogues.ladder(), catalogues.kindness_acts()])
    return sorted((t for t in found if len(t) > 3), key=len, reverse=True)


def _plain(text: str, allowed: tuple[str, ...] = ()) -> list[str]:
    """The English words left in a text once the pseudo-translated parts are taken out."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    rest = PSEUDO.sub(" ", text)
    for data in (*allowed, *DATA):
        rest = rest.replace(data, " ")
    return [w for w in ENGLISH_WORD.findall(rest) if w not in ALLOWED]


def _menu_texts(menu: QMenu) -> Iterator[tuple[str, str]]:
    yield "menu", menu.title()
    for action in menu.actions():
        if action.menu() is not None:
            yield from _menu_texts(action.menu())
        elif not action.isSeparator() and action.isVisible():
            yield "menu item", action.text()


def _in_calendar(widget: QWidget) -> bool:
    parent: QWidget | None = widget
    while parent is not None:
        if isinstance(parent, QCalendarWidget):
            return True
        parent = parent.parentWidget()
    return False


def _texts(window: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every visible text of a window."""
    yield "title", window.windowTitle()
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.window() is not window \
                or _in_calendar(widget):  # month and day names: the locale's, not ours
            continue
        if isinstance(widget, QAbstractButton) and widget.text() in QT_OWN:
            continue
        if isinstance(widget, QLabel) and widget.pixmap().isNull():
            yield f"label {widget.objectName()}", widget.text()
        elif isinstance(widget, QAbstractButton):
            yield "button", widget.text()
        elif isinstance(widget, QGroupBox):
            yield "group box", widget.title()
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                yield "tab", widget.tabText(i)
    if isinstance(window, MainWindow):
        for action in window.menuBar().actions():
            if action.menu() is not None:
                yield from _menu_texts(action.menu())


def _clipped(window: QWidget) -> list[str]:
    """Labels and buttons whose text is wider than the room they were given."""
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.window() is not window:
            continue
        if isinstance(widget, QLabel) and not widget.wordWrap() and widget.text() \
                and widget.pixmap().isNull() and widget.width() > 0 \
                and widget.minimumSizeHint().width() > widget.width() + 1:
            found.append(f"label {widget.text()[:40]!r} needs "
                         f"{widget.minimumSizeHint().width()}px, has {widget.width()}px")
        elif isinstance(widget, QPushButton) and widget.text() \
                and widget.minimumSizeHint().width() > widget.width() + 1:
            found.append(f"button {widget.text()!r} needs "
                         f"{widget.minimumSizeHint().width()}px, has {widget.width()}px")
    return found


@pytest.mark.parametrize("name", sorted(WINDOWS))
def test_every_window_is_translated_and_nothing_is_cut(
        name: str, pseudo: QTranslator, qtbot, journal: Journal, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(window_state, "available_geometry", lambda _widget: QRect(SMALL))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    main = MainWindow(journal, settings)
    qtbot.addWidget(main)
    main.show()
    shown = WINDOWS[name](main, journal)
    if shown is not main:
        qtbot.addWidget(shown)
        shown.show()
    qtbot.waitExposed(shown)
    english = [f"{where}: {text!r} ({', '.join(words)})" for where, text in _texts(shown)
               if (words := _plain(text))]
    assert not english, f"{name} shows English in the pseudo-locale:\n" + "\n".join(english)
    clipped = _clipped(shown)
    assert not clipped, f"{name} cuts texts short:\n" + "\n".join(clipped)


def test_the_check_sees_a_text_cut_short_and_a_text_left_in_english(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    label = QLabel("[Àñ éxàmplé õf à téxt ~~~~~~~]", window)
    label.setFixedWidth(40)
    QPushButton("Plain English", window).move(0, 30)
    window.show()
    assert _clipped(window) and "needs" in _clipped(window)[0]
    assert [words for _where, text in _texts(window) if (words := _plain(text))] == [
        ["Plain", "English"]]


def test_the_main_window_with_entries_of_every_kind_is_translated_and_nothing_is_cut(
        pseudo: QTranslator, qtbot, journal: Journal, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from carejournal.core.domain import EntryFilter
    from carejournal.services.demo import fill_demo

    monkeypatch.setattr(window_state, "available_geometry", lambda _widget: QRect(SMALL))
    fill_demo(journal, count=40)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    main = MainWindow(journal, settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    allowed = tuple(content())
    data = {text for row in journal.rows(EntryFilter())
            for text in (row.title, row.summary, *row.people, *row.tags) if text}
    data |= {act.label for act in journal.kindness.acts()}  # the sample's own little things
    kinds: dict[object, int] = {}
    for row in journal.rows(EntryFilter()):
        kinds.setdefault(row.kind, row.id)
    problems: list[str] = []
    for kind, entry_id in kinds.items():
        main.open_entry(entry_id)
        qtbot.wait(50)
        english = [f"{where}: {text[:80]!r}" for where, text in _texts(main)
                   if _plain(text, (*allowed, *data))]
        with suppress(qtbot.TimeoutError):  # the status bar lays out again after a text changes
            qtbot.waitUntil(lambda: not _clipped(main), timeout=500)
        problems += [f"{kind}: {line}" for line in english + _clipped(main)]
    assert not problems, "\n".join(sorted(set(problems)))
