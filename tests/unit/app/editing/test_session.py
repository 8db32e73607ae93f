"""The editing session: every edit is in the file at once, and undo is too."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import pytest
from editing_samples import candidate

from kandidaat.app.editing.edits import (
    AddCandidateToList,
    AddList,
    CopyList,
    MoveCandidate,
    PutCandidate,
    RemoveCandidate,
    RemoveList,
    ReorderList,
    SetListKieskringen,
    SetParty,
)
from kandidaat.app.editing.session import EditingSession
from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.model import CandidateList, Nomination

if TYPE_CHECKING:
    from pathlib import Path


def reopened(path: Path) -> Nomination:
    with_file = EditingSession.open(path)
    try:
        return with_file.nomination
    finally:
        with_file.close()


def order(nomination: Nomination, key: str = "lijst") -> tuple[str, ...]:
    return next(item.candidates for item in nomination.lists if item.key == key)


def test_a_new_candidate_is_in_the_file_before_the_session_is_closed(
    session: EditingSession, project: Path
) -> None:
    session.apply(PutCandidate(candidate("smit", "Smit"), list_key="lijst"))
    # Read the file through a second connection while the session is still open? The
    # project is locked for other programs; so close first without any save step.
    session.close()
    nomination = reopened(project)
    assert nomination.candidate("smit").last_name == "Smit"
    assert order(nomination) == ("jansen", "bakker", "visser", "smit")


def test_moving_the_lijsttrekker_down_is_kept_and_undone_in_the_file(
    session: EditingSession, project: Path
) -> None:
    session.apply(MoveCandidate("lijst", 0, 2))
    assert order(session.nomination) == ("bakker", "visser", "jansen")
    session.undo()
    assert order(session.nomination) == ("jansen", "bakker", "visser")
    session.close()
    assert order(reopened(project)) == ("jansen", "bakker", "visser")


def test_redo_brings_back_the_undone_edit_in_the_file(
    session: EditingSession, project: Path
) -> None:
    session.apply(ReorderList("lijst", ("visser", "jansen", "bakker")))
    session.undo()
    assert session.can_redo
    assert session.redo_description == "volgorde van de lijst gewijzigd"
    session.redo()
    session.close()
    assert order(reopened(project)) == ("visser", "jansen", "bakker")


def test_removing_a_candidate_takes_them_off_every_list_and_undo_puts_them_back_in_place(
    session: EditingSession, project: Path
) -> None:
    session.apply(RemoveCandidate("bakker", "Bakker, M.J."))
    assert session.undo_description == "kandidaat Bakker, M.J. verwijderd"
    assert order(session.nomination) == ("jansen", "visser")
    session.undo()
    session.close()
    nomination = reopened(project)
    assert order(nomination) == ("jansen", "bakker", "visser")
    assert nomination.candidate("bakker").initials == "M.J."


def test_a_copied_list_has_the_same_candidates_in_the_same_order(
    session: EditingSession, project: Path
) -> None:
    session.apply(CopyList("lijst", "kopie", ("1",)))
    session.close()
    nomination = reopened(project)
    assert [item.key for item in nomination.lists] == ["lijst", "kopie"]
    assert order(nomination, "kopie") == ("jansen", "bakker", "visser")


def test_a_removed_list_comes_back_with_undo(session: EditingSession, project: Path) -> None:
    session.apply(RemoveList("lijst"))
    assert session.nomination.lists == ()
    session.undo()
    session.close()
    assert order(reopened(project)) == ("jansen", "bakker", "visser")


def test_a_kieskring_the_election_does_not_have_is_refused_in_dutch_and_nothing_changes(
    session: EditingSession,
) -> None:
    before = session.nomination
    with pytest.raises(InputError, match="kieskring 7 hoort niet bij de verkiezing"):
        session.apply(SetListKieskringen("lijst", ("7",)))
    assert session.nomination == before
    assert not session.can_undo


def test_putting_a_candidate_twice_on_one_list_names_the_person_and_the_list(
    session: EditingSession,
) -> None:
    with pytest.raises(InputError, match=r"Visser, K\. staat al op lijst 1"):
        session.apply(AddCandidateToList("lijst", "visser"))


def test_party_changes_survive_reopening(session: EditingSession, project: Path) -> None:
    party = replace(session.nomination.party, appellation="Utrechtse Burgers", previous_seats=17)
    session.apply(SetParty(party))
    session.close()
    reopened_party = reopened(project).party
    assert reopened_party.appellation == "Utrechtse Burgers"
    assert reopened_party.previous_seats == 17


def test_an_edit_that_changes_nothing_is_not_an_undo_step(session: EditingSession) -> None:
    session.apply(SetParty(session.nomination.party))
    assert not session.can_undo


def test_a_new_edit_clears_what_could_be_redone(session: EditingSession) -> None:
    session.apply(MoveCandidate("lijst", 0, 1))
    session.undo()
    session.apply(AddList(CandidateList("tweede", ("1",), ())))
    assert not session.can_redo
    with pytest.raises(InputError, match="niets om opnieuw te doen"):
        session.redo()


def test_listeners_hear_about_edits_undo_and_redo(session: EditingSession) -> None:
    heard: list[tuple[str, ...]] = []
    session.add_listener(lambda nomination: heard.append(order(nomination)))
    session.apply(MoveCandidate("lijst", 2, 0))
    session.undo()
    session.redo()
    assert heard == [
        ("visser", "jansen", "bakker"),
        ("jansen", "bakker", "visser"),
        ("visser", "jansen", "bakker"),
    ]


def test_the_project_cannot_be_opened_twice_at_the_same_time(
    session: EditingSession, project: Path
) -> None:
    assert session.nomination.party.appellation == "Partij voor Utrecht"
    with pytest.raises(InputError, match=r"utrecht\.kandidaat"):
        EditingSession.open(project)


def test_creating_a_project_over_an_existing_file_is_refused(project: Path) -> None:
    before = project.read_bytes()
    with pytest.raises(InputError, match="bestaat al"):
        EditingSession.create(project, reopened(project))
    assert project.read_bytes() == before


def test_findings_are_computed_once_per_state_and_follow_every_edit(
    session: EditingSession,
) -> None:
    first = session.findings()
    assert session.findings() is first
    assert not any(f.code == "candidate-data-missing" for f in first)
    missing = replace(session.nomination.candidate("visser"), date_of_birth=None)
    session.apply(PutCandidate(missing))
    after = session.findings()
    assert after is not first
    assert any(f.code == "candidate-data-missing" and f.candidate_key == "visser" for f in after)
    session.undo()
    assert not any(
        f.candidate_key == "visser" and f.field == "date_of_birth" for f in session.findings()
    )


def test_an_appellation_with_an_escape_character_is_refused_and_the_file_keeps_the_old_one(
    session: EditingSession, project: Path
) -> None:
    old = session.nomination.party
    hostile = replace(old, appellation="Utrecht\x1bse Burgers")
    with pytest.raises(InputError, match=r"de aanduiding: teken 8 is een stuurteken \(ESC\)"):
        session.apply(SetParty(hostile))
    assert session.nomination.party == old
    assert not session.can_undo
    session.close()
    assert reopened(project).party == old


def test_an_appellation_of_200_characters_is_refused_before_any_document_is_made(
    session: EditingSession,
) -> None:
    hostile = replace(session.nomination.party, appellation="U" * 200)
    with pytest.raises(InputError, match="de aanduiding: is te lang: 200 tekens"):
        session.apply(SetParty(hostile))


def test_a_submitter_with_a_postcode_that_is_not_dutch_is_refused(
    session: EditingSession,
) -> None:
    from kandidaat.domain.nomination.model import PostalAddress, Submitter  # noqa: PLC0415

    submitter = Submitter("J.", "Visser", address=PostalAddress("Markt 1", "ABCDEF", "Utrecht"))
    with pytest.raises(InputError, match="lijstinleveraar, postcode: 'ABCDEF' is geen Nederlandse"):
        session.apply(SetParty(replace(session.nomination.party, submitter=submitter)))
