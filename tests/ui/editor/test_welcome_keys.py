"""The welcome page answers the keyboard: Enter presses the focused button, as Space does."""

from __future__ import annotations

from PySide6.QtCore import Qt

from carejournal.core.kinds import KINDS
from carejournal.ui.editor.welcome import WelcomePage


def test_enter_on_a_focused_button_presses_it(qtbot) -> None:
    page = WelcomePage()
    qtbot.addWidget(page)
    page.offer_protection(True)
    page.show()
    qtbot.waitExposed(page)
    for spec in KINDS:
        page.buttons[spec.kind].setFocus()
        with qtbot.waitSignal(page.new_entry) as chosen:
            qtbot.keyClick(page.buttons[spec.kind], Qt.Key.Key_Return)
        assert chosen.args == [spec.kind]
    page.protect_button.setFocus()
    with qtbot.waitSignal(page.protect):
        qtbot.keyClick(page.protect_button, Qt.Key.Key_Enter)
    page.not_now_button.setFocus()
    qtbot.keyClick(page.not_now_button, Qt.Key.Key_Return)
    assert not page.offer.isVisible()
