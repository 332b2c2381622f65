"""The sample journal's learning and feedback: a nurse's records towards revalidation
(resources/demo_cpd.toml), with one evidence file kept inside the journal."""

from __future__ import annotations

import datetime as dt
import tomllib
from typing import TYPE_CHECKING, Any

from carejournal.core.cpd import Evidence, FeedbackDraft, LearningDraft, parse_themes
from carejournal.core.registration import parse_register
from carejournal.core.resources import resource_path

if TYPE_CHECKING:
    from carejournal.services.journal import Journal


def load_cpd() -> dict[str, Any]:
    """The sample learning and feedback, kept as data."""
    with resource_path("demo_cpd.toml").open("rb") as handle:
        return tomllib.load(handle)


def learning_draft(item: dict[str, Any], today: dt.date) -> LearningDraft:
    """One sample learning record, ending days_ago before today."""
    ended = today - dt.timedelta(days=int(item["days_ago"]))
    started = ended - dt.timedelta(days=int(item.get("days", 1)) - 1)
    evidence: tuple[Evidence, ...] = ()
    if item.get("evidence"):
        text = f"Certificate of attendance\n{item['topic']}\n{ended.isoformat()}\n"
        evidence = (Evidence(str(item["evidence"]), text.encode("utf-8")),)
    return LearningDraft(item["method"], item["topic"], started, ended,
                         round(float(item["hours"]) * 60),
                         round(float(item.get("participatory", 0)) * 60),
                         parse_themes(item.get("themes", "")), item.get("changed", ""),
                         bool(item.get("peer_reflection", False)), evidence)


def add_cpd(journal: Journal, today: dt.date) -> int:
    """Add the sample learning and feedback and set the register; return the records added."""
    data = load_cpd()
    for item in data.get("learning", []):
        journal.cpd.add_learning(learning_draft(item, today))
    for item in data.get("feedback", []):
        journal.cpd.add_feedback(FeedbackDraft(
            today - dt.timedelta(days=int(item["days_ago"])), item["from_role"], item["said"],
            item.get("changed", "")))
    register = data.get("register", {})
    if register:
        journal.cpd.set_register(parse_register(register["register"]))
        journal.cpd.set_revalidation_on(
            today + dt.timedelta(days=int(register["revalidation_in_days"])))
    return len(data.get("learning", [])) + len(data.get("feedback", []))
