"""The examination across submissions: single-list checks reused, plus I 5 and I 6."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import pytest
from csb_samples import ELECTION, people, write_210

from kandidaat.app.csb.examining import examination_json, examine, render_examination
from kandidaat.app.csb.receiving import receive
from kandidaat.app.csb.workspace import new_workspace
from kandidaat.app.nomination.checking import check_target

if TYPE_CHECKING:
    from pathlib import Path

IN_TIME = datetime.fromisoformat("2025-09-15 14:30")


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    path = tmp_path / "tk.csb"
    new_workspace(path, ELECTION, "Anna").close()
    return path


def _receive(
    workspace: Path, folder: Path, name: str, appellation: str, persons, kieskringen, at=IN_TIME
):  # type: ignore[no-untyped-def]
    file, code = write_210(folder, name, appellation, persons, kieskringen)
    receive(workspace, file, code, at, "Anna")
    return file


def test_every_single_list_check_of_the_party_side_is_in_the_examination(
    workspace: Path, tmp_path: Path
) -> None:
    file = _receive(workspace, tmp_path, "a.eml.xml", "Partij A", people("Aa", 3), ("1",))
    # The party checks its list on the day it hands it in; the CSB judges it as of then.
    party_side = check_target(file, election=None, today=IN_TIME.date())
    examination = examine(workspace)
    party_codes = sorted(f.code for f in party_side.findings)
    csb_codes = sorted(f.finding.code for f in examination.findings if f.submission == 1)
    assert csb_codes == party_codes
    assert all(f.appellation == "Partij A" for f in examination.findings)


def test_a_list_received_in_time_is_not_called_too_late_when_examined_afterwards(
    workspace: Path, tmp_path: Path
) -> None:
    # TK2025: nomination day 15 September 2025, long past on the day this test runs.
    _receive(workspace, tmp_path, "a.eml.xml", "Partij A", people("Aa", 3), ("1",))
    messages = [f.finding.message for f in examine(workspace).findings]
    assert not [m for m in messages if "is voorbij" in m], messages
    # Also when the committee examines on the examination day itself (16 September).
    later = examine(workspace, today=IN_TIME.date().replace(day=16)).findings
    assert not [f for f in later if "is voorbij" in f.finding.message]


def test_a_shared_candidate_across_two_parties_is_found_in_the_shared_kieskring(
    workspace: Path, tmp_path: Path
) -> None:
    shared = people("Gedeeld", 1)
    _receive(workspace, tmp_path, "a.eml.xml", "Partij A", people("Aa", 2) + shared, ("1", "2"))
    _receive(workspace, tmp_path, "b.eml.xml", "Partij B", shared + people("Bb", 2), ("2", "3"))
    examination = examine(workspace)
    found = [
        (f.submission, f.kieskring, f.candidate)
        for f in examination.findings
        if f.finding.code == "candidate-on-lists-of-two-submissions"
    ]
    assert found == [(1, "2", "Gedeeldaa, A. (plaats 3)"), (2, "2", "Gedeeldaa, A. (plaats 1)")]
    assert examination.exit_code == 1


def test_the_same_appellation_above_two_submissions_is_struck(
    workspace: Path, tmp_path: Path
) -> None:
    _receive(workspace, tmp_path, "a.eml.xml", "Partij A", people("Aa", 2), ("4",))
    _receive(workspace, tmp_path, "b.eml.xml", "Partij A", people("Bb", 2), ("4",))
    examination = examine(workspace)
    found = [
        (f.submission, f.kieskring, f.finding.article)
        for f in examination.findings
        if f.finding.code == "appellation-above-two-lists"
    ]
    assert found == [(1, "4", "Kieswet I 6 lid 2 onder b"), (2, "4", "Kieswet I 6 lid 2 onder b")]


def test_a_late_list_is_invalid_in_the_examination(workspace: Path, tmp_path: Path) -> None:
    late = datetime.fromisoformat("2025-09-15 17:30")
    _receive(workspace, tmp_path, "a.eml.xml", "Partij A", people("Aa", 2), ("1",), late)
    examination = examine(workspace)
    (finding,) = [f for f in examination.findings if f.finding.code == "received-late"]
    assert finding.submission == 1
    assert finding.finding.article == "Kieswet H 1 lid 1 en I 5"
    assert "15-09-2025 17:30" in finding.finding.message
    assert examination.exit_code == 1


def test_the_json_names_severity_article_party_list_kieskring_and_candidate(
    workspace: Path, tmp_path: Path
) -> None:
    shared = people("Gedeeld", 1)
    _receive(workspace, tmp_path, "a.eml.xml", "Partij A", shared, ("1",))
    _receive(workspace, tmp_path, "b.eml.xml", "Partij B", shared, ("1",))
    data = examination_json(examine(workspace))
    assert [s["appellation"] for s in data["submissions"]] == ["Partij A", "Partij B"]
    cross = [f for f in data["findings"] if f["code"] == "candidate-on-lists-of-two-submissions"]
    assert {tuple(sorted(f)) for f in cross} == {
        (
            "advice",
            "article",
            "candidate",
            "code",
            "kieskring",
            "list",
            "message",
            "party",
            "severity",
            "submission",
        )
    }
    assert [(f["severity"], f["party"], f["kieskring"]) for f in cross] == [
        ("error", "Partij A", "1"),
        ("error", "Partij B", "1"),
    ]
    text = render_examination(examine(workspace))
    assert "[Kieswet H 7 lid 2 en I 6 lid 1 onder g] inlevering 1, kieskring 1" in text
