"""Step 5 of the preparation: bring a situation. One entry worked through Kolb's four stages
in plain words (what happened, what I noticed, what I make of it, what I'll try), prefilled
from the entry where its text or sections say it; the pack shows it as its own section."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.preparation import Preparation, Stage
from carejournal.services.journal import Journal
from carejournal.ui.supervision.prepare_common import PROBLEMS, PrepPage, day_text, text_label

STAGE_LINES = 3  # each stage's box shows about this many lines before it scrolls


class SituationPage(PrepPage):
    """Choose an entry and write its four stages; nothing brought is fine too."""

    def __init__(self, journal: Journal, prep: Preparation,
                 parent: QWidget | None = None) -> None:
        super().__init__(journal, prep, parent)
        self.setTitle(self.tr("Step 5 of 8: bring a situation"))
        self.setSubTitle(self.tr(
            "Pick one situation to think through together, from what happened to what "
            "you'll try next time. It is filled in from the entry where it can be; change "
            "anything. Names are protected in the pack."))
        self._filling = False
        self._build()

    def _build(self) -> None:
        self.entry = QComboBox()
        self.entry.setAccessibleName(self.tr("The entry to bring as a situation"))
        label = QLabel(self.tr("&Situation:"))
        label.setBuddy(self.entry)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.entry, 1)
        self.boxes: dict[Stage, QPlainTextEdit] = {}
        grid = QGridLayout()
        names = {Stage.EXPERIENCE: (self.tr("What &happened"), self.tr("What happened")),
                 Stage.REFLECTION: (self.tr("What I n&oticed"), self.tr("What I noticed")),
                 Stage.THINKING: (self.tr("What I ma&ke of it"), self.tr("What I make of it")),
                 Stage.ACTION: (self.tr("What I'll &try"), self.tr("What I'll try"))}
        for n, stage in enumerate(Stage):
            text, accessible = names[stage]
            box = QPlainTextEdit()
            box.setAccessibleName(accessible)
            box.setTabChangesFocus(True)
            lines = box.fontMetrics().lineSpacing() * STAGE_LINES
            box.setMinimumHeight(lines + 2 * box.frameWidth() + 8)
            box.textChanged.connect(lambda s=stage: self._write(s))
            heading = QLabel(text)
            heading.setBuddy(box)
            row, column = divmod(n, 2)
            grid.addWidget(heading, row * 2, column)
            grid.addWidget(box, row * 2 + 1, column)
            self.boxes[stage] = box
        self.none_text = text_label(self.tr(
            "No situation brought. Choose an entry above if there is one you would like to "
            "think through."))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.none_text)
        layout.addLayout(grid, 1)
        layout.addWidget(self.message)
        order = (self.entry, *self.boxes.values())
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.entry.activated.connect(lambda _i: self.choose())

    # -- showing -------------------------------------------------------------
    def initializePage(self) -> None:
        self.say("")
        self.refresh()

    def refresh(self) -> None:
        """List the entries brought and show the situation as it stands."""
        try:
            rows = self.journal.preparing.chosen(self.prep)
        except PROBLEMS as exc:
            self.problem(exc)
            rows = []
        self.entry.clear()
        self.entry.addItem(self.tr("No situation"), 0)
        for row in rows:
            self.entry.addItem(self.tr("{date}: {title}").format(
                date=day_text(row.occurred_on), title=row.title or row.summary), row.id)
        chosen = self.prep.situation.entry_id if self.prep.situation is not None else 0
        self.entry.setCurrentIndex(max(self.entry.findData(chosen), 0))
        self._show()

    def _show(self) -> None:
        situation = self.prep.situation
        self._filling = True
        for stage, box in self.boxes.items():
            box.setPlainText(situation.words(stage) if situation is not None else "")
            box.setEnabled(situation is not None)
        self._filling = False
        self.none_text.setVisible(situation is None)

    # -- changing ------------------------------------------------------------
    def choose(self) -> None:
        """Bring the entry chosen (its stages filled from it), or none."""
        entry_id = int(self.entry.currentData() or 0)
        try:
            if entry_id:
                self.journal.preparing.bring_situation(self.prep, entry_id)
            else:
                self.journal.preparing.drop_situation(self.prep)
        except PROBLEMS as exc:
            self.problem(exc)
            return
        self._show()
        self.saved(self.tr("Bringing this situation.") if entry_id else
                   self.tr("No situation brought."))

    def _write(self, stage: Stage) -> None:
        """Keep the stage's words in the preparation (saved when the step changes or the
        wizard closes)."""
        if self._filling or self.prep.situation is None:
            return
        try:
            self.journal.preparing.write_stage(self.prep, stage,
                                               self.boxes[stage].toPlainText())
        except PROBLEMS as exc:
            self.problem(exc)
