"""Nominations for the store tests: one with every field filled, and a hypothesis strategy."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from kandidaat.domain.nomination.model import (
    Agent,
    AppellationKind,
    Body,
    Candidate,
    CandidateList,
    Election,
    Gender,
    Kieskring,
    Nomination,
    Party,
    PostalAddress,
    StatutoryParty,
    Submitter,
)

ELECTION = Election(
    body=Body.PS,
    identifier="PS2027_Fryslan",
    name="Provinciale Staten van Fryslân 2027",
    election_date=date(2027, 3, 17),
    seats=43,
    kieskringen=(Kieskring("1", "Leeuwarden"), Kieskring("2", "Sneek")),
    area_name="Fryslân",
    area_code="PV21",
    frisian=True,
    nomination_date=date(2027, 2, 1),
    term_years=4,
)

PARTY = Party(
    kind=AppellationKind.COMBINED,
    appellation="GROEN/Lokaal",
    groups=(
        StatutoryParty("Vereniging Groen Fryslân", "A. de Boer", previous_seats=2),
        StatutoryParty("Lokaal Belang", "B. Hoekstra", previous_seats=None),
    ),
    previous_seats=3,
    submitter=Submitter(
        "J.", "Visser", "de", PostalAddress("Kerkstraat 1", "8911 AA", "Leeuwarden")
    ),
    substitutes=(
        Submitter("P.", "Dijkstra", address=PostalAddress("Dorpsweg 2", "8600 AB", "Sneek")),
        Submitter("K.", "Berg", "van den", PostalAddress("Rue 3", "1000", "Bruxelles", "BE")),
    ),
)

RESIDENT = Candidate(
    key="p-1",
    initials="A.B.",
    last_name="Çelik",
    first_name="Ayşe",
    gender=Gender.FEMALE,
    date_of_birth=date(1980, 2, 29),
    locality="Leeuwarden",
    bsn="111222333",
    correspondence=PostalAddress("Nieuwestad 10", "8911 CM", "Leeuwarden"),
    lives_in_area=True,
    is_member=True,
)
ABROAD = Candidate(
    key="p-2",
    initials="W.",
    last_name="Vries",
    prefix="de",
    gender=Gender.MALE,
    date_of_birth=date(1959, 12, 31),
    locality="Antwerpen",
    country_code="BE",
    agent=Agent("M.", "Jansen", "", PostalAddress("Markt 5", "8601 AA", "Sneek")),
    lives_in_area=False,
    settlement_areas=("Fryslân",),
    nationality="BE",
    place_of_birth="Gent",
    home_state_address="Meir 1, 2000 Antwerpen",
)
PLAIN = Candidate(key="p-3", initials="Q.", last_name="Zwart")

NOMINATION = Nomination(
    election=ELECTION,
    party=PARTY,
    candidates=(RESIDENT, ABROAD, PLAIN),
    lists=(
        CandidateList("lijst-1", ("1",), ("p-1", "p-2", "p-3"), publish_gender=True, language="fy"),
        CandidateList("lijst-2", ("2", "1"), ("p-3", "p-1")),
    ),
)

# -- hypothesis --------------------------------------------------------------------

# Any character a person can type: no control characters, surrogates, unassigned
# code points or non-characters (those are refused at input, ADR 0034); the
# bidirectional overrides (category Cf) are refused as well.
_chars = st.characters(exclude_categories=("Cc", "Cs", "Cn", "Cf"))
_text = st.text(alphabet=_chars, max_size=10)
_short = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ.", max_size=6)
_dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
_dutch_postcodes = st.from_regex(r"[1-9][0-9]{3} (A[A-Z]|B[A-Z])", fullmatch=True)
_addresses = st.one_of(
    st.builds(
        PostalAddress, _text, st.just("") | _dutch_postcodes, _text, st.sampled_from(["NL", ""])
    ),
    st.builds(PostalAddress, _text, _text, _text, st.sampled_from(["BE", "DE", "BQ"])),
)
_counts = st.none() | st.integers(min_value=0, max_value=150)


def _candidate(key: str) -> st.SearchStrategy[Candidate]:
    return st.builds(
        Candidate,
        key=st.just(key),
        initials=_short,
        last_name=_text,
        prefix=_text,
        first_name=_text,
        gender=st.none() | st.sampled_from(Gender),
        date_of_birth=st.none() | _dates,
        locality=_text,
        country_code=st.sampled_from(["NL", "BE", "BQ", ""]),
        bsn=_text,
        correspondence=st.none() | _addresses,
        agent=st.none() | st.builds(Agent, _short, _text, _text, _addresses),
        lives_in_area=st.none() | st.booleans(),
        settlement_areas=st.lists(_text, max_size=3).map(tuple),
        is_member=st.booleans(),
        nationality=st.sampled_from(["NL", "DE", ""]),
        place_of_birth=_text,
        home_state_address=_text,
    )


@st.composite
def nominations(draw: st.DrawFn) -> Nomination:
    """Any nomination the store must keep exactly: every field, any text, any order."""
    numbers = draw(st.lists(_text, unique=True, max_size=4))
    election = Election(
        body=draw(st.sampled_from(Body)),
        identifier=draw(_text),
        name=draw(_text),
        election_date=draw(_dates),
        seats=draw(st.integers(min_value=0, max_value=150)),
        kieskringen=tuple(Kieskring(number, draw(_text)) for number in numbers),
        area_name=draw(st.none() | _text),
        area_code=draw(st.none() | _text),
        frisian=draw(st.booleans()),
        nomination_date=draw(st.none() | _dates),
        term_years=draw(st.integers(min_value=-(2**62), max_value=2**62)),
    )
    submitters = st.builds(Submitter, _short, _text, _text, _addresses)
    party = Party(
        kind=draw(st.sampled_from(AppellationKind)),
        appellation=draw(_text),
        groups=tuple(draw(st.lists(st.builds(StatutoryParty, _text, _text, _counts), max_size=3))),
        previous_seats=draw(_counts),
        submitter=draw(st.none() | submitters),
        substitutes=tuple(draw(st.lists(submitters, max_size=3))),
    )
    keys = draw(st.lists(st.text(alphabet=_chars, min_size=1, max_size=8), unique=True, max_size=6))
    candidates = tuple(draw(_candidate(key)) for key in keys)
    list_keys = draw(
        st.lists(st.text(alphabet=_chars, min_size=1, max_size=8), unique=True, max_size=3)
    )
    lists = tuple(
        CandidateList(
            key=key,
            kieskringen=tuple(draw(st.lists(_text, max_size=3))),
            candidates=tuple(draw(st.lists(st.sampled_from(keys), max_size=8))) if keys else (),
            publish_gender=draw(st.booleans()),
            language=draw(_text),
        )
        for key in list_keys
    )
    return Nomination(election=election, party=party, candidates=candidates, lists=lists)
