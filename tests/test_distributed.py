"""The distributed path, run locally: a Dask cluster of two worker processes on loopback gives the
same dataset and the same facts as the plain build."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
from dask.distributed import Client, LocalCluster
from pyoxigraph import RdfFormat

from kg.api import Graph
from kg.build import BuildConfig
from kg.distributed import SHARED, build_on, read_partitions
from kg.export import facts_rows

ROOT = Path(__file__).resolve().parent.parent


def test_dask_build_equals_the_plain_build(full: tuple[Graph, Path], tmp_path: Path) -> None:
    parts = tmp_path / "parts"
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None)
    with cluster, Client(cluster) as client:
        graph = build_on(client, BuildConfig(project=ROOT), parts)
    plain, out = full
    assert sorted(p.name for p in parts.glob("*.nq")) == sorted([f"{d.id}.nq" for d in plain.documents] + [SHARED])
    assert read_partitions(parts) == plain.quads()
    trig = list(pyoxigraph.parse(path=str(out / "kg.trig"), format=RdfFormat.TRIG))
    assert set(read_partitions(parts)) == set(trig)
    assert facts_rows(graph) == facts_rows(plain)
