"""A reflective account in the NMC form's shape, and a CPD record in Social Work England's,
made from one journal entry. The mapping of each reflective model's sections onto the
prompts is data (resources/nmc_account.toml); this module only reads it and fills the
prompts. Identity protection happens later, in the service, before anything is written."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from functools import cache

from carejournal.core.cpd import THEME_LABELS, Theme
from carejournal.core.dates import long_day
from carejournal.core.domain import Entry
from carejournal.core.resources import resource_path

PARTS = ("nature", "learnt", "changed")


@dataclass(frozen=True, slots=True)
class AccountForm:
    """The form's four prompts and, per model, which sections go under which part."""

    prompts: dict[str, str]
    mapping: dict[str, dict[str, tuple[str, ...]]]


@cache
def account_form() -> AccountForm:
    """The shipped form and mapping, read once."""
    with resource_path("nmc_account.toml").open("rb") as handle:
        data = tomllib.load(handle)
    prompts = {key: str(data["prompts"][key]) for key in (*PARTS, "code")}
    mapping = {model: {part: tuple(str(k) for k in keys) for part, keys in parts.items()}
               for model, parts in data.get("mapping", {}).items()}
    return AccountForm(prompts, mapping)


@dataclass(frozen=True, slots=True)
class Account:
    """One reflective account: the entry's date and the four prompts with their answers."""

    entry_id: int
    occurred_on: dt.date
    answers: tuple[tuple[str, str, str], ...]  # (part key, prompt, answer)
    themes: tuple[Theme, ...]

    def texts(self) -> list[str]:
        """Every text a person could be named in (for the identity scan)."""
        return [answer for _key, _prompt, answer in self.answers]

    @property
    def theme_line(self) -> str:
        """The Code themes chosen, by their labels (the form's own words: never scrubbed)."""
        return ", ".join(THEME_LABELS[t] for t in self.themes)

    def answer(self, part: str) -> str:
        """The worker's words under one part ('nature', 'learnt', 'changed', 'code': for the
        Code, their own words after the themes)."""
        return next(a for key, _p, a in self.answers if key == part)


def parts_of(entry: Entry, form: AccountForm | None = None) -> dict[str, list[str]]:
    """The entry's words under each part: its own text first under 'nature', then each
    section where its model's mapping puts it (an unmapped one under 'learnt'); an entry
    with no model (an own-fallibility note) is mapped by its kind."""
    form = form or account_form()
    mapping = form.mapping.get(entry.model or entry.kind.value, {})
    where = {key: part for part in PARTS for key in mapping.get(part, ())}
    skip = set(mapping.get("skip", ()))
    found: dict[str, list[str]] = {part: [] for part in PARTS}
    opening = "\n\n".join(t.strip() for t in (entry.title, entry.body) if t.strip())
    if opening:
        found["nature"].append(opening)
    for key, text in entry.sections:
        if text.strip() and key not in skip:
            found[where.get(key, "learnt")].append(text.strip())
    if entry.strengths.strip():
        found["learnt"].append(entry.strengths.strip())
    return found


def make_account(entry: Entry, themes: tuple[Theme, ...], code_text: str = "",
                 form: AccountForm | None = None) -> Account:
    """The reflective account of one entry, with the Code themes chosen and the worker's
    own words on how it is relevant to the Code."""
    form = form or account_form()
    parts = parts_of(entry, form)
    answers = tuple((part, form.prompts[part], "\n\n".join(parts[part]))
                    for part in PARTS) + (("code", form.prompts["code"], code_text.strip()),)
    return Account(entry.id, entry.occurred_on, answers, themes)


SWE_FIELDS = (
    ("type", "Type of CPD"),
    ("description", "Description of the CPD activity and why it is relevant"),
    ("date", "Date"),
    ("learnt", "What did you learn?"),
    ("impact", "What impact has this had on your practice and the people you work with?"),
)


def swe_blocks(account: Account, cpd_type: str = "Reflection on practice") -> list[
        tuple[str, str]]:
    """Social Work England's CPD fields, each (label, text), from the account's parts."""
    values = {"type": cpd_type, "description": account.answer("nature"),
              "date": long_day(account.occurred_on), "learnt": account.answer("learnt"),
              "impact": account.answer("changed")}
    return [(label, values[key]) for key, label in SWE_FIELDS]


def swe_text(blocks: list[tuple[str, str]]) -> str:
    """The fields as copy-ready text: a heading line, the text, a blank line between."""
    return "\n\n".join(f"== {label} ==\n{text or '(nothing written)'}"
                       for label, text in blocks) + "\n"
