"""Pages shown instead of the editor: a first-run welcome, and 'nothing selected'."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.domain import EntryKind
from carejournal.core.kinds import KINDS
from carejournal.ui.editor.on_this_day import OnThisDay
from carejournal.ui.shared.strings import kind_description, new_entry_label


class WelcomePage(QWidget):
    """Explains the four kinds of entry to someone with an empty journal, and offers, calmly
    and without taking the focus, to protect the journal with a passphrase."""

    new_entry = Signal(object)
    protect = Signal()  # "Protect with a passphrase…": File › Privacy's dialog

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Welcome"))
        self.declined = False  # "Not now" was chosen while this journal is open
        heading = QLabel(self.tr("Welcome to your journal"))
        heading.setStyleSheet("font-size: 20pt; font-weight: 600;")
        intro = QLabel(self.tr(
            "A private place to look back on your shifts: the people you support, "
            "the little things that make a big difference, and your own off days. "
            "Everything stays on this computer.\n\nWhat would you like to write first?"))
        intro.setWordWrap(True)
        grid = QGridLayout()
        self.buttons: dict[EntryKind, QPushButton] = {}
        for row, kind in enumerate(s.kind for s in KINDS):
            button = QPushButton(new_entry_label(kind))
            button.setAccessibleName(new_entry_label(kind))
            button.clicked.connect(lambda _=False, k=kind: self.new_entry.emit(k))
            text = QLabel(kind_description(kind))
            text.setWordWrap(True)
            grid.addWidget(button, row, 0)
            grid.addWidget(text, row, 1)
            self.buttons[kind] = button
        grid.setColumnStretch(1, 1)
        self.offer = self._protection_offer()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 40, 40, 40)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(12)
        layout.addLayout(grid)
        layout.addSpacing(24)
        layout.addWidget(self.offer)
        layout.addStretch(1)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(True)  # Enter presses the focused button, as Space does

    def _protection_offer(self) -> QFrame:
        """The passphrase offer: a choice on the page, never a window of its own."""
        offer = QFrame()
        offer.setAccessibleName(self.tr("Protect this journal"))
        offer.setFrameShape(QFrame.Shape.StyledPanel)
        heading = QLabel(self.tr("Protect this journal with a passphrase?"))
        heading.setStyleSheet("font-weight: 600;")
        text = QLabel(self.tr(
            "Then nobody can read it without the passphrase, even if the laptop is lost. "
            "You can also do this later from File › Privacy."), wordWrap=True)
        self.protect_button = QPushButton(self.tr("Protect with a passphrase…"))
        self.protect_button.setAccessibleName(self.tr("Protect with a passphrase"))
        self.not_now_button = QPushButton(self.tr("Not now"))
        self.not_now_button.setAccessibleName(self.tr("Not now: keep the journal as it is"))
        self.protect_button.clicked.connect(self.protect)
        self.not_now_button.clicked.connect(self.decline_protection)
        buttons = QHBoxLayout()
        buttons.addWidget(self.protect_button)
        buttons.addWidget(self.not_now_button)
        buttons.addStretch(1)
        box = QVBoxLayout(offer)
        box.addWidget(heading)
        box.addWidget(text)
        box.addLayout(buttons)
        offer.setVisible(False)  # shown by the encryption controller, for a plain journal
        return offer

    def offer_protection(self, offered: bool) -> None:
        """Show the passphrase offer (a plain journal that can be encrypted) or not."""
        self.offer.setVisible(offered and not self.declined)

    def decline_protection(self) -> None:
        """"Not now": the offer goes until the journal is opened again."""
        self.declined = True
        self.offer.setVisible(False)


class NothingSelectedPage(QWidget):
    """Shown when the journal has entries but none is open, with any entries from this day in
    earlier years below (the welcome page above is for an empty journal, which has none)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(wordWrap=True)  # a longer language wraps rather than cuts it
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setAccessibleName(self.tr("No entry open"))
        self.on_this_day = OnThisDay()
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addSpacing(24)
        layout.addWidget(self.on_this_day, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.set_trash_mode(False)

    def showEvent(self, event: QShowEvent) -> None:
        self.on_this_day.reload()  # today may have turned into tomorrow meanwhile
        super().showEvent(event)

    def set_trash_mode(self, trash: bool) -> None:
        """Say what can be done here, in the journal or in the trash."""
        self.on_this_day.set_trash_mode(trash)
        self.label.setText(self.tr(
            "Choose an entry on the left to see it. Restore brings it back (Ctrl+Shift+R);\n"
            "Empty Trash deletes everything in the trash for good.")
            if trash else self.tr(
            "Choose an entry on the left to read or edit it,\n"
            "or press Ctrl+N to write a new one."))
