"""The hash-chained log: append-only in SQLite, and every tampering found on opening."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from typing import TYPE_CHECKING

import pytest
from workspace_samples import add_step, create, open_checked

from kandidaat.store import audit_log
from kandidaat.store.workspace import WorkspaceError

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture
def logged(tmp_path: Path) -> Path:
    """A workspace with the creation entry and three steps (4 log entries)."""
    path = tmp_path / "werk.test"
    with create(path) as workspace:
        for number in (1, 2, 3):
            add_step(workspace, number)
    return path


def _raw(path: Path) -> sqlite3.Connection:
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("DROP TRIGGER audit_log_no_update")
    raw.execute("DROP TRIGGER audit_log_no_delete")
    raw.execute("DROP TRIGGER audit_head_no_delete")
    return raw


def test_an_intact_log_opens_and_lists_every_entry_in_order(logged: Path) -> None:
    with open_checked(logged) as workspace, workspace.read() as connection:
        log = audit_log.entries(connection)
        assert audit_log.verify(connection) == ()
    assert [entry.seq for entry in log] == [1, 2, 3, 4]
    assert [entry.action for entry in log] == ["nieuw", "stap", "stap", "stap"]
    assert log[1].actor == "Lid Een"
    assert log[3].data == {"nummer": 3}
    assert all(entry.at.endswith("Z") for entry in log)


def test_each_hash_is_sha256_over_the_previous_hash_and_the_entry(logged: Path) -> None:
    with open_checked(logged) as workspace, workspace.read() as connection:
        log = audit_log.entries(connection)
    previous = "0" * 64
    for entry in log:
        text = json.dumps(
            [previous, entry.seq, entry.at, entry.actor, entry.action, entry.payload],
            ensure_ascii=False,
            separators=(",", ":"),
        )
        assert entry.hash == hashlib.sha256(text.encode()).hexdigest()
        previous = entry.hash


def test_sqlite_refuses_to_update_or_delete_a_log_entry(logged: Path) -> None:
    raw = sqlite3.connect(logged)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            raw.execute("UPDATE audit_log SET actor = 'X' WHERE seq = 2")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            raw.execute("DELETE FROM audit_log WHERE seq = 4")
    finally:
        raw.close()


def test_a_changed_payload_is_found_on_opening(logged: Path) -> None:
    raw = _raw(logged)
    raw.execute("""UPDATE audit_log SET payload = '{"nummer":9}' WHERE seq = 3""")
    raw.close()
    with pytest.raises(WorkspaceError, match=r"regel 3 van het logboek .* is gewijzigd"):
        open_checked(logged)


def test_a_removed_entry_in_the_middle_is_found_on_opening(logged: Path) -> None:
    raw = _raw(logged)
    raw.execute("DELETE FROM audit_log WHERE seq = 2")
    raw.close()
    with pytest.raises(WorkspaceError, match="regel 2 van het logboek ontbreekt"):
        open_checked(logged)


def test_a_removed_last_entry_is_found_on_opening(logged: Path) -> None:
    raw = _raw(logged)
    raw.execute("DELETE FROM audit_log WHERE seq = 4")
    raw.close()
    with pytest.raises(WorkspaceError, match="hoort 4 regel"):
        open_checked(logged)


def test_two_entries_that_changed_places_are_found_on_opening(logged: Path) -> None:
    raw = _raw(logged)
    raw.execute("UPDATE audit_log SET seq = 99 WHERE seq = 2")
    raw.execute("UPDATE audit_log SET seq = 2 WHERE seq = 3")
    raw.execute("UPDATE audit_log SET seq = 3 WHERE seq = 99")
    raw.close()
    with pytest.raises(WorkspaceError, match=r"regel 2 van het logboek .* verplaatst"):
        open_checked(logged)


def test_an_inserted_entry_is_found_on_opening(logged: Path) -> None:
    raw = _raw(logged)
    raw.execute("UPDATE audit_log SET seq = seq + 10 WHERE seq >= 3")
    raw.execute(
        "INSERT INTO audit_log VALUES (3, '2026-12-07T10:00:00.000000Z', 'Indringer', 'stap',"
        " '{}', ?)",
        ("a" * 64,),
    )
    raw.execute("UPDATE audit_log SET seq = seq - 9 WHERE seq >= 13")
    raw.close()
    with pytest.raises(WorkspaceError, match=r"regel 3 van het logboek .* ingevoegd"):
        open_checked(logged)


def test_a_refused_file_is_left_exactly_as_it_was(logged: Path) -> None:
    raw = _raw(logged)
    raw.execute("""UPDATE audit_log SET actor = 'Iemand anders' WHERE seq = 2""")
    raw.close()
    before = logged.read_bytes()
    with pytest.raises(WorkspaceError):
        open_checked(logged)
    assert logged.read_bytes() == before


@pytest.mark.parametrize("name", ["", "   ", "a" * 101, "Jan\x07"])
def test_a_member_name_that_is_empty_too_long_or_has_control_characters_is_refused(
    name: str,
) -> None:
    with pytest.raises(ValueError, match="--lid"):
        audit_log.check_actor(name)


def test_a_member_name_keeps_accents_and_loses_extra_spaces() -> None:
    assert audit_log.check_actor("  Anouk   de Vries-Ömer ") == "Anouk de Vries-Ömer"
