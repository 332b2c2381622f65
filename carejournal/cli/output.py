"""How the CLI prints entries: plain text for people, JSON for scripts."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

from carejournal.core.domain import (
    ActionItem,
    Decision,
    Entry,
    EntryLink,
    EntryRow,
    InvalidInput,
    LinkKind,
    occurred_at_iso,
)
from carejournal.core.i18n import _
from carejournal.core.kinds import chosen_model
from carejournal.core.snippets import bracketed

if TYPE_CHECKING:  # templates and catalogues are read only to print an entry in full
    from carejournal.core.catalogues import Rung
    from carejournal.core.templates import Template, TemplateSection

RELATION_TEXT = {"to": "done to the person", "for": "done for the person",
                 "with": "done with the person"}
LINK_VERBS = {LinkKind.MIRROR: ("Mirrors", "Mirrored by")}


def row_json(row: EntryRow) -> dict[str, Any]:
    """A timeline row as a JSON object (a snippet of the text instead of the body)."""
    data: dict[str, Any] = {
        "id": row.id,
        "kind": row.kind.value,
        "occurred_at": occurred_at_iso(row.occurred_on, row.occurred_time),
        "shift": row.shift,
        "title": row.title,
        "summary": row.summary,
        "people": list(row.people),
        "tags": list(row.tags),
    }
    if row.snippet:
        data["snippet"] = bracketed(row.snippet)
    return data


def entry_json(entry: Entry) -> dict[str, Any]:
    """A whole entry as a JSON object."""
    return {
        "id": entry.id,
        "kind": entry.kind.value,
        "occurred_at": occurred_at_iso(entry.occurred_on, entry.occurred_time),
        "shift": entry.shift,
        "title": entry.title,
        "body": entry.body,
        "people": list(entry.people),
        "tags": list(entry.tags),
        "feeling": ({"score": entry.feeling.score, "word": entry.feeling.word}
                    if entry.feeling else None),
        "created_at": entry.created_at.isoformat(timespec="seconds"),
        "updated_at": entry.updated_at.isoformat(timespec="seconds"),
        "in_trash": entry.deleted_at is not None,
        "little_things": [{"act_id": a.act_id, "act": a.label, "note": a.note}
                          for a in entry.acts],
        "strengths": entry.strengths,
        "model": entry.model or None,
        "model_name": _model_name(entry),
        "sections": sections_json(entry),
        "decisions": [decision_json(d) for d in entry.decisions],
        "actions": [action_json(a) for a in entry.actions],
        "links": [link_json(link) for link in entry.links],
    }


def _template(entry: Entry) -> Template | None:
    """The template the entry was written with, if it (still) exists."""
    from carejournal.core.templates import template_for

    try:
        return template_for(entry.kind.value, entry.model)
    except InvalidInput:  # a model no longer in resources/: keys stand in for labels
        return None


def _model_name(entry: Entry) -> str | None:
    template = _template(entry)
    if not chosen_model(entry.kind):
        return None
    return template.name if template else entry.model


def _labelled(entry: Entry) -> list[tuple[str, str, str, str | None]]:
    """Each section as (key, label, text, option label of a choice or None)."""
    template = _template(entry)
    result = []
    for key, text in entry.sections:
        section: TemplateSection | None = template.section(key) if template else None
        label = section.label if section else key
        option = section.option_label(text) if section and section.kind == "choice" else None
        result.append((key, label, text, option))
    return result


def sections_json(entry: Entry) -> list[dict[str, Any]]:
    """An entry's sections, in order, with their labels."""
    return [{"key": key, "label": label, "text": text, "option_label": option}
            for key, label, text, option in _labelled(entry)]


def _rung(key: str) -> Rung | None:
    from carejournal.core.catalogues import find_rung

    try:
        return find_rung(key)
    except InvalidInput:  # a rung no longer in resources/
        return None


def decision_json(decision: Decision) -> dict[str, Any]:
    """A decision with its rung, the rung's label and to/for/with."""
    rung = _rung(decision.rung)
    return {"text": decision.text, "rung": decision.rung,
            "rung_label": rung.label if rung else decision.rung,
            "relation": rung.relation if rung else None,
            "choices_offered": decision.choices_offered}


def action_json(item: ActionItem) -> dict[str, Any]:
    """An action item; dates are ISO or null."""
    return {"id": item.id, "text": item.text,
            "review_on": item.review_on.isoformat() if item.review_on else None,
            "done_on": item.done_on.isoformat() if item.done_on else None}


def link_json(link: EntryLink) -> dict[str, Any]:
    """A link to another entry; outgoing means this entry was written from the other."""
    return {"entry_id": link.entry_id, "kind": link.kind.value,
            "direction": "outgoing" if link.outgoing else "incoming",
            "other_kind": link.other_kind.value, "occurred_on": link.occurred_on.isoformat(),
            "summary": link.summary}


def print_json(data: object) -> None:
    """Print JSON, keeping non-ASCII text readable where the terminal allows."""
    utf8 = (sys.stdout.encoding or "").lower().replace("-", "") == "utf8"
    print(json.dumps(data, ensure_ascii=not utf8, indent=2))


def _when(row: EntryRow | Entry) -> str:
    when = row.occurred_on.isoformat()
    if row.occurred_time:
        when += " " + row.occurred_time.strftime("%H:%M")
    return when


def print_rows(rows: list[EntryRow], empty: str, snippets: bool = False) -> None:
    """One line per entry: id, when, kind, summary, people."""
    if not rows:
        print(empty)
        return
    lines = []  # written at once: thousands of print calls cost a search ~5 ms
    for row in rows:
        people = f"  ({', '.join(row.people)})" if row.people else ""
        lines.append(f"{row.id:>6}  {_when(row):<16}  {row.kind.value:<11}  {row.summary}{people}")
        if snippets and row.snippet:
            lines.append(f"{'':>8}{' '.join(bracketed(row.snippet).split())}")
    print("\n".join(lines))


def print_entry(entry: Entry) -> None:
    """An entry in full, headed by its details."""
    heading = (_("Entry {id} · {kind} · {when} · {shift} shift") if entry.shift else
               _("Entry {id} · {kind} · {when}"))
    print(heading.format(id=entry.id, kind=entry.kind.value, when=_when(entry),
                         shift=entry.shift))
    if entry.deleted_at:
        print(_("(in the trash)"))
    if entry.people:
        print(_("People: {people}").format(people=", ".join(entry.people)))
    if entry.tags:
        print(_("Tags: {tags}").format(tags=", ".join(entry.tags)))
    for act in entry.acts:
        print((_("Little thing: {act} — {note}") if act.note else _("Little thing: {act}"))
              .format(act=act.label, note=act.note))
    if entry.feeling:
        print(_("Feeling: {score}/5 {word}").format(
            score=entry.feeling.score, word=entry.feeling.word).rstrip())
    _print_details(entry)
    if entry.title:
        print(f"\n{entry.title}")
    if entry.body or not (entry.sections or entry.actions):
        print(f"\n{entry.body}")
    for _key, label, text, option in _labelled(entry):
        print(f"\n## {label}\n{option or text}")
    if entry.actions:
        print(_("\nActions:"))
        for item in entry.actions:
            print("  " + action_line(item))


def _print_details(entry: Entry) -> None:
    """Model, strengths, decisions and links: the lines under the heading."""
    if chosen_model(entry.kind):
        print(_('Model: {model_name}').format(model_name=_model_name(entry)))
    if entry.strengths:
        print(_('Strengths: {strengths}').format(strengths=entry.strengths))
    for decision in entry.decisions:
        print(_('Decision: {decision_text}').format(decision_text=decision_text(decision)))
    for link in entry.links:
        print(link_text(link))


def decision_text(decision: Decision) -> str:
    """'Chose the route (Co-production, done with the person; choices offered)'."""
    rung = _rung(decision.rung)
    where = f"{rung.label}, {RELATION_TEXT[rung.relation]}" if rung else decision.rung
    if decision.choices_offered is not None:
        where += "; choices offered" if decision.choices_offered else "; no choices offered"
    return f"{decision.text} ({where})"


def link_text(link: EntryLink) -> str:
    """'Mirrors entry 12 (interaction, 2026-11-20): summary', or 'Mirrored by ...'."""
    outgoing, incoming = LINK_VERBS.get(link.kind, ("Linked to", "Linked from"))
    verb = outgoing if link.outgoing else incoming
    return (f"{verb} entry {link.entry_id} ({link.other_kind.value}, "
            f"{link.occurred_on.isoformat()}): {link.summary}")


def action_line(item: ActionItem) -> str:
    """'[ ] 5  Ring Ann's daughter  (review 2026-12-01)'; done items are ticked."""
    dates = [f"review {item.review_on.isoformat()}"] if item.review_on else []
    if item.done_on:
        dates.append(f"done {item.done_on.isoformat()}")
    when = f"  ({', '.join(dates)})" if dates else ""
    return f"[{'x' if item.done_on else ' '}] {item.id}  {item.text}{when}"
