"""Killed builds, concurrent builds, full disks, hash seeds: the last good build always survives."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import Graph as RdfGraph

import kg.export
from kg.cli import main
from kg.query import open_store, run_query

EXPECTED = ["candidates.csv", "facts.csv", "graph.html", "kg.jsonld", "kg.nt", "kg.trig", "kg.ttl", "report.json"]


def kg_build(project: Path, **popen: object) -> subprocess.Popen[bytes]:
    """``kg build`` in a process of its own (output discarded unless ``stderr=`` says otherwise)."""
    options: dict[str, object] = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, **popen}
    return subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(project)], **options)  # type: ignore[call-overload, no-any-return]


def digests(build: Path) -> dict[str, str]:
    return {
        p.relative_to(build).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(build.rglob("*"))
        if p.is_file() and "store" not in p.relative_to(build).parts
    }


def store_content(build: Path) -> bytes:
    """The store's quads, sorted; blank nodes (the ontology's, labelled afresh by each load) as ``_:b``."""
    store = open_store(build)
    return b"".join(sorted(re.sub(r"_:[0-9a-z]+", "_:b", str(q)).encode() + b"\n" for q in store))


def assert_complete(build: Path) -> None:
    """Every expected file, a store that opens and answers, a Turtle file that parses."""
    assert sorted(p.name for p in build.iterdir() if p.is_file()) == EXPECTED
    assert (build / "sources").is_dir() and any((build / "sources").iterdir())
    n = run_query(open_store(build), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").values("n")[0]
    assert int(n) > 1000
    assert len(RdfGraph().parse(build / "kg.ttl", format="turtle")) > 300


def test_sigkill_at_any_point_keeps_the_previous_build(project: Path) -> None:
    first = kg_build(project)
    t = time.monotonic()
    assert first.wait() == 0
    duration = time.monotonic() - t
    before = digests(project / "build")
    for fraction in (0.1, 0.3, 0.5, 0.65, 0.8, 0.9, 0.97):
        proc = kg_build(project)
        time.sleep(duration * fraction)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert_complete(project / "build")
        assert digests(project / "build") == before, fraction
    again = kg_build(project)  # the dead builds' lock does not block, their debris is cleared
    assert again.wait() == 0
    assert digests(project / "build") == before
    # Only the lock and the extraction cache stay beside the build: no half-written folder.
    assert {p.name for p in project.iterdir() if p.name.startswith(".build")} - {".build.cache"} == {".build.lock"}


def test_a_second_build_gets_a_clear_in_use_message(project: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from kg.lock import hold_lock\n"
            "with hold_lock(Path(sys.argv[1]), 'kg serve'):\n    print('locked', flush=True); time.sleep(60)",
            str(project / "build"),
        ],
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"locked\n"
        result = CliRunner().invoke(main, ["build", str(project)])
        assert result.exit_code == 1
        assert f"{project / 'build'} is in use by kg serve (pid {holder.pid})" in result.output
        assert not (project / "build").exists()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    assert CliRunner().invoke(main, ["build", str(project)]).exit_code == 0  # a dead holder's lock is free


def test_recover_finishes_a_swap_cut_short(project: Path) -> None:
    assert CliRunner().invoke(main, ["build", str(project)]).exit_code == 0
    before = digests(project / "build")
    (project / "build").rename(project / ".build.old")  # killed between the two renames
    (project / ".build.new").mkdir()  # and a half-written new build
    kg.export.recover(project / "build")
    assert digests(project / "build") == before
    assert not (project / ".build.old").exists() and not (project / ".build.new").exists()


def test_without_rename_exchange_the_swap_still_works(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kg.export, "_exchange", lambda a, b: False)
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(project)]).exit_code == 0
    assert runner.invoke(main, ["build", str(project)]).exit_code == 0
    assert_complete(project / "build")


@pytest.mark.parametrize("fail_at", [1, 3, 7, 9, "store"])
def test_disk_full_mid_write_keeps_the_previous_build(
    project: Path, monkeypatch: pytest.MonkeyPatch, fail_at: int | str
) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(project)]).exit_code == 0
    before, store_before = digests(project / "build"), store_content(project / "build")
    calls = []
    write_file, write_store = kg.export._write_file, kg.export._write_store

    def full_disk_file(path: Path, data: bytes) -> None:
        calls.append(path)
        if len(calls) == fail_at:
            write_file(path, data[: len(data) // 2])  # half of it reaches the disk
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        write_file(path, data)

    def full_disk_store(path: Path, *args: object) -> None:
        path.mkdir()
        (path / "000001.sst").write_bytes(b"partial")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path / "000001.sst"))

    monkeypatch.setattr(kg.export, "_write_file", full_disk_file)
    if fail_at == "store":
        monkeypatch.setattr(kg.export, "_write_store", full_disk_store)
    result = runner.invoke(main, ["build", str(project)])
    assert result.exit_code == 1
    assert "No space left on device" in result.output and "the previous build is unchanged" in result.output
    monkeypatch.setattr(kg.export, "_write_store", write_store)
    assert digests(project / "build") == before and store_content(project / "build") == store_before
    assert_complete(project / "build")
    assert not (project / ".build.new").exists()


def test_file_size_limit_in_a_real_process_keeps_the_previous_build(project: Path) -> None:
    """RLIMIT_FSIZE makes the kernel refuse a write past 50 kB (EFBIG), as a full disk would."""
    assert kg_build(project).wait() == 0
    before = digests(project / "build")

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (50_000, 50_000))

    proc = kg_build(project, preexec_fn=limit, stderr=subprocess.PIPE)
    _, err = proc.communicate()
    assert proc.returncode == 1
    assert b"File too large" in err and b"the previous build is unchanged" in err
    assert digests(project / "build") == before
    assert_complete(project / "build")


def test_output_is_byte_identical_whatever_the_hash_seed(project: Path) -> None:
    """Two builds in parallel with different PYTHONHASHSEED: the same files, the same store content."""
    outs = [project / f"out-{seed}" for seed in ("0", "4242")]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "kg.cli", "build", str(project), "--out", str(out)],
            env={**os.environ, "PYTHONHASHSEED": out.name.removeprefix("out-")},
            stdout=subprocess.DEVNULL,
        )
        for out in outs
    ]
    assert [p.wait() for p in procs] == [0, 0]
    assert digests(outs[0]) == digests(outs[1])
    assert store_content(outs[0]) == store_content(outs[1])
    parsed = [list(pyoxigraph.parse(path=str(o / "kg.trig"), format=pyoxigraph.RdfFormat.TRIG)) for o in outs]
    assert parsed[0] == parsed[1]
