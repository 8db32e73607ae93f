"""EML 110b (stembureaulijst): the polling stations of a municipality, read into a record."""

from __future__ import annotations

from conftest import EML_NL

from kandidaat.domain.election import PollingStationsRecord
from kandidaat.domain.election.checks import check_polling_stations
from kandidaat.eml.documents import read_path

ABACUS = EML_NL / "fixtures" / "abacus"


def _read(name: str) -> PollingStationsRecord:
    record = read_path(ABACUS / name)
    assert isinstance(record, PollingStationsRecord)
    return record


def test_the_juinen_list_has_three_stations_with_name_postcode_and_voters() -> None:
    record = _read("juinen_eml110b_stembureaulijst-juinen.eml.xml")
    assert (record.municipality_id, record.municipality_name) == ("42", "Juinen")
    assert record.max_votes == 3353
    assert record.voting_method is None  # <VotingMethod /> is empty in the file
    assert [(s.number, s.name, s.postal_code, s.voters) for s in record.stations] == [
        (1, "Studio The Rules", "2541 AA", 1),
        (2, "De Mattenklopper", "2541 BB", 2),
        (3, "De Positivozaal", "2541 CC", 3),
    ]
    assert [s.unit_id for s in record.stations] == ["SB1", "SB2", "SB3"]
    assert all(s.channel == "polling" and s.kind is None for s in record.stations)


def test_the_420_station_list_adds_up_to_the_voters_of_the_municipality() -> None:
    record = _read("e2e_eml110b_test_420_polling_stations.eml.xml")
    assert len(record.stations) == 420
    first = record.stations[0]
    assert (first.number, first.name, first.postal_code, first.voters) == (
        1,
        "Stadhuis",
        "1011 PN",
        1273,
    )
    # grep -o over the file: the 420 PollingStation texts add up to MaxVotes 612694.
    assert sum(s.voters or 0 for s in record.stations) == record.max_votes == 612694
    assert len({s.number for s in record.stations}) == 420


def test_the_420_station_list_has_only_its_nomination_date_as_a_finding() -> None:
    record = _read("e2e_eml110b_test_420_polling_stations.eml.xml")
    assert [f.code for f in check_polling_stations(record)] == ["nomination_date_in_110b"]
