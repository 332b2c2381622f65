"""`carejournal add`'s structured options, and the `models` and `ladder` commands."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from typing import Any

from carejournal.cli.output import RELATION_TEXT, print_json
from carejournal.cli.parser import positive
from carejournal.cli.sections import SectionsFile, choice_value, find_section, read_sections
from carejournal.core.catalogues import Rung, find_rung, ladder
from carejournal.core.domain import ActDone, Decision, EntryKind, InvalidInput
from carejournal.core.i18n import _
from carejournal.core.kinds import (
    KINDS,
    Part,
    Prompts,
    can_be_mirrored,
    kinds_prompted,
    kinds_with,
    spec_of,
)
from carejournal.core.templates import Template, fallibility, find_model, models, prompted_template
from carejournal.services.journal import Journal

CHOICES_FLAGS = {"": None, "choices": True, "no-choices": False}
FALLIBILITY_FLAGS = ("area", "treated", "expectations")
# Which kinds of entry each structured option belongs to (as core/kinds.py declares them).
FLAG_KINDS: dict[str, tuple[EntryKind, ...]] = {
    "strengths": kinds_with(Part.STRENGTHS),
    "decision": kinds_with(Part.DECISIONS),
    "act": kinds_with(Part.ACTS),
    "model": kinds_prompted(Prompts.MODEL),
    "sections": kinds_prompted(Prompts.MODEL) + kinds_prompted(Prompts.FALLIBILITY),
    **{name: kinds_prompted(Prompts.FALLIBILITY) for name in FALLIBILITY_FLAGS},
    "mirror_of": tuple(s.kind for s in KINDS if s.mirror_of is not None),
}


@dataclass(frozen=True, slots=True)
class Extras:
    """The structured parts of a new entry, read from the options and any sections file."""

    fields: dict[str, Any] = field(default_factory=dict)
    title: str = ""
    body: str = ""
    mirror_of: int | None = None

    def has_content(self) -> bool:
        """True if there is something worth keeping besides the title and text."""
        return any(self.fields.get(k) for k in ("strengths", "acts", "sections", "decisions",
                                                  "actions"))


def add_arguments(add: argparse.ArgumentParser) -> None:
    """The structured options of `carejournal add`."""
    group = add.add_argument_group("structured reflection")
    group.add_argument("--strengths", default="", metavar="TEXT",
                       help="interaction: strengths, skills and wishes you noticed in the person")
    group.add_argument("--act", action="append", default=[], metavar="ACT[=NOTE]",
                       help=_("interaction or kindness: a little thing done, by key, number or "
                            "words (see 'kindness acts'), with an optional note (repeat)"))
    group.add_argument("--decision", action="append", default=[], metavar="RUNG:TEXT",
                       help=_("interaction: a decision and its rung on the ladder (see 'ladder'); "
                            "write RUNG+choices or RUNG+no-choices to say whether choices "
                            "were offered (repeat)"))
    group.add_argument("--model", metavar="MODEL",
                       help=_("reflection: the reflective model (see 'models'; default free)"))
    group.add_argument("--sections", metavar="FILE",
                       help=_("reflection or fallibility: the sections, from a JSON object or a "
                            "Markdown file with '## Section' headings; '-' reads standard input"))
    group.add_argument("--area", metavar="AREA",
                       help="fallibility: which area of your own life (e.g. time-keeping, temper)")
    group.add_argument("--treated", metavar="TEXT",
                       help=_("fallibility: how you would want to be treated after it"))
    group.add_argument("--expectations", metavar="TEXT",
                       help=_("fallibility: what it tells you about what you expect of others"))
    group.add_argument("--mirror-of", type=positive, metavar="ID",
                       help=_("fallibility: write it as the mirror of interaction entry ID"))


def extras(journal: Journal, args: argparse.Namespace) -> Extras:
    """Check and gather the structured options; anything wrong is refused before writing."""
    kind: EntryKind = args.kind
    _check_kinds(args, kind)
    if args.sections == "-" and args.text == "-":
        raise InvalidInput(_("standard input can be read only once: use '-' for TEXT or for "
                           "--sections, not both"))
    template = _template(kind, args.model)
    # _check_kinds refused --sections for the kinds without a template
    found = (read_sections(args.sections, template) if args.sections and template is not None
             else SectionsFile())
    sections = _with_flags(dict(found.sections), args, template)
    fields: dict[str, Any] = {
        "strengths": args.strengths,
        "acts": _acts(journal, args.act),
        "decisions": tuple(parse_decision(value) for value in args.decision),
        "model": template.key if template and spec_of(kind).prompts is Prompts.MODEL else "",
        "sections": tuple((s.key, sections[s.key]) for s in template.sections
                          if sections.get(s.key, "").strip()) if template else (),
        "actions": found.actions,
    }
    if args.mirror_of is not None:
        _check_mirror(journal, args.mirror_of)
    title, body = found.title, found.body
    if args.title.strip() and title:  # --title wins; the file's own heading stays, as text
        title, body = "", f"# {title}\n\n{body}".strip()
    return Extras(fields, title, body, args.mirror_of)


def _check_kinds(args: argparse.Namespace, kind: EntryKind) -> None:
    for name, kinds in FLAG_KINDS.items():
        value = getattr(args, name)
        if value not in (None, "", []) and kind not in kinds:
            allowed = " or ".join(k.value for k in kinds)
            option = "--" + name.replace("_", "-")
            raise InvalidInput(_("{option} is for {allowed} entries, not {value} entries")
                                   .format(option=option, allowed=allowed, value=kind.value))


def _template(kind: EntryKind, model: str | None) -> Template | None:
    return prompted_template(spec_of(kind).prompts, model or "")


def _with_flags(sections: dict[str, str], args: argparse.Namespace,
                template: Template | None) -> dict[str, str]:
    """The file's sections, with --area, --treated and --expectations put in (they win)."""
    for name in FALLIBILITY_FLAGS:
        value = getattr(args, name)
        if value is not None and template is not None:
            section = find_section(template, name, f"--{name}")
            sections[section.key] = choice_value(section, value)
    return sections


def _acts(journal: Journal, values: list[str]) -> tuple[ActDone, ...]:
    """Acts from 'ACT' or 'ACT=NOTE', each at most once."""
    done: list[ActDone] = []
    for value in values:
        ref, _sep, note = value.partition("=")
        act = journal.kindness.find(ref)
        if any(d.act_id == act.id for d in done):
            raise InvalidInput(_("“{label}” is given twice; give each little thing once")
                                   .format(label=act.label))
        done.append(ActDone(act.id, note.strip(), act.label))
    return tuple(done)


def parse_decision(value: str) -> Decision:
    """A decision from 'RUNG: TEXT', 'RUNG+choices: TEXT' or 'RUNG+no-choices: TEXT'."""
    head, colon, text = value.partition(":")
    if not colon or not text.strip() or not head.strip():
        raise InvalidInput(_("write a decision as 'RUNG: what was decided', for example "
                             "'co-production+choices: Chose the route together' (not '{value}')")
                               .format(value=value))
    rung, _sep, flag = head.partition("+")
    offered = flag.strip().lower()
    if offered not in CHOICES_FLAGS:
        raise InvalidInput(_("after the rung, write +choices (choices were offered) or "
                             "+no-choices (they were not), not '+{strip}'")
                               .format(strip=flag.strip()))
    return Decision(" ".join(text.split()), find_rung(rung).key, CHOICES_FLAGS[offered])


def _check_mirror(journal: Journal, entry_id: int) -> None:
    target = journal.get(entry_id)
    if not can_be_mirrored(target.kind):
        raise InvalidInput(_("entry {entry_id} is a {value} entry; only interaction entries can "
                             "be mirrored").format(entry_id=entry_id, value=target.kind.value))
    if target.deleted_at is not None:
        raise InvalidInput(_("entry {entry_id} is in the trash; restore it first (carejournal "
                             "restore {entry_id2})").format(entry_id=entry_id, entry_id2=entry_id))


# -- models and ladder ------------------------------------------------------------------------
def add_models_arguments(listing: argparse.ArgumentParser) -> None:
    """The arguments of `carejournal models`."""
    listing.add_argument("model", nargs="?", metavar="MODEL",
                         help="show only this model ('fallibility' shows the fallibility prompts)")
    listing.add_argument("--json", action="store_true", help=_("print JSON"))


def add_ladder_arguments(rungs: argparse.ArgumentParser) -> None:
    """The arguments of `carejournal ladder`."""
    rungs.add_argument("--json", action="store_true", help=_("print JSON"))


def template_json(template: Template) -> dict[str, Any]:
    """A reflective model (or the fallibility prompts) as a JSON object."""
    return {"key": template.key, "name": template.name, "summary": template.summary,
            "body_question": template.body_question,
            "sections": [{"key": s.key, "label": s.label, "question": s.question,
                          "kind": s.kind, "actions": s.actions,
                          "options": [{"key": o.key, "label": o.label} for o in s.options]}
                         for s in template.sections]}


def run_models(args: argparse.Namespace) -> int:
    """List the reflective models, or show one."""
    if args.model and args.model.strip().casefold() == "fallibility":
        chosen = [fallibility()]
    else:
        chosen = [find_model(args.model)] if args.model else list(models())
    if args.json:
        print_json([template_json(t) for t in chosen])
        return 0
    for template in chosen:
        summary = f" — {template.summary}" if template.summary else ""
        print(f"{template.key:<12}{template.name}{summary}")
        for section in template.sections:
            extra = " (action items allowed)" if section.actions else ""
            print(f"{'':<12}  {section.key:<18}{section.label}: {section.question}{extra}")
            if section.options:
                print(_("{value:<32}choices: {join}")
                          .format(value='', join=', '.join(o.key for o in section.options)))
    return 0


def rung_json(rung: Rung) -> dict[str, Any]:
    """A rung of the ladder as a JSON object."""
    return {"key": rung.key, "label": rung.label, "relation": rung.relation,
            "position": rung.position, "explanation": rung.explanation}


def run_ladder(args: argparse.Namespace) -> int:
    """The ladder of co-production, from the top rung down."""
    rungs = sorted(ladder(), key=lambda r: -r.position)
    if args.json:
        print_json([rung_json(r) for r in rungs])
        return 0
    for rung in rungs:
        print(f"{rung.position}  {rung.key:<14}  {RELATION_TEXT[rung.relation]:<20}  "
              f"{rung.explanation}")
    return 0
