"""How the suite is spread over pytest-xdist's workers (the options themselves are in pyproject.toml)."""

from __future__ import annotations

import os

import pytest


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: two workers per core, still capped by `--maxprocesses`.

    Most of a worker's time goes to waiting on a bot process, the database or the fake Slack, not to
    its own CPU: with one worker per core, a two-core machine ran the suite at 1.2 cores' worth of CPU.
    `PYTEST_XDIST_AUTO_NUM_WORKERS` still overrides it, as pytest-xdist documents.
    """
    override = os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS")
    if override and override.isdigit():
        return int(override)
    return 2 * len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 2 * (os.cpu_count() or 1)
