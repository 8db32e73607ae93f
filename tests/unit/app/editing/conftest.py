"""A small real project on disk for the editing session tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from editing_samples import small_nomination

from kandidaat.app.editing.session import EditingSession

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "utrecht.kandidaat"
    EditingSession.create(path, small_nomination()).close()
    return path


@pytest.fixture
def session(project: Path) -> Iterator[EditingSession]:
    opened = EditingSession.open(project)
    yield opened
    opened.close()
