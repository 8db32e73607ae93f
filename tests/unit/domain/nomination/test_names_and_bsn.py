"""Naming rules of Kiesbesluit H 2 and the Kiesraad beleidsregel; the BSN eleven test."""

from __future__ import annotations

import pytest

from kandidaat.domain.nomination.bsn import bsn_problem, is_valid_bsn, normalize_bsn
from kandidaat.domain.nomination.findings import Severity
from kandidaat.domain.nomination.names import (
    NameIssue,
    appellation_issues,
    appellation_length,
    first_name_issues,
    initials_issues,
    last_name_issues,
    prefix_issues,
)


def _codes(issues: list[NameIssue]) -> list[tuple[str, Severity]]:
    return [(issue.code, issue.severity) for issue in issues]


@pytest.mark.parametrize("initials", ["P.", "J.P.", "Th.", "Chr.", "IJ.", "A.Th.M.", "É.", "Ø.L."])
def test_kb_h2_well_written_initials_are_accepted(initials: str) -> None:
    assert initials_issues(initials) == []


@pytest.mark.parametrize("initials", ["PJ", "P.J", "PJ.", "P..J.", "Theo."])
def test_kb_h2_every_initial_needs_its_own_dot(initials: str) -> None:
    assert _codes(initials_issues(initials)) == [("initials-format", Severity.ERROR)]


def test_kb_h2_a_hyphenated_first_name_gives_one_initial() -> None:
    issues = initials_issues("W.-A.")
    assert _codes(issues) == [("initials-hyphen", Severity.ERROR)]
    assert "Willem-Alexander wordt 'W.'" in issues[0].advice


def test_kb_h2_digits_in_initials_are_an_error_and_spaces_a_warning() -> None:
    assert _codes(initials_issues("J1.")) == [("name-invalid-characters", Severity.ERROR)]
    spaced = initials_issues("J. P.")
    assert _codes(spaced) == [("initials-spaces", Severity.WARNING)]
    assert "'J.P.'" in spaced[0].advice


def test_kb_h2_lower_case_initials_are_a_warning() -> None:
    assert _codes(initials_issues("j.")) == [("initials-lower-case", Severity.WARNING)]


@pytest.mark.parametrize(
    "name", ["Çelik", "Đurić", "Wiśniewska", "Ødegård", "Jansen-de Boer", "O'Neill", "Hoëvell"]
)
def test_kb_h2_names_with_brp_diacritics_are_accepted(name: str) -> None:
    assert last_name_issues(name) == []


def test_kb_h2_a_letter_outside_teletex_is_accepted_with_a_warning() -> None:
    issues = last_name_issues("Nguyễn")
    assert _codes(issues) == [("name-outside-brp-characters", Severity.WARNING)]
    assert "ễ" in issues[0].message


def test_kb_h2_digits_and_emoji_in_a_last_name_are_errors() -> None:
    assert _codes(last_name_issues("Jansen2")) == [("name-invalid-characters", Severity.ERROR)]
    assert _codes(last_name_issues("Jansen 😀")) == [("name-invalid-characters", Severity.ERROR)]


def test_beleidsregel_a_last_name_may_not_start_with_a_lower_case_prefix() -> None:
    issues = last_name_issues("de Vries")
    assert _codes(issues) == [("last-name-starts-with-prefix", Severity.ERROR)]
    assert "Vul 'de' in bij voorvoegsel en 'Vries' bij achternaam" in issues[0].advice
    # A capital can be part of the name in the BRP (Belgian names): a warning.
    assert _codes(last_name_issues("De Jonge")) == [
        ("last-name-starts-with-prefix", Severity.WARNING)
    ]


def test_beleidsregel_only_sr_and_jr_patronymics_and_predicates_are_allowed() -> None:
    assert last_name_issues("Jansen jr.") == []
    assert last_name_issues("Bakker sr.") == []
    assert last_name_issues("Pietersz.") == []
    assert last_name_issues("jhr. van Lynden") == []
    assert _codes(last_name_issues("Jansen Jr.")) == [("designation-spelling", Severity.WARNING)]
    assert _codes(last_name_issues("Jansen e.a.")) == [("designation-not-allowed", Severity.ERROR)]


def test_kb_h2_titles_are_not_allowed() -> None:
    assert _codes(last_name_issues("Dr. Jansen")) == [("name-title", Severity.ERROR)]
    assert _codes(last_name_issues("Jansen MSc")) == [("name-title", Severity.ERROR)]


def test_beleidsregel_a_capitalised_prefix_is_a_warning_because_the_brp_may_say_so() -> None:
    assert prefix_issues("van der") == []
    issues = prefix_issues("Van der")
    assert _codes(issues) == [("prefix-capital", Severity.WARNING)]
    assert "'van der'" in issues[0].advice


@pytest.mark.parametrize("roepnaam", ["Jan", "Anne-Marie", "Willem Jan", "Ömer"])
def test_kb_h2_a_plausible_roepnaam_is_accepted(roepnaam: str) -> None:
    assert first_name_issues(roepnaam) == []


@pytest.mark.parametrize("roepnaam", ["J.", "(Jan)", "jan"])
def test_kb_h2_an_implausible_roepnaam_is_a_warning(roepnaam: str) -> None:
    assert _codes(first_name_issues(roepnaam)) == [("first-name-implausible", Severity.WARNING)]


def test_g1_lid4_the_appellation_length_is_counted_without_spaces() -> None:
    assert appellation_length("Partij van de Arbeid (P.v.d.A.)") == 27
    thirty_five = "A" * 20 + " " * 5 + "B" * 15
    assert appellation_length(thirty_five) == 35
    assert appellation_issues(thirty_five) == []


def test_g1_lid4_an_appellation_of_36_characters_is_too_long() -> None:
    assert appellation_issues("Partij voor de Toekomst van Nederland 203") == []
    issues = appellation_issues("Partij voor de Toekomst van Nederland 2030")
    assert _codes(issues) == [("appellation-too-long", Severity.ERROR)]
    assert "telt 36 tekens (zonder spaties); ten hoogste 35" in issues[0].message


def test_beleidsregel_2008_an_appellation_with_an_emoticon_is_an_error() -> None:
    assert _codes(appellation_issues("Partij 🌻")) == [("appellation-symbols", Severity.ERROR)]


def test_h9_bsn_eleven_test() -> None:
    assert is_valid_bsn("111222333")
    assert is_valid_bsn("1112.22.333")
    assert normalize_bsn("11222333") == "011222333"
    assert bsn_problem("111222334") is not None
    assert "elfproef" in (bsn_problem("111222334") or "")
    assert bsn_problem("12345") == "een BSN heeft 9 cijfers (nu 5)"
    assert bsn_problem("000000000") == "een BSN kan niet uit alleen nullen bestaan"
    assert bsn_problem("12345678a") == "een BSN bestaat alleen uit cijfers"
    assert bsn_problem("１１１２２２３３３") == "een BSN bestaat alleen uit cijfers"
