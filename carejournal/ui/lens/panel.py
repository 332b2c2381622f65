"""The language lens beside the entry: the wording to look at again, and the entry's
strengths and problems balance in plain words. Refreshed a moment after typing pauses."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.errors import ResourceError
from carejournal.lens.balance import Balance, Verdict, measure, measure_rules
from carejournal.ui.lens.highlighter import CACHE_SIZE, LensContext
from carejournal.ui.lens.text_edit import LensEdit, Spot
from carejournal.ui.shared.colours import has_dark_base, lens_colour

REFRESH_MS = 300  # the panel follows typing after this pause; the underlines are immediate
PANEL_WIDTH = (250, 330)  # narrowest and widest the panel gets


@dataclass(frozen=True, slots=True)
class PanelItem:
    """One finding listed in the panel: the box it is in (its name; "" for the entry text)."""

    box: str
    edit: LensEdit
    spot: Spot


def explanation_text() -> str:
    """What the strengths and problems balance can and cannot tell, for the worker."""
    return QCoreApplication.translate(
        "CareJournal",
        "This counts words from two short lists: strength words (such as “skilled”, "
        "“hopes”, “enjoyed”, “managed to”) and problem words (such as “refused”, “risk”, "
        "“upset”). When one kind clearly outnumbers the other, the entry leans that way; "
        "with fewer than {minimum} of these words in all, there are too few to tell.\n\n"
        "It does not understand meaning: “not angry” still counts as a problem word, "
        "“proud” counts even when it is about you, and sarcasm and context are missed. "
        "A short note says little. It is a mirror to glance at over weeks, never a score "
        "of a person or of you.").format(minimum=_minimum())


def _minimum() -> int:
    try:
        return measure_rules().minimum
    except ResourceError:
        return 3


class LensPanel(QWidget):
    """Lists an entry's findings across its text boxes; `chosen` when one is activated."""

    chosen = Signal(object)  # a PanelItem

    def __init__(self, context: LensContext, boxes: Callable[[], list[tuple[str, LensEdit]]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._boxes = boxes
        self._chosen_by_worker = False
        self.items: list[PanelItem] = []
        self._balances: dict[str, Balance] = {}
        self.timer = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setAccessibleName(self.tr("Language lens"))
        self.toggle.setAccessibleDescription(self.tr("Shows or hides the wording to look at "
                                                     "again, beside the entry"))
        self.toggle.setToolTip(self.tr("Show or hide the wording to look at again"))
        self.toggle.clicked.connect(self._toggled_by_worker)
        self._build()
        self.list.itemActivated.connect(self._activate)
        self.list.itemClicked.connect(self._activate)

    def _build(self) -> None:
        self.setAccessibleName(self.tr("Language lens"))
        self.heading = QLabel(self.tr("Wording &to look at again"))
        self.problems = QLabel(self.tr(
            "Some language rules could not be loaded, so a few wordings may go unnoticed."),
            wordWrap=True)
        self.problems.setAccessibleName(self.tr("Language rules not loaded"))
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName(self.tr("Wording to look at again"))
        self.heading.setBuddy(self.list)
        self.empty = QLabel(self.tr("No wording to look at again in this entry."),
                            wordWrap=True)
        self.empty.setStyleSheet("font-style: italic;")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.balance_heading = QLabel(self.tr("Strengths and problems"))
        for heading in (self.heading, self.balance_heading):
            heading.setStyleSheet("font-weight: 600;")
        self.balance = QLabel(wordWrap=True)
        self.balance.setAccessibleName(self.tr("Strengths and problems in this entry"))
        self.explain = QToolButton(arrowType=Qt.ArrowType.RightArrow)
        self.explain.setCheckable(True)
        self.explain.setText(self.tr("What does this tell me?"))
        self.explain.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.explain.setAccessibleName(self.tr("What does this tell me?"))
        self.explanation = QLabel(explanation_text(), wordWrap=True)
        self.explanation.setAccessibleName(self.tr("What the balance can and cannot tell"))
        self.explain.setToolTip(explanation_text())
        self.explain.toggled.connect(self._explain)
        self.problems.hide()
        self.explanation.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        for widget in (self.heading, self.problems, self.list, self.empty):
            layout.addWidget(widget)
        for part in (self.balance_heading, self.balance, self.explain, self.explanation):
            layout.addWidget(part)
        layout.setStretchFactor(self.list, 1)
        layout.setStretchFactor(self.empty, 1)  # only one of the two shows

    # -- refreshing ----------------------------------------------------------
    def schedule(self) -> None:
        """Refresh after a short pause (restarted by each change)."""
        self.timer.start()

    def refresh(self) -> None:
        """List the findings of every box and measure the balance, now."""
        self.timer.stop()
        available = self.context.lens is not None
        self.toggle.setVisible(available)
        self.setVisible(available and self.toggle.isChecked())
        if not available:
            return
        boxes = self._boxes()
        self.items = [PanelItem(box, edit, spot) for box, edit in boxes for spot in edit.spots()]
        self._fill_list()
        count = sum(not item.spot.finding.mention for item in self.items)  # mentions: not
        label = self.tr("Language lens ({count})").format(count=count)
        self.toggle.setText(label)
        self.toggle.setAccessibleName(label)
        self._show_problems(self.context.problems())
        self._show_balance([text for _box, edit in boxes for _at, text in edit.paragraphs()])

    def _fill_list(self) -> None:
        self.list.clear()
        dark = has_dark_base(self.list)
        for item in self.items:
            row = QListWidgetItem(self._item_text(item), self.list)
            row.setIcon(self._swatch(item.spot.finding.category, dark))
            row.setToolTip(item.edit.explanation(item.spot.finding,
                                                 item.edit.sentence_of(item.spot)))
        self.list.setVisible(bool(self.items))
        self.empty.setVisible(not self.items)

    def _item_text(self, item: PanelItem) -> str:
        finding = item.spot.finding
        category = self.context.category_name(finding.category)
        if item.box:
            head = self.tr("“{phrase}” in {box} · {category}").format(
                phrase=finding.text, box=item.box, category=category)
        else:
            head = self.tr("“{phrase}” · {category}").format(phrase=finding.text,
                                                             category=category)
        if finding.mention:
            return f"{head}\n{item.edit.reflecting()}"
        instead = self.tr("Instead: {alternatives}").format(
            alternatives="; ".join(item.edit.fitted_alternatives(item.spot)))
        return f"{head}\n{finding.why}\n{instead}"

    @staticmethod
    def _swatch(category: str, dark: bool) -> QIcon:
        pixmap = QPixmap(12, 12)
        pixmap.fill(lens_colour(category, dark))
        return QIcon(pixmap)

    def _show_problems(self, problems: tuple[str, ...]) -> None:
        self.problems.setVisible(bool(problems))
        self.problems.setToolTip("<qt>" + "<br>".join(escape(p) for p in problems) + "</qt>")

    def _show_balance(self, texts: list[str]) -> None:
        """The balance of all the paragraphs together (a phrase never spans two)."""
        try:
            balance = sum((self._measure(text) for text in texts if text.strip()), Balance())
        except ResourceError as exc:
            self.balance.setText(self.tr("The strength and problem word lists could not be "
                                         "read."))
            self.balance.setToolTip(str(exc))
            return
        self.balance.setText(self.balance_text(balance))

    def _measure(self, paragraph: str) -> Balance:
        """The balance of one paragraph, remembered while its text stays the same."""
        found = self._balances.get(paragraph)
        if found is None:
            if len(self._balances) >= CACHE_SIZE:
                self._balances.clear()
            found = self._balances[paragraph] = measure(paragraph)
        return found

    def balance_text(self, balance: Balance) -> str:
        """The counts and what they suggest, in plain words."""
        counts = self.tr("Strength words: {strengths}. Problem words: {problems}.").format(
            strengths=balance.strengths, problems=balance.problems)
        verdict = {
            Verdict.STRENGTHS: self.tr("This entry leans towards strengths."),
            Verdict.BALANCED: self.tr("This entry is balanced between strengths and problems."),
            Verdict.PROBLEMS: self.tr("This entry leans towards problems. "
                                      "That can be right for a hard day."),
            Verdict.TOO_FEW: self.tr("Too few of these words to tell."),
        }[balance.verdict]
        return f"{counts}\n{verdict}"

    # -- showing and choosing ------------------------------------------------
    def fit(self, width: int, needed: int) -> None:
        """Size the panel beside an editor this wide, whose page needs `needed` pixels.

        Until the worker shows or hides it, it is shown when the page still fits beside it.
        """
        low, high = PANEL_WIDTH
        panel = max(low, min(high, width * 3 // 10))
        self.setFixedWidth(panel)
        if not self._chosen_by_worker:
            self.toggle.setChecked(width - panel >= needed)
            self.setVisible(self.context.lens is not None and self.toggle.isChecked())

    def _toggled_by_worker(self, on: bool) -> None:
        self._chosen_by_worker = True
        self.setVisible(on and self.context.lens is not None)
        if on:
            self.refresh()

    def _explain(self, on: bool) -> None:
        self.explain.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.explanation.setVisible(on)

    def _activate(self, row: QListWidgetItem) -> None:
        index = self.list.row(row)
        if 0 <= index < len(self.items):
            self.chosen.emit(self.items[index])
