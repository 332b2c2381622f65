"""File › Print…: the entry open in the editor, printed through Qt's print dialog.

The page is made from what the editor shows (saved or not): the title, when, the kind, the
people and tags, then each text box this kind has, under its label. `print_document` does
the printing without a dialog, so a test can print to a PDF file.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from carejournal.ui.shared.dates import local_time, qdate
from carejournal.ui.shared.strings import kind_label

if TYPE_CHECKING:
    from carejournal.ui.editor.entry_editor import EntryEditor

PRINT_POINTS = 11


translate = QCoreApplication.translate  # translate("Context", "text"), as lupdate reads it


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>"
                   for p in text.strip().split("\n\n") if p.strip())


def entry_html(editor: EntryEditor) -> str:
    """The entry in the editor as a page of HTML, every text escaped."""
    draft = editor.draft()
    when = QLocale().toString(qdate(draft.occurred_on), QLocale.FormatType.LongFormat)
    if draft.occurred_time is not None:
        when = translate("Printing", "{date}, {time}").format(
            date=when, time=local_time(draft.occurred_time))
    about = [when, kind_label(draft.kind)]
    if draft.people:
        about.append(", ".join(draft.people))
    if draft.tags:
        about.append(translate("Printing", "tags: {tags}").format(tags=", ".join(draft.tags)))
    parts = [f"<h1>{html.escape(draft.title or kind_label(draft.kind))}</h1>",
             f"<p><i>{html.escape(' · '.join(about))}</i></p>"]
    for label, edit in editor.text_fields():
        text = edit.toPlainText()
        if text.strip():
            parts.append(f"<h3>{html.escape(label.replace('&', ''))}</h3>{_paragraphs(text)}")
    ticked = [box.text().replace("&&", "&") for box in editor.acts.boxes.values()
              if box.isChecked()] if not editor.acts_group.isHidden() else []
    for heading, items in ((translate("Printing", "Little things I did"), ticked),
                           (translate("Printing", "Decisions"), [d.text for d in draft.decisions]),
                           (translate("Printing", "Actions"), [a.text for a in draft.actions])):
        items = [i for i in items if i.strip()]
        if items:
            parts.append(f"<h3>{html.escape(heading)}</h3><ul>"
                         + "".join(f"<li>{html.escape(i)}</li>" for i in items) + "</ul>")
    return "\n".join(parts)


def print_document(page: str, printer: QPrinter) -> None:
    """Print a page of HTML on this printer (a PDF file, if it is set to write one)."""
    document = QTextDocument()
    font = QFont(document.defaultFont())
    font.setPointSize(PRINT_POINTS)  # the screen's size reads small on paper
    document.setDefaultFont(font)
    document.setHtml(page)
    document.print_(printer)


def print_entry(editor: EntryEditor, parent: QWidget) -> bool:
    """Ask where to print the entry (Qt's print dialog) and print it; False if cancelled."""
    page = entry_html(editor)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("Printing", "Print entry"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    print_document(page, printer)
    return True
