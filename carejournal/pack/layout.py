"""Layout arithmetic shared by the PDF and Word writers."""

from __future__ import annotations


def share_widths(least: list[float], wanted: list[float], room: float) -> list[float]:
    """Column widths as fractions: every column gets its least, spare room goes where wanted."""
    wanted = [max(w, m) for w, m in zip(wanted, least, strict=True)]
    if sum(wanted) <= room or sum(least) >= room:
        grown = wanted if sum(wanted) <= room else least
    else:
        spare = (room - sum(least)) / sum(w - m for w, m in zip(wanted, least, strict=True))
        grown = [m + (w - m) * spare for w, m in zip(wanted, least, strict=True)]
    total = sum(grown) or 1.0
    return [w / total for w in grown]


def text_widths(header: tuple[str, ...], rows: tuple[tuple[str, ...], ...],
                room: float) -> list[float]:
    """Column fractions from character counts (for writers that cannot measure text)."""
    least: list[float] = []
    wanted: list[float] = []
    for index, title in enumerate(header):
        texts = [title, *(row[index] for row in rows)]
        words = [len(w) for t in texts for w in t.split()]
        lines = [len(line) for t in texts for line in t.split("\n")]
        least.append(min(max(words, default=1) + 2, room * 0.3))
        wanted.append(min(max(lines, default=1) + 2, room))
    return share_widths(least, wanted, room)
