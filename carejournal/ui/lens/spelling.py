"""Spell checking in the entry's text boxes, beside the language lens.

`SpellingContext` is what the boxes of one entry share (it hangs off their LensContext): the
speller once it has loaded, the words ignored this session, the misspellings per paragraph
and the suggestions worked out so far. The highlighter draws a red wavy underline under each
misspelt word; the context menu offers spellings, "Add to dictionary" and "Ignore".
`SpellingController` loads the dictionary after the first paint, off the window's thread, and
follows the settings (on or off, the language, the personal dictionary).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor

from carejournal.core.changes import Changes
from carejournal.spelling.speller import Misspelling, Speller
from carejournal.ui.shared import background
from carejournal.ui.shared.problems import PROBLEMS

if TYPE_CHECKING:
    from carejournal.ui.main_window import MainWindow

CACHE_SIZE = 4_000  # paragraphs remembered, as the lens does
MAX_BLOCK = 20_000  # longer paragraphs are not checked as the worker types (as the lens)
ASTRAL = re.compile("[\U00010000-\U0010ffff]")
SPELLING_COLOURS = ("#d50000", "#ff6e6e")  # red on a light page, on a dark page


def spelling_colour(dark: bool) -> QColor:
    """The red of the spelling underline (apart from every lens category's colour)."""
    return QColor(SPELLING_COLOURS[1] if dark else SPELLING_COLOURS[0])


def qt_misspellings(text: str, found: Sequence[Misspelling]) -> list[tuple[int, int, str]]:
    """(start, end, word) in Qt positions (UTF-16: an emoji counts as two)."""
    if ASTRAL.search(text) is None:
        return [(m.start, m.end, m.text) for m in found]
    extra = list(itertools.accumulate((ord(c) > 0xFFFF for c in text), initial=0))
    return [(m.start + extra[m.start], m.end + extra[m.end], m.text) for m in found]


class SpellingContext(QObject):
    """The speller of one entry's text boxes, and what the worker chose to ignore."""

    changed = Signal()  # underline again
    add_requested = Signal(str)  # the worker asked to add a word to the dictionary
    suggested = Signal(str, object)  # a word and its suggestions, once worked out

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.speller: Speller | None = None
        self.ignored: set[str] = set()
        self._cache: dict[str, tuple[Misspelling, ...]] = {}
        self._asked: set[str] = set()

    def set_speller(self, speller: Speller | None) -> None:
        """Check with this speller from now on (None: spelling is off)."""
        self.speller = speller
        self.refresh()

    def refresh(self) -> None:
        """The known words changed: check every paragraph again."""
        self._cache.clear()
        self.changed.emit()

    def check(self, text: str) -> tuple[Misspelling, ...]:
        """The misspelt words of one paragraph (nothing while spelling is off or loading)."""
        speller = self.speller
        if speller is None or not text or len(text) > MAX_BLOCK:
            return ()
        found = self._cache.get(text)
        if found is None:
            if len(self._cache) >= CACHE_SIZE:
                self._cache.clear()
            found = self._cache[text] = tuple(
                m for m in speller.misspellings(text) if m.text.casefold() not in self.ignored)
        return found

    def ignore(self, word: str) -> None:
        """Leave this word be until CareJournal closes (in every entry)."""
        self.ignored.add(word.casefold())
        self.refresh()

    def add(self, word: str) -> None:
        """Know this word now, and ask for it to be kept in the personal dictionary."""
        if self.speller is not None:
            self.speller.add_known(word)
        self.refresh()
        self.add_requested.emit(word)

    def suggestions(self, word: str) -> tuple[str, ...] | None:
        """The spellings for a word if worked out already; else start on them and return
        None (`suggested` follows, in a moment)."""
        speller = self.speller
        if speller is None:
            return ()
        found = speller.cached_suggestions(word)
        if found is None and word not in self._asked:
            self._asked.add(word)
            background.run(speller.suggest, word, done=lambda r: self._suggested(word, r),
                           owner=self, name="spelling suggestions")
        return found

    def _suggested(self, word: str, result: object) -> None:
        self._asked.discard(word)
        self.suggested.emit(word, result if isinstance(result, tuple) else ())


class SpellingController(QObject):
    """Loads the speller after the first paint and keeps the editor's in step with settings."""

    def __init__(self, window: MainWindow,
                 runner: Callable[..., object] = background.start) -> None:
        super().__init__(window)
        self.window = window
        self.runner = runner
        self.context: SpellingContext = window.editor.lens_context.spelling
        self.loading: str | None = None  # the language being loaded
        self.context.add_requested.connect(self.add_word)
        window.changes.changed.connect(self._changed)
        window.start_up.run(self.refresh)  # the dictionary loads after the first paint

    def refresh(self) -> None:
        """Load the chosen dictionary if needed, or switch spelling off."""
        service = self.window.journal.spelling
        try:
            on = service.on()
            code, base = service.dictionary()
        except PROBLEMS as exc:
            self.window.statusBar().showMessage(str(exc), 5000)
            return
        if not on:
            self.loading = None
            self.context.set_speller(None)
            return
        current = self.context.speller
        if current is not None and current.language == code:
            self._known(current)
            return
        if self.loading == code:
            return
        self.loading = code
        from carejournal.spelling.speller import load_speller

        background.run(load_speller, base, code, done=self._loaded, owner=self,
                       name="spelling dictionary", runner=self.runner)

    def _loaded(self, result: Speller | Exception) -> None:
        self.loading = None
        if isinstance(result, Exception):
            self.window.statusBar().showMessage(
                self.tr("Spelling is not checked: {problem}").format(problem=result), 8000)
            return
        service = self.window.journal.spelling
        try:
            if not service.on():
                return  # switched off while it loaded
            service.adopt(result)
        except PROBLEMS:
            return  # the journal was closed (or locked) meanwhile
        self.context.set_speller(result)

    def _known(self, speller: Speller) -> None:
        try:
            changed = speller.set_known(self.window.journal.spelling.known_words())
        except PROBLEMS as exc:
            self.window.statusBar().showMessage(str(exc), 5000)
            return
        if changed:  # underline again only when the known words differ
            self.context.refresh()

    def _changed(self, changes: Changes) -> None:
        if changes.settings or changes.supervision or changes.listing:
            self.refresh()  # the words known, people's names or the language may differ

    def add_word(self, word: str) -> None:
        """Keep a word in the journal's personal dictionary."""
        try:
            self.window.changes.apply(lambda: self.window.journal.ops.add_spelling_word(word))
        except PROBLEMS as exc:
            self.window.statusBar().showMessage(str(exc), 5000)
