"""What only the centraal stembureau can see: checks across all submissions.

Each check takes every submission of the election and returns findings with
the submission, kieskring and candidate they are about.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from typing import TYPE_CHECKING

from kandidaat.domain.csb.model import CsbFinding
from kandidaat.domain.nomination.checks.context import person_name
from kandidaat.domain.nomination.checks.duplicates import person_identity
from kandidaat.domain.nomination.findings import Finding, Severity
from kandidaat.domain.nomination.model import Body

if TYPE_CHECKING:
    from collections.abc import Sequence

    from kandidaat.domain.csb.model import RegisterEntry, Submission
    from kandidaat.domain.nomination.model import Candidate, Nomination

__all__ = [
    "appellation_corrections",
    "check_across",
    "list_fingerprint",
    "same_appellation_in_a_kieskring",
    "same_person_in_a_kieskring",
]


def _plain(text: str) -> str:
    """An appellation compared without case, accents or extra spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


def _placed(submission: Submission) -> list[tuple[int, Candidate]]:
    """The candidates of a submission's list with their positions (from 1)."""
    nomination = submission.nomination
    by_key = {candidate.key: candidate for candidate in nomination.candidates}
    return [
        (position, by_key[key])
        for lst in nomination.lists
        for position, key in enumerate(lst.candidates, start=1)
        if key in by_key
    ]


def list_fingerprint(nomination: Nomination) -> str:
    """SHA-256 (hex) of what makes a list the same list: appellation, kieskringen, candidates.

    The appellation is compared without case, accents or extra spaces, the
    kieskringen as a set, the candidates in order and as the same person
    (BSN, else name, initials and date of birth). Two files with the same
    fingerprint are the same list handed in twice (e.g. exported again).
    """
    by_key = {candidate.key: candidate for candidate in nomination.candidates}
    content = [
        _plain(nomination.party.appellation),
        sorted({number for lst in nomination.lists for number in lst.kieskringen}),
        [
            list(person_identity(by_key[key]))
            for lst in nomination.lists
            for key in lst.candidates
            if key in by_key
        ],
    ]
    text = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def same_person_in_a_kieskring(submissions: Sequence[Submission]) -> list[CsbFinding]:
    """A person on lists of more than one submission for one kieskring, whatever the party.

    Kieswet art. H 7 lid 2 and I 6 lid 1 onder g (EK: R 5 and S 4), geldend op
    2026-01-01: nobody may stand on more than one list handed in for the same
    kieskring; the CSB strikes the person from all of those lists. The same
    person is found as the party-side check finds them (BSN, else name,
    initials and date of birth).
    """
    if not submissions:
        return []
    body = submissions[0].nomination.election.body
    article = "Kieswet R 5 en S 4" if body is Body.EK else "Kieswet H 7 lid 2 en I 6 lid 1 onder g"
    seen: dict[tuple[str, tuple[str, ...]], list[tuple[Submission, int, Candidate]]] = {}
    for submission in submissions:
        for position, candidate in _placed(submission):
            identity = person_identity(candidate)
            if identity[0] == "key":
                continue
            for kieskring in submission.kieskringen:
                seen.setdefault((kieskring, identity), []).append((submission, position, candidate))
    findings: list[CsbFinding] = []
    for (kieskring, _), spots in seen.items():
        if len({submission.number for submission, _, _ in spots}) < 2:
            continue
        where = "; ".join(
            f"plaats {position} van {submission.label}" for submission, position, _ in spots
        )
        for submission, position, candidate in spots:
            name = person_name(candidate)
            findings.append(
                CsbFinding(
                    Finding(
                        "candidate-on-lists-of-two-submissions",
                        Severity.ERROR,
                        article,
                        f"Kandidaat {name} staat in kieskring {kieskring} op meer dan één "
                        f"lijst: {where}. De kandidaat wordt op al die lijsten geschrapt.",
                        "Niet herstelbaar: het centraal stembureau schrapt de kandidaat op elke "
                        "lijst voor deze kieskring (art. I 6 lid 1 onder g).",
                        list_key=submission.nomination.lists[0].key
                        if submission.nomination.lists
                        else None,
                        candidate_key=candidate.key,
                        field="candidates",
                    ),
                    submission.number,
                    submission.appellation,
                    kieskring,
                    f"{name} (plaats {position})",
                )
            )
    return findings


def same_appellation_in_a_kieskring(submissions: Sequence[Submission]) -> list[CsbFinding]:
    """One appellation above lists of more than one submission for one kieskring.

    Kieswet art. I 6 lid 2 onder b (EK: S 4), geldend op 2026-01-01: the
    appellation is struck above each of those lists; the lists remain, without
    appellation. Appellations are compared without case, accents or extra spaces.
    """
    if not submissions:
        return []
    body = submissions[0].nomination.election.body
    article = "Kieswet S 4" if body is Body.EK else "Kieswet I 6 lid 2 onder b"
    groups: dict[tuple[str, str], list[Submission]] = {}
    for submission in submissions:
        if not submission.appellation:
            continue
        for kieskring in submission.kieskringen:
            groups.setdefault((kieskring, _plain(submission.appellation)), []).append(submission)
    findings: list[CsbFinding] = []
    for (kieskring, _), group in groups.items():
        if len(group) < 2:
            continue
        labels = ", ".join(submission.label for submission in group)
        findings.extend(
            CsbFinding(
                Finding(
                    "appellation-above-two-lists",
                    Severity.ERROR,
                    article,
                    f"De aanduiding '{submission.appellation}' staat in kieskring "
                    f"{kieskring} boven meer dan één lijst ({labels}). De aanduiding "
                    "wordt boven elk van die lijsten geschrapt.",
                    "De lijsten blijven geldig, zonder aanduiding (als blanco lijst).",
                    list_key=submission.nomination.lists[0].key
                    if submission.nomination.lists
                    else None,
                    field="appellation",
                ),
                submission.number,
                submission.appellation,
                kieskring,
            )
            for submission in group
        )
    return findings


def appellation_corrections(
    submissions: Sequence[Submission], register: Sequence[RegisterEntry]
) -> dict[int, str]:
    """Per submission whose appellation differs from the register only in writing: the register's.

    Kieswet art. I 6 lid 3 (EK: S 4), geldend op 2026-01-01: the centraal
    stembureau corrects ex officio an appellation that is not written as it
    stands in the register. Only a difference in capitals, accents or spaces is
    corrected: any other difference is an appellation the register does not
    have, which the committee judges (AANDUIDING-NIET-GEREGISTREERD). The
    submission as received is kept unchanged.
    """
    registered = {_plain(entry.appellation): entry.appellation.strip() for entry in register}
    corrections = {}
    for submission in submissions:
        written = submission.appellation
        spelled = registered.get(_plain(written)) if written else None
        if spelled is not None and spelled != written:
            corrections[submission.number] = spelled
    return corrections


def _correction_findings(
    submissions: Sequence[Submission], register: Sequence[RegisterEntry]
) -> list[CsbFinding]:
    corrections = appellation_corrections(submissions, register)
    if not submissions or not corrections:
        return []
    body = submissions[0].nomination.election.body
    article = "Kieswet S 4" if body is Body.EK else "Kieswet I 6 lid 3"
    by_number = {s.number: s for s in submissions}
    return [
        CsbFinding(
            Finding(
                "appellation-corrected",
                Severity.WARNING,
                article,
                f"De aanduiding '{by_number[number].appellation}' staat in het register als "
                f"'{spelled}'; het centraal stembureau past haar ambtshalve aan.",
                "De lijst zoals ingeleverd blijft bewaard; op de vastgestelde lijst (230b) en "
                "in het proces-verbaal I 4 staat de aanduiding zoals in het register.",
                field="appellation",
            ),
            number,
            by_number[number].appellation,
            ", ".join(by_number[number].kieskringen) or None,
        )
        for number, spelled in sorted(corrections.items())
    ]


def check_across(
    submissions: Sequence[Submission], register: Sequence[RegisterEntry] = ()
) -> list[CsbFinding]:
    """Every cross-submission check, in the order of Kieswet I 6 (candidates, then appellations)."""
    return [
        *same_person_in_a_kieskring(submissions),
        *same_appellation_in_a_kieskring(submissions),
        *_correction_findings(submissions, register),
    ]
