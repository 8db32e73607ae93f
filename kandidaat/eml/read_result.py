"""Read a result (EML 520)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.domain.election import ElectedCandidate, ResultRecord
from kandidaat.eml.namespaces import e
from kandidaat.eml.read_common import (
    Reader,
    message_body,
    read_candidate,
    read_election_identifier,
    read_envelope,
)

if TYPE_CHECKING:
    from lxml import etree


def read_result(tree: etree._ElementTree, source: str) -> ResultRecord:
    """An EML 520 document: elected lists, then their elected candidates.

    Raises:
        EmlError: a missing element or a wrong number, with its line.
    """
    reader = Reader(source)
    root = tree.getroot()
    envelope = read_envelope(root, reader)
    election = reader.child(message_body(root, "Result", reader), e("Election"), "Election")
    contest = reader.child(election, e("Contest"), "Contest")
    contest_id = reader.child(contest, e("ContestIdentifier"), "ContestIdentifier")
    lists: list[tuple[int, str]] = []
    elected: list[ElectedCandidate] = []
    for selection in contest.iterchildren(e("Selection")):
        affiliation = selection.find(e("AffiliationIdentifier"))
        if affiliation is not None:
            number = reader.id_number(affiliation, "lijst")
            lists.append((number, affiliation.findtext(e("RegisteredName")) or ""))
            continue
        candidate = selection.find(e("Candidate"))
        if candidate is None or not lists:
            raise reader.fail(selection, "een gekozen kandidaat staat niet onder een lijst")
        record = read_candidate(candidate, reader)
        ranking = selection.findtext(e("Ranking"))
        votes_element = selection.find(e("Votes"))
        votes = (
            reader.integer(votes_element, "aantal stemmen van een gekozen kandidaat")
            if votes_element is not None and (votes_element.text or "").strip()
            else None
        )
        elected.append(
            ElectedCandidate(
                list_number=lists[-1][0],
                order=record.position,
                candidate=record,
                preferential=ranking == "1",
                votes=votes,
            )
        )
    return ResultRecord(
        envelope=envelope,
        election=read_election_identifier(election, reader),
        contest_id=contest_id.get("Id") or "",
        elected_lists=tuple(lists),
        elected=tuple(elected),
    )
