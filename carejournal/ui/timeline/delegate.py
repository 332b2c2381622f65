"""Paints a timeline row as two lines: the summary, then date, kind and people (or, while
searching, the date and the words around the match, the matched words in bold)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from carejournal.ui.timeline.model import META_ROLE, SNIPPET_ROLE, WHEN_ROLE

_PAD = 6
ELLIPSIS = "…"
Pieces = list[tuple[str, bool]]


def _muted(palette: QPalette) -> QColor:
    """Text colour softened towards the background, keeping good contrast in light or dark."""
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    mix = 0.72
    return QColor.fromRgbF(
        text.redF() * mix + base.redF() * (1 - mix),
        text.greenF() * mix + base.greenF() * (1 - mix),
        text.blueF() * mix + base.blueF() * (1 - mix))


def pieces_width(pieces: Pieces, plain: QFontMetrics, bold: QFontMetrics) -> int:
    """How wide the pieces are, the matched ones in bold."""
    return sum((bold if hit else plain).horizontalAdvance(text) for text, hit in pieces)


def fit_around_match(pieces: Pieces, plain: QFontMetrics, bold: QFontMetrics,
                     width: int) -> Pieces:
    """The snippet's pieces so the first match shows: when they are too wide, the words
    before the match are dropped from the left (an ellipsis in their place) until the match
    ends before the middle of the line, or begins it. What still does not fit is elided at
    the right when painted."""
    first = next((i for i, (_text, hit) in enumerate(pieces) if hit), None)
    if first is None or pieces_width(pieces, plain, bold) <= width:
        return pieces
    words = "".join(text for text, _hit in pieces[:first]).split(" ")
    match_end = pieces_width(pieces[:first + 1], plain, bold)
    kept = len(words)
    while kept > 1 and match_end > width // 2:
        kept -= 1
        before = ELLIPSIS + " ".join(words[len(words) - kept:]).lstrip(ELLIPSIS)
        match_end = pieces_width([(before, False), pieces[first]], plain, bold)
    if kept == len(words):
        return pieces
    before = ELLIPSIS + " ".join(words[len(words) - kept:]).lstrip(ELLIPSIS) if kept > 1 \
        else ELLIPSIS
    return [(before, False), *pieces[first:]]


def draw_pieces(painter: QPainter, rect: QRect, pieces: Pieces, font: QFont,
                colours: tuple[QColor, QColor]) -> None:
    """Draw the pieces on one line from the left, matches in bold and the stronger colour;
    the piece that reaches the right edge is elided there."""
    bold = QFont(font)
    bold.setBold(True)
    x = rect.left()
    for text, hit in pieces:
        use = bold if hit else font
        metrics = QFontMetrics(use)
        room = rect.right() - x
        shown = text if metrics.horizontalAdvance(text) <= room \
            else metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
        painter.setFont(use)
        painter.setPen(colours[1] if hit else colours[0])
        painter.drawText(QRect(QPoint(x, rect.top()), QSize(room, rect.height())),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
        x += metrics.horizontalAdvance(shown)
        if shown != text or x >= rect.right():
            break
    painter.setFont(font)


class TimelineDelegate(QStyledItemDelegate):
    """Two-line rows of one fixed height, so the view can use uniform item sizes."""

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        line = QFontMetrics(option.font).lineSpacing()
        return QSize(200, 2 * line + 3 * _PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        text = option.text
        option.text = ""
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        rect: QRect = option.rect.adjusted(_PAD * 2, _PAD, -_PAD * 2, -_PAD)
        line = QFontMetrics(option.font).lineSpacing()
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        strong = option.palette.color(group)
        painter.setPen(strong)
        first = QRect(rect.left(), rect.top(), rect.width(), line)
        painter.drawText(first, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(bold).elidedText(text, Qt.TextElideMode.ElideRight,
                                                       rect.width()))
        painter.setFont(option.font)
        soft = strong if selected else _muted(option.palette)
        second = QRect(rect.left(), rect.top() + line + _PAD // 2, rect.width(), line)
        pieces = index.data(SNIPPET_ROLE) or []
        if pieces:  # searching: the date, then the words around the match
            lead = f"{index.data(WHEN_ROLE)} · "
            room = rect.width() - QFontMetrics(option.font).horizontalAdvance(lead)
            fitted = fit_around_match(pieces, QFontMetrics(option.font), QFontMetrics(bold),
                                      room)
            draw_pieces(painter, second, [(lead, False), *fitted], option.font, (soft, strong))
        else:
            painter.setPen(soft)
            meta = str(index.data(META_ROLE) or "")
            painter.drawText(second, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             QFontMetrics(option.font).elidedText(
                                 meta, Qt.TextElideMode.ElideRight, rect.width()))
        painter.restore()
