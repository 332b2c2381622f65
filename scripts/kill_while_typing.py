"""SIGKILL the real CareJournal window while someone types, and measure how much typing is lost.

Each run copies a small journal (a few entries) to a fresh folder, starts the real window on it
(`carejournal --journal FILE`, through __main__, with its own HOME so no settings are shared),
waits until the window is on screen, presses Ctrl+N for a new entry as a worker does (again if
the entry text did not get the keyboard, as a worker would), and types made-up
sentences with xdotool at a worker's pace (5 to 8 characters a second by default, with now and
then a pause to think after a word). After a random 3 to 25 seconds of typing the app is killed
with SIGKILL. Then, without the window, the journal is opened and its entries and crash drafts
are read: the longest beginning of the typed text found in any of them is what survived.
The seconds lost are the time of the kill minus the time the first lost character was sent
(0 when nothing was lost). Times are taken before each character is sent, so a figure errs on
the side of a larger loss.

How to run (Debian; from the repository root, with the project's virtual environment):

    apt-get install xvfb openbox xdotool    # and the window's own libraries: see the README,
                                            # "Linux: system libraries for the window"
    PYTHONPATH=$PWD .venv/bin/python scripts/kill_while_typing.py            # 50 runs, 2 s budget
    PYTHONPATH=$PWD .venv/bin/python scripts/kill_while_typing.py --runs 3 -v --keep /tmp/kt
    ... --json kills.json --budget 2.0 --seed 7

By default the app runs with a trace that only watches (the run's trace.txt: when the app
saw each change, wrote a draft, saved, moved the keyboard focus, or its event loop stalled for
more than 0.3 s; lengths only, never the text); it tells whether Ctrl+N took, and the table's
last column is the longest stall while typing. --plain runs `python -m carejournal` untouched.

It starts its own Xvfb (1280x800, a free display number) with openbox, and stops both at the
end; --display :N uses a display that is already running instead. It prints one row a run and
a summary, writes them as JSON with --json, and exits 1 if any run lost more than --budget
seconds (2 when a run could not be started at all). A run takes about 20 s.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from carejournal.core.domain import EntryDraft, EntryFilter, EntryKind
from carejournal.services.journal import Journal

SCREEN = "1280x800x24"
WINDOW_NAME = "CareJournal — "  # the main window's title starts so
WORDS = (
    "sat with her by the window and we talked about the garden she used to keep "
    "before lunch he was quiet so I asked what would help and he said a walk outside "
    "we looked at old photographs together while the tea went cold she laughed when "
    "I got the names wrong and then told me each one again slowly I noticed I was "
    "rushing the morning routine and slowed down after that it went better for both of us"
).split()
START_TRIES = 3
TRACED = "--traced-app"  # internal: run the app itself, noting what it does in a file


@dataclasses.dataclass
class Run:
    """One kill: what was typed, what survived, and how many seconds of typing were lost."""

    run: int
    typed: int
    kept: int
    seconds_lost: float
    typed_for: float
    kept_in: str  # "entry", "draft" or "" (nothing)
    pauses: int
    start_tries: int
    new_entry_presses: int  # Ctrl+N presses until the entry text had the keyboard
    longest_stall_s: float | None  # the app's longest event-loop stall while typing (traced)


# -- the display ------------------------------------------------------------------------------
class Display:
    """An Xvfb with openbox on a free display number (or a display already running)."""

    def __init__(self, existing: str | None) -> None:
        self.processes: list[subprocess.Popen[bytes]] = []
        self.name = existing or self._start_xvfb()
        if existing is None:
            self.processes.append(subprocess.Popen(
                ["openbox"], env=self.env(), stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL))
            time.sleep(1.0)  # let the window manager take the screen

    def _start_xvfb(self) -> str:
        read, write = os.pipe()
        xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", SCREEN, "-nolisten", "tcp"],
            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        self.processes.append(xvfb)
        with os.fdopen(read) as numbers:
            number = numbers.readline().strip()
        if not number:
            self.stop()
            raise SystemExit("Xvfb did not start (is the xvfb package installed?)")
        return f":{number}"

    def env(self, **extra: str) -> dict[str, str]:
        return {**os.environ, "DISPLAY": self.name, **extra}

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def xdotool(display: Display, *args: str, timeout: float = 10.0) -> str:
    """Run xdotool on the display; its output ('' when it failed or took too long)."""
    try:
        done = subprocess.run(["xdotool", *args], env=display.env(), capture_output=True,
                              text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


# -- the journal ------------------------------------------------------------------------------
def make_template(folder: Path) -> Path:
    """A journal with a few entries, closed (so its file can be copied)."""
    path = folder / "template.sqlite"
    journal = Journal.open(path, create=True)
    try:
        today = dt.date.today()
        for days, body in enumerate(("Helped with breakfast; a calm start.",
                                     "Quiet afternoon, read the paper aloud together.",
                                     "I felt hurried at handover and said so.")):
            journal.add(EntryDraft(EntryKind.INTERACTION, today - dt.timedelta(days=days + 1),
                                   body=body))
    finally:
        journal.close()
    return path


def fresh_copy(template: Path, folder: Path) -> Path:
    """The template journal copied into an empty folder (no connection is open to either)."""
    folder.mkdir(parents=True)
    path = folder / "journal.sqlite"
    shutil.copyfile(template, path)
    return path


def survivors(path: Path) -> list[tuple[str, str]]:
    """Each entry's and each crash draft's text, read without the window: (where, text)."""
    journal = Journal.open(path, read_only=True)
    try:
        found = [("entry", journal.get(row.id).body) for row in journal.rows(EntryFilter())]
        found += [("draft", left.draft.body) for left in journal.drafts.pending()]
    finally:
        journal.close()
    return found


def longest_kept(typed: str, found: list[tuple[str, str]]) -> tuple[int, str]:
    """How many of the typed characters survive at the start of some text, and where."""
    best, where = 0, ""
    for place, text in found:
        kept = len(os.path.commonprefix([typed, text]))
        if kept > best:
            best, where = kept, place
    return best, where


def seconds_lost(sent_at: list[float], kept: int, killed_at: float) -> float:
    """Kill time minus the time the first lost character was sent (0: nothing lost)."""
    if kept >= len(sent_at):
        return 0.0
    return max(0.0, killed_at - sent_at[kept])


# -- the app and the typing -------------------------------------------------------------------
def start_app(display: Display, journal: Path, home: Path,
              trace: bool) -> subprocess.Popen[bytes]:
    env = display.env(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
                      XDG_DATA_HOME=str(home / "data"), XDG_STATE_HOME=str(home / "state"),
                      XDG_CACHE_HOME=str(home / "cache"), QT_QPA_PLATFORM="xcb")
    env.pop("CAREJOURNAL_TEST_HOOK", None)
    app = [sys.executable, "-m", "carejournal"]
    if trace:
        app = [sys.executable, __file__, TRACED, str(home / "trace.txt")]
    log = (home / "app.log").open("wb")
    try:
        return subprocess.Popen([*app, "--journal", str(journal)],
                                env=env, stdout=log, stderr=subprocess.STDOUT)
    finally:
        log.close()


def run_traced_app(trace: str, argv: list[str]) -> int:
    """The real app (carejournal/__main__.py), noting in `trace` with times: start-up, each
    change in the editor (its length, never its text), drafts written, saves, focus and
    event-loop stalls."""
    from carejournal.__main__ import main as app_main
    from carejournal.ui import test_hook

    out = open(trace, "w", buffering=1, encoding="utf-8")  # open until killed

    def log(what: str) -> None:
        out.write(f"{time.monotonic():.3f} {what}\n")

    def hook(window) -> None:  # a MainWindow
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        log("shown")
        QApplication.instance().focusChanged.connect(
            lambda _old, new: log(f"focus {type(new).__name__} {new.objectName() if new else ''}"))
        window.autosaver.state_changed.connect(lambda state, _m: log(f"save {state.value}"))
        last = [time.monotonic()]

        def beat() -> None:
            now = time.monotonic()
            if now - last[0] > 0.3:
                log(f"stall {now - last[0]:.2f}")
            last[0] = now
        beats = QTimer(window, interval=100)
        beats.timeout.connect(beat)
        beats.start()

        def started() -> None:
            log("start-up done")
            window.draft_keeper.written.connect(lambda: log("draft"))
            window.editor.edited.connect(
                lambda: log(f"edit {len(window.editor.body.toPlainText())}"))
        window.start_up.run(started)

    test_hook.maybe_run = hook
    return app_main(argv)


def wait_for_window(display: Display, app: subprocess.Popen[bytes], timeout: float) -> str:
    """The app's main window id once it is visible and focused ('' if it never is)."""
    give_up = time.monotonic() + timeout
    window = ""
    while not window and app.poll() is None and time.monotonic() < give_up:
        time.sleep(0.25)
        found = xdotool(display, "search", "--onlyvisible", "--pid", str(app.pid),
                        "--name", WINDOW_NAME)
        window = found.splitlines()[0] if found else ""
    if not window or app.poll() is not None:
        return ""
    xdotool(display, "windowactivate", "--sync", window, timeout=5)
    xdotool(display, "windowfocus", "--sync", window, timeout=5)
    return window


def new_entry(display: Display, trace: Path | None, presses: int = 3) -> int:
    """Press Ctrl+N, again (as a person would) while the trace shows no entry text focused;
    how many presses it took (0: it never took). Untraced: one press, taken on trust."""
    for press in range(1, presses + 1):
        xdotool(display, "key", "ctrl+n")
        if trace is None:
            return press
        give_up = time.monotonic() + 3.0
        while time.monotonic() < give_up:
            if trace.exists() and "focus BodyEdit" in trace.read_text(encoding="utf-8"):
                return press
            time.sleep(0.1)
    return 0


def longest_stall(trace: Path, start: float, end: float) -> float | None:
    """The longest event-loop stall the traced app noted between start and end."""
    if not trace.exists():
        return None
    stalls = [0.0]
    for line in trace.read_text(encoding="utf-8").splitlines():
        at, what, *rest = line.split(" ")
        if what == "stall" and start <= float(at) <= end + 0.3:
            stalls.append(float(rest[0]))
    return max(stalls)


def focused_on(display: Display, window: str) -> bool:
    return xdotool(display, "getwindowfocus") == window


def make_text(rng: random.Random, run: int, length: int = 400) -> str:
    """Made-up sentences, starting with a tag no other entry starts with."""
    words = [f"Run{run:02d}"]
    while sum(len(w) + 1 for w in words) < length:
        words.append(rng.choice(WORDS))
        if rng.random() < 0.08:
            words[-1] += rng.choice(",.")
    return " ".join(words)


def send(display: Display, char: str) -> None:
    if char == " ":
        xdotool(display, "key", "space")
    else:
        xdotool(display, "type", "--delay", "0", "--", char)


def type_until(display: Display, text: str, rng: random.Random, seconds: float,
               cps: float, pause_chance: float) -> tuple[list[float], int]:
    """Type text until `seconds` have passed since the first character; the send times."""
    sent_at: list[float] = []
    pauses = 0
    start = time.monotonic()
    deadline = start + seconds
    next_at = start
    for char in text:
        if next_at >= deadline:
            break
        time.sleep(max(0.0, next_at - time.monotonic()))
        sent_at.append(time.monotonic())
        send(display, char)
        gap = rng.uniform(0.6, 1.4) / cps
        if char == " " and rng.random() < pause_chance:  # stopping to think after a word
            gap += rng.uniform(0.5, 3.0)
            pauses += 1
        next_at = sent_at[-1] + gap
    time.sleep(max(0.0, deadline - time.monotonic()))
    return sent_at, pauses


def one_run(number: int, display: Display, template: Path, work: Path, args: argparse.Namespace,
            rng: random.Random) -> Run | None:
    """Start the window, type, kill it, and measure; None if the window never came up."""
    for attempt in range(1, START_TRIES + 1):
        folder = work / f"run{number:02d}-{attempt}"
        journal = fresh_copy(template, folder)
        app = start_app(display, journal, folder, args.trace)
        try:
            window = wait_for_window(display, app, args.start_timeout)
            presses = 0
            if window:
                time.sleep(rng.uniform(0.8, 2.0))  # a person looks before typing
                presses = new_entry(display, folder / "trace.txt" if args.trace else None)
                time.sleep(rng.uniform(0.5, 1.0))
            if not presses or not focused_on(display, window) or app.poll() is not None:
                note(args, f"run {number}: the window did not come up and take the keyboard "
                           f"(try {attempt}); see {folder / 'app.log'}")
                continue
            text = make_text(rng, number)
            cps = rng.uniform(args.cps_min, args.cps_max)
            typing = rng.uniform(args.min_typing, args.max_typing)
            sent_at, pauses = type_until(display, text, rng, typing, cps, args.pause_chance)
            killed_at = time.monotonic()
            app.send_signal(signal.SIGKILL)
            app.wait()
        finally:
            if app.poll() is None:
                app.kill()
                app.wait()
        typed = text[:len(sent_at)]
        (folder / "typing.json").write_text(json.dumps(
            {"typed": typed, "sent_at": sent_at, "killed_at": killed_at}), encoding="utf-8")
        kept, where = longest_kept(typed, survivors(journal))
        return Run(number, len(typed), kept, round(seconds_lost(sent_at, kept, killed_at), 3),
                   round(killed_at - sent_at[0], 2), where, pauses, attempt, presses,
                   longest_stall(folder / "trace.txt", sent_at[0], killed_at))
    return None


def note(args: argparse.Namespace, message: str) -> None:
    if args.verbose:
        print(message, file=sys.stderr, flush=True)


# -- the report -------------------------------------------------------------------------------
def summary(runs: list[Run], budget: float, failed: int) -> dict[str, object]:
    lost = [r.seconds_lost for r in runs]
    return {"runs": len(runs), "runs_not_started": failed, "budget_s": budget,
            "max_lost_s": max(lost, default=0.0),
            "median_lost_s": round(statistics.median(lost), 3) if lost else 0.0,
            "over_budget": sum(1 for s in lost if s > budget),
            "lost_nothing": sum(1 for s in lost if s == 0.0)}


def print_row(run: Run) -> None:
    stall = "-" if run.longest_stall_s is None else f"{run.longest_stall_s:.2f}"
    print(f"{run.run:>4} {run.typed:>6} {run.kept:>6} {run.seconds_lost:>7.2f} "
          f"{run.typed_for:>7.1f} {run.kept_in or '-':>6} {run.pauses:>6} {stall:>6}",
          flush=True)


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--budget", type=float, default=2.0,
                        help="seconds of typing a run may lose (default 2.0)")
    parser.add_argument("--json", type=Path, help="write the runs and the summary here")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--min-typing", type=float, default=3.0)
    parser.add_argument("--max-typing", type=float, default=25.0)
    parser.add_argument("--cps-min", type=float, default=5.0)
    parser.add_argument("--cps-max", type=float, default=8.0)
    parser.add_argument("--pause-chance", type=float, default=0.08,
                        help="chance of a 0.5-3 s pause after a word (0: steady typing)")
    parser.add_argument("--start-timeout", type=float, default=30.0)
    parser.add_argument("--display", help="use this running X display (default: own Xvfb)")
    parser.add_argument("--keep", type=Path, help="keep each run's folder under here")
    parser.add_argument("--plain", dest="trace", action="store_false",
                        help="run `python -m carejournal` as it is, without the trace (a "
                             "Ctrl+N the window missed then shows as a run that kept nothing)")
    parser.add_argument("-v", "--verbose", action="store_true")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == [TRACED]:
        return run_traced_app(argv[1], argv[2:])
    args = parse(argv)
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    work = args.keep or Path(tempfile.mkdtemp(prefix="kill-while-typing-"))
    work.mkdir(parents=True, exist_ok=True)
    display = Display(args.display)
    runs: list[Run] = []
    failed = 0
    try:
        template = make_template(work)
        print(f"seed {seed}, display {display.name}, folder {work}")
        print(" run  typed   kept  lost_s  typed_s   kept pauses  stall", flush=True)
        for number in range(1, args.runs + 1):
            run = one_run(number, display, template, work, args, rng)
            if run is None:
                failed += 1
                print(f"{number:>4} the window could not be started", flush=True)
                continue
            runs.append(run)
            print_row(run)
    finally:
        display.stop()
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    result = summary(runs, args.budget, failed)
    print("max {max_lost_s:.2f} s, median {median_lost_s:.2f} s, {over_budget} of {runs} over "
          "{budget_s} s, {lost_nothing} lost nothing, {runs_not_started} not started"
          .format(**result))
    if args.json:
        args.json.write_text(json.dumps({"seed": seed, "summary": result,
                                         "runs": [dataclasses.asdict(r) for r in runs]},
                                        indent=2) + "\n", encoding="utf-8")
    if failed:
        return 2
    return 1 if result["over_budget"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
