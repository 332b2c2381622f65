"""The strengths and problems measure: counts, verdicts, sums over a period, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from carejournal.core.errors import ResourceError
from carejournal.lens.balance import Balance, Verdict, load_balance, measure


def test_counts_strength_and_problem_words() -> None:
    text = "She was proud of her garden, laughed a lot and chose the colours herself."
    found = measure(text)
    assert (found.strengths, found.problems, found.words) == (3, 0, 14)
    assert found.focus == 1.0 and found.verdict is Verdict.STRENGTHS


def test_problem_focused_text_reads_as_problems() -> None:
    found = measure("He refused his meds, was aggressive, and there were concerns about risk. "
                    "He enjoyed lunch.")
    assert (found.strengths, found.problems) == (1, 4)
    assert found.focus == pytest.approx(-0.6) and found.verdict is Verdict.PROBLEMS


def test_even_counts_are_balanced_and_few_words_cannot_tell() -> None:
    assert measure("A problem, a risk, a strength and a hope.").verdict is Verdict.BALANCED
    short = measure("He can't sleep.")
    assert short.problems == 1 and short.verdict is Verdict.TOO_FEW
    assert measure("").focus is None and measure("").verdict is Verdict.TOO_FEW


def test_periods_add_up() -> None:
    total = Balance(2, 1, 50) + Balance(0, 3, 40)
    assert total == Balance(2, 4, 90)
    assert total.as_json() == {"strengths": 2, "problems": 4, "words": 90,
                               "focus": -0.333, "verdict": "problems"}


def test_a_broken_word_list_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "balance.toml"
    path.write_text("[strengths]\nphrases = ['proud']\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=r"\[problems\] needs a list"):
        load_balance(path)
    path.write_text("[strengths\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="balance.toml"):
        load_balance(path)
    path.write_text("lean = 3\n[strengths]\nphrases=['a']\n[problems]\nphrases=['b']\n",
                    encoding="utf-8")
    with pytest.raises(ResourceError, match="'lean'"):
        load_balance(path)


def test_a_verdict_still_reads_when_the_word_lists_cannot(monkeypatch: pytest.MonkeyPatch) -> None:
    import carejournal.lens.balance as balance

    def broken() -> balance.BalanceRules:
        raise ResourceError("balance.toml: broken")
    monkeypatch.setattr(balance, "measure_rules", broken)
    assert Balance(4, 0, 10).verdict is Verdict.STRENGTHS
    assert Balance().as_json()["verdict"] == "too-few"
