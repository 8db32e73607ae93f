"""Read a contest from the JSON input of ``kandidaat seats``.

The format is documented in docs/seats.md. Every error names the field
(``lists[2].votes``) and says in Dutch what was expected.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.text_rules import MAX_SEATS
from kandidaat.domain.seats import Body, Candidate, Contest, PartyList, SubList
from kandidaat.domain.seats.eerste_kamer import stemwaarde, weighted_votes

BODIES = ", ".join(body.value for body in Body)
MAX_COUNT = 10**9
"""Largest vote count, inhabitant count or number accepted: far above any electorate."""
MAX_DIGITS = 10
"""A JSON integer with more digits is refused before int() (which fails beyond 4300)."""
MAX_CANDIDATES = 1_000
"""Most candidates or positions on one list: far above the 80 of Kieswet art. H 6 lid 2."""
MAX_NAME = 200
"""Longest name of a contest or candidate (as the project's names, ADR 0034)."""


class _NumberTooLongError(ValueError):
    """A JSON integer literal with more than :data:`MAX_DIGITS` digits."""


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise _NumberTooLongError(text[:20])
    return int(text)


@dataclass(frozen=True, slots=True)
class SeatsInput:
    """A contest and the lot answers drawn so far."""

    contest: Contest
    lots: tuple[int, ...]


def parse_text(text: str, source: str) -> SeatsInput:
    """Parse JSON text; ``source`` names the file or line for messages.

    Raises:
        InputError: malformed JSON or a field that does not fit (Dutch message).
    """
    try:
        data = json.loads(text, parse_int=_bounded_int)
    except _NumberTooLongError as error:
        raise InputError(
            f"{source}: het getal {error}... heeft meer dan {MAX_DIGITS} cijfers; "
            f"ten hoogste {MAX_COUNT} is toegestaan"
        ) from None
    except json.JSONDecodeError as error:
        raise InputError(
            f"{source}, regel {error.lineno}, kolom {error.colno}: dit is geen geldige JSON"
        ) from None
    except RecursionError:
        raise InputError(f"{source}: de JSON is te diep genest") from None
    try:
        return parse_document(data)
    except InputError as error:
        raise InputError(f"{source}: {error.message}") from None


def parse_document(data: object) -> SeatsInput:
    """Turn a decoded JSON document into a contest and its lot answers.

    Raises:
        InputError: a missing or wrong field (Dutch message naming it).
    """
    if not isinstance(data, dict):
        raise InputError("de invoer moet een JSON-object zijn ({...})")
    body_text = data.get("body")
    if body_text is None:
        raise InputError(f"veld 'body' ontbreekt (een van: {BODIES})")
    if body_text not in {body.value for body in Body}:
        raise InputError(f"veld 'body': onbekend orgaan {body_text!r} (kies uit: {BODIES})")
    body = Body(body_text)
    seats = _integer(data, "seats", "seats", minimum=1, maximum=MAX_SEATS)
    weights = _province_weights(data) if body is Body.EK else {}
    raw_lists = data.get("lists")
    if not isinstance(raw_lists, list) or not raw_lists:
        raise InputError("veld 'lists' moet een niet-lege lijst van lijsten zijn")
    lists = tuple(_party_list(entry, f"lists[{i}]", weights) for i, entry in enumerate(raw_lists))
    lots = data.get("lots", [])
    if not isinstance(lots, list):
        raise InputError("veld 'lots' moet een lijst van getrokken nummers zijn")
    answers = tuple(_lot(value, f"lots[{i}]") for i, value in enumerate(lots))
    name = data.get("name", "")
    if not isinstance(name, str):
        raise InputError("veld 'name' moet tekst zijn")
    if len(name) > MAX_NAME:
        raise InputError(f"veld 'name' is te lang: {len(name)} tekens, ten hoogste {MAX_NAME}")
    return SeatsInput(Contest(body=body, seats=seats, lists=lists, name=name), answers)


def _is_integer(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _integer(
    obj: dict[str, Any], key: str, where: str, *, minimum: int = 0, maximum: int = MAX_COUNT
) -> int:
    if key not in obj:
        raise InputError(f"veld '{where}' ontbreekt")
    value = obj[key]
    if not _is_integer(value):
        shown = json.dumps(value)[:40]
        raise InputError(f"veld '{where}' moet een geheel getal zijn, niet {shown}")
    if value < minimum:
        if minimum == 1:
            raise InputError(f"veld '{where}' moet minstens 1 zijn, niet {value}")
        raise InputError(f"veld '{where}' kan niet negatief zijn ({value})")
    if value > maximum:
        raise InputError(f"veld '{where}' is {value}; ten hoogste {maximum} is toegestaan")
    result: int = value
    return result


def _lot(value: object, where: str) -> int:
    if not _is_integer(value) or not 0 <= value <= MAX_COUNT:  # type: ignore[operator]
        raise InputError(
            f"veld '{where}': een lotingsuitslag is een lijst- of kandidaatnummer, "
            f"niet {json.dumps(value)[:40]}"
        )
    result: int = value  # type: ignore[assignment]
    return result


def _party_list(entry: object, where: str, weights: dict[str, int]) -> PartyList:
    if not isinstance(entry, dict):
        raise InputError(f"'{where}' moet een JSON-object zijn")
    number = _integer(entry, "number", f"{where}.number", minimum=1)
    name = entry.get("name", f"Lijst {number}")
    if not isinstance(name, str):
        raise InputError(f"veld '{where}.name' moet tekst zijn")
    if "sublists" in entry:
        return _group(entry, where, number, name, weights)
    candidates = _candidates(entry.get("candidates"), where, weights)
    if candidates is None:
        votes = _votes(entry, where, weights)
        count = _integer(
            entry, "candidate_count", f"{where}.candidate_count", maximum=MAX_CANDIDATES
        )
        deceased = entry.get("deceased", [])
        if not isinstance(deceased, list) or not all(_is_integer(p) for p in deceased):
            raise InputError(f"veld '{where}.deceased' moet een lijst van kandidaatnummers zijn")
        return PartyList(
            number, name, votes, candidate_count=count, deceased_positions=frozenset(deceased)
        )
    candidate_total = sum(c.votes for c in candidates)
    votes = _votes(entry, where, weights) if _has_votes(entry) else candidate_total
    if votes != candidate_total:
        raise InputError(
            f"'{where}' (lijst {number}): 'votes' is {votes}, maar de stemmen op de kandidaten "
            f"tellen op tot {candidate_total}"
        )
    if "candidate_count" in entry and entry["candidate_count"] != len(candidates):
        given = str(entry["candidate_count"])[:20]
        raise InputError(
            f"'{where}' (lijst {number}): 'candidate_count' is {given}, maar "
            f"er staan {len(candidates)} kandidaten in 'candidates'"
        )
    return PartyList(number, name, votes, candidates=candidates, candidate_count=len(candidates))


def _has_votes(entry: dict[str, Any]) -> bool:
    return "votes" in entry or "province_votes" in entry


def _votes(entry: dict[str, Any], where: str, weights: dict[str, int]) -> int:
    if weights:
        per_province = entry.get("province_votes")
        if per_province is None and "votes" in entry:
            return _integer(entry, "votes", f"{where}.votes")
        return _weighted(per_province, f"{where}.province_votes", weights)
    return _integer(entry, "votes", f"{where}.votes")


def _weighted(per_province: object, where: str, weights: dict[str, int]) -> int:
    if not isinstance(per_province, dict):
        raise InputError(f"veld '{where}' moet per provincie het aantal stemmen geven")
    for province, votes in per_province.items():
        if not _is_integer(votes) or not 0 <= votes <= MAX_COUNT:
            raise InputError(
                f"veld '{where}.{province}' moet een geheel getal van 0 tot en met {MAX_COUNT} zijn"
            )
    try:
        return weighted_votes(per_province, weights)
    except InputError as error:
        raise InputError(f"veld '{where}': {error.message}") from None


def _candidates(raw: object, where: str, weights: dict[str, int]) -> tuple[Candidate, ...] | None:
    if raw is None:
        return None
    if not isinstance(raw, list) or not raw:
        raise InputError(f"veld '{where}.candidates' moet een niet-lege lijst zijn")
    candidates = []
    for index, item in enumerate(raw):
        here = f"{where}.candidates[{index}]"
        if not isinstance(item, dict):
            raise InputError(f"'{here}' moet een JSON-object zijn")
        position = _integer(item, "position", f"{here}.position", minimum=1, maximum=MAX_CANDIDATES)
        name = item.get("name", f"kandidaat {position}")
        deceased = item.get("deceased", False)
        key = item.get("id", "")
        if not isinstance(name, str) or not isinstance(key, str):
            raise InputError(f"'{here}': 'name' en 'id' moeten tekst zijn")
        if not isinstance(deceased, bool):
            raise InputError(f"veld '{here}.deceased' moet true of false zijn")
        votes = _votes(item, here, weights)
        candidates.append(Candidate(position, name, votes, deceased=deceased, key=key))
    return tuple(candidates)


def _group(
    entry: dict[str, Any], where: str, number: int, name: str, weights: dict[str, int]
) -> PartyList:
    raw = entry["sublists"]
    if not isinstance(raw, list) or not raw:
        raise InputError(f"veld '{where}.sublists' moet een niet-lege lijst zijn")
    sublists = []
    for index, item in enumerate(raw):
        here = f"{where}.sublists[{index}]"
        if not isinstance(item, dict):
            raise InputError(f"'{here}' moet een JSON-object zijn")
        sub_number = _integer(item, "number", f"{here}.number", minimum=1)
        kieskringen = item.get("kieskringen", [])
        if not isinstance(kieskringen, list) or not all(_is_integer(k) for k in kieskringen):
            raise InputError(f"veld '{here}.kieskringen' moet een lijst van nummers zijn")
        candidates = _candidates(item.get("candidates"), here, weights)
        if candidates is None:
            raise InputError(f"veld '{here}.candidates' ontbreekt")
        sublists.append(
            SubList(sub_number, tuple(kieskringen), candidates, sum(c.votes for c in candidates))
        )
    total = sum(s.votes for s in sublists)
    if _has_votes(entry) and _votes(entry, where, weights) != total:
        raise InputError(
            f"'{where}' (lijstengroep {number}): 'votes' klopt niet met de som van de lijsten "
            f"({total})"
        )
    return PartyList(number, name, total, sublists=tuple(sublists))


def _province_weights(data: dict[str, Any]) -> dict[str, int]:
    """Stemwaarde per province (Kieswet art. U 2) from 'provinces', if given."""
    raw = data.get("provinces")
    if raw is None:
        return {}
    if not isinstance(raw, list) or not raw:
        raise InputError("veld 'provinces' moet een niet-lege lijst zijn")
    weights: dict[str, int] = {}
    for index, item in enumerate(raw):
        here = f"provinces[{index}]"
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise InputError(f"'{here}' moet een object met een 'name' zijn")
        if "stemwaarde" in item:
            weights[item["name"]] = _integer(item, "stemwaarde", f"{here}.stemwaarde", minimum=1)
        else:
            inhabitants = _integer(item, "inhabitants", f"{here}.inhabitants")
            members = _integer(item, "members", f"{here}.members", minimum=1)
            weights[item["name"]] = stemwaarde(inhabitants, members)
    return weights
