"""Shared test configuration: where the reference material of ../shared lives."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = (REPO_ROOT / ".." / "shared").resolve()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only reference material beside the checkout (never copied in)."""
    if not SHARED.is_dir():
        pytest.fail(f"../shared is missing (expected at {SHARED})")
    return SHARED
