"""One exception hierarchy: the library raises these, the CLI turns them into a message and an exit code."""

from __future__ import annotations

from pathlib import Path


class KgError(Exception):
    """Base class of every error the library raises on purpose."""


class SourceError(KgError):
    """A source file or its metadata cannot be used. The message names the file and the problem."""

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = Path(path)
        self.problem = problem


class GazetteerError(KgError):
    """The gazetteer is malformed (unknown type, duplicate id, dangling parent...)."""

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = Path(path)
        self.problem = problem


class BuildError(KgError):
    """The build could not be completed; the previous build is left as it was."""


class QueryError(KgError):
    """A SPARQL query could not be read or run."""
