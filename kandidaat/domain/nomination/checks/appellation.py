"""The appellation above the lists and the authorisation to use it (Kieswet G 1, H 3)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.domain.nomination.checks.context import sentence
from kandidaat.domain.nomination.checks.facts import Gap
from kandidaat.domain.nomination.findings import Finding, Severity
from kandidaat.domain.nomination.model import AppellationKind
from kandidaat.domain.nomination.names import appellation_issues

if TYPE_CHECKING:
    from kandidaat.domain.nomination.checks.context import CheckContext
    from kandidaat.domain.nomination.model import Nomination


def check_appellation(nomination: Nomination, context: CheckContext) -> list[Finding]:
    """Appellation present, not too long, without images; which H 3 model is needed.

    Kieswet art. G 1 lid 4 and H 3 lid 1 - 3 (geldend op 2026-01-01): at most
    35 characters; one registered appellation needs model H 3-1 signed by the
    group's gemachtigde, a combined appellation model H 3-2 signed by the
    gemachtigden of at least two groups. A blank list has no appellation.
    """
    party = nomination.party
    text = party.appellation.strip()
    if party.kind is AppellationKind.BLANK:
        if text:
            return [
                Finding(
                    "blank-list-with-appellation",
                    Severity.WARNING,
                    "Kieswet H 3 lid 1",
                    f"De lijst is als blanco lijst gekozen, maar er is een aanduiding {text!r} "
                    "ingevuld.",
                    "Kies 'geregistreerde aanduiding' als de aanduiding boven de lijst moet, of "
                    "maak het veld leeg.",
                    field="appellation",
                )
            ]
        return []
    findings: list[Finding] = []
    if not text:
        findings.append(
            Finding(
                "appellation-missing",
                Severity.ERROR,
                "Kieswet H 3 lid 1",
                "Er is geen aanduiding ingevuld.",
                "Vul de aanduiding in zoals die is geregistreerd, of kies voor een blanco lijst.",
                field="appellation",
            )
        )
    findings += [
        Finding(
            issue.code,
            issue.severity,
            "Kieswet G 1 lid 4",
            sentence(issue.message),
            issue.advice,
            field="appellation",
        )
        for issue in appellation_issues(text)
    ]
    findings += _groups(nomination, context)
    return findings


def _groups(nomination: Nomination, context: CheckContext) -> list[Finding]:
    """The statutory names and gemachtigden behind the appellation, and the H 3 model.

    A bare EML 210 does not carry them (ADR 0024): then that is said, not
    reported as missing.
    """
    party = nomination.party
    findings: list[Finding] = []
    combined = party.kind is AppellationKind.COMBINED
    article = "Kieswet H 3 lid 2" if combined else "Kieswet H 3 lid 1"
    if combined and len(party.groups) < 2:
        findings.append(
            Finding(
                "combined-needs-two-groups",
                Severity.ERROR,
                article,
                "Een samengevoegde aanduiding bestaat uit de aanduidingen van ten minste twee "
                f"groeperingen; er is er nu {len(party.groups)} ingevuld.",
                "Vul per groepering de statutaire naam en de gemachtigde in.",
                field="groups",
            )
        )
    if not combined and len(party.groups) > 1:
        findings.append(
            Finding(
                "too-many-groups",
                Severity.ERROR,
                article,
                f"Bij één geregistreerde aanduiding hoort één groepering; er zijn er "
                f"{len(party.groups)} ingevuld.",
                "Kies 'samengevoegde aanduiding' of verwijder de overige groeperingen.",
                field="groups",
            )
        )
    if not party.groups and context.facts.lacks(Gap.PAPER):
        findings.append(
            Finding(
                "group-not-checkable",
                Severity.INFO,
                article,
                "De statutaire naam van de groepering en haar gemachtigde staan niet in "
                f"{context.facts.source} maar op de machtiging (model H 3-1 of H 3-2); "
                "dat is uit dit bestand niet te controleren.",
                "Controleer de machtiging die bij de lijst hoort, of het project.",
                field="groups",
            )
        )
    elif not party.groups:
        findings.append(
            Finding(
                "group-missing",
                Severity.WARNING,
                article,
                "De statutaire naam van de groepering en de naam van haar gemachtigde ontbreken; "
                "die staan op de machtiging (model H 3-1).",
                "Vul de statutaire naam en de gemachtigde in.",
                field="groups",
            )
        )
    for number, group in enumerate(party.groups, start=1):
        name = group.statutory_name.strip() or f"groepering {number}"
        if not group.statutory_name.strip():
            findings.append(
                Finding(
                    "statutory-name-missing",
                    Severity.WARNING,
                    article,
                    f"De statutaire naam van groepering {number} ontbreekt.",
                    "Vul de volledige statutaire naam in, zoals in de statuten.",
                    field="groups",
                )
            )
        if not group.agent_name.strip():
            findings.append(
                Finding(
                    "group-agent-missing",
                    Severity.WARNING,
                    article,
                    f"De naam van de gemachtigde van {name} ontbreekt.",
                    "Vul de (plaatsvervangend) gemachtigde in die bij de registratie is "
                    "aangewezen; die ondertekent de machtiging.",
                    field="groups",
                )
            )
    model = "H 3-2" if combined else "H 3-1"
    signers = (
        "de gemachtigde van elke groepering" if combined else "de gemachtigde van de groepering"
    )
    findings.append(
        Finding(
            "authorisation-model",
            Severity.INFO,
            article,
            f"Lever bij de lijst model {model} in: de machtiging om de aanduiding boven de lijst "
            f"te plaatsen, ondertekend door {signers}.",
            "Zonder machtiging vervalt de aanduiding en telt de lijst als blanco lijst "
            "(art. I 6 lid 2 onder a).",
            field="groups",
        )
    )
    return findings
