"""The lijstinleveraar and the vervangers (Kieswet H 1, H 5; EK R 3)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.domain.nomination.findings import Finding, Severity
from kandidaat.domain.nomination.model import Body

if TYPE_CHECKING:
    from kandidaat.domain.nomination.checks.context import CheckContext
    from kandidaat.domain.nomination.model import Nomination, Submitter


def check_submitters(nomination: Nomination, context: CheckContext) -> list[Finding]:
    """A lijstinleveraar with an address, and at least one vervanger.

    Kieswet art. H 1 lid 1 and H 5 (EK: R 3), geldend op 2026-01-01. H 5 asks
    for one or more persons who may repair omissions; the I 2 list of
    omissions does not name its absence, so it is a warning, and the EML 210
    needs at least two proposers (inleveraar and a vervanger).
    """
    del context
    ek = nomination.election.body is Body.EK
    party = nomination.party
    findings: list[Finding] = []
    if party.submitter is None or not party.submitter.last_name.strip():
        findings.append(
            Finding(
                "submitter-missing",
                Severity.ERROR,
                "Kieswet R 1 lid 1" if ek else "Kieswet H 1 lid 1",
                "Er is geen lijstinleveraar ingevuld.",
                "Vul de naam en het adres in van de kiezer die de lijst persoonlijk inlevert op "
                "de dag van kandidaatstelling.",
                field="submitter",
            )
        )
    elif not party.submitter.address.complete:
        findings.append(
            Finding(
                "submitter-address",
                Severity.WARNING,
                "Kieswet H 1 lid 1",
                f"Het adres van lijstinleveraar {party.submitter.ballot_name} is onvolledig.",
                "Vul straat en huisnummer, postcode en plaats in; daarheen stuurt het centraal "
                "stembureau de verzuimbrief.",
                field="submitter",
            )
        )
    article = "Kieswet R 3" if ek else "Kieswet H 5"
    if not party.substitutes:
        findings.append(
            Finding(
                "no-substitute",
                Severity.WARNING,
                article,
                "Er is geen vervanger van de lijstinleveraar ingevuld.",
                "Vul ten minste één persoon in die verzuimen mag herstellen als de inleveraar "
                "verhinderd is; het EML-bestand (210) vraagt ook om ten minste één vervanger.",
                field="substitutes",
            )
        )
    findings += [
        Finding(
            "substitute-incomplete",
            Severity.WARNING,
            article,
            f"Van vervanger {number} ({_name(substitute)}) ontbreekt de naam of het adres.",
            "Vul naam, voorletters, straat en huisnummer, postcode en plaats in.",
            field="substitutes",
        )
        for number, substitute in enumerate(party.substitutes, start=1)
        if not substitute.last_name.strip() or not substitute.address.complete
    ]
    return findings


def _name(person: Submitter) -> str:
    """The submitter's name, or a placeholder."""
    return person.ballot_name or "zonder naam"
