"""The deadline calculator: nomination day, registration, deposit, repair, appeal."""

from __future__ import annotations

from datetime import date

import pytest

from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.deadlines import (
    describe,
    dutch_date,
    ek_nomination_day,
    election_dates,
    nomination_day_for,
)
from kandidaat.domain.nomination.model import Body, Election, Kieskring


def _election(body: Body, election_date: date, nomination: date | None = None) -> Election:
    return Election(
        body=body,
        identifier=f"{body}{election_date.year}",
        name="test",
        election_date=election_date,
        seats=25,
        kieskringen=(Kieskring("1", "Test"),),
        nomination_date=nomination,
    )


def test_j1_the_election_is_on_the_44th_day_after_nomination_day_tk2023() -> None:
    # TK 2023 (110a sample): election 22 November, nomination day 9 October.
    assert nomination_day_for(Body.TK, date(2023, 11, 22)) == date(2023, 10, 9)


def test_j1_the_44th_day_holds_for_gemeenteraad_and_provinciale_staten() -> None:
    # GR2026 Stadskanaal and PS2023 samples: 18 March 2026 / 2 Feb, 15 March 2023 / 30 Jan.
    assert nomination_day_for(Body.GR, date(2026, 3, 18)) == date(2026, 2, 2)
    assert nomination_day_for(Body.PS, date(2023, 3, 15)) == date(2023, 1, 30)
    assert nomination_day_for(Body.AB, date(2023, 3, 15)) == date(2023, 1, 30)


def test_j1_counting_crosses_29_february_in_a_leap_year() -> None:
    assert nomination_day_for(Body.PS, date(2028, 3, 15)) == date(2028, 1, 31)
    assert nomination_day_for(Body.PS, date(2027, 3, 15)) == date(2027, 1, 30)


def test_y8_ep_nomination_is_on_the_44th_day_before_the_election() -> None:
    # EP 2024: election Thursday 6 June, nomination Tuesday 23 April.
    assert nomination_day_for(Body.EP, date(2024, 6, 6)) == date(2024, 4, 23)


def test_q4_ek_nomination_is_the_tuesday_between_19_and_25_april() -> None:
    assert ek_nomination_day(2023) == date(2023, 4, 25)
    assert ek_nomination_day(2027) == date(2027, 4, 20)
    assert nomination_day_for(Body.EK, date(2023, 5, 30)) == date(2023, 4, 25)
    for year in range(2020, 2040):
        day = ek_nomination_day(year)
        assert day.weekday() == 1
        assert 19 <= day.day <= 25


def test_q5_an_ek_election_before_april_needs_an_explicit_nomination_day() -> None:
    with pytest.raises(InputError, match="Q 5"):
        nomination_day_for(Body.EK, date(2027, 3, 1))
    dates = election_dates(_election(Body.EK, date(2027, 3, 1), date(2027, 1, 19)))
    assert dates.nomination_day == date(2027, 1, 19)


def test_a_nomination_day_on_or_after_the_election_is_refused_in_dutch() -> None:
    with pytest.raises(InputError, match="moet vóór de dag van stemming"):
        election_dates(_election(Body.GR, date(2026, 3, 18), date(2026, 3, 18)))


def test_tk2021_dates_match_the_kiesraad_calendar() -> None:
    # Kiesraad 2021: nomination Mon 1 Feb, examination Tue 2 Feb, repair Wed 3 and
    # Thu 4 Feb, public session Fri 5 Feb, appeal until Tue 9 Feb.
    dates = election_dates(_election(Body.TK, date(2021, 3, 17)))
    assert dates.nomination_day == date(2021, 2, 1)
    assert dates.examination_day == date(2021, 2, 2)
    assert dates.repair_end == date(2021, 2, 4)
    assert dates.public_session == date(2021, 2, 5)
    assert dates.appeal_deadline == date(2021, 2, 9)


def test_ps2023_public_session_on_friday_and_appeal_until_7_february() -> None:
    dates = election_dates(_election(Body.PS, date(2023, 3, 15)))
    assert dates.public_session == date(2023, 2, 3)
    assert dates.appeal_deadline == date(2023, 2, 7)


def test_g1_registration_closes_on_the_42nd_day_and_q6_on_the_43rd_for_ek() -> None:
    tk = election_dates(_election(Body.TK, date(2025, 10, 29)))
    assert tk.nomination_day == date(2025, 9, 15)
    assert tk.registration_deadline == date(2025, 8, 4)
    ek = election_dates(_election(Body.EK, date(2023, 5, 30)))
    assert ek.registration_deadline == date(2023, 3, 13)


def test_kb_h3_deposit_and_h4_lid3_support_window_are_14_days_before_nomination() -> None:
    dates = election_dates(_election(Body.GR, date(2026, 3, 18)))
    assert dates.deposit_deadline == date(2026, 1, 19)
    assert dates.support_window_start == date(2026, 1, 19)
    assert dates.support_window_end == date(2026, 2, 2)


def test_s1_ek2023_examination_repair_and_session_match_the_kiesraad_calendar() -> None:
    # Kiesraad EK 2023: nomination 25 April, examination 1 May, repair until 4 May,
    # public session 8 May, appeal until 12 May.
    dates = election_dates(_election(Body.EK, date(2023, 5, 30)))
    assert dates.examination_day == date(2023, 5, 1)
    assert dates.repair_end == date(2023, 5, 4)
    assert dates.public_session == date(2023, 5, 8)
    assert dates.appeal_deadline == date(2023, 5, 12)


def test_describe_lists_every_date_in_calendar_order_with_its_article() -> None:
    rows = describe(election_dates(_election(Body.GR, date(2026, 3, 18))))
    days = [row[2] for row in rows]
    assert days == sorted(days)
    labels = {row[0]: row[1] for row in rows}
    assert labels["Uiterste dag ontvangst waarborgsom"] == "Kiesbesluit H 3 lid 1"
    assert labels["Laatste dag herstel verzuimen"] == "Kieswet I 2 lid 2"
    assert any(row[1] == "Kieswet G 3 lid 1" for row in rows)
    assert rows[-1] == ("Dag van stemming", "Kieswet J 1 lid 1", date(2026, 3, 18))


def test_describe_leaves_out_the_deposit_for_the_eerste_kamer() -> None:
    rows = describe(election_dates(_election(Body.EK, date(2027, 5, 25))))
    assert not any("waarborgsom" in row[0] for row in rows)
    assert not any("ondersteuningsverklaringen" in row[0] for row in rows)
    assert any(row[1] == "Kieswet Q 4" and row[2] == date(2027, 4, 20) for row in rows)
    assert any(row[1] == "Kieswet Q 6 lid 2" for row in rows)


def test_dates_in_messages_are_written_in_dutch() -> None:
    assert dutch_date(date(2025, 10, 29)) == "29 oktober 2025"
