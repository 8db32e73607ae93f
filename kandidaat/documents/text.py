"""Wording shared by the models: dates, amounts, the election, the list, the names.

Plain string helpers (no reportlab). How a candidate is written follows
Kiesbesluit art. H 2 (geldend op 2026-01-01): last name with prefix, initials,
optionally roepnaam and gender, date of birth and woonplaats, with the ISO 3166
country code when the candidate lives abroad. The words are Dutch; a Frisian
list gets them from :mod:`kandidaat.documents.texts_fy` through :func:`wording`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.common.safe_names import safe_file_stem
from kandidaat.documents import texts_fy
from kandidaat.domain.nomination.model import AppellationKind, Body, Candidate, Gender

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

    from kandidaat.domain.nomination.model import CandidateList, Election, Nomination, Party

_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
_WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")

_BODY_MEMBERS = {
    Body.TK: "de leden van de Tweede Kamer der Staten-Generaal",
    Body.EK: "de leden van de Eerste Kamer der Staten-Generaal",
    Body.EP: "de leden van het Europees Parlement",
    Body.PS: "de leden van provinciale staten",
    Body.AB: "de leden van het algemeen bestuur van het waterschap",
    Body.GR: "de leden van de gemeenteraad",
    Body.ER: "de leden van de eilandsraad",
}
_AREA_WORD = {
    Body.PS: "provincie",
    Body.AB: "waterschap",
    Body.GR: "gemeente",
    Body.ER: "openbaar lichaam",
}


FRISIAN = "fy"
"""The language code of a Frisian list (kr:PublicationLanguage, Kiesbesluit art. H 2 lid 5)."""


PAGE_WORDS = "pagina {page} van {total}"
"""The page number in a model's footer, filled in by the layout (a template to translate)."""


def wording(language: str) -> Callable[..., str]:
    """The words of the models in ``language``: Dutch, or Frisian for "fy" (ADR 0131).

    A model writes each sentence in Dutch, with ``{name}`` where a value goes:
    ``words("voor {election}", election=...)``. For Dutch that template is
    filled in as it stands; for Frisian the template is the key of its Frisian
    counterpart in :data:`kandidaat.documents.texts_fy.FRISIAN` (Kiesbesluit
    art. H 2 lid 5, geldend op 2026-01-01). A Dutch sentence without a Frisian
    counterpart is a KeyError, never Dutch on a Frisian form.
    """
    if language == FRISIAN:
        return _frisian
    return _dutch


def _dutch(template: str, **values: str) -> str:
    return template.format(**values) if values else template


def _frisian(template: str, **values: str) -> str:
    text = texts_fy.FRISIAN[template]
    return text.format(**values) if values else text


def numeric_date(value: date | None) -> str:
    """A date as on the forms: ``07-03-1985`` (empty when unknown)."""
    return "" if value is None else f"{value.day:02d}-{value.month:02d}-{value.year:04d}"


def birth_date_text(candidate: Candidate) -> str:
    """The date of birth as on the forms; one known only in part as the BRP writes it.

    ``07-03-1985``, or ``XX-05-1976`` when the day is unknown (kr:DateOfBirthAnnex,
    ADR 0026); empty when not known at all.
    """
    if candidate.date_of_birth is not None:
        return numeric_date(candidate.date_of_birth)
    return candidate.date_of_birth_annex


def long_date(value: date) -> str:
    """A date in words: ``woensdag 3 februari 2027``."""
    return f"{_WEEKDAYS[value.weekday()]} {value.day} {_MONTHS[value.month - 1]} {value.year}"


def euro(cents: int) -> str:
    """An amount in euro the Dutch way: ``€ 11.250,00``."""
    whole, rest = divmod(cents, 100)
    grouped = f"{whole:,}".replace(",", ".")
    return f"€ {grouped},{rest:02d}"


def election_phrase(election: Election, language: str = "nl") -> str:
    """What the election is, as the models name it.

    "de verkiezing van de leden van de gemeenteraad van Demodorp op 18 maart 2026";
    in Frisian "de ferkiezing fan de leden fan provinsjale steaten fan Fryslân op
    17 maart 2027" (the Kiesraad's words, :mod:`kandidaat.documents.texts_fy`).
    """
    if language == FRISIAN:
        return _frisian_election_phrase(election)
    members = _BODY_MEMBERS[election.body]
    if election.area_name and election.body in _AREA_WORD:
        if election.body == Body.PS:
            members = f"{members} van {election.area_name}"
        elif election.body == Body.AB:
            members = f"de leden van het algemeen bestuur van {election.area_name}"
        else:
            members = f"{members} van {election.area_name}"
    when = f"{election.election_date.day} {_MONTHS[election.election_date.month - 1]}"
    return f"de verkiezing van {members} op {when} {election.election_date.year}"


def _frisian_election_phrase(election: Election) -> str:
    """The election in the Kiesraad's Frisian: "de ferkiezing fan de leden fan ... op ..."."""
    members = texts_fy.BODY_MEMBERS[election.body]
    if election.area_name and election.body in _AREA_WORD:
        if election.body == Body.AB:
            members = f"de leden fan it algemien bestjoer fan {election.area_name}"
        else:
            members = f"{members} fan {election.area_name}"
    when = f"{election.election_date.day} {texts_fy.MONTHS[election.election_date.month - 1]}"
    return f"de ferkiezing fan {members} op {when} {election.election_date.year}"


def area_phrase(election: Election) -> str:
    """The area whose body is elected: "de gemeente Demodorp" (for vestiging)."""
    word = _AREA_WORD.get(election.body, "gebied")
    name = election.area_name or election.name
    if election.body == Body.AB:
        return name
    return f"de {word} {name}"


def appellation_text(party: Party, language: str = "nl") -> str:
    """The appellation above the list; for a blank list the words the models use."""
    if party.kind == AppellationKind.BLANK or not party.appellation:
        return wording(language)("geen aanduiding (blanco lijst)")
    return party.appellation


def kieskringen_text(
    nomination: Nomination, candidate_list: CandidateList, language: str = "nl"
) -> str:
    """The kieskringen a list is for: "alle kieskringen" or each named; empty for one."""
    election = nomination.election
    if election.single_kieskring:
        return ""
    chosen = set(candidate_list.kieskringen)
    if chosen >= {kring.number for kring in election.kieskringen}:
        return wording(language)("alle kieskringen")
    named = [
        f"{kring.number} {kring.name}".strip()
        for kring in election.kieskringen
        if kring.number in chosen
    ]
    known = {kring.number for kring in election.kieskringen}
    named.extend(number for number in candidate_list.kieskringen if number not in known)
    return ", ".join(named)


def kieskring_name(election: Election, number: str) -> str:
    """A kieskring with its number and name: "3 Amsterdam"."""
    for kring in election.kieskringen:
        if kring.number == number:
            return f"{kring.number} {kring.name}".strip()
    return number


def surname(candidate: Candidate) -> str:
    """Prefix and last name as written on the list: "de Graaf"."""
    return " ".join(part for part in (candidate.prefix, candidate.last_name) if part)


def initials_text(candidate: Candidate, *, publish_gender: bool) -> str:
    """Initials, roepnaam in parentheses and, when published, "(m)" or "(v)"."""
    text = candidate.initials
    if candidate.first_name:
        text += f" ({candidate.first_name})"
    if publish_gender and candidate.gender is not None:
        text += f" ({'m' if candidate.gender == Gender.MALE else 'v'})"
    return text


def residence_text(candidate: Candidate) -> str:
    """Woonplaats, with the country code in parentheses when abroad: "Gent (BE)"."""
    if candidate.lives_abroad:
        return f"{candidate.locality} ({candidate.country_code})".strip()
    return candidate.locality


def money(cents: int, currency: str = "EUR") -> str:
    """An amount in euro (``€ 11.250,00``) or another currency (``USD 1.234,00``)."""
    text = euro(cents)
    return text if currency == "EUR" else text.replace("€", currency, 1)


FILE_STEM_LENGTH = 40
"""Characters of a name in a document's file name."""


def file_stem(text: str) -> str:
    """A portable, bounded part of a file name (ADR 0047): ASCII letters and digits, the rest "-".

    "Çelik" -> "Celik", "Ødegård" -> "Odegard", "Nguyễn" -> "Nguyen"; at most
    40 characters (a longer name is cut and ends in a hash of the whole name).
    """
    return safe_file_stem(text, max_length=FILE_STEM_LENGTH)
