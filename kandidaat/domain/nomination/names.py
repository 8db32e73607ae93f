"""How a candidate's name and the appellation must be written.

Kiesbesluit art. H 2 (geldend op 2026-01-01) and the Kiesraad's beleidsregel on
the writing of candidates' names (Stcrt. 2015, 26430): last name, all initials
each followed by a dot (one per first name), an optional roepnaam, the prefix
in lower case unless the BRP says otherwise, only "sr." and "jr." (and
patronymic abbreviations) as extra designations, names as in the BRP.
Characters: the BRP/Teletex range; letters outside it get a warning (ADR 0022).
The appellation: at most 35 characters, counted without spaces (Kieswet G 1
lid 4, H 3; ADR 0022).

Each function returns :class:`NameIssue` records; the checks turn them into
findings that name the candidate.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kandidaat.domain.nomination.findings import Severity

__all__ = [
    "ALLOWED_DESIGNATIONS",
    "APPELLATION_MAX",
    "PREFIXES",
    "NameIssue",
    "appellation_issues",
    "appellation_length",
    "character_issues",
    "first_name_issues",
    "initials_issues",
    "last_name_issues",
    "outside_teletex",
    "prefix_issues",
]

APPELLATION_MAX = 35
"""Kieswet art. G 1 lid 4: at most 35 letters or other characters."""
INITIALS_MAX = 20
"""e-KS limit on the initials field; longer is almost certainly a mistake."""
ALLOWED_DESIGNATIONS = frozenset({"sr.", "jr."})
"""Beleidsregel Stcrt. 2015, 26430: the only extra designations besides patronymics."""
PREDICATES = frozenset({"jhr.", "jkvr."})
"""Predicates of nobility, abbreviated, are part of the last name (beleidsregel)."""
TITLES = frozenset(
    {
        "dr.",
        "drs.",
        "mr.",
        "ir.",
        "ing.",
        "prof.",
        "bc.",
        "ds.",
        "dhr.",
        "mevr.",
        "mw.",
        "msc",
        "msc.",
        "ma",
        "ba",
        "bsc",
        "mba",
        "phd",
        "ll.m.",
    }
)
"""Academic and other titles: not allowed on the list (Kiesbesluit H 2)."""
PREFIXES = frozenset(
    {
        "van",
        "de",
        "der",
        "den",
        "het",
        "'t",
        "te",
        "ten",
        "ter",
        "in",
        "op",
        "aan",
        "bij",
        "uit",
        "onder",
        "over",
        "voor",
        "vd",
        "v.d.",
        "d'",
        "l'",
        "da",
        "das",
        "do",
        "dos",
        "du",
        "di",
        "del",
        "della",
        "la",
        "le",
        "les",
        "lo",
        "von",
        "zu",
        "zum",
        "zur",
        "el",
        "al",
        "ben",
        "bin",
        "y",
        "st.",
    }
)
"""Voorvoegsels as the BRP knows them (Tabel 36, the common ones)."""

_TELETEX_RANGES = ((0x20, 0x7E), (0xA1, 0x17E))
_PATRONYMIC = re.compile(r"[A-Z][a-z]*zn?\.")
_PLAIN_INITIALS = re.compile(r"(?:[A-Z]\.)+")
"""Capitals A-Z each with a dot ("J.P."): initials about which nothing is to be said."""
_NAME_PUNCTUATION = frozenset(" -'’.")
_PLAIN_NAME_CHARACTERS = _NAME_PUNCTUATION | frozenset(
    char
    for low, high in _TELETEX_RANGES
    for char in map(chr, range(low, high + 1))
    if unicodedata.category(char).startswith(("L", "M"))
)
"""Characters about which :func:`character_issues` never says anything: letters and
marks of the BRP/Teletex set, and the name punctuation."""


@dataclass(frozen=True, slots=True)
class NameIssue:
    """One problem with a name field: what, how serious, which field, what to do.

    ``message`` is Dutch and reads after the name of the person: "kandidaat 3,
    Jansen, P.: <message>".
    """

    code: str
    severity: Severity
    field: str
    message: str
    advice: str = ""


def outside_teletex(text: str) -> tuple[str, ...]:
    """The characters of ``text`` (after NFC) that the BRP/Teletex set lacks."""
    normal = unicodedata.normalize("NFC", text)
    return tuple(
        dict.fromkeys(
            char
            for char in normal
            if not any(low <= ord(char) <= high for low, high in _TELETEX_RANGES)
        )
    )


def character_issues(text: str, field: str) -> list[NameIssue]:
    """Characters a name may not or should not contain.

    Digits and symbols (emoji, @, #, ...) are errors. Letters outside the
    BRP/Teletex set (Vietnamese "ễ", Greek, Cyrillic) are accepted with a
    warning: the BRP writes such names in its own transliteration (ADR 0022).
    """
    issues: list[NameIssue] = []
    normal = unicodedata.normalize("NFC", text)
    if _PLAIN_NAME_CHARACTERS.issuperset(normal):
        return issues
    bad = sorted(
        {
            char
            for char in normal
            if not (unicodedata.category(char).startswith(("L", "M")) or char in _NAME_PUNCTUATION)
        }
    )
    if bad:
        shown = " ".join(repr(char) for char in bad)
        issues.append(
            NameIssue(
                "name-invalid-characters",
                Severity.ERROR,
                field,
                f"{_subject(field, text)} tekens die geen letters zijn: {shown}",
                "Gebruik alleen letters, spaties, koppeltekens en apostrofs, zoals in de BRP.",
            )
        )
    foreign = [char for char in outside_teletex(normal) if unicodedata.category(char)[0] == "L"]
    if foreign:
        issues.append(
            NameIssue(
                "name-outside-brp-characters",
                Severity.WARNING,
                field,
                f"{_subject(field, text)} letters die de BRP niet kent: " + " ".join(foreign),
                "Schrijf de naam zoals hij in de BRP staat (daar zonder deze letters); "
                "het centraal stembureau vergelijkt met de BRP.",
            )
        )
    return issues


def initials_issues(initials: str) -> list[NameIssue]:
    """Problems with the voorletters.

    Kiesbesluit art. H 2 lid 1 and beleidsregel Stcrt. 2015, 26430 (geldend op
    2026-01-01): every initial followed by a dot, one initial per first name
    (Willem-Alexander: "W."), letters only; "Th.", "Chr." and "IJ." count as
    one initial. An empty field is a missing-data error elsewhere.
    """
    text = initials.strip()
    if not text or (len(text) <= INITIALS_MAX and _PLAIN_INITIALS.fullmatch(text)):
        return []
    issues = character_issues(text.replace(".", ""), "initials")
    if any(issue.severity is Severity.ERROR for issue in issues):
        return issues
    if " " in text:
        issues.append(
            NameIssue(
                "initials-spaces",
                Severity.WARNING,
                "initials",
                f"de voorletters {initials!r} bevatten spaties",
                f"Schrijf de voorletters aaneen: {text.replace(' ', '')!r}.",
            )
        )
        text = text.replace(" ", "")
    if "-" in text:
        issues.append(
            NameIssue(
                "initials-hyphen",
                Severity.ERROR,
                "initials",
                f"de voorletters {initials!r} bevatten een koppelteken",
                "Eén voorletter per voornaam: Willem-Alexander wordt 'W.'.",
            )
        )
        return issues
    if not _initials_well_formed(text):
        issues.append(
            NameIssue(
                "initials-format",
                Severity.ERROR,
                "initials",
                f"de voorletters {initials!r} zijn niet geschreven als letters met elk een punt",
                "Zet achter elke voorletter een punt, één voorletter per voornaam "
                "(bijvoorbeeld 'J.P.' of 'Th.'), zoals in de BRP.",
            )
        )
        return issues
    parts = [part for part in text.split(".") if part]
    if any(not part[0].isupper() for part in parts):
        issues.append(
            NameIssue(
                "initials-lower-case",
                Severity.WARNING,
                "initials",
                f"de voorletters {initials!r} beginnen niet elk met een hoofdletter",
                "Schrijf voorletters met een hoofdletter, tenzij de BRP anders vermeldt.",
            )
        )
    if len(text) > INITIALS_MAX:
        issues.append(
            NameIssue(
                "initials-too-long",
                Severity.WARNING,
                "initials",
                f"de voorletters {initials!r} zijn ongewoon lang ({len(text)} tekens)",
                "Controleer of alleen voorletters zijn ingevuld, geen voornamen.",
            )
        )
    return issues


def _initials_well_formed(text: str) -> bool:
    """True when every initial is followed by a dot and is a letter, "IJ" or "Th"/"Chr".

    A multi-letter initial is a letter with one or two lower-case letters.
    """
    if not text.endswith("."):
        return False
    for part in text[:-1].split("."):
        if part == "IJ":
            continue
        if not part or len(part) > 3 or not part.isalpha():
            return False
        if len(part) > 1 and not part[1:].islower():
            return False
    return True


def prefix_issues(prefix: str) -> list[NameIssue]:
    """Problems with the voorvoegsel.

    Beleidsregel Stcrt. 2015, 26430: prefixes in lower case unless the BRP says
    otherwise; that exception is why a capital is a warning, not an error.
    """
    text = prefix.strip()
    if not text:
        return []
    issues = character_issues(text, "prefix")
    if text != text.lower():
        issues.append(
            NameIssue(
                "prefix-capital",
                Severity.WARNING,
                "prefix",
                f"het voorvoegsel {prefix!r} bevat een hoofdletter",
                f"Voorvoegsels worden klein geschreven ({text.lower()!r}), "
                "tenzij de BRP anders vermeldt.",
            )
        )
    return issues


def last_name_issues(last_name: str) -> list[NameIssue]:
    """Problems with the achternaam.

    Kiesbesluit art. H 2 lid 1 and lid 3 and beleidsregel Stcrt. 2015, 26430
    (geldend op 2026-01-01): the prefix goes in its own field; no titles; only
    "sr."/"jr.", abbreviated predicates and patronymic abbreviations; letters
    only. An empty field is a missing-data error elsewhere.
    """
    text = last_name.strip()
    if not text:
        return []
    issues = character_issues(text, "last_name")
    words = text.split()
    first = words[0]
    if len(words) > 1 and first.lower() in PREFIXES:
        lower = first == first.lower()
        issues.append(
            NameIssue(
                "last-name-starts-with-prefix",
                Severity.ERROR if lower else Severity.WARNING,
                "last_name",
                f"de achternaam {last_name!r} begint met het voorvoegsel {first!r}",
                f"Vul {first.lower()!r} in bij voorvoegsel en {' '.join(words[1:])!r} bij "
                "achternaam"
                + ("." if lower else ", tenzij het voorvoegsel in de BRP deel is van de naam."),
            )
        )
    for word in words:
        issues += _designation_issues(word, last_name)
    return issues


def _designation_issues(word: str, last_name: str) -> list[NameIssue]:
    """A word of the last name that is a title or an unknown abbreviation."""
    lower = word.lower()
    if lower in TITLES:
        return [
            NameIssue(
                "name-title",
                Severity.ERROR,
                "last_name",
                f"de achternaam {last_name!r} bevat de titel {word!r}",
                "Titels staan niet op de kandidatenlijst; laat de titel weg.",
            )
        ]
    if "." not in word or word in ALLOWED_DESIGNATIONS or lower in PREDICATES:
        return []
    if lower in ALLOWED_DESIGNATIONS:
        return [
            NameIssue(
                "designation-spelling",
                Severity.WARNING,
                "last_name",
                f"de aanduiding {word!r} in {last_name!r} wordt klein geschreven",
                f"Schrijf {lower!r}.",
            )
        ]
    if _PATRONYMIC.fullmatch(word):
        return []
    return [
        NameIssue(
            "designation-not-allowed",
            Severity.ERROR,
            "last_name",
            f"de achternaam {last_name!r} bevat de afkorting {word!r}",
            "Alleen 'sr.', 'jr.', afgekorte predicaten (jhr., jkvr.) en afgekorte "
            "patroniemen zijn toegestaan (beleidsregel Kiesraad).",
        )
    ]


def first_name_issues(first_name: str) -> list[NameIssue]:
    """Problems with the roepnaam (optional, Kiesbesluit art. H 2 lid 1).

    A plausible roepnaam is a name: letters, starting with a capital, not
    initials, not in parentheses (we print those), not absurdly long.
    """
    text = first_name.strip()
    if not text:
        return []
    issues = character_issues(text.strip("()"), "first_name")
    problem = None
    if text.startswith("(") or text.endswith(")"):
        problem = "staat tussen haakjes; die zetten wij er zelf omheen"
    elif "." in text:
        problem = "lijkt op voorletters; vul de naam in waarmee de kandidaat bekend is"
    elif not text[0].isupper():
        problem = "begint niet met een hoofdletter"
    elif len(text) > 30:
        problem = "is ongewoon lang voor een roepnaam"
    if problem:
        issues.append(
            NameIssue(
                "first-name-implausible",
                Severity.WARNING,
                "first_name",
                f"de roepnaam {first_name!r} {problem}",
                "Vul één roepnaam in, bijvoorbeeld 'Jan', of laat het veld leeg.",
            )
        )
    return issues


def appellation_length(appellation: str) -> int:
    """The length of an appellation as the Kiesraad counts it: every character but spaces.

    Kieswet art. G 1 lid 4 (geldend op 2026-01-01) counts "letters of andere
    tekens"; the Kiesraad's e-KS counts without spaces (ADR 0022).
    """
    return sum(1 for char in unicodedata.normalize("NFC", appellation) if not char.isspace())


def appellation_issues(appellation: str) -> list[NameIssue]:
    """Problems with the appellation text (not whether it is registered).

    Kieswet art. G 1 lid 4 and H 3 (geldend op 2026-01-01): at most 35
    characters; beleidsregel Stcrt. 2008, 54: letters, digits and functional
    signs, no images or emoticons.
    """
    text = appellation.strip()
    if not text:
        return []
    issues: list[NameIssue] = []
    length = appellation_length(text)
    if length > APPELLATION_MAX:
        issues.append(
            NameIssue(
                "appellation-too-long",
                Severity.ERROR,
                "appellation",
                f"de aanduiding {text!r} telt {length} tekens (zonder spaties); "
                f"ten hoogste {APPELLATION_MAX} zijn toegestaan",
                "Gebruik de aanduiding precies zoals zij is geregistreerd; een samengevoegde "
                "aanduiding mag de afkortingen van de geregistreerde aanduidingen gebruiken.",
            )
        )
    symbols = sorted({char for char in text if unicodedata.category(char) in {"So", "Cn", "Co"}})
    if symbols:
        issues.append(
            NameIssue(
                "appellation-symbols",
                Severity.ERROR,
                "appellation",
                f"de aanduiding {text!r} bevat beeldtekens: {' '.join(symbols)}",
                "Een aanduiding bestaat uit letters, cijfers en leestekens, zonder logo's of "
                "emoticons.",
            )
        )
    elif outside_teletex(text):
        issues.append(
            NameIssue(
                "appellation-outside-teletex",
                Severity.WARNING,
                "appellation",
                f"de aanduiding {text!r} bevat tekens buiten de tekenset van het EML-bestand: "
                + " ".join(outside_teletex(text)),
                "Controleer de schrijfwijze in het register van aanduidingen.",
            )
        )
    return issues


_FIELD_NAMES = {
    "initials": "de voorletters {text!r} bevatten",
    "last_name": "de achternaam {text!r} bevat",
    "prefix": "het voorvoegsel {text!r} bevat",
    "first_name": "de roepnaam {text!r} bevat",
}


def _subject(field: str, text: str) -> str:
    """The start of a sentence about ``field``: "de achternaam 'X' bevat"."""
    return _FIELD_NAMES[field].format(text=text)
