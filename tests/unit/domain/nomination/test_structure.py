"""Lijstengroepen, stellen, the 50/80 maximum, H 4 counts and exemption, deposits."""

from __future__ import annotations

import dataclasses

from nomination_factories import gemeente, party, people, single_list, tk

from kandidaat.domain.nomination.elections import builtin_election, municipal_election
from kandidaat.domain.nomination.model import (
    AppellationKind,
    Body,
    CandidateList,
    Kieskring,
    Nomination,
    StatutoryParty,
)
from kandidaat.domain.nomination.structure import (
    ListType,
    deposit_rule,
    euro,
    exempt_from_support,
    list_structure,
    max_candidates,
    support_required,
)


def _tk_nomination(*lists: CandidateList, blank: bool = False) -> Nomination:
    kind = AppellationKind.BLANK if blank else AppellationKind.REGISTERED
    return Nomination(tk(), party(None, kind), people(12), lists)


def _kk(*numbers: int) -> tuple[str, ...]:
    return tuple(str(n) for n in numbers)


def test_h11_one_list_for_all_20_kieskringen_is_a_stel_gelijkluidende_lijsten() -> None:
    nomination = _tk_nomination(CandidateList("a", _kk(*range(1, 21)), ("c1", "c2")))
    structure = list_structure(nomination)
    assert structure.type_of("a") is ListType.SET
    assert structure.type_of("a") == "stel gelijkluidende lijsten"
    assert structure.set_number("a") == 1
    assert structure.deposits == 1


def test_h11_a_tk_party_with_different_lists_in_different_kieskringen_is_a_lijstengroep() -> None:
    # List a for kieskringen 1-10, an identical list b for 11-19 (one stel with a),
    # a different list c for Bonaire: one lijstengroep, one number, one deposit.
    nomination = _tk_nomination(
        CandidateList("a", _kk(*range(1, 11)), ("c1", "c2", "c3")),
        CandidateList("b", _kk(*range(11, 20)), ("c1", "c2", "c3")),
        CandidateList("c", _kk(20), ("c4", "c1")),
    )
    structure = list_structure(nomination)
    assert [unit.kind for unit in structure.units] == [ListType.GROUP]
    assert structure.units[0].sets == (("a", "b"), ("c",))
    assert structure.type_of("c") == "lijstengroep"
    assert structure.set_number("a") == structure.set_number("b") == 1
    assert structure.set_number("c") is None
    assert structure.deposits == 1


def test_h11_a_list_in_one_kieskring_of_a_multi_kieskring_election_stands_alone() -> None:
    nomination = _tk_nomination(CandidateList("a", _kk(3), ("c1",)))
    assert list_structure(nomination).type_of("a") == "op zichzelf staande lijst"


def test_h11_blank_lists_with_different_first_candidates_are_separate_units_h12() -> None:
    nomination = _tk_nomination(
        CandidateList("a", _kk(1), ("c1", "c2")),
        CandidateList("b", _kk(2), ("c1", "c3")),
        CandidateList("c", _kk(3), ("c5", "c6")),
        blank=True,
    )
    structure = list_structure(nomination)
    assert [unit.kind for unit in structure.units] == [ListType.GROUP, ListType.STANDALONE]
    assert structure.deposits == 2


def test_a_gemeenteraad_list_is_a_standalone_list() -> None:
    nomination = single_list(people(5))
    structure = list_structure(nomination)
    assert structure.type_of("L1") is ListType.STANDALONE
    assert structure.deposits == 1


def test_h6_lid2_the_maximum_is_50_and_80_from_16_previous_seats() -> None:
    assert max_candidates(party(None)) == 50
    assert max_candidates(party(15)) == 50
    assert max_candidates(party(16)) == 80
    assert max_candidates(party(40, AppellationKind.BLANK)) == 50


def test_h6_lid2_a_combined_appellation_takes_the_highest_group_not_the_sum() -> None:
    groups = (StatutoryParty("A", "x", 10), StatutoryParty("B", "y", 9))
    combined = party(None, AppellationKind.COMBINED, "A/B", groups)
    assert max_candidates(combined) == 50
    bigger = dataclasses.replace(combined, groups=(StatutoryParty("A", "x", 16), groups[1]))
    assert max_candidates(bigger) == 80


def test_h4_lid8_one_previous_seat_exempts_and_a_blank_list_never_is() -> None:
    assert exempt_from_support(party(1))
    assert not exempt_from_support(party(0))
    assert not exempt_from_support(party(None))
    assert not exempt_from_support(party(12, AppellationKind.BLANK))
    groups = (StatutoryParty("A", "x", 0), StatutoryParty("B", "y", 1))
    assert exempt_from_support(party(None, AppellationKind.COMBINED, "A/B", groups))


def test_h4_lid1_required_declarations_per_body_and_kieskring() -> None:
    election = tk()
    assert support_required(election, election.kieskringen[0]) == 30
    assert support_required(election, Kieskring("20", "Bonaire")) == 10
    for seats, needed in ((17, 10), (18, 10), (19, 20), (38, 20), (39, 30), (45, 30)):
        gr = municipal_election("Utrecht", seats, gemeente().election_date)
        assert support_required(gr, gr.kieskringen[0]) == needed, seats


def test_h4_eerste_kamer_needs_one_declaration_of_a_member_per_province_r2() -> None:
    ek = builtin_election("EK2027")
    assert {support_required(ek, k) for k in ek.kieskringen} == {1}


def test_h12_h13_h14_deposit_amounts_are_exact_euro_cents() -> None:
    assert deposit_rule(Body.TK).amount_cents == 1_125_000
    assert deposit_rule(Body.EP).amount_cents == 1_125_000
    assert deposit_rule(Body.PS).amount_cents == 112_500
    assert deposit_rule(Body.AB).amount_cents == 22_500
    assert deposit_rule(Body.GR).amount_cents == 22_500
    assert not deposit_rule(Body.EK).required
    assert deposit_rule(Body.ER).currency == "USD"
    assert euro(1_125_000) == "€ 11.250,00"
    assert euro(22_500) == "€ 225,00"
