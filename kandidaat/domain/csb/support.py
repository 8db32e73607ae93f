"""The register of ondersteuningsverklaringen (model H 4) across all submissions.

Kieswet art. H 4 (geldend op 2026-01-01): a list needs, per kieskring for which
it is handed in, a number of declarations of voters of that kieskring (lid 1;
:func:`~kandidaat.domain.nomination.structure.support_required`), unless the
appellation is exempt (lid 8). A voter can make only one declaration per
election: the declarations of a voter who signed more than once (for two lists,
or twice for the same list) do not count, for any of those lists (kiesraad.nl,
"Wat zijn herstelbare verzuimen?": "de kiezer heeft meerdere
ondersteuningsverklaringen ondertekend"). Too few valid declarations is a recoverable
omission (verzuim, Kieswet I 2 lid 1 onder c and lid 3); not repaired, the
list is invalid for that kieskring (I 5 onder c).

Only the centraal stembureau, which has every submission, can see a voter who
signed for two lists. A voter is recognised by name and date of birth (compared
without case, accents and extra spaces); the address as written on the form is
shown so the committee can judge.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from kandidaat.domain.csb.model import CsbFinding
from kandidaat.domain.nomination.findings import Finding, Severity
from kandidaat.domain.nomination.structure import exempt_from_support, support_required

if TYPE_CHECKING:
    from collections.abc import Sequence

    from kandidaat.domain.csb.model import Submission

__all__ = ["SupportCount", "SupportDeclaration", "SupportTally", "tally_support", "voter_key"]


@dataclass(frozen=True, slots=True)
class SupportDeclaration:
    """One H 4 as handed in: for which submission and kieskring, and the voter on it."""

    submission: int
    kieskring: str
    name: str
    born: date
    address: str


@dataclass(frozen=True, slots=True)
class SupportCount:
    """Per submission and kieskring: handed in, not counted, counted, needed, short."""

    submission: int
    appellation: str
    kieskring: str
    handed_in: int
    not_counted: int
    needed: int
    exempt: bool

    @property
    def counted(self) -> int:
        """The declarations that count."""
        return self.handed_in - self.not_counted

    @property
    def short(self) -> int:
        """How many are still needed (0 when enough or exempt)."""
        return 0 if self.exempt else max(0, self.needed - self.counted)


@dataclass(frozen=True, slots=True)
class SupportTally:
    """The counts of every submission and kieskring, and the findings about them."""

    counts: tuple[SupportCount, ...]
    findings: tuple[CsbFinding, ...]


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


def voter_key(declaration: SupportDeclaration) -> tuple[str, str]:
    """How one voter is recognised across declarations: name and date of birth."""
    return (_plain(declaration.name), declaration.born.isoformat())


def _duplicate_findings(
    by_voter: dict[tuple[str, str], list[SupportDeclaration]],
    labels: dict[int, Submission],
) -> list[CsbFinding]:
    findings: list[CsbFinding] = []
    for declarations in by_voter.values():
        if len(declarations) < 2:
            continue
        first = declarations[0]
        lists = len({d.submission for d in declarations})
        what = "voor meer dan één lijst" if lists > 1 else "meer dan eens voor dezelfde lijst"
        where = "; ".join(
            f"{labels[d.submission].label} kieskring {d.kieskring} ({d.address})"
            for d in declarations
        )
        findings.extend(
            CsbFinding(
                Finding(
                    "support-voter-on-two-lists",
                    Severity.WARNING,
                    "Kieswet H 4",
                    f"Kiezer {first.name} (geboren {first.born:%d-%m-%Y}) heeft {what} een "
                    f"ondersteuningsverklaring afgelegd: {where}. Geen van deze verklaringen "
                    "telt mee.",
                    "Een kiezer kan voor een verkiezing maar één ondersteuningsverklaring "
                    "afleggen; controleer de formulieren (zelfde persoon?) en tel ze niet mee.",
                    field="support",
                ),
                submission,
                labels[submission].appellation,
                kieskring,
            )
            for submission, kieskring in sorted({(d.submission, d.kieskring) for d in declarations})
        )
    return findings


def tally_support(
    declarations: Sequence[SupportDeclaration], submissions: Sequence[Submission]
) -> SupportTally:
    """Count the declarations per submission and kieskring (Kieswet H 4, versie 2026).

    Declarations of a voter who signed more than once do not count; nor do
    those for a kieskring the submission was not handed in for.
    """
    labels = {submission.number: submission for submission in submissions}
    by_voter: dict[tuple[str, str], list[SupportDeclaration]] = {}
    for declaration in declarations:
        by_voter.setdefault(voter_key(declaration), []).append(declaration)
    void = {key for key, items in by_voter.items() if len(items) > 1}
    findings = _duplicate_findings(by_voter, labels)
    by_place: dict[tuple[int, str], list[SupportDeclaration]] = {}
    for declaration in declarations:
        by_place.setdefault((declaration.submission, declaration.kieskring), []).append(declaration)
    counts = []
    for submission in submissions:
        election = submission.nomination.election
        exempt = exempt_from_support(submission.nomination.party)
        names = {kring.number: kring for kring in election.kieskringen}
        for number in submission.kieskringen:
            here = by_place.get((submission.number, number), [])
            not_counted = sum(1 for d in here if voter_key(d) in void)
            kring = names.get(number)
            needed = support_required(election, kring) if kring is not None else 0
            count = SupportCount(
                submission.number,
                submission.appellation,
                number,
                len(here),
                not_counted,
                needed,
                exempt,
            )
            counts.append(count)
            if count.short:
                findings.append(_short_finding(submission, count))
        stray = sorted(
            {k for (n, k) in by_place if n == submission.number} - set(submission.kieskringen)
        )
        findings.extend(_elsewhere(submission, stray))
    return SupportTally(tuple(counts), tuple(findings))


def _short_finding(submission: Submission, count: SupportCount) -> CsbFinding:
    return CsbFinding(
        Finding(
            "support-short",
            Severity.ERROR,
            "Kieswet H 4 lid 1 en I 2 lid 1 onder c",
            f"{submission.label}, kieskring {count.kieskring}: {count.counted} geldige "
            f"ondersteuningsverklaring(en) van de {count.needed} die nodig zijn "
            f"({count.handed_in} ingeleverd, {count.not_counted} tellen niet mee); er "
            f"ontbreken er {count.short}.",
            "Herstelbaar verzuim: kiezers kunnen in de hersteltermijn nog tekenen (I 2 lid 3). "
            "Niet hersteld, dan is de lijst in deze kieskring ongeldig (I 5 onder c).",
            field="support",
        ),
        submission.number,
        submission.appellation,
        count.kieskring,
    )


def _elsewhere(submission: Submission, stray: Sequence[str]) -> list[CsbFinding]:
    """Declarations for a kieskring the submission was not handed in for."""
    return [
        CsbFinding(
            Finding(
                "support-wrong-kieskring",
                Severity.WARNING,
                "Kieswet H 4 lid 1",
                f"{submission.label}: ondersteuningsverklaringen voor kieskring {kieskring}, "
                "waarvoor deze lijst niet is ingeleverd; ze tellen niet mee.",
                "Controleer het kieskringnummer bij de invoer.",
                field="support",
            ),
            submission.number,
            submission.appellation,
            kieskring,
        )
        for kieskring in stray
    ]
