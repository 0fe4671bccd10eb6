"""Shared fixtures: one founding-sources build and one full build per test session, and an endpoint."""

from __future__ import annotations

import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from kg.api import BuildConfig, Graph, ServeConfig, build, serve

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def founding(tmp_path_factory: pytest.TempPathFactory) -> tuple[Graph, Path]:
    """The two founding documents only: the competency questions are asked of these."""
    out = tmp_path_factory.mktemp("founding") / "build"
    graph, _ = build(BuildConfig(project=ROOT, sources=ROOT / "data/sources/founding", out=out))
    return graph, out


@pytest.fixture(scope="session")
def full(tmp_path_factory: pytest.TempPathFactory) -> tuple[Graph, Path]:
    """Founding documents and the development corpus: the embedded default build."""
    out = tmp_path_factory.mktemp("full") / "build"
    graph, _ = build(BuildConfig(project=ROOT, out=out))
    return graph, out


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A throw-away project: the gazetteer and ontology, and the founding sources."""
    shutil.copytree(ROOT / "data/sources/founding", tmp_path / "data/sources")
    shutil.copy(ROOT / "data/gazetteer.toml", tmp_path / "data/gazetteer.toml")
    shutil.copytree(ROOT / "ontology", tmp_path / "ontology")
    return tmp_path


@pytest.fixture(scope="session")
def endpoint(founding: tuple[Graph, Path]) -> Iterator[str]:
    """``kg serve`` over the founding build, on a free loopback port: the endpoint's URL."""
    with serve(ServeConfig(build_dir=founding[1], port=0, timeout=20)) as server:
        yield server.url + "sparql"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


#: Debian's chromium, as CI installs it; headless, and with nothing that reaches the network.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]  # fmt: skip


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for every browser test (Playwright driving Debian's chromium)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (CI does)")
    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
