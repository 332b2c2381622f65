"""Translatable words about the lens and the strengths/problems balance, shared by widgets."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from carejournal.lens.balance import Balance, Verdict


def _t(text: str) -> str:
    return QCoreApplication.translate("CareJournal", text)


def verdict_text(verdict: Verdict) -> str:
    """What the counts over a period suggest, in one calm sentence."""
    return {
        Verdict.STRENGTHS: _t("Over this period your writing leans towards strengths."),
        Verdict.BALANCED: _t("Over this period your writing is balanced between strengths "
                             "and problems."),
        Verdict.PROBLEMS: _t("Over this period your writing leans towards problems. Were there "
                             "strengths you saw but did not write down?"),
        Verdict.TOO_FEW: _t("Too few of these words in this period to tell."),
    }[verdict]


def balance_summary(balance: Balance) -> str:
    """The counts over a period and what they suggest, in plain words."""
    counts = _t("Strength words: {strengths}. Problem words: {problems}.").format(
        strengths=balance.strengths, problems=balance.problems)
    return f"{counts}\n{verdict_text(balance.verdict)}"
