"""Benchmarks: `make bench` runs every `bench_*.py` here as `python -m benchmarks.bench_NAME`, in name order."""
