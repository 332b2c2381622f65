"""Underlines the language lens's findings as the worker types, one paragraph at a time.

QSyntaxHighlighter hands `highlightBlock` the text of one block (paragraph), so a keystroke
re-checks only the paragraph it changed. `LensContext` is what every text box of one entry
shares: the lens, the findings dismissed in this entry, and the requests the boxes make.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from carejournal.lens.matcher import Finding, Lens
from carejournal.ui.lens.spelling import SpellingContext, qt_misspellings, spelling_colour
from carejournal.ui.shared.colours import lens_colour, lens_tint

# Paragraphs longer than this (about 3,000 words, say a huge paste with no line breaks)
# are not checked as the worker types, so every keystroke stays quick.
MAX_BLOCK = 20_000
# Findings are remembered per paragraph text, so the panel and the tooltips re-check only
# the paragraphs that changed since the highlighter saw them.
CACHE_SIZE = 4_000
ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def qt_spans(text: str, findings: Sequence[Finding]) -> list[tuple[int, int, Finding]]:
    """Findings with start and end as Qt positions (UTF-16: an emoji counts as two)."""
    if ASTRAL.search(text) is None:
        return [(f.start, f.end, f) for f in findings]
    extra = list(itertools.accumulate((ord(c) > 0xFFFF for c in text), initial=0))
    return [(f.start + extra[f.start], f.end + extra[f.end], f) for f in findings]


class LensContext(QObject):
    """The lens and the dismissed findings of one entry, shared by all its text boxes."""

    changed = Signal()  # the lens or the dismissed findings changed: underline again
    dismissed_one = Signal(str)  # the worker dismissed a finding in this entry
    rule_off_requested = Signal(str)  # the worker asked to switch a rule off (its id)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lens: Lens | None = None
        self.dismissed: frozenset[str] = frozenset()
        self.entry_people: tuple[str, ...] = ()  # the entry's people: the lens reads who
        # a sentence is about with them
        self._cache: dict[str, tuple[Finding, ...]] = {}
        self.people: Callable[[], tuple[str, ...]] = tuple  # the entry's people, for names
        self.spelling = SpellingContext(self)  # spell checking, beside the lens

    def set_lens(self, lens: Lens | None) -> None:
        """Check with this lens from now on (None: check nothing)."""
        self.lens = lens
        self._cache.clear()
        self.changed.emit()

    def set_people(self, people: Iterable[str]) -> None:
        """The people the entry lists (the lens reads who a sentence is about with them)."""
        names = tuple(people)
        if names != self.entry_people:
            self.entry_people = names
            self._cache.clear()
            self.changed.emit()

    def set_dismissed(self, keys: Iterable[str], quiet: bool = False) -> None:
        """The finding keys dismissed in this entry; quiet when new text follows anyway."""
        self.dismissed = frozenset(keys)
        self._cache.clear()
        if not quiet:
            self.changed.emit()

    def dismiss(self, key: str) -> None:
        """Leave this finding be in this entry (every place it occurs)."""
        if key in self.dismissed:
            return
        self.dismissed = self.dismissed | {key}
        self._cache.clear()
        self.changed.emit()
        self.dismissed_one.emit(key)

    def request_rule_off(self, rule_id: str) -> None:
        """Ask whoever owns the settings to switch this rule off."""
        self.rule_off_requested.emit(rule_id)

    def check(self, text: str) -> tuple[Finding, ...]:
        """The findings in one paragraph, dismissed ones left out."""
        if self.lens is None or not text or len(text) > MAX_BLOCK:
            return ()
        found = self._cache.get(text)
        if found is None:
            if len(self._cache) >= CACHE_SIZE:
                self._cache.clear()
            found = self._cache[text] = tuple(self.lens.check(text, self.dismissed,
                                                              people=self.entry_people))
        return found

    def category_name(self, key: str) -> str:
        """The lexicon's name for a category, or its key."""
        category = self.lens.lexicon.categories.get(key) if self.lens else None
        return category.name if category else key

    def source_text(self, rule_id: str) -> str:
        """Where a rule comes from, as a line of text ("" if nobody knows)."""
        rule = self.lens.lexicon.rule(rule_id) if self.lens else None
        return rule.source if rule else ""

    def problems(self) -> tuple[str, ...]:
        """What could not be loaded from the lexicon."""
        return self.lens.lexicon.problems if self.lens else ()


class LensHighlighter(QSyntaxHighlighter):
    """A wavy underline and a light wash, coloured by category, under each finding in a
    document, and a red wavy underline under each misspelt word (where both fall on a word,
    the red underline shows and the lens's colour tints the word's background)."""

    def __init__(self, document: QTextDocument, context: LensContext, dark: bool) -> None:
        super().__init__(document)
        self.context = context
        self._dark = dark
        self._formats: dict[tuple[str, bool], QTextCharFormat] = {}
        context.changed.connect(self.rehighlight)
        context.spelling.changed.connect(self.rehighlight)

    def set_dark(self, dark: bool) -> None:
        """Use the colours for a dark (or light) text background."""
        if dark != self._dark:
            self._dark = dark
            self._formats.clear()
            self.rehighlight()

    def char_format(self, category: str, mention: bool = False) -> QTextCharFormat:
        """The underline for one category: wavy in its colour, or for a mention (the worker
        quoting or reflecting on a word) a quiet dotted grey line."""
        found = self._formats.get((category, mention))
        if found is None:
            found = QTextCharFormat()
            if mention:
                found.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                found.setUnderlineColor(lens_colour("", self._dark))
            else:
                found.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                found.setUnderlineColor(lens_colour(category, self._dark))
                found.setBackground(lens_tint(category, self._dark))  # seen at a glance
            self._formats[(category, mention)] = found
        return found

    def highlightBlock(self, text: str) -> None:
        for start, end, finding in qt_spans(text, self.context.check(text)):
            self.setFormat(start, end - start,
                           self.char_format(finding.category, finding.mention))
        misspelt = self.context.spelling.check(text)
        if misspelt:
            self.mark_spelling(qt_misspellings(text, misspelt))

    def mark_spelling(self, spans: list[tuple[int, int, str]]) -> None:
        """The red underline under each span, over whatever the lens set there."""
        red = spelling_colour(self._dark)
        for start, end, _word in spans:
            position = start
            while position < end:  # runs of one format: a lens mark may cover part
                below = self.format(position)
                run = position + 1
                while run < end and self.format(run) == below:
                    run += 1
                mark = QTextCharFormat(below)
                if below.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline:
                    tint = QColor(below.underlineColor())
                    tint.setAlpha(60)
                    mark.setBackground(tint)  # the lens's colour stays visible
                mark.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
                mark.setUnderlineColor(red)
                self.setFormat(position, run - position, mark)
                position = run
