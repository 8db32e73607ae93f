"""Documents to hand in with the list: ID copies, Y 13 and Y 35 for the European Parliament."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.domain.nomination.checks.context import count, person_name, sentence
from kandidaat.domain.nomination.checks.facts import Gap
from kandidaat.domain.nomination.findings import Finding, Severity
from kandidaat.domain.nomination.model import Body

if TYPE_CHECKING:
    from kandidaat.domain.nomination.checks.context import CheckContext
    from kandidaat.domain.nomination.model import Nomination

EU_MEMBER_STATES = frozenset(
    {
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
        "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    }
)  # fmt: skip
"""ISO 3166 codes of the member states of the European Union (27)."""


def check_id_copies(nomination: Nomination, context: CheckContext) -> list[Finding]:
    """Who needs a copy of an identity document with the H 9.

    Kieswet art. H 9 lid 3 (EK: R 8 lid 3), geldend op 2026-01-01: every
    candidate who is not a member of the body; without it the H 9 counts as
    missing.
    """
    del nomination
    people = [c for c in context.candidates_on_lists() if not c.is_member]
    if not people:
        return []
    names = "; ".join(person_name(c) for c in people)
    return [
        Finding(
            "id-copy-needed",
            Severity.INFO,
            "Kieswet H 9 lid 3",
            sentence(
                f"Voor {count(len(people), 'kandidaat', 'kandidaten')} is een kopie van een "
                f"geldig identiteitsbewijs nodig bij de instemmingsverklaring: {names}"
            ),
            (
                "Zittende leden van het orgaan hebben geen kopie nodig; wie zittend lid is, "
                f"staat niet in {context.facts.source}."
            )
            if context.facts.lacks(Gap.PAPER)
            else (
                "Zittende leden van het orgaan hebben geen kopie nodig; vink dat aan bij de "
                "kandidaat."
            ),
        )
    ]


def check_european_parliament(nomination: Nomination, context: CheckContext) -> list[Finding]:
    """Y 13 for every candidate, Y 35 for nationals of another member state.

    Kieswet art. Y 13, Y 35 and Y 4 (geldend op 2026-01-01). A bare EML 210
    carries no nationality: then Y 35 is said to be not checkable (ADR 0024).
    """
    if nomination.election.body is not Body.EP:
        return []
    candidates = context.candidates_on_lists()
    findings: list[Finding] = []
    if candidates:
        findings.append(
            Finding(
                "y13-needed",
                Severity.INFO,
                "Kieswet Y 13 lid 1",
                f"Alle {len(candidates)} kandidaten verklaren op model Y 13 dat zij zich niet in "
                "een andere lidstaat kandidaat stellen.",
                "Zonder deze verklaring wordt de kandidaat geschrapt (art. Y 17).",
            )
        )
    if context.facts.lacks(Gap.PAPER):
        # A 210 carries no nationality: every candidate would read as Dutch.
        findings.append(
            Finding(
                "y35-not-checkable",
                Severity.INFO,
                "Kieswet Y 35 lid 1",
                f"De nationaliteit van de kandidaten staat niet in {context.facts.source}; of "
                "iemand als onderdaan van een andere lidstaat model Y 35 nodig heeft, is uit "
                "dit bestand niet te controleren.",
                "Kandidaten met de nationaliteit van een andere lidstaat leveren model Y 35 in.",
            )
        )
        return findings
    foreign = [c for c in candidates if c.nationality.upper() not in {"", "NL"}]
    eu = [c for c in foreign if c.nationality.upper() in EU_MEMBER_STATES]
    if eu:
        findings.append(
            Finding(
                "y35-needed",
                Severity.INFO,
                "Kieswet Y 35 lid 1",
                "Kandidaten met de nationaliteit van een andere lidstaat leveren model Y 35 in "
                "(niet uitgesloten van het recht gekozen te worden): "
                + "; ".join(f"{person_name(c)} ({c.nationality.upper()})" for c in eu)
                + ".",
                "Vul ook nationaliteit, geboorteplaats en laatste adres in de lidstaat in.",
            )
        )
    findings += [
        Finding(
            "y35-data-missing",
            Severity.WARNING,
            "Kieswet Y 35 lid 1",
            f"Voor de verklaring Y 35 van {context.candidate_label(candidate)} ontbreekt "
            "de geboorteplaats of het laatste adres in de lidstaat van nationaliteit.",
            "Vul beide in; ze staan op model Y 35.",
            candidate_key=candidate.key,
            field="home_state_address",
        )
        for candidate in eu
        if not candidate.place_of_birth.strip() or not candidate.home_state_address.strip()
    ]
    findings += [
        Finding(
            "ep-nationality",
            Severity.WARNING,
            "Kieswet Y 4",
            f"{context.candidate_label(candidate)} heeft de nationaliteit "
            f"{candidate.nationality.upper()}, van buiten de Europese Unie.",
            "Lid van het Europees Parlement kunnen alleen Nederlanders en onderdanen van andere "
            "lidstaten zijn; controleer de nationaliteit.",
            candidate_key=candidate.key,
            field="nationality",
        )
        for candidate in foreign
        if candidate.nationality.upper() not in EU_MEMBER_STATES
    ]
    return findings
