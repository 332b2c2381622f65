"""Exports in the regulators' shapes: from one entry, a reflective account on the NMC form
(PDF, Word or Markdown) and the fields of Social Work England's CPD record as copy-ready
text; and the revalidation / CPD summary of a period. Identities are protected by the same
detector and review as the supervision pack (privacy/protect.py): people get their
aliases, other identifiers found are replaced unless the worker keeps them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from carejournal import durable
from carejournal.core.accounts import Account, make_account, swe_blocks, swe_text
from carejournal.core.cpd import Theme
from carejournal.pack.account import build_account
from carejournal.pack.write import PackFormat, PackWriteError, write_pack
from carejournal.privacy.protect import Detected, Protection, statement

if TYPE_CHECKING:
    from carejournal.services.journal import Journal


# The form's own capitalised words, which the worker's answers name ("the Code", "NMC"):
# never someone to protect (a listed person's name is still replaced).
FORM_WORDS = ("Code", "NMC", "CPD")


@dataclass(frozen=True, slots=True)
class AccountPlan:
    """An account ready to write: its texts, its aliases and the identifiers found."""

    account: Account
    protection: Protection
    detected: tuple[Detected, ...]


@dataclass(frozen=True, slots=True)
class AccountWritten:
    """What was written, and what was replaced or kept."""

    path: Path
    replaced: tuple[Detected, ...]
    kept: tuple[Detected, ...]


def plan_account(journal: Journal, entry_id: int, themes: tuple[Theme, ...] = (),
                 code_text: str = "") -> AccountPlan:
    """The account of one entry and the identifiers the worker should look at."""
    account = make_account(journal.get(entry_id), themes, code_text)
    protection = Protection(journal.supervision.people(),
                            allowed=(journal.settings.worker_name(), *FORM_WORDS))
    return AccountPlan(account, protection, tuple(protection.scan(account.texts())))


def _split(plan: AccountPlan, keep: Collection[str]) -> tuple[tuple[Detected, ...],
                                                               tuple[Detected, ...]]:
    return (tuple(d for d in plan.detected if d.text not in keep),
            tuple(d for d in plan.detected if d.text in keep))


def write_account(journal: Journal, plan: AccountPlan, path: Path, fmt: PackFormat,
                  keep: Collection[str] = ()) -> AccountWritten:
    """Write the NMC reflective account (all or nothing) and count it towards
    revalidation."""
    replaced, kept = _split(plan, keep)
    closing = statement(len(plan.protection.aliases()), replaced, kept).replace(
        "this pack", "this account")
    scrub = plan.protection.scrubber(keep, everywhere=plan.detected)
    write_pack(build_account(plan.account, scrub, closing), path, fmt)
    journal.cpd.note_account(plan.account.entry_id, plan.account.themes)
    return AccountWritten(path, replaced, kept)


def swe_record(plan: AccountPlan, keep: Collection[str] = ()) -> list[tuple[str, str]]:
    """Social Work England's CPD fields, protected, each (label, text)."""
    scrub = plan.protection.scrubber(keep, everywhere=plan.detected)
    return [(label, scrub(text)) for label, text in swe_blocks(plan.account)]


def write_swe(plan: AccountPlan, path: Path, keep: Collection[str] = ()) -> AccountWritten:
    """Write the SWE CPD fields as copy-ready text (owner-only, all or nothing)."""
    replaced, kept = _split(plan, keep)
    try:
        durable.write_bytes(path, swe_text(swe_record(plan, keep)).encode("utf-8"))
    except OSError as exc:
        raise PackWriteError(f"Could not write {path}: "
                             f"{(exc.strerror or str(exc)).lower()}.") from exc
    return AccountWritten(path, replaced, kept)


def write_summary(journal: Journal, path: Path, fmt: PackFormat,
                  since: dt.date | None = None, until: dt.date | None = None,
                  keep: Collection[str] = ()) -> AccountWritten:
    """Write the revalidation / CPD summary for the period (default: the tracker's period,
    else everything), identities protected; every identifier found is replaced, but for
    the detected words the worker keeps as written (keep: say, the title of a guide)."""
    from carejournal.core.dates import short_day
    from carejournal.core.registration import Register
    from carejournal.pack.cpd_summary import build_summary

    status = journal.cpd.status()
    since = since or status.start
    until = until or status.deadline
    learning = journal.cpd.learning(since=since, until=until)
    feedback = journal.cpd.feedback(since=since, until=until)
    protection = Protection(journal.supervision.people(),
                            allowed=(journal.settings.worker_name(), *FORM_WORDS))
    texts = [t for r in learning for t in (r.method, r.topic, r.changed)] + [
        t for f in feedback for t in (f.from_role, f.said, f.changed)]
    detected = tuple(protection.scan(texts))
    replaced = tuple(d for d in detected if d.text not in keep)
    kept = tuple(d for d in detected if d.text in keep)
    scrub = protection.scrubber(keep, everywhere=detected)
    closing = statement(len(protection.aliases()), replaced, kept).replace(
        "this pack", "this summary")
    title = ("Revalidation summary" if status.register is Register.NMC
             else "CPD summary")
    period = f"Period: {short_day(since, 'the start')} to {short_day(until, 'today')}"
    document = build_summary(title, period, status.text, learning, feedback, scrub, closing,
                             nmc=status.register is Register.NMC)
    write_pack(document, path, fmt)
    return AccountWritten(path, replaced, kept)


def plan_edited(journal: Journal, entry_id: int, answers: dict[str, str],
                themes: tuple[Theme, ...]) -> AccountPlan:
    """The account of one entry with the worker's own edits of each part's words (the
    window shows the mapped words first; the worker changes them before exporting)."""
    from dataclasses import replace

    plan = plan_account(journal, entry_id, themes)
    edited = replace(plan.account, answers=tuple(
        (key, prompt, answers.get(key, text)) for key, prompt, text in plan.account.answers))
    return AccountPlan(edited, plan.protection, tuple(plan.protection.scan(edited.texts())))
