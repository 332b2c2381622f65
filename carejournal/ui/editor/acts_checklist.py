"""A quick checklist of the little things, for an interaction or a little-thing entry."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from carejournal.core.domain import ActDone
from carejournal.core.kindness import Act

COLUMNS = 2


class ActsChecklist(QGroupBox):
    """Tick the little things done. Acts recorded on the entry keep their words and notes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Little things I did"), parent)
        self.setAccessibleName(self.tr("Little things I did"))
        self._catalogue: list[Act] = []
        self._recorded: dict[int, ActDone] = {}
        self.boxes: dict[int, QCheckBox] = {}
        self.columns = COLUMNS
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(18)
        hint = QLabel(self.tr("The small things make a big difference. Tick any you did."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(self._grid)

    def set_catalogue(self, acts: list[Act]) -> None:
        """The acts that can be offered (retired ones only show where already recorded)."""
        self._catalogue = acts
        self._rebuild(self.value())

    def set_value(self, acts: tuple[ActDone, ...]) -> None:
        """Show the acts recorded on an entry."""
        self._rebuild(acts)

    def value(self) -> tuple[ActDone, ...]:
        """The ticked acts, keeping the notes and words they were recorded with."""
        return tuple(self._recorded.get(act_id, ActDone(act_id))
                     for act_id, box in self.boxes.items() if box.isChecked())

    def set_read_only(self, read_only: bool) -> None:
        for box in self.boxes.values():
            box.setEnabled(not read_only)

    def _rebuild(self, recorded: tuple[ActDone, ...]) -> None:
        self._recorded = {a.act_id: a for a in recorded}
        for box in self.boxes.values():
            self._grid.removeWidget(box)
            box.hide()
            box.deleteLater()
        self.boxes = {}
        offered = [(a.id, a.label) for a in self._catalogue
                   if not a.retired or a.id in self._recorded]
        known = {act_id for act_id, _ in offered}
        offered += [(a.act_id, a.label) for a in recorded if a.act_id not in known]
        for act_id, label in offered:
            words = self._recorded[act_id].label if act_id in self._recorded else label
            box = QCheckBox(words or label)
            box.setAccessibleName(words or label)
            note = self._recorded.get(act_id, ActDone(act_id)).note
            if note:
                box.setToolTip(note)
            box.setChecked(act_id in self._recorded)
            box.toggled.connect(self.changed)
            self.boxes[act_id] = box
        self._place()

    def _place(self) -> None:
        """Lay the boxes out in as many columns as fit (two at most)."""
        for index, box in enumerate(self.boxes.values()):
            self._grid.addWidget(box, index // self.columns, index % self.columns)

    def _widest(self) -> int:
        return max((b.sizeHint().width() for b in self.boxes.values()), default=0)

    def minimumSizeHint(self) -> QSize:
        """One column is enough: narrow windows reflow rather than scroll sideways."""
        hint = super().minimumSizeHint()
        margins = self.contentsMargins()
        return QSize(min(hint.width(), self._widest() + margins.left() + margins.right() + 24),
                     hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        spacing = self._grid.horizontalSpacing()
        fits = 2 * self._widest() + spacing + 40 <= event.size().width()
        columns = COLUMNS if fits else 1
        if columns != self.columns:
            self.columns = columns
            self._place()
