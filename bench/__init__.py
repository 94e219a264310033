"""Benchmarks (see bench/README.md) and the bench-only Django app they serve.

The app (a one-row model and the bare DRF endpoint that writes it) is installed
only by `bench.settings`, never by the product's settings.
"""
