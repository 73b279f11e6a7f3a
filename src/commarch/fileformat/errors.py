"""The one exception the file layer raises for bad input, carrying every problem found."""

from __future__ import annotations

from collections.abc import Sequence

from commarch.model import Problem


class CommFileError(Exception):
    """A file could not be read or written; `problems` lists every reason, each with its JSON path."""

    def __init__(self, file: str, problems: Sequence[Problem]):
        self.file = file
        self.problems = list(problems)
        super().__init__(self.lines()[0] if self.problems else file)

    def lines(self) -> list[str]:
        """One line per problem: `FILE: PATH: reason`."""
        return [f"{self.file}: {problem}" for problem in self.problems]

    def __str__(self) -> str:
        return "\n".join(self.lines())
