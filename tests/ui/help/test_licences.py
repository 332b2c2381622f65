"""Help › About › Licences: the third-party notices, and each licence text they name."""

from __future__ import annotations

import re

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QMessageBox, QPushButton

from carejournal.core.resources import resource_path
from carejournal.ui.help.licences import LicencesDialog, licence_files
from carejournal.ui.main_window import MainWindow
from carejournal.ui.menus import show_about


def test_about_has_a_licences_button_that_opens_the_notices(window: MainWindow, qtbot) -> None:
    box = show_about(window, window.journal.path)
    qtbot.waitExposed(box)
    button = next(b for b in box.findChildren(QPushButton) if b.text() == "Licences…")
    button.click()
    qtbot.waitUntil(lambda: bool(box.findChildren(LicencesDialog)), timeout=2000)
    assert box.isVisible(), "the about box stays open behind the notices"
    dialog = box.findChildren(LicencesDialog)[0]
    qtbot.waitExposed(dialog)
    text = dialog.view.toPlainText()
    for name in ("PySide6", "fpdf2", "SQLCipher", "OpenSSL", "spylls", "MIT"):
        assert name in text, name
    box.done(QMessageBox.StandardButton.Ok)


def test_a_licence_text_opens_in_the_same_view(qtbot) -> None:
    dialog = LicencesDialog()
    qtbot.addWidget(dialog)
    lgpl = resource_path("licences", "LGPL-3.0.txt")
    assert lgpl in licence_files()
    dialog.view.anchorClicked.emit(QUrl.fromLocalFile(str(lgpl)))
    assert dialog.view.toPlainText().lstrip().startswith("GNU LESSER GENERAL PUBLIC LICENSE")
    dialog.show_notices()
    assert "Third-party notices" in dialog.view.toPlainText()


def test_every_licence_text_the_notices_name_is_shipped() -> None:
    notices = resource_path("licences", "THIRD_PARTY_NOTICES.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`([\w.-]+\.txt)`", notices))
    assert named >= {"LGPL-3.0.txt", "GPL-3.0.txt", "SQLCipher-BSD.txt",
                     "OpenSSL-Apache-2.0.txt"}
    assert [n for n in named if not resource_path("licences", n).is_file()] == []
