"""`make dist-check`: the bundle works with none of our environment, and what it costs.

Runs dist/CareJournal/carejournal under `env -i` (HOME a new folder, PATH=/usr/bin:/bin,
QT_QPA_PLATFORM=offscreen, nothing else: no virtual environment, no PYTHONPATH) to

1. fill a demo journal, 2. list it, 3. write a PDF supervision pack (and a Word one, a PNG
and an SVG chart, and check a text's wording and spelling: the libraries that read data
files or are imported late), 4. open the window offscreen (it quits after its first paint),
and on X11 too when xvfb-run is there, 5. encrypt the journal (the passphrase from a file)
and list it again through the passphrase;

then prints the bundle's size on disk, the tarball's size, and the time from spawn to the
window's first paint, bundle against this checkout run by the virtual environment's Python,
measured the same way (CAREJOURNAL_TEST_HOOK=first-paint: wall time from spawn, and the CPU
time the process used by then, steadier on a busy machine; median of --runs, alternating).

    python scripts/dist_check.py [--bundle dist/CareJournal] [--tarball FILE] [--runs 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAINT_LINE = "FIRST-PAINT"  # carejournal/ui/test_hook.py
PASSPHRASE = "a long walk by the river on a Tuesday"
# Words the lens flags (lemminflect's irregular forms) and a misspelling (spylls).
CHECKED_TEXT = "Sam was very challenging today and refused his meds. I recieved a call.\n"
TIMEOUT_S = 180


class CheckFailed(Exception):
    """A step of the check did not do what it should."""


def clean_env(home: Path, **extra: str) -> list[str]:
    """`env -i` and the only variables the run gets."""
    chosen = {"HOME": str(home), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen",
              **extra}
    return ["env", "-i", *(f"{key}={value}" for key, value in chosen.items())]


def run(command: Sequence[str], step: str, status: int = 0) -> str:
    """Run one command; its standard output, or CheckFailed with what it said."""
    done = subprocess.run(list(command), capture_output=True, text=True, timeout=TIMEOUT_S,
                          check=False)
    if done.returncode != status:
        raise CheckFailed(f"{step}: status {done.returncode}\n{done.stdout[-1500:]}"
                          f"\n{done.stderr[-1500:]}")
    return done.stdout


def first_paint(command: Sequence[str]) -> tuple[float, float]:
    """Seconds from spawning the window to its list's first paint, and the CPU seconds the
    process used by then (steadier than wall time on a busy machine)."""
    spawned = time.time()
    out = run(command, "the window")
    lines = [line for line in out.splitlines() if line.startswith(PAINT_LINE)]
    if not lines:
        raise CheckFailed(f"the window never printed {PAINT_LINE}:\n{out[-1500:]}")
    _mark, painted, cpu = lines[-1].split()
    return float(painted) - spawned, float(cpu)


def size_on_disk(path: Path) -> int:
    """Bytes the files under path take on disk (blocks, as du counts them)."""
    if path.is_file():
        return path.stat().st_blocks * 512
    return sum(p.lstat().st_blocks * 512 for p in path.rglob("*") if not p.is_dir())


def megabytes(size: int) -> str:
    """In MiB, as `du -h` counts them."""
    return f"{size / 2**20:.0f} MiB"


def check_bundle(exe: Path, home: Path) -> Path:
    """Steps 1-5 with the bundle; returns the journal (plain, then encrypted)."""
    journal = home / "demo.carejournal"
    cli = [*clean_env(home), str(exe), "--journal", str(journal)]
    print("  demo:", run([*cli, "demo"], "demo").strip().splitlines()[-1])
    listed = [line for line in run([*cli, "list"], "list").splitlines() if line.strip()]
    if not listed:
        raise CheckFailed("list: the demo journal lists nothing")
    print(f"  list: {len(listed)} entries")
    pack = home / "pack.pdf"
    since = (dt.date.today() - dt.timedelta(days=400)).isoformat()
    run([*cli, "export", "--since", since, "--out", str(pack)], "export")
    if not pack.is_file() or not pack.read_bytes().startswith(b"%PDF-"):
        raise CheckFailed("export: no PDF was written")
    print(f"  export: {pack.name}, {pack.stat().st_size:,} bytes")
    check_late_libraries(cli, home, since)
    window = [str(exe), "--journal", str(journal)]
    seconds, _cpu = first_paint([*clean_env(home, CAREJOURNAL_TEST_HOOK="first-paint"),
                                 *window])
    print(f"  window: painted offscreen {seconds:.2f} s after spawn, then quit")
    if shutil.which("xvfb-run"):
        seconds, _cpu = first_paint(on_x11(home, window))
        print(f"  window on X11 (Xvfb, Qt's xcb plugin): painted {seconds:.2f} s after spawn")
    else:
        print("  window on X11: not tried (no xvfb-run here)")
    secret = home / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    secret.chmod(0o600)
    run([*cli, "encrypt", "--new-passphrase-file", str(secret)], "encrypt")
    if journal.read_bytes()[:16] == b"SQLite format 3\x00":
        raise CheckFailed("encrypt: the journal is still a plain SQLite file")
    again = [line for line in run([*cli, "--passphrase-file", str(secret), "list"],
                                  "list (encrypted)").splitlines() if line.strip()]
    if again != listed:
        raise CheckFailed("list (encrypted): the entries differ from before")
    print(f"  encrypt: done; list through the passphrase shows the same {len(again)} entries")
    return journal


def check_late_libraries(cli: Sequence[str], home: Path, since: str) -> None:
    """python-docx's template, matplotlib's Agg and SVG, lemminflect's and spylls' data."""
    docx = home / "pack.docx"
    run([*cli, "export", "--since", since, "--out", str(docx)], "export (Word)")
    if not docx.read_bytes().startswith(b"PK"):
        raise CheckFailed("export: no Word file was written")
    for name, picture in (("kinds", "kinds.png"), ("balance", "balance.svg")):
        run([*cli, "chart", name, "--period", "3m", "--out", str(home / picture)], "chart")
        if (home / picture).stat().st_size < 1000:
            raise CheckFailed(f"chart: {picture} is empty")
    text = home / "note.txt"
    text.write_text(CHECKED_TEXT, encoding="utf-8")
    said = run([*cli, "check", "--spelling", str(text)], "check", status=1)
    if "recieved" not in said or "refused" not in said.lower():
        raise CheckFailed(f"check: the lens or the speller found nothing:\n{said}")
    print("  export (Word), chart (PNG, SVG), check --spelling: done")


def on_x11(home: Path, command: Sequence[str]) -> list[str]:
    """The window under Xvfb, still with none of our environment but the display's."""
    env = [*clean_env(home, QT_QPA_PLATFORM="xcb", CAREJOURNAL_TEST_HOOK="first-paint")]
    quoted = " ".join(shlex.quote(part) for part in env)
    program = " ".join(shlex.quote(part) for part in command)
    return ["xvfb-run", "-a", "sh", "-c",
            f'exec {quoted} DISPLAY="$DISPLAY" XAUTHORITY="$XAUTHORITY" {program}']


Timings = list[tuple[float, float]]  # (wall, CPU) seconds to the first paint, one per run


def time_windows(exe: Path, home: Path, runs: int) -> tuple[Timings, Timings]:
    """Spawn-to-first-paint of the bundle and of the venv, alternating, on one plain journal.

    One run of each first, not counted: it fills the new HOME's font cache and settings.
    """
    journal = home / "timed.carejournal"
    run([*clean_env(home), str(exe), "--journal", str(journal), "demo"], "demo (timed)")
    hook = {"CAREJOURNAL_TEST_HOOK": "first-paint"}
    bundle = [*clean_env(home, **hook), str(exe), "--journal", str(journal)]
    venv = [*clean_env(home, PYTHONPATH=str(ROOT), **hook), sys.executable, "-m",
            "carejournal", "--journal", str(journal)]
    first_paint(bundle), first_paint(venv)
    ours: Timings = []
    theirs: Timings = []
    for _ in range(runs):
        ours.append(first_paint(bundle))
        theirs.append(first_paint(venv))
    return ours, theirs


def time_command(exe: Path, home: Path, runs: int) -> tuple[float, float]:
    """Median wall time of `carejournal list` from the bundle and from the venv."""
    journal = home / "timed.carejournal"
    bundle = [*clean_env(home), str(exe), "--journal", str(journal), "list"]
    venv = [*clean_env(home, PYTHONPATH=str(ROOT)), sys.executable, "-m", "carejournal",
            "--journal", str(journal), "list"]
    times: dict[str, list[float]] = {"bundle": [], "venv": []}
    for _ in range(runs):
        for name, command in (("bundle", bundle), ("venv", venv)):
            began = time.perf_counter()
            run(command, f"list ({name})")
            times[name].append(time.perf_counter() - began)
    return statistics.median(times["bundle"]), statistics.median(times["venv"])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "CareJournal")
    parser.add_argument("--tarball", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    exe = args.bundle.resolve() / "carejournal"
    if not exe.is_file():
        print(f"dist_check: {exe} is missing: run `make dist` first", file=sys.stderr)
        return 2
    home = Path(tempfile.mkdtemp(prefix="carejournal-dist-check-"))
    try:
        print(f"The bundle, with no Python environment of ours ({exe}):")
        check_bundle(exe, home)
        ours, theirs = time_windows(exe, home, args.runs)
        cli_ours, cli_theirs = time_command(exe, home, args.runs)
    except (CheckFailed, subprocess.TimeoutExpired) as exc:
        print(f"dist_check: FAILED: {exc}", file=sys.stderr)
        print(f"(its files are left in {home})", file=sys.stderr)
        return 1
    shutil.rmtree(home, ignore_errors=True)
    print("Figures:")
    print(f"  bundle on disk: {megabytes(size_on_disk(args.bundle))} ({args.bundle})")
    if args.tarball is not None and args.tarball.is_file():
        print(f"  tarball: {megabytes(args.tarball.stat().st_size)} ({args.tarball.name})")
    print(f"  first window, spawn to first paint, median of {args.runs} (fastest):")
    for name, times in (("bundle", ours), ("venv", theirs)):
        walls, cpus = [t[0] for t in times], [t[1] for t in times]
        print(f"    {name:6}  wall {statistics.median(walls):.2f} s ({min(walls):.2f}), "
              f"CPU {statistics.median(cpus):.2f} s ({min(cpus):.2f}); wall runs: "
              + ", ".join(f"{w:.2f}" for w in walls))
    print(f"  `carejournal list`, median of {args.runs}: bundle {cli_ours:.2f} s, "
          f"venv {cli_theirs:.2f} s")
    print("dist_check: OK")
    return 0


if __name__ == "__main__":
    os.umask(0o077)
    raise SystemExit(main())
