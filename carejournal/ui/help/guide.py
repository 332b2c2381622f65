"""Help › Guide (F1): a short, kind guide to the journal, with a list of its contents."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.resources import resource_path

GUIDE = "guide"


def guide_file(locale: QLocale | None = None) -> Path:
    """The guide in the person's language if it has been translated, else in English
    (resources/help/guide.<language>.md beside guide.md)."""
    locale = locale or QLocale()
    folder = resource_path("help")
    for name in (locale.name(), locale.name().split("_")[0]):
        translated = folder / f"{GUIDE}.{name}.md"
        if translated.is_file():
            return translated
    return folder / f"{GUIDE}.md"


def headings(markdown: str) -> list[str]:
    """The guide's sections: its second-level headings, in order."""
    return [line[3:].strip() for line in markdown.splitlines() if line.startswith("## ")]


class GuideDialog(QDialog):
    """The guide in a browser, its sections listed on the left; a click goes to one."""

    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("CareJournal guide"))
        text = (path or guide_file()).read_text(encoding="utf-8")
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setAccessibleName(self.tr("Guide"))
        self.browser.document().setDocumentMargin(16)
        self.browser.setMarkdown(text)
        self.contents = QListWidget()
        self.contents.setAccessibleName(self.tr("Contents of the guide"))
        self.contents.addItems(headings(text))
        self.contents.setCurrentRow(-1)  # the guide opens at its beginning
        self.contents.setMaximumWidth(240)
        self.contents.currentRowChanged.connect(self.go_to)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        QShortcut(QKeySequence.StandardKey.Close, self, self.reject)
        self.setTabOrder(self.browser, self.contents)
        self.browser.setFocus()  # the list, focused, would choose its first section
        self.resize(820, 560)

    def go_to(self, row: int) -> None:
        """Scroll the guide so the section at this row of the contents is at the top."""
        item = self.contents.item(row)
        if item is None:
            return
        block = self.browser.document().begin()
        while block.isValid() and not (block.blockFormat().headingLevel() == 2
                                       and block.text() == item.text()):
            block = block.next()
        if not block.isValid():
            return
        self.browser.moveCursor(QTextCursor.MoveOperation.End)  # so the heading lands on top
        self.browser.setTextCursor(QTextCursor(block))
        self.browser.ensureCursorVisible()

    def section_at_top(self) -> str:
        """The text of the block at the top of the browser's view (for tests)."""
        cursor = self.browser.cursorForPosition(self.browser.viewport().rect().topLeft())
        return cursor.block().text()
