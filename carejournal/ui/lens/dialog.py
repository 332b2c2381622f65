"""The language lens over time, and its rules: read each one, switch it off or on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from carejournal.lens.balance import Balance
from carejournal.lens.matcher import Lexicon, Rule
from carejournal.ui.lens.panel import explanation_text
from carejournal.ui.lens.text_edit import shown
from carejournal.ui.lens.words import balance_summary

RULE_ROLE = Qt.ItemDataRole.UserRole
PHRASES_SHOWN = 3
WORDING_WIDTH = 330
PERIOD_DAYS = (28, 91, 365, None)
WRAP_MARGIN = 4  # px around wrapped text in a cell


class LensSource(Protocol):
    """What the dialog needs from the journal's lens service."""

    def lexicon(self) -> Lexicon: ...
    def disabled_rules(self) -> frozenset[str]: ...
    def set_rule_on(self, rule_id: str, on: bool) -> None: ...
    def period_balance(self, since: dt.date | None, until: dt.date | None) -> Balance: ...
    def period_findings(self, since: dt.date | None, until: dt.date | None) -> dict[str, int]: ...


class LensDialog(QDialog):
    """How the worker's wording has looked over a period, and every rule of the lens."""

    rules_changed = Signal()

    def __init__(self, source: LensSource, today: Callable[[], dt.date] = dt.date.today,
                 parent: QWidget | None = None,
                 last_supervision: Callable[[], dt.date | None] = lambda: None) -> None:
        super().__init__(parent)
        self.source = source
        self._today = today
        self._last_supervision = last_supervision
        self.setWindowTitle(self.tr("Language lens"))
        self.resize(900, 620)
        self._build()
        self.show_period()
        self.fill_rules()

    def _build(self) -> None:
        self.period = QComboBox()
        for label in (self.tr("Last 4 weeks"), self.tr("Last 3 months"),
                      self.tr("Last 12 months"), self.tr("All entries")):
            self.period.addItem(label)
        if self._last_supervision() is not None:
            self.period.addItem(self.tr("Since last supervision"))
        self.period.setAccessibleName(self.tr("Period"))
        self.findings_text = QLabel(wordWrap=True)
        self.findings_text.setAccessibleName(self.tr("Wording to look at again in the period"))
        self.balance_text = QLabel(wordWrap=True)
        self.balance_text.setAccessibleName(self.tr("Strengths and problems in the period"))
        about = QLabel(explanation_text(), wordWrap=True)
        about.setStyleSheet("font-style: italic;")
        form = QFormLayout()
        form.addRow(self.tr("&Period:"), self.period)
        form.addRow(self.tr("Wording:"), self.findings_text)
        form.addRow(self.tr("Strengths and problems:"), self.balance_text)
        form.addRow("", about)
        self.rules = QTreeWidget()
        self.rules.setHeaderLabels([self.tr("Wording"), self.tr("Try instead")])
        self.rules.setAccessibleName(self.tr("Rules of the language lens; untick to switch off"))
        self.rules.setWordWrap(True)  # "Try instead" is read whole, on as many lines as it needs
        self.rules.setItemDelegateForColumn(1, WrappedColumn(self.rules, 1))
        self.rules.setUniformRowHeights(False)
        self.rules.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.rules.header().setStretchLastSection(True)
        self.rules.header().sectionResized.connect(lambda *_: self.rules.doItemsLayout())
        self.detail = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.detail.setAccessibleName(self.tr("About the chosen rule"))
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop)
        split = QSplitter()
        split.addWidget(self.rules)
        split.addWidget(self.detail)
        split.setSizes([560, 300])
        intro = QLabel(self.tr(
            "Each rule is a wording that can distance us from the people we support. Untick a "
            "rule to stop the lens noticing it; tick it again to bring it back."), wordWrap=True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(intro)
        layout.addWidget(split, 1)
        layout.addWidget(close)
        self._show_detail(None)  # the pane beside the rules says what it is for
        self.period.currentIndexChanged.connect(self.show_period)
        self.rules.currentItemChanged.connect(self._show_detail)
        self.rules.itemChanged.connect(self._toggled)

    # -- the period ----------------------------------------------------------
    def bounds(self) -> tuple[dt.date | None, dt.date | None]:
        """The chosen period as (since, until); None means open-ended."""
        today = self._today()
        if self.period.currentIndex() >= len(PERIOD_DAYS):
            return self._last_supervision(), today
        days = PERIOD_DAYS[self.period.currentIndex()]
        return (None if days is None else today - dt.timedelta(days=days - 1)), today

    def show_period(self) -> None:
        """Count the period's findings by category, and its strengths and problems."""
        since, until = self.bounds()
        counts = self.source.period_findings(since, until)
        names = self.source.lexicon().categories
        lines = [self.tr("{name}: {count}").format(
                     name=names[key].name if key in names else key, count=count)
                 for key, count in sorted(counts.items(), key=lambda kv: -kv[1]) if count]
        self.findings_text.setText("\n".join(lines) if lines else self.tr(
            "Nothing the lens would ask you to look at again in this period."))
        self.balance_text.setText(balance_summary(self.source.period_balance(since, until)))

    # -- the rules -----------------------------------------------------------
    def fill_rules(self) -> None:
        """One branch per category, one tickable line per rule."""
        lexicon = self.source.lexicon()
        off = self.source.disabled_rules()
        self.rules.blockSignals(True)
        self.rules.clear()
        for key, category in lexicon.categories.items():
            branch = QTreeWidgetItem([category.name, ""])
            branch.setToolTip(0, category.description)
            branch.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for rule in (r for r in lexicon.rules if r.category == key):
                branch.addChild(self._rule_item(rule, rule.id not in off))
            self.rules.addTopLevelItem(branch)
            branch.setExpanded(True)
        self.rules.setColumnWidth(0, WORDING_WIDTH)
        self.rules.blockSignals(False)

    def _rule_item(self, rule: Rule, on: bool) -> QTreeWidgetItem:
        item = QTreeWidgetItem([phrases_text(rule), "; ".join(map(shown, rule.alternatives))])
        item.setData(0, RULE_ROLE, rule.id)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                      | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        item.setToolTip(0, rule.why)
        item.setToolTip(1, item.text(1))
        return item

    def _show_detail(self, item: QTreeWidgetItem | None) -> None:
        rule_id = item.data(0, RULE_ROLE) if item is not None else None
        rule = self.source.lexicon().rule(rule_id) if rule_id else None
        if rule is None:
            self.detail.setText(item.toolTip(0) if item is not None else self.tr(
                "Choose a rule to read what it looks for, why it matters, what to try "
                "instead and which guide it comes from."))
            return
        self.detail.setText(self.tr(
            "Looks for: {phrases}\n\nWhy it matters: {why}\n\nTry instead: {alternatives}"
            "\n\nSource: {source}").format(phrases=", ".join(map(plain, rule.phrases)),
            why=rule.why, alternatives="; ".join(map(shown, rule.alternatives)),
            source=sources_text(rule)))

    def _toggled(self, item: QTreeWidgetItem, column: int) -> None:
        rule_id = item.data(0, RULE_ROLE)
        if column != 0 or not rule_id:
            return
        self.source.set_rule_on(rule_id, item.checkState(0) == Qt.CheckState.Checked)
        self.rules_changed.emit()
        self.show_period()


def sources_text(rule: Rule) -> str:
    """Each guide the rule follows, with where to read it, one to a line."""
    if not rule.citations:
        return rule.source
    return "".join(f"\n• {c.text()}: {c.source.link}" for c in rule.citations)
class WrappedColumn(QStyledItemDelegate):
    """Rows as tall as this column's text needs, wrapped at the column's width (a tree view
    does not grow its rows for wrapped text by itself)."""

    def __init__(self, tree: QTreeWidget, column: int) -> None:
        super().__init__(tree)
        self.tree, self.column = tree, column

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
                 ) -> QSize:
        hint = super().sizeHint(option, index)
        text = str(index.data() or "")
        width = self.tree.header().sectionSize(self.column) - 2 * WRAP_MARGIN
        if not text or width <= 0:
            return hint
        needed = option.fontMetrics.boundingRect(
            QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), text)
        return QSize(hint.width(), max(hint.height(), needed.height() + WRAP_MARGIN))


def plain(phrase: str) -> str:
    """A lexicon phrase as a person reads it (without the + marks of the syntax)."""
    return " ".join(word.rstrip("+") for word in phrase.split())


def phrases_text(rule: Rule) -> str:
    """The first few phrases of a rule, for its line in the list."""
    words = [plain(p) for p in rule.phrases]
    more = "…" if len(words) > PHRASES_SHOWN else ""
    return ", ".join(words[:PHRASES_SHOWN]) + more
