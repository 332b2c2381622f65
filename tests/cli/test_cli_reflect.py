"""`carejournal add` with structured parts, `show` of them, and `models` / `ladder`."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from carejournal.core import catalogues, resources, templates
from carejournal.core.domain import EntryKind
from carejournal.services.journal import Journal
from tests.cli.helpers import cli_json, ok, refused
from tests.conftest import draft

Capture = pytest.CaptureFixture[str]

GIBBS_MARKDOWN = """\
# After the market

We had planned this for weeks.

## description
We took the 10:15 bus.

```
## Feelings  (inside a code block: not a heading)
```

## Feelings ##
Nervous, then glad.

## Action Plan
Ask Ann first next time.
- Ring Ann's daughter (review 2026-12-01)
* Book the minibus
  for the trip in spring (Review: 2027-03-01)
- Say thank you to the driver
"""


@pytest.fixture
def seeded(journal_path: Path) -> Path:
    """Entry 1 an interaction, 2 a reflection, 3 an interaction in the trash."""
    journal = Journal.open(journal_path, create=True)
    journal.add(draft("Bus to the market", people=("Ann",)))
    journal.add(draft("Thinking it over", kind=EntryKind.REFLECTION))
    journal.trash([journal.add(draft("Gone"))])
    journal.close()
    return journal_path


def count(path: Path) -> int:
    journal = Journal.open(path, create=True)
    try:
        return journal.count() + journal.count(trashed=True)
    finally:
        journal.close()


def show(capsys: Capture, path: Path, entry_id: int) -> dict:
    [entry] = cli_json(capsys, path, "show", str(entry_id))
    return entry


# -- interactions -----------------------------------------------------------------------------
def test_interaction_with_strengths_acts_and_decisions(capsys: Capture,
                                                       journal_path: Path) -> None:
    assert ok(capsys, journal_path, "add", "--kind", "interaction", "--person", "Ann",
              "--strengths", "Knows every bus route", "--act", "tea=two sugars",
              "--act", "smile", "--decision", "co-production+choices: Chose the route together",
              "--decision", "informing:  Told her the   day centre is shut",
              "--decision", "Coercion+no-choices: Locked the gate",
              "Bus to the market") == "Added entry 1.\n"
    entry = show(capsys, journal_path, 1)
    assert entry["strengths"] == "Knows every bus route"
    assert [(a["act"], a["note"]) for a in entry["little_things"]] == [
        ("A cup of tea", "two sugars"), ("A smile", "")]
    assert entry["decisions"] == [
        {"text": "Chose the route together", "rung": "co-production",
         "rung_label": "Co-production", "relation": "with", "choices_offered": True},
        {"text": "Told her the day centre is shut", "rung": "informing",
         "rung_label": "Informing", "relation": "for", "choices_offered": None},
        {"text": "Locked the gate", "rung": "coercion", "rung_label": "Coercion",
         "relation": "to", "choices_offered": False}]
    text = ok(capsys, journal_path, "show", "1")
    assert "Strengths: Knows every bus route\n" in text
    assert "Little thing: A cup of tea — two sugars\n" in text
    assert ("Decision: Chose the route together (Co-production, done with the person; "
            "choices offered)\n") in text
    assert "Decision: Told her the day centre is shut (Informing, done for the person)\n" in text
    assert "(Coercion, done to the person; no choices offered)" in text
    assert text.rstrip().endswith("Bus to the market")


def test_acts_alone_make_a_kindness_entry(capsys: Capture, journal_path: Path) -> None:
    ok(capsys, journal_path, "add", "--kind", "kindness", "--act", "1", "--act",
       "had time for the answer=", "--title", "Morning round")
    assert len(show(capsys, journal_path, 1)["little_things"]) == 2
    ok(capsys, journal_path, "add", "--kind", "kindness", "--act", "hug=when asked")
    [row] = cli_json(capsys, journal_path, "list", "-n", "1")
    assert row["title"] == "A hug", "the act names an entry that has no words of its own"


# -- reflections ------------------------------------------------------------------------------
def test_reflection_from_a_markdown_file(capsys: Capture, journal_path: Path,
                                         tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(GIBBS_MARKDOWN, encoding="utf-8")
    ok(capsys, journal_path, "add", "--kind", "reflection", "--model", "Gibbs",
       "--sections", str(notes))
    entry = show(capsys, journal_path, 1)
    assert (entry["title"], entry["body"]) == ("After the market",
                                               "We had planned this for weeks.")
    assert (entry["model"], entry["model_name"]) == ("gibbs", "Gibbs' reflective cycle")
    assert [(s["key"], s["label"]) for s in entry["sections"]] == [
        ("description", "Description"), ("feelings", "Feelings"), ("action-plan", "Action plan")]
    description, feelings, plan = (s["text"] for s in entry["sections"])
    assert "## Feelings  (inside a code block" in description
    assert (feelings, plan) == ("Nervous, then glad.", "Ask Ann first next time.")
    assert [(a["text"], a["review_on"], a["done_on"]) for a in entry["actions"]] == [
        ("Ring Ann's daughter", "2026-12-01", None),
        ("Book the minibus for the trip in spring", "2027-03-01", None),
        ("Say thank you to the driver", None, None)]
    text = ok(capsys, journal_path, "show", "1")
    assert text.startswith("Entry 1 · reflection · ")
    assert "Model: Gibbs' reflective cycle\n" in text
    assert "\n## Feelings\nNervous, then glad.\n" in text
    assert "\nActions:\n  [ ] 1  Ring Ann's daughter  (review 2026-12-01)\n" in text


def test_a_title_option_keeps_the_files_heading_as_text(capsys: Capture, journal_path: Path,
                                                        tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("# From the file\nFirst words.\n## What?\nA fall.\n", encoding="utf-8")
    ok(capsys, journal_path, "add", "--kind", "reflection", "--model", "driscoll",
       "--sections", str(notes), "--title", "Given")
    entry = show(capsys, journal_path, 1)
    assert (entry["title"], entry["body"]) == ("Given", "# From the file\n\nFirst words.")


def test_reflection_from_json_on_stdin(capsys: Capture, journal_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    data = ('{"When I reflected": "On action: looking back afterwards", "situation": "A fall",'
            ' "thinking": null, "body": "More later.", "title": "Night shift",'
            ' "actions": ["Read the falls policy", {"text": "Ask for training",'
            ' "review": "2026-12-24"}]}')
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    ok(capsys, journal_path, "add", "--kind", "reflection", "--model", "schon",
       "--sections", "-")
    entry = show(capsys, journal_path, 1)
    assert entry["sections"] == [
        {"key": "mode", "label": "When I reflected", "text": "on-action",
         "option_label": "On action: looking back afterwards"},
        {"key": "situation", "label": "The situation", "text": "A fall", "option_label": None}]
    assert (entry["title"], entry["body"]) == ("Night shift", "More later.")
    assert [a["review_on"] for a in entry["actions"]] == [None, "2026-12-24"]
    assert "## When I reflected\nOn action: looking back afterwards\n" in ok(
        capsys, journal_path, "show", "1")


def test_free_writing_takes_the_whole_markdown_file(capsys: Capture, journal_path: Path,
                                                    tmp_path: Path) -> None:
    notes = tmp_path / "free.txt"
    notes.write_text("## Morning\nQuiet.\n## Evening\nBusy.\n", encoding="utf-8")
    ok(capsys, journal_path, "add", "--kind", "reflection", "--sections", str(notes))
    entry = show(capsys, journal_path, 1)
    assert (entry["model"], entry["sections"]) == ("free", [])
    assert entry["body"] == "## Morning\nQuiet.\n## Evening\nBusy."


# -- fallibility and the mirror ---------------------------------------------------------------
def test_a_mirror_links_both_entries(capsys: Capture, seeded: Path) -> None:
    assert ok(capsys, seeded, "add", "--kind", "fallibility", "--mirror-of", "1", "--date",
              "2026-03-03", "--area", "Time-keeping", "--treated", "With patience",
              "--expectations", "That Ann is never late", "Late for my own dentist") == (
        "Added entry 4, mirroring entry 1.\n")
    mirror = show(capsys, seeded, 4)
    assert mirror["links"] == [{"entry_id": 1, "kind": "mirror", "direction": "outgoing",
                                "other_kind": "interaction", "occurred_on": "2026-03-02",
                                "summary": "Bus to the market"}]
    assert [(s["key"], s["text"], s["option_label"]) for s in mirror["sections"]] == [
        ("area", "time-keeping", "Time-keeping"), ("treated", "With patience", None),
        ("expectations", "That Ann is never late", None)]
    assert mirror["model"] == "fallibility" and mirror["model_name"] is None
    assert show(capsys, seeded, 1)["links"][0]["direction"] == "incoming"
    original = ok(capsys, seeded, "show", "1")
    assert ("Mirrored by entry 4 (fallibility, 2026-03-03): Late for my own dentist\n"
            in original)
    text = ok(capsys, seeded, "show", "4")
    assert "Mirrors entry 1 (interaction, 2026-03-02): Bus to the market\n" in text
    assert "\n## Area of my life\nTime-keeping\n" in text


def test_flags_win_over_the_sections_file(capsys: Capture, journal_path: Path,
                                          tmp_path: Path) -> None:
    notes = tmp_path / "slip.md"
    notes.write_text("Forgot to ring back.\n\n## Area\nkeeping promises\n\n"
                     "## What it tells me\nThat we all forget.\n", encoding="utf-8")
    ok(capsys, journal_path, "add", "--kind", "fallibility", "--sections", str(notes),
       "--area", "temper")
    entry = show(capsys, journal_path, 1)
    assert entry["body"] == "Forgot to ring back."
    assert [(s["key"], s["text"]) for s in entry["sections"]] == [
        ("area", "temper"), ("expectations", "That we all forget.")]


# -- refusals ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("args", "words"), [
    (["--kind", "interaction", "--act", "juggling", "x"], ["cup-of-tea (A cup of tea)"]),
    (["--kind", "kindness", "--act", "tea", "--act", "cup-of-tea=x"], [
        "“A cup of tea” is given twice"]),
    (["--kind", "interaction", "--decision", "top: x"], ["unknown rung 'top'", "co-design"]),
    (["--kind", "interaction", "--decision", "we chose the bus"], ["'RUNG: what was decided'"]),
    (["--kind", "interaction", "--decision", "co-design+maybe: x"], ["+choices", "+no-choices"]),
    (["--kind", "reflection", "--model", "gibs", "x"], ["unknown reflective model 'gibs'",
                                                         "gibbs, driscoll"]),
    (["--kind", "interaction", "--model", "gibbs", "x"], ["--model is for reflection entries"]),
    (["--kind", "reflection", "--strengths", "kind", "x"], ["--strengths is for interaction"]),
    (["--kind", "interaction", "--sections", "f.md"], ["--sections is for reflection or fall"]),
    (["--kind", "reflection", "--mirror-of", "1", "x"], ["--mirror-of is for fallibility"]),
    (["--kind", "reflection", "--act", "tea", "x"], ["--act is for interaction or kindness"]),
    (["--kind", "kindness", "--area", "temper", "x"], ["--area is for fallibility entries"]),
    (["--kind", "fallibility", "--area", "gardening", "x"], [
        "'gardening' is not a choice for Area of my life", "time-keeping, temper"]),
    (["--kind", "fallibility", "--mirror-of", "2", "x"], ["entry 2 is a reflection entry",
                                                          "only interaction entries"]),
    (["--kind", "fallibility", "--mirror-of", "99", "x"], ["There is no entry 99."]),
    (["--kind", "fallibility", "--mirror-of", "3", "x"], ["entry 3 is in the trash"]),
    (["--kind", "reflection", "--sections", "-", "-"], ["standard input can be read only once"]),
    (["--kind", "reflection", "--sections", "missing.md"], ["cannot read missing.md"]),
    (["--kind", "reflection"], ["nothing to add"]),
])
def test_bad_structured_input_is_refused(capsys: Capture, seeded: Path, args: list[str],
                                         words: list[str]) -> None:
    err = refused(capsys, seeded, "add", *args)
    for word in words:
        assert word in err
    assert count(seeded) == 3


@pytest.mark.parametrize(("name", "content", "words"), [
    ("s.json", b'{"description": "a",', ["s.json is not valid JSON", "line 1"]),
    ("s.json", b'["a list"]', ["must hold one JSON object"]),
    ("s.json", b'{"description": "caf\xe9"}', ["not UTF-8"]),
    ("s.json", b'{"descriptoin": "x"}', ["unknown section 'descriptoin' for Gibbs",
                                         "description, feelings", "action-plan"]),
    ("s.json", b'{"description": 3}', ['"description" must be text']),
    ("s.json", b'{"description": "a", "Description": "b"}', ["Description is given twice"]),
    ("s.json", b'{"feelings": "a", "feelings": "b"}', ['"feelings" is given twice']),
    ("s.json", b'{"actions": "ring"}', ['"actions" must be a list']),
    ("s.json", b'{"actions": [{"text": "x", "review": "soon"}]}', [
        "action 1", "invalid date 'soon'"]),
    ("s.json", b'{"actions": [{"text": "x", "when": "today"}]}', ["unknown key 'when'"]),
    ("s.json", b'{"actions": [{"review": "today"}]}', ['action 1 needs some "text"']),
    ("s.json", b'{"actions": [7]}', ["action 1 must be text or an object"]),
    ("s", b'{"description": "a"} trailing', ["is not valid JSON"]),
    ("s.md", b"Intro\n\n## Descriptoin\nx\n", ["s.md, line 3", "unknown section 'Descriptoin'"]),
    ("s.md", b"## Action plan\nSoon.\n- Ring (review 2026-13-45)\n", [
        "s.md, line 3", "invalid date '2026-13-45'"]),
    ("s.md", b"## Action plan\n- (review 2026-12-01)\n", ["needs some words before"]),
    ("s.md", b"## Analysis\na\n## analysis\nb\n", ["the section Analysis is given twice"]),
    ("s.md", b"text \xff\xfe\n", ["not UTF-8"]),
])
def test_malformed_sections_files_add_nothing(capsys: Capture, seeded: Path, tmp_path: Path,
                                              name: str, content: bytes,
                                              words: list[str]) -> None:
    (tmp_path / name).write_bytes(content)
    err = refused(capsys, seeded, "add", "--kind", "reflection", "--model", "gibbs",
                  "--sections", str(tmp_path / name))
    for word in words:
        assert word in err
    assert count(seeded) == 3


def test_actions_need_a_model_with_an_action_plan(capsys: Capture, journal_path: Path,
                                                  tmp_path: Path) -> None:
    (tmp_path / "free.json").write_text('{"actions": ["Ring"]}', encoding="utf-8")
    err = refused(capsys, journal_path, "add", "--kind", "reflection", "--sections",
                  str(tmp_path / "free.json"))
    assert "Free writing has no action plan section" in err
    (tmp_path / "free.json").write_text('{"body": "x", "what": "y"}', encoding="utf-8")
    err = refused(capsys, journal_path, "add", "--kind", "reflection", "--sections",
                  str(tmp_path / "free.json"))
    assert "choose from none (Free writing has no sections)" in err


def test_the_text_cannot_come_twice(capsys: Capture, journal_path: Path,
                                    tmp_path: Path) -> None:
    (tmp_path / "s.md").write_text("Before the headings.\n## What?\nA fall.\n", encoding="utf-8")
    err = refused(capsys, journal_path, "add", "--kind", "reflection", "--model", "driscoll",
                  "--sections", str(tmp_path / "s.md"), "And here too")
    assert "the text is given twice" in err


# -- models and ladder ------------------------------------------------------------------------
def test_models_list_every_model_with_its_sections(capsys: Capture, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "journal.sqlite"  # models need no journal
    listed = cli_json(capsys, missing, "models")
    assert [m["key"] for m in listed] == [
        "free", "gibbs", "driscoll", "rolfe", "kolb", "johns", "schon", "self"]
    gibbs = listed[1]
    assert [s["key"] for s in gibbs["sections"]][-1] == "action-plan"
    assert set(gibbs["sections"][0]) == {"key", "label", "question", "kind", "actions",
                                         "options"}
    schon = cli_json(capsys, missing, "models", "schon")[0]
    assert [o["key"] for o in schon["sections"][0]["options"]] == ["in-action", "on-action"]
    prompts = cli_json(capsys, missing, "models", "fallibility")[0]
    assert [s["key"] for s in prompts["sections"]] == ["area", "treated", "expectations"]
    text = ok(capsys, missing, "models", "driscoll")
    assert text.startswith("driscoll    Driscoll: What? So what? Now what? — ")
    assert "so-what" in text and "(action items allowed)" in text
    assert "unknown reflective model 'nope'" in refused(capsys, missing, "models", "nope")
    assert not missing.parent.exists()


def test_ladder_from_the_top(capsys: Capture, journal_path: Path) -> None:
    rungs = cli_json(capsys, journal_path, "ladder")
    assert [r["key"] for r in rungs][:2] == ["co-production", "co-design"]
    assert [(r["position"], r["relation"]) for r in rungs][-1] == (1, "to")
    assert set(rungs[0]) == {"key", "label", "relation", "position", "explanation"}
    text = ok(capsys, journal_path, "ladder")
    assert text.splitlines()[0].startswith("7  co-production   done with the person  An equal")


# -- a broken data file -----------------------------------------------------------------------
def _clear_caches() -> None:
    for cached in (templates.models, templates.fallibility, templates.questions,
                   catalogues.ladder):
        cached.cache_clear()


@pytest.fixture
def broken_models(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of resources/ whose reflective_models.toml has a broken line 12."""
    copy = tmp_path / "resources"
    shutil.copytree(resources.resources_dir(), copy)
    target = copy / "reflective_models.toml"
    lines = target.read_text(encoding="utf-8").splitlines()
    lines[11] = 'name = "Free writing'  # an unclosed string
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(resources, "resources_dir", lambda: copy)
    _clear_caches()
    yield target
    monkeypatch.undo()
    _clear_caches()


@pytest.mark.parametrize("args", [["models"], ["add", "--kind", "reflection", "x"]])
def test_a_broken_data_file_is_named_with_its_line(capsys: Capture, tmp_path: Path,
                                                   broken_models: Path, args: list[str]) -> None:
    path = tmp_path / "journal.sqlite"
    err = refused(capsys, path, *args)
    assert str(broken_models) in err and "line 12" in err
    assert "Traceback" not in err and not path.exists()


def test_entries_from_an_older_model_still_show(capsys: Capture, journal_path: Path) -> None:
    journal = Journal.open(journal_path, create=True)
    entry_id = journal.add(draft("Old notes", kind=EntryKind.INTERACTION, day=dt.date(2026, 1, 1),
                                 sections=(("what", "kept"),)))
    journal.close()
    [section] = show(capsys, journal_path, entry_id)["sections"]
    assert section == {"key": "what", "label": "what", "text": "kept", "option_label": None}
