"""The ``kg`` command: a thin layer over :mod:`kg.api`."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click

from kg import api
from kg.errors import KgError


def _table_options(f: Callable[..., None]) -> Callable[..., None]:
    """The options of every command that prints a result table: which build, which format."""
    build_opt = click.option(
        "--build",
        "build_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=Path("build"),
        show_default=True,
    )
    fmt_opt = click.option(
        "--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table", show_default=True
    )
    return build_opt(fmt_opt(f))


def _print_query(build_dir: Path, text: str, fmt: str) -> None:
    try:
        table = api.query(build_dir, text)
    except KgError as e:
        raise click.ClickException(str(e)) from e
    click.echo(api.format_table(table, fmt))


@click.group()
@click.version_option(package_name="kg")
def main() -> None:
    """kg — build a knowledge graph from public-accountability documents, query it, view it."""


@main.command()
@click.argument("project", type=click.Path(file_okay=False, path_type=Path), default=".")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Output folder (default: PROJECT/build).",
)
@click.option(
    "--sources",
    type=click.Path(file_okay=False, path_type=Path),
    help="Sources folder (default: PROJECT/data/sources).",
)
@click.option("--strict", is_flag=True, help="Treat warnings (a skipped empty source...) as errors.")
@click.option(
    "--max-source-mb",
    type=click.FloatRange(min=0, min_open=True),
    default=api.MAX_SOURCE_BYTES / 1e6,
    show_default=True,
    help="Refuse a source file larger than this.",
)
def build(project: Path, out: Path | None, sources: Path | None, strict: bool, max_source_mb: float) -> None:
    """Build the knowledge graph from the sources.

    A build that fails leaves the previous build as it was. Example: kg build . --out build --strict
    """
    config = api.BuildConfig(
        project=project, out=out, sources=sources, strict=strict, max_source_bytes=int(max_source_mb * 1e6)
    )
    try:
        graph, report = api.build(config)
    except KgError as e:
        raise click.ClickException(str(e)) from e
    click.echo(f"sources:   {len(graph.documents)}")
    click.echo(f"entities:  {report['entities']}")
    click.echo(f"facts:     {report['statements']} statements, {report['evidence_records']} with evidence")
    click.echo(f"conflicts: {len(graph.conflicts)}")
    click.echo(f"warnings:  {len(graph.warnings)}")
    for w in graph.warnings:
        click.echo(f"  warning: {w}", err=True)
    click.echo(f"SHACL:     {'conforms' if report['shacl']['conforms'] else 'VIOLATIONS'}")  # type: ignore[index]
    click.echo(
        f"written:   {config.out_dir}/ "
        "(kg.ttl kg.trig kg.nt kg.jsonld facts.csv report.json graph.html sources/ store/)"
    )


@main.command()
@click.argument("query")
@_table_options
def query(query: str, build_dir: Path, fmt: str) -> None:
    """Run a SPARQL query (text or a .rq file) over the build.

    Example: kg query queries/01-who-issued-the-policy.rq --format csv
    """
    _print_query(build_dir, query, fmt)


@main.command()
@_table_options
def conflicts(build_dir: Path, fmt: str) -> None:
    """List where the sources disagree, with each source's value and quote.

    Example: kg conflicts --format json
    """
    _print_query(build_dir, api.conflicts_query(), fmt)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
