"""The parts of the main window its first paint does not need: the entry editor and the
controllers. The app builds them just after the first paint (tests, at once), and imports
their modules only then, so the window shows the timeline sooner."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from carejournal.ui.shared.problems import PROBLEMS

if TYPE_CHECKING:
    from carejournal.ui.editor.entry_editor import EntryEditor
    from carejournal.ui.main_window import MainWindow


def make_editor(window: MainWindow) -> EntryEditor:
    """The entry editor, on the window's journal, joined to the window and its pages."""
    from carejournal.ui.editor.entry_editor import EntryEditor
    from carejournal.ui.editor.fold import FoldMemory

    editor = EntryEditor()
    editor.set_journal(window.journal)
    editor.set_fold_memory(FoldMemory(window.settings))  # folded groups, per kind of entry
    window.pages.addWidget(editor)
    editor.edited.connect(window.autosaver.schedule)
    editor.retry_requested.connect(window.autosaver.flush)
    editor.mirror_requested.connect(window.mirror_current)
    editor.open_entry.connect(window.show_entry)
    from carejournal.ui.backups.not_saved import add_buttons

    add_buttons(window, editor)  # save the text elsewhere, or copy it, when not saved
    from carejournal.ui.editor.word_count import WordCount

    window.word_count = WordCount(editor)
    window.statusBar().addPermanentWidget(window.word_count)
    window.pages.currentChanged.connect(
        lambda _i: window.word_count.setVisible(window.pages.currentWidget() is editor))
    window.word_count.setVisible(window.pages.currentWidget() is editor)
    from carejournal.ui.shared.tab_order import follow_layout

    central = window.centralWidget()
    if central is not None:
        follow_layout(central)  # Tab: search, filters, timeline, then the editor
    try:
        editor.set_names(window.journal.people(), window.journal.tags())
    except PROBLEMS:
        pass  # the next refresh offers the names; a problem is reported where it matters
    return editor


def build_rest(window: MainWindow, clock: Callable[[], dt.datetime]) -> None:
    """Build the editor and the controllers (but practice), in the order they need."""
    from carejournal.ui.backups.controller import BackupsController
    from carejournal.ui.backups.journal_check import install as check_journal
    from carejournal.ui.cpd.controller import CpdController
    from carejournal.ui.editor.draft_keeper import install as install_draft_keeper
    from carejournal.ui.editor.on_this_day import install as install_on_this_day
    from carejournal.ui.interchange.controller import InterchangeController
    from carejournal.ui.lens.controller import LensController
    from carejournal.ui.lens.spelling import SpellingController
    from carejournal.ui.names.dialog import NamesController
    from carejournal.ui.patterns.controller import PatternsController
    from carejournal.ui.privacy.encryption import EncryptionController
    from carejournal.ui.privacy.lock import LockController
    from carejournal.ui.settings.appearance import AppearanceController
    from carejournal.ui.supervision.controller import SupervisionController
    from carejournal.ui.timeline.calendar import CalendarController

    check_journal(window)  # saves wait until the journal's full check passes (in the background)
    window.calendar = CalendarController(window, lambda: clock().date())  # before Tab's chain
    install_on_this_day(window, lambda: clock().date())
    window.editor  # noqa: B018 - built now, before the controllers that join it
    window.lens = LensController(window, lambda: clock().date())
    window.spelling = SpellingController(window)  # the dictionary loads after the first paint
    window.patterns = PatternsController(window, lambda: clock().date())
    window.supervision = SupervisionController(window, clock)
    window.reload_catalogue()
    window.draft_keeper = install_draft_keeper(window, offer=False)  # app.main offers
    window.backups = BackupsController(window)
    window.locking = LockController(window)
    window.encryption = EncryptionController(window)
    window.interchange = InterchangeController(window)
    window.names = NamesController(window)
    window.appearance = AppearanceController(window)
    window.cpd = CpdController(window, clock)  # the tracker's line and its gentle reminder
