"""The word count beside the save state, and printing the open entry (File › Print…)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter

from carejournal.services.journal import Journal
from carejournal.ui.editor import printing
from carejournal.ui.editor.word_count import PAUSE_MS, count_words
from carejournal.ui.main_window import MainWindow


def test_words_are_counted_as_a_word_processor_counts_them() -> None:
    assert count_words("") == 0
    assert count_words("  Made Sam a cup of tea — his way.\nCo-production, I'd say. ") == 11


def test_the_status_counts_the_words_as_you_type(window: MainWindow, qtbot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.word_count.isVisible() and window.word_count.text() == "0 words"
    qtbot.keyClicks(window.editor.body, "Made Sam a cup of tea.")
    qtbot.waitUntil(lambda: window.word_count.text() == "6 words", timeout=PAUSE_MS * 10)
    qtbot.keyClicks(window.editor.strengths, "Knows what he likes")
    qtbot.waitUntil(lambda: window.word_count.text() == "10 words", timeout=PAUSE_MS * 10)


def test_the_count_follows_the_entry_opened_and_its_sections(filled: Journal, make_window,
                                                              qtbot) -> None:
    window = make_window()
    window.timeline.select_row(0)  # the reflection: "Who decides what time Sam gets up?"
    qtbot.waitUntil(lambda: window.word_count.text() == "7 words", timeout=PAUSE_MS * 10)
    window.timeline.select_row(1)  # own fallibility: "I was late three times today."
    qtbot.waitUntil(lambda: window.word_count.text() == "6 words", timeout=PAUSE_MS * 10)
    field = window.editor.sections.text_fields()[0]
    qtbot.keyClicks(field, "I felt rushed")
    qtbot.waitUntil(lambda: window.word_count.text() == "9 words", timeout=PAUSE_MS * 10)
    window.set_trash_mode(True)
    assert not window.word_count.isVisible()


def _pdf_text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_printing_to_a_pdf_writes_the_entry(filled: Journal, make_window, tmp_path) -> None:
    window = make_window()
    window.timeline.select_row(3)  # the interaction, with strengths
    window.editor.strengths.setPlainText("Loves the <garden> & the birds")
    box = next(iter(window.editor.acts.boxes.values()))
    box.setChecked(True)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "entry.pdf"))
    printing.print_document(printing.entry_html(window.editor), printer)
    text = " ".join(_pdf_text(tmp_path / "entry.pdf").split())
    assert "Garden" in text and "Interaction" in text and "Sam" in text
    assert "Cup of tea with Sam in the garden." in text
    assert "Loves the <garden> & the birds" in text
    assert "Little things I did" in text and " ".join(box.text().split()[:3]) in text


def test_ctrl_p_offers_the_print_dialog_for_the_open_entry(filled: Journal, make_window,
                                                           monkeypatch) -> None:
    asked: list[QPrinter] = []

    def refuse(dialog: QPrintDialog) -> int:
        asked.append(dialog.printer())
        return 0
    monkeypatch.setattr(QPrintDialog, "exec", refuse)
    window = make_window()
    assert QKeySequence(QKeySequence.StandardKey.Print) in window.actions_.print_entry.shortcuts()
    window.actions_.print_entry.trigger()
    assert asked == []  # nothing open: nothing to print
    window.timeline.select_row(0)
    window.actions_.print_entry.trigger()
    assert len(asked) == 1
