"""The error interchange import raises: every problem, each naming its file and row/node."""

from __future__ import annotations

import re
from collections.abc import Sequence

from commarch.fileformat import CommFileError
from commarch.model import Problem

_LINE = re.compile(r"\bline (\d+)")


class InterchangeError(CommFileError):
    """Bad import input. Unlike CommFileError a problem may belong to either file of a CSV pair."""

    def __init__(self, file: str, problems: Sequence[Problem], files: Sequence[str] | None = None):
        # files[i] is the file of problems[i] (defaults to `file`): elements and relations CSVs differ.
        self.files = list(files) if files is not None else [file] * len(problems)
        super().__init__(file, problems)

    def lines(self) -> list[str]:
        return [f"{f}: {p}" for f, p in zip(self.files, self.problems, strict=True)]


class ProblemList:
    """Collects (file, Problem) pairs so a reader can report everything wrong at once."""

    def __init__(self) -> None:
        self.files: list[str] = []
        self.problems: list[Problem] = []

    def add(self, file: str, where: str, reason: str) -> None:
        self.files.append(file)
        self.problems.append(Problem(where, reason))

    def __bool__(self) -> bool:
        return bool(self.problems)

    def raise_if_any(self, main_file: str) -> None:
        if not self.problems:
            return
        order = list(dict.fromkeys(self.files))

        def key(index: int) -> tuple[int, int, int]:
            # Report file by file, top to bottom, whatever stage found the problem.
            match = _LINE.search(self.problems[index].path)
            return (order.index(self.files[index]), int(match.group(1)) if match else 0, index)

        ranked = sorted(range(len(self.problems)), key=key)
        raise InterchangeError(main_file, [self.problems[i] for i in ranked], [self.files[i] for i in ranked])
