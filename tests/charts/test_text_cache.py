"""The chart canvas's text cache must draw exactly the pixels matplotlib draws itself."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure

from carejournal.charts import NAMES, SERIES_OF, dark_theme, draw, light_theme, text_cache
from carejournal.charts.text_cache import CachedTextRenderer, fast_renderer_class
from tests.charts import period_of, worker

needs_glyph_api = pytest.mark.skipif(fast_renderer_class() is RendererAgg,
                                     reason="this matplotlib renders whole strings itself")


def rendered(renderer: type, name: str, weeks: int, dark: bool,
             size: tuple[float, float] = (5.85, 3.2)) -> np.ndarray:
    """The chart drawn on a new figure, captioned, rendered with this renderer class."""
    period = period_of(weeks)
    fig = Figure(figsize=size, dpi=100)
    canvas = FigureCanvasAgg(fig)
    draw(name, worker(period, 7)[SERIES_OF[name]], fig, dark_theme() if dark else light_theme(),
         period=period, caption=True)
    width, height = canvas.get_width_height(physical=True)
    canvas.renderer = renderer(width, height, fig.dpi)
    canvas._lastKey = (width, height, fig.dpi)  # use this renderer
    canvas.draw()
    return np.asarray(canvas.buffer_rgba()).copy()


@needs_glyph_api
@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(("weeks", "dark"), [(4, False), (53, True)])
def test_cached_text_draws_the_same_pixels_first_time_and_from_the_cache(
        name: str, weeks: int, dark: bool) -> None:
    text_cache.clear()
    plain = rendered(RendererAgg, name, weeks, dark)
    assert np.array_equal(rendered(CachedTextRenderer, name, weeks, dark), plain)
    assert text_cache._GLYPHS, "the glyphs were kept"
    assert np.array_equal(rendered(CachedTextRenderer, name, weeks, dark), plain)


@needs_glyph_api
def test_glyphs_kept_from_one_size_serve_another_exactly() -> None:
    """The same labels land at other sub-pixel offsets on a narrower figure."""
    text_cache.clear()
    rendered(CachedTextRenderer, "kinds", 13, False)
    narrow = (4.13, 2.9)
    assert np.array_equal(rendered(CachedTextRenderer, "kinds", 13, False, narrow),
                          rendered(RendererAgg, "kinds", 13, False, narrow))


def test_the_caches_forget_the_least_recently_used_beyond_their_size() -> None:
    kept = text_cache._Lru(2)
    kept.keep("a", 1)
    kept.keep("b", 2)
    assert kept.fetch("a") == 1  # "b" is now the least recently used
    kept.keep("c", 3)
    assert list(kept) == ["a", "c"]
    assert kept.fetch("b") is None
