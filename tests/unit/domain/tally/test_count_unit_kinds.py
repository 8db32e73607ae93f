"""A reporting unit is named by its kind, as its identifier in the 510 XSD says."""

from __future__ import annotations

import pytest

from kandidaat.domain.tally.units import unit_kind, unit_label, units_plural


@pytest.mark.parametrize(
    ("unit_id", "kind"),
    [
        ("0668::SB1", "stembureau"),  # 510b of a municipality (docs/eml.md 5.7)
        ("HSB3::0518::SB12", "stembureau"),
        ("0518", "gemeente"),  # 510c: municipalities; 510d GR/AB/PS1
        ("HSB3::0518", "gemeente"),
        ("HSB1", "kieskring"),  # 510d TK: hoofdstembureaus
        ("iets anders", "eenheid"),
    ],
)
def test_the_kind_of_a_unit_follows_from_its_identifier(unit_id: str, kind: str) -> None:
    assert unit_kind(unit_id) == kind


def test_a_label_names_the_kind_and_the_identifier() -> None:
    assert unit_label("0654") == "gemeente 0654"


def test_the_units_of_a_510d_of_kieskringen_are_kieskringen() -> None:
    assert units_plural("510d", ["HSB1", "HSB2"]) == "kieskringen"


def test_a_count_without_units_is_described_by_its_message_type() -> None:
    assert units_plural("510c", []) == "gemeenten"
    assert units_plural("510b", []) == "stembureaus"
