"""The pack's charts: the ones declared in_pack, in order, with people's names protected."""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

from carejournal.charts.registry import pack_charts
from carejournal.pack.build import _charts
from carejournal.pack.content import PackContent
from carejournal.pack.document import Image
from tests.charts import period_of, worker

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_the_pack_draws_its_declared_charts_from_protected_names() -> None:
    period = period_of(6)
    series = worker(period)
    content = cast(PackContent, SimpleNamespace(
        period=period, decisions=series["decisions"], plans=series["plans"]))
    scrubbed: list[str] = []

    def scrub(text: str) -> str:
        scrubbed.append(text)
        return "X.Y."

    blocks = _charts(content, scrub)
    assert all(isinstance(block, Image) for block in blocks)
    images = cast(list[Image], blocks)
    assert [image.caption for image in images] == ["Decisions on the ladder of co-production",
                                                   "Attempts at goals"]
    for image, spec in zip(images, pack_charts(), strict=True):
        assert image.caption == spec.words.title and image.alt.startswith(spec.words.caption)
        assert image.png.startswith(PNG_SIGNATURE)
    goals = series["plans"].goals
    assert scrubbed == [text for goal in goals for text in (goal.person, goal.text)]
