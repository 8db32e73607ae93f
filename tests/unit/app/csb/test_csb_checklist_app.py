"""Recording documents handed in: all or nothing, logged, and a version-1 file is migrated."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import TYPE_CHECKING

import pytest
from csb_samples import ELECTION, people, write_210

from kandidaat.app.csb.checklist import checklist, record_documents
from kandidaat.app.csb.receiving import receive
from kandidaat.app.csb.workspace import new_workspace
from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.elections import builtin_election
from kandidaat.store import audit_log
from kandidaat.store.csb import CSB_KIND, CsbWorkspace
from kandidaat.store.workspace import Workspace, WorkspaceKind

if TYPE_CHECKING:
    from pathlib import Path

AT = datetime.fromisoformat("2025-09-15 14:30")


@pytest.fixture
def received(tmp_path: Path) -> Path:
    path = tmp_path / "tk.csb"
    new_workspace(path, ELECTION, "Anna").close()
    file, code = write_210(tmp_path, "a.eml.xml", "Partij A", people("Aa", 3), ("1", "2"))
    receive(path, file, code, AT, "Anna")
    return path


def test_documents_are_recorded_with_time_and_member_and_logged(received: Path) -> None:
    assert record_documents(received, 1, ["H1", "H4@2=30", "H9=3"], AT, "Bert") == 3
    lines = checklist(received, 1)
    assert lines[0] == "Checklist van inlevering 1 (Partij A):"
    assert (
        "[x] ondersteuningsverklaringen (H 4), kieskring 2: 30 stuks, 15-09-2025 14:30 (Bert)"
        in lines
    )
    assert "[ ] ondersteuningsverklaringen (H 4), kieskring 1: niet ingeleverd" in lines
    with CsbWorkspace.open(received) as workspace:
        entry = workspace.log()[-1]
    assert (entry.action, entry.actor) == ("stukken", "Bert")
    assert entry.data["stukken"] == [["H1", None, None], ["H4", "2", 30], ["H9", None, 3]]


def test_one_wrong_item_records_nothing_and_names_every_problem(received: Path) -> None:
    with pytest.raises(InputError) as caught:
        record_documents(received, 1, ["H1", "H4=3", "Q"], AT, "Bert")
    assert "noem de kieskring" in caught.value.message
    assert "onbekend stuk 'Q'" in caught.value.message
    assert all(line.startswith("[ ]") for line in checklist(received, 1)[1:])


def test_a_kieskring_the_election_lacks_is_refused(received: Path) -> None:
    with pytest.raises(InputError, match="kieskring 21 bestaat niet"):
        record_documents(received, 1, ["H4@21=30"], AT, "Bert")


def test_an_unknown_submission_is_refused(received: Path) -> None:
    with pytest.raises(InputError, match="geen inlevering 7"):
        record_documents(received, 7, ["H1"], AT, "Bert")


def test_a_version_1_workspace_is_migrated_on_opening_and_keeps_its_log(tmp_path: Path) -> None:
    path = tmp_path / "oud.csb"
    version_1 = WorkspaceKind(CSB_KIND.application_id, CSB_KIND.noun, CSB_KIND.migrations[:1])

    def fill(connection: sqlite3.Connection) -> None:
        connection.execute("INSERT INTO meta VALUES (1, '2026-01-01T00:00:00+00:00', '0.1')")
        connection.execute(
            "INSERT INTO election VALUES (1, 'TK2025', ?, 'test')",
            (_election_json(),),
        )
        audit_log.append(connection, "Anna", "aangemaakt", {"verkiezing": "TK2025"})

    Workspace.create(path, version_1, fill).close()
    with CsbWorkspace.open(path) as workspace:
        assert workspace.receipt_items(1) == ()
        assert [entry.action for entry in workspace.log()] == ["aangemaakt"]
        assert workspace.support_declarations() == ()
        assert workspace.omissions() == ()
        assert workspace.objections() == ()
    raw = sqlite3.connect(path)
    try:
        # checklist (2), fingerprint (3), register of ondersteuningsverklaringen (4),
        # omissions and their repair (5), objections in the public session (6),
        # lists handed in on paper only (7)
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 7
    finally:
        raw.close()


def _election_json() -> str:
    import json  # noqa: PLC0415 - only this helper needs it

    from kandidaat.store.csb import election_to_json  # noqa: PLC0415

    return json.dumps(election_to_json(builtin_election("TK2025")))
