"""The Kieswet checks of a nomination: one test per check, the article in the name."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pytest
from nomination_factories import (
    BEFORE_NOMINATION,
    UTRECHT,
    ep,
    gemeente,
    party,
    people,
    person,
    single_list,
    tk,
)

from kandidaat.domain.nomination.checks import CHECKS, run_checks
from kandidaat.domain.nomination.elections import (
    builtin_election,
    island_election,
    municipal_election,
    provincial_election,
    waterschap_election,
)
from kandidaat.domain.nomination.findings import Finding, Severity
from kandidaat.domain.nomination.model import (
    Agent,
    AppellationKind,
    CandidateList,
    Gender,
    Nomination,
    PostalAddress,
    StatutoryParty,
    Submitter,
)

TK_BEFORE = date(2025, 7, 1)


def _run(nomination: Nomination, today: date = BEFORE_NOMINATION) -> tuple[Finding, ...]:
    return run_checks(nomination, today=today)


def _with(nomination: Nomination, code: str, today: date = BEFORE_NOMINATION) -> list[Finding]:
    return [f for f in _run(nomination, today) if f.code == code]


def _one(nomination: Nomination, code: str, today: date = BEFORE_NOMINATION) -> Finding:
    found = _with(nomination, code, today)
    assert len(found) == 1, [f.message for f in _run(nomination, today)]
    return found[0]


def _problems(nomination: Nomination, today: date = BEFORE_NOMINATION) -> list[str]:
    return [f.code for f in _run(nomination, today) if f.severity is not Severity.INFO]


def _tk_nomination(*lists: CandidateList, count: int = 12, seats: int | None = 2) -> Nomination:
    return Nomination(tk(), party(seats), people(count), lists)


def _kk(*numbers: int) -> tuple[str, ...]:
    return tuple(str(n) for n in numbers)


# A complete nomination --------------------------------------------------------------


def test_a_complete_gemeenteraad_nomination_has_no_errors_or_warnings() -> None:
    assert _problems(single_list(people(20))) == []


def test_a_complete_tk_lijstengroep_has_no_errors_or_warnings() -> None:
    nomination = _tk_nomination(
        CandidateList("a", _kk(*range(1, 20)), ("c1", "c2", "c3")),
        CandidateList("b", _kk(20), ("c4", "c1")),
    )
    assert _problems(nomination, TK_BEFORE) == []


def test_every_finding_has_a_dutch_message_and_a_kieswet_or_kiesbesluit_article() -> None:
    broken = single_list(
        (person("x", "de Vries", "PJ", date_of_birth=None, bsn="123", correspondence=None),),
        the_party=dataclasses.replace(party(None), submitter=None, substitutes=()),
    )
    findings = _run(broken)
    assert len(findings) > 5
    for finding in findings:
        assert finding.article.startswith(("Kieswet ", "Kiesbesluit ")), finding
        assert finding.message.endswith("."), finding.message
        assert finding.message[0].isupper(), finding.message
    assert len(CHECKS) >= 20


# Lists --------------------------------------------------------------------------------


def test_h1_lid1_a_nomination_without_lists_is_an_error() -> None:
    nomination = Nomination(gemeente(), party(), people(3), ())
    finding = _one(nomination, "no-lists")
    assert finding.severity is Severity.ERROR
    assert finding.article == "Kieswet H 1 lid 1"


def test_h6_lid1_a_list_without_candidates_is_an_error() -> None:
    finding = _one(single_list(()), "list-without-candidates")
    assert finding.severity is Severity.ERROR
    assert finding.message == "Lijst 1 heeft geen kandidaten."
    assert finding.list_key == "L1"


def test_h2_a_tk_list_without_kieskringen_or_with_an_unknown_one_is_an_error() -> None:
    empty = _tk_nomination(CandidateList("a", (), ("c1",)))
    assert _one(empty, "list-without-kieskringen", TK_BEFORE).message == (
        "Lijst 1 (geen kieskring) is voor geen enkele kieskring ingediend."
    )
    unknown = _tk_nomination(CandidateList("a", _kk(21), ("c1",)))
    assert "kieskring 21" in _one(unknown, "unknown-kieskring", TK_BEFORE).message


def test_i6_lid2_two_lists_of_one_party_for_the_same_kieskring_are_an_error() -> None:
    nomination = _tk_nomination(
        CandidateList("a", _kk(1, 2, 3), ("c1", "c2")),
        CandidateList("b", _kk(3, 4), ("c3", "c4")),
    )
    finding = _one(nomination, "duplicate-kieskring", TK_BEFORE)
    assert finding.severity is Severity.ERROR
    assert finding.article == "Kieswet I 6 lid 2"
    assert finding.message == (
        "Lijst 2 (kieskringen 3 Assen, 4 Zwolle) is ingediend voor kieskring 3 Assen, "
        "waarvoor ook lijst 1 is ingediend."
    )


def test_h11_a_tk_party_is_told_its_lists_form_one_lijstengroep() -> None:
    nomination = _tk_nomination(
        CandidateList("a", _kk(*range(1, 11)), ("c1", "c2")),
        CandidateList("b", _kk(*range(11, 20)), ("c1", "c2")),
        CandidateList("c", _kk(20), ("c3",)),
    )
    finding = _one(nomination, "list-structure", TK_BEFORE)
    assert finding.article == "Kieswet H 11"
    assert finding.message.startswith("Lijsten 1, 2, 3 vormen samen een lijstengroep")


# Maximum ------------------------------------------------------------------------------


def test_h6_lid2_a_list_of_51_candidates_without_16_previous_seats_is_too_long() -> None:
    nomination = single_list(people(51), the_party=party(15))
    finding = _one(nomination, "too-many-candidates")
    assert finding.severity is Severity.ERROR
    assert finding.article == "Kieswet H 6 lid 2"
    assert "Lijst 1 telt 51 kandidaten; ten hoogste 50" in finding.message
    assert "vanaf nummer 51" in finding.advice
    assert _with(single_list(people(50), the_party=party(15)), "too-many-candidates") == []


def test_h6_lid2_after_16_previous_seats_80_candidates_are_allowed_and_81_are_not() -> None:
    assert _with(single_list(people(80), the_party=party(16)), "too-many-candidates") == []
    finding = _one(single_list(people(81), the_party=party(16)), "too-many-candidates")
    assert "ten hoogste 80" in finding.message
    assert "16 zetels" in finding.message


def test_h6_lid2_a_blank_list_may_have_50_candidates_at_most() -> None:
    blank = party(None, AppellationKind.BLANK)
    finding = _one(single_list(people(51), the_party=blank), "too-many-candidates")
    assert "blanco lijst" in finding.message


def test_h6_lid2_an_unknown_previous_result_is_assumed_to_be_none() -> None:
    finding = _one(single_list(people(3), the_party=party(None)), "previous-result-unknown")
    assert finding.severity is Severity.INFO
    assert _with(single_list(people(3), the_party=party(0)), "previous-result-unknown") == []


# Support declarations -----------------------------------------------------------------


def test_h4_lid1_a_new_tk_party_needs_30_per_kieskring_and_10_in_bonaire() -> None:
    nomination = _tk_nomination(CandidateList("a", _kk(*range(1, 21)), ("c1",)), seats=0)
    finding = _one(nomination, "support-required", TK_BEFORE)
    assert finding.article == "Kieswet H 4 lid 1"
    assert finding.message.startswith("Lijst 1 (alle kieskringen): per kieskring")
    assert "kieskring 1 Groningen: 30" in finding.message
    assert "kieskring 20 Bonaire: 10" in finding.message
    assert "samen 580" in finding.message
    assert "van 1 september 2025 tot en met 15 september 2025" in finding.message


@pytest.mark.parametrize(("seats", "needed"), [(17, 10), (19, 20), (38, 20), (39, 30)])
def test_h4_lid1_a_new_gemeenteraad_list_needs_10_20_or_30_declarations(
    seats: int, needed: int
) -> None:
    nomination = single_list(people(3), election=gemeente(seats), the_party=party(0))
    finding = _one(nomination, "support-required")
    assert finding.message.startswith(
        f"Lijst 1: {needed} ondersteuningsverklaringen nodig van kiezers in Utrecht."
    )


def test_h4_lid8_a_party_with_one_previous_seat_is_exempt() -> None:
    finding = _one(single_list(people(3), the_party=party(1)), "support-exempt")
    assert finding.article == "Kieswet H 4 lid 8"
    assert "1 zetel." in finding.message
    assert _with(single_list(people(3), the_party=party(1)), "support-required") == []


def test_h4_lid8_a_combined_appellation_is_exempt_when_one_group_won_a_seat() -> None:
    groups = (
        StatutoryParty("Vereniging A", "A. Aa", 0),
        StatutoryParty("Vereniging B", "B. Bb", 1),
    )
    combined = party(None, AppellationKind.COMBINED, "A / B", groups)
    assert _with(single_list(people(3), the_party=combined), "support-exempt")


def test_h4_lid8_a_blank_list_is_never_exempt() -> None:
    blank = party(7, AppellationKind.BLANK)
    assert _with(single_list(people(3), the_party=blank), "support-required")
    assert _with(single_list(people(3), the_party=blank), "deposit-required")


def test_r2_an_eerste_kamer_list_needs_one_declaration_of_a_member_per_province() -> None:
    ek = builtin_election("EK2027")
    nomination = single_list(people(3), election=ek, the_party=party(0))
    finding = _one(nomination, "support-required", date(2027, 1, 4))
    assert finding.article == "Kieswet R 2"
    assert "(16 in totaal)" in finding.message


# Deposit ------------------------------------------------------------------------------


def test_h14_a_new_gemeenteraad_party_pays_225_euro_received_14_days_before_nomination() -> None:
    finding = _one(single_list(people(3), the_party=party(0)), "deposit-required")
    assert finding.article == "Kieswet H 14 lid 1"
    assert finding.message == (
        "Waarborgsom voor lijst 1 (op zichzelf staande lijst): € 225,00. De betaling moet "
        "uiterlijk op 19 januari 2026 zijn ontvangen, met vermelding 'waarborgsom "
        "kandidaatstelling'."
    )


def test_h12_a_tk_lijstengroep_pays_one_deposit_of_11250_euro() -> None:
    nomination = _tk_nomination(
        CandidateList("a", _kk(*range(1, 20)), ("c1", "c2")),
        CandidateList("b", _kk(20), ("c3",)),
        seats=0,
    )
    finding = _one(nomination, "deposit-required", TK_BEFORE)
    assert finding.article == "Kieswet H 12 lid 1"
    assert "de lijsten 1, 2 (lijstengroep): € 11.250,00" in finding.message


def test_h13_provinciale_staten_deposit_and_h12_lid2_exemption() -> None:
    ps = provincial_election("Drenthe", date(2027, 3, 17))
    finding = _one(single_list(people(2), election=ps, the_party=party(0)), "deposit-required")
    assert "€ 1.125,00" in finding.message
    exempt = _one(single_list(people(2), election=ps, the_party=party(4)), "deposit-exempt")
    assert exempt.article == "Kieswet H 13 lid 2"


def test_the_eerste_kamer_has_no_deposit() -> None:
    ek = builtin_election("EK2027")
    findings = _run(single_list(people(2), election=ek, the_party=party(0)), date(2027, 1, 4))
    assert not [f for f in findings if f.code.startswith("deposit")]


# Appellation --------------------------------------------------------------------------


def test_h3_lid1_a_registered_list_without_appellation_is_an_error() -> None:
    nomination = single_list(people(2), the_party=party(appellation=""))
    finding = _one(nomination, "appellation-missing")
    assert finding.severity is Severity.ERROR
    assert finding.field == "appellation"


def test_g1_lid4_an_appellation_of_36_characters_without_spaces_is_too_long() -> None:
    long_name = party(appellation="Partij voor de Toekomst van Nederland 2030")
    finding = _one(single_list(people(2), the_party=long_name), "appellation-too-long")
    assert finding.article == "Kieswet G 1 lid 4"
    assert finding.message.startswith("De aanduiding 'Partij voor de Toekomst")


def test_h3_lid2_a_combined_appellation_needs_two_groups_and_model_h3_2() -> None:
    one = (StatutoryParty("Vereniging A", "A. Aa", 0),)
    nomination = single_list(people(2), the_party=party(0, AppellationKind.COMBINED, "A/B", one))
    assert _one(nomination, "combined-needs-two-groups").article == "Kieswet H 3 lid 2"
    two = (*one, StatutoryParty("Vereniging B", "B. Bb", 0))
    fine = single_list(people(2), the_party=party(0, AppellationKind.COMBINED, "A/B", two))
    assert _with(fine, "combined-needs-two-groups") == []
    model = _one(fine, "authorisation-model")
    assert "model H 3-2" in model.message
    assert "de gemachtigde van elke groepering" in model.message


def test_h3_lid1_a_registered_appellation_needs_model_h3_1_with_name_and_gemachtigde() -> None:
    fine = single_list(people(2))
    assert "model H 3-1" in _one(fine, "authorisation-model").message
    no_agent = party(groups=(StatutoryParty("Vereniging Partij voor Test", ""),))
    finding = _one(single_list(people(2), the_party=no_agent), "group-agent-missing")
    assert finding.severity is Severity.WARNING
    assert "Vereniging Partij voor Test" in finding.message
    nameless = party(groups=(StatutoryParty("", "M. de Wit"),))
    assert _with(single_list(people(2), the_party=nameless), "statutory-name-missing")
    two = party(groups=(StatutoryParty("A", "a"), StatutoryParty("B", "b")))
    assert _one(single_list(people(2), the_party=two), "too-many-groups").severity is (
        Severity.ERROR
    )


def test_h3_a_blank_list_needs_no_authorisation() -> None:
    blank = single_list(people(2), the_party=party(None, AppellationKind.BLANK))
    codes = [f.code for f in _run(blank)]
    assert "authorisation-model" not in codes
    assert "appellation-missing" not in codes


# Candidate data -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "empty", "words"),
    [
        ("initials", "", "de voorletters"),
        ("last_name", "", "de achternaam"),
        ("date_of_birth", None, "de geboortedatum"),
        ("locality", "", "de woonplaats"),
    ],
)
def test_kb_h2_lid1_missing_required_data_makes_the_list_not_per_model(
    field: str, empty: Any, words: str
) -> None:
    incomplete = dataclasses.replace(person("x", "Dekker", "R."), **{field: empty})
    candidates = (*people(1), incomplete)
    finding = _one(single_list(candidates), "candidate-data-missing")
    assert finding.severity is Severity.ERROR
    assert finding.article == "Kiesbesluit H 2 lid 1"
    assert finding.candidate_key == "x"
    assert finding.field == field
    assert f"ontbreekt {words}." in finding.message
    assert "I 5 onder d" in finding.advice


def test_kb_h2_lid1_naming_rules_name_the_candidate_and_the_field() -> None:
    candidates = (*people(1), person("x", "de Vries", "PJ", first_name="(Piet)"))
    nomination = single_list(candidates)
    finding = _one(nomination, "initials-format")
    assert finding.message.startswith("Bij kandidaat 2, de Vries, PJ: de voorletters 'PJ'")
    assert finding.field == "initials"
    assert _one(nomination, "last-name-starts-with-prefix").severity is Severity.ERROR
    assert _one(nomination, "first-name-implausible").severity is Severity.WARNING


def test_kb_h2_lid1_names_with_diacritics_pass_and_vietnamese_gives_a_warning() -> None:
    candidates = (
        person("a", "Çelik", "A.", bsn="111222333"),
        person("b", "Đurić", "B.", bsn="123456782"),
        person("c", "Wiśniewska", "C.", bsn=""),
        person("d", "Ødegård", "D.", bsn=""),
        person("e", "Nguyễn", "E.", bsn=""),
    )
    nomination = single_list(candidates)
    assert [f.candidate_key for f in _with(nomination, "name-outside-brp-characters")] == ["e"]
    naming = {"name-invalid-characters", "initials-format", "last-name-starts-with-prefix"}
    assert not [f for f in _run(nomination) if f.code in naming]


def test_h9_lid1_an_invalid_bsn_is_an_error_and_a_missing_bsn_a_warning() -> None:
    candidates = (person("a", "Jansen", bsn="111222334"), person("b", "Bakker", bsn=""))
    nomination = single_list(candidates)
    invalid = _one(nomination, "bsn-invalid")
    assert invalid.severity is Severity.ERROR
    assert "elfproef" in invalid.message
    assert _one(nomination, "bsn-missing").severity is Severity.WARNING


def test_kb_h2_lid4_a_list_that_prints_gender_needs_m_or_v_for_everyone() -> None:
    candidates = (person("a", "Jansen", gender=Gender.MALE), person("b", "Bakker", bsn=""))
    nomination = single_list(candidates, publish_gender=True)
    finding = _one(nomination, "gender-missing")
    assert finding.message == (
        "Lijst 1 vermeldt het geslacht, maar bij kandidaat 2, Bakker, P. ontbreekt het."
    )
    assert _with(single_list(candidates), "gender-missing") == []


def test_kb_h2_lid5_frisian_is_allowed_in_a_frisian_municipality_only() -> None:
    fryslan = municipal_election("Leeuwarden", 39, date(2026, 3, 18), "0080")
    assert (
        _with(single_list(people(2), election=fryslan, language="fy"), "frisian-not-allowed") == []
    )
    finding = _one(single_list(people(2), language="fy"), "frisian-not-allowed")
    assert finding.article == "Kiesbesluit H 2 lid 5"
    assert _one(single_list(people(2), language="en"), "unknown-language").field == "language"


# Age ----------------------------------------------------------------------------------


def test_h7_lid1_a_candidate_who_turns_18_on_the_last_day_of_the_term_may_stand() -> None:
    # GR 18 March 2026: the term ends on 17 March 2030 (ADR 0023).
    born = date(2012, 3, 17)
    nomination = single_list((person("a", date_of_birth=born),))
    assert _with(nomination, "too-young") == []


def test_h7_lid1_a_candidate_who_turns_18_the_day_after_the_term_is_struck() -> None:
    nomination = single_list((person("a", date_of_birth=date(2012, 3, 18)),))
    finding = _one(nomination, "too-young")
    assert finding.severity is Severity.ERROR
    assert finding.article == "Kieswet H 7 lid 1"
    assert finding.message == (
        "Kandidaat 1, Jansen, P. wordt pas op 18 maart 2030 18 jaar, na het einde van de "
        "zittingsperiode (17 maart 2030)."
    )


def test_h7_lid1_the_ep_term_is_five_years() -> None:
    # EP 24 May 2029: term until 23 May 2034.
    ok = single_list((person("a", date_of_birth=date(2016, 5, 23)),), election=ep())
    assert _with(ok, "too-young", date(2029, 1, 1)) == []


def test_kb_h2_a_date_of_birth_in_the_future_is_an_error_and_over_110_years_a_warning() -> None:
    future = single_list((person("a", date_of_birth=date(2026, 6, 1)),))
    assert _one(future, "date-of-birth-in-future").severity is Severity.ERROR
    ancient = single_list((person("a", date_of_birth=date(1915, 1, 1)),))
    assert _one(ancient, "date-of-birth-implausible").severity is Severity.WARNING


# Duplicates ---------------------------------------------------------------------------


def test_h7_lid2_the_same_person_twice_on_one_list_is_an_error() -> None:
    candidates = people(3)
    nomination = Nomination(
        gemeente(), party(), candidates, (CandidateList("L1", ("1",), ("c1", "c2", "c1")),)
    )
    finding = _one(nomination, "candidate-twice")
    assert finding.article == "Kieswet H 7 lid 2"
    assert "staat op lijst 1 zowel op plaats 1 als op plaats 3" in finding.message


def test_h7_lid2_the_same_person_on_two_lists_for_one_kieskring_is_an_error() -> None:
    twin = dataclasses.replace(people(1)[0], key="twin")  # same BSN, second address-book entry
    candidates = (*people(4), twin)
    nomination = Nomination(
        tk(),
        party(),
        candidates,
        (
            CandidateList("a", _kk(1, 2), ("c1", "c2")),
            CandidateList("b", _kk(2, 3), ("c3", "twin")),
        ),
    )
    finding = _one(nomination, "candidate-on-two-lists", TK_BEFORE)
    assert finding.severity is Severity.ERROR
    assert "op plaats 1 van lijst 1 (kieskringen 1 Groningen, 2 Leeuwarden)" in finding.message
    apart = dataclasses.replace(
        nomination,
        lists=(
            CandidateList("a", _kk(1), ("c1", "c2")),
            CandidateList("b", _kk(3), ("c3", "c1")),
        ),
    )
    assert _with(apart, "candidate-on-two-lists", TK_BEFORE) == []


# Residence ----------------------------------------------------------------------------


def test_h7_lid3_a_non_resident_gr_candidate_needs_a_verklaring_voorgenomen_vestiging() -> None:
    outsider = person("a", locality="Zeist", lives_in_area=False)
    finding = _one(single_list((outsider,)), "settlement-declaration-missing")
    assert finding.severity is Severity.WARNING
    assert finding.article == "Kieswet H 7 lid 3"
    assert "woont niet in de gemeente Utrecht" in finding.message
    declared = dataclasses.replace(outsider, settlement_areas=("Utrecht",))
    assert _with(single_list((declared,)), "settlement-declaration-missing") == []
    assert _one(single_list((declared,)), "settlement-declaration").severity is Severity.INFO


def test_h7_lid3_a_woonplaats_other_than_the_area_asks_the_user_to_confirm() -> None:
    unknown = single_list((person("a", locality="De Meern"),))
    finding = _one(unknown, "residence-unknown")
    assert "(woonplaats De Meern)" in finding.message
    confirmed = single_list((person("a", locality="De Meern", lives_in_area=True),))
    assert _with(confirmed, "residence-unknown") == []


def test_i6_lid1_a_verklaring_for_two_areas_is_fatal() -> None:
    duwer = person("a", locality="Zeist", lives_in_area=False, settlement_areas=("Utrecht", "Ede"))
    finding = _one(single_list((duwer,)), "settlement-in-two-areas")
    assert finding.severity is Severity.ERROR
    assert finding.article == "Kieswet I 6 lid 1"


def test_h7_lid3_does_not_apply_to_the_tweede_kamer() -> None:
    nomination = _tk_nomination(CandidateList("a", _kk(1), ("c1",)))
    codes = [f.code for f in _run(nomination, TK_BEFORE)]
    assert not [c for c in codes if c.startswith(("settlement", "residence"))]


def test_h10_a_candidate_abroad_or_on_bonaire_needs_a_gemachtigde_in_european_nl() -> None:
    abroad = person("a", locality="Antwerpen", country_code="BE", correspondence=None)
    bonaire = person("b", "Bakker", locality="Kralendijk", country_code="BQ", correspondence=None)
    nomination = _tk_nomination(CandidateList("x", _kk(1), ("a", "b")))
    nomination = dataclasses.replace(nomination, candidates=(abroad, bonaire))
    missing = _with(nomination, "agent-missing", TK_BEFORE)
    assert [f.candidate_key for f in missing] == ["a", "b"]
    assert missing[0].article == "Kieswet H 10"
    assert "(BE)" in missing[0].message
    agent_abroad = Agent("Q.", "Quist", address=PostalAddress("Rue 1", "", "Gent", "BE"))
    fixed = dataclasses.replace(
        nomination, candidates=(dataclasses.replace(abroad, agent=agent_abroad), bonaire)
    )
    assert _one(fixed, "agent-address", TK_BEFORE).candidate_key == "a"
    assert _with(nomination, "correspondence-address", TK_BEFORE) == []


def test_h10_an_islander_standing_for_the_own_eilandsraad_needs_no_gemachtigde() -> None:
    er = island_election("Bonaire", date(2027, 3, 17))
    islander = person("a", locality="Kralendijk", country_code="BQ")
    nomination = single_list((islander,), election=er)
    assert _with(nomination, "agent-missing", date(2027, 1, 4)) == []


def test_h9_lid1_a_resident_without_correspondence_address_gets_a_warning() -> None:
    candidates = (
        person("a", correspondence=None),
        person("b", "Bakker", correspondence=PostalAddress("", "", "Utrecht")),
    )
    findings = _with(single_list(candidates), "correspondence-address")
    assert [f.message for f in findings] == [
        "Het correspondentieadres van kandidaat 1, Jansen, P. ontbreekt.",
        "Het correspondentieadres van kandidaat 2, Bakker, P. is onvolledig.",
    ]
    assert {f.article for f in findings} == {"Kieswet H 9 lid 1"}


# Submitters, documents ----------------------------------------------------------------


def test_h1_lid1_a_nomination_without_lijstinleveraar_is_an_error() -> None:
    no_submitter = dataclasses.replace(party(), submitter=None)
    finding = _one(single_list(people(2), the_party=no_submitter), "submitter-missing")
    assert finding.severity is Severity.ERROR
    incomplete = dataclasses.replace(party(), submitter=Submitter("K.", "Groot"))
    assert _with(single_list(people(2), the_party=incomplete), "submitter-address")


def test_h5_no_vervanger_is_a_warning_because_eml_210_needs_two_proposers() -> None:
    none = dataclasses.replace(party(), substitutes=())
    finding = _one(single_list(people(2), the_party=none), "no-substitute")
    assert finding.severity is Severity.WARNING
    assert finding.article == "Kieswet H 5"
    assert "210" in finding.advice
    nameless = dataclasses.replace(party(), substitutes=(Submitter("", "", address=UTRECHT),))
    assert _with(single_list(people(2), the_party=nameless), "substitute-incomplete")


def test_h9_lid3_a_copy_of_id_is_needed_for_candidates_who_are_not_members() -> None:
    candidates = (person("a", is_member=True), person("b", "Bakker", bsn=""))
    finding = _one(single_list(candidates), "id-copy-needed")
    assert finding.message == (
        "Voor 1 kandidaat is een kopie van een geldig identiteitsbewijs nodig bij de "
        "instemmingsverklaring: Bakker, P."
    )


def test_y13_every_ep_candidate_and_y35_the_nationals_of_another_member_state() -> None:
    candidates = (
        person("a"),
        person("b", "Dupont", nationality="BE", place_of_birth="Luik", home_state_address=""),
    )
    nomination = single_list(candidates, election=ep())
    today = date(2029, 1, 1)
    assert _one(nomination, "y13-needed", today).message.startswith("Alle 2 kandidaten")
    y35 = _one(nomination, "y35-needed", today)
    assert y35.article == "Kieswet Y 35 lid 1"
    assert "Dupont, P. (BE)" in y35.message
    assert _one(nomination, "y35-data-missing", today).candidate_key == "b"
    assert _with(single_list(candidates), "y13-needed") == []


def test_y4_a_non_eu_national_on_an_ep_list_gets_a_warning() -> None:
    nomination = single_list((person("a", nationality="US"),), election=ep())
    assert _one(nomination, "ep-nationality", date(2029, 1, 1)).article == "Kieswet Y 4"


# Deadlines ----------------------------------------------------------------------------


def test_h1_lid1_after_nomination_day_no_list_can_be_handed_in() -> None:
    finding = _one(single_list(people(2)), "nomination-day-passed", date(2026, 2, 3))
    assert finding.severity is Severity.ERROR
    assert "(2 februari 2026) is voorbij" in finding.message
    today = _one(single_list(people(2)), "nomination-day-today", date(2026, 2, 2))
    assert today.severity is Severity.WARNING


def test_kb_h3_lid1_a_deposit_not_received_14_days_before_nomination_is_a_warning() -> None:
    nomination = single_list(people(2), the_party=party(0))
    assert _with(nomination, "deposit-deadline-passed", date(2026, 1, 19)) == []
    finding = _one(nomination, "deposit-deadline-passed", date(2026, 1, 20))
    assert finding.article == "Kiesbesluit H 3 lid 1"
    exempt = single_list(people(2), the_party=party(2))
    assert _with(exempt, "deposit-deadline-passed", date(2026, 1, 20)) == []


def test_g1_lid1_after_the_registration_deadline_only_a_registered_name_can_be_used() -> None:
    assert _with(single_list(people(2)), "registration-closed", date(2025, 12, 22)) == []
    closed = _one(single_list(people(2)), "registration-closed", date(2025, 12, 23))
    assert "22 december 2025" in closed.message


def test_q5_an_ek_election_without_its_nomination_day_is_reported_not_raised() -> None:
    ek = dataclasses.replace(builtin_election("EK2027"), election_date=date(2027, 3, 2))
    ek = dataclasses.replace(ek, nomination_date=None)
    finding = _one(single_list(people(2), election=ek), "dates-unknown")
    assert "Q 5" in finding.message


# Order --------------------------------------------------------------------------------


def test_findings_are_sorted_errors_first_then_by_list_and_position() -> None:
    candidates = (
        person("a", bsn=""),
        person("b", "Bakker", date_of_birth=None),
        person("c", "Visser", bsn="123"),
    )
    findings = _run(single_list(candidates))
    ranks = [("error", "warning", "info").index(f.severity.value) for f in findings]
    assert ranks == sorted(ranks)
    errors = [f.candidate_key for f in findings if f.severity is Severity.ERROR]
    assert errors == ["b", "c"]


def test_h13a_a_new_waterschap_list_pays_225_euro_and_needs_30_declarations() -> None:
    ws = waterschap_election("Limburg", 26, date(2027, 3, 17))
    nomination = single_list(people(2), election=ws, the_party=party(0))
    today = date(2027, 1, 4)
    assert _one(nomination, "deposit-required", today).article == "Kieswet H 13a lid 1"
    assert "€ 225,00" in _one(nomination, "deposit-required", today).message
    assert "30 ondersteuningsverklaringen" in _one(nomination, "support-required", today).message


def test_h14_the_eilandsraad_deposit_is_in_dollars_as_the_csb_announces() -> None:
    er = island_election("Saba", date(2027, 3, 17))
    finding = _one(single_list(people(2), election=er, the_party=party(0)), "deposit-required")
    assert "Amerikaanse dollars" in finding.message


def test_h7_lid3_a_provincial_candidate_is_asked_to_confirm_living_in_the_province() -> None:
    gelderland = provincial_election("Gelderland", date(2027, 3, 17))
    nomination = single_list((person("a", locality="Arnhem"),), election=gelderland)
    finding = _one(nomination, "residence-unknown", date(2027, 1, 4))
    assert "in de provincie Gelderland woont" in finding.message
    label = _one(nomination, "list-structure", date(2027, 1, 4)).message
    assert label.startswith("Lijst 1 geldt voor meer kieskringen")
