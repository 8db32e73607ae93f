"""Where candidates live: vestiging, gemachtigde abroad, correspondence address.

Kieswet art. H 7 lid 3, H 9 lid 1, H 10 and I 6 lid 1 onder f (geldend op
2026-01-01).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.domain.nomination.checks.context import capital
from kandidaat.domain.nomination.checks.facts import Gap
from kandidaat.domain.nomination.elections import plain_name
from kandidaat.domain.nomination.findings import Finding, Severity
from kandidaat.domain.nomination.model import Body

if TYPE_CHECKING:
    from kandidaat.domain.nomination.checks.context import CheckContext
    from kandidaat.domain.nomination.model import Candidate, Election, Nomination

REGIONAL_BODIES = frozenset({Body.PS, Body.AB, Body.GR})
"""Bodies whose members must live in the area (Kieswet H 7 lid 3 applies)."""
_AREA_WORDS = {Body.PS: "de provincie", Body.AB: "het waterschap", Body.GR: "de gemeente"}


def lives_in_area(candidate: Candidate, election: Election) -> bool | None:
    """Whether the candidate lives in the area of the election (None: cannot tell).

    ``Candidate.lives_in_area`` when filled in; otherwise abroad means no, and
    a woonplaats equal to the area's name means yes (a municipality named
    after its main town; compared without accents, case and punctuation, so
    "Sudwest-Fryslan" is "Súdwest-Fryslân"). Anything else needs the user to confirm.
    """
    if candidate.lives_in_area is not None:
        return candidate.lives_in_area
    if candidate.lives_abroad:
        return False
    area = plain_name(election.area_name or "")
    if area and plain_name(candidate.locality) == area:
        return True
    return None


def check_settlement(nomination: Nomination, context: CheckContext) -> list[Finding]:
    """Non-residents need a verklaring voorgenomen vestiging; two areas are fatal.

    Kieswet art. H 7 lid 3 and I 6 lid 1 onder f (geldend op 2026-01-01), for
    Provinciale Staten, waterschap and gemeenteraad.
    """
    election = nomination.election
    if election.body not in REGIONAL_BODIES:
        return []
    area = election.area_name or "het gebied van de verkiezing"
    area_word = _AREA_WORDS[election.body]
    findings: list[Finding] = []
    for candidate in context.candidates_on_lists():
        label = context.candidate_label(candidate)
        areas = tuple(dict.fromkeys(a.strip() for a in candidate.settlement_areas if a.strip()))
        if len(areas) > 1:
            findings.append(
                Finding(
                    "settlement-in-two-areas",
                    Severity.ERROR,
                    "Kieswet I 6 lid 1",
                    f"{capital(label)} verklaart zich te willen vestigen in {len(areas)} "
                    f"gebieden ({', '.join(areas)}).",
                    "Wie voor twee provincies, waterschappen of gemeenten een verklaring van "
                    "voorgenomen vestiging aflegt, wordt geschrapt (art. I 6 lid 1 onder f). "
                    "Kies één gebied.",
                    candidate_key=candidate.key,
                    field="settlement_areas",
                )
            )
        resident = lives_in_area(candidate, election)
        if context.facts.lacks(Gap.PAPER) and resident is not True:
            findings.append(_settlement_not_checkable(candidate, label, context, resident=resident))
        elif resident is None:
            findings.append(
                Finding(
                    "residence-unknown",
                    Severity.WARNING,
                    "Kieswet H 7 lid 3",
                    f"Van {label} (woonplaats {candidate.locality or 'onbekend'}) is niet "
                    f"bekend of die in {area_word} {area} woont.",
                    "Bevestig dat de kandidaat er woont; zo niet, dan is een verklaring van "
                    "voorgenomen vestiging nodig.",
                    candidate_key=candidate.key,
                    field="lives_in_area",
                )
            )
        elif not resident and area not in areas:
            findings.append(
                Finding(
                    "settlement-declaration-missing",
                    Severity.WARNING,
                    "Kieswet H 7 lid 3",
                    f"{capital(label)} woont niet in {area_word} {area} en heeft nog geen "
                    "verklaring van voorgenomen vestiging.",
                    "Lever een verklaring in dat de kandidaat zich bij benoeming in "
                    f"{area_word} {area} vestigt; ontbreekt die na de herstelperiode, dan wordt "
                    "de kandidaat geschrapt (art. I 6 lid 1 onder e).",
                    candidate_key=candidate.key,
                    field="settlement_areas",
                )
            )
        elif not resident:
            findings.append(
                Finding(
                    "settlement-declaration",
                    Severity.INFO,
                    "Kieswet H 7 lid 3",
                    f"Voor {label} hoort de verklaring van voorgenomen vestiging in {area} bij "
                    "de lijst.",
                    "",
                    candidate_key=candidate.key,
                    field="settlement_areas",
                )
            )
    return findings


def _settlement_not_checkable(
    candidate: Candidate, label: str, context: CheckContext, *, resident: bool | None
) -> Finding:
    """Residence and vestiging are paper-only: a bare EML 210 cannot show them (ADR 0024)."""
    election = context.nomination.election
    area = f"{_AREA_WORDS[election.body]} {election.area_name or 'van de verkiezing'}"
    if resident is None:
        known = (
            f"van {label} (woonplaats {candidate.locality or 'onbekend'}) is niet bekend of die "
            f"in {area} woont"
        )
    else:
        known = f"{label} woont niet in {area}"
    return Finding(
        "settlement-not-checkable",
        Severity.INFO,
        "Kieswet H 7 lid 3",
        f"{capital(known)}; of er een verklaring van voorgenomen vestiging is, staat niet in "
        f"{context.facts.source} en is uit dit bestand niet te controleren.",
        "Wie er niet woont, levert bij de lijst een verklaring van voorgenomen vestiging in "
        "(anders schrapt het centraal stembureau de kandidaat, art. I 6 lid 1 onder e).",
        candidate_key=candidate.key,
        field="settlement_areas",
    )


def needs_agent(candidate: Candidate, election: Election) -> bool:
    """A candidate outside European NL (incl. BQ) needs a gemachtigde (Kieswet H 10).

    Islanders standing for their own eilandsraad do not.
    """
    if not candidate.lives_abroad:
        return False
    return not (election.body is Body.ER and candidate.country_code == "BQ")


def check_agent(nomination: Nomination, context: CheckContext) -> list[Finding]:
    """Candidates abroad need a gemachtigde with an address in European NL.

    Kieswet art. H 10 (EK: R 9), geldend op 2026-01-01. Missing is a
    recoverable omission (I 2 lid 1 onder e); unrepaired, the candidate is
    struck (I 6 lid 1 onder c).
    """
    election = nomination.election
    article = "Kieswet R 9" if election.body is Body.EK else "Kieswet H 10"
    findings: list[Finding] = []
    for candidate in context.candidates_on_lists():
        if not needs_agent(candidate, election):
            continue
        label = context.candidate_label(candidate)
        agent = candidate.agent
        if agent is None:
            findings.append(
                Finding(
                    "agent-missing",
                    Severity.WARNING,
                    article,
                    f"{capital(label)} woont buiten het Europese deel van Nederland "
                    f"({candidate.country_code}) en heeft geen gemachtigde.",
                    "Wijs op de instemmingsverklaring (model H 9) een gemachtigde aan die in het "
                    "Europese deel van Nederland woont; anders wordt de kandidaat geschrapt "
                    "(art. I 6 lid 1 onder c).",
                    candidate_key=candidate.key,
                    field="agent",
                )
            )
        elif agent.address.country_code not in {"", "NL"} or not agent.address.complete:
            findings.append(
                Finding(
                    "agent-address",
                    Severity.WARNING,
                    article,
                    f"De gemachtigde van {label} heeft geen volledig adres in het Europese deel "
                    "van Nederland.",
                    "Vul straat en huisnummer, postcode en plaats in Nederland in.",
                    candidate_key=candidate.key,
                    field="agent",
                )
            )
    return findings


def check_correspondence(nomination: Nomination, context: CheckContext) -> list[Finding]:
    """Residents need an address for the notice of appointment.

    Kieswet art. H 9 lid 1 (geldend op 2026-01-01): the instemmingsverklaring
    states the address to which the notice of appointment is sent.
    """
    election = nomination.election
    findings: list[Finding] = []
    for candidate in context.candidates_on_lists():
        if needs_agent(candidate, election):
            continue
        address = candidate.correspondence
        if address is not None and address.complete:
            continue
        label = context.candidate_label(candidate)
        problem = "ontbreekt" if address is None else "is onvolledig"
        findings.append(
            Finding(
                "correspondence-address",
                Severity.WARNING,
                "Kieswet H 9 lid 1",
                f"Het correspondentieadres van {label} {problem}.",
                "Vul straat en huisnummer, postcode en plaats in; daarheen gaat de kennisgeving "
                "van benoeming.",
                candidate_key=candidate.key,
                field="correspondence",
            )
        )
    return findings
