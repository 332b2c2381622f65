"""Start-up hardening: no core dumps, and new files owner-only (carejournal/hardening.py).

Each check runs in a child process, since the settings last for the life of a process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

REPORT = """
import ctypes, json, os, resource, sys
status = {}
if sys.platform.startswith("linux"):
    for line in open("/proc/self/status", encoding="ascii"):
        name, _, value = line.partition(":")
        status[name] = value.strip()
    dumpable = ctypes.CDLL(None).prctl(3, 0, 0, 0, 0)  # PR_GET_DUMPABLE
else:
    dumpable = None
mask = os.umask(0)
print(json.dumps({"core": resource.getrlimit(resource.RLIMIT_CORE),
                  "coredumping": status.get("CoreDumping"), "dumpable": dumpable,
                  "umask": mask}))
"""

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX resource limits")


def child(code: str, tmp_path: Path) -> dict[str, object]:
    """Run code in a new Python, then REPORT; return what REPORT printed."""
    done = subprocess.run([sys.executable, "-c", code + REPORT], cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": str(ROOT),
                               "CAREJOURNAL_LOG_DIR": str(tmp_path / "log")},
                          capture_output=True, text=True, timeout=60, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def assert_hardened(found: dict[str, object]) -> None:
    assert found["core"] == [0, 0]
    assert found["umask"] == 0o077
    if sys.platform.startswith("linux"):
        assert found["coredumping"] == "0"
        assert found["dumpable"] == 0


def test_a_plain_child_may_dump_core(tmp_path: Path) -> None:
    """The control: without hardening the child is dumpable (so the checks can fail)."""
    found = child("", tmp_path)
    if sys.platform.startswith("linux"):
        assert found["dumpable"] == 1


def test_harden_disables_core_dumps_and_makes_new_files_owner_only(tmp_path: Path) -> None:
    found = child("from carejournal import hardening\nhardening.harden()\n", tmp_path)
    assert_hardened(found)


def test_the_command_line_hardens_itself_first(tmp_path: Path) -> None:
    journal = tmp_path / "journal.sqlite"
    found = child("import contextlib, io\nfrom carejournal.cli.main import main\n"
                  "with contextlib.redirect_stdout(io.StringIO()):\n"
                  f"    assert main(['--journal', {str(journal)!r}, 'list']) == 0\n", tmp_path)
    assert_hardened(found)


def test_a_refused_step_never_stops_start_up(monkeypatch: pytest.MonkeyPatch) -> None:
    import resource

    from carejournal import hardening

    def refused(*_args: object) -> None:
        raise ValueError("not allowed")

    monkeypatch.setattr(resource, "setrlimit", refused)
    monkeypatch.setattr(hardening, "_not_dumpable", lambda: False)
    monkeypatch.setattr(hardening.os, "umask", lambda mask: 0o022)  # this process keeps its own
    assert hardening.disable_core_dumps() is False
    hardening.harden()  # no exception


def test_the_window_hardens_itself_before_making_the_application(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from carejournal import app as app_module
    from carejournal import hardening

    calls: list[str] = []

    class Stop(Exception):
        pass

    def make_application() -> None:
        calls.append("application")
        raise Stop

    monkeypatch.setattr(hardening, "harden", lambda: calls.append("harden"))
    monkeypatch.setattr(app_module, "make_application", make_application)
    with pytest.raises(Stop):
        app_module.main()
    assert calls == ["harden", "application"]
