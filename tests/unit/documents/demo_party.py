"""Demo nominations for the document tests (the integrator moves them to the app demo).

The persons are fictitious; the names follow the demo election
(kandidaat/app/demo_data/gr_demodorp_2026.json) and carry letters the BRP
allows that PDF base fonts cannot show: Çelik, Wiśniewska, Yılmaz, Đurić,
Nguyễn, Ødegård. The elections come from the domain's factories and the rule
inputs of :func:`context_for` from the domain's rules, as the app computes them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from kandidaat.documents.context import RenderContext
from kandidaat.domain.nomination.deadlines import election_dates
from kandidaat.domain.nomination.elections import (
    eerste_kamer_election,
    european_parliament_election,
    municipal_election,
    tweede_kamer_election,
)
from kandidaat.domain.nomination.model import (
    Agent,
    AppellationKind,
    Candidate,
    CandidateList,
    Election,
    Gender,
    Nomination,
    Party,
    PostalAddress,
    StatutoryParty,
    Submitter,
)
from kandidaat.domain.nomination.structure import (
    deposit_rule,
    exempt_from_support,
    support_required,
)

DEMO_HASH = "1A2B 3C4D 5E6F 7081 92A3 B4C5 D6E7 F809 1122 3344 5566 7788 99AA BBCC DDEE FF00"
CREATED = date(2026, 1, 20)
VERSION = "0.1.0"
SPECIAL_NAMES = ("Çelik", "Wiśniewska", "Yılmaz", "Đurić", "Nguyễn", "Ødegård")

_GR_PEOPLE = (
    ("J.W.", "Graaf", "de", "Jan-Willem", Gender.MALE, date(1971, 4, 2), "Demodorp"),
    ("A.", "Çelik", "", "Anouk", Gender.FEMALE, date(1988, 11, 23), "Demodorp"),
    ("P.H.", "Berg", "van den", "Pieter", Gender.MALE, date(1959, 1, 30), "Oosterwijk"),
    ("M.", "Hoekstra", "", "Marieke", Gender.FEMALE, date(1990, 6, 14), "Demodorp"),
    ("R.", "Kuipers", "", "Rob", Gender.MALE, date(1966, 9, 8), "Demodorp"),
    ("S.", "Wiśniewska", "", "Sanne", Gender.FEMALE, date(1995, 2, 17), "Demodorp"),
    ("T.", "Brouwer", "", "Thijs", Gender.MALE, date(2001, 12, 1), "Westerveen"),
    ("L.", "Dijk", "van", "Lotte", Gender.FEMALE, date(1983, 3, 5), "Demodorp"),
    ("H.", "Mulder", "", "Henk", Gender.MALE, date(1950, 7, 19), "Demodorp"),
    ("E.", "Yılmaz", "", "Esra", Gender.FEMALE, date(1992, 10, 11), "Demodorp"),
    ("B.", "Smit", "", "Bas", Gender.MALE, date(1979, 5, 27), "Demodorp"),
    ("N.", "Jansen", "", "Noor", Gender.FEMALE, date(1998, 8, 3), "Demodorp"),
    ("G.", "Visser", "", "Gert", Gender.MALE, date(1962, 12, 24), "Demodorp"),
    ("I.", "Bakker", "", "Ilse", Gender.FEMALE, date(1975, 4, 9), "Demodorp"),
)
_COMBINED_PEOPLE = (
    ("T.", "Đurić", "", "Tamara", Gender.FEMALE, date(1985, 5, 5), "Demodorp"),
    ("F.", "Nguyễn", "", "Frank", Gender.MALE, date(1977, 8, 30), "Demodorp"),
    ("I.", "Ødegård", "", "Inge", Gender.FEMALE, date(1969, 2, 2), "Demodorp"),
    ("M.", "El Amrani", "", "Mohamed", Gender.MALE, date(1991, 9, 9), "Demodorp"),
    ("S.", "Wit", "de", "Sophie", Gender.FEMALE, date(1987, 12, 12), "Demodorp"),
)


def _submitter() -> Submitter:
    return Submitter(
        initials="K.",
        last_name="Vos",
        prefix="de",
        address=PostalAddress("Dorpsstraat 12", "9999 AA", "Demodorp"),
    )


def _substitutes() -> tuple[Submitter, ...]:
    return (
        Submitter("M.", "Ramdin", address=PostalAddress("Kerkweg 3", "9999 AB", "Demodorp")),
        Submitter("A.", "Linden", "van der", PostalAddress("Molenlaan 40", "9999 AC", "Demodorp")),
    )


def _people(
    rows: tuple[tuple[str, str, str, str, Gender, date, str], ...], prefix: str
) -> list[Candidate]:
    return [
        Candidate(
            key=f"{prefix}{index + 1}",
            initials=initials,
            last_name=last,
            prefix=name_prefix,
            first_name=first,
            gender=gender,
            date_of_birth=born,
            locality=place,
            correspondence=PostalAddress(f"Lindelaan {index + 1}", "9999 BB", place),
            lives_in_area=place == "Demodorp",
        )
        for index, (initials, last, name_prefix, first, gender, born, place) in enumerate(rows)
    ]


def demodorp() -> Election:
    """The gemeenteraad of the fictitious Demodorp, 17 seats, 18 March 2026."""
    return municipal_election("Demodorp", 17, date(2026, 3, 18))


def demo_nomination() -> Nomination:
    """Gemeentebelangen Demodorp for the gemeenteraad of Demodorp.

    A new party (no seats before: H 4 and waarborgsom needed), 14 candidates;
    the first is a sitting member (no ID copy), number 3 lives outside the
    gemeente (vestiging), number 7 lives in Gent, Belgium (gemachtigde).
    """
    candidates = _people(_GR_PEOPLE, "p")
    candidates[0] = replace(candidates[0], is_member=True)
    candidates[6] = replace(
        candidates[6],
        locality="Gent",
        country_code="BE",
        lives_in_area=False,
        correspondence=PostalAddress("Veldstraat 5", "9000", "Gent", "BE"),
        agent=Agent("K.", "Vos", "de", PostalAddress("Dorpsstraat 12", "9999 AA", "Demodorp")),
    )
    party = Party(
        kind=AppellationKind.REGISTERED,
        appellation="Gemeentebelangen Demodorp",
        groups=(StatutoryParty("Vereniging Gemeentebelangen Demodorp", "H. Mulder"),),
        submitter=_submitter(),
        substitutes=_substitutes(),
    )
    the_list = CandidateList("L1", ("1",), tuple(c.key for c in candidates))
    return Nomination(demodorp(), party, tuple(candidates), (the_list,))


def demo_combined_nomination() -> Nomination:
    """GROENLINKS-PvdA in Demodorp: a combined appellation (H 3-2), exempt (seats before)."""
    candidates = _people(_COMBINED_PEOPLE, "c")
    party = Party(
        kind=AppellationKind.COMBINED,
        appellation="GROENLINKS-PvdA",
        groups=(
            StatutoryParty("GroenLinks", "R. Meijer", previous_seats=2),
            StatutoryParty("Partij van de Arbeid", "L. Vos", previous_seats=1),
        ),
        submitter=_submitter(),
        substitutes=_substitutes()[:1],
    )
    the_list = CandidateList("L1", ("1",), tuple(c.key for c in candidates))
    return Nomination(demodorp(), party, tuple(candidates), (the_list,))


def demo_blank_nomination() -> Nomination:
    """A blank list (no appellation) of three candidates: no H 3, always H 4."""
    candidates = _people(_GR_PEOPLE[:3], "b")
    party = Party(kind=AppellationKind.BLANK, submitter=_submitter())
    the_list = CandidateList("L1", ("1",), tuple(c.key for c in candidates))
    return Nomination(demodorp(), party, tuple(candidates), (the_list,))


def demo_tk_nomination(kieskringen: int = 20, candidates: int = 80) -> Nomination:
    """A TK party with one list per kieskring, each with the same ``candidates`` persons.

    The lists differ in who heads them (the lijsttrekker per kieskring rotates),
    so they form a lijstengroep; each person needs one H 9 for all kieskringen.
    """
    election = tweede_kamer_election(date(2029, 3, 21))
    people = []
    for index in range(candidates):
        initials, last, prefix, first, gender, born, place = _GR_PEOPLE[index % len(_GR_PEOPLE)]
        people.append(
            Candidate(
                key=f"t{index + 1}",
                initials=initials,
                last_name=f"{last}{'' if index < len(_GR_PEOPLE) else index + 1}",
                prefix=prefix,
                first_name=first,
                gender=gender,
                date_of_birth=born,
                locality=place,
                correspondence=PostalAddress(f"Lindelaan {index + 1}", "9999 BB", place),
            )
        )
    keys = tuple(c.key for c in people)
    lists = tuple(
        CandidateList(
            f"K{number}",
            (kring.number,),
            (keys[number % len(keys)], *(k for k in keys if k != keys[number % len(keys)])),
            publish_gender=True,
        )
        for number, kring in enumerate(election.kieskringen[:kieskringen])
    )
    party = Party(
        kind=AppellationKind.REGISTERED,
        appellation="Demopartij",
        groups=(StatutoryParty("Vereniging Demopartij", "H. Mulder"),),
        submitter=_submitter(),
        substitutes=_substitutes(),
    )
    return Nomination(election, party, tuple(people), lists)


def demo_ep_nomination() -> Nomination:
    """An EP list: Y 13 for everyone, Y 35 for the Belgian national living in Maastricht."""
    election = european_parliament_election(date(2029, 6, 7))
    people = _people(_GR_PEOPLE[:3], "e")
    people[1] = replace(
        people[1],
        locality="Maastricht",
        nationality="BE",
        place_of_birth="Luik",
        home_state_address="Rue Neuve 8, 4000 Luik, België",
    )
    party = Party(
        kind=AppellationKind.REGISTERED,
        appellation="Demopartij",
        groups=(StatutoryParty("Vereniging Demopartij", "H. Mulder"),),
        submitter=_submitter(),
        substitutes=_substitutes(),
    )
    the_list = CandidateList("EP", ("1",), tuple(c.key for c in people))
    return Nomination(election, party, tuple(people), (the_list,))


def demo_ek_nomination() -> Nomination:
    """An Eerste Kamer list for two provinces: H 4 signed by a member of Provinciale Staten."""
    election = eerste_kamer_election(date(2027, 5, 31))
    people = _people(_GR_PEOPLE[:4], "k")
    party = Party(
        kind=AppellationKind.REGISTERED,
        appellation="Demopartij",
        groups=(StatutoryParty("Vereniging Demopartij", "H. Mulder"),),
        submitter=_submitter(),
        substitutes=_substitutes(),
    )
    the_list = CandidateList("EK", ("1", "2"), tuple(c.key for c in people))
    return Nomination(election, party, tuple(people), (the_list,))


def context_for(
    nomination: Nomination, *, concept: tuple[str, ...] = (), eml_hash: str = DEMO_HASH
) -> RenderContext:
    """The rule inputs as the app computes them from the domain."""
    election = nomination.election
    exempt = exempt_from_support(nomination.party)
    rule = deposit_rule(election.body)
    return RenderContext(
        eml_hash=eml_hash,
        app_version=VERSION,
        created=CREATED,
        h4_required=None
        if exempt
        else {kring.number: support_required(election, kring) for kring in election.kieskringen},
        deposit_cents=0 if exempt or not rule.required else rule.amount_cents or 0,
        deposit_currency=rule.currency,
        dates=election_dates(election),
        concept_reasons=concept,
    )
