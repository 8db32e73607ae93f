"""Write the result: EML 520."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.eml.namespaces import e
from kandidaat.eml.write_common import candidate, election_identifier, envelope_root, sub

if TYPE_CHECKING:
    from lxml import etree

    from kandidaat.domain.election import ResultRecord


def build_result(record: ResultRecord) -> etree._Element:
    """The XML tree of an EML 520.

    Only elected lists and candidates appear. A candidate's identifier is his
    order of election within the list (not his list position), Ranking 1 means
    elected on preference votes, 2 otherwise; lists carry no Ranking.
    """
    root = envelope_root(record.envelope)
    election = sub(sub(root, e("Result")), e("Election"))
    election_identifier(election, record.election)
    contest = sub(election, e("Contest"))
    sub(contest, e("ContestIdentifier"), Id=record.contest_id)
    for number, name in record.elected_lists:
        selection = sub(contest, e("Selection"))
        identifier = sub(selection, e("AffiliationIdentifier"), Id=str(number))
        sub(identifier, e("RegisteredName"), name)
        sub(selection, e("Elected"), "yes")
        for elected in (c for c in record.elected if c.list_number == number):
            selection = sub(contest, e("Selection"))
            candidate(selection, elected.candidate, identifier=elected.order)
            if elected.votes is not None:
                sub(selection, e("Votes"), str(elected.votes))
            sub(selection, e("Ranking"), "1" if elected.preferential else "2")
            sub(selection, e("Elected"), "yes")
    return root
