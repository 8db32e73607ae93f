"""Edits change only what they say and refuse what cannot be, in Dutch."""

from __future__ import annotations

import pytest
from editing_samples import candidate, small_nomination

from kandidaat.app.editing.edits import (
    AddCandidateToList,
    CopyList,
    ImportCandidates,
    MoveCandidate,
    PutCandidate,
    RemoveCandidateFromList,
    ReorderList,
    SetElection,
    SetListOptions,
)
from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.elections import builtin_election

NOMINATION = small_nomination()


def test_an_edited_candidate_keeps_their_place_in_the_project_and_on_the_list() -> None:
    changed = PutCandidate(candidate("bakker", "Bakker-de Wit", "M.J.")).apply(NOMINATION)
    assert [c.last_name for c in changed.candidates] == ["Jansen", "Bakker-de Wit", "Visser"]
    assert changed.lists == NOMINATION.lists


def test_a_new_candidate_can_be_put_at_a_chosen_place() -> None:
    changed = PutCandidate(candidate("smit", "Smit"), list_key="lijst", position=1).apply(
        NOMINATION
    )
    assert changed.lists[0].candidates == ("jansen", "smit", "bakker", "visser")


def test_moving_beyond_the_end_of_the_list_is_refused_with_the_place() -> None:
    with pytest.raises(InputError, match="plaats 4 bestaat niet op deze lijst"):
        MoveCandidate("lijst", 0, 3).apply(NOMINATION)


def test_a_new_order_must_have_the_same_people() -> None:
    with pytest.raises(InputError, match="dezelfde kandidaten"):
        ReorderList("lijst", ("jansen", "bakker")).apply(NOMINATION)


def test_taking_someone_off_the_list_keeps_them_in_the_project() -> None:
    changed = RemoveCandidateFromList("lijst", "bakker").apply(NOMINATION)
    assert changed.lists[0].candidates == ("jansen", "visser")
    assert changed.candidate("bakker").last_name == "Bakker"


def test_an_unknown_list_is_named() -> None:
    with pytest.raises(InputError, match="lijst 'weg' bestaat niet"):
        AddCandidateToList("weg", "jansen").apply(NOMINATION)


def test_a_copy_cannot_take_the_key_of_an_existing_list() -> None:
    with pytest.raises(InputError, match="er is al een lijst met sleutel 'lijst'"):
        CopyList("lijst", "lijst", ("1",)).apply(NOMINATION)


def test_an_import_updates_known_people_and_adds_new_ones_in_file_order() -> None:
    imported = (candidate("visser", "Visser", "K.L."), candidate("smit", "Smit"))
    changed = ImportCandidates(imported, "lijst").apply(NOMINATION)
    assert changed.candidate("visser").initials == "K.L."
    assert changed.lists[0].candidates == ("jansen", "bakker", "visser", "smit")
    assert ImportCandidates(imported).description == "2 kandidaten ingelezen"


def test_another_election_keeps_only_the_kieskringen_it_has() -> None:
    gelderland = builtin_election("PS2027_Gelderland")
    changed = SetElection(gelderland).apply(NOMINATION)
    assert changed.election is gelderland
    assert changed.lists[0].kieskringen == ("1",)
    assert changed.lists[0].candidates == NOMINATION.lists[0].candidates


def test_a_list_may_show_the_gender_and_be_frisian_but_not_in_another_language() -> None:
    changed = SetListOptions("lijst", publish_gender=True, language="fy").apply(NOMINATION)
    assert (changed.lists[0].publish_gender, changed.lists[0].language) == (True, "fy")
    with pytest.raises(InputError, match="kies nl \\(Nederlands\\) of fy \\(Fries\\)"):
        SetListOptions("lijst", publish_gender=False, language="en").apply(NOMINATION)
