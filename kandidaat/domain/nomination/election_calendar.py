"""The next ordinary election day of a body, from the law alone (ADR 0090).

Examples, defaults and the demo must stay valid as time passes: a fixed date
such as 18 March 2026 is in the past a year later, and then every check says
"de dag van kandidaatstelling is voorbij". This module computes the next
ordinary (periodic) election day instead.

Kieswet geldend op 2026-01-01:

* art. C 4 (PS, AB, GR) and the BES rules for the eilandsraden: members are
  elected for four years; the ordinary elections of the gemeenteraden are held
  in 2018, 2022, 2026, 2030, ... and those of provinciale staten, the
  waterschappen and the eilandsraden in 2019, 2023, 2027, 2031, ...;
* art. F 1 lid 1: the dag van kandidaatstelling of an ordinary election is the
  Monday in the period 30 January - 5 February;
* art. J 1 lid 1: election day is the 44th day after nomination day (so a
  Wednesday between 15 and 21 March).

The Tweede Kamer, the Eerste Kamer and the European Parliament get no computed
date (ADR 0090): the Tweede Kamer was dissolved (election of 29 October 2025)
and its next ordinary date depends on art. C 2/C 3 and a decision of its
Voorzitter; the Eerste Kamer's election day follows its own chapter (Q, T);
the European Parliament's window is set by the Council of the EU.
"""

from __future__ import annotations

from datetime import date, timedelta

from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.deadlines import DAYS_NOMINATION_TO_ELECTION
from kandidaat.domain.nomination.model import Body

__all__ = ["CYCLE_YEARS", "next_election_day", "ordinary_election_day"]

CYCLE_YEARS = 4
"""Kieswet art. C 4 lid 1: elected for four years."""

_FIRST_KNOWN_YEAR = {
    Body.GR: 2018,
    Body.PS: 2019,
    Body.AB: 2019,
    Body.ER: 2019,
}
"""A year with an ordinary election of the body (published by the Kiesraad)."""

_MONDAY = 0
_NOMINATION_WINDOW_START = (1, 30)
"""Kieswet art. F 1 lid 1: the Monday from 30 January up to and including 5 February."""

_NOT_COMPUTED = {
    Body.TK: (
        "de Tweede Kamer is in 2025 ontbonden; de volgende gewone verkiezingsdag volgt uit "
        "Kieswet art. C 2 en C 3 en een besluit van de Voorzitter"
    ),
    Body.EK: "de verkiezingsdag van de Eerste Kamer volgt uit Kieswet hoofdstuk Q en T",
    Body.EP: "het tijdvak van de verkiezing van het Europees Parlement bepaalt de Raad van de EU",
}


def _nomination_monday(year: int) -> date:
    """Kieswet art. F 1 lid 1 (geldend op 2026-01-01): the Monday in 30 January - 5 February."""
    first = date(year, *_NOMINATION_WINDOW_START)
    return first + timedelta(days=(_MONDAY - first.weekday()) % 7)


def _check_supported(body: Body) -> None:
    if body in _NOT_COMPUTED:
        raise InputError(
            f"{body.dutch_name}: geen berekende verkiezingsdag ({_NOT_COMPUTED[body]}); "
            "geef de verkiezingsdatum zelf op"
        )


def ordinary_election_day(body: Body, year: int) -> date:
    """The ordinary election day of ``body`` in ``year``.

    Kieswet art. C 4, F 1 lid 1 and J 1 lid 1 (geldend op 2026-01-01): every
    four years, on the 44th day after the Monday in 30 January - 5 February.

    Raises:
        InputError: ``body`` has no computed date, or ``year`` is no election year of it.
    """
    _check_supported(body)
    if (year - _FIRST_KNOWN_YEAR[body]) % CYCLE_YEARS:
        raise InputError(f"{body.dutch_name}: {year} is geen jaar van een gewone verkiezing")
    return _nomination_monday(year) + timedelta(days=DAYS_NOMINATION_TO_ELECTION)


def next_election_day(body: Body, today: date) -> date:
    """The first ordinary election day of ``body`` whose nomination day is still ahead.

    An election whose dag van kandidaatstelling is today or later counts: a
    party can still hand in its lists. Kieswet art. C 4, F 1 lid 1 and J 1
    lid 1 (geldend op 2026-01-01).

    Raises:
        InputError: ``body`` has no computed date (Tweede Kamer, Eerste Kamer, EP).
    """
    _check_supported(body)
    offset = (today.year - _FIRST_KNOWN_YEAR[body]) % CYCLE_YEARS
    year = today.year + (CYCLE_YEARS - offset) % CYCLE_YEARS
    election = ordinary_election_day(body, year)
    if election - timedelta(days=DAYS_NOMINATION_TO_ELECTION) < today:
        election = ordinary_election_day(body, year + CYCLE_YEARS)
    return election


if __name__ == "__main__":  # ``python -m ...election_calendar GR``: the date for examples
    import sys

    try:
        _day = next_election_day(Body(sys.argv[1] if len(sys.argv) > 1 else "GR"), date.today())  # noqa: DTZ011
    except (ValueError, InputError) as _error:
        sys.stderr.write(f"fout: {getattr(_error, 'message', 'onbekend orgaan')}\n")
        raise SystemExit(2) from None
    sys.stdout.write(_day.isoformat() + "\n")
