"""Search results: the matched words in bold, kept in view however narrow the list."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QFont, QFontMetrics

from carejournal.core.domain import EntryKind
from carejournal.services.journal import Journal
from carejournal.ui.main_window import MainWindow
from carejournal.ui.timeline import delegate
from carejournal.ui.timeline.delegate import ELLIPSIS, fit_around_match, pieces_width
from tests.conftest import draft

LONG = ("After lunch we sat in the lounge for a long while and talked about the garden, the "
        "birds he feeds every morning and the allotment he had as a boy, and then the tea "
        "he likes, strong with two sugars, and the mug with the blue stripe.")


def _search(qtbot, window: MainWindow, words: str) -> None:
    window.timeline.filters.search.setText(words)
    qtbot.waitUntil(lambda: window.timeline.model.rowCount() == 1
                    and bool(window.timeline.model.index(0).data(delegate.SNIPPET_ROLE)),
                    timeout=3000)


def test_the_match_is_in_bold_not_in_brackets(journal: Journal, make_window, qtbot,
                                              monkeypatch) -> None:
    journal.add(draft(LONG + " [sic] <b>", EntryKind.INTERACTION, dt.date(2026, 3, 1)))
    window = make_window()
    window.resize(1100, 600)
    _search(qtbot, window, "tea")
    index = window.timeline.model.index(0)
    assert "[tea]" not in index.data(delegate.META_ROLE)
    assert "\x02" not in index.data(delegate.META_ROLE)
    tooltip = index.data(delegate.Qt.ItemDataRole.ToolTipRole)
    assert "<b>tea</b>" in tooltip and "[tea]" not in tooltip
    drawn: list[list[tuple[str, bool]]] = []
    real = delegate.draw_pieces
    monkeypatch.setattr(delegate, "draw_pieces",
                        lambda p, r, pieces, f, c: (drawn.append(pieces), real(p, r, pieces, f, c)))
    window.timeline.view.grab()
    assert drawn, "the row was painted with the snippet"
    assert ("tea", True) in drawn[-1]
    assert all(not hit for text, hit in drawn[-1] if text != "tea")


def test_a_narrow_list_keeps_the_match_in_view(journal: Journal, make_window, qtbot,
                                               monkeypatch) -> None:
    journal.add(draft(LONG, EntryKind.INTERACTION, dt.date(2026, 3, 1)))
    window = make_window()
    window.splitter.setSizes([260, 900])
    _search(qtbot, window, "sugars")
    drawn: list[list[tuple[str, bool]]] = []
    real = delegate.draw_pieces
    monkeypatch.setattr(delegate, "draw_pieces",
                        lambda p, r, pieces, f, c: (drawn.append(pieces), real(p, r, pieces, f, c)))
    window.timeline.view.grab()
    pieces = drawn[-1]
    font = window.timeline.view.font()
    bold = QFont(font)
    bold.setBold(True)
    hit = next(i for i, (_t, matched) in enumerate(pieces) if matched)
    width = window.timeline.view.viewport().width()
    assert pieces_width(pieces[:hit + 1], QFontMetrics(font), QFontMetrics(bold)) < width
    assert pieces[1][0].startswith(ELLIPSIS), "the words before it make way"


def test_fitting_drops_words_from_the_left_only_when_needed(qapp) -> None:
    plain, bold = QFontMetrics(QFont()), QFont()
    bold.setBold(True)
    strong = QFontMetrics(bold)
    pieces = [("…one two three four five six seven eight ", False), ("tea", True),
              (" nine ten", False)]
    assert fit_around_match(pieces, plain, strong, 10_000) == pieces
    fitted = fit_around_match(pieces, plain, strong, 160)
    assert fitted[1:] == pieces[1:]
    assert fitted[0][0].startswith("…") and fitted[0][0].endswith("eight ")
    assert pieces_width(fitted[:2], plain, strong) <= 80 or fitted[0][0] == "…eight "
    assert fit_around_match([("no match at all", False)], plain, strong, 10) == [
        ("no match at all", False)]
    assert fit_around_match([("tea", True), (" then more", False)], plain, strong, 10)[0] == (
        "tea", True)
