"""Edit › People and Tags…: rename and merge people and tags (every entry follows), and set
the other names a person goes by and the alias a supervision pack calls them by.

Writes go through journal.ops and the window's ChangeHub, so the timeline, its filters and
the open entry show the new names. Merging asks first and says how many entries follow.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.changes import Done
from carejournal.services.names import PersonRow, TagRow
from carejournal.ui.names.model import ROW_ROLE, NamesModel, entries_text
from carejournal.ui.shared.problems import PROBLEMS
from carejournal.ui.shared.tab_order import follow_layout

if TYPE_CHECKING:
    from carejournal.ui.main_window import MainWindow


class NamesTab(QWidget):
    """One list (people or tags) with renaming and merging beside it."""

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = NamesModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(what)
        self.view.setMinimumWidth(200)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("New name"))
        self.rename = QPushButton(self.tr("&Rename"))
        self.rename.setAccessibleName(self.tr("Rename in every entry"))
        self.target = QComboBox()
        self.target.setAccessibleName(self.tr("Merge into"))
        self.merge = QPushButton(self.tr("&Merge…"))
        self.merge.setAccessibleName(self.tr("Merge into the one chosen"))
        self.form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        row.addWidget(self.rename)
        name_label = QLabel(self.tr("&Name:"))
        name_label.setBuddy(self.name)
        self.form.addRow(name_label, row)
        merge_row = QHBoxLayout()
        merge_row.addWidget(self.target, 1)
        merge_row.addWidget(self.merge)
        self.merge_label = QLabel(self.tr("Merge &into:"))
        self.merge_label.setBuddy(self.target)
        self.form.addRow(self.merge_label, merge_row)
        side = QVBoxLayout()
        side.addLayout(self.form)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(side, 2)
        self.view.selectionModel().currentChanged.connect(self._chosen)
        self.name.textChanged.connect(self._enable)
        self._chosen()

    def current(self) -> PersonRow | TagRow | None:
        """The row chosen in the list, or None."""
        index = self.view.currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, PersonRow | TagRow) else None

    def set_rows(self, rows: list[PersonRow] | list[TagRow], keep: str | None = None) -> None:
        """Show these rows, choosing `keep` (or the row chosen before, or the first)."""
        was = self.current()
        self.model.set_rows(rows)
        wanted = keep if keep is not None else (was.name if was is not None else "")
        row = max(0, self.model.row_of(wanted))
        if self.model.rowCount():
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._chosen()

    def _chosen(self) -> None:
        row = self.current()
        self.name.setText(row.name if row is not None else "")
        self.target.clear()
        for other in self.model.rows():
            if row is not None and other.name != row.name:
                self.target.addItem(other.name, other.name)
        self._enable()

    def _enable(self) -> None:
        row = self.current()
        new = self.name.text().strip()
        self.rename.setEnabled(row is not None and bool(new) and new != row.name)
        self.merge.setEnabled(row is not None and self.target.count() > 0)
        self.name.setEnabled(row is not None)


class PeopleTab(NamesTab):
    """People, with their other names and alias too."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.nicknames = QLineEdit()
        self.alias = QLineEdit()
        self.save_names = QPushButton()
        super().__init__(self.tr("People"), parent)
        self.nicknames.setAccessibleName(self.tr("Other names they go by"))
        self.nicknames.setPlaceholderText(self.tr("separated by commas"))
        self.nicknames.setToolTip(self.tr("Names they are also called in your entries; a "
                                          "supervision pack replaces these too."))
        self.alias.setAccessibleName(self.tr("Alias in supervision packs"))
        self.alias.setPlaceholderText(self.tr("their initials"))
        self.save_names.setText(self.tr("&Save Other Names and Alias"))
        self.form.addRow(self.tr("&Other names:"), self.nicknames)
        self.form.addRow(self.tr("&Alias in packs:"), self.alias)
        self.form.addRow("", self.save_names)

    def _chosen(self) -> None:
        super()._chosen()
        row = self.current()
        person = row if isinstance(row, PersonRow) else None
        self.nicknames.setText(", ".join(person.nicknames) if person else "")
        self.alias.setText(person.alias if person else "")
        for widget in (self.nicknames, self.alias, self.save_names):
            widget.setEnabled(person is not None)

    def chosen_nicknames(self) -> list[str]:
        """The other names typed, one each."""
        return [n.strip() for n in self.nicknames.text().split(",") if n.strip()]


class NamesDialog(QDialog):
    """People and tags: rename, merge, other names and alias; writes through the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("People and Tags"))
        self.setAccessibleName(self.tr("People and tags"))
        self.people = PeopleTab()
        self.tags = NamesTab(self.tr("Tags"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.people, self.tr("&People"))
        self.tabs.addTab(self.tags, self.tr("&Tags"))
        note = QLabel(self.tr("Renaming or merging changes every entry that names them. A "
                              "person's old name stays among their other names, so "
                              "supervision packs still hide it in what you wrote."))
        note.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("What was done"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.people.rename.clicked.connect(self.rename_person)
        self.people.merge.clicked.connect(self.merge_people)
        self.people.save_names.clicked.connect(self.save_person_names)
        self.tags.rename.clicked.connect(self.rename_tag)
        self.tags.merge.clicked.connect(self.merge_tags)
        self.people.name.returnPressed.connect(self.people.rename.click)
        self.tags.name.returnPressed.connect(self.tags.rename.click)
        self.resize(640, 420)
        self.reload()
        for tab in (self.people, self.tags):
            follow_layout(tab)  # Tab in the order each tab shows its fields

    def reload(self, person: str | None = None, tag: str | None = None) -> None:
        """Read the people and tags again (keeping or choosing the names given)."""
        try:
            names = self.window_.journal.names
            self.people.set_rows(names.people(), person)
            self.tags.set_rows(names.tags(), tag)
        except PROBLEMS as exc:
            self.status.setText(str(exc))

    # -- people -----------------------------------------------------------------
    def rename_person(self) -> None:
        """Call the chosen person by the name typed, in every entry."""
        row, new = self.people.current(), self.people.name.text().strip()
        if row is None or not new:
            return
        count = self._write(lambda ops: ops.rename_person(row.name, new))
        if count is not None:
            self.reload(person=new)
            self._said(self.tr("Renamed {old} to {new} in {entries}.").format(
                old=row.name, new=new, entries=entries_text(count)))

    def merge_people(self) -> None:
        """Merge the chosen person into the one picked, after asking."""
        row, target = self.people.current(), self.people.target.currentData()
        if row is None or not target:
            return
        question = self.tr(
            "Merge {source} into {target}?\n\n{entries} will name {target} instead, with "
            "{source}'s goals. {source} becomes one of {target}'s other names. This cannot "
            "be undone.").format(source=row.name, target=target,
                                 entries=entries_text(row.entries))
        if not self._ask(self.tr("Merge two people?"), question):
            return
        count = self._write(lambda ops: ops.merge_people(row.name, target))
        if count is not None:
            self.reload(person=target)
            self._said(self.tr("Merged {source} into {target}: {entries} followed.").format(
                source=row.name, target=target, entries=entries_text(count)))

    def save_person_names(self) -> None:
        """Keep the other names and alias typed for the chosen person."""
        row = self.people.current()
        if row is None:
            return
        nicknames, alias = self.people.chosen_nicknames(), self.people.alias.text()
        try:
            changes = self.window_.journal.ops.set_person_names(row.name, nicknames, alias)
        except PROBLEMS as exc:
            self.status.setText(str(exc))
            return
        self.window_.changes.report(changes)
        self.reload(person=row.name)
        self._said(self.tr("Saved the other names and alias of {name}.").format(name=row.name))

    # -- tags -------------------------------------------------------------------
    def rename_tag(self) -> None:
        """Rename the chosen tag in every entry."""
        row, new = self.tags.current(), self.tags.name.text().strip()
        if row is None or not new:
            return
        count = self._write(lambda ops: ops.rename_tag(row.name, new))
        if count is not None:
            self.reload(tag=new)
            self._said(self.tr("Renamed the tag {old} to {new} in {entries}.").format(
                old=row.name, new=new, entries=entries_text(count)))

    def merge_tags(self) -> None:
        """Merge the chosen tag into the one picked, after asking."""
        row, target = self.tags.current(), self.tags.target.currentData()
        if row is None or not target:
            return
        question = self.tr("Merge the tag {source} into {target}?\n\n{entries} will be "
                           "tagged {target} instead. This cannot be undone.").format(
            source=row.name, target=target, entries=entries_text(row.entries))
        if not self._ask(self.tr("Merge two tags?"), question):
            return
        count = self._write(lambda ops: ops.merge_tags(row.name, target))
        if count is not None:
            self.reload(tag=target)
            self._said(self.tr("Merged the tag {source} into {target}: {entries} "
                               "followed.").format(source=row.name, target=target,
                                                   entries=entries_text(count)))

    # -- writing ----------------------------------------------------------------
    def _write(self, write: Callable[..., Done[int]]) -> int | None:
        """Save the open entry, then write through the hub; the count, or None (and why)."""
        window = self.window_
        if not window.autosaver.flush():
            self.status.setText(self.tr("The open entry could not be saved, so nothing was "
                                        "renamed. See the message above the entry."))
            return None
        try:
            return window.changes.perform(lambda: write(window.journal.ops))
        except PROBLEMS as exc:
            self.status.setText(str(exc))
            return None

    def _ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text,
                                      QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _said(self, text: str) -> None:
        self.status.setText(text)


class NamesController(QObject):
    """Opens (or brings forward) the People and Tags dialog."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: NamesDialog | None = None
        window.actions_.people_tags.triggered.connect(self.show)

    def show(self) -> NamesDialog:
        """Open the dialog, or bring it forward (reading the names again)."""
        if self.dialog is None:
            self.dialog = NamesDialog(self.window)
            self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.dialog.destroyed.connect(self._closed)
        else:
            self.dialog.reload()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def _closed(self) -> None:
        self.dialog = None
