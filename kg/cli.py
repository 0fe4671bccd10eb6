"""The ``kg`` command: a thin layer over :mod:`kg.api`."""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import click

from kg import api
from kg.errors import KgError
from kg.evaluate import format_report
from kg.progress import wanted

#: The option of every command that reads a build: which build folder.
_build_option = click.option(
    "--build",
    "build_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("build"),
    show_default=True,
)


def _table_options(f: Callable[..., None]) -> Callable[..., None]:
    """The options of every command that prints a result table: which build, which format."""
    fmt_opt = click.option(
        "--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table", show_default=True
    )
    return _build_option(fmt_opt(f))


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
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    help="Processes that extract documents (default: one per CPU; 1: serial). The output is the same.",
)
@click.option(
    "--cache/--no-cache",
    default=True,
    show_default=True,
    help="Reuse the extraction of unchanged documents (kept in .OUT.cache/ beside the output folder).",
)
@click.option(
    "--shacl-engine",
    type=click.Choice(["kg", "pyshacl"]),
    default="kg",
    show_default=True,
    help="Who checks the SHACL shapes: kg's own engine (fast; pySHACL takes over for shapes it does not"
    " implement) or pySHACL. Both give the same verdicts.",
)
@click.option(
    "--gazetteer",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The gazetteer (default: PROJECT/data/gazetteer.toml); an empty file builds from the text alone.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar (it is shown only on a terminal, not in CI).")
def build(
    project: Path,
    out: Path | None,
    sources: Path | None,
    strict: bool,
    max_source_mb: float,
    jobs: int | None,
    cache: bool,
    shacl_engine: str,
    gazetteer: Path | None,
    quiet: bool,
) -> None:
    """Build the knowledge graph from the sources.

    A build that fails leaves the previous build as it was. Example: kg build . --out build --strict
    """
    config = api.BuildConfig(
        project=project,
        out=out,
        sources=sources,
        strict=strict,
        max_source_bytes=int(max_source_mb * 1e6),
        jobs=jobs,
        cache=cache,
        shacl_engine=shacl_engine,
        gazetteer=gazetteer,
    )
    progress = api.Progress(sys.stderr, enabled=wanted(sys.stderr, quiet))
    try:
        graph, report = api.build(config, progress)
    except KgError as e:
        raise click.ClickException(str(e)) from e
    click.echo(f"sources:   {len(graph.documents)}")
    click.echo(f"entities:  {report['entities']}")
    click.echo(f"facts:     {report['statements']} statements, {report['evidence_records']} with evidence")
    click.echo(f"conflicts: {len(graph.conflicts)}")
    click.echo(f"warnings:  {len(graph.warnings)}")
    if graph.review is not None and graph.review.verdicts:
        r = graph.review.report()
        click.echo(
            f"reviews:   {r['verdicts']} verdicts: {r['confirmed']} confirmed, {len(graph.review.rejected)} rejected,"
            f" {r['corrected']} corrected, {len(graph.review.orphans)} orphaned (kg review --orphans)"
        )
    for w in graph.warnings:
        click.echo(f"  warning: {w}", err=True)
    shacl = report["shacl"]
    conforms = isinstance(shacl, dict) and bool(shacl.get("conforms"))
    click.echo(f"SHACL:     {'conforms' if conforms else 'VIOLATIONS'}")
    click.echo(
        f"written:   {config.out_dir}/ "
        "(kg.ttl kg.trig kg.nt kg.jsonld facts.csv candidates.csv report.json graph.html sources/ store/)"
    )
    url = api.serving(config.out_dir)
    if url:
        click.echo(f"serving:   the running `kg serve` at {url} now answers from this build")


@main.command()
@click.argument("query")
@_table_options
def query(query: str, build_dir: Path, fmt: str) -> None:
    """Run a SPARQL query (text or a .rq file) over the build.

    Example: kg query kg/queries/01-who-issued-the-policy.rq --format csv
    """
    _print_query(build_dir, query, fmt)


@main.command()
@_table_options
def conflicts(build_dir: Path, fmt: str) -> None:
    """List where the sources disagree, with each source's value and quote.

    Example: kg conflicts --format json
    """
    _print_query(build_dir, api.conflicts_query(), fmt)


@main.command(name="eval")
@click.argument("gold", type=click.Path(path_type=Path), required=False)
@_build_option
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--summary", is_flag=True, help="Print the scores only, not the facts missed and extra.")
@click.option("--reviews", is_flag=True, help="Score the build against the verdicts it applied (kg review).")
def eval_(gold: Path | None, build_dir: Path, as_json: bool, summary: bool, reviews: bool) -> None:
    """Score the build against hand-checked gold files (a file or a folder; see docs/gold.md), or
    with --reviews against people's verdicts (precision: confirmed against rejected or corrected).

    Prints precision, recall and F1 per kind of fact, then the facts missed and extra with their quotes.

    Example: kg eval tests/gold --summary    kg eval --reviews
    """
    if gold is None and not reviews:
        raise click.UsageError("give a GOLD file or folder, or --reviews")
    try:
        if reviews:
            scores = api.review_scores(api.build_reviews(build_dir))
            as_dict = {k: {"reviewed": s.confirmed + s.wrong, "precision": s.precision} for k, s in scores.items()}
            click.echo(json.dumps(as_dict, indent=2) if as_json else api.format_scores(scores))
        if gold is not None:
            ev = api.evaluate(gold, build_dir)
            click.echo(json.dumps(ev.as_dict(), indent=2) if as_json else format_report(ev, details=not summary))
    except KgError as e:
        raise click.ClickException(str(e)) from e


@main.group(invoke_without_command=True)
@_build_option
@click.option("--orphans", is_flag=True, help="List the verdicts whose fact the build no longer makes.")
@click.pass_context
def review(ctx: click.Context, build_dir: Path, orphans: bool) -> None:
    """Verdicts on facts (data/reviews.jsonl): what the last build made of them.

    Without a sub-command, prints how many facts are reviewed (as `kg review stats`).
    Review in the graph view: kg serve --review. Example: kg review --orphans
    """
    if ctx.invoked_subcommand is not None:
        return
    try:
        section = api.build_reviews(build_dir)
    except KgError as e:
        raise click.ClickException(str(e)) from e
    click.echo(api.format_orphans(section) if orphans else api.format_stats(section))


@review.command(name="stats")
@_build_option
def review_stats(build_dir: Path) -> None:
    """How many facts the build made, and how many are confirmed, rejected or corrected, per source and kind."""
    try:
        click.echo(api.format_stats(api.build_reviews(build_dir)))
    except KgError as e:
        raise click.ClickException(str(e)) from e


@review.command(name="import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--into",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("data/reviews.jsonl"),
    show_default=True,
    help="The project's verdicts file.",
)
def review_import(file: Path, into: Path) -> None:
    """Merge verdicts exported from the graph view (or another reviewer's file) into the project's.

    Example: kg review import ~/Downloads/kg-verdicts.jsonl   (then kg build)
    """
    try:
        added = api.import_verdicts(into, file)
    except KgError as e:
        raise click.ClickException(str(e)) from e
    click.echo(f"{added} new verdicts added to {into}; run `kg build` to apply them")


@main.command()
@_build_option
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True, help="0 picks a free port.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=10.0, show_default=True, help="Seconds per query.")
@click.option("--max-rows", type=click.IntRange(min=1), default=10_000, show_default=True, help="Rows per answer.")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True, help="Queries run at once.")
@click.option(
    "--cors", "cors", multiple=True, metavar="ORIGIN", help="Let this origin's pages read answers ('*': any)."
)
@click.option("--allow-host", "hosts", multiple=True, metavar="NAME", help="Accept this Host header too.")
@click.option("--quiet", is_flag=True, help="Do not log requests.")
@click.option(
    "--review",
    "review",
    is_flag=False,
    flag_value="data/reviews.jsonl",
    default=None,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="[FILE]",
    help="Let the graph view confirm, reject and correct facts, written to FILE (default: data/reviews.jsonl).",
)
@click.option("--reviewer", default="", help="Who the verdicts are by (default: your user name).")
def serve(
    build_dir: Path,
    port: int,
    timeout: float,
    max_rows: int,
    workers: int,
    cors: tuple[str, ...],
    hosts: tuple[str, ...],
    quiet: bool,
    review: Path | None,
    reviewer: str,
) -> None:
    """Serve the build read-only: a SPARQL endpoint at /sparql and a query page at /, on 127.0.0.1.

    With --review, the graph view (/graph.html) takes verdicts on facts and writes them to the
    verdicts file; the next `kg build` applies them.

    Example: kg serve --port 7878 --timeout 5   (then open http://127.0.0.1:7878/)
    """
    config = api.ServeConfig(
        build_dir=build_dir,
        port=port,
        timeout=timeout,
        max_rows=max_rows,
        workers=workers,
        cors_origins=cors,
        allowed_hosts=hosts,
        log=not quiet,
        review=review,
        reviewer=reviewer,
    )
    previous = signal.signal(signal.SIGTERM, _interrupt)  # stop as cleanly on `kill` as on Ctrl-C
    try:
        with api.serve(config) as server:
            click.echo(f"kg serve: query page {server.url}  SPARQL endpoint {server.url}sparql  (Ctrl-C stops)")
            if server.review is not None:
                click.echo(
                    f"kg serve: review at {server.url}graph.html, verdicts by {server.review.reviewer} go to {review}"
                )
            try:
                threading.Event().wait()
            except KeyboardInterrupt:
                click.echo("kg serve: stopped")
    except (KgError, OSError) as e:
        raise click.ClickException(str(e)) from e
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@main.command()
@click.argument("endpoint")
@_build_option
@click.option("--user", envvar="KG_PUSH_USER", help="User for HTTP Basic authentication [env: KG_PUSH_USER].")
@click.option(
    "--password-env",
    default="KG_PUSH_PASSWORD",
    show_default=True,
    help="Environment variable holding the password (asked for if unset and --user is given).",
)
@click.option(
    "--token-env",
    default="KG_PUSH_TOKEN",
    show_default=True,
    help="Environment variable holding a bearer token (used instead of --user).",
)
def push(endpoint: str, build_dir: Path, user: str | None, password_env: str, token_env: str) -> None:
    """Load the build (facts and provenance, named graphs intact) into a SPARQL 1.1 Update endpoint.

    Pushing again replaces what the last push wrote. Secrets come from the environment or a prompt,
    never from the command line.

    Example: KG_PUSH_PASSWORD=... kg push http://localhost:3030/ds/update --user admin
    """
    token = os.environ.get(token_env) or None
    password = os.environ.get(password_env)
    if user is not None and password is None and token is None:
        password = click.prompt(f"Password for {user}", hide_input=True, default="", show_default=False)
    config = api.PushConfig(endpoint=endpoint, build_dir=build_dir, user=user, password=password, token=token)
    try:
        report = api.push(config)
    except KgError as e:
        raise click.ClickException(str(e)) from e
    click.echo(f"pushed {report.quads} quads in {report.graphs} graphs to {endpoint} ({report.requests} requests)")


@main.command()
@click.option("--format", "fmt", type=click.Choice(["graphml"]), default="graphml", show_default=True)
@_build_option
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Output file (default: BUILD/kg.graphml).")
def export(fmt: str, build_dir: Path, out: Path | None) -> None:
    """Export the merged graph for other tools: GraphML for Gephi, Cytoscape or yEd.

    Example: kg export --format graphml --out kg.graphml
    """
    target = out or build_dir / "kg.graphml"
    try:
        nodes, edges = api.write_graphml(build_dir, target)
    except KgError as e:
        raise click.ClickException(str(e)) from e
    click.echo(f"wrote {target} ({nodes} nodes, {edges} edges)")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
