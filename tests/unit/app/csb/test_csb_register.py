"""The register of appellations from CSV: all or nothing, every wrong line named."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from csb_samples import ELECTION

from kandidaat.app.csb.register import import_register, parse_register
from kandidaat.app.csb.workspace import new_workspace
from kandidaat.domain.csb.model import RegisterEntry
from kandidaat.domain.errors import InputError
from kandidaat.store.csb import CsbWorkspace

if TYPE_CHECKING:
    from pathlib import Path

GOOD = "aanduiding;stemmen;zetels\nPartij A;2450000;37\nPartij B;40000;0\nNieuw;;\n"


def test_a_register_is_read_with_votes_and_seats(tmp_path: Path) -> None:
    workspace = tmp_path / "tk.csb"
    new_workspace(workspace, ELECTION, "Anna").close()
    csv_file = tmp_path / "register.csv"
    csv_file.write_text(GOOD, encoding="utf-8-sig")
    import_register(workspace, csv_file, "Anna")
    with CsbWorkspace.open(workspace) as ws:
        assert ws.register() == (
            RegisterEntry("Partij A", 2_450_000, 37),
            RegisterEntry("Partij B", 40_000, 0),
            RegisterEntry("Nieuw", None, None),
        )
        assert ws.log()[-1].action == "register"


def test_every_wrong_line_is_named_and_nothing_changes(tmp_path: Path) -> None:
    workspace = tmp_path / "tk.csb"
    new_workspace(workspace, ELECTION, "Anna").close()
    good = tmp_path / "goed.csv"
    good.write_text(GOOD, encoding="utf-8")
    import_register(workspace, good, "Anna")
    bad = tmp_path / "fout.csv"
    bad.write_text(
        "aanduiding;stemmen;zetels\nPartij A;veel;3\n;1;1\nPartij C;1;151\npartij a;1;1\nX;1\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        import_register(workspace, bad, "Anna")
    message = caught.value.message
    assert "fout.csv, regel 2, kolom stemmen: stemmen 'veel' is geen geheel getal" in message
    assert "fout.csv, regel 3, kolom aanduiding: leeg" in message
    assert "fout.csv, regel 4, kolom zetels: zetels 151 is meer dan 150" in message
    assert "fout.csv, regel 5, kolom aanduiding: 'partij a' staat ook op regel 2" in message
    assert "fout.csv, regel 6: 2 kolommen, verwacht 3" in message
    with CsbWorkspace.open(workspace) as ws:
        assert len(ws.register()) == 3


def test_a_file_without_the_header_is_refused() -> None:
    with pytest.raises(InputError, match="regel 1: de kop moet 'aanduiding;stemmen;zetels'"):
        parse_register(b"naam;stemmen\nA;1\n", "r.csv")


def test_a_file_that_is_not_utf8_is_refused() -> None:
    with pytest.raises(InputError, match="geen UTF-8"):
        parse_register("aanduiding;stemmen;zetels\nPartij É;1;1\n".encode("cp1252"), "r.csv")


def test_a_file_too_large_is_refused_before_reading() -> None:
    with pytest.raises(InputError, match="groter dan 1024 kB"):
        parse_register(b"a" * (1024 * 1024 + 1), "r.csv")
