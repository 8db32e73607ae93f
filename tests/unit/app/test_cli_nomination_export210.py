"""``kandidaat export210`` says when the project has errors, and its 210 checks clean.

Export writes the files even when the check finds errors, as ``documents``
writes a concept, but then says how many errors there are, points at
``kandidaat check`` and exits 1 (ADR 0027).
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from typing import TYPE_CHECKING

import pytest

from kandidaat.app.cli import main
from kandidaat.app.nomination.demo_party import demo_nomination
from kandidaat.domain.nomination.elections import municipal_election
from kandidaat.domain.nomination.model import (
    AppellationKind,
    Candidate,
    CandidateList,
    Gender,
    Nomination,
    Party,
    PostalAddress,
    StatutoryParty,
    Submitter,
)
from kandidaat.store.project import ProjectFile

if TYPE_CHECKING:
    from pathlib import Path

TODAY = "2026-01-10"
"""Before every deadline of the Demodorp election (nomination day 2 February 2026)."""
ADDRESS = PostalAddress("Markt 1", "9999 AA", "Demodorp")
VALID_BSNS = ("111222333", "123456782", "999990019")
PAPER_WARNINGS = {
    "group-missing",
    "statutory-name-missing",
    "group-agent-missing",
    "residence-unknown",
    "settlement-declaration-missing",
}
"""Findings about facts only paper carries: never reported as missing from a bare 210."""


def _project(path: Path, *, too_young: bool) -> Path:
    people = tuple(
        Candidate(
            key=f"p{n}",
            initials="A.",
            last_name=f"Jansen{'abc'[n - 1]}",
            gender=Gender.FEMALE,
            # Born 2013-06-01: 18 on 2031-06-01, after the term ends (17 March 2030).
            date_of_birth=date(2013, 6, 1) if too_young and n == 1 else date(1980, 1, n),
            locality="Demodorp",
            correspondence=ADDRESS,
            bsn=VALID_BSNS[n - 1],
        )
        for n in range(1, 4)
    )
    party = Party(
        AppellationKind.REGISTERED,
        "Groen Demodorp",
        (StatutoryParty("Vereniging Groen Demodorp", "E. Eerst", 2),),
        2,
        Submitter("J.", "Vries", "de", ADDRESS),
        (Submitter("K.", "Bos", address=ADDRESS),),
    )
    election = municipal_election("Demodorp", 17, date(2026, 3, 18), "9999")
    lists = (CandidateList("lijst-1", ("1",), tuple(p.key for p in people), publish_gender=True),)
    ProjectFile.create(path, Nomination(election, party, people, lists)).close()
    return path


def test_export210_of_a_project_with_errors_writes_the_files_says_so_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path / "fout.kandidaat", too_young=True)
    out_dir = tmp_path / "uit"
    assert main(["export210", str(project), "--out", str(out_dir), "--today", TODAY]) == 1
    out = capsys.readouterr().out
    [written] = out_dir.iterdir()
    assert f"lijst lijst-1: {written}" in out
    assert "het project heeft 1 fout (niet inleverbaar)" in out
    assert f"kandidaat check {project}" in out


def test_export210_of_a_project_without_errors_exits_0_without_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path / "goed.kandidaat", too_young=False)
    assert main(["export210", str(project), "--out", str(tmp_path / "uit"), "--today", TODAY]) == 0
    out = capsys.readouterr().out
    assert "hashcode:" in out
    assert "fout" not in out


def test_export210_help_documents_exit_code_1(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["export210", "--help"])
    assert stopped.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "1 geschreven maar het project heeft fouten" in out


def test_the_210_of_the_demo_project_checks_without_paper_only_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nomination, check_day, _ = demo_nomination()
    assert nomination.party.groups, "the demo party has its statutory name and gemachtigde"
    project = tmp_path / "demo.kandidaat"
    ProjectFile.create(project, nomination).close()
    today = check_day.isoformat()
    assert main(["export210", str(project), "--out", str(tmp_path / "uit"), "--today", today]) == 0
    [eml] = (tmp_path / "uit").iterdir()
    capsys.readouterr()
    code = main(["check", str(eml), "--json", "--today", today])
    findings = json.loads(capsys.readouterr().out)
    assert code == 0
    codes = {f["code"] for f in findings}
    assert not codes & PAPER_WARNINGS
    paper = [f for f in findings if f["code"] == "group-not-checkable"]
    assert paper
    assert paper[0]["severity"] == "info"


def test_the_demo_project_itself_still_checks_its_statutory_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nomination, check_day, _ = demo_nomination()
    party = dataclasses.replace(nomination.party, groups=())
    project = tmp_path / "zonder.kandidaat"
    ProjectFile.create(project, dataclasses.replace(nomination, party=party)).close()
    main(["check", str(project), "--json", "--today", check_day.isoformat()])
    codes = {f["code"] for f in json.loads(capsys.readouterr().out)}
    # In a project the statutory name can be filled in: missing is a warning there.
    assert "group-missing" in codes
