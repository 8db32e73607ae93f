"""The shared workspace core: identity, versions, migrations, locks, one transaction per change."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

import pytest
from workspace_samples import KIND, KIND_V1, SAMPLE_ID, add_step, create, open_checked

from kandidaat.store.workspace import Workspace, WorkspaceError, WorkspaceKind

if TYPE_CHECKING:
    from pathlib import Path


def test_a_new_workspace_carries_its_application_id_and_latest_version(tmp_path: Path) -> None:
    path = tmp_path / "werk.test"
    create(path).close()
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA application_id").fetchone()[0] == SAMPLE_ID
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 2
    finally:
        raw.close()


def test_an_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "werk.test"
    path.write_bytes(b"van iemand anders")
    with pytest.raises(WorkspaceError, match="bestaat al"):
        create(path)
    assert path.read_bytes() == b"van iemand anders"


def test_a_sqlite_file_of_another_program_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "ander.db"
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA journal_mode = WAL")
    raw.execute("CREATE TABLE t (x)")
    raw.commit()
    raw.close()
    before = path.read_bytes()
    with pytest.raises(WorkspaceError, match="ander programma"):
        open_checked(path)
    assert path.read_bytes() == before


def test_a_file_of_a_newer_version_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "werk.test"
    create(path).close()
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA user_version = 9")
    raw.close()
    before = path.read_bytes()
    with pytest.raises(WorkspaceError, match="nieuwere versie van kandidaat"):
        open_checked(path)
    assert path.read_bytes() == before


def test_a_text_file_and_an_empty_file_are_refused_in_dutch(tmp_path: Path) -> None:
    text = tmp_path / "lijst.csv"
    text.write_text("a;b\n", encoding="utf-8")
    empty = tmp_path / "leeg.test"
    empty.write_bytes(b"")
    with pytest.raises(WorkspaceError, match="geen SQLite-database"):
        open_checked(text)
    with pytest.raises(WorkspaceError, match="leeg"):
        open_checked(empty)
    with pytest.raises(WorkspaceError, match="bestaat niet"):
        open_checked(tmp_path / "weg.test")


def test_an_older_version_is_migrated_on_opening_and_keeps_its_content(tmp_path: Path) -> None:
    path = tmp_path / "oud.test"
    with create(path, KIND_V1) as workspace:
        add_step(workspace, 1)
    with open_checked(path, KIND) as workspace, workspace.read() as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 2
        assert connection.execute("SELECT number, note, remark FROM step").fetchall() == [
            (1, "stap 1", "")
        ]


def test_a_second_opening_while_the_file_is_open_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "werk.test"
    with create(path), pytest.raises(WorkspaceError, match="al geopend"):
        open_checked(path)


def _half_change(workspace: Workspace) -> None:
    with workspace.change() as connection:
        connection.execute("INSERT INTO step (number, note) VALUES (2, 'half')")
        connection.execute("INSERT INTO step (number, note) VALUES (1, 'dubbel')")


def test_a_change_that_fails_halfway_leaves_nothing_behind(tmp_path: Path) -> None:
    path = tmp_path / "werk.test"
    with create(path) as workspace:
        add_step(workspace, 1)
        with pytest.raises(WorkspaceError, match="niet opgeslagen"):
            _half_change(workspace)
    with open_checked(path) as workspace, workspace.read() as connection:
        assert connection.execute("SELECT number FROM step").fetchall() == [(1,)]


def test_a_damaged_file_is_refused_as_damaged(tmp_path: Path) -> None:
    path = tmp_path / "werk.test"
    with create(path) as workspace:
        for number in range(1, 200):
            add_step(workspace, number)
    data = bytearray(path.read_bytes())
    data[4096 + 200 : 4096 + 600] = b"\xff" * 400
    path.write_bytes(bytes(data))
    with pytest.raises(WorkspaceError, match=r"beschadigd|niet intact|kan niet worden geopend"):
        open_checked(path)


def test_migrations_must_be_numbered_from_one() -> None:
    with pytest.raises(ValueError, match="numbered"):
        WorkspaceKind(SAMPLE_ID, "x", (KIND.migrations[1],))


def test_a_closed_workspace_says_so(tmp_path: Path) -> None:
    path = tmp_path / "werk.test"
    workspace = create(path)
    workspace.close()
    with pytest.raises(WorkspaceError, match="gesloten"), workspace.change():
        pass
    assert isinstance(Workspace.open(path, KIND), Workspace)
