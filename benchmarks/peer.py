"""The peer, jrnl 4.x: its config in a folder of its own, and how to run it without prompts."""

from __future__ import annotations

import json
import os
import subprocess
from importlib import metadata
from pathlib import Path

from benchmarks.core import child_env, script

# jrnl's own defaults (jrnl.config.get_default_config), with no editor, no colours and no
# encryption; the time format is its default '%F %r' spelt out for the C locale.
TIME_FORMAT = "%Y-%m-%d %I:%M:%S %p"


class Jrnl:
    """jrnl with its config and journal in a folder of its own."""

    def __init__(self, folder: Path, journal_txt: Path) -> None:
        self.folder = folder
        self.journal_txt = journal_txt
        self.config = folder / "config" / "jrnl" / "jrnl.yaml"
        self.config.parent.mkdir(parents=True, exist_ok=True)
        (folder / "home").mkdir(exist_ok=True)
        (folder / "data").mkdir(exist_ok=True)
        self.config.write_text(config_text(journal_txt, self.version()), encoding="utf-8")

    @staticmethod
    def available() -> bool:
        """Whether jrnl is installed beside this interpreter."""
        return Path(script("jrnl")).exists()

    @staticmethod
    def version() -> str:
        """jrnl's version, as it writes it in its config (so it neither prompts nor upgrades)."""
        try:
            return metadata.version("jrnl")
        except metadata.PackageNotFoundError:
            return ""

    def env(self) -> dict[str, str]:
        """The environment for running jrnl: its config, home and data in the folder."""
        return child_env(XDG_CONFIG_HOME=str(self.folder / "config"),
                         XDG_DATA_HOME=str(self.folder / "data"),
                         HOME=str(self.folder / "home"), LC_ALL="C.UTF-8",
                         NO_COLOR="1", EDITOR="", VISUAL="")

    def argv(self, args: list[str]) -> list[str]:
        """The command line that runs jrnl with these arguments."""
        return [script("jrnl"), *args]

    def run(self, args: list[str]) -> str:
        """Run jrnl to the end with no input; its output, or RuntimeError if it failed."""
        done = subprocess.run(self.argv(args), capture_output=True, text=True, check=False,
                              env=self.env(), stdin=subprocess.DEVNULL)
        if done.returncode != 0:
            raise RuntimeError(f"jrnl {' '.join(args)} failed ({done.returncode}):\n"
                               f"{done.stderr[-2000:]}")
        return done.stdout

    def export(self) -> dict:
        """The whole journal as jrnl exports it (`jrnl --export json`)."""
        return json.loads(self.run(["--export", "json"]))


def config_text(journal_txt: Path, version: str) -> str:
    """jrnl.yaml (YAML, written as JSON-compatible flow values) for one plain journal."""
    values = {
        "colors": {"body": "none", "date": "none", "tags": "none", "title": "none"},
        "default_hour": 9, "default_minute": 0, "editor": "", "encrypt": False,
        "highlight": False, "indent_character": "|",
        "journals": {"default": {"journal": os.fspath(journal_txt)}},
        "linewrap": 79, "tagsymbols": "@", "template": False, "timeformat": TIME_FORMAT,
        "version": version,
    }
    return "".join(f"{key}: {json.dumps(value)}\n" for key, value in values.items())
