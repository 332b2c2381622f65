"""Step 4 of the preparation: power and fallibility. How many decisions were made with the
people we support, goals ended after only a few tries, the worker's own off days, and the
seeds' questions to bring to supervision."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.goals import GoalStatus
from carejournal.core.patterns import GoalAttempts
from carejournal.core.preparation import AgendaKind, GoalReflection, Power, Preparation
from carejournal.services.journal import Journal
from carejournal.ui.shared.strings import CareJournal
from carejournal.ui.supervision.prepare_common import (
    PROBLEMS,
    PrepPage,
    button,
    day_text,
    text_label,
)

FIGURE_STYLE = "font-size: 30pt; font-weight: 300;"


translate = QCoreApplication.translate  # translate("Context", "text"), as lupdate reads it


class PowerPage(PrepPage):
    """Decisions made with people, goals ended early, own fallibility, and questions."""

    def __init__(self, journal: Journal, prep: Preparation,
                 parent: QWidget | None = None) -> None:
        super().__init__(journal, prep, parent)
        self.setTitle(self.tr("Step 4 of 8: power and fallibility"))
        self.setSubTitle(self.tr(
            "Who made the decisions, and how patient were the plans? None of us is perfect; "
            "these are things to think about together, not marks."))
        self.power: Power | None = None
        self.question_buttons: list[QPushButton] = []
        self._build()

    def _build(self) -> None:
        self.figure = QLabel()
        self.figure.setStyleSheet(FIGURE_STYLE)
        self.figure.setAccessibleName(self.tr("Share of decisions made with people"))
        self.figure_text = text_label(accessible=self.tr("About the decisions"))
        decisions = QGroupBox(self.tr("Decisions made with people"))
        box = QVBoxLayout(decisions)
        box.addWidget(self.figure)
        box.addWidget(self.figure_text)
        box.addStretch(1)
        self.goals = text_label(accessible=self.tr("Goals ended after a few attempts"))
        goals = QGroupBox(self.tr("Goals ended after a few attempts"))
        _top_aligned(goals, self.goals)
        self.mirrors = text_label(accessible=self.tr("Your own-fallibility notes"))
        mirrors = QGroupBox(self.tr("Your own off days and mistakes"))
        _top_aligned(mirrors, self.mirrors)
        top = QHBoxLayout()
        top.addWidget(decisions, 2)
        top.addWidget(goals, 3)
        top.addWidget(mirrors, 3)
        self.questions_box = QGroupBox(self.tr("Questions to think about"))
        self.questions_grid = QGridLayout(self.questions_box)
        self.questions_grid.setColumnStretch(0, 1)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.questions_box)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)

    # -- showing -------------------------------------------------------------
    def initializePage(self) -> None:
        self.say("")
        self.refresh()

    def refresh(self) -> None:
        """Work out the step's figures again and show them."""
        try:
            self.power = self.journal.preparing.power(self.prep)
        except PROBLEMS as exc:
            self.problem(exc)
            return
        self._show_decisions(self.power)
        self.goals.setText("\n\n".join(goals_text(self.power)) or
                           self.tr("No goals were ended early in this period. Every try "
                                   "counted."))
        self.mirrors.setText("\n".join(
            self.tr("{date}: {summary}").format(date=day_text(r.occurred_on),
                                                summary=r.title or r.summary)
            for r in self.power.fallibility) or self.tr(
            "No own-fallibility notes in the entries you chose. Our own off days are worth "
            "remembering too: they help us give others the same patience."))
        self._show_questions(self.power.questions)

    def _show_decisions(self, power: Power) -> None:
        share = power.share_with
        self.figure.setVisible(share is not None)
        if share is None:
            self.figure_text.setText(self.tr(
                "No decisions were noted in this period. Noting who made a decision helps "
                "you see how power is shared."))
            return
        self.figure.setText(self.tr("{percent}%").format(percent=round(share * 100)))
        self.figure_text.setText(self.tr(
            "{made_with} of {decisions} decisions in this period were made with the people "
            "you support.").format(made_with=power.made_with, decisions=power.decisions))

    def _show_questions(self, questions: tuple[str, ...]) -> None:
        while self.questions_grid.count():
            item = self.questions_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.question_buttons = []
        for n, question in enumerate(questions):
            self.questions_grid.addWidget(text_label(question), n, 0)
            bring = button("", self.tr("Bring to supervision: {question}").format(
                question=question))
            bring.clicked.connect(lambda _c=False, q=question: self.toggle_question(q))
            self.questions_grid.addWidget(bring, n, 1, Qt.AlignmentFlag.AlignTop)
            self.question_buttons.append(bring)
        self._show_brought()
        if not questions:
            self.questions_grid.addWidget(text_label(self.tr(
                "There are no questions to show (the supervision texts could not be read).")),
                0, 0)

    def _show_brought(self) -> None:
        questions = self.power.questions if self.power is not None else ()
        for question, bring in zip(questions, self.question_buttons, strict=False):
            on = self.is_brought(question)
            bring.setText(self.tr("Take off the agenda") if on
                          else self.tr("Bring to supervision"))

    def is_brought(self, question: str) -> bool:
        """Whether a question is on the agenda."""
        return self.prep.brought(f"{AgendaKind.POWER.value}:{' '.join(question.split())}")

    # -- choosing ------------------------------------------------------------
    def toggle_question(self, question: str) -> None:
        """Bring a question to supervision, or take it off the agenda again."""
        if self.is_brought(question):
            self.prep.drop(f"{AgendaKind.POWER.value}:{' '.join(question.split())}")
            text = self.tr("Taken off the agenda.")
        else:
            try:
                self.journal.preparing.bring_question(self.prep, question)
            except PROBLEMS as exc:
                self.problem(exc)
                return
            text = self.tr("It is on the agenda.")
        self._show_brought()
        self.saved(text)


REFLECTION_CHARS = 240  # the page shows the start; the pack has every word


def reflection_text(reflection: GoalReflection) -> str:
    """A reflection written on ending a goal, under that goal."""
    entry = reflection.entry
    words = " ".join(reflection.words.split()) or entry.summary
    if len(words) > REFLECTION_CHARS:
        words = words[:REFLECTION_CHARS - 1].rstrip() + "…"
    return translate("CareJournal", "Your reflection on ending it ({date}): {words}").format(
        date=day_text(entry.occurred_on), words=words)


def goals_text(power: Power) -> list[str]:
    """Each goal ended early with the reflections written on ending it beneath, then
    reflections on goals ended before the period."""
    shown = ["\n".join([goal_text(g), *map(reflection_text, power.reflections_on(g.goal_id))])
             for g in power.ended_early]
    shown += [translate(
        "CareJournal", "{person}: “{goal}”").format(person=r.person, goal=r.goal) + "\n"
              + reflection_text(r) for r in power.other_reflections()]
    return shown


def goal_text(goal: GoalAttempts) -> str:
    """A goal ended early, with how many tries it had in the period."""
    status = {GoalStatus.DISCONTINUED.value: translate("CareJournal", "discontinued"),
              GoalStatus.UNATTAINABLE.value: translate("CareJournal", "marked unattainable")
              }.get(goal.status, goal.status)
    return CareJournal.tr("{person}: “{goal}”, {status} after %n tries in this period.", "",
                          goal.attempts).format(person=goal.person, goal=goal.text, status=status)


def _top_aligned(box: QGroupBox, label: QLabel) -> None:
    layout = QVBoxLayout(box)
    layout.addWidget(label)
    layout.addStretch(1)
