"""Entries linked to this one (such as a mirror), and the button that makes a mirror."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.domain import EntryKind, EntryLink
from carejournal.core.kinds import can_be_mirrored
from carejournal.ui.shared.dates import local_day
from carejournal.ui.shared.strings import kind_label


def link_text(link: EntryLink) -> str:
    """One line describing a linked entry, from this entry's point of view."""
    translate = QCoreApplication.translate
    template = (translate("CareJournal", "Mirrors {kind} of {date}: {summary}") if link.outgoing
                else translate("CareJournal", "Mirrored in {kind} of {date}: {summary}"))
    return template.format(kind=kind_label(link.other_kind).lower(),
                           date=local_day(link.occurred_on, "dd MMM yyyy"),
                           summary=link.summary or translate("CareJournal", "(no text yet)"))


class LinksPanel(QGroupBox):
    """Lists linked entries; activating one asks to open it. Offers the mirror for interactions."""

    open_entry = Signal(int)
    mirror_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Linked entries"), parent)
        self.setAccessibleName(self.tr("Linked entries"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Linked entries"))
        self.list.setMaximumHeight(90)
        self.mirror_hint = QLabel(self.tr(
            "Have you found the same kind of thing hard yourself? Remembering our own "
            "struggles helps us not to expect perfection of others."), wordWrap=True)
        self.mirror = QPushButton(self.tr("&Mirror: a time I found this hard…"))
        self.mirror.setAccessibleName(self.tr("Write a linked own-fallibility note"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.mirror_hint)
        layout.addWidget(self.mirror, 0, Qt.AlignmentFlag.AlignLeft)
        self.list.itemActivated.connect(
            lambda item: self.open_entry.emit(int(item.data(Qt.ItemDataRole.UserRole))))
        self.mirror.clicked.connect(self.mirror_requested)

    def show_links(self, links: tuple[EntryLink, ...], kind: EntryKind, can_mirror: bool) -> None:
        """Show the links of an entry of this kind; the mirror only for saved interactions."""
        self.list.clear()
        for link in links:
            item = QListWidgetItem(link_text(link))
            item.setData(Qt.ItemDataRole.UserRole, link.entry_id)
            self.list.addItem(item)
        self.list.setVisible(bool(links))
        mirrored = can_be_mirrored(kind)
        self.mirror_hint.setVisible(mirrored)
        self.mirror.setVisible(mirrored)
        self.mirror.setEnabled(can_mirror)
        self.setVisible(bool(links) or mirrored)
