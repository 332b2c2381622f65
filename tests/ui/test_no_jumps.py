"""Nothing jumps when a notice appears: the due-actions notice has its room in the status
bar, and each preparation step keeps a line's room for what it says."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from carejournal.services.journal import Journal
from carejournal.ui.main_window import MainWindow
from carejournal.ui.supervision.wizard import PrepareWizard
from tests.ui.supervision.prep_journal import TODAY, fill


def _where(widget) -> tuple[int, int, int, int]:
    top_left = widget.mapTo(widget.window(), QPoint(0, 0))
    return top_left.x(), top_left.y(), widget.width(), widget.height()


def test_the_due_actions_notice_does_not_move_the_journal(window: MainWindow) -> None:
    before = _where(window.splitter), window.statusBar().height()
    window.practice.due_notice.set_count(2)
    QApplication.processEvents()
    assert window.practice.due_notice.isVisible()
    assert (_where(window.splitter), window.statusBar().height()) == before


def test_a_preparation_step_does_not_jump_when_it_says_something(journal: Journal,
                                                                 qtbot) -> None:
    fill(journal)
    wizard = PrepareWizard(journal, journal.supervision.prepare_next(TODAY))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    page = wizard.currentPage()
    others = [w for w in page.findChildren(type(page.message)) if w is not page.message
              and w.isVisible()]
    before = [_where(w) for w in others]
    page.say("Saved. Your choice is kept for the pack.")
    QApplication.processEvents()
    assert page.message.isVisible()
    assert [_where(w) for w in others] == before
    page.say("")
    QApplication.processEvents()
    assert [_where(w) for w in others] == before


def test_the_notice_shortens_a_long_text_on_one_line_and_keeps_it_whole_in_its_tooltip(
        qtbot) -> None:
    from carejournal.ui.shared.elided import ElidedLabel

    label = ElidedLabel()
    qtbot.addWidget(label)
    words = "Ŝöḿé ŵöŕðś ìñ á ĺöñĝéŕ ĺáñĝúáĝé ţĥáţ ñééð ḿöŕé ŕööḿ ţĥáñ ţĥéŕé íś " * 3
    label.setText(words)
    label.resize(200, label.sizeHint().height())
    label.show()
    one_line = label.height()
    assert label.text().endswith("…") and len(label.text()) < len(words)
    assert label.toolTip() == words == label.whole_text()
    label.resize(label.sizeHint())
    assert label.text() == words and label.height() == one_line
