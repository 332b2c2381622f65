"""Checking the structured parts of an entry: model, sections, decisions, action items."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, assert_never

from carejournal.core.catalogues import find_rung
from carejournal.core.domain import NO_RUNG, ActionItem, Decision, EntryDraft, InvalidInput
from carejournal.core.i18n import _
from carejournal.core.kinds import Prompts, spec_of
from carejournal.core.templates import (
    FALLIBILITY_MODEL,
    FREE_MODEL,
    Template,
    find_model,
    template_for,
)

MAX_SHORT_TEXT = 2_000
SECTION_KEY = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")


def validate_structure(draft: EntryDraft) -> dict[str, Any]:
    """Checked and tidied structured fields of a draft, as keyword arguments for replace()."""
    model = _model(draft)
    template = template_for(draft.kind.value, model)
    return {
        "model": model,
        "sections": _sections(draft.sections, template),
        "decisions": tuple(_decision(d) for d in draft.decisions if d.text.strip()),
        "actions": tuple(_action(a) for a in draft.actions if a.text.strip()),
    }


def _model(draft: EntryDraft) -> str:
    prompts = spec_of(draft.kind).prompts
    match prompts:
        case Prompts.MODEL:
            return find_model(draft.model or FREE_MODEL).key
        case Prompts.FALLIBILITY:
            return FALLIBILITY_MODEL
        case Prompts.NONE:
            return ""
        case _:
            assert_never(prompts)


def _sections(items: tuple[tuple[str, str], ...], template: Template | None
              ) -> tuple[tuple[str, str], ...]:
    """Sections with valid keys, each once; choice values checked against the template.

    Sections the current template does not have are kept: they may belong to the model
    the entry had before, and the worker's words are never dropped.
    """
    seen: dict[str, str] = {}
    for key, text in items:
        key = key.strip().lower()
        if not SECTION_KEY.match(key):
            raise InvalidInput(_("'{key}' is not a section name (use letters, digits and -)")
                                   .format(key=key))
        section = template.section(key) if template else None
        if section and section.kind == "choice" and text.strip():
            valid = [o.key for o in section.options]
            if text.strip() not in valid:
                raise InvalidInput(f"'{text.strip()}' is not a choice for {section.label}: "
                                   f"choose one of {', '.join(valid)}")
            text = text.strip()
        seen[key] = text
    return tuple((k, t) for k, t in seen.items() if t.strip())


def _decision(decision: Decision) -> Decision:
    text = " ".join(decision.text.split())
    if len(text) > MAX_SHORT_TEXT:
        raise InvalidInput(_("a decision is too long ({MAX_SHORT_TEXT:,} characters at most)")
                               .format(MAX_SHORT_TEXT=MAX_SHORT_TEXT))
    rung = find_rung(decision.rung).key if decision.rung.strip() else NO_RUNG
    return Decision(text, rung, decision.choices_offered)


def _action(item: ActionItem) -> ActionItem:
    text = item.text.strip()
    if len(text) > MAX_SHORT_TEXT:
        raise InvalidInput(_("an action is too long ({MAX_SHORT_TEXT:,} characters at most)")
                               .format(MAX_SHORT_TEXT=MAX_SHORT_TEXT))
    for day in (item.review_on, item.done_on):
        if day and (day.year < 1900 or day > dt.date.today() + dt.timedelta(days=3660)):
            raise InvalidInput(_("{date} is not a plausible review date.")
                                   .format(date=day.isoformat()))
    return ActionItem(text, item.review_on, item.done_on, item.id)
