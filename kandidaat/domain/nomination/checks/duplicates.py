"""The same person twice: on one list, or on two lists for one kieskring (Kieswet H 7 lid 2)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.domain.nomination.checks.context import person_name
from kandidaat.domain.nomination.findings import Finding, Severity
from kandidaat.domain.nomination.model import Body

if TYPE_CHECKING:
    from kandidaat.domain.nomination.checks.context import CheckContext
    from kandidaat.domain.nomination.model import Candidate, Nomination


def check_duplicates(nomination: Nomination, context: CheckContext) -> list[Finding]:
    """A person twice on one list, or on two lists that share a kieskring.

    Kieswet art. H 7 lid 2 (EK: R 5), geldend op 2026-01-01: nobody may stand
    on more than one list for the same kieskring; the CSB strikes the person
    from those lists (art. I 6 lid 1 onder g). The same person under two
    address-book entries is found by BSN, or by name and date of birth.
    """
    article = "Kieswet R 5" if nomination.election.body is Body.EK else "Kieswet H 7 lid 2"
    findings: list[Finding] = []
    groups: dict[tuple[str, ...], list[Candidate]] = {}
    for candidate in context.candidates_on_lists():
        groups.setdefault(person_identity(candidate), []).append(candidate)
    for people in groups.values():
        spots = [
            (candidate, appearance)
            for candidate in people
            for appearance in context.appearances[candidate.key]
        ]
        reported: set[str] = set()
        for index, (candidate, first) in enumerate(spots):
            for other, second in spots[index + 1 :]:
                same_list = first.candidate_list.key == second.candidate_list.key
                shared = set(first.candidate_list.kieskringen) & set(
                    second.candidate_list.kieskringen
                )
                if not same_list and not shared and not nomination.election.single_kieskring:
                    continue
                key = f"{second.candidate_list.key}:{second.position}"
                if key in reported:
                    continue
                reported.add(key)
                where = (
                    f"op {context.list_label(first.candidate_list, start=False)} zowel op plaats "
                    f"{first.position} als op plaats {second.position}"
                    if same_list
                    else f"op plaats {first.position} van "
                    f"{context.list_label(first.candidate_list, start=False)} en op plaats "
                    f"{second.position} van "
                    f"{context.list_label(second.candidate_list, start=False)}"
                )
                findings.append(
                    Finding(
                        "candidate-twice" if same_list else "candidate-on-two-lists",
                        Severity.ERROR,
                        article,
                        f"Kandidaat {person_name(candidate)} staat {where}"
                        + ("" if same_list else ", en die lijsten gelden voor dezelfde kieskring")
                        + ".",
                        "Een kandidaat mag maar één keer op de lijsten voor een kieskring staan; "
                        "anders schrapt het centraal stembureau de kandidaat "
                        "(art. I 6 lid 1 onder g). Haal de dubbele vermelding weg.",
                        list_key=second.candidate_list.key,
                        candidate_key=other.key,
                        field="candidates",
                    )
                )
    return findings


def person_identity(candidate: Candidate) -> tuple[str, ...]:
    """Who a candidate is: the BSN when known, else name and date of birth, else the key."""
    bsn = candidate.bsn
    if not bsn.isdigit():  # a BSN typed with spaces or dots: keep only the digits
        bsn = "".join(char for char in bsn if char.isdigit())
    if bsn:
        return ("bsn", bsn.zfill(9))
    if candidate.date_of_birth and candidate.last_name.strip():
        return (
            "naam",
            candidate.last_name.strip().casefold(),
            candidate.initials.replace(" ", "").casefold(),
            candidate.date_of_birth.isoformat(),
        )
    return ("key", candidate.key)
