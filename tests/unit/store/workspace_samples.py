"""A small workspace kind for the tests of the shared core: a counter and the log."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.store import audit_log
from kandidaat.store.workspace import Migration, Workspace, WorkspaceError, WorkspaceKind

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Callable
    from pathlib import Path

SAMPLE_ID = 0x54455354  # "TEST"

V1 = Migration(
    1,
    "stappen en logboek",
    (
        "CREATE TABLE step (number INTEGER PRIMARY KEY, note TEXT NOT NULL) STRICT",
        *audit_log.LOG_STATEMENTS,
    ),
)
V2 = Migration(2, "opmerking", ("ALTER TABLE step ADD COLUMN remark TEXT NOT NULL DEFAULT ''",))

KIND_V1 = WorkspaceKind(SAMPLE_ID, "testbestand", (V1,))
KIND = WorkspaceKind(SAMPLE_ID, "testbestand", (V1, V2))


def verify_chain(path: Path) -> Callable[[sqlite3.Connection], None]:
    """The ``verify`` callback: refuse a file whose log chain is broken."""

    def check(connection: sqlite3.Connection) -> None:
        problems = audit_log.verify(connection)
        if problems:
            raise WorkspaceError(path, "het logboek is niet intact: " + "; ".join(problems))

    return check


def create(path: Path, kind: WorkspaceKind = KIND) -> Workspace:
    """A new sample workspace with no steps."""

    def fill(connection: sqlite3.Connection) -> None:
        audit_log.append(connection, "Aanmaker", "nieuw", {"soort": "test"})

    return Workspace.create(path, kind, fill)


def open_checked(path: Path, kind: WorkspaceKind = KIND) -> Workspace:
    """Open with the chain verified."""
    return Workspace.open(path, kind, verify_chain(path))


def add_step(workspace: Workspace, number: int) -> None:
    """One step: a row and a log entry, in one transaction."""
    with workspace.change() as connection:
        connection.execute(
            "INSERT INTO step (number, note) VALUES (?, ?)", (number, f"stap {number}")
        )
        audit_log.append(connection, "Lid Een", "stap", {"nummer": number})
