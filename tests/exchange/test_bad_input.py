"""Every importer on arbitrary bytes: a clean import or an ImportProblem, never half."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carejournal.exchange.errors import ImportProblem
from carejournal.services.importing import import_files
from carejournal.services.journal import Journal
from tests.exchange.conftest import tried

SEEDS = [b"", b"\xef\xbb\xbf{}", b'{"entries": [{"date": "2024-02-31", "body": "x"}]}',
         b"date,text\n2024-01-02,hello\n", b"---\ndate: 2024-01-02\n---\nhi\n",
         b'{"format": "carejournal", "version": 1, "entries": []}', b"\xff\xfe\x00"]


@pytest.mark.parametrize("fmt", ["json", "jrnl", "csv", "markdown"])
@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=300), st.sampled_from(SEEDS),
                      st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_arbitrary_bytes_import_cleanly_or_not_at_all(journal: Journal, tmp_path: Path,
                                                      fmt: str, data: bytes) -> None:
    tried(f"{fmt} importer on arbitrary bytes")
    path = tmp_path / "2024-01-02-in.txt"
    path.write_bytes(data)
    before = journal.count() + journal.count(trashed=True)
    try:
        report = import_files(journal, fmt, [path])
    except ImportProblem as exc:
        assert str(exc).endswith("Nothing was imported.")
        assert journal.count() + journal.count(trashed=True) == before
    else:
        after = journal.count() + journal.count(trashed=True)
        assert after == before + report.entries_added


@pytest.mark.parametrize(("fmt", "data", "words"), [
    ("jrnl", b'{"entries": [{"date": "2024-02-31", "body": "x"}]}', "entry 1"),
    ("json", b'{"format": "carejournal", "version": 1, "version": 1}', "appears twice"),
    ("json", b'{"format": "carejournal", "version": NaN}', "NaN"),
    ("json", b"[" * 100_000, "nested too deeply"),
    ("csv", b"date,text\n2024-01-02,ok\n2024-02-30,bad\n", "line 3"),
    ("csv", b"date,text\n2024-01-02,\xff\n", "not UTF-8"),
    ("jrnl", b'{"entries": [{"date": "2024-01-01", "body": "\\ud800"}]}', "lone surrogate"),
])
def test_bad_files_name_the_problem_and_import_nothing(journal: Journal, tmp_path: Path,
                                                       fmt: str, data: bytes, words: str) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(data)
    with pytest.raises(ImportProblem, match=words):
        import_files(journal, fmt, [path])
    assert journal.count() == 0


def test_csv_with_a_bom_and_a_mapping_imports(journal: Journal, tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes("\ufeffDay,Note,Labels\n2024-01-02,Tea with \x07Ann,\"a, b\"\n".encode())
    report: Any = import_files(journal, "csv", [path], "date=Day,text=Note,tags=Labels")
    assert report.entries_added == 1
    entry = journal.get(journal.rows()[0].id)
    assert (entry.body, entry.tags) == ("Tea with Ann", ("a", "b"))  # control char removed


def test_an_agreed_action_with_an_unknown_function_refuses_the_whole_file(
        tmp_path: Path) -> None:
    """All or nothing: one action naming no known function of supervision stops the import."""
    import json

    from carejournal.exchange.json_import import read_json

    data = json.loads((Path(__file__).parent / "data" / "every_row.json").read_text("utf-8"))
    data["supervision_sessions"][0]["actions"][0]["function"] = "gossip"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), "utf-8")
    with pytest.raises(ImportProblem) as caught:
        read_json(bad)
    assert "gossip" in str(caught.value)
