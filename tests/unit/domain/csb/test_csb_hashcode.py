"""The hash code typed from the H 1: in full, or the two groups left blank (as abacus asks)."""

from __future__ import annotations

import hashlib

import pytest

from kandidaat.domain.csb.hashcode import (
    HashCodeError,
    blanked_groups,
    matches,
    parse_typed,
    shown_blanked,
)

# SHA-256 of b"test" (abacus's own test vector), as 16 groups.
CODE = "9F86 D081 884C 7D65 9A2F EAA0 C55A D015 A3BF 4F1B 2B0B 822C D15D 6C15 B0F0 0A08"


def test_the_vector_is_the_sha256_of_test() -> None:
    assert CODE.replace(" ", "").lower() == hashlib.sha256(b"test").hexdigest()


def test_the_full_code_matches_however_it_is_spaced_or_cased() -> None:
    assert matches(parse_typed(CODE.lower()), CODE)
    assert matches(parse_typed(CODE.replace(" ", "")), CODE)
    assert matches(parse_typed(CODE.replace(" ", "-")), CODE)


def test_one_wrong_digit_does_not_match() -> None:
    wrong = CODE[:-1] + "9"
    assert not matches(parse_typed(wrong), CODE)


def test_the_blanked_groups_are_one_of_1_to_8_and_one_of_10_to_16_from_the_digest() -> None:
    # digest bytes 0x9F = 159 and 0x86 = 134: 1 + 159 % 8 = 8, 10 + 134 % 7 = 11.
    assert blanked_groups(CODE) == (8, 11)
    assert shown_blanked(CODE) == (
        "9F86 D081 884C 7D65 9A2F EAA0 C55A .... A3BF 4F1B .... 822C D15D 6C15 B0F0 0A08"
    )


def test_the_two_blanked_groups_typed_in_order_match() -> None:
    assert matches(parse_typed("D015 2B0B"), CODE)
    assert not matches(parse_typed("2B0B D015"), CODE)
    assert not matches(parse_typed("9F86 D081"), CODE)


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("9F86 D081 884C", "3 groep"),
        ("9F86 D08G", "groep 2"),
        ("9F86 D0811", "groep 2"),
        ("x" * 300, "langer dan 200"),
        ("", "0 groep"),
    ],
)
def test_a_code_of_the_wrong_shape_is_refused_in_dutch(typed: str, reason: str) -> None:
    with pytest.raises(HashCodeError, match=reason):
        parse_typed(typed)
