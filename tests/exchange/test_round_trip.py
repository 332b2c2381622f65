"""Export to JSON and import into an empty journal gives back the same journal."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carejournal.core.domain import ActDone, ActionItem, EntryDraft, EntryKind, Feeling
from carejournal.exchange.json_import import read_json
from carejournal.services.importing import run_plan
from carejournal.services.journal import Journal
from carejournal.services.json_export import document, export_json
from tests.exchange.conftest import tried

# NUL is left out: the import removes it and says so (tests/exchange/test_nul.py)
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
               max_size=40)
NAME = st.sampled_from(["Ann", "Bob", "Chidi", "Dara"])
ENTRY = st.fixed_dictionaries({
    "kind": st.sampled_from(list(EntryKind)),
    "day": st.dates(dt.date(1990, 1, 1), dt.date(2026, 1, 1)),
    "body": TEXT, "title": TEXT,
    "people": st.lists(NAME, max_size=2), "tags": st.lists(NAME, max_size=2),
    "feeling": st.none() | st.integers(1, 5),
    "act_note": st.none() | TEXT,
    "action": st.none() | TEXT.filter(lambda t: bool(t.strip())),
    "trashed": st.booleans(),
})


def canonical(doc: dict[str, Any]) -> str:
    """The document without its export time, with entry ids renumbered by order."""
    doc = json.loads(json.dumps(doc))
    doc.pop("exported_at")
    ids = {e["id"]: i for i, e in enumerate(doc["entries"])}
    for e in doc["entries"]:
        e["id"] = ids[e["id"]]
    for link in doc["links"]:
        link["source"], link["target"] = ids[link["source"]], ids[link["target"]]
    for account in doc["reflective_accounts"]:
        account["entry"] = ids.get(account["entry"])
    for goal in doc["goals"]:
        goal["reflection"] = ids.get(goal["reflection"])
        for a in goal["attempts"]:
            a["entry"] = ids.get(a["entry"])
    return json.dumps(doc, sort_keys=True)


def fill(journal: Journal, entries: list[dict[str, Any]]) -> None:
    act = journal.kindness.acts()[0].id
    own = journal.kindness.add_act("Made a brew")
    journal.kindness.rename_act(own, "Made a proper brew")
    ids = []
    for e in entries:
        draft = EntryDraft(
            kind=e["kind"], occurred_on=e["day"], body=e["body"], title=e["title"],
            people=tuple(e["people"]), tags=tuple(e["tags"]),
            feeling=Feeling(e["feeling"]) if e["feeling"] else None,
            acts=() if e["act_note"] is None else (ActDone(act, e["act_note"]),),
            actions=() if e["action"] is None else (ActionItem(e["action"], e["day"]),))
        ids.append(journal.add(draft))
    interactions = [i for i, e in zip(ids, entries, strict=True)
                    if e["kind"] is EntryKind.INTERACTION]
    if interactions:
        journal.add(EntryDraft(EntryKind.FALLIBILITY, dt.date(2024, 1, 1), "I rushed."),
                    mirror_of=interactions[0])
    if entries and entries[0]["people"]:
        goal = journal.goals.add(entries[0]["people"][0], "Walk to the shop")
        from carejournal.core.goals import Outcome
        journal.goals.attempt(goal.id, Outcome.PARTLY, dt.date(2024, 2, 2), "nearly", ids[0])
    journal.trash([i for i, e in zip(ids, entries, strict=True) if e["trashed"]])
    journal.settings.set_reminders_on(False)
    fill_cpd(journal, ids[0] if ids else None)


def fill_cpd(journal: Journal, entry: int | None) -> None:
    """A learning record with evidence, a feedback record and a reflective account."""
    from carejournal.core.cpd import Evidence, FeedbackDraft, LearningDraft, Theme

    journal.cpd.add_learning(LearningDraft(
        "Study day", "Dysphagia", dt.date(2025, 5, 1), dt.date(2025, 5, 2), 390, 300,
        (Theme.PEOPLE, Theme.SAFETY), "I thicken drinks as the plan says.", True,
        (Evidence("certificate.pdf", bytes(range(256))), Evidence("notes.txt", b"n\xc3\xa9"))))
    journal.cpd.add_feedback(FeedbackDraft(dt.date(2025, 6, 1), "relative",
                                           "You took time with Mum.", "I sit down now."))
    journal.cpd.note_account(entry, (Theme.TRUST,), dt.date(2025, 7, 1))


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(entries=st.lists(ENTRY, max_size=5))
def test_export_then_import_into_an_empty_journal_gives_the_same_journal(
        tmp_path_factory: Any, entries: list[dict[str, Any]]) -> None:
    tried("json round trip")
    folder: Path = tmp_path_factory.mktemp("rt")
    source = Journal.open(folder / "a.sqlite", create=True)
    target = Journal.open(folder / "b.sqlite", create=True)
    try:
        fill(source, entries)
        export_json(source, folder / "x.json")
        report = run_plan(target, read_json(folder / "x.json"), "x.json")
        assert canonical(document(target)) == canonical(document(source))
        assert report.entries_added == source.count() + source.count(trashed=True)
        again = run_plan(target, read_json(folder / "x.json"), "x.json")
        assert again.entries_added == 0
        assert again.duplicates_skipped == report.entries_added
        assert canonical(document(target)) == canonical(document(source))
    finally:
        source.close()
        target.close()


def test_import_into_an_existing_journal_keeps_both(journal: Journal, tmp_path: Path) -> None:
    other = Journal.open(tmp_path / "other.sqlite", create=True)
    other.add(EntryDraft(EntryKind.REFLECTION, dt.date(2024, 3, 1), "From the other one"))
    export_json(other, tmp_path / "x.json")
    other.close()
    journal.add(EntryDraft(EntryKind.REFLECTION, dt.date(2024, 3, 2), "Mine"))
    report = run_plan(journal, read_json(tmp_path / "x.json"), "x.json")
    assert report.entries_added == 1
    assert sorted(r.summary for r in journal.rows()) == ["From the other one", "Mine"]
    assert [r.id for r in journal.rows(_search("other"))]  # the text index knows it


def test_a_dry_run_changes_nothing(journal: Journal, tmp_path: Path) -> None:
    journal.add(EntryDraft(EntryKind.REFLECTION, dt.date(2024, 3, 2), "Mine"))
    export_json(journal, tmp_path / "x.json")
    empty = Journal.open(tmp_path / "empty.sqlite", create=True)
    report = run_plan(empty, read_json(tmp_path / "x.json"), "x.json", dry_run=True)
    assert (report.entries_added, report.dry_run) == (1, True)
    assert empty.count() == 0
    empty.close()


def _search(text: str) -> Any:
    from carejournal.core.domain import EntryFilter
    return EntryFilter(text=text)
