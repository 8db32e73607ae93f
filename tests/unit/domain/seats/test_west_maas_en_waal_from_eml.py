"""GR2022 West Maas en Waal computed straight from the real EML files in ../shared.

The count (510b, TotalVotes) gives the list and candidate votes, the candidate lists
(230b) the names. The seats must equal the official result in
../shared/vectors/real, and the elected candidates follow from P 15 and P 17.

This test reads the XML itself (a few XPath expressions, with a safe parser) so that it
checks the seat engine against the raw files independently of kandidaat's EML reader.
"""

from __future__ import annotations

import json
from pathlib import Path

from lxml import etree

from kandidaat.domain.seats import Body, Candidate, Completed, Contest, PartyList, allocate

SHARED = Path(__file__).resolve().parents[4] / ".." / "shared"
SAMPLES = SHARED / "eml_nl" / "samples" / "GR2022_WestMaasenWaal"
NS = {
    "eml": "urn:oasis:names:tc:evs:schema:eml",
    "xnl": "urn:oasis:names:tc:ciq:xsdschema:xNL:2.0",
}
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def _count() -> dict[int, tuple[int, list[int]]]:
    """List number -> (list votes, candidate votes in list order) from TotalVotes."""
    tree = etree.parse(str(SAMPLES / "Telling_GR2022_WestMaasenWaal.eml.xml"), PARSER)
    totals: dict[int, tuple[int, list[int]]] = {}
    current = 0
    for selection in tree.iterfind(".//eml:TotalVotes/eml:Selection", NS):
        votes = int(selection.findtext("eml:ValidVotes", namespaces=NS))
        affiliation = selection.find("eml:AffiliationIdentifier", NS)
        if affiliation is not None:
            current = int(affiliation.get("Id"))
            totals[current] = (votes, [])
        else:
            totals[current][1].append(votes)
    return totals


def _names() -> dict[int, list[str]]:
    tree = etree.parse(str(SAMPLES / "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml"), PARSER)
    names: dict[int, list[str]] = {}
    for affiliation in tree.iterfind(".//eml:Affiliation", NS):
        number = int(affiliation.find("eml:AffiliationIdentifier", NS).get("Id"))
        names[number] = [
            " ".join(
                part.text or ""
                for part in candidate.iterfind(".//xnl:PersonName/*", NS)
                if part.tag != f"{{{NS['xnl']}}}FirstName"
            )
            for candidate in affiliation.iterfind("eml:Candidate", NS)
        ]
    return names


def test_west_maas_en_waal_2022_from_the_eml_count_gives_the_official_seats_and_members() -> None:
    count = _count()
    names = _names()
    lists = tuple(
        PartyList(
            number,
            f"lijst {number}",
            votes,
            tuple(
                Candidate(position, names[number][position - 1], v)
                for position, v in enumerate(candidate_votes, 1)
            ),
        )
        for number, (votes, candidate_votes) in sorted(count.items())
    )
    outcome = allocate(Contest(Body.GR, 17, lists))
    assert isinstance(outcome, Completed)
    official = json.loads(
        (SHARED / "vectors" / "real" / "gr2022_west-maas-en-waal.json").read_text("utf-8")
    )["contest"]["lists"]
    assert outcome.result.seats == {e["list_number"]: e["expected_seats"] for e in official}
    assert outcome.result.quota == 550
    elected = {
        e.list_number: [names[e.list_number][p - 1] for p in e.elected]
        for e in outcome.result.elections
    }
    assert sum(len(v) for v in elected.values()) == 17
    # Every lijsttrekker passed the 50 % threshold (275 votes) except list 8's.
    preferential = {e.list_number: e.preferential for e in outcome.result.elections}
    assert all(preferential[n] == (1,) for n in range(1, 8))
    assert preferential[8] == ()
    assert elected[1][0] == "R.A.N. Reuvers"
