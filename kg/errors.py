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


class SkippedSource(SourceError):
    """A source with nothing to read (empty, white space or a byte-order mark only): a warning, not an
    error, unless the build is strict."""


class SourceErrors(KgError):
    """Several source files cannot be used: every one is listed, so that one run shows them all."""

    def __init__(self, errors: list[SourceError]) -> None:
        lines = "\n".join(f"  {e}" for e in errors)
        super().__init__(f"{len(errors)} source files cannot be used:\n{lines}")
        self.errors = errors


class GazetteerError(KgError):
    """The gazetteer is malformed (unknown type, duplicate id, dangling parent...)."""

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = Path(path)
        self.problem = problem


class OntologyError(KgError):
    """The ontology or the SHACL shapes file is missing or does not parse."""

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = Path(path)
        self.problem = problem


class InUseError(KgError):
    """Another process (a build, a server) holds the lock on an output folder."""


class BuildError(KgError):
    """The build could not be completed; the previous build is left as it was."""


class QueryError(KgError):
    """A SPARQL query could not be read or run."""
