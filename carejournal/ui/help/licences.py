"""Help › About › Licences: CareJournal's licence and the third-party notices it carries.

The text is resources/licences/THIRD_PARTY_NOTICES.md (a copy of the repository's
THIRD_PARTY_NOTICES.md), shown as Markdown; the licence texts it names are listed below it,
each opened in the same view.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from carejournal.core.resources import resource_path

NOTICES = "THIRD_PARTY_NOTICES.md"


def licence_files() -> list[Path]:
    """The licence texts shipped in resources/licences/, the notices first."""
    folder = resource_path("licences")
    return [folder / NOTICES, *sorted(p for p in folder.glob("*.txt"))]


class LicencesDialog(QDialog):
    """The notices, readable and searchable, with links to each licence text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Licences"))
        self.resize(760, 620)
        self.view = QTextBrowser(self)
        self.view.setOpenLinks(False)  # a licence file opens here; a web address outside
        self.view.anchorClicked.connect(self._open)
        self.view.setAccessibleName(self.tr("Licences"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.show_notices()

    def show_notices(self) -> None:
        """The notices, then the list of licence texts."""
        files = licence_files()
        text = files[0].read_text(encoding="utf-8")
        listing = "\n".join(f"- [{p.name}]({QUrl.fromLocalFile(str(p)).toString()})"
                            for p in files[1:])
        self.view.setMarkdown(text + "\n\n## " + self.tr("Licence texts") + "\n\n" + listing)

    def _open(self, url: QUrl) -> None:
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            self.view.setPlainText(path.read_text(encoding="utf-8", errors="replace"))
            return
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(url)
