"""Blocks that several models print the same way: the list's candidates and its heading.

The H 4 must list the candidates "in the same way and order" as the H 1
(Kieswet art. H 4 lid 1, geldend op 2026-01-01); printing both from one
function keeps them identical.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.documents.layout import field_rows, table
from kandidaat.documents.text import (
    appellation_text,
    birth_date_text,
    initials_text,
    kieskringen_text,
    residence_text,
    surname,
    wording,
)

if TYPE_CHECKING:
    from kandidaat.documents._rl import Flowable
    from kandidaat.documents.plan import ListPlan
    from kandidaat.domain.nomination.model import Candidate, Election, Nomination

__all__ = ["candidate_table", "list_heading", "short_candidate_table"]


def candidate_table(plan: ListPlan) -> Flowable:
    """Nr, naam, voorletters (roepnaam) (m/v), geboortedatum, woonplaats (Kb H 2)."""
    words = wording(plan.language)
    gender = plan.candidate_list.publish_gender
    initials = words("voorletters (roepnaam)") + (" (m/v)" if gender else "")
    head = ["nr.", words("naam"), initials, words("geboortedatum"), words("woonplaats")]
    rows = [
        [
            str(position),
            surname(candidate),
            initials_text(candidate, publish_gender=gender),
            birth_date_text(candidate),
            residence_text(candidate),
        ]
        for position, candidate in enumerate(plan.candidates, start=1)
    ]
    return table(head, rows, [9, 48, 42, 30, 41])


def short_candidate_table(candidates: tuple[Candidate, ...], language: str = "nl") -> Flowable:
    """Nr, naam, voorletters, woonplaats: the table of the H 3 models."""
    words = wording(language)
    rows = [
        [str(position), surname(c), c.initials, residence_text(c)]
        for position, c in enumerate(candidates, start=1)
    ]
    head = ["nr.", words("naam"), words("voorletters"), words("woonplaats")]
    return table(head, rows, [10, 62, 40, 58])


def list_heading(nomination: Nomination, plan: ListPlan, *, kieskring: str = "") -> list[Flowable]:
    """Appellation and kieskring(en) of the list as label/value rows.

    ``kieskring`` names one kieskring (H 4 is per kieskring); otherwise the
    list's kieskringen are named, or left out for a single-kieskring election.
    """
    language = plan.language
    words = wording(language)
    rows = [(words("Aanduiding boven de lijst"), appellation_text(nomination.party, language))]
    if kieskring:
        rows.append((words("Kieskring"), kieskring))
    else:
        kringen = kieskringen_text(nomination, plan.candidate_list, language)
        if kringen:
            rows.append((words("Kieskring(en)"), kringen))
    return [field_rows(rows)]


def submitter_name(nomination: Nomination) -> str:
    """The inleveraar as named in a sentence, or a line to fill in."""
    submitter = nomination.party.submitter
    if submitter is None:
        return "...................................................."
    return submitter.ballot_name


def heading_title(election: Election, language: str = "nl") -> str:
    """The title of the first section: the kieskringen are named only when there are several."""
    words = wording(language)
    return words("Aanduiding" if election.single_kieskring else "Aanduiding en kieskring(en)")
