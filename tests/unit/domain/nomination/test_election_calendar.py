"""The next ordinary election day, checked against the dates the Kiesraad published.

Published election days (kiesraad.nl, uitslagen): gemeenteraad 21 March 2018,
16 March 2022, 18 March 2026; provinciale staten and waterschappen 20 March
2019, 15 March 2023. Published nomination days: 5 February 2018, 4 February
2019, 31 January 2022, 30 January 2023, 2 February 2026 (all Mondays).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.election_calendar import (
    next_election_day,
    ordinary_election_day,
)
from kandidaat.domain.nomination.model import Body

PUBLISHED = [
    (Body.GR, 2018, date(2018, 3, 21)),
    (Body.GR, 2022, date(2022, 3, 16)),
    (Body.GR, 2026, date(2026, 3, 18)),
    (Body.PS, 2019, date(2019, 3, 20)),
    (Body.PS, 2023, date(2023, 3, 15)),
    (Body.AB, 2019, date(2019, 3, 20)),
    (Body.AB, 2023, date(2023, 3, 15)),
]


@pytest.mark.parametrize(("body", "year", "published"), PUBLISHED)
def test_the_computed_day_is_the_published_election_day(
    body: Body, year: int, published: date
) -> None:
    assert ordinary_election_day(body, year) == published


def test_on_7_december_2026_the_next_municipal_election_is_in_march_2030() -> None:
    # GR elected 16 March 2022 and 18 March 2026: four years on is 2030.
    # Hand computation: the Monday in 30 Jan - 5 Feb 2030 is 4 February; +44 days = 20 March.
    assert next_election_day(Body.GR, date(2026, 12, 7)) == date(2030, 3, 20)


@pytest.mark.parametrize("body", [Body.PS, Body.AB, Body.ER])
def test_on_7_december_2026_the_next_provincial_election_is_in_march_2027(body: Body) -> None:
    # Hand computation: the Monday in 30 Jan - 5 Feb 2027 is 1 February; +44 days = 17 March.
    assert next_election_day(body, date(2026, 12, 7)) == date(2027, 3, 17)


def test_the_election_day_is_a_wednesday_44_days_after_a_monday_nomination() -> None:
    for year in range(2026, 2060, 4):
        day = ordinary_election_day(Body.GR, year)
        nomination = day - timedelta(days=44)
        assert day.weekday() == 2  # Wednesday
        assert nomination.weekday() == 0  # Monday
        assert date(year, 1, 30) <= nomination <= date(year, 2, 5)


def test_an_election_whose_nomination_day_passed_is_not_the_next_one() -> None:
    # GR 2026: nomination 2 February 2026. On 3 February it is too late for 2026.
    assert next_election_day(Body.GR, date(2026, 2, 2)) == date(2026, 3, 18)
    assert next_election_day(Body.GR, date(2026, 2, 3)) == date(2030, 3, 20)


@pytest.mark.parametrize("body", [Body.GR, Body.PS, Body.AB, Body.ER])
def test_the_next_election_is_always_ahead_of_any_day_in_the_coming_years(body: Body) -> None:
    start = date.today()  # noqa: DTZ011 - the point: valid whatever today is
    for days in range(0, 366 * 9, 17):
        today = start + timedelta(days=days)
        day = next_election_day(body, today)
        assert day - timedelta(days=44) >= today
        assert day - today <= timedelta(days=366 * 4 + 44)


@pytest.mark.parametrize("body", [Body.TK, Body.EK, Body.EP])
def test_a_body_without_a_computed_day_says_so_in_dutch(body: Body) -> None:
    with pytest.raises(InputError, match="geef de verkiezingsdatum zelf op"):
        next_election_day(body, date(2026, 12, 7))


def test_a_year_without_an_ordinary_election_is_refused() -> None:
    with pytest.raises(InputError, match="2027 is geen jaar van een gewone verkiezing"):
        ordinary_election_day(Body.GR, 2027)
