"""The calm banners share one way of showing their words: a bold title, the detail under it,
anything else under those, and the buttons to the right; `say` shows them, and a screen
reader is given both lines."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QPushButton, QWidget

from carejournal.ui.backups.offsite_reminder import OffsiteBanner
from carejournal.ui.cpd.controller import DeadlineBanner
from carejournal.ui.shared.colours import CalmFrame


class Banner(CalmFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("testBanner")
        self.button = QPushButton("Do it")
        self.under = QPushButton("Never")
        self._build_banner([self.button], under=[self.under], detail="Made with it.")
        self._restyle()
        self.hide()


def at(widget: QWidget, banner: QWidget) -> QPoint:
    return widget.mapTo(banner, QPoint(0, 0))


def test_the_words_stack_and_the_buttons_stand_beside_them(qtbot: Any) -> None:
    banner = Banner()
    qtbot.addWidget(banner)
    assert banner.detail.text() == "Made with it." and not banner.isVisible()
    banner.say("A title", "The detail.")
    assert banner.isVisible()
    assert (banner.title.text(), banner.detail.text()) == ("A title", "The detail.")
    assert banner.accessibleDescription() == "A title The detail."
    assert banner.title.font().weight() == QFont.Weight.DemiBold
    title, detail, under = (at(w, banner) for w in (banner.title, banner.detail, banner.under))
    assert title.y() < detail.y() < under.y() and under.x() == title.x()
    assert at(banner.button, banner).x() > banner.title.geometry().right()


def test_the_reminders_are_built_the_same_way(qtbot: Any) -> None:
    deadline, offsite, plain = DeadlineBanner(), OffsiteBanner(), Banner()
    for banner in (deadline, offsite, plain):
        qtbot.addWidget(banner)
    deadline.show_due(14, "CPD 20 of 35 hours")
    offsite.say("Copy your journal off this laptop", "It has been a while.")
    for banner in (deadline, offsite):
        assert banner.title.font() == plain.title.font()
        assert banner.accessibleDescription() == \
            f"{banner.title.text()} {banner.detail.text()}"
    assert deadline.title.text() == "14 days to your registration deadline."


def test_a_banner_follows_the_theme_both_ways(qtbot: Any, qapp: Any) -> None:
    from PySide6.QtWidgets import QVBoxLayout

    from carejournal.ui.settings.appearance import dark_palette, light_palette

    before = qapp.palette()
    window = QWidget()
    qtbot.addWidget(window)
    banner = Banner()
    QVBoxLayout(window).addWidget(banner)
    window.show()
    banner.say("A title", "The detail.")
    try:
        for palette, box in ((dark_palette(), "#1f3a4d"), (light_palette(), "#e8f1fb"),
                             (dark_palette(), "#1f3a4d")):
            qapp.setPalette(palette)
            qtbot.waitUntil(lambda box=box: banner.palette().color(
                QPalette.ColorRole.Window).name() == box, timeout=1000)
            for words in (banner.title, banner.detail):
                assert words.palette().color(QPalette.ColorRole.WindowText) == \
                    banner.palette().color(QPalette.ColorRole.WindowText), "the words follow"
    finally:
        qapp.setPalette(before)
