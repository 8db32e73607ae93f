"""The .tel workspace: two entries by two typists, the coordinator's decision, the log."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest
from count_store_samples import SETUP, make, station_figures

from kandidaat.store.count import CountWorkspace
from kandidaat.store.workspace import WorkspaceError

if TYPE_CHECKING:
    from pathlib import Path


def test_a_new_workspace_holds_the_stations_the_lists_and_a_first_log_entry(
    tmp_path: Path,
) -> None:
    with make(tmp_path / "ons.tel") as workspace:
        assert [s.number for s in workspace.stations()] == [1, 2, 3]
        assert workspace.layout() == SETUP.layout
        election, contest, municipality, eligible = workspace.election()
        assert (election.id, contest, municipality, eligible) == (
            "GR2026_Ons",
            "geen",
            ("42", "Ons"),
            3000,
        )
        (entry,) = workspace.log()
        assert entry.action == "aangemaakt"
        assert entry.actor == "Carla Coördinator"
        assert entry.data["stembureaus"] == 3


def test_entries_are_kept_per_station_and_slot_with_the_typist_and_the_session(
    tmp_path: Path,
) -> None:
    path = tmp_path / "ons.tel"
    make(path).close()
    with CountWorkspace.open(path) as workspace:
        number = workspace.add_session(
            date(2026, 3, 19), "Stadhuis", ["Anna", "Bert", "Carla"], "eerste zitting", "Carla"
        )
        workspace.add_entry(2, 1, "Anna", station_figures(2), (), {})
        workspace.add_entry(2, 2, "Bert", station_figures(2), ("count-x",), {})
    with CountWorkspace.open(path) as workspace:
        entries = workspace.entries()
        assert [(e.station, e.slot, e.typist, e.session) for e in entries] == [
            (2, 1, "Anna", number),
            (2, 2, "Bert", number),
        ]
        assert entries[0].figures == station_figures(2)
        assert entries[1].confirmed == ("count-x",)
        assert [e.action for e in workspace.log()] == ["aangemaakt", "zitting", "invoer", "invoer"]
        (session,) = workspace.sessions()
        assert session.members == ("Anna", "Bert", "Carla")


def test_a_typist_cannot_do_both_entries_of_one_station(tmp_path: Path) -> None:
    with make(tmp_path / "ons.tel") as workspace:
        workspace.add_entry(1, 1, "Anna de Vries", station_figures(1), (), {})
        with pytest.raises(WorkspaceError, match="twee verschillende invoerders"):
            workspace.add_entry(1, 2, "anna de  vries", station_figures(1), (), {})
        assert len(workspace.entries()) == 1
        assert len(workspace.log()) == 2


def test_an_entered_slot_is_not_overwritten(tmp_path: Path) -> None:
    with make(tmp_path / "ons.tel") as workspace:
        workspace.add_entry(1, 1, "Anna", station_figures(1), (), {})
        with pytest.raises(WorkspaceError, match="al gedaan door Anna"):
            workspace.add_entry(1, 1, "Bert", station_figures(2), (), {})
        assert workspace.entries()[0].figures == station_figures(1)


def test_a_station_not_on_the_list_is_refused(tmp_path: Path) -> None:
    with (
        make(tmp_path / "ons.tel") as workspace,
        pytest.raises(WorkspaceError, match="stembureau 9"),
    ):
        workspace.add_entry(9, 1, "Anna", station_figures(1), (), {})


def test_keeping_entry_one_removes_entry_two_from_the_content_but_not_from_the_log(
    tmp_path: Path,
) -> None:
    with make(tmp_path / "ons.tel") as workspace:
        workspace.add_entry(3, 1, "Anna", station_figures(3), (), {})
        workspace.add_entry(3, 2, "Bert", station_figures(4), (), {})
        workspace.decide(3, "1", "Carla", [("lijst 1 kandidaat 1", 53, 54)])
        assert [(e.slot, e.typist) for e in workspace.entries()] == [(1, "Anna")]
        log = workspace.log()
        assert log[-1].action == "besluit"
        assert log[-1].data["verwijderd"] == [2]
        assert log[-2].data["cijfers"] == station_figures(4).to_json()
        # Anna did entry 1: the new entry 2 must be someone else's.
        with pytest.raises(WorkspaceError, match="verschillende invoerders"):
            workspace.add_entry(3, 2, "Anna", station_figures(3), (), {})
        workspace.add_entry(3, 2, "Dirk", station_figures(3), (), {})


def test_both_again_removes_both_entries_and_equal_entries_need_no_decision(
    tmp_path: Path,
) -> None:
    with make(tmp_path / "ons.tel") as workspace:
        workspace.add_entry(1, 1, "Anna", station_figures(1), (), {})
        workspace.add_entry(1, 2, "Bert", station_figures(1), (), {})
        with pytest.raises(WorkspaceError, match="zijn gelijk"):
            workspace.decide(1, "opnieuw", "Carla", [])
        workspace.add_entry(2, 1, "Anna", station_figures(2), (), {})
        with pytest.raises(WorkspaceError, match="geen twee invoeren"):
            workspace.decide(2, "opnieuw", "Carla", [])
        workspace.add_entry(2, 2, "Bert", station_figures(5), (), {})
        workspace.decide(2, "opnieuw", "Carla", [])
        assert [(e.station, e.slot) for e in workspace.entries()] == [(1, 1), (1, 2)]


def test_a_csb_file_is_not_a_count_workspace(tmp_path: Path) -> None:
    from kandidaat.domain.nomination.model import Body, Election, Kieskring  # noqa: PLC0415
    from kandidaat.store.csb import CsbWorkspace  # noqa: PLC0415

    path = tmp_path / "x.tel"
    election = Election(
        Body.GR, "GR2026_Ons", "Ons", date(2026, 3, 18), 19, (Kieskring("1", "Ons"),)
    )
    CsbWorkspace.create(path, election, "test", "Lid").close()
    before = path.read_bytes()
    with pytest.raises(WorkspaceError, match="is geen telbestand van kandidaat"):
        CountWorkspace.open(path)
    assert path.read_bytes() == before
