"""A text box that underlines the lens's findings, explains them on hover and offers kinder
words in its context menu (replace in one undoable step, dismiss here, switch a rule off);
misspelt words are underlined in red, with spellings, "Add to dictionary" and "Ignore" in the
same menu."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QHelpEvent, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QToolTip, QWidget

from carejournal.lens.matcher import Finding
from carejournal.lens.rewrite import Rewrite, fitted, rewrites, sentence_bounds
from carejournal.ui.lens.highlighter import LensContext, LensHighlighter, qt_spans
from carejournal.ui.lens.preview import RewritePreview
from carejournal.ui.lens.spelling import qt_misspellings
from carejournal.ui.shared.colours import has_dark_base


@dataclass(frozen=True, slots=True)
class Spot:
    """A finding and where it is in its document (Qt positions)."""

    start: int
    end: int
    finding: Finding


@dataclass(frozen=True, slots=True)
class Misspelt:
    """A misspelt word and where it is in its document (Qt positions)."""

    start: int
    end: int
    text: str


class _SuggestionFiller(QObject):
    """Puts the spellings into an open menu once they are worked out (dies with the menu)."""

    def __init__(self, edit: LensEdit, menu: QMenu, word: Misspelt, waiting: QAction) -> None:
        super().__init__(menu)
        self.edit, self.menu, self.word, self.waiting = edit, menu, word, waiting

    def fill(self, word: str, suggestions: object) -> None:
        if word != self.word.text or self.waiting not in self.menu.actions():
            return
        found = suggestions if isinstance(suggestions, tuple) else ()
        actions = self.edit.suggestion_actions(self.word, found, self.menu)
        self.menu.insertActions(self.waiting, actions)
        self.menu.removeAction(self.waiting)
        self.waiting.deleteLater()


def is_placeholder(alternative: str) -> bool:
    """An alternative like "<their name>": shown as a suggestion, never inserted as it is."""
    return len(alternative) > 2 and alternative.startswith("<") and alternative.endswith(">")


def shown(alternative: str) -> str:
    """An alternative as the worker reads it (placeholders without their brackets)."""
    return alternative[1:-1].strip() if is_placeholder(alternative) else alternative


MAX_REWRITES = 4


def _qt_length(text: str) -> int:
    """Length in Qt's positions (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def _sentence(text: str, rewrite: Rewrite) -> str:
    """The original sentence a rewrite replaces (the same span, with the old words)."""
    first = rewrite.start - rewrite.changed[0]
    tail = len(rewrite.sentence) - rewrite.changed[1]
    return text[first:rewrite.end + tail]


def matched_case(original: str, alternative: str) -> str:
    """The alternative, capitalised if the words it replaces began a sentence."""
    if original[:1].isupper() and alternative[:1].islower():
        return alternative[:1].upper() + alternative[1:]
    return alternative


class LensEdit(QPlainTextEdit):
    """QPlainTextEdit with the language lens (once `attach`ed to an entry's LensContext).

    `words_changed` says the words changed. textChanged also fires when only the marks do
    (Qt counts a highlighter's new formats as a change of contents): when the lexicon or a
    dictionary finishes loading and the box is marked again, nothing was written, so
    nothing is to be saved."""

    words_changed = Signal()

    def __init__(self, parent: QWidget | None = None, **properties: Any) -> None:
        super().__init__(parent, **properties)
        self.lens_context: LensContext | None = None
        self.highlighter: LensHighlighter | None = None
        self.preview: RewritePreview | None = None  # the rewrite being looked at, if any
        self._words = self.toPlainText()
        self.textChanged.connect(self._check_words)

    def _check_words(self) -> None:
        words = self.toPlainText()
        if words != self._words:
            self._words = words
            self.words_changed.emit()

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
        return self.spot_at(self.position_under(point))

    def position_under(self, point: QPoint) -> int:
        """The position of the character under a point of the viewport."""
        cursor = self.cursorForPosition(point)
        position = cursor.position()
        if point.x() < self.cursorRect(cursor).left() and not cursor.atBlockStart():
            position -= 1  # the point is over the character before the nearest gap
        return position

    def misspelt_at(self, position: int, touching: bool = False) -> Misspelt | None:
        """The misspelt word covering the character at position (or ending there)."""
        if self.lens_context is None:
            return None
        block = self.document().findBlock(position)
        text, base = block.text(), block.position()
        spelling = self.lens_context.spelling
        for start, end, word in qt_misspellings(text, spelling.check(text)):
            if base + start <= position < base + end or (touching and position == base + end):
                return Misspelt(base + start, base + end, word)
        return None

    def misspellings(self) -> list[Misspelt]:
        """Every misspelt word in the box, in order."""
        if self.lens_context is None:
            return []
        check = self.lens_context.spelling.check
        return [Misspelt(base + start, base + end, word) for base, text in self.paragraphs()
                for start, end, word in qt_misspellings(text, check(text))]

    # -- hover -----------------------------------------------------------------
    def tooltip_at(self, point: QPoint) -> str:
        """Rich text explaining the finding or misspelling under a viewport point, or ""."""
        position = self.position_under(point)
        spot = self.spot_at(position)
        word = self.misspelt_at(position)
        if word is None:
            return self.explanation(spot.finding, self.sentence_of(spot)) if spot else ""
        spelling = self.tr("<b>“{word}”</b> is not in the dictionary. Right-click for "
                           "spellings, or to add it to the dictionary.").format(
            word=escape(word.text))
        lens = (self.explanation(spot.finding, self.sentence_of(spot))[4:-5] if spot
                else "")  # without <qt></qt>
        return f"<qt><p>{spelling}</p>{lens}</qt>"

    def explanation(self, finding: Finding, sentence: str = "") -> str:
        """The phrase, its category, why it matters and what to say instead (escaped), the
        alternatives' pronouns agreeing with the sentence it is in when given."""
        assert self.lens_context is not None
        heading = self.tr("“{phrase}” · {category}").format(
            phrase=escape(finding.text),
            category=escape(self.lens_context.category_name(finding.category)))
        if finding.mention:
            return f"<qt><p><b>{heading}</b></p><p>{escape(self.reflecting())}</p></qt>"
        options = "; ".join(f"<i>{escape(shown(a))}</i>" if is_placeholder(a)
                            else escape(fitted(sentence, a) if sentence else a)
                            for a in dict.fromkeys(finding.alternatives))
        instead = self.tr("Instead, perhaps: {alternatives}").format(alternatives=options)
        hint = self.tr("Right-click for a replacement, or to leave it as it is.")
        source = self.lens_context.source_text(finding.rule)
        cited = self.tr("Source: {source}").format(source=source) if source else ""
        cited = f"<p><small>{escape(cited)}</small></p>" if cited else ""
        return (f"<qt><p><b>{heading}</b></p><p>{escape(finding.why)}</p><p>{instead}</p>"
                f"{cited}<p><small>{escape(hint)}</small></p></qt>")

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
        """The standard menu, with spellings and the lens's choices on top when a misspelt
        word or a finding is there."""
        menu = self.createStandardContextMenu(point)
        if self.isReadOnly():
            return menu
        position = self.textCursor().position() if keyboard else self.position_under(point)
        spot = self.spot_at(position, touching=keyboard)
        word = self.misspelt_at(position, touching=keyboard)
        groups = [self._spelling_actions(word, menu)] if word is not None else []
        if spot is not None and not spot.finding.mention:  # a mention: nothing to change
            groups.append(self._lens_actions(spot, menu))
        existing = menu.actions()
        for group in groups:
            if existing:
                menu.insertActions(existing[0], group)
                menu.insertSeparator(existing[0])
            else:
                menu.addActions(group)
                menu.addSeparator()
        return menu

    def _spelling_actions(self, word: Misspelt, menu: QMenu) -> list[QAction]:
        """Spellings (worked out in the background if need be), add to dictionary, ignore."""
        assert self.lens_context is not None
        spelling = self.lens_context.spelling
        found = spelling.suggestions(word.text)
        if found is None:
            waiting = QAction(self.tr("Looking for spellings…"), menu)
            waiting.setEnabled(False)
            filler = _SuggestionFiller(self, menu, word, waiting)
            spelling.suggested.connect(filler.fill)
            actions = [waiting]
        else:
            actions = self.suggestion_actions(word, found, menu)
        shown_word = word.text.replace("&", "&&")
        add = QAction(self.tr("Add “{word}” to the dictionary").format(word=shown_word), menu)
        add.setToolTip(self.tr("Never underline this word again in this journal."))
        add.triggered.connect(lambda: spelling.add(word.text))
        ignore = QAction(self.tr("Ignore “{word}”").format(word=shown_word), menu)
        ignore.setToolTip(self.tr("Leave this word be until CareJournal closes."))
        ignore.triggered.connect(lambda: spelling.ignore(word.text))
        return [*actions, add, ignore]

    def suggestion_actions(self, word: Misspelt, found: tuple[str, ...],
                           menu: QMenu) -> list[QAction]:
        """One "Change to" action per spelling, or a note that there is none."""
        if not found:
            none = QAction(self.tr("No spellings found for “{word}”").format(
                word=word.text.replace("&", "&&")), menu)
            none.setEnabled(False)
            return [none]
        actions = []
        for suggestion in found:
            action = QAction(self.tr("Change to “{spelling}”").format(
                spelling=suggestion.replace("&", "&&")), menu)
            action.triggered.connect(
                lambda _=False, s=suggestion: self.replace_word(word, s))
            actions.append(action)
        return actions

    def _lens_actions(self, spot: Spot, menu: QMenu) -> list[QAction]:
        context = self.lens_context
        assert context is not None
        actions: list[QAction] = []
        for rewrite in self.rewrites(spot)[:MAX_REWRITES]:
            action = menu.addAction(self.tr("Replace with “{alternative}”…").format(
                alternative=rewrite.label.replace("&", "&&")))  # a lone & is a mnemonic
            action.setToolTip(rewrite.sentence)
            action.triggered.connect(
                lambda _=False, r=rewrite: self.show_rewrite(spot, r))
            actions.append(action)
        dismiss = menu.addAction(self.tr("Dismiss here"))
        dismiss.setToolTip(self.tr("Leave this wording as it is in this entry."))
        dismiss.triggered.connect(lambda: context.dismiss(spot.finding.key))
        rule_off = menu.addAction(self.tr("Switch this rule off…"))
        rule_off.triggered.connect(lambda: context.request_rule_off(spot.finding.rule))
        return [*actions, dismiss, rule_off]

    # -- editing ---------------------------------------------------------------
    def sentence_of(self, spot: Spot) -> str:
        """The sentence the finding is in."""
        text = self.document().findBlock(spot.start).text()
        first, last = sentence_bounds(text, spot.finding.start, spot.finding.end)
        return text[first:last]

    def fitted_alternatives(self, spot: Spot) -> list[str]:
        """The finding's alternatives as the worker reads them beside its sentence: pronouns
        that agree with it ("they chose to" where no one is named "she")."""
        sentence = self.sentence_of(spot)
        return list(dict.fromkeys(shown(a) if is_placeholder(a) else fitted(sentence, a)
                                  for a in spot.finding.alternatives))

    def rewrites(self, spot: Spot) -> list[Rewrite]:
        """The finding's alternatives as whole rewritten sentences (none the lens would flag)."""
        context = self.lens_context
        if context is None or context.lens is None:
            return []
        block = self.document().findBlock(spot.start)
        return rewrites(context.lens, block.text(), spot.finding, context.people())

    def show_rewrite(self, spot: Spot, rewrite: Rewrite) -> None:
        """Show the whole rewritten sentence; replace only when the worker says so."""
        block = self.document().findBlock(spot.start)
        text = block.text()
        original = _sentence(text, rewrite)
        if self.preview is not None:
            self.preview.close()
        self.preview = RewritePreview(rewrite, original, self)
        self.preview.accepted.connect(
            lambda: self.apply_rewrite(block.position(), text, rewrite))
        self.preview.open()

    def apply_rewrite(self, base: int, text: str, rewrite: Rewrite) -> None:
        """Put the rewrite in place, in one undoable step, if the paragraph is unchanged."""
        block = self.document().findBlock(base)
        if block.position() != base or block.text() != text:
            return  # the text moved on since the preview opened
        cursor = QTextCursor(self.document())
        cursor.setPosition(base + _qt_length(text[:rewrite.start]))
        cursor.setPosition(base + _qt_length(text[:rewrite.end]),
                           QTextCursor.MoveMode.KeepAnchor)
        cursor.beginEditBlock()
        cursor.insertText(rewrite.replacement)
        cursor.endEditBlock()
        self.setTextCursor(cursor)

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

    def replace_word(self, word: Misspelt, spelling: str) -> None:
        """Put a spelling in place of a misspelt word, in one undoable step."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(word.start)
        cursor.setPosition(word.end, QTextCursor.MoveMode.KeepAnchor)
        if cursor.selectedText() != word.text:
            return  # the text moved on since the menu opened
        cursor.beginEditBlock()
        cursor.insertText(spelling)
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
