"""Every text the window translates is found by pyside6-lupdate in the context the code
looks it up in, with plural forms where it is given a number (scripts/translations.py)."""

from __future__ import annotations

from pathlib import Path

from scripts import translations

# Texts translated through a variable, whose sources are listed for lupdate elsewhere.
DYNAMIC = {
    "carejournal/ui/shared/strings.py": "the kinds' texts, listed in KIND_SOURCES (and "
                                        "CareJournal.tr, which translates what it is given)",
    "carejournal/ui/practice/goal_question.py": "the questions, listed in QUESTION_SOURCES",
    "carejournal/ui/privacy/passphrase.py": "the passphrase's problems, marked where written",
}


def test_lupdate_finds_every_text_in_its_context(tmp_path: Path) -> None:
    ts = tmp_path / "extracted.ts"
    translations.extract(ts)
    problems = translations.audit(ts)
    unexpected = [f"{kind}: {call.where()} [{call.context}] {call.text!r}"
                  for kind, calls in problems.items() for call in calls
                  if not (kind in ("through a helper", "not a literal") and call.path in DYNAMIC)]
    assert not unexpected, "\n".join(unexpected)
    assert len(translations.messages(ts)) > 1300


def test_english_has_every_plural_form(tmp_path: Path) -> None:
    extracted = tmp_path / "plurals.ts"
    translations.extract(extracted, plurals_only=True)
    shipped = translations.messages(translations.TRANSLATIONS / "carejournal_en.ts")
    missing = set(translations.messages(extracted)) - set(shipped)
    assert not missing, f"add their English forms to carejournal_en.ts (make translations): " \
        f"{sorted(missing)}"
