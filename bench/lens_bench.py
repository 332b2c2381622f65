"""Language lens timings: checking a 10,000-word text, and re-highlighting after a keystroke."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any

SEED = 20261123
WORDS = 10_000
PARAGRAPH_WORDS = 150
SENTENCES = (
    "I introduced myself and we had a cup of tea in the garden.",
    "She told me about her grandson and laughed about his football.",
    "The service user refused his tablets again this morning.",
    "We talked about the care package and what she wants from it.",
    "He was non-compliant with the plan, so I asked what we could change.",
    "Just in case it rained we took the bus, and in any case she enjoyed it.",
    "Challenging behaviour at lunch; I wonder what he was trying to tell us.",
    "Those people on the other unit never listen, one colleague said.",
    "I was fed up by four but the feedback from his sister was lovely.",
    "It was a difficult day for all of us, and I asked them what would help.",
    "She chose the colours for her room herself and was proud of them.",
    "He is wheelchair-bound and the lift was broken again.",
)

Record = Callable[[str, str, list[float], str], None]


def text_of(words: int, seed: int = SEED) -> str:
    """A reproducible journal-like text of about this many words, in paragraphs."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    count = 0
    while count < words:
        sentences: list[str] = []
        length = 0
        while length < PARAGRAPH_WORDS:
            sentence = rng.choice(SENTENCES)
            sentences.append(sentence)
            length += len(sentence.split())
        paragraphs.append(" ".join(sentences))
        count += length
    return "\n".join(paragraphs)


def _time(fn: Callable[[], Any], runs: int) -> tuple[list[float], Any]:
    samples: list[float] = []
    result: Any = None
    for _ in range(runs):
        begin = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - begin)
    return samples, result


def bench_check(record: Record, runs: int) -> None:
    """The matcher alone, no Qt: build the lens, then check a 10,000-word text."""
    from carejournal.balance import measure
    from carejournal.lens import Lens, load_lexicon

    samples, lens = _time(lambda: Lens(load_lexicon()), 1)
    record("lens_build", "lens: load lexicon.toml and build the matcher", samples,
           f"{len(lens.lexicon.rules)} rules")
    text = text_of(WORDS)
    samples, found = _time(lambda: lens.check(text), runs)
    record("lens_check_10k", f"lens: check {len(text.split()):,} words", samples,
           f"{len(found):,} findings")
    samples, _ = _time(lambda: measure(text), runs)
    record("lens_balance_10k", f"lens: strengths/problems of {len(text.split()):,} words",
           samples, "")


def bench_highlight(record: Record, runs: int) -> None:
    """In a real text box: re-underline one 150-word paragraph, and one keystroke."""
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication

    from carejournal.lens import shipped_lens
    from carejournal.ui.lens_edit import LensEdit
    from carejournal.ui.lens_highlighter import LensContext

    app = QApplication.instance() or QApplication([])
    context = LensContext()
    context.set_lens(shipped_lens())
    edit = LensEdit()
    edit.attach(context)
    edit.resize(800, 600)
    text = text_of(WORDS)
    samples, _ = _time(lambda: edit.setPlainText(text), 1)
    record("lens_load_10k", "lens: show a 10,000-word entry, underlined", samples,
           f"{edit.document().blockCount()} paragraphs")
    block = edit.document().findBlockByNumber(edit.document().blockCount() // 2)

    def rehighlight() -> None:
        context._cache.clear()  # a real re-check, not a remembered one
        edit.highlighter.rehighlightBlock(block)
    samples, _ = _time(rehighlight, runs * 20)
    record("lens_rehighlight", "lens: re-underline one paragraph", samples,
           f"{len(block.text().split())} words")
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)

    def keystroke() -> None:
        cursor.insertText("x")
        app.processEvents()
    samples, _ = _time(keystroke, runs * 20)
    record("lens_keystroke", "lens: one keystroke in that paragraph (edit + underline)",
           samples, "")
