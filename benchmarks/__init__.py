"""Benchmarks for LIO Planner: start-up, big plans, edits and exports against a budget.

Run ``python -m benchmarks`` from the repository root (``--quick`` for a short run, ``--json FILE``
to keep the figures). Nothing here is imported by the app, and nothing here fails on a timing:
docs/performance.md explains each figure and its budget.
"""
