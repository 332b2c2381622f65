"""The one error every importer raises: what is wrong, and where in the file."""

from __future__ import annotations

from carejournal.core.domain import InvalidInput


class ImportProblem(InvalidInput):
    """A file that cannot be imported; nothing was imported. Names the place and the problem."""

    def __init__(self, where: str, problem: str) -> None:
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem}. Nothing was imported.")
