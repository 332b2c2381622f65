"""The sample journal's learning and feedback: a nurse's records towards revalidation
(resources/demo_cpd.toml) or a social worker's registration year
(resources/demo_cpd_swe.toml), with one evidence file kept inside the journal."""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from carejournal.core.cpd import Evidence, FeedbackDraft, LearningDraft, parse_themes
from carejournal.core.registration import Register, parse_register, swe_year
from carejournal.core.resources import resource_path

if TYPE_CHECKING:
    from carejournal.services.journal import Journal

# The registers the sample has a year of learning for (the first is the default).
CPD_FILES = {Register.NMC: "demo_cpd.toml", Register.SWE: "demo_cpd_swe.toml"}


def load_cpd(register: Register = Register.NMC) -> dict[str, Any]:
    """The sample learning and feedback for a register, kept as data."""
    with resource_path(CPD_FILES[register]).open("rb") as handle:
        return tomllib.load(handle)


def ended_on(item: dict[str, Any], today: dt.date) -> dt.date:
    """When a sample piece of learning ended: days_ago before today, but with this_year
    never before the Social Work England registration year holding today began."""
    ended = today - dt.timedelta(days=int(item["days_ago"]))
    if item.get("this_year"):
        ended = max(ended, swe_year(today)[0])
    return ended


def learning_draft(item: dict[str, Any], today: dt.date) -> LearningDraft:
    """One sample learning record, ending on the day ended_on gives."""
    ended = ended_on(item, today)
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


def add_cpd(journal: Journal, today: dt.date, register: Register = Register.NMC,
            stories: Mapping[str, int] | None = None) -> int:
    """Add the register's sample learning and feedback and set the register (and the
    revalidation date, for the NMC); return the records added. stories maps the sample's
    story keys to their entries' ids: the reflective accounts already written from them
    are counted (a nurse's year has some done)."""
    data = load_cpd(register)
    for item in data.get("account", []):
        if stories and item["story"] in stories:
            journal.cpd.note_account(stories[item["story"]], parse_themes(item["themes"]),
                                     today - dt.timedelta(days=int(item["days_ago"])))
    for item in data.get("learning", []):
        journal.cpd.add_learning(learning_draft(item, today))
    for item in data.get("feedback", []):
        journal.cpd.add_feedback(FeedbackDraft(
            today - dt.timedelta(days=int(item["days_ago"])), item["from_role"], item["said"],
            item.get("changed", "")))
    settings = data.get("register", {})
    if settings:
        journal.cpd.set_register(parse_register(settings["register"]))
    if "revalidation_in_days" in settings:
        journal.cpd.set_revalidation_on(
            today + dt.timedelta(days=int(settings["revalidation_in_days"])))
    return len(data.get("learning", [])) + len(data.get("feedback", []))
