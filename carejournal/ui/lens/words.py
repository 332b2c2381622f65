"""Translatable words about the lens and the strengths/problems balance, shared by widgets."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from carejournal.lens.balance import Balance, Verdict

translate = QCoreApplication.translate  # translate("Context", "text"), as lupdate reads it


def verdict_text(verdict: Verdict) -> str:
    """What the counts over a period suggest, in one calm sentence."""
    return {
        Verdict.STRENGTHS: translate(
            "CareJournal", "Over this period your writing leans towards strengths."),
        Verdict.BALANCED: translate(
            "CareJournal", "Over this period your writing is balanced between strengths "
                             "and problems."),
        Verdict.PROBLEMS: translate(
            "CareJournal", "Over this period your writing leans towards problems. Were there "
                             "strengths you saw but did not write down?"),
        Verdict.TOO_FEW: translate("CareJournal", "Too few of these words in this period to tell."),
    }[verdict]


def balance_summary(balance: Balance) -> str:
    """The counts over a period and what they suggest, in plain words."""
    counts = translate(
        "CareJournal", "Strength words: {strengths}. Problem words: {problems}.").format(
        strengths=balance.strengths, problems=balance.problems)
    return f"{counts}\n{verdict_text(balance.verdict)}"
