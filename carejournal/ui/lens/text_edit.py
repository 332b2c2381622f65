"""A text box that underlines the lens's findings, explains them on hover and offers kinder
words in its context menu (replace in one undoable step, dismiss here, switch a rule off)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QAction, QContextMenuEvent, QHelpEvent, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QToolTip, QWidget

from carejournal.lens.matcher import Finding
from carejournal.ui.lens.highlighter import LensContext, LensHighlighter, qt_spans
from carejournal.ui.shared.colours import has_dark_base


@dataclass(frozen=True, slots=True)
class Spot:
    """A finding and where it is in its document (Qt positions)."""

    start: int
    end: int
    finding: Finding


def is_placeholder(alternative: str) -> bool:
    """An alternative like "<their name>": shown as a suggestion, never inserted as it is."""
    return len(alternative) > 2 and alternative.startswith("<") and alternative.endswith(">")


def shown(alternative: str) -> str:
    """An alternative as the worker reads it (placeholders without their brackets)."""
    return alternative[1:-1].strip() if is_placeholder(alternative) else alternative


def matched_case(original: str, alternative: str) -> str:
    """The alternative, capitalised if the words it replaces began a sentence."""
    if original[:1].isupper() and alternative[:1].islower():
        return alternative[:1].upper() + alternative[1:]
    return alternative


class LensEdit(QPlainTextEdit):
    """QPlainTextEdit with the language lens (once `attach`ed to an entry's LensContext)."""

    def __init__(self, parent: QWidget | None = None, **properties: Any) -> None:
        super().__init__(parent, **properties)
        self.lens_context: LensContext | None = None
        self.highlighter: LensHighlighter | None = None

    def attach(self, context: LensContext) -> None:
        """Check this box with the entry's lens."""
        self.lens_context = context
        self.highlighter = LensHighlighter(self.document(), context, has_dark_base(self))

    # -- where the findings are ----------------------------------------------
    def spots(self) -> list[Spot]:
        """Every finding in the box, in order."""
        if self.lens_context is None:
            return []
        check = self.lens_context.check
        return [Spot(base + start, base + end, finding) for base, text in self.paragraphs()
                for start, end, finding in qt_spans(text, check(text))]

    def paragraphs(self) -> Iterator[tuple[int, str]]:
        """Each block's position and text."""
        block = self.document().firstBlock()
        while block.isValid():
            yield block.position(), block.text()
            block = block.next()

    def spot_at(self, position: int, touching: bool = False) -> Spot | None:
        """The finding covering the character at position (or ending there, if touching)."""
        if self.lens_context is None:
            return None
        block = self.document().findBlock(position)
        text, base = block.text(), block.position()
        for start, end, finding in qt_spans(text, self.lens_context.check(text)):
            if base + start <= position < base + end or (touching and position == base + end):
                return Spot(base + start, base + end, finding)
        return None

    def spot_under(self, point: QPoint) -> Spot | None:
        """The finding under a point of the viewport (the mouse)."""
        cursor = self.cursorForPosition(point)
        position = cursor.position()
        if point.x() < self.cursorRect(cursor).left() and not cursor.atBlockStart():
            position -= 1  # the point is over the character before the nearest gap
        return self.spot_at(position)

    # -- hover -----------------------------------------------------------------
    def tooltip_at(self, point: QPoint) -> str:
        """Rich text explaining the finding under a viewport point, or ""."""
        spot = self.spot_under(point)
        return self.explanation(spot.finding) if spot else ""

    def explanation(self, finding: Finding) -> str:
        """The phrase, its category, why it matters and what to say instead (escaped)."""
        assert self.lens_context is not None
        heading = self.tr("“{phrase}” · {category}").format(
            phrase=escape(finding.text),
            category=escape(self.lens_context.category_name(finding.category)))
        if finding.mention:
            return f"<qt><p><b>{heading}</b></p><p>{escape(self.reflecting())}</p></qt>"
        options = "; ".join(f"<i>{escape(shown(a))}</i>" if is_placeholder(a) else escape(a)
                            for a in finding.alternatives)
        instead = self.tr("Instead, perhaps: {alternatives}").format(alternatives=options)
        hint = self.tr("Right-click for a replacement, or to leave it as it is.")
        return (f"<qt><p><b>{heading}</b></p><p>{escape(finding.why)}</p><p>{instead}</p>"
                f"<p><small>{escape(hint)}</small></p></qt>")

    def reflecting(self) -> str:
        """What the lens says of a mention: the worker quoting or weighing a word."""
        return self.tr("You're reflecting on this word — good.")

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    # -- context menu --------------------------------------------------------
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        keyboard = event.reason() == QContextMenuEvent.Reason.Keyboard
        point = self.cursorRect().bottomLeft() if keyboard else event.pos()
        menu = self.context_menu(point, keyboard)
        menu.exec(self.viewport().mapToGlobal(point) if keyboard else event.globalPos())
        menu.deleteLater()

    def context_menu(self, point: QPoint, keyboard: bool = False) -> QMenu:
        """The standard menu, with the lens's choices on top when a finding is there."""
        menu = self.createStandardContextMenu(point)
        spot = (self.spot_at(self.textCursor().position(), touching=True) if keyboard
                else self.spot_under(point))
        if spot is None or self.isReadOnly() or spot.finding.mention:
            return menu
        existing = menu.actions()
        lens = self._lens_actions(spot, menu)
        if existing:
            menu.insertActions(existing[0], lens)
            menu.insertSeparator(existing[0])
        else:
            menu.addActions(lens)
            menu.addSeparator()
        return menu

    def _lens_actions(self, spot: Spot, menu: QMenu) -> list[QAction]:
        context = self.lens_context
        assert context is not None
        actions: list[QAction] = []
        for alternative in spot.finding.alternatives:
            if is_placeholder(alternative):
                continue  # "<their name>" is a suggestion to write, not words to insert
            action = menu.addAction(self.tr("Replace with “{alternative}”").format(
                alternative=alternative.replace("&", "&&")))  # a lone & would be a mnemonic
            action.triggered.connect(
                lambda _=False, a=alternative: self.replace(spot, a))
            actions.append(action)
        dismiss = menu.addAction(self.tr("Dismiss here"))
        dismiss.setToolTip(self.tr("Leave this wording as it is in this entry."))
        dismiss.triggered.connect(lambda: context.dismiss(spot.finding.key))
        rule_off = menu.addAction(self.tr("Switch this rule off…"))
        rule_off.triggered.connect(lambda: context.request_rule_off(spot.finding.rule))
        return [*actions, dismiss, rule_off]

    # -- editing ---------------------------------------------------------------
    def replace(self, spot: Spot, alternative: str) -> None:
        """Put the alternative in place of the finding, in one undoable step."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(spot.start)
        cursor.setPosition(spot.end, QTextCursor.MoveMode.KeepAnchor)
        if cursor.selectedText() != spot.finding.text:
            return  # the text moved on since the menu opened
        cursor.beginEditBlock()
        cursor.insertText(matched_case(spot.finding.text, alternative))
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    def show_spot(self, spot: Spot) -> None:
        """Select the finding's words, scroll to them and put the focus here."""
        cursor = QTextCursor(self.document())
        end = min(spot.end, self.document().characterCount() - 1)
        cursor.setPosition(min(spot.start, end))
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.setFocus()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.highlighter is not None:
            self.highlighter.set_dark(has_dark_base(self))
