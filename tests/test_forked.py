"""kg.forked: the graph view is drawn in a forked child during a parallel build.

Each case runs in a fresh interpreter: pytest's own process may have threads running (servers,
browsers), where kg rightly refuses to fork and does the work in the parent.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from kg.forked import Forked
from kg.lock import hold_lock

ROOT = Path(__file__).resolve().parent.parent


def run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_work_runs_in_a_child_and_its_bytes_come_back() -> None:
    out = run("""
        import os
        from kg.forked import Forked
        big = b"x" * 5_000_000  # more than a pipe holds: the child blocks until the parent reads
        f = Forked(lambda: str(os.getpid()).encode() + big)
        data = f.result()
        print(int(data[: -len(big)]) != os.getpid(), data.endswith(big), len(data) > len(big))
    """)
    assert out.split() == ["True", "True", "True"]


def test_a_failure_in_the_child_is_a_build_error_naming_it() -> None:
    out = run("""
        from kg.errors import BuildError
        from kg.forked import Forked
        def broken() -> bytes:
            raise ValueError("no layout for you")
        try:
            Forked(broken).result()
        except BuildError as e:
            print(e)
    """)
    assert out.strip() == "a build worker failed: ValueError: no layout for you"


def test_a_killed_child_is_a_build_error() -> None:
    out = run("""
        import os, signal
        from kg.errors import BuildError
        from kg.forked import Forked
        f = Forked(lambda: os.kill(os.getpid(), signal.SIGKILL) or b"")
        try:
            f.result()
        except BuildError as e:
            print(e)
    """)
    assert out.strip() == "a build worker died (exit code -9)"


def test_cancel_stops_a_running_child() -> None:
    out = run("""
        import time
        from kg.forked import Forked
        f = Forked(lambda: time.sleep(60) or b"")
        t = time.monotonic()
        f.cancel()
        print(time.monotonic() - t < 5)
    """)
    assert out.split() == ["True"]


def test_a_parallel_build_forks_view_and_validation_and_matches_a_serial_one(tmp_path: Path) -> None:
    out = run(f"""
        from pathlib import Path
        import kg.forked
        from kg.api import BuildConfig, build
        forks = []
        class Counting(kg.forked.Forked):
            def __init__(self, work, background=True):
                super().__init__(work, background)
                forks.append(self._proc is not None)
        import kg.export
        kg.export.Forked = Counting
        src, out = Path("data/sources/founding"), Path({str(tmp_path)!r})
        for jobs in (1, 2):
            build(BuildConfig(project=Path("."), sources=src, out=out / f"j{{jobs}}", jobs=jobs, cache=False))
        print(forks)
    """)
    assert out.strip() == "[False, False, True, True]"  # the view and the validation, serial and parallel
    for name in ("graph.html", "kg.trig", "report.json"):
        assert (tmp_path / "j1" / name).read_bytes() == (tmp_path / "j2" / name).read_bytes(), name


def test_without_background_the_work_runs_here() -> None:
    f = Forked(lambda: b"done", background=False)
    assert f.result() == b"done"
    with pytest.raises(ZeroDivisionError):
        Forked(lambda: bytes(1 // 0), background=False).result()


def test_a_killed_parent_leaves_neither_its_lock_nor_its_child(tmp_path: Path) -> None:
    out = tmp_path / "build"
    proc = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import os, signal, time
            from pathlib import Path
            from kg.forked import Forked
            from kg.lock import hold_lock
            with hold_lock(Path({str(out)!r}), "kg build"):
                f = Forked(lambda: time.sleep(60) or b"")
                print(f._proc.pid, flush=True)
                time.sleep(0.5)  # the child is running and has let go of the lock
                os.kill(os.getpid(), signal.SIGKILL)
        """)],
        stdout=subprocess.PIPE, text=True, cwd=ROOT,
    )  # fmt: skip
    assert proc.stdout is not None
    child = int(proc.stdout.readline())
    proc.wait(timeout=60)
    proc.stdout.close()
    with hold_lock(out, "kg build"):  # free at once: the child does not keep it
        pass
    deadline = time.monotonic() + 10
    while Path(f"/proc/{child}").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not Path(f"/proc/{child}").exists() or "Z" in Path(f"/proc/{child}/stat").read_text().split()[2]


def test_a_violation_found_while_the_store_is_written_keeps_the_previous_build(tmp_path: Path) -> None:
    # Under --strict a violation fails the build (without it, what the shapes refuse is left out).
    ontology = tmp_path / "ontology"
    ontology.mkdir()
    (ontology / "kg.ttl").write_bytes((ROOT / "ontology/kg.ttl").read_bytes())
    (ontology / "shapes.ttl").write_text(
        (ROOT / "ontology/shapes.ttl").read_text(encoding="utf-8")
        + "\nkgsh:Impossible a sh:NodeShape ; sh:targetClass kgo:Person ;\n"
        "    sh:property [ sh:path kgo:neverStated ; sh:minCount 1 ] .\n",
        encoding="utf-8",
    )
    out = run(f"""
        import multiprocessing
        from pathlib import Path
        from kg.api import BuildConfig, build
        from kg.errors import BuildError
        src, out = Path("data/sources/founding"), Path({str(tmp_path / "build")!r})
        build(BuildConfig(project=Path("."), sources=src, out=out, jobs=2, cache=False))
        before = sorted(p.name for p in out.iterdir()), (out / "kg.trig").read_bytes()
        try:
            build(BuildConfig(project=Path("."), sources=src, out=out, jobs=2, cache=False, strict=True,
                              ontology=Path({str(ontology)!r})))
        except BuildError as e:
            print("refused:", str(e).splitlines()[0])
        print(before == (sorted(p.name for p in out.iterdir()), (out / "kg.trig").read_bytes()))
        print(sorted(p.name for p in out.parent.iterdir() if p.name.startswith(".build")))
        print(multiprocessing.active_children())
    """)
    assert out.splitlines() == [
        "refused: the build does not satisfy the SHACL shapes:",
        "True",
        "['.build.lock']",  # no half-written .build.new left (cache=False: no cache)
        "[]",
    ]
