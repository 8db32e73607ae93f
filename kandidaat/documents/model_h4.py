"""Model H 4: ondersteuningsverklaring, one per kieskring of the list.

Kieswet art. H 4 (geldend op 2026-01-01): a voter registered in the kieskring
declares support for the list; the candidates appear in the same way and order
as on the H 1 (lid 1); the voter signs in his own gemeente before the mayor
or an official, who certifies the registration and the kieskring (lid 2-6).
Only printed when the party is not exempt (lid 8). Eerste Kamer (Kieswet art.
R 2): a member of provinciale staten or of a kiescollege signs, without the
mayor's declaration.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kandidaat.documents.blocks import candidate_table, list_heading
from kandidaat.documents.layout import (
    Story,
    boxes,
    field_rows,
    header,
    hint,
    keep_together,
    para,
    render_single,
    section,
    signature_block,
)
from kandidaat.documents.text import election_phrase, file_stem, kieskring_name
from kandidaat.domain.nomination.model import Body

if TYPE_CHECKING:
    from kandidaat.documents._rl import Flowable
    from kandidaat.documents.context import RenderContext
    from kandidaat.documents.plan import ListPlan
    from kandidaat.domain.nomination.model import Election, Nomination

__all__ = ["MODEL", "filename", "render_pdf_bytes", "story"]

MODEL = "H 4"
TITLE = "Ondersteuningsverklaring"


def filename(kieskring: str) -> str:
    """``H4_<kieskring>.pdf``."""
    return f"H4_{file_stem(kieskring)}.pdf"


def story(nomination: Nomination, plan: ListPlan, kieskring: str) -> Story:
    """The H 4 of one list for one kieskring (number as in the election).

    For an election with one kieskring the kieskring is not named.
    """
    election = nomination.election
    where = (
        "" if election.single_kieskring else f", kieskring {kieskring_name(election, kieskring)}"
    )
    return Story(
        model=MODEL,
        title=TITLE,
        label=f"Model {MODEL} {TITLE}, lijst {plan.number}{where}",
        list_key=plan.candidate_list.key,
        filename=filename(kieskring),
        build=lambda: _content(nomination, plan, kieskring),
    )


def render_pdf_bytes(
    nomination: Nomination, plan: ListPlan, kieskring: str, context: RenderContext
) -> bytes:
    """The H 4 of one list and kieskring as PDF bytes."""
    return render_single(story(nomination, plan, kieskring), plan.hash_code, context)


def _content(nomination: Nomination, plan: ListPlan, kieskring: str) -> list[Flowable]:
    election = nomination.election
    kring = "" if election.single_kieskring else kieskring_name(election, kieskring)
    parts: list[Flowable] = header(MODEL, TITLE, f"voor {election_phrase(election)}")
    parts.append(section("1", "Kandidatenlijst"))
    parts.extend(list_heading(nomination, plan, kieskring=kring))
    parts.append(candidate_table(plan))
    if plan.ek_support:
        parts.extend(_member_declaration(kring))
    else:
        authority = _authority(election, kieskring)
        parts.extend(_voter_declaration(kring, authority))
        parts.append(_mayor_declaration(kring, authority))
    return parts


@dataclass(frozen=True, slots=True)
class _Authority:
    """Who certifies the voter's registration: the mayor, or in the BES the gezaghebber.

    ``area`` carries its article ("de gemeente"), ``this_area`` the demonstrative.
    """

    official: str
    area: str
    this_area: str
    relative: str
    building: str


_MAYOR = _Authority("burgemeester", "de gemeente", "deze gemeente", "die", "het gemeentehuis")
_GEZAGHEBBER = _Authority(
    "gezaghebber", "het openbaar lichaam", "dit openbaar lichaam", "dat", "het bestuurskantoor"
)


def _authority(election: Election, kieskring: str) -> _Authority:
    """The gezaghebber certifies on Bonaire, Sint Eustatius and Saba (Kieswet art. Ya 2, H 4).

    Geldend op 2026-01-01: the eilandsraad, and the TK kieskring Bonaire (the three
    islands); everywhere else the mayor.
    """
    name = next((k.name for k in election.kieskringen if k.number == kieskring), "")
    if election.body == Body.ER or (election.body == Body.TK and name == "Bonaire"):
        return _GEZAGHEBBER
    return _MAYOR


def _voter_declaration(kring: str, authority: _Authority) -> list[Flowable]:
    voter_where = f"in kieskring {kring}" if kring else "voor deze verkiezing"
    return [
        keep_together(
            [
                section("2", "Verklaring van de kiezer"),
                para(
                    f"Ondergetekende, kiezer {voter_where}, verklaart de hierboven vermelde "
                    "kandidatenlijst te ondersteunen."
                ),
                hint(
                    f"Onderteken in {authority.building} van {authority.area} "
                    "waar u als kiezer staat ingeschreven, in het bijzijn van de "
                    f"{authority.official} of een door hem aangewezen ambtenaar, en toon een "
                    "geldig identiteitsbewijs. Elke kiezer mag voor deze verkiezing maar één "
                    "ondersteuningsverklaring tekenen; de verklaring kan niet worden ingetrokken."
                ),
                field_rows(
                    [
                        ("Naam", ""),
                        ("Voorletters", ""),
                        ("Adres", ""),
                        ("Postcode en woonplaats", ""),
                    ]
                ),
                signature_block("kiezer", place=False),
            ]
        )
    ]


def _mayor_declaration(kring: str, authority: _Authority) -> Flowable:
    part_of = f", {authority.relative} behoort tot kieskring {kring}," if kring else ""
    official = authority.official
    return keep_together(
        [
            section("3", f"Verklaring van de {official}"),
            hint(f"In te vullen door {authority.area}."),
            para(
                f"De {official} van {authority.area} "
                "............................................. verklaart dat de ondergetekende "
                f"op de dag van ondertekening als kiezer is geregistreerd in "
                f"{authority.this_area}{part_of} en dat deze verklaring in zijn bijzijn of in dat "
                "van een door hem aangewezen ambtenaar is ondertekend."
            ),
            field_rows([("Datum", "")]),
            boxes(
                [
                    f"Handtekening {official} of aangewezen ambtenaar",
                    f"Stempel van {authority.area}",
                ]
            ),
        ]
    )


def _member_declaration(kring: str) -> list[Flowable]:
    return [
        keep_together(
            [
                section("2", "Verklaring van het lid van provinciale staten of het kiescollege"),
                para(
                    "Ondergetekende, lid van provinciale staten van de provincie of lid van het "
                    f"kiescollege voor kieskring {kring}, verklaart de hierboven vermelde "
                    "kandidatenlijst te ondersteunen."
                ),
                hint(
                    "Elk lid mag voor deze verkiezing maar één ondersteuningsverklaring tekenen; "
                    "de verklaring kan niet worden ingetrokken (Kieswet artikel R 2)."
                ),
                field_rows([("Naam", ""), ("Voorletters", ""), ("Lid van", ""), ("Adres", "")]),
                signature_block("lid", place=False),
            ]
        )
    ]
