"""What a volunteer types in a table cell becomes a field value, or a Dutch message."""

from __future__ import annotations

from datetime import date

import pytest
from editing_samples import candidate

from kandidaat.app.editing.fields import candidate_text, parse_date, with_candidate_text
from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.model import Gender

JANSEN = candidate("jansen", "Jansen", "P.")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("07-03-1980", date(1980, 3, 7)),
        ("7-3-1980", date(1980, 3, 7)),
        ("07/03/1980", date(1980, 3, 7)),
        ("07.03.1980", date(1980, 3, 7)),
        ("1980-03-07", date(1980, 3, 7)),
        ("  ", None),
    ],
)
def test_dates_are_read_the_way_dutch_people_write_them(typed: str, expected: date | None) -> None:
    assert parse_date(typed, "geboortedatum") == expected


def test_a_day_that_does_not_exist_names_the_field_and_the_text() -> None:
    with pytest.raises(InputError, match=r"^geboortedatum: '29-02-1981' bestaat niet als datum$"):
        parse_date("29-02-1981", "geboortedatum")


def test_text_that_is_no_date_gets_an_example() -> None:
    with pytest.raises(InputError, match="typ bijvoorbeeld 07-03-1980"):
        parse_date("maart 1980", "geboortedatum")


def test_the_table_shows_a_date_as_typed_and_reads_it_back() -> None:
    changed = with_candidate_text(JANSEN, "date_of_birth", "12-04-1961")
    assert changed.date_of_birth == date(1961, 4, 12)
    assert candidate_text(changed, "date_of_birth") == "12-04-1961"


def test_gender_is_m_or_v_or_empty() -> None:
    assert with_candidate_text(JANSEN, "gender", "V").gender is Gender.FEMALE
    assert with_candidate_text(JANSEN, "gender", "").gender is None
    with pytest.raises(InputError, match=r"^geslacht van Jansen, P\.: vul m of v in"):
        with_candidate_text(JANSEN, "gender", "x")


def test_a_last_name_cannot_be_emptied() -> None:
    with pytest.raises(InputError, match=r"^achternaam van Jansen, P\. mag niet leeg zijn$"):
        with_candidate_text(JANSEN, "last_name", "   ")


def test_country_codes_are_two_letters_in_capitals() -> None:
    assert with_candidate_text(JANSEN, "country_code", "be").country_code == "BE"
    with pytest.raises(InputError, match="landcode van twee letters"):
        with_candidate_text(JANSEN, "country_code", "Belgie")


def test_living_in_the_area_is_ja_nee_or_unknown() -> None:
    assert with_candidate_text(JANSEN, "lives_in_area", "nee").lives_in_area is False
    assert with_candidate_text(JANSEN, "lives_in_area", "Ja").lives_in_area is True
    unknown = with_candidate_text(JANSEN, "lives_in_area", "")
    assert unknown.lives_in_area is None
    assert candidate_text(unknown, "lives_in_area") == ""


def test_a_bsn_may_be_typed_with_spaces_or_dots_but_only_digits_are_kept() -> None:
    assert with_candidate_text(JANSEN, "bsn", "1112.22 333").bsn == "111222333"
    with pytest.raises(InputError, match="alleen uit cijfers"):
        with_candidate_text(JANSEN, "bsn", "12345678a")


def test_settlement_areas_are_typed_as_a_comma_separated_list() -> None:
    changed = with_candidate_text(JANSEN, "settlement_areas", "Utrecht, Zeist ,")
    assert changed.settlement_areas == ("Utrecht", "Zeist")
    assert candidate_text(changed, "settlement_areas") == "Utrecht, Zeist"


@pytest.mark.parametrize(
    ("field", "typed", "expected"),
    [
        (
            "last_name",
            "Jan\x1bsen",
            r"achternaam van Jansen, P\.: teken 4 is een stuurteken \(ESC\)",
        ),
        (
            "locality",
            "Ut\x00recht",
            r"woonplaats van Jansen, P\.: teken 3 is een stuurteken \(NUL\)",
        ),
        ("first_name", "Piet\ufffe", r"teken 5 is geen teken \(U\+FFFE\)"),
        ("last_name", "J" * 201, "is te lang: 201 tekens, ten hoogste 200"),
        ("prefix", "van der van", "is te lang: 11 tekens, ten hoogste 10"),
    ],
)
def test_a_typed_control_character_or_too_long_text_names_field_and_position(
    field: str, typed: str, expected: str
) -> None:
    with pytest.raises(InputError, match=expected):
        with_candidate_text(JANSEN, field, typed)
