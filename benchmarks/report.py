"""The suite's Markdown report: machine and versions, then one table per section."""

from __future__ import annotations

import os
import platform
import sqlite3
import time
from importlib import metadata
from pathlib import Path

from benchmarks.core import Measure, Recorder

PACKAGES = ("PySide6-Essentials", "SQLAlchemy", "alembic", "matplotlib", "fpdf2",
            "sqlcipher3-binary", "argon2-cffi", "jrnl")


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gib() -> str:
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 ** 2:.0f} GiB"
    except OSError:
        pass
    return "unknown"


def _sqlcipher() -> str:
    try:
        from carejournal.store import cipher

        if not cipher.available():
            return "not installed"
        conn = cipher.dbapi_module().connect(":memory:")
        try:
            return str(conn.execute("PRAGMA cipher_version").fetchone()[0])
        finally:
            conn.close()
    except Exception as exc:  # a header line, never a failure
        return f"unknown ({exc})"


def header(rec: Recorder, entries: int, extra: list[str]) -> list[str]:
    """The lines above the tables: when, where, with what."""
    versions = ", ".join(f"{p} {_version(p)}" for p in PACKAGES)
    return [
        "# CareJournal benchmarks",
        "",
        f"- Date: {time.strftime('%Y-%m-%d %H:%M %Z')}",
        f"- Machine: {_cpu()}, {os.cpu_count()} cores, {_memory_gib()} RAM; "
        f"{platform.platform()}",
        f"- Python {platform.python_version()}; SQLite {sqlite3.sqlite_version}; "
        f"SQLCipher {_sqlcipher()}",
        f"- Packages: {versions}",
        f"- Data: {entries:,} entries from benchmarks/dataset.py (fixed seed); "
        f"{rec.runs} timed runs per row unless the row says otherwise",
        *[f"- {line}" for line in extra],
        "",
        "Times are wall-clock. Median, min and max are over the runs; a target is met when "
        "the median is within it. Ratios against jrnl say how many times faster CareJournal "
        "is; ratios against a floor say how many times slower than the floor.",
        "",
    ]


def _number(value: float, unit: str) -> str:
    return f"{value:,.0f} {unit}" if value >= 100 else f"{value:,.1f} {unit}"


def _target(m: Measure) -> str:
    parts = []
    if m.target is not None:
        parts.append(f"< {_number(m.target, m.unit)}")
    if m.ratio_target is not None:
        parts.append(f"≥ {m.ratio_target:g}× {m.ratio_of}" if m.ratio_of == "jrnl"
                     else f"≤ {m.ratio_target:g}× {m.ratio_of}")
    if m.floor_target is not None:
        parts.append(f"≤ {m.floor_target:g}× floor")
    return "; ".join(parts)


def _ratios(m: Measure) -> str:
    parts = []
    if m.ratio is not None:
        parts.append(f"{m.ratio:.1f}× faster than jrnl" if m.ratio_of == "jrnl"
                     else f"{m.ratio:.2f}× {m.ratio_of}")
    if m.floor is not None:
        parts.append(f"{m.floor:.2f}× floor")
    return "; ".join(parts)


def _met(m: Measure) -> str:
    return {True: "yes", False: "**no**", None: ""}[m.met]


def table(measures: list[Measure]) -> list[str]:
    """One Markdown table."""
    lines = ["| measurement | median | min | max | runs | target | ratio | met | note |",
             "|---|---:|---:|---:|---:|---|---|---|---|"]
    for m in measures:
        lines.append(
            f"| {m.label} | {_number(m.median, m.unit)} | {_number(m.low, m.unit)} | "
            f"{_number(m.high, m.unit)} | {len(m.samples)} | {_target(m)} | {_ratios(m)} | "
            f"{_met(m)} | {m.note} |")
    return lines


def render(rec: Recorder, entries: int, extra: list[str]) -> str:
    """The whole report."""
    lines = header(rec, entries, extra)
    missed = [m.label for m in rec.all() if m.met is False]
    targets = [m for m in rec.all() if m.met is not None]
    lines.append(f"Targets met: {len(targets) - len(missed)} of {len(targets)}."
                 + (f" Missed: {'; '.join(missed)}." if missed else ""))
    lines.append("")
    for title, measures in rec.sections:
        lines += [f"## {title}", "", *table(measures), ""]
    if rec.notes:
        lines += ["## Notes", "", *[f"- {note}" for note in rec.notes], ""]
    return "\n".join(lines)
