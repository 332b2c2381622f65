"""Saving charts as PNG or SVG with Agg; the dispatcher; importing without matplotlib."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from carejournal.charts import NAMES, SERIES_OF, dark_theme, draw, save
from carejournal.charts.export import DPI, SIZE
from carejournal.core.domain import InvalidInput
from carejournal.core.patterns import Streaks
from tests.charts import all_text, clipped, empty_series, figure, period_of, worker

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("name", NAMES)
def test_every_chart_saves_as_png_and_svg(name: str, tmp_path: Path) -> None:
    period = period_of(13)
    series = worker(period)[SERIES_OF[name]]
    png, svg = tmp_path / f"{name}.png", tmp_path / f"{name}.SVG"
    info = save(name, series, png, period=period)
    save(name, series, svg, dark_theme(), period=period)
    assert png.read_bytes().startswith(PNG_SIGNATURE) and not info.empty
    text = svg.read_text(encoding="utf-8")
    assert "<svg" in text and dark_theme().figure_bg.lower() in text.lower()
    assert f"<title>{info.title}</title>" in text  # named for screen readers
    assert f">{info.title}</text>" in text  # words kept as text, not outlines


def test_a_png_has_the_sensible_size(tmp_path: Path) -> None:
    from matplotlib.image import imread

    path = tmp_path / "kinds.png"
    save("kinds", worker(period_of(4))["kinds"], path)
    height, width = imread(path).shape[:2]
    assert (width, height) == (round(SIZE[0] * DPI), round(SIZE[1] * DPI))


def test_a_saved_chart_carries_its_caption() -> None:
    fig = figure(*SIZE)
    info = draw("streaks", Streaks({period_of(1).until: 2}, 1, 1), fig, period=period_of(1),
                caption=True)
    assert " ".join(info.caption.split()) in " ".join(all_text(fig))
    assert not clipped(fig)
    window = figure()
    draw("streaks", Streaks({period_of(1).until: 2}, 1, 1), window, period=period_of(1))
    assert not any(t.startswith("Each square") for t in all_text(window))  # the UI shows it


def test_an_empty_chart_saves_its_friendly_words(tmp_path: Path) -> None:
    path = tmp_path / "acts.svg"
    info = save("acts", empty_series("acts", period_of(4)), path)
    assert info.empty and "No little things recorded" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("file_name", ["chart.pdf", "chart", "chart.png.txt"])
def test_other_suffixes_are_refused_in_plain_words(tmp_path: Path, file_name: str) -> None:
    with pytest.raises(InvalidInput, match=r"must end in \.png or \.svg"):
        save("kinds", worker(period_of(4))["kinds"], tmp_path / file_name)
    assert not (tmp_path / file_name).exists()


def test_an_unwritable_place_raises_oserror(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        save("kinds", worker(period_of(4))["kinds"], tmp_path / "missing" / "k.png")


def test_unknown_names_and_wrong_series_are_refused() -> None:
    with pytest.raises(InvalidInput, match="unknown chart 'pie': choose one of kinds, acts"):
        draw("pie", None, figure())
    with pytest.raises(TypeError, match="the lens chart draws a LensPerWeek, not a Streaks"):
        draw("lens", Streaks({}, 0, 0), figure())


def test_drawing_twice_on_one_figure_replaces_the_chart() -> None:
    fig = figure()
    period = period_of(4)
    draw("decisions", worker(period)["decisions"], fig, period=period)
    info = draw("kinds", worker(period)["kinds"], fig, period=period)
    assert len(fig.axes) == 1 and fig.get_suptitle() == info.title == "Entries per week"


def test_names_come_without_matplotlib_and_drawing_never_loads_qt_or_pyplot(
        tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from carejournal.charts import NAMES, SERIES_OF\n"
        "from carejournal.charts.theme import light_theme\n"
        "print('matplotlib' in sys.modules)\n"
        "from carejournal.charts import save\n"
        "from carejournal.core.patterns import Streaks\n"
        f"save('streaks', Streaks({{}}, 0, 0), {str(tmp_path / 's.png')!r})\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'matplotlib.pyplot',"
        " 'matplotlib.backends.backend_qt'))))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["False", "[]"]


def test_every_exported_name_resolves() -> None:
    import carejournal.charts as charts

    assert sorted(charts.__all__) == sorted(charts._WHERE)
    assert all(getattr(charts, name) is not None for name in charts.__all__)
    with pytest.raises(AttributeError):
        charts.nothing_here  # noqa: B018
