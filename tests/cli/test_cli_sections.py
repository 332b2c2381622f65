"""Reading sections files: headings by key or label, action items, JSON and Markdown."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from carejournal.cli.sections import parse_markdown, read_sections
from carejournal.core.domain import ActionItem, InvalidInput
from carejournal.core.templates import fallibility, find_model


def test_headings_match_keys_or_labels_whatever_the_case_and_punctuation() -> None:
    driscoll = find_model("driscoll")
    found = parse_markdown("## WHAT\nA fall.\n## so what\nScared.\n## Now What? ##\nAsk.\n",
                           driscoll, "f.md")
    assert found.sections == (("what", "A fall."), ("so-what", "Scared."), ("now-what", "Ask."))
    johns = find_model("johns")
    assert parse_markdown("## Knowledge\nThe policy.\n", johns, "f.md").sections == (
        ("empirics", "The policy."),)


def test_unknown_headings_list_keys_and_differing_labels() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_markdown("## Gut feeling\nx\n", find_model("johns"), "f.md")
    message = str(caught.value)
    assert message.startswith("f.md, line 1: unknown section 'Gut feeling' for Johns")
    assert "description, aesthetics" in message and "empirics (Knowledge)" in message


def test_action_items_only_under_the_action_section() -> None:
    text = ("## Description\n- a list that stays text\n\n## Action plan\nPlan:\n"
            "+ Ring Ann (review on today)\n  in the morning\n\n  indented after a gap\n"
            "- Read up (review by: 2026-12-01)\n- (review the notes) first\n")
    found = parse_markdown(text, find_model("gibbs"), "f.md")
    assert found.sections == (("description", "- a list that stays text"),
                              ("action-plan", "Plan:\n\n  indented after a gap"))
    assert found.actions == (ActionItem("Ring Ann in the morning", dt.date.today()),
                             ActionItem("Read up", dt.date(2026, 12, 1)),
                             ActionItem("(review the notes) first"))


def test_choice_sections_take_a_key_or_a_label() -> None:
    prompts = fallibility()
    found = parse_markdown("Late again.\n## Area of my life\nkeeping promises\n", prompts, "f")
    assert (found.body, found.sections) == ("Late again.", (("area", "promises"),))
    with pytest.raises(InvalidInput, match="'Gardening' is not a choice for Area of my life"):
        parse_markdown("## area\nGardening\n", prompts, "f.md")


def test_json_with_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "notes"
    path.write_bytes('\ufeff{"situation": "Handover", "future": "Ask"}'.encode())
    found = read_sections(str(path), find_model("self"))
    assert found.sections == (("situation", "Handover"), ("future", "Ask"))
    path.write_text("[not JSON, just Markdown", encoding="utf-8")
    with pytest.raises(InvalidInput, match="is not valid JSON"):
        read_sections(str(path), find_model("self"))
    path.with_suffix(".md").write_text("[a link](x)\n", encoding="utf-8")
    assert read_sections(str(path.with_suffix(".md")), find_model("self")).body == "[a link](x)"
