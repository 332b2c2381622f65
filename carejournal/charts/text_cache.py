"""An Agg renderer that remembers how it laid out and rendered text, pixel for pixel.

matplotlib 3.11 shapes every string (about 0.4 ms) and renders every glyph through FreeType
one by one (some 40 µs each) each time a chart is drawn: about 1.4 ms a label, 30–60 ms of
each chart's render, and the largest part of switching the Patterns view's period. Charts
draw the same few strings and glyphs again and again (digits, months, weekdays, titles), so
this renderer keeps the shaped strings and the glyph bitmaps. A glyph's bitmap depends only
on where it falls within a pixel (FreeType works in 1/64 px), so it is kept per sub-pixel
offset and moved by whole pixels: the picture is identical to matplotlib's own.

Older matplotlib (before 3.11) renders whole strings in C++ already; there
`fast_renderer_class()` gives its plain RendererAgg.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Hashable
from functools import cache
from typing import Any

import matplotlib.backends.backend_agg as backend_agg
import numpy as np
from matplotlib.backends.backend_agg import RendererAgg

MAX_STRINGS = 4096  # shaped strings kept (a chart shows a few dozen)
MAX_GLYPHS = 32768  # glyph bitmaps kept (each a few hundred bytes)


class _Lru(OrderedDict[Hashable, Any]):
    """A dict that forgets its least recently used entries beyond a size."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def fetch(self, key: Hashable) -> Any:
        found = self.get(key)
        if found is not None:
            self.move_to_end(key)
        return found

    def keep(self, key: Hashable, value: Any) -> Any:
        self[key] = value
        if len(self) > self.size:
            self.popitem(last=False)
        return value


_STRINGS = _Lru(MAX_STRINGS)
_GLYPHS = _Lru(MAX_GLYPHS)


def _supported() -> bool:
    """Whether this matplotlib draws text glyph by glyph with the API this module uses."""
    from matplotlib import ft2font

    font_class = getattr(ft2font, "FT2Font", None)
    return (hasattr(RendererAgg, "_draw_text_glyphs_and_boxes")
            and hasattr(RendererAgg, "_prepare_font")
            and all(hasattr(font_class, name) for name in ("_layout", "_render_glyph",
                                                           "_set_transform"))
            and hasattr(backend_agg, "get_hinting_flag"))


class CachedTextRenderer(RendererAgg):
    """RendererAgg drawing plain (non-math) text from cached shapes and glyph bitmaps."""

    def draw_text(self, gc: Any, x: float, y: float, s: str, prop: Any, angle: float,
                  ismath: Any = False, mtext: Any = None) -> None:
        if ismath:
            super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
            return
        font = self._prepare_font(prop)
        flags = backend_agg.get_hinting_flag()
        features = mtext.get_fontfeatures() if mtext is not None else None
        language = mtext.get_language() if mtext is not None else None
        size = prop.get_size_in_points()
        items = _shaped(font, size, self.dpi, s, flags, features, language)
        antialiased = bool(gc.get_antialiased())
        cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        matrix = (0x10000 * np.array([[cos, -sin], [sin, cos]])).round().astype(int)
        height = self.height
        for ft_object, glyph_index, dx, dy in items:  # dy is upwards
            # as RendererAgg._draw_text_glyphs_and_boxes places the glyph, in 1/64 px
            px = round(0x40 * (x + dx * cos - dy * sin))
            py = round(0x40 * (height - y + dx * sin + dy * cos))
            buffer, left, top = self._glyph(ft_object, size, glyph_index, flags, angle,
                                            matrix, px & 63, py & 63, antialiased)
            left += px >> 6
            top += py >> 6
            self._renderer.draw_text_image(buffer, left, int(height) - top + buffer.shape[0],
                                           0, gc)

    def _glyph(self, font: Any, size: float, index: int, flags: Any, angle: float,
               matrix: Any, sub_x: int, sub_y: int,
               antialiased: bool) -> tuple[Any, int, int]:
        """The glyph's bitmap at this sub-pixel offset, with its left and top edges
        relative to the whole pixel it is placed at."""
        key = (font, size, self.dpi, index, flags, angle, sub_x, sub_y, antialiased)
        found = _GLYPHS.fetch(key)
        if found is not None:
            return found
        from matplotlib.ft2font import RenderMode

        font.set_size(size, self.dpi)
        font._set_transform(matrix, [sub_x, sub_y])
        bitmap = font._render_glyph(
            index, flags, RenderMode.NORMAL if antialiased else RenderMode.MONO)
        buffer = np.array(bitmap.buffer, copy=True)
        if not antialiased:
            buffer *= 0xff
        return _GLYPHS.keep(key, (buffer, int(bitmap.left), int(bitmap.top)))


def _shaped(font: Any, size: float, dpi: float, text: str, flags: Any, features: Any,
            language: Any) -> tuple[tuple[Any, int, float, float], ...]:
    """The string's glyphs (font, index, x, y), as FT2Font._layout shapes them."""
    key = (font, size, dpi, text, flags,
           tuple(features) if features is not None else None,
           language if isinstance(language, Hashable) else repr(language))
    found = _STRINGS.fetch(key)
    if found is not None:
        return found
    items = font._layout(text, flags=flags, features=features,
                         language=language)
    shaped = tuple((item.ft_object, item.glyph_index, item.x, item.y) for item in items)
    return _STRINGS.keep(key, shaped)


@cache
def fast_renderer_class() -> type[RendererAgg]:
    """The renderer class a chart canvas should use with this matplotlib."""
    return CachedTextRenderer if _supported() else RendererAgg


def clear() -> None:
    """Forget every shaped string and glyph (for tests)."""
    _STRINGS.clear()
    _GLYPHS.clear()
