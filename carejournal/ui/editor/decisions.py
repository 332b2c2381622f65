"""Decisions made in an interaction, each placed on the ladder of co-production."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.catalogues import Rung, ladder
from carejournal.core.domain import NO_RUNG, Decision
from carejournal.ui.shared.row_list import RowList, RowWidget

DEFAULT_RUNG = NO_RUNG  # a new decision is on no rung until the worker chooses one
MIN_CHARS = 24  # a decision's field is never narrower than this many average characters


def relation_text(relation: str) -> str:
    """'Done to', 'done for' or 'done with' the person, for a rung's relation."""
    texts = {
        "to": QCoreApplication.translate("CareJournal", "done to the person"),
        "for": QCoreApplication.translate("CareJournal", "done for the person"),
        "with": QCoreApplication.translate("CareJournal", "done with the person"),
    }
    return texts[relation]


def rung_help(rung: Rung) -> str:
    """One line: the rung, whether it is done to, for or with, and what it means."""
    return QCoreApplication.translate("CareJournal", "{rung} ({relation}): {explanation}").format(
        rung=rung.label, relation=relation_text(rung.relation), explanation=rung.explanation)


class DecisionRow(RowWidget):
    """One decision: what was decided, the rung, whether choices were offered."""

    def __init__(self, decision: Decision, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLineEdit(decision.text, placeholderText=self.tr("What was decided?"))
        self.text.setAccessibleName(self.tr("Decision"))
        self.rung = QComboBox()
        self.rung.setAccessibleName(self.tr("Rung of the co-production ladder"))
        self.rung.addItem(self.tr("Choose…"), NO_RUNG)
        for rung in reversed(ladder()):  # the top of the ladder first
            self.rung.addItem(rung.label, rung.key)
            self.rung.setItemData(self.rung.count() - 1, rung_help(rung),
                                  Qt.ItemDataRole.ToolTipRole)
        if self.rung.findData(decision.rung) < 0:  # a rung no longer on the ladder stays
            self.rung.addItem(decision.rung, decision.rung)
        self.rung.setCurrentIndex(self.rung.findData(decision.rung))
        self.choices = QCheckBox(self.tr("Choices offered"))
        self.choices.setAccessibleName(self.tr("Choices were offered"))
        self.choices.setChecked(bool(decision.choices_offered))
        self._choices_recorded = decision.choices_offered  # None: not recorded yet
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.setAccessibleName(self.tr("Remove this decision"))
        self.explanation = QLabel(wordWrap=True)
        self.explanation.setAccessibleName(self.tr("What this rung means"))
        self.explanation.setStyleSheet("font-size: 9pt;")
        self._lay_out()
        self._show_explanation()
        self.text.textChanged.connect(self.changed)
        self.rung.currentIndexChanged.connect(self._show_explanation)
        self.rung.currentIndexChanged.connect(self.changed)
        self.choices.toggled.connect(self._on_choices)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))

    def _lay_out(self) -> None:
        """What was decided on a line of its own, so it stays readable in a narrow editor;
        the rung, the choices and Remove below it."""
        self.text.setMinimumWidth(self.text.fontMetrics().averageCharWidth() * MIN_CHARS)
        below = QHBoxLayout()
        below.setContentsMargins(0, 0, 0, 0)
        below.addWidget(self.rung, 1)
        below.addWidget(self.choices)
        below.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(2)
        layout.addWidget(self.text)
        layout.addLayout(below)
        layout.addWidget(self.explanation)

    def _show_explanation(self) -> None:
        rung = next((r for r in ladder() if r.key == self.rung.currentData()), None)
        self.explanation.setText(rung_help(rung) if rung is not None else self.tr(
            "Not on the ladder yet: choose how it was decided (it is counted once you do)."))

    def _on_choices(self, checked: bool) -> None:
        self._choices_recorded = checked
        self.changed.emit()

    def value(self) -> Decision:
        return Decision(self.text.text(), str(self.rung.currentData()), self._choices_recorded)

    def set_read_only(self, read_only: bool) -> None:
        self.text.setReadOnly(read_only)
        for widget in (self.rung, self.choices, self.remove):
            widget.setEnabled(not read_only)


class DecisionsEditor(RowList, QGroupBox):
    """The decisions of an interaction, added and removed freely."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Decisions"), parent)
        self.setAccessibleName(self.tr("Decisions"))
        intro = QLabel(self.tr(
            "What was decided, and how: was it done to, for or with the person? "
            "Were choices offered?"), wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self._row_area(self.tr("Add a decision")))

    def _blank_item(self) -> Decision:
        return Decision("", DEFAULT_RUNG, None)

    def _make_row(self, item: Any) -> DecisionRow:
        return DecisionRow(item)
