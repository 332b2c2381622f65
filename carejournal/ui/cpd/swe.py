"""File › Copy for Social Work England…: the open entry as Social Work England's CPD record,
one field at a time, each read-only with a Copy button that puts exactly that field's text on
the clipboard, to paste into the online form. The fields are those `carejournal export
--format swe-cpd` writes (services/accounts.swe_record), identities protected the same way:
people by their aliases, other identifiers found replaced."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.accounts import SWE_FIELDS
from carejournal.ui.cpd.account import found_text
from carejournal.ui.editor.grow import grow_with_text

if TYPE_CHECKING:
    from carejournal.services.journal import Journal

SHORT = ("type", "date")  # one line each; the others are paragraphs
SIZE = (760, 580)


class SweDialog(QDialog):
    """Social Work England's CPD fields of one entry, each with its Copy button."""

    def __init__(self, journal: Journal, entry_id: int, parent: QWidget | None = None) -> None:
        from carejournal.services.accounts import plan_account, swe_record

        super().__init__(parent)
        self.setWindowTitle(self.tr("Copy for Social Work England"))
        plan = plan_account(journal, entry_id)
        record = swe_record(plan)  # (label, protected text), in SWE_FIELDS' order
        self.texts = {key: text for (key, _form), (_label, text) in
                      zip(SWE_FIELDS, record, strict=True)}
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.copy_buttons: dict[str, QPushButton] = {}
        intro = QLabel(self.tr(
            "Your entry in the fields of Social Work England's CPD record. Copy each into "
            "the online form; people are called by their aliases."), wordWrap=True)
        body = QWidget()
        column = QVBoxLayout(body)
        for key, label_text, copy_name in self._words():
            column.addLayout(self._field(key, label_text, copy_name))
        column.addStretch(1)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(body)
        self.found = QLabel(found_text(plan), wordWrap=True)
        self.status = QLabel(wordWrap=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.found)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(*SIZE)

    def _words(self) -> list[tuple[str, str, str]]:
        """(key, the field's name, what its Copy button says to a screen reader), in the
        window's language (the copied texts keep the worker's own words)."""
        return [
            ("type", self.tr("Type of CPD"), self.tr("Copy the type of CPD")),
            ("description", self.tr("Description of the CPD activity and why it is "
                                    "relevant"), self.tr("Copy the description")),
            ("date", self.tr("Date"), self.tr("Copy the date")),
            ("learnt", self.tr("What did you learn?"), self.tr("Copy what I learnt")),
            ("impact", self.tr("What impact has this had on your practice and the people you "
                               "work with?"),
             self.tr("Copy the impact on my practice and people")),
        ]

    def _field(self, key: str, label_text: str, copy_name: str) -> QVBoxLayout:
        text = self.texts[key]
        label = QLabel(label_text, wordWrap=True)
        label.setStyleSheet("font-weight: 600;")
        field: QLineEdit | QPlainTextEdit
        if key in SHORT:
            field = QLineEdit(text, readOnly=True)
        else:
            field = QPlainTextEdit(text, readOnly=True)
            field.setTabChangesFocus(True)
            field.setPlaceholderText(self.tr("Nothing written for this part."))
            grow_with_text(field, 2)  # as tall as the words: the page scrolls, not the box
        field.setAccessibleName(label_text)
        label.setBuddy(field)
        button = QPushButton(self.tr("Copy"))
        button.setAccessibleName(copy_name)
        button.setToolTip(copy_name)
        button.setEnabled(bool(text.strip()))
        button.clicked.connect(lambda: self.copy(key))
        row = QHBoxLayout()  # the words, then their button: read, then copy
        row.addWidget(field, 1)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        part = QVBoxLayout()
        part.setSpacing(4)
        part.addWidget(label)
        part.addLayout(row)
        self.fields[key] = field
        self.copy_buttons[key] = button
        return part

    def copy(self, key: str) -> None:
        """Put exactly this field's text on the clipboard."""
        QGuiApplication.clipboard().setText(self.texts[key])
        name = next(label for k, label, _copy in self._words() if k == key)
        self.status.setText(self.tr(
            "“{field}” is on the clipboard: paste it into the form.").format(field=name))
