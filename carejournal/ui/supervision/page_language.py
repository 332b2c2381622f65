"""Step 2 of the preparation: words worth a second look in the chosen entries. For each,
reword it in the entry (the original stays in the entry's history), keep it with a reason,
or bring it to supervision as a question."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.preparation import LanguageItem, Preparation
from carejournal.lens.rewrite import fitted, rewrites
from carejournal.services.journal import Journal
from carejournal.ui.lens.text_edit import is_placeholder, matched_case, shown
from carejournal.ui.supervision.prepare_common import (
    PROBLEMS,
    PrepPage,
    button,
    content_or_empty,
    day_text,
    heading,
    show_content,
    text_label,
)

KEY_ROLE = Qt.ItemDataRole.UserRole
ELLIPSIS = "\u2026"
ARTICLES = ("the", "a", "an")


translate = QCoreApplication.translate  # translate("Context", "text"), as lupdate reads it


class LanguagePage(PrepPage):
    """Every lens finding in the chosen entries, and the worker's choice for each."""

    WORDING, WHERE, SENTENCE, CHOICE = range(4)

    def __init__(self, journal: Journal, prep: Preparation,
                 parent: QWidget | None = None) -> None:
        super().__init__(journal, prep, parent)
        self.setTitle(self.tr("Step 2 of 8: words worth a second look"))
        self.setSubTitle(self.tr(
            "The lens noticed these wordings in the entries you chose. For each one, you can "
            "reword it in the entry, keep it with your reason, or bring it to supervision as "
            "a question. There is no wrong choice."))
        self.items: list[LanguageItem] = []
        self._build()

    # -- construction --------------------------------------------------------
    def _build(self) -> None:
        self.counts = heading("")
        self.counts.setAccessibleName(self.tr("Wordings before and now"))
        self.list = QTreeWidget()
        self.list.setHeaderLabels([self.tr("Wording"), self.tr("Where"), self.tr("Sentence"),
                                   self.tr("Your choice")])
        self.list.setAccessibleName(self.tr("Words worth a second look"))
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.SENTENCE, QHeaderView.ResizeMode.Stretch)
        self.empty = text_label(self.tr(
            "The lens found nothing to look at again in the entries you chose. If you left "
            "entries out in step 1, you can go back and bring them."))
        self.detail = self._detail()
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(self.list)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        split.setSizes([260, 240])
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        self.stack = content_or_empty(split, self.empty)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.message)
        self.list.currentItemChanged.connect(lambda *_: self.show_current())

    def _detail(self) -> QWidget:
        self.why = text_label(accessible=self.tr("Why this wording is worth a look"))
        self.alternatives = text_label(accessible=self.tr("Other ways to put it"))
        self.sentence_label = QLabel(self.tr("The &sentence, reworded:"))
        self.sentence = QPlainTextEdit()
        self.sentence.setAccessibleName(self.tr("The new wording"))
        self.sentence.setTabChangesFocus(True)
        self.sentence.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.sentence_label.setBuddy(self.sentence)
        self.reword_button = button(self.tr("&Reword in the entry"),
                                    self.tr("Reword in the entry"))
        history = text_label(self.tr(
            "Your original wording stays in the entry's history, so nothing you wrote is lost."))
        history.setStyleSheet("font-style: italic;")
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Why you are keeping this wording"))
        self.reason.setPlaceholderText(self.tr("for example: the person's own words"))
        reason_label = QLabel(self.tr("Reas&on:"))
        reason_label.setBuddy(self.reason)
        self.keep_button = button(self.tr("&Keep, because…"),
                                  self.tr("Keep this wording, with the reason given"))
        self.question_button = button(self.tr("Bring as a &question"),
                                      self.tr("Bring this wording to supervision as a question"))
        self.undo_button = button(self.tr("&Undo choice"), self.tr("Undo the choice made"))
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.addWidget(self.sentence_label, 0, 0, 1, 3)
        grid.addWidget(self.sentence, 1, 0, 1, 2)
        grid.addWidget(self.reword_button, 1, 2, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(history, 2, 0, 1, 3)
        grid.addWidget(reason_label, 3, 0)
        grid.addWidget(self.reason, 3, 1)
        grid.addWidget(self.keep_button, 3, 2)
        choices = QHBoxLayout()
        choices.addWidget(self.question_button)
        choices.addWidget(self.undo_button)
        choices.addStretch(1)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 6, 0, 0)
        self.wording = heading("")
        self.wording.setAccessibleName(self.tr("The wording chosen"))
        layout.addWidget(self.wording)
        layout.addWidget(self.why)
        layout.addWidget(self.alternatives)
        layout.addLayout(grid)
        layout.addLayout(choices)
        layout.addStretch(1)
        self.reword_button.clicked.connect(self.reword_current)
        self.keep_button.clicked.connect(self.keep_current)
        self.question_button.clicked.connect(self.question_current)
        self.undo_button.clicked.connect(self.undo_current)
        self.reason.textChanged.connect(lambda _t: self._enable())
        self.reason.returnPressed.connect(self.keep_current)
        self.sentence.textChanged.connect(self._enable)
        return box

    # -- showing -------------------------------------------------------------
    def initializePage(self) -> None:
        try:
            self.journal.preparing.start_language(self.prep)
        except PROBLEMS as exc:
            self.problem(exc)
        self.say("")
        self.refresh()
        self.changed.emit()  # the count before is kept from the first visit on

    def refresh(self, select: str | int | None = None) -> None:
        """Reload the findings; choose the one with key `select` (or at row `select`)."""
        keep = select if select is not None else self.current_key()
        try:
            self.items = self.journal.preparing.language(self.prep)
        except PROBLEMS as exc:
            self.problem(exc)
            self.items = []
        self.list.blockSignals(True)
        self.list.clear()
        for item in self.items:
            self.list.addTopLevelItem(self._row(item))
        self.list.blockSignals(False)
        self.list.setColumnWidth(self.WORDING, 150)
        self.list.setColumnWidth(self.WHERE, 210)
        self.list.setColumnWidth(self.CHOICE, 170)
        show_content(self.stack, bool(self.items))
        self._select(keep)
        self._show_counts()
        self.show_current()

    def _row(self, item: LanguageItem) -> QTreeWidgetItem:
        where = self.tr("{date} · {entry} · {field}").format(
            date=day_text(item.entry.occurred_on), entry=item.entry.title,
            field=item.field_label) if item.entry.title else self.tr("{date} · {field}").format(
            date=day_text(item.entry.occurred_on), field=item.field_label)
        row = QTreeWidgetItem([wording_text(item), where, item.context, choice_text(item)])
        row.setData(0, KEY_ROLE, item.key)
        row.setToolTip(self.SENTENCE, item.context)
        row.setToolTip(self.WHERE, where)
        row.setToolTip(self.CHOICE, choice_text(item))
        return row

    def _select(self, keep: str | int | None) -> None:
        count = self.list.topLevelItemCount()
        if not count:
            return
        row = keep if isinstance(keep, int) else next(
            (n for n, i in enumerate(self.items) if i.key == keep), 0)
        item = self.list.topLevelItem(min(max(row, 0), count - 1))
        if item is not None:
            self.list.setCurrentItem(item)

    def _show_counts(self) -> None:
        before = self.prep.language_before
        now = sum(i.occurrences for i in self.items)
        self.counts.setText(self.tr(
            "Before: {before} · Now: {now} · kept {kept} · questions {questions}").format(
            before=now if before is None else before, now=now,
            kept=sum(1 for i in self.items if i.kept is not None),
            questions=sum(1 for i in self.items if i.question)))

    def current(self) -> LanguageItem | None:
        """The finding chosen in the list."""
        key = self.current_key()
        return next((i for i in self.items if i.key == key), None)

    def current_key(self) -> str | None:
        row = self.list.currentItem()
        return row.data(0, KEY_ROLE) if row is not None else None

    def show_current(self) -> None:
        """Show the chosen finding's reason and alternatives, and a reworded sentence."""
        item = self.current()
        if item is None:
            for label in (self.wording, self.why, self.alternatives):
                label.clear()
            self.sentence.clear()
            self._enable()
            return
        self.wording.setText(self.tr("“{wording}” in {field}, {date}").format(
            wording=item.finding.text, field=item.field_label,
            date=day_text(item.entry.occurred_on)))
        self.why.setText(self.tr("Why it is worth a look: {why}").format(why=item.finding.why))
        self.alternatives.setText(self.tr("Other ways to put it: {alternatives}").format(
            alternatives="; ".join(dict.fromkeys(
                shown(a) if is_placeholder(a) else fitted(item.context, a)
                for a in item.finding.alternatives))))
        whole = is_whole(item.context)
        self.sentence_label.setText(self.tr("The &sentence, reworded:") if whole
                                    else self.tr("The &new words (the sentence is long):"))
        self.sentence.setPlainText(self.reworded(item) if whole
                                   else first_alternative(item.finding.text,
                                                          item.finding.alternatives))
        self.reason.setText(item.kept.reason if item.kept is not None else "")
        self._enable()

    def reworded(self, item: LanguageItem) -> str:
        """The sentence with the lens's first rewrite that fits it (inflected, named, checked
        again), or with the first alternative put in when no rewrite fits."""
        lens = self.journal.lens.lens()
        same = [f for f in lens.check(item.context)
                if f.rule == item.finding.rule and f.text == item.finding.text]
        offered = rewrites(lens, item.context, same[0], item.entry.people) if same else []
        if offered:
            return offered[0].sentence
        return suggestion(item.context, item.finding.text, item.finding.alternatives)

    def _enable(self) -> None:
        item = self.current()
        self.reword_button.setEnabled(item is not None and bool(self.new_text()))
        self.keep_button.setEnabled(item is not None and bool(self.reason.text().strip()))
        self.question_button.setEnabled(item is not None and not item.question)
        self.undo_button.setEnabled(item is not None and item.decided)
        self.reason.setEnabled(item is not None)
        self.sentence.setEnabled(item is not None)

    def new_text(self) -> str:
        return " ".join(self.sentence.toPlainText().split())

    # -- choosing ------------------------------------------------------------
    def reword_current(self) -> None:
        """Put the new wording into the entry; the original goes to its history."""
        item = self.current()
        if item is None:
            return
        row = self.list.currentIndex().row()
        try:
            self.journal.preparing.reword(self.prep, item.key, self.new_text(),
                                          sentence=is_whole(item.context))
        except PROBLEMS as exc:
            self.problem(exc)
            return
        self.refresh(select=row)
        self.entry_changed.emit(item.entry.id)
        self.saved(self.tr("Reworded in the entry. The original wording is in the entry's "
                           "history."))

    def keep_current(self) -> None:
        """Keep the wording as written, for the reason given."""
        item = self.current()
        if item is None:
            return
        try:
            self.journal.preparing.keep(self.prep, item.key, self.reason.text())
        except PROBLEMS as exc:
            self.problem(exc)
            return
        self.refresh()
        self.saved(self.tr("Kept as written, with your reason."))

    def question_current(self) -> None:
        """Bring the wording to supervision as a question."""
        item = self.current()
        if item is None:
            return
        try:
            self.journal.preparing.question(self.prep, item.key)
        except PROBLEMS as exc:
            self.problem(exc)
            return
        self.refresh()
        self.saved(self.tr("It is on the agenda as a question."))

    def undo_current(self) -> None:
        """Forget what was chosen for this wording."""
        item = self.current()
        if item is None:
            return
        self.journal.preparing.undecide(self.prep, item.key)
        self.refresh()
        self.saved(self.tr("Your choice is undone; the wording is open again."))


def wording_text(item: LanguageItem) -> str:
    """The wording, with how often it is in the field when more than once."""
    if item.occurrences > 1:
        return translate("CareJournal", "{wording} (×{count})").format(wording=item.finding.text,
                                                 count=item.occurrences)
    return item.finding.text


def choice_text(item: LanguageItem) -> str:
    """What the worker chose for a finding, in a few words."""
    if item.kept is not None:
        return translate("CareJournal", "Kept: {reason}").format(reason=item.kept.reason)
    if item.question:
        return translate("CareJournal", "A question for supervision")
    return translate("CareJournal", "Not looked at yet")


def is_whole(context: str) -> bool:
    """Whether the context is the whole sentence (long ones are shortened with '…')."""
    return not (context.startswith(ELLIPSIS) or context.endswith(ELLIPSIS))


def first_alternative(wording: str, alternatives: tuple[str, ...]) -> str:
    """The first alternative that is real words (not a "<placeholder>"), cased like the
    wording; the wording itself when there is none."""
    found = next((a for a in alternatives if not is_placeholder(a)), "")
    return matched_case(wording, found) if found else wording


def suggestion(context: str, wording: str, alternatives: tuple[str, ...]) -> str:
    """The sentence with the wording replaced by the first real alternative; a word or an
    article before it is not doubled ("The service user" -> "The person I support",
    "was aggressive" -> "was frightened and lashed out")."""
    replacement = next((a for a in alternatives if not is_placeholder(a)), "")
    start = context.casefold().find(wording.casefold())
    if not replacement or start < 0:
        return context
    before, after = context[:start], context[start + len(wording):]
    previous = re.search(r"(\w+)\s+$", before)
    first = replacement.split(" ", 1)[0].casefold()
    if previous and (first == previous.group(1).casefold() or (
            first in ARTICLES and previous.group(1).casefold() in ARTICLES)):
        before = before[:previous.start()]  # "was was", "the the", "a the": said once
        replacement = matched_case(previous.group(1), replacement)
    elif not before.strip():
        replacement = matched_case(wording, replacement)
    return before + replacement + after
