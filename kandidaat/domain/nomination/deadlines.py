"""The dates of the nomination procedure, derived from the election date.

Kieswet and Kiesbesluit geldend op 2026-01-01. Every date is a calendar day;
the hours (09.00-17.00 on nomination day, 16.00 for the examination) are in the
labels. The repair period follows current practice (two days, ADR 0020); the
Eerste Kamer follows chapter Q and S and the Kiesraad's calendar (ADR 0020).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.model import Body, Election

__all__ = [
    "ElectionDates",
    "describe",
    "dutch_date",
    "ek_nomination_day",
    "election_dates",
    "nomination_day_for",
]

DAYS_NOMINATION_TO_ELECTION = 44
"""Kieswet art. J 1 lid 1 and Y 8 lid 2: election on the 44th day after nomination."""
DAYS_REGISTRATION_BEFORE_NOMINATION = 42
"""Kieswet art. G 1 - G 3 lid 1: the 42nd day before nomination day."""
DAYS_REGISTRATION_BEFORE_NOMINATION_EK = 43
"""Kieswet art. Q 6 lid 2: the 43rd day for a registration for the Eerste Kamer only."""
DAYS_DEPOSIT_BEFORE_NOMINATION = 14
"""Kiesbesluit art. H 3 lid 1: the deposit is received by the 14th day before nomination."""
DAYS_SUPPORT_WINDOW = 14
"""Kieswet art. H 4 lid 3: declarations are signed in the 14 days before nomination day."""
REPAIR_DAYS = 2
"""Kieswet art. I 2 lid 2 as applied since 2021: two days after the examination (ADR 0020)."""
APPEAL_DAYS = 4
"""Kieswet art. I 7 lid 1: appeal within four days after the public session."""
EK_EXAMINATION_AFTER_NOMINATION = 6
"""Kieswet art. S 1 lid 1: the examination for the Eerste Kamer (2023: 25 April -> 1 May)."""
EK_REPAIR_DAYS = 3
"""Kieswet art. S 1 lid 4: repair until the third day after the examination."""
EK_SESSION_AFTER_REPAIR = 4
"""Kieswet art. S 2: public session (2023: repair until 4 May, session 8 May; ADR 0020)."""
TUESDAY = 1


@dataclass(frozen=True, slots=True)
class ElectionDates:
    """Every date of the nomination procedure of one election.

    ``deposit_deadline`` exists for every body; the Eerste Kamer has no
    waarborgsom, so the checks skip it there. ``body`` says which chapter's
    articles :func:`describe` cites.
    """

    election_date: date
    nomination_day: date
    """Dag van kandidaatstelling (J 1; EP Y 8; EK Q 4)."""
    registration_deadline: date
    """Last day a complete request to register an appellation counts (G 1 - G 3; EK Q 6)."""
    deposit_deadline: date
    """Waarborgsom received at the latest (Kiesbesluit H 3)."""
    support_window_start: date
    """First day an ondersteuningsverklaring may be signed (H 4 lid 3)."""
    support_window_end: date
    """Last day an ondersteuningsverklaring may be signed: nomination day."""
    examination_day: date
    """Non-public examination of the lists (I 1: the day after nomination, 16.00)."""
    repair_end: date
    """Last day of the verzuimherstel (I 2 lid 2)."""
    public_session: date
    """Public session on validity and numbering (I 4, I 12)."""
    appeal_deadline: date
    """Last day to appeal to the Raad van State (I 7)."""
    body: Body | None = None


def ek_nomination_day(year: int) -> date:
    """The Tuesday between 19 and 25 April of ``year``.

    Kieswet art. Q 4 (geldend op 2026-01-01): nomination day of a regular
    election of the Eerste Kamer.
    """
    day = date(year, 4, 19)
    return day + timedelta(days=(TUESDAY - day.weekday()) % 7)


def nomination_day_for(body: Body, election_date: date) -> date:
    """The dag van kandidaatstelling of an election on ``election_date``.

    Kieswet art. J 1 lid 1 (TK, PS, AB, GR, ER) and Y 8 lid 2 (EP), geldend op
    2026-01-01: the election is on the 44th day after nomination day. For the
    Eerste Kamer, art. Q 4: the Tuesday between 19 and 25 April of the
    election year; after a dissolution (Q 5) the date must be given on the
    election (``Election.nomination_date``).

    Raises:
        InputError: an Eerste Kamer election that is not after that Tuesday.
    """
    if body is Body.EK:
        day = ek_nomination_day(election_date.year)
        if day >= election_date:
            raise InputError(
                f"Eerste Kamer: de verkiezingsdatum {dutch_date(election_date)} ligt niet na "
                f"de dinsdag tussen 19 en 25 april ({dutch_date(day)}, Kieswet art. Q 4); "
                "vul de dag van kandidaatstelling zelf in (na ontbinding: art. Q 5)"
            )
        return day
    return election_date - timedelta(days=DAYS_NOMINATION_TO_ELECTION)


def election_dates(election: Election) -> ElectionDates:
    """All dates of the nomination procedure of ``election``.

    Kieswet art. J 1, Y 8, Q 4, G 1 - G 3, Q 6, H 4 lid 3, I 1, I 2, I 4, I 7,
    S 1, S 2 and Kiesbesluit art. H 3 (geldend op 2026-01-01); the repair
    period as in current practice (ADR 0020).

    Raises:
        InputError: the nomination day does not lie before the election date.
    """
    body = election.body
    nomination = election.nomination_date or nomination_day_for(body, election.election_date)
    if nomination >= election.election_date:
        raise InputError(
            f"verkiezing {election.identifier}: de dag van kandidaatstelling "
            f"({dutch_date(nomination)}) moet vóór de dag van stemming "
            f"({dutch_date(election.election_date)}) liggen"
        )
    registration_days = (
        DAYS_REGISTRATION_BEFORE_NOMINATION_EK
        if body is Body.EK
        else DAYS_REGISTRATION_BEFORE_NOMINATION
    )
    if body is Body.EK:
        examination = nomination + timedelta(days=EK_EXAMINATION_AFTER_NOMINATION)
        repair_end = examination + timedelta(days=EK_REPAIR_DAYS)
        session = repair_end + timedelta(days=EK_SESSION_AFTER_REPAIR)
    else:
        examination = nomination + timedelta(days=1)
        repair_end = examination + timedelta(days=REPAIR_DAYS)
        session = repair_end + timedelta(days=1)
    return ElectionDates(
        election_date=election.election_date,
        nomination_day=nomination,
        registration_deadline=nomination - timedelta(days=registration_days),
        deposit_deadline=nomination - timedelta(days=DAYS_DEPOSIT_BEFORE_NOMINATION),
        support_window_start=nomination - timedelta(days=DAYS_SUPPORT_WINDOW),
        support_window_end=nomination,
        examination_day=examination,
        repair_end=repair_end,
        public_session=session,
        appeal_deadline=session + timedelta(days=APPEAL_DAYS),
        body=body,
    )


def describe(dates: ElectionDates) -> tuple[tuple[str, str, date], ...]:
    """The dates as (Dutch label, article, date) rows, in calendar order.

    For documents and checklists. The Eerste Kamer has no waarborgsom and its
    support declarations come from members of Provinciale Staten or a
    kiescollege (art. R 2), so those rows are left out there.
    """
    body = dates.body
    ek = body is Body.EK
    rows: list[tuple[str, str, date]] = [
        (
            "Uiterste dag ontvangst volledig verzoek registratie aanduiding",
            _registration_article(body),
            dates.registration_deadline,
        ),
    ]
    if not ek:
        rows += [
            (
                "Uiterste dag ontvangst waarborgsom",
                "Kiesbesluit H 3 lid 1",
                dates.deposit_deadline,
            ),
            (
                "Eerste dag ondertekenen ondersteuningsverklaringen",
                "Kieswet H 4 lid 3",
                dates.support_window_start,
            ),
            (
                "Laatste dag ondertekenen ondersteuningsverklaringen",
                "Kieswet H 4 lid 3",
                dates.support_window_end,
            ),
        ]
    rows += [
        (
            "Dag van kandidaatstelling: inleveren kandidatenlijsten (09.00-17.00 uur)",
            _nomination_article(body),
            dates.nomination_day,
        ),
        (
            "Onderzoek kandidatenlijsten in niet-openbare zitting" + ("" if ek else " (16.00 uur)"),
            "Kieswet S 1 lid 1" if ek else "Kieswet I 1 lid 1",
            dates.examination_day,
        ),
        (
            "Laatste dag herstel verzuimen",
            "Kieswet S 1 lid 4" if ek else "Kieswet I 2 lid 2",
            dates.repair_end,
        ),
        (
            "Openbare zitting: geldigheid en nummering kandidatenlijsten",
            "Kieswet S 2" if ek else "Kieswet I 4 lid 1",
            dates.public_session,
        ),
        (
            "Uiterste dag beroep bij de Raad van State",
            "Kieswet I 7 lid 1",
            dates.appeal_deadline,
        ),
        ("Dag van stemming", _nomination_article(body), dates.election_date),
    ]
    rows.sort(key=lambda row: row[2])
    return tuple(rows)


def _registration_article(body: Body | None) -> str:
    """The article that closes registration of an appellation for ``body``."""
    return {
        Body.EK: "Kieswet Q 6 lid 2",
        Body.PS: "Kieswet G 2 lid 1",
        Body.AB: "Kieswet G 2a lid 1",
        Body.GR: "Kieswet G 3 lid 1",
        Body.ER: "Kieswet G 3 lid 1",
    }.get(body or Body.TK, "Kieswet G 1 lid 1")


def _nomination_article(body: Body | None) -> str:
    """The article that fixes nomination day for ``body``."""
    return {Body.EK: "Kieswet Q 4", Body.EP: "Kieswet Y 8 lid 2"}.get(
        body or Body.TK, "Kieswet J 1 lid 1"
    )


_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def dutch_date(day: date) -> str:
    """A date as a Dutch reader writes it: "29 oktober 2025"."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
