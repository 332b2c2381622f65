"""What every benchmark shares: timing, the recorder of measurements, and targets."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WARM_UP = {"on": True}  # the smoke run (one run of each, tiny data) turns warm-up calls off


@dataclass
class Measure:
    """One row of the table: samples in seconds (or megabytes when unit is 'MB')."""

    key: str
    label: str
    samples: list[float]
    unit: str = "ms"
    target: float | None = None  # the median must be at most this (in the row's unit)
    ratio: float | None = None  # how many times faster than the peer or floor (or slower)
    ratio_of: str = ""  # what the ratio compares with, e.g. "jrnl" or "floor"
    ratio_target: float | None = None
    floor: float | None = None  # ours / the import floor (lower is better)
    floor_target: float | None = None
    note: str = ""

    def _scale(self, value: float) -> float:
        return value * 1000 if self.unit == "ms" else value

    @property
    def median(self) -> float:
        return self._scale(statistics.median(self.samples))

    @property
    def low(self) -> float:
        return self._scale(min(self.samples))

    @property
    def high(self) -> float:
        return self._scale(max(self.samples))

    @property
    def met(self) -> bool | None:
        """Whether the row meets its targets (None when it has none)."""
        checks: list[bool] = []
        if self.target is not None:
            checks.append(self.median <= self.target)
        if self.ratio is not None and self.ratio_target is not None:
            checks.append(self.ratio >= self.ratio_target if self.ratio_of == "jrnl"
                          else self.ratio <= self.ratio_target)
        if self.floor is not None and self.floor_target is not None:
            checks.append(self.floor <= self.floor_target)
        return all(checks) if checks else None


@dataclass
class Recorder:
    """Collects measurements in sections, in the order they are taken."""

    runs: int
    sections: list[tuple[str, list[Measure]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def section(self, title: str) -> None:
        self.sections.append((title, []))

    def add(self, key: str, label: str, samples: Sequence[float], **extra: Any) -> Measure:
        """Add a row (samples in seconds unless unit='MB') to the current section."""
        if not self.sections:
            self.section("Measurements")
        measure = Measure(key, label, list(samples), **extra)
        self.sections[-1][1].append(measure)
        print(f"  {label}: {measure.median:,.1f} {measure.unit}", file=sys.stderr, flush=True)
        return measure

    def get(self, key: str) -> Measure:
        for _, measures in self.sections:
            for measure in measures:
                if measure.key == key:
                    return measure
        raise KeyError(key)

    def all(self) -> list[Measure]:
        return [m for _, measures in self.sections for m in measures]


def time_runs(fn: Callable[[], Any], runs: int, warm_up: bool = True
              ) -> tuple[list[float], Any]:
    """Call fn runs times (after one untimed call unless warm_up is False)."""
    result = fn() if warm_up and WARM_UP["on"] else None
    samples = []
    for _ in range(runs):
        begin = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - begin)
    return samples, result


def percentile(samples: Sequence[float], share: float) -> float:
    """The nearest-rank percentile (share 0.95 for p95)."""
    ordered = sorted(samples)
    index = max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))
    return ordered[index]


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a measured subprocess: offscreen Qt, no journal from outside."""
    # Bytecode caches as an installed app has them (a PYTHONDONTWRITEBYTECODE in the calling
    # shell would make every run compile CareJournal's modules afresh: 50-100 ms a start).
    env = {k: v for k, v in os.environ.items()
           if k not in ("CAREJOURNAL_JOURNAL", "PYTHONDONTWRITEBYTECODE")}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    return env | extra


def script(name: str) -> str:
    """A console script installed beside this interpreter (carejournal, jrnl)."""
    return str(Path(sys.executable).parent / name)


def run_timed(argv: Sequence[str], env: dict[str, str] | None = None,
              stdin: str | None = None) -> tuple[float, str]:
    """Run a command to the end; its wall time in seconds and its output. Fails loudly."""
    begin = time.perf_counter()
    done = subprocess.run(list(argv), capture_output=True, text=True, input=stdin,
                          env=env or child_env(), check=False)
    wall = time.perf_counter() - begin
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return wall, done.stdout
