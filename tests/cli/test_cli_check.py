"""`carejournal check` and `carejournal lens ...`: in-process, and as real subprocesses."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from carejournal.cli.commands import check as cli_check
from carejournal.cli.main import main
from carejournal.core.domain import EntryDraft, EntryKind
from carejournal.services.journal import Journal
from tests.cli.helpers import cli, ok, refused
from tests.cli.test_cli import clean_env, run
from tests.services.test_lens import BROKEN_RULE, write_lexicon

FINDING_KEYS = {"start", "end", "text", "rule", "category", "why", "alternatives", "key",
                "line", "col", "sources"}
TEXT = "Ünïcode first.\nThe service users’ rota, just in case;\n\tcases and a service user.\n"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """Where a journal would be: most checks must never create it."""
    return tmp_path / "journal.sqlite"


@pytest.fixture
def lexicon(tmp_path: Path) -> Path:
    return write_lexicon(tmp_path)


@pytest.fixture
def text_file(tmp_path: Path) -> Path:
    file = tmp_path / "notes.txt"
    file.write_text(TEXT, encoding="utf-8")
    return file


class Stdin(io.TextIOWrapper):
    """Standard input with bytes in it; a terminal when tty."""

    def __init__(self, data: bytes, tty: bool = False) -> None:
        super().__init__(io.BytesIO(data), encoding="utf-8")
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


def check(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> tuple[int, str, str]:
    return cli(capsys, path, "check", *args)


def check_json(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> dict[str, Any]:
    code, out, err = check(capsys, path, *args, "--json")
    assert err == "" and code in (0, 1), err
    data = json.loads(out)
    assert code == (1 if data["findings"] else 0)
    return data


# -- text files ---------------------------------------------------------------------------
def test_a_file_is_checked_line_by_line(capsys: pytest.CaptureFixture[str], path: Path,
                                       text_file: Path, lexicon: Path) -> None:
    code, out, err = check(capsys, path, str(text_file), "--lexicon", str(lexicon))
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert lines[0] == ("2:5  service users  → their name; the person I support  "
                        "(It names someone by a service.)")
    assert [line.split("  ")[0:2] for line in lines[:3]] == [
        ["2:5", "service users"], ["3:2", "cases"], ["3:14", "service user"]]
    assert lines[-1].startswith("Strength words: ") and len(lines) == 4
    assert not path.exists(), "checking a file never creates a journal"


def test_json_offsets_point_into_the_text(capsys: pytest.CaptureFixture[str], path: Path,
                                          text_file: Path, lexicon: Path) -> None:
    data = check_json(capsys, path, str(text_file), "--lexicon", str(lexicon))
    assert set(data) == {"findings", "balance"}
    assert set(data["balance"]) == {"strengths", "problems", "words", "focus", "verdict"}
    assert data["balance"]["words"] == 14
    findings = data["findings"]
    assert [f["rule"] for f in findings] == ["service-user", "case", "service-user"]
    for finding in findings:
        assert set(finding) == FINDING_KEYS
        assert TEXT[finding["start"]:finding["end"]] == finding["text"]
        assert isinstance(finding["alternatives"], list) and finding["alternatives"]
    assert findings[0]["key"] == "service-user:service users"
    assert (findings[1]["line"], findings[1]["col"]) == (3, 2)


def test_json_names_each_findings_sources(capsys: pytest.CaptureFixture[str], path: Path,
                                          tmp_path: Path) -> None:
    file = tmp_path / "note.txt"
    file.write_text("She is wheelchair-bound and her care package starts soon.\n",
                    encoding="utf-8")
    findings = check_json(capsys, path, str(file))["findings"]
    by_rule = {f["rule"]: f["sources"] for f in findings}
    govuk = by_rule["wheelchair-bound"][0]
    assert govuk["id"] == "govuk-disability" and govuk["after"] is False
    assert govuk["link"].startswith("https://www.gov.uk/") and govuk["year"] == 2021
    assert {s["id"] for s in by_rule["care-package"]} >= {"dimensions-words"}
    assert all(set(s) == {"id", "title", "publisher", "year", "link", "after"}
               for f in findings for s in f["sources"])


def test_a_file_with_nothing_to_point_out_exits_0(capsys: pytest.CaptureFixture[str],
                                                  path: Path, tmp_path: Path,
                                                  lexicon: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("Ann and I went to the shops, just in case.\n", encoding="utf-8")
    code, out, err = check(capsys, path, str(clean), "--lexicon", str(lexicon))
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "Nothing to look at again."


def test_the_shipped_lexicon_is_used_by_default(capsys: pytest.CaptureFixture[str],
                                                path: Path, tmp_path: Path) -> None:
    file = tmp_path / "visit.txt"
    file.write_text("She was non-compliant with the service user plan.", encoding="utf-8")
    data = check_json(capsys, path, str(file))
    assert {"non-compliant", "service-user"} <= {f["rule"] for f in data["findings"]}


def test_standard_input_is_read_with_a_dash(capsys: pytest.CaptureFixture[str], path: Path,
                                            lexicon: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", Stdin(TEXT.encode()))
    data = check_json(capsys, path, "-", "--lexicon", str(lexicon))
    assert len(data["findings"]) == 3


def test_piped_standard_input_needs_no_dash(capsys: pytest.CaptureFixture[str], path: Path,
                                            lexicon: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", Stdin(b"a case"))
    code, out, _err = check(capsys, path, "--lexicon", str(lexicon))
    assert code == 1 and out.startswith("1:3  case  → the person  (A person is not a case.)")


def test_empty_standard_input_is_clean(capsys: pytest.CaptureFixture[str], path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", Stdin(b""))
    assert ok(capsys, path, "check", "-") == "The text is empty: there is nothing to check.\n"
    monkeypatch.setattr(sys, "stdin", Stdin(b""))
    assert check_json(capsys, path, "-")["findings"] == []


def test_a_terminal_with_nothing_piped_gets_told_how(capsys: pytest.CaptureFixture[str],
                                                     path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", Stdin(b"never read", tty=True))
    err = refused(capsys, path, "check")
    assert "give a FILE" in err and "--entry" in err
    assert sys.stdin.read() == "never read"


def test_a_dash_from_a_terminal_says_how_to_finish(capsys: pytest.CaptureFixture[str],
                                                   path: Path, lexicon: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", Stdin(b"a case\n", tty=True))
    code, _out, err = check(capsys, path, "-", "--lexicon", str(lexicon))
    assert code == 1 and "Ctrl-D" in err


@pytest.mark.parametrize("data", [b"PK\x03\x04\x00\x00binary", b"caf\xe9 au lait",
                                  "\ufeffa case".encode("utf-16")])
def test_binary_or_non_utf8_input_is_refused_in_one_line(capsys: pytest.CaptureFixture[str],
                                                         path: Path, tmp_path: Path,
                                                         data: bytes) -> None:
    file = tmp_path / "odd.bin"
    file.write_bytes(data)
    err = refused(capsys, path, "check", str(file))
    assert "binary" in err or "not UTF-8" in err


def test_a_byte_order_mark_is_not_part_of_the_text(capsys: pytest.CaptureFixture[str],
                                                   path: Path, tmp_path: Path,
                                                   lexicon: Path) -> None:
    file = tmp_path / "bom.txt"
    file.write_bytes("\ufeffcase".encode())
    (finding,) = check_json(capsys, path, str(file), "--lexicon", str(lexicon))["findings"]
    assert (finding["start"], finding["col"]) == (0, 1)


def test_a_huge_input_is_refused_quickly(capsys: pytest.CaptureFixture[str], path: Path,
                                         tmp_path: Path, lexicon: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_check, "MAX_BYTES", 1000)
    file = tmp_path / "big.txt"
    file.write_text("a case. " * 125, encoding="utf-8")  # exactly 1000 bytes: fine
    assert check(capsys, path, str(file), "--lexicon", str(lexicon))[0] == 1
    file.write_text("a case. " * 126, encoding="utf-8")
    assert "larger than" in refused(capsys, path, "check", str(file))
    monkeypatch.setattr(sys, "stdin", Stdin(b"x" * 1001))
    assert "standard input is larger than" in refused(capsys, path, "check", "-")


def test_missing_files_and_folders_are_refused(capsys: pytest.CaptureFixture[str],
                                               path: Path, tmp_path: Path) -> None:
    assert "cannot read" in refused(capsys, path, "check", str(tmp_path / "nope.txt"))
    assert "is a folder" in refused(capsys, path, "check", str(tmp_path))
    assert not path.exists()


def test_long_texts_are_checked_in_pieces_with_the_same_answer(lexicon: Path) -> None:
    from carejournal.lens.balance import measure
    from carejournal.lens.matcher import Lens, load_lexicon

    lens = Lens(load_lexicon(lexicon))
    text = ("The service\nuser said no, in any case; a case-by-case plan. Cases! " * 40
            + "service user " * 30)  # the end has no punctuation to cut after
    whole = lens.check(text)
    for size in (40, 97, 1000):
        checking = cli_check.TextCheck(lens, text, size)
        assert list(checking.findings()) == whole
        assert checking.balance == measure(text)


# -- the lexicon --------------------------------------------------------------------------
def test_a_bad_rule_is_a_warning_and_the_rest_still_check(capsys: pytest.CaptureFixture[str],
                                                          path: Path, tmp_path: Path,
                                                          text_file: Path) -> None:
    bad = write_lexicon(tmp_path, BROKEN_RULE, name="bad.toml")
    code, out, err = check(capsys, path, str(text_file), "--lexicon", str(bad))
    assert code == 1 and "service users" in out
    assert err.startswith("carejournal: warning: ") and "bad.toml" in err and "Bad Id" in err


@pytest.mark.parametrize("content", ["this is [not toml", "version = 1\n"])
def test_a_lexicon_with_no_usable_rules_is_an_error(capsys: pytest.CaptureFixture[str],
                                                    path: Path, tmp_path: Path,
                                                    text_file: Path, content: str) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text(content, encoding="utf-8")
    code, out, err = check(capsys, path, str(text_file), "--lexicon", str(broken))
    assert (code, out) == (2, "")
    assert "broken.toml" in err.splitlines()[0]
    assert err.splitlines()[-1].startswith("carejournal: no language rules could be loaded")


def test_the_lexicon_hook_is_not_in_the_help(capsys: pytest.CaptureFixture[str],
                                             path: Path) -> None:
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out = capsys.readouterr().out
    assert "--entry" in out and "--lexicon" not in out


# -- journal entries ----------------------------------------------------------------------
@pytest.fixture
def entries(path: Path) -> list[int]:
    journal = Journal.open(path, create=True)
    try:
        return [
            journal.add(EntryDraft(EntryKind.INTERACTION, dt.date(2026, 3, 1),
                                   title="A case", body="Ann refused.\nThe service user.")),
            journal.add(EntryDraft(EntryKind.REFLECTION, dt.date(2026, 3, 5),
                                   body="Nothing here.", model="gibbs",
                                   sections=(("feelings", "Worried about the cases"),))),
            journal.add(EntryDraft(EntryKind.INTERACTION, dt.date(2026, 3, 9),
                                   body="Just in case.")),
            journal.add(EntryDraft(EntryKind.INTERACTION, dt.date(2026, 3, 5),
                                   body="A case in the trash.")),
        ]
    finally:
        journal.close()


def trash(path: Path, entry_id: int) -> None:
    journal = Journal.open(path, create=True)
    journal.trash([entry_id])
    journal.close()


def test_an_entry_is_checked_field_by_field(capsys: pytest.CaptureFixture[str], path: Path,
                                            entries: list[int], lexicon: Path) -> None:
    code, out, err = check(capsys, path, "--entry", str(entries[0]), "--lexicon",
                           str(lexicon))
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert lines[0] == f"Entry {entries[0]} (2026-03-01), Title:"
    assert lines[1].startswith("  1:3  case  → the person")
    assert lines[2] == f"Entry {entries[0]} (2026-03-01), Entry text:"
    assert lines[3].startswith("  1:5  refused  → said no to; chose not to")
    assert lines[4].startswith("  2:5  service user  → ")
    assert lines[5].startswith("Strength words: ")


def test_entries_in_json_carry_entry_field_and_offsets(capsys: pytest.CaptureFixture[str],
                                                       path: Path, entries: list[int],
                                                       lexicon: Path) -> None:
    data = check_json(capsys, path, "--since", "2026-03-01", "--until", "2026-03-05",
                      "--lexicon", str(lexicon))
    texts = {(entries[0], "title"): "A case",
             (entries[0], "body"): "Ann refused.\nThe service user.",
             (entries[1], "section:feelings"): "Worried about the cases"}
    found = [(f["entry"], f["field"]) for f in data["findings"]]
    assert found == [(entries[0], "title"), (entries[0], "body"), (entries[0], "body"),
                     (entries[1], "section:feelings"), (entries[3], "body")]
    for finding in data["findings"]:
        assert set(finding) == FINDING_KEYS | {"entry", "field", "label"}
        text = texts.get((finding["entry"], finding["field"]), "A case in the trash.")
        assert text[finding["start"]:finding["end"]] == finding["text"]


def test_a_period_leaves_out_the_trash_and_other_dates(capsys: pytest.CaptureFixture[str],
                                                       path: Path, entries: list[int],
                                                       lexicon: Path) -> None:
    trash(path, entries[3])
    data = check_json(capsys, path, "--since", "2026-03-05", "--lexicon", str(lexicon))
    assert [f["entry"] for f in data["findings"]] == [entries[1]]
    data = check_json(capsys, path, "--since", "2026-03-06", "--lexicon", str(lexicon))
    assert data["findings"] == [] and data["balance"]["words"] == 3
    out = ok(capsys, path, "check", "--since", "2027-01-01")
    assert out == "No entries in that period: there is nothing to check.\n"


def test_entries_leave_out_dismissed_findings_and_rules_switched_off(
        capsys: pytest.CaptureFixture[str], path: Path) -> None:
    journal = Journal.open(path, create=True)
    entry_id = journal.add(EntryDraft(
        EntryKind.INTERACTION, dt.date(2026, 3, 1),
        body="The service user was non-compliant.",
        dismissed=("non-compliant:non compliant",)))
    journal.close()
    data = check_json(capsys, path, "--entry", str(entry_id))
    assert [f["rule"] for f in data["findings"]] == ["service-user"]
    ok(capsys, path, "lens", "off", "service-user")
    assert check(capsys, path, "--entry", str(entry_id))[0] == 0


@pytest.mark.parametrize("args", [
    ("--entry", "99"), ("--since", "2026-02-30"), ("--since", "2026-03-05", "--until",
                                                   "2026-03-01"),
    ("notes.txt", "--entry", "1")])
def test_entry_errors_exit_2(capsys: pytest.CaptureFixture[str], path: Path,
                             entries: list[int], args: tuple[str, ...]) -> None:
    refused(capsys, path, "check", *args)


# -- lens rules / off / on ----------------------------------------------------------------
def test_lens_rules_lists_and_switches_rules(capsys: pytest.CaptureFixture[str],
                                             path: Path) -> None:
    listed = {r["id"]: r for r in json.loads(ok(capsys, path, "lens", "rules", "--json"))}
    rule = listed["service-user"]
    assert rule["on"] is True and rule["category"] == "labels"
    assert rule["phrase"] == "service user" and rule["alternatives"]
    assert rule["sources"][0]["id"] == "dimensions-words"
    out = ok(capsys, path, "lens", "off", "service-user")
    assert "carejournal lens on service-user" in out
    journal = Journal.open(path, create=True)
    assert "service-user" in journal.lens.disabled_rules()  # the window sees it too
    journal.close()
    line = next(x for x in ok(capsys, path, "lens", "rules").splitlines()
                if x.startswith("service-user "))
    assert line.split()[1:3] == ["labels", "off"]
    ok(capsys, path, "lens", "on", "service-user")
    listed = {r["id"]: r for r in json.loads(ok(capsys, path, "lens", "rules", "--json"))}
    assert listed["service-user"]["on"] is True


def test_an_unknown_rule_gets_a_suggestion(capsys: pytest.CaptureFixture[str],
                                           path: Path) -> None:
    err = refused(capsys, path, "lens", "off", "servce-user")
    assert "no language rule 'servce-user'" in err and "did you mean 'service-user'" in err


# -- real processes -----------------------------------------------------------------------
def test_checking_a_file_loads_no_database_qt_or_plots(tmp_path: Path, text_file: Path
                                                       ) -> None:
    script = (
        "import sys\n"
        "from carejournal.cli.main import main\n"
        f"code = main(['check', {str(text_file)!r}])\n"
        "heavy = ('sqlalchemy', 'alembic', 'PySide6', 'shiboken6', 'matplotlib')\n"
        "print(code, sorted({m.split('.')[0] for m in sys.modules} & set(heavy)))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, env=clean_env(tmp_path), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "1 []"
    assert not (tmp_path / "xdg").exists(), "no journal folder was made"


def test_check_as_a_subprocess(tmp_path: Path, lexicon: Path) -> None:
    done = run(tmp_path, "check", "--json", "-", "--lexicon", str(lexicon),
               stdin=TEXT.encode())
    assert done.returncode == 1 and done.stderr == ""
    assert len(json.loads(done.stdout)["findings"]) == 3
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(cli_check.MAX_BYTES + 1)
    done = run(tmp_path, "check", str(big))
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "larger than 10 MB" in done.stderr
    done = run(tmp_path, "check", "-", stdin=b"\x00\x01\x02")
    assert done.returncode == 2 and "binary" in done.stderr and "Traceback" not in done.stderr

