"""File names made from user text are bounded, portable and never a path (ADR 0047)."""

from __future__ import annotations

import hashlib

import pytest

from kandidaat.common.safe_names import readable_file_stem, safe_file_stem


def test_letters_of_other_alphabets_are_written_in_plain_ascii():
    assert safe_file_stem("Çelik") == "Celik"
    assert safe_file_stem("Ødegård") == "Odegard"
    assert safe_file_stem("Nguyễn") == "Nguyen"
    assert safe_file_stem("Yılmaz") == "Yilmaz"


def test_a_name_of_200_characters_is_cut_and_ends_in_a_hash_of_the_whole_name():
    text = "A" * 200
    digest = hashlib.sha256(text.encode()).hexdigest()[:8]
    # 60 characters: 51 letters, a dash and 8 hexadecimal characters (written out by hand).
    assert safe_file_stem(text) == "A" * 51 + "-" + digest
    assert len(safe_file_stem("x" * 100_000)) == 60


def test_two_long_names_with_the_same_beginning_stay_apart_and_each_is_stable():
    first = "Lijst " * 30 + "Noord"
    second = "Lijst " * 30 + "Zuid"
    assert safe_file_stem(first) != safe_file_stem(second)
    assert safe_file_stem(first) == safe_file_stem(first)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a/b\\c", "a-b-c"),
        ("../../etc/passwd", "etc-passwd"),
        (".verborgen", "verborgen"),
        ("...", "naam"),
        ("", "naam"),
        ("Lijst\x00\x07\x1bX", "Lijst-X"),
        ("\ud800", "naam"),
    ],
)
def test_separators_dots_and_control_characters_never_reach_the_file_name(text, expected):
    assert safe_file_stem(text) == expected


@pytest.mark.parametrize("name", ["CON", "con", "PRN", "AUX", "NUL", "COM1", "LPT9"])
def test_names_that_windows_reserves_get_a_dash(name):
    assert safe_file_stem(name) == name + "-"


def test_a_name_like_a_reserved_one_but_longer_is_left_alone():
    assert safe_file_stem("CONCEPT") == "CONCEPT"
    assert safe_file_stem("Nul Partij") == "Nul-Partij"


def test_a_readable_name_keeps_the_users_letters_and_spaces():
    assert readable_file_stem("Dorpsbelang Wijdemeren") == "Dorpsbelang Wijdemeren"
    assert readable_file_stem("Çelik  Ødegård") == "Çelik Ødegård"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a/b\\c", "a-b-c"),
        ("..verborgen", "verborgen"),
        ("Wat?*<>|:", "Wat"),
        ("x\x00y\ud800", "x-y"),
        (" . ", "project"),
        ("CON", "CON-"),
        ("nul.txt", "nul-.txt"),
    ],
)
def test_a_readable_name_never_holds_what_a_path_or_windows_forbids(text, expected):
    assert readable_file_stem(text) == expected


def test_a_readable_name_is_bounded_in_characters_and_in_bytes():
    assert len(readable_file_stem("A" * 200)) == 60
    long_ur = readable_file_stem("𝔄" * 200)  # four bytes each in UTF-8
    assert len(long_ur.encode()) <= 150
    assert long_ur.endswith("-" + hashlib.sha256(("𝔄" * 200).encode()).hexdigest()[:8])
