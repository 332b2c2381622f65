"""Step 6 of the preparation: how I am. Wellbeing and the support the worker needs, in their
own words. It is theirs: never charted or counted anywhere, and in the pack only when they
tick "include in the pack" (off until they do, since a pack can be passed on)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from carejournal.core.preparation import Preparation
from carejournal.services.journal import Journal
from carejournal.ui.supervision.prepare_common import PROBLEMS, PrepPage, text_label


class HowIAmPage(PrepPage):
    """A few optional prompts, the worker's words, and whether the pack shows them."""

    def __init__(self, journal: Journal, prep: Preparation,
                 parent: QWidget | None = None) -> None:
        super().__init__(journal, prep, parent)
        self.setTitle(self.tr("Step 6 of 8: how I am"))
        self.setSubTitle(self.tr(
            "Supervision is for you too. Write as much or as little as you like; this stays "
            "yours and is never charted or counted."))
        self._filling = False
        self._build()

    def _build(self) -> None:
        prompts = text_label(self.tr(
            "If it helps: How have you been, at work and away from it? What has been "
            "weighing on you, and what has gone well? What support would help right now?"))
        self.words = QPlainTextEdit()
        self.words.setAccessibleName(self.tr("How I am, in my own words"))
        self.words.setPlaceholderText(self.tr("In your own words"))
        self.words.setTabChangesFocus(True)
        label = QLabel(self.tr("How I &am:"))
        label.setBuddy(self.words)
        self.include = QCheckBox(self.tr("&Include in the pack"))
        self.include.setAccessibleName(self.tr("Include how I am in the pack"))
        note = text_label(self.tr(
            "Left unticked, your supervisor does not see this in the pack; you can still "
            "bring it up in the session."))
        layout = QVBoxLayout(self)
        layout.addWidget(prompts)
        layout.addWidget(label)
        layout.addWidget(self.words, 1)
        layout.addWidget(self.include)
        layout.addWidget(note)
        layout.addWidget(self.message)
        QWidget.setTabOrder(self.words, self.include)
        self.words.textChanged.connect(self._write)
        self.include.toggled.connect(self._included)

    def initializePage(self) -> None:
        self.say("")
        self._filling = True
        self.words.setPlainText(self.prep.how_i_am.text)
        self.include.setChecked(self.prep.how_i_am.include)
        self._filling = False

    def _write(self) -> None:
        """Keep the words in the preparation (saved when the step changes or it closes)."""
        if self._filling:
            return
        try:
            self.journal.preparing.how_i_am(self.prep, self.words.toPlainText())
        except PROBLEMS as exc:
            self.problem(exc)

    def _included(self, on: bool) -> None:
        if self._filling:
            return
        try:
            self.journal.preparing.how_i_am(self.prep, self.words.toPlainText(), on)
        except PROBLEMS as exc:
            self.problem(exc)
            return
        self.saved(self.tr("It will be in the pack.") if on else
                   self.tr("It stays out of the pack."))
