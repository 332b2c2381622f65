"""In-process timings of Qt widgets over an open journal: scrolling the timeline, showing
an entry in the editor, the language lens (checking 10,000 words, re-underlining) and spell
checking beside it."""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from benchmarks.core import Recorder, percentile, time_runs

if TYPE_CHECKING:
    from carejournal.services.journal import Journal

LENS_SEED = 20261123
LENS_WORDS = 10_000
PARAGRAPH_WORDS = 150
LENS_CHECK_MS = 50
KEYSTROKE_MS = 2
SPELLING_KEYSTROKE_MS = 5  # one keystroke's re-check with the lens and spelling together
STALL_WATCH_S = 5.0  # how long after the window shows its stalls are watched
TIMELINE_SIZE = (380, 720)
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


def app() -> Any:
    """The QApplication of this process (offscreen when run headless)."""
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([sys.argv[0]])


def each_timed(fn: Callable[[Any], Any], items: Sequence[Any]) -> list[float]:
    """Seconds for fn(item), item by item."""
    samples = []
    for item in items:
        begin = time.perf_counter()
        fn(item)
        samples.append(time.perf_counter() - begin)
    return samples


def bench_timeline(rec: Recorder, runs: int, journal: Journal) -> None:
    """Fill the real timeline list (uniform item sizes) and scroll it top to bottom."""
    from carejournal.core.domain import EntryFilter
    from carejournal.ui.timeline.panel import TimelinePanel

    qt = app()
    panel = TimelinePanel()
    panel.resize(*TIMELINE_SIZE)
    panel.show()
    qt.processEvents()

    def fill() -> int:
        rows = journal.rows(EntryFilter())
        panel.set_rows(rows, "")
        panel.view.viewport().repaint()
        return len(rows)
    samples, count = time_runs(fill, runs)
    rec.add("timeline_fill", "Timeline: read every row and show the first page", samples,
            note=f"{count:,} rows")
    bar = panel.view.verticalScrollBar()
    pages = list(range(0, bar.maximum() + 1, max(1, bar.pageStep()))) or [0]

    def page(value: int) -> None:
        bar.setValue(value)
        panel.view.viewport().repaint()
    per_page: list[float] = []
    totals: list[float] = []
    for _ in range(runs):
        bar.setValue(0)
        qt.processEvents()
        times = each_timed(page, pages)
        per_page += times
        totals.append(sum(times))
    rec.add("timeline_page", "Timeline: scroll one page (paint, data() calls)", per_page,
            note=f"p95 {percentile(per_page, 0.95) * 1000:.2f} ms")
    rec.add("timeline_scroll_all", "Timeline: scroll top to bottom, page by page", totals,
            note=f"{len(pages):,} pages of {count:,} rows")
    panel.close()
    panel.deleteLater()
    qt.processEvents()


def bench_editor(rec: Recorder, journal: Journal, ids: Sequence[int]) -> None:
    """Show stored entries in the real editor, as selecting them in the timeline does."""
    from carejournal.ui.editor.entry_editor import EntryEditor

    qt = app()
    editor = EntryEditor()
    editor.set_journal(journal)
    editor.set_lens(journal.lens.lens())
    editor.set_catalogue(journal.kindness.acts(include_retired=True))
    editor.resize(860, 760)
    editor.show()
    editor.load(journal.get(ids[0]))  # untimed: the first show lays everything out
    qt.processEvents()

    def show(entry_id: int) -> None:
        editor.load(journal.get(entry_id))
        qt.processEvents()
    rec.add("open_entry_editor", "Open an entry: journal.get + show in the editor",
            each_timed(show, ids), note=f"{len(ids)} entries across the journal")
    editor.close()
    editor.deleteLater()
    qt.processEvents()


def bench_start_up_stall(rec: Recorder, runs: int, journal: Journal) -> None:
    """The longest the window stands still in its first seconds, as after a launch: shown,
    then the editor and controllers built and the lens and the dictionary loaded in threads
    (a fresh lens each run, as in a new process), timed by a 10 ms timer's gaps."""
    import tempfile
    from pathlib import Path

    from PySide6.QtCore import QSettings, QTimer

    from carejournal.app import make_application
    from carejournal.lens.matcher import shipped_lens
    from carejournal.ui.main_window import MainWindow
    from carejournal.ui.shared import background

    qt = make_application()  # as the app: its interpreter switch interval too
    samples = []
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(runs):
            shipped_lens.cache_clear()
            settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
            window = MainWindow(journal, settings, defer_start_up=True)
            ticks: list[float] = []
            timer = QTimer()
            timer.setInterval(10)
            timer.timeout.connect(lambda ticks=ticks: ticks.append(time.perf_counter()))
            timer.start()
            window.resize(1240, 740)
            window.show()
            end = time.perf_counter() + STALL_WATCH_S
            while time.perf_counter() < end:
                qt.processEvents()
                time.sleep(0.002)
            timer.stop()
            background.wait_for_all()
            qt.processEvents()
            samples.append(max(b - a for a, b in zip(ticks, ticks[1:], strict=False)))
            window.autosaver.discard()
            window.close()
            window.deleteLater()
            qt.processEvents()
    rec.add("start_up_stall", f"Window: longest stall in the {STALL_WATCH_S:.0f} s after it "
            "shows (editor built, lens and dictionary loaded in threads)", samples,
            note="a 10 ms timer's longest gap")


def lens_text(words: int = LENS_WORDS, seed: int = LENS_SEED) -> str:
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


def bench_lens(rec: Recorder, runs: int) -> None:
    """The matcher alone, then in a real text box: re-underline a paragraph, a keystroke."""
    from carejournal.lens.balance import measure
    from carejournal.lens.matcher import Lens, load_lexicon

    samples, lens = time_runs(lambda: Lens(load_lexicon()), 1, warm_up=False)
    rec.add("lens_build", "Lens: load lexicon.toml and build the matcher", samples,
            note=f"{len(lens.lexicon.rules)} rules")
    text = lens_text()
    words = len(text.split())
    samples, found = time_runs(lambda: lens.check(text), runs)
    rec.add("lens_check_10k", f"Lens: check {words:,} words", samples, target=LENS_CHECK_MS,
            note=f"{len(found):,} findings")
    samples, _ = time_runs(lambda: measure(text), runs)
    rec.add("lens_balance_10k", f"Lens: strengths/problems of {words:,} words", samples)
    _bench_highlight(rec, runs, text)


def _bench_highlight(rec: Recorder, runs: int, text: str) -> None:
    from PySide6.QtGui import QTextCursor

    from carejournal.lens.matcher import shipped_lens
    from carejournal.ui.lens.highlighter import LensContext
    from carejournal.ui.lens.text_edit import LensEdit

    qt = app()
    context = LensContext()
    context.set_lens(shipped_lens())
    edit = LensEdit()
    edit.attach(context)
    edit.resize(800, 600)
    samples, _ = time_runs(lambda: edit.setPlainText(text), 1, warm_up=False)
    rec.add("lens_load_10k", "Lens: show a 10,000-word entry, underlined", samples,
            note=f"{edit.document().blockCount()} paragraphs")
    block = edit.document().findBlockByNumber(edit.document().blockCount() // 2)
    highlighter = edit.highlighter
    assert highlighter is not None

    def rehighlight() -> None:
        context._cache.clear()  # a real re-check, not a remembered one
        highlighter.rehighlightBlock(block)
    samples, _ = time_runs(rehighlight, runs * 20)
    rec.add("lens_rehighlight", "Lens: re-underline one paragraph (re-checked)", samples,
            target=KEYSTROKE_MS, note=f"{len(block.text().split())} words")
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)

    def keystroke() -> None:
        cursor.insertText("x")
        qt.processEvents()
    samples, _ = time_runs(keystroke, runs * 20)
    rec.add("lens_keystroke", "Lens: one keystroke in that paragraph (edit + underline)",
            samples, target=KEYSTROKE_MS)
    edit.deleteLater()
    qt.processEvents()


def varied_text(words: int = LENS_WORDS, seed: int = LENS_SEED) -> str:
    """About this many words drawn from the shipped dictionary's 97,000 stems, one in fifty
    misspelt: nearly every word is new to the speller, the worst case for its memory."""
    from carejournal.spelling.languages import shipped_dictionary

    lines = shipped_dictionary().with_suffix(".dic").read_text(encoding="utf-8").splitlines()
    stems = [w for line in lines[1:] if (w := line.split("/")[0]).isalpha()]
    rng = random.Random(seed)
    chosen = [rng.choice(stems) for _ in range(words)]
    for n in range(0, words, 50):
        word = chosen[n]
        chosen[n] = word[:-2] + word[-1] + word[-2] if len(word) > 3 else word + "q"
    return "\n".join(" ".join(chosen[n:n + PARAGRAPH_WORDS])
                     for n in range(0, words, PARAGRAPH_WORDS))


def bench_spelling(rec: Recorder, runs: int) -> None:
    """The dictionary's load, checking 10,000 words (new words and a journal's), suggestions,
    and a keystroke in a real text box with the lens and spelling together."""
    from carejournal.spelling.languages import SHIPPED, shipped_dictionary
    from carejournal.spelling.speller import Speller, load_dictionary

    samples, dictionary = time_runs(lambda: load_dictionary(shipped_dictionary()), 1,
                                    warm_up=False)
    rec.add("spelling_load", "Spelling: load the British English dictionary (after the "
            "first paint, in the background)", samples)
    for key, label, text in (("spelling_check_10k_new", "new words", varied_text()),
                             ("spelling_check_10k", "a journal's words", lens_text())):
        words = len(text.split())
        samples, found = time_runs(
            lambda t=text: Speller(dictionary, SHIPPED).misspellings(t), runs)
        rec.add(key, f"Spelling: check {words:,} words, {label} (nothing remembered)",
                samples, note=f"{len(found):,} misspelt")
    speller = Speller(dictionary, SHIPPED)
    text = varied_text()
    samples, _ = time_runs(lambda: speller.misspellings(text), runs)
    rec.add("spelling_check_10k_again", "Spelling: check the same 10,000 words again "
            "(answers remembered)", samples)
    samples, _ = time_runs(lambda: Speller(dictionary, SHIPPED).suggest("recieved"), 3,
                           warm_up=False)
    rec.add("spelling_suggest", "Spelling: five spellings for one word (off the window's "
            "thread)", samples)
    _bench_spelling_keystroke(rec, runs, speller)


def _bench_spelling_keystroke(rec: Recorder, runs: int, speller: Any) -> None:
    from PySide6.QtGui import QTextCursor

    from carejournal.lens.matcher import shipped_lens
    from carejournal.ui.lens.highlighter import LensContext
    from carejournal.ui.lens.text_edit import LensEdit

    qt = app()
    context = LensContext()
    context.set_lens(shipped_lens())
    context.spelling.set_speller(speller)
    edit = LensEdit()
    edit.attach(context)
    edit.resize(800, 600)
    samples, _ = time_runs(lambda: edit.setPlainText(varied_text()), 1, warm_up=False)
    rec.add("spelling_load_10k", "Lens + spelling: show a 10,000-word entry of new words, "
            "underlined", samples, note=f"{len(edit.misspellings()):,} misspelt")
    block = edit.document().findBlockByNumber(edit.document().blockCount() // 2)
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    cursor.insertText(" ")
    letters = iter(" ".join(varied_text(2_000, LENS_SEED + 1).split()))

    def keystroke() -> None:  # typing new words: nearly every keystroke a new one to look up
        cursor.insertText(next(letters))
        qt.processEvents()
    samples, _ = time_runs(keystroke, runs * 20)
    rec.add("spelling_keystroke", "Lens + spelling: one keystroke in a paragraph (edit, "
            "re-check, underline)", samples, target=SPELLING_KEYSTROKE_MS,
            note=f"{len(block.text().split())} words")
    edit.deleteLater()
    qt.processEvents()
