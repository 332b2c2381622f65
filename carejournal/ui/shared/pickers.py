"""Small choosers shared by the timeline filters and the Patterns window."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDateEdit


def date_edit(accessible: str) -> QDateEdit:
    """A date box with a calendar pop-up, showing dates as '3 Mar 2026'."""
    edit = QDateEdit()
    edit.setAccessibleName(accessible)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    return edit


def name_combo(any_label: str, accessible: str, width: int = 8) -> QComboBox:
    """A chooser of names whose first item (data "") means anyone."""
    combo = QComboBox()
    combo.setAccessibleName(accessible)
    combo.addItem(any_label, "")
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(width)
    return combo


def refill_names(combo: QComboBox, names: list[str]) -> None:
    """Offer these names after the first item, keeping the choice if it is still there.

    If the chosen name has gone, the chooser falls back to its first item and says so
    (currentIndexChanged), so whatever it filters is brought up to date.
    """
    current = combo.currentData()
    combo.blockSignals(True)
    while combo.count() > 1:
        combo.removeItem(1)
    for name in names:
        combo.addItem(name, name)
    found = combo.findData(current)
    combo.setCurrentIndex(max(found, 0))
    combo.blockSignals(False)
    if found < 0 and current:
        combo.currentIndexChanged.emit(0)
