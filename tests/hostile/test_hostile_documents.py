"""Hostile text in a project for ``documents``: a Dutch refusal or safe file names, no crash.

The user's text may be old (written before input refused it): an appellation of
200 or 100 000 characters, slashes, dots, names Windows reserves, control
characters and lone surrogates. Documents either refuse with a Dutch message
that names the field, writing nothing, or write every file under a name that
is short, portable and inside the chosen folder.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest

from kandidaat.app.editing.documents import generate_documents
from kandidaat.app.nomination.demo_party import demo_nomination
from kandidaat.domain.errors import InputError

if TYPE_CHECKING:
    from pathlib import Path

    from kandidaat.domain.nomination.model import Nomination

MOMENT = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
MAX_NAME_BYTES = 255
"""The longest file name ext4, NTFS and APFS accept."""
PORTABLE = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")


def _with_appellation(text: str) -> Nomination:
    nomination, _today, _moment = demo_nomination()
    return dataclasses.replace(
        nomination, party=dataclasses.replace(nomination.party, appellation=text)
    )


def _with_last_name(text: str) -> Nomination:
    nomination, _today, _moment = demo_nomination()
    first = dataclasses.replace(nomination.candidates[0], last_name=text)
    return dataclasses.replace(nomination, candidates=(first, *nomination.candidates[1:]))


def _assert_safe_names(out: Path) -> None:
    for path in out.rglob("*"):
        relative = path.relative_to(out)
        for part in relative.parts:
            assert len(part.encode()) <= MAX_NAME_BYTES, part
            assert set(part) <= PORTABLE, part
        assert not path.name.startswith(".") or path.name == ".kandidaat-documenten"
        assert path.resolve().is_relative_to(out.resolve())


@pytest.mark.parametrize(
    "appellation",
    ["A" * 200, "a/b\\c", "../../etc", ".verborgen", "CON", "nul", "COM1.txt"],
    ids=["200-tekens", "schuine-strepen", "puntjes", "punt-vooraan", "CON", "nul", "COM1"],
)
def test_an_odd_appellation_gives_safe_file_names(tmp_path, appellation):
    out = tmp_path / "stukken"
    result = generate_documents(_with_appellation(appellation), (), out, created=MOMENT)
    assert result.combined == out / "alles_afdrukken.pdf"
    assert result.combined.is_file()
    _assert_safe_names(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stukken"]


def test_an_appellation_of_100000_characters_is_refused_in_dutch_and_nothing_is_written(
    tmp_path,
):
    with pytest.raises(InputError, match="past niet op één pagina"):
        generate_documents(_with_appellation("B" * 100_000), (), tmp_path / "s", created=MOMENT)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("last_name", ["Ä" * 200, "a/../b", "CON", "..."])
def test_an_odd_last_name_gives_a_bounded_h9_file_name(tmp_path, last_name):
    out = tmp_path / "stukken"
    generate_documents(_with_last_name(last_name), (), out, created=MOMENT)
    _assert_safe_names(out)
    h9 = sorted(p.name for p in (out / "lijst_1").glob("H9_1_*.pdf"))
    assert len(h9) == 1
    assert len(h9[0]) <= len("H9_1_.pdf") + 40


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Lijst\x00Nul", "U+0000"),
        ("Bel\x07", "U+0007"),
        ("Esc\x1b[2J", "U+001B"),
        ("\ud800", "U+D800"),
    ],
    ids=["nul", "bel", "escape", "surrogaat"],
)
def test_a_control_character_in_an_old_project_is_refused_in_dutch_naming_the_field(
    tmp_path, text, code
):
    out = tmp_path / "stukken"
    with pytest.raises(InputError) as caught:
        generate_documents(_with_appellation(text), (), out, created=MOMENT)
    message = caught.value.message
    assert "aanduiding" in message
    assert code in message
    assert "niet kan worden afgedrukt" in message
    assert "\x00" not in message
    assert "\x1b" not in message
    assert list(tmp_path.iterdir()) == []


def test_a_control_character_in_a_candidates_name_names_the_candidate(tmp_path):
    with pytest.raises(InputError, match=r"Kandidaat 1 \(.*<U\+0007>\).*achternaam.*U\+0007"):
        generate_documents(_with_last_name("Jansen\x07"), (), tmp_path / "stukken", created=MOMENT)
    assert list(tmp_path.iterdir()) == []
