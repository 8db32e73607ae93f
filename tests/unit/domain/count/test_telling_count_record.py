"""The agreed figures of the polling stations become one EML 510b record, added up by hand."""

from __future__ import annotations

import pytest
from count_figures import LAYOUT, figures

from kandidaat.domain.count.record import count_record, municipality_code
from kandidaat.domain.election import ElectionIdentifier, PollingStation
from kandidaat.domain.tally.checks import check_counts

ELECTION = ElectionIdentifier(
    "GR2026_Ons", "Gemeenteraad Ons", "GR", "GR2", "42", "Ons", "2026-03-18", "2026-02-02"
)


def test_two_polling_stations_are_added_up_list_by_list_and_candidate_by_candidate() -> None:
    one = figures()  # list 1: 50, 30, 20; list 2: 40, 10
    two = figures(lists=((1, (5, 0, 1)), (2, (2, 3))), stempassen=10, volmacht=3)
    stations = (
        (PollingStation(1, "Dorpshuis", "1234 AB", voters=900), one),
        (PollingStation(7, "School", None, voters=None), two),
    )
    record = count_record(
        ELECTION,
        "geen",
        ("42", "Ons"),
        stations,
        LAYOUT,
        eligible=1500,
        created="2026-03-18T22:00:00.000",
    )
    assert record.envelope.message_id == "510b"
    assert record.envelope.authority_id == "0042"
    assert record.election.nomination_date is None
    assert record.election.domain_id == "0042"  # the 510 XSD: a CBS code in 4 digits
    assert [u.id for u in record.units] == ["0042::SB1", "0042::SB7"]
    assert record.units[0].name == "Stembureau Dorpshuis (postcode: 1234 AB)"
    assert [u.counts.cast for u in record.units] == [900, 0]
    total = record.total
    assert total is not None
    # list 1: 100 + 6 = 106 (55, 30, 21); list 2: 50 + 5 = 55 (42, 13)
    assert [(item.number, item.votes, item.candidate_votes) for item in total.lists] == [
        (1, 106, ((1, 55), (2, 30), (3, 21))),
        (2, 55, ((1, 42), (2, 13))),
    ]
    assert total.total_counted == 161
    assert total.cast == 1500
    assert dict(total.rejected) == {"ongeldig": 2, "blanco": 2}
    # stempassen 140 + 10, volmachtbewijzen 12 + 3, admitted 152 + 13
    assert dict(total.uncounted)["geldige stempassen"] == 150
    assert dict(total.uncounted)["toegelaten kiezers"] == 165
    assert check_counts(record) == []


def test_a_municipality_code_is_written_with_four_digits() -> None:
    assert municipality_code("42") == "0042"
    assert municipality_code("0668") == "0668"
    with pytest.raises(ValueError, match="4 cijfers"):
        municipality_code("12345")


def test_an_investigated_station_carries_its_reason_and_whether_it_was_corrected() -> None:
    stations = (
        (PollingStation(1, "Dorpshuis"), figures()),
        (PollingStation(2, "School"), figures()),
    )
    record = count_record(
        ELECTION,
        "geen",
        ("42", "Ons"),
        stations,
        LAYOUT,
        eligible=None,
        created="2026-03-18T22:00:00.000",
        investigations={2: ("onverklaard verschil", False)},
    )
    assert record.units[0].trailing_xml == ()
    (xml,) = record.units[1].trailing_xml
    assert xml.count("<kr:Investigation ") == 3  # the three DSO codes of the 510 XSD
    assert 'ReasonCode="onderzocht vanwege onverklaard verschil">true<' in xml
    assert 'ReasonCode="onderzocht vanwege andere fout">false<' in xml
    assert 'ReasonCode="uitslag gecorrigeerd">false<' in xml
