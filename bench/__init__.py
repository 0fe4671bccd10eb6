"""Benchmarks: ``python -m bench.load`` (see README)."""
