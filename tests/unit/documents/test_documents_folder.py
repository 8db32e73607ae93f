"""The documents folder keeps what the user put there (ADR 0046)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from demo_party import context_for, demo_blank_nomination, demo_combined_nomination

from kandidaat.documents import render_documents
from kandidaat.documents.folder import MANIFEST_NAME, WORK_MARK_NAME, clean_leftovers
from kandidaat.domain.errors import InputError

if TYPE_CHECKING:
    from pathlib import Path

SCAN = b"%PDF-1.4 ondertekende scan van de gebruiker \x00\xff"


def _write(out: Path, nomination=None) -> None:
    nomination = nomination or demo_blank_nomination()
    render_documents(nomination, context_for(nomination), out)


def test_a_file_the_user_put_in_the_folder_survives_a_second_run_byte_for_byte(tmp_path):
    out = tmp_path / "stukken"
    _write(out)
    (out / "H1_getekend.pdf").write_bytes(SCAN)
    (out / "lijst_1" / "notitie.txt").write_text("bel de burgemeester", encoding="utf-8")
    (out / "scans").mkdir()
    (out / "scans" / "H4.pdf").write_bytes(SCAN)
    _write(out, demo_combined_nomination())
    assert (out / "H1_getekend.pdf").read_bytes() == SCAN
    assert (out / "lijst_1" / "notitie.txt").read_text(encoding="utf-8") == "bel de burgemeester"
    assert (out / "scans" / "H4.pdf").read_bytes() == SCAN
    # The new set replaced the old one: the combined nomination has an H 3-2, no H 4.
    assert (out / "lijst_1" / "H3-2.pdf").is_file()
    assert not (out / "lijst_1" / "H4_1.pdf").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stukken"]


def test_a_document_the_user_changed_is_not_overwritten_and_the_run_says_which(tmp_path):
    out = tmp_path / "stukken"
    _write(out)
    changed = out / "lijst_1" / "H1.pdf"
    changed.write_bytes(SCAN)
    with pytest.raises(InputError, match=r"lijst_1/H1\.pdf.*Verplaats of hernoem"):
        _write(out)
    assert changed.read_bytes() == SCAN
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stukken"]


def test_a_folder_that_is_not_ours_is_not_emptied(tmp_path):
    foreign = tmp_path / "Documenten"
    foreign.mkdir()
    (foreign / "belasting.pdf").write_bytes(SCAN)
    with pytest.raises(InputError, match="geen documenten van kandidaat"):
        _write(foreign)
    assert [p.name for p in foreign.iterdir()] == ["belasting.pdf"]
    assert (foreign / "belasting.pdf").read_bytes() == SCAN
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Documenten"]


def test_the_manifest_lists_every_file_written_with_its_sha256(tmp_path):
    import hashlib  # noqa: PLC0415 - only this test computes hashes itself

    out = tmp_path / "stukken"
    _write(out)
    lines = (out / MANIFEST_NAME).read_text(encoding="utf-8").splitlines()
    listed = dict(reversed(line.split("  ", 1)) for line in lines[1:])
    on_disk = {
        p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in out.rglob("*")
        if p.is_file() and p.name != MANIFEST_NAME
    }
    assert listed == on_disk
    assert "lijst_1/H1.pdf" in listed


def test_a_set_written_before_the_manifest_is_replaced_and_the_users_files_kept(tmp_path):
    out = tmp_path / "stukken"
    _write(out)
    (out / MANIFEST_NAME).write_text(
        "Geschreven door kandidaat; mag als geheel worden vervangen.\n", encoding="utf-8"
    )
    (out / "brief.odt").write_bytes(SCAN)
    _write(out, demo_combined_nomination())
    assert (out / "brief.odt").read_bytes() == SCAN
    assert not (out / "lijst_1" / "H4_1.pdf").exists()


def test_hidden_folders_of_a_killed_run_are_removed_by_the_next_run(tmp_path):
    out = tmp_path / "stukken"
    _write(out)
    killed = tmp_path / ".stukken.abc123.tmp"
    (killed / "lijst_1").mkdir(parents=True)
    (killed / WORK_MARK_NAME).write_text("stukken", encoding="utf-8")
    (killed / "lijst_1" / "H1.pdf").write_bytes(b"half")
    strange = tmp_path / ".stukken.van-iemand-anders.tmp"
    strange.mkdir()
    (strange / "geheim.txt").write_text("niet van ons", encoding="utf-8")
    _write(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == [strange.name, "stukken"]
    assert (strange / "geheim.txt").read_text(encoding="utf-8") == "niet van ons"


def test_a_user_file_left_in_a_killed_work_folder_is_moved_back(tmp_path):
    out = tmp_path / "stukken"
    _write(out)
    killed = tmp_path / ".stukken.abc123.tmp"
    killed.mkdir()
    (killed / WORK_MARK_NAME).write_text("stukken", encoding="utf-8")
    (killed / ".kandidaat-behouden").write_text("scan.pdf\n", encoding="utf-8")
    (killed / "scan.pdf").write_bytes(SCAN)
    clean_leftovers(out)
    assert (out / "scan.pdf").read_bytes() == SCAN
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stukken"]


def test_a_run_killed_while_it_wrote_the_work_mark_leaves_nothing_after_the_next_run(tmp_path):
    out = tmp_path / "stukken"
    _write(out)
    half = tmp_path / ".stukken.abc123.tmp"
    half.mkdir()
    (half / WORK_MARK_NAME).write_bytes(b"stu")
    empty = tmp_path / ".stukken.def456.tmp"
    empty.mkdir()
    _write(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stukken"]
