"""The main window: the timeline on the left, the entry editor on the right."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.changes import Changes
from carejournal.core.domain import EntryKind
from carejournal.core.errors import JournalDamaged
from carejournal.core.kinds import mirror_kind
from carejournal.services.journal import Journal
from carejournal.ui.actions import Actions
from carejournal.ui.after_close import AfterClose
from carejournal.ui.editor.autosave import AutoSaver, SaveState
from carejournal.ui.editor.welcome import NothingSelectedPage, WelcomePage
from carejournal.ui.editor.writing_mode import WritingMode
from carejournal.ui.first_paint import StartUp
from carejournal.ui.menus import build_menus, show_about, show_guide, show_shortcuts
from carejournal.ui.practice.controller import PracticeController
from carejournal.ui.shared import safe_input
from carejournal.ui.shared.changes import ChangeHub
from carejournal.ui.shared.operations import MoveEntriesCommand
from carejournal.ui.shared.outside_writes import OutsideWrites
from carejournal.ui.shared.problems import PROBLEMS
from carejournal.ui.shared.undo_note import UndoNote
from carejournal.ui.timeline.panel import TimelinePanel
from carejournal.ui.window_parts import build_rest, make_editor
from carejournal.ui.window_state import install, may_close, restore_layout, save_layout

if TYPE_CHECKING:  # built after the first paint (window_parts.py)
    from carejournal.ui.backups.controller import BackupsController
    from carejournal.ui.cpd.controller import CpdController
    from carejournal.ui.editor.draft_keeper import DraftKeeper
    from carejournal.ui.editor.entry_editor import EntryEditor
    from carejournal.ui.editor.word_count import WordCount
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

TAB_WRITES_KEY = "editor/tab_writes_tabs"  # the worker's choice, with the window layout
FIRST_SCREEN = 150  # timeline rows read before the first paint; the rest just after it


class MainWindow(QMainWindow):
    """Joins the timeline, the editor and the journal service."""

    lens: LensController
    spelling: SpellingController
    patterns: PatternsController
    supervision: SupervisionController
    calendar: CalendarController
    draft_keeper: DraftKeeper
    backups: BackupsController
    locking: LockController
    encryption: EncryptionController
    interchange: InterchangeController
    names: NamesController
    appearance: AppearanceController
    cpd: CpdController
    read_only_label: QLabel  # set by backups.not_saved.show_read_only, when it is so
    word_count: WordCount  # beside the save state, with the editor (window_parts.py)

    def __init__(self, journal: Journal, settings: QSettings,
                 parent: QWidget | None = None,
                 clock: Callable[[], dt.datetime] = dt.datetime.now,
                 defer_start_up: bool = False) -> None:
        super().__init__(parent)
        self.journal = journal
        self.settings = settings
        self.trash_mode = False
        self.new_kind = EntryKind.INTERACTION
        self.setWindowTitle(self.tr("CareJournal — {name}").format(name=journal.path.name))
        self.actions_ = Actions(self)
        self.undo_stack = QUndoStack(self)
        self.changes = ChangeHub(self)  # every write says here what it changed; views listen
        self.outside = OutsideWrites(self, journal, self.changes)  # `carejournal add`, say
        self.timeline = TimelinePanel()
        self._editor: EntryEditor | None = None  # built on first use (window_parts.py)
        self.welcome = WelcomePage()
        self.nothing = NothingSelectedPage()
        self.autosaver = AutoSaver(self._save, parent=self)
        self.save_problem: BaseException | None = None  # why the last save failed
        self._build()
        self._connect()
        self.start_up = StartUp(self.timeline.view.viewport(), defer_start_up,
                                alive=lambda: not self.journal.closed)
        self.after_close: AfterClose | None = None  # app.main runs it once the journal is shut
        install(settings, self)  # every dialog opens within the screen, centred on its parent
        restore_layout(self)
        self.practice = PracticeController(self, clock)  # its notices are in the first paint
        self.start_up.run(lambda: build_rest(self, clock))  # the editor and the controllers
        self.refresh(first_screen=defer_start_up)
        if not journal.writable:
            from carejournal.ui.backups.not_saved import show_read_only

            show_read_only(self)

    @property
    def editor(self) -> EntryEditor:
        """The entry editor, built on first use (at start-up, just after the first paint)."""
        if self._editor is None:
            self._editor = make_editor(self)
        return self._editor

    # -- construction --------------------------------------------------------
    def _build(self) -> None:
        self.pages = QStackedWidget()
        for page in (self.welcome, self.nothing):  # and the editor, once built
            self.pages.addWidget(page)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.timeline)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([420, 860])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.notices = QVBoxLayout()  # calm notices above the journal (due actions, reminders)
        layout.addLayout(self.notices)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.count_label = QLabel()
        self.save_label = QLabel()
        self.save_label.setAccessibleName(self.tr("Save status"))
        self.statusBar().addWidget(self.count_label)
        self.undo_note = UndoNote(self.undo_stack)  # "Moved to the trash — Undo"
        self.statusBar().addWidget(self.undo_note)
        self.statusBar().addPermanentWidget(self.save_label)
        self.timeline.addAction(self.actions_.trash)
        build_menus(self, self.actions_, self.undo_stack)

    def _connect(self) -> None:
        a = self.actions_
        a.new_entry.triggered.connect(lambda: self.new_entry(self.new_kind))
        for kind, action in a.new_of_kind.items():
            action.triggered.connect(lambda _=False, k=kind: self.new_entry(k))
        a.save.triggered.connect(self.autosaver.flush)
        a.quit.triggered.connect(self.close)
        a.trash.triggered.connect(self.trash_current)
        a.restore.triggered.connect(self.restore_current)
        a.empty_trash.triggered.connect(self.empty_trash)
        a.show_trash.toggled.connect(self.set_trash_mode)
        self.timeline.restore_button.clicked.connect(a.restore.trigger)
        self.timeline.empty_button.clicked.connect(a.empty_trash.trigger)
        self.timeline.back_button.clicked.connect(lambda: a.show_trash.setChecked(False))
        a.find.triggered.connect(self.focus_search)
        a.next_entry.triggered.connect(lambda: self.timeline.step(1))
        a.previous_entry.triggered.connect(lambda: self.timeline.step(-1))
        a.focus_timeline.triggered.connect(self.timeline.view.setFocus)
        a.focus_editor.triggered.connect(lambda: self.editor.body.setFocus())
        a.clear_filters.triggered.connect(self.timeline.filters.reset)
        a.about.triggered.connect(lambda: show_about(self, self.journal.path))
        a.guide.triggered.connect(lambda: show_guide(self))
        a.shortcuts.triggered.connect(lambda: show_shortcuts(self, a))
        a.print_entry.triggered.connect(self.print_current)
        self.timeline.filters.changed.connect(self.refresh)
        self.timeline.current_changed.connect(self.open_entry)
        self.timeline.activated.connect(lambda: self.editor.body.setFocus())
        a.mirror.triggered.connect(self.mirror_current)
        self.welcome.new_entry.connect(self.new_entry)
        self.autosaver.state_changed.connect(self._show_save_state)
        self.changes.changed.connect(self._changed)  # first: the list, then the other views
        a.tab_writes_tabs.setChecked(self.settings.value(TAB_WRITES_KEY, False, type=bool) is True)
        self._tab_writes(a.tab_writes_tabs.isChecked())
        a.tab_writes_tabs.toggled.connect(self._tab_writes)
        self.writing = WritingMode(self)  # F11: only the text (Esc leaves)

    def _tab_writes(self, on: bool) -> None:
        """The worker's choice of what Tab does in text boxes, kept with the window layout."""
        app = QCoreApplication.instance()
        if app is not None:
            safe_input.set_tab_writes(app, on, self)
        self.settings.setValue(TAB_WRITES_KEY, on)

    # -- listing -------------------------------------------------------------
    def refresh(self, select_id: int | None = None, first_screen: bool = False) -> None:
        """Reload the timeline from the journal, keeping or changing the highlight.

        With first_screen (at start-up, unfiltered) only the newest rows are read before
        the first paint, and the rest once it is on screen.
        """
        editor = self._editor  # None until built: nothing is open in it then
        keep = select_id if select_id is not None or editor is None else editor.entry_id
        flt = self.timeline.filters.current(trashed=self.trash_mode)
        first_screen = first_screen and not self.timeline.filters.is_filtering()
        try:
            rows = self.journal.rows(replace(flt, limit=FIRST_SCREEN) if first_screen else flt)
            total = self.journal.count(trashed=self.trash_mode)
            people, tags = self.journal.people(), self.journal.tags()
        except PROBLEMS as exc:
            if isinstance(exc, JournalDamaged):  # the list says why it is empty
                self.timeline.set_rows([], str(exc))
            self.report(exc)
            return
        self.timeline.set_rows(rows, self.timeline.empty_message(self.trash_mode, total))
        self.timeline.filters.set_names(people, tags)
        if editor is not None:
            editor.set_names(people, tags)
        shown = total if first_screen else len(rows)
        self.count_label.setText(self.timeline.count_text(self.trash_mode, shown, total))
        self.timeline.select(keep)
        if editor is None or self.pages.currentWidget() is not editor:
            self._show_placeholder(total)
        if first_screen and len(rows) < total:
            self.start_up.run(self._load_rest)

    def _load_rest(self) -> None:
        """The rows below the first screen, added below those shown (so a row chosen or a
        place scrolled to meanwhile stays as it is)."""
        try:
            rows = self.journal.rows(self.timeline.filters.current(trashed=self.trash_mode))
        except PROBLEMS as exc:
            self.report(exc)
            return
        if not self.timeline.model.extend(rows):  # the list changed meanwhile
            self.refresh(select_id=self.timeline.current_id())

    def _changed(self, changes: Changes) -> None:
        """A write changed the journal: the open entry, the checklist and the list follow."""
        self._editor_follows(changes)
        if changes.little_things:
            self.reload_catalogue()
        if changes.listing or changes.little_things or changes.preparation or changes.names:
            self.refresh(select_id=changes.shown)
        else:
            for entry_id in sorted(changes.entries):
                self._refresh_row(entry_id)

    def _editor_follows(self, changes: Changes) -> None:
        """Show the open entry anew when a write beside the editor changed it (an action
        marked done, a rewording in the preparation, a person or tag renamed or merged)."""
        editor = self._editor
        if not (changes.action_items or changes.preparation or changes.names) or editor is None \
                or editor.entry_id is None or self.pages.currentWidget() is not editor:
            return
        if self.autosaver.flush():
            try:
                editor.load(self.journal.get(editor.entry_id))
            except PROBLEMS:
                pass  # as before: the list, read next, reports what is wrong

    def reload_catalogue(self) -> None:
        """Offer the editor's checklist the little things as they are now."""
        try:
            self.editor.set_catalogue(self.journal.kindness.acts(include_retired=True))
        except PROBLEMS as exc:
            self.report(exc)

    def _show_placeholder(self, total: int) -> None:
        empty_journal = total == 0 and not self.trash_mode
        self.pages.setCurrentWidget(self.welcome if empty_journal else self.nothing)

    # -- opening and writing -------------------------------------------------
    def open_entry(self, entry_id: int | None) -> None:
        """Show an entry in the editor, saving the one open first."""
        if entry_id == self.editor.entry_id and self.pages.currentWidget() is self.editor:
            return
        if not self.autosaver.flush():
            self.timeline.select(self.editor.entry_id)
            return
        if entry_id is None:
            return
        try:
            entry = self.journal.get(entry_id)
        except PROBLEMS as exc:
            self.report(exc)
            return
        self.editor.load(entry)
        self.editor.set_read_only(entry.deleted_at is not None)
        self.pages.setCurrentWidget(self.editor)
        if self.timeline.current_id() != entry_id:  # the list follows what the editor shows
            self.timeline.select(entry_id)

    def new_entry(self, kind: EntryKind) -> None:
        """Start a new entry of this kind; it is stored once something is written."""
        if self.trash_mode:
            self.actions_.show_trash.setChecked(False)
        if not self.autosaver.flush():
            return
        self.new_kind = kind
        self.timeline.select(None)
        self.editor.set_read_only(False)
        self.editor.start_new(kind)
        self.pages.setCurrentWidget(self.editor)
        self.editor.body.setFocus()

    def _save(self) -> str | None:
        """Store the editor's content; None when saved, else the problem to show."""
        if self.editor.entry_id is None and self.editor.is_blank():
            return None
        try:
            draft = self.editor.draft()
            if self.editor.entry_id is None:
                added = self.journal.ops.add(draft, mirror_of=self.editor.mirror_of)
                self.editor.saved_as(added.value)  # before the list shows it, so it stays open
                self.changes.report(added.changes)
            else:
                self.changes.report(self.journal.ops.update(self.editor.entry_id, draft))
            self.journal.ensure_present()  # a deleted file takes writes and loses them
        except PROBLEMS as exc:
            self.save_problem = exc
            message = self.tr("Your changes are not saved yet: {problem} "
                              "Your text is still here.").format(problem=exc)
            self.editor.show_error(message)
            return message
        self.save_problem = None
        self.editor.clear_error()
        return None

    def mirror_current(self) -> None:
        """From an interaction, start an own-fallibility note linked to it."""
        if self.pages.currentWidget() is not self.editor or self.trash_mode:
            return
        mirror = mirror_kind(self.editor.current_kind())
        if mirror is None:
            return
        if not self.autosaver.flush() or self.editor.entry_id is None:
            return
        from carejournal.core.templates import questions

        source = self.journal.row(self.editor.entry_id)
        prompt = self.tr("Linked to: {summary}\n\n{question}").format(
            summary=source.summary if source else "", question=questions().mirror)
        self.timeline.select(None)
        self.editor.set_read_only(False)
        self.editor.start_new(mirror, mirror_of=self.editor.entry_id,
                              prompt=prompt)
        self.pages.setCurrentWidget(self.editor)

    def show_entry(self, entry_id: int) -> None:
        """Open an entry (a linked one, say), clearing filters if they hide it."""
        if not self.autosaver.flush():
            return
        if self.trash_mode:
            self.actions_.show_trash.setChecked(False)
        self.refresh(select_id=entry_id)
        if self.timeline.model.row_of(entry_id) < 0:  # hidden by the search or filters
            self.timeline.filters.reset()
            self.refresh(select_id=entry_id)
        self.open_entry(entry_id)

    def _refresh_row(self, entry_id: int) -> None:
        row = self.journal.row(entry_id)
        if row is None or not self.timeline.model.replace_row(row):
            self.refresh(select_id=entry_id)
            return
        people, tags = self.journal.people(), self.journal.tags()
        self.timeline.filters.set_names(people, tags)
        self.editor.set_names(people, tags)

    # -- trash ---------------------------------------------------------------
    def trash_current(self) -> None:
        """Move the highlighted entry to the trash (undo with Ctrl+Z)."""
        entry_id = self.timeline.current_id()
        if entry_id is None or self.trash_mode:
            return
        self.autosaver.flush()
        row = self.timeline.view.currentIndex().row()
        if self._push(MoveEntriesCommand(self.journal.ops, [entry_id], True, self._after_move)):
            self.undo_note.offer(self.tr("Moved to the trash."))
        self.timeline.select_row(row)
        self.timeline.view.setFocus()

    def restore_current(self) -> None:
        """Bring the highlighted trashed entry back."""
        entry_id = self.timeline.current_id()
        if entry_id is None or not self.trash_mode:
            return
        self._push(MoveEntriesCommand(self.journal.ops, [entry_id], False, self._after_move))

    def _push(self, command: MoveEntriesCommand) -> bool:
        """Do the move through the undo stack; False (and the problem shown) if it failed."""
        try:
            self.undo_stack.push(command)
        except PROBLEMS as exc:
            self.report(exc)
            return False
        return True

    def _after_move(self, changes: Changes) -> None:
        show_id = changes.shown
        self.autosaver.discard()
        self.editor.entry_id = None
        self.pages.setCurrentWidget(self.nothing)
        if show_id is not None and self.trash_mode:
            self.actions_.show_trash.setChecked(False)
        self.changes.report(changes)
        if show_id is not None:
            self.open_entry(show_id)

    def set_trash_mode(self, on: bool) -> None:
        """Show the trash instead of the journal, or back again."""
        if not self.autosaver.flush():
            self.actions_.show_trash.setChecked(False)
            return
        self.trash_mode = on
        self.undo_note.dismiss()  # about the list left behind
        self.timeline.show_trash_banner(on)
        self.nothing.set_trash_mode(on)
        self.editor.entry_id = None
        self.pages.setCurrentWidget(self.nothing)
        self.refresh()  # nothing was written: the list and the notice show the other side
        self.practice.refresh_due()

    def empty_trash(self) -> None:
        """Delete trashed entries for good, after asking."""
        answer = QMessageBox.question(
            self, self.tr("Empty the trash?"),
            self.tr("Entries in the trash will be deleted for good. This cannot be undone."),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Discard:
            return
        changes = Changes(listing=True, trash=True)  # read again even if the write failed
        try:
            changes = self.journal.ops.empty_trash().changes
        except PROBLEMS as exc:
            self.report(exc)
        self.undo_stack.clear()
        self.changes.report(changes)

    # -- small things --------------------------------------------------------
    def print_current(self) -> None:
        """File › Print…: the entry open in the editor, through Qt's print dialog."""
        if self.pages.currentWidget() is not self.editor:
            return
        from carejournal.core.domain import InvalidInput
        from carejournal.ui.editor.printing import print_entry

        try:
            print_entry(self.editor, self)
        except InvalidInput as exc:
            self.report(exc)

    def focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.timeline.filters.search.setFocus()
        self.timeline.filters.search.selectAll()

    def bring_to_front(self) -> None:
        """Raise the window (a second copy of the app asked for it): out of the taskbar if
        it was minimised, still maximised or full screen if it was."""
        if self.isMinimized():
            self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    def _show_save_state(self, state: SaveState, message: str) -> None:
        from carejournal.ui.backups.not_saved import show_state, status_text

        failed = state is SaveState.FAILED
        texts = {SaveState.SAVED: self.tr("Saved"), SaveState.PENDING: self.tr("Editing…"),
                 SaveState.FAILED: status_text(self.save_problem)}
        show_state(self.save_label, failed, texts[state], message)
        if failed and self._editor is not None and not self._editor.error.isVisible():
            self._editor.show_error(message)  # the crash draft failed before the save did

    def report(self, exc: BaseException) -> None:
        """Show a problem with the journal in a calm warning."""
        QMessageBox.warning(self, self.tr("Something went wrong"), str(exc))

    # -- closing -------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.journal.closed:  # taken down with its journal: nothing left to save
            event.accept()
            return
        self.start_up.flush()  # closed before the first paint: build what closing uses
        if not may_close(self):
            self.after_close = None
            self.locking.locked = False
            event.ignore()
            return
        self.actions_.writing_only.setChecked(False)  # the layout kept is the everyday one
        save_layout(self)
        event.accept()
