"""Model H 4: ondersteuningsverklaring, one per kieskring of the list.

Kieswet art. H 4 (geldend op 2026-01-01): a voter registered in the kieskring
declares support for the list; the candidates appear in the same way and order
as on the H 1 (lid 1); the voter signs in his own gemeente before the mayor
or an official, who certifies the registration and the kieskring (lid 2-6).
Only printed when the party is not exempt (lid 8). Eerste Kamer (Kieswet art.
R 2): a member of provinciale staten or of a kiescollege signs, without the
mayor's declaration. A Frisian list gets the Frisian text (Kiesbesluit art.
H 2 lid 5; ADR 0131).
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
from kandidaat.documents.text import (
    PAGE_WORDS,
    election_phrase,
    file_stem,
    kieskring_name,
    wording,
)
from kandidaat.domain.nomination.model import Body

if TYPE_CHECKING:
    from collections.abc import Callable

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
    words = wording(plan.language)
    where = (
        ""
        if election.single_kieskring
        else words(", kieskring {kieskring}", kieskring=kieskring_name(election, kieskring))
    )
    title = words(TITLE)
    return Story(
        model=MODEL,
        title=title,
        label=words(
            "Model {model} {title}, lijst {number}{where}",
            model=MODEL,
            title=title,
            number=str(plan.number),
            where=where,
        ),
        list_key=plan.candidate_list.key,
        filename=filename(kieskring),
        build=lambda: _content(nomination, plan, kieskring),
        page_words=words(PAGE_WORDS),
    )


def render_pdf_bytes(
    nomination: Nomination, plan: ListPlan, kieskring: str, context: RenderContext
) -> bytes:
    """The H 4 of one list and kieskring as PDF bytes."""
    return render_single(story(nomination, plan, kieskring), plan.hash_code, context)


def _content(nomination: Nomination, plan: ListPlan, kieskring: str) -> list[Flowable]:
    election = nomination.election
    words = wording(plan.language)
    kring = "" if election.single_kieskring else kieskring_name(election, kieskring)
    phrase = election_phrase(election, plan.language)
    parts: list[Flowable] = header(MODEL, words(TITLE), words("voor {election}", election=phrase))
    parts.append(section("1", words("Kandidatenlijst")))
    parts.extend(list_heading(nomination, plan, kieskring=kring))
    parts.append(candidate_table(plan))
    if plan.ek_support:
        parts.extend(_member_declaration(kring))
    else:
        authority = _in_words(_authority(election, kieskring), words)
        parts.extend(_voter_declaration(kring, authority, words))
        parts.append(_mayor_declaration(kring, authority, words))
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


def _in_words(authority: _Authority, words: Callable[..., str]) -> _Authority:
    """The authority as the model's language names it ("boargemaster" in Frisian)."""
    return _Authority(
        words(authority.official),
        words(authority.area),
        words(authority.this_area),
        words(authority.relative),
        words(authority.building),
    )


def _voter_declaration(
    kring: str, authority: _Authority, words: Callable[..., str]
) -> list[Flowable]:
    voter_where = (
        words("in kieskring {kieskring}", kieskring=kring)
        if kring
        else words("voor deze verkiezing")
    )
    return [
        keep_together(
            [
                section("2", words("Verklaring van de kiezer")),
                para(
                    words(
                        "Ondergetekende, kiezer {where}, verklaart de hierboven vermelde "
                        "kandidatenlijst te ondersteunen.",
                        where=voter_where,
                    )
                ),
                hint(
                    words(
                        "Onderteken in {building} van {area} "
                        "waar u als kiezer staat ingeschreven, in het bijzijn van de "
                        "{official} of een door hem aangewezen ambtenaar, en toon een "
                        "geldig identiteitsbewijs. Elke kiezer mag voor deze verkiezing maar één "
                        "ondersteuningsverklaring tekenen; de verklaring kan niet worden "
                        "ingetrokken.",
                        building=authority.building,
                        area=authority.area,
                        official=authority.official,
                    )
                ),
                field_rows(
                    [
                        (words("Naam"), ""),
                        (words("Voorletters"), ""),
                        (words("Adres"), ""),
                        (words("Postcode en woonplaats"), ""),
                    ]
                ),
                signature_block(
                    words("kiezer"),
                    place=False,
                    words=(words("Plaats"), words("Datum"), words("Handtekening")),
                ),
            ]
        )
    ]


def _mayor_declaration(kring: str, authority: _Authority, words: Callable[..., str]) -> Flowable:
    part_of = (
        words(
            ", {relative} behoort tot kieskring {kieskring},",
            relative=authority.relative,
            kieskring=kring,
        )
        if kring
        else ""
    )
    official = authority.official
    return keep_together(
        [
            section("3", words("Verklaring van de {official}", official=official)),
            hint(words("In te vullen door {area}.", area=authority.area)),
            para(
                words(
                    "De {official} van {area} "
                    "............................................. verklaart dat de ondergetekende "
                    "op de dag van ondertekening als kiezer is geregistreerd in "
                    "{this_area}{part_of} en dat deze verklaring in zijn bijzijn of in dat "
                    "van een door hem aangewezen ambtenaar is ondertekend.",
                    official=official,
                    area=authority.area,
                    this_area=authority.this_area,
                    part_of=part_of,
                )
            ),
            field_rows([(words("Datum"), "")]),
            boxes(
                [
                    words("Handtekening {official} of aangewezen ambtenaar", official=official),
                    words("Stempel van {area}", area=authority.area),
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
