"""Age and date of birth (Kieswet H 7 lid 1; term end: ADR 0023)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from kandidaat.domain.nomination.checks.context import capital
from kandidaat.domain.nomination.checks.facts import ELECTION_HINT, Gap
from kandidaat.domain.nomination.deadlines import dutch_date
from kandidaat.domain.nomination.findings import Finding, Severity

if TYPE_CHECKING:
    from kandidaat.domain.nomination.checks.context import CheckContext
    from kandidaat.domain.nomination.checks.facts import PartialDate
    from kandidaat.domain.nomination.model import Candidate, Election, Nomination

MINIMUM_AGE = 18
OLDEST_PLAUSIBLE_AGE = 110


def term_end(election: Election) -> date:
    """The last day of the term of the body that is elected (ADR 0023).

    The day before the election date, ``term_years`` later: a TK elected on 29
    October 2025 sits until 28 October 2029 at the latest for this purpose.
    """
    return _add_years(election.election_date, election.term_years) - timedelta(days=1)


def eighteenth_birthday(born: date) -> date:
    """The day a person born on ``born`` turns 18 (born 29 February: 1 March)."""
    return _add_years(born, MINIMUM_AGE)


def check_age(nomination: Nomination, context: CheckContext) -> list[Finding]:
    """Candidates who do not turn 18 within the term; impossible dates of birth.

    Kieswet art. H 7 lid 1 (geldend op 2026-01-01): a candidate must reach
    the age for membership during the term; otherwise the CSB strikes the
    candidate (art. I 6 lid 1 onder d). A candidate who turns 18 on the last
    day of the term may stand.
    """
    election = nomination.election
    if context.facts.lacks(Gap.ELECTION_DATE):
        return _age_without_election_date(context)
    last_day = term_end(election)
    findings: list[Finding] = []
    for candidate in context.candidates_on_lists():
        born = candidate.date_of_birth
        partial = context.facts.partial_birth(candidate)
        if born is None and partial is not None:
            findings += _partial_age(candidate, partial, last_day, context)
            continue
        if born is None:
            continue
        appearance = context.first_appearance(candidate)
        list_key = appearance.candidate_list.key if appearance else None
        if born > context.today:
            label = context.candidate_label(candidate)
            findings.append(
                Finding(
                    "date-of-birth-in-future",
                    Severity.ERROR,
                    "Kiesbesluit H 2 lid 1",
                    f"De geboortedatum van {label} ({dutch_date(born)}) ligt in de toekomst.",
                    "Vul de geboortedatum in zoals in de BRP.",
                    list_key=list_key,
                    candidate_key=candidate.key,
                    field="date_of_birth",
                )
            )
            continue
        if eighteenth_birthday(born) > last_day:
            label = context.candidate_label(candidate)
            findings.append(
                Finding(
                    "too-young",
                    Severity.ERROR,
                    "Kieswet H 7 lid 1",
                    f"{capital(label)} wordt pas op {dutch_date(eighteenth_birthday(born))} "
                    f"18 jaar, na het einde van de zittingsperiode ({dutch_date(last_day)}).",
                    "Een kandidaat moet tijdens de zittingsperiode 18 worden; anders schrapt het "
                    "centraal stembureau de kandidaat (art. I 6 lid 1 onder d). Controleer de "
                    "geboortedatum.",
                    list_key=list_key,
                    candidate_key=candidate.key,
                    field="date_of_birth",
                )
            )
        elif _add_years(born, OLDEST_PLAUSIBLE_AGE) < context.today:
            label = context.candidate_label(candidate)
            findings.append(
                Finding(
                    "date-of-birth-implausible",
                    Severity.WARNING,
                    "Kiesbesluit H 2 lid 1",
                    f"De geboortedatum van {label} ({dutch_date(born)}) ligt meer dan "
                    f"{OLDEST_PLAUSIBLE_AGE} jaar terug.",
                    "Controleer de geboortedatum.",
                    list_key=list_key,
                    candidate_key=candidate.key,
                    field="date_of_birth",
                )
            )
    return findings


def _age_without_election_date(context: CheckContext) -> list[Finding]:
    """Without the election day the end of the term, and so the age rule, is unknown."""
    if not context.candidates_on_lists():
        return []
    return [
        Finding(
            "age-not-checkable",
            Severity.WARNING,
            "Kieswet H 7 lid 1",
            "Of elke kandidaat tijdens de zittingsperiode 18 jaar wordt, is "
            f"{ELECTION_HINT}: de verkiezingsdatum staat niet in {context.facts.source}.",
            "Geef de verkiezingsdefinitie mee, of controleer het project zelf.",
            field="date_of_birth",
        )
    ]


_AGE_ARTICLES = {"date-of-birth-in-future": "Kiesbesluit H 2 lid 1"}
"""The article of a finding of :func:`_partial_age` other than Kieswet H 7 lid 1."""


def _partial_age(
    candidate: Candidate, partial: PartialDate, last_day: date, context: CheckContext
) -> list[Finding]:
    """The age check on a date of birth known only in part (kr:DateOfBirthAnnex; ADR 0026).

    Kieswet art. H 7 lid 1 (geldend op 2026-01-01), as :func:`check_age`: with
    the year (and maybe the month) known, the earliest and latest possible
    dates of birth decide when both give the same answer; otherwise the
    finding says the age cannot be checked from the known part.
    """
    label = context.candidate_label(candidate)
    appearance = context.first_appearance(candidate)
    list_key = appearance.candidate_list.key if appearance else None
    earliest, latest = partial.earliest(), partial.latest()
    shown = f"geboortedatum {partial.text}: {partial.dutch()}"

    def finding(code: str, severity: Severity, message: str, advice: str) -> Finding:
        article = _AGE_ARTICLES.get(code, "Kieswet H 7 lid 1")
        return Finding(
            code,
            severity,
            article,
            message,
            advice,
            list_key=list_key,
            candidate_key=candidate.key,
            field="date_of_birth",
        )

    if earliest is None or latest is None:
        return [
            finding(
                "age-not-checkable",
                Severity.WARNING,
                f"Van {label} is de geboortedatum geheel onbekend ({partial.text}); of de "
                f"kandidaat uiterlijk op {dutch_date(last_day)} 18 jaar wordt, is niet te "
                "controleren.",
                "Controleer de leeftijd met de BRP of een identiteitsbewijs.",
            )
        ]
    if earliest > context.today:
        return [
            finding(
                "date-of-birth-in-future",
                Severity.ERROR,
                f"De geboortedatum van {label} ({shown}) ligt in de toekomst.",
                "Vul de geboortedatum in zoals in de BRP.",
            )
        ]
    if eighteenth_birthday(earliest) > last_day:
        return [
            finding(
                "too-young",
                Severity.ERROR,
                f"{capital(label)} ({shown}) wordt op zijn vroegst op "
                f"{dutch_date(eighteenth_birthday(earliest))} 18 jaar, na het einde van de "
                f"zittingsperiode ({dutch_date(last_day)}).",
                "Een kandidaat moet tijdens de zittingsperiode 18 worden; anders schrapt het "
                "centraal stembureau de kandidaat (art. I 6 lid 1 onder d).",
            )
        ]
    if eighteenth_birthday(latest) > last_day:
        return [
            finding(
                "age-not-checkable",
                Severity.WARNING,
                f"Van {label} ({shown}) is niet te controleren of de kandidaat uiterlijk op "
                f"{dutch_date(last_day)} 18 jaar wordt: dat hangt af van de onbekende dag"
                + (" of maand." if partial.month is None else "."),
                "Controleer de leeftijd met de BRP of een identiteitsbewijs.",
            )
        ]
    return [
        finding(
            "date-of-birth-partial",
            Severity.INFO,
            f"Van {label} is de geboortedatum deels onbekend ({shown}); ook op de laatst "
            "mogelijke dag geboren wordt de kandidaat uiterlijk op "
            f"{dutch_date(last_day)} 18 jaar.",
            "",
        )
    ]


def _add_years(day: date, years: int) -> date:
    """``day`` plus ``years`` calendar years; 29 February becomes 1 March."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)
