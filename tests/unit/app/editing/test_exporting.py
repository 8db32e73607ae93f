"""Exporting the open project's candidates: all, or one list in its order; nothing half-written."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import pytest
from editing_samples import small_nomination

from kandidaat.app.editing.exporting import (
    export_candidates,
    export_choices,
    proposed_export_name,
)
from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.model import CandidateList
from kandidaat.store.spreadsheet import read_candidates

if TYPE_CHECKING:
    from pathlib import Path

    from kandidaat.domain.nomination.model import Nomination


def reordered() -> Nomination:
    """Utrecht with list 1 in another order than the address book, and a second list."""
    nomination = small_nomination()
    first = replace(nomination.lists[0], candidates=("visser", "jansen", "bakker"))
    second = CandidateList("tweede", ("1",), ("bakker",))
    return replace(nomination, lists=(first, second))


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_list_is_exported_in_the_order_of_the_list_and_reads_back_the_same(
    tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"lijst-1{suffix}"
    exported = export_candidates(reordered(), path, list_key="lijst")
    assert exported.count == 3
    assert exported.message == (
        f"3 kandidaten (lijst 1) geschreven naar lijst-1{suffix} in de map {tmp_path}."
    )
    back = read_candidates(path)
    assert back.ok
    assert [c.last_name for c in back.candidates] == ["Visser", "Jansen", "Bakker"]


def test_all_candidates_are_exported_in_the_order_of_the_address_book(tmp_path: Path) -> None:
    path = tmp_path / "alle.csv"
    exported = export_candidates(reordered(), path)
    assert exported.what == "alle kandidaten"
    assert [c.last_name for c in read_candidates(path).candidates] == [
        "Jansen",
        "Bakker",
        "Visser",
    ]
    # Excel opens a CSV with a byte order mark as UTF-8 and splits it on the semicolons.
    assert path.read_bytes().startswith(b"\xef\xbb\xbfpositie;voorletters;")


def test_the_choices_name_all_candidates_and_each_list_by_number_with_counts() -> None:
    choices = export_choices(reordered())
    assert [(c.list_key, c.label) for c in choices] == [
        (None, "alle kandidaten van het project (3)"),
        ("lijst", "lijst 1, in de volgorde van de lijst (3)"),
        ("tweede", "lijst 2, in de volgorde van de lijst (1)"),
    ]


def test_the_proposed_name_says_what_the_file_holds(tmp_path: Path) -> None:
    project = tmp_path / "utrecht.kandidaat"
    nomination = reordered()
    assert proposed_export_name(project, nomination, None) == "utrecht-kandidaten"
    assert proposed_export_name(project, nomination, "tweede") == "utrecht-lijst-2"


def test_a_file_type_other_than_csv_or_xlsx_is_refused_in_dutch(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"kandidaten\.ods: onbekend bestandstype '\.ods'"):
        export_candidates(reordered(), tmp_path / "kandidaten.ods")
    assert list(tmp_path.iterdir()) == []


def test_a_list_that_is_not_in_the_project_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="lijst 'derde' bestaat niet in dit project"):
        export_candidates(reordered(), tmp_path / "derde.csv", list_key="derde")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_does_not_exist_is_named_in_the_message(tmp_path: Path) -> None:
    missing = tmp_path / "bestaat-niet"
    with pytest.raises(InputError) as raised:
        export_candidates(reordered(), missing / "k.csv")
    assert raised.value.message == f"k.csv: de map {missing} bestaat niet; er is niets geschreven"
    assert list(tmp_path.iterdir()) == []


def test_a_file_where_the_folder_should_be_is_named_in_the_message(tmp_path: Path) -> None:
    note = tmp_path / "notitie.txt"
    note.write_text("boodschappen", encoding="utf-8")
    with pytest.raises(InputError, match=r"k\.csv: .*notitie\.txt is geen map"):
        export_candidates(reordered(), note / "k.csv")
    assert note.read_text(encoding="utf-8") == "boodschappen"


def test_a_name_that_is_already_a_folder_gives_a_dutch_reason_and_leaves_no_temporary_file(
    tmp_path: Path,
) -> None:
    (tmp_path / "kandidaten.csv").mkdir()
    with pytest.raises(InputError) as raised:
        export_candidates(reordered(), tmp_path / "kandidaten.csv")
    assert raised.value.message == (
        "kandidaten.csv: kan niet worden geschreven: er is al een map met deze naam; "
        "er is niets geschreven"
    )
    assert [path.name for path in tmp_path.iterdir()] == ["kandidaten.csv"]
    assert list((tmp_path / "kandidaten.csv").iterdir()) == []


def test_a_read_only_folder_gives_a_dutch_reason_and_stays_empty(tmp_path: Path) -> None:
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        probe = folder / "proef"
        try:
            probe.touch()
        except PermissionError:
            pass  # the folder is read-only, as it is for every user but root
        else:
            probe.unlink()
            pytest.skip("this user (root) may write into a read-only folder")
        with pytest.raises(InputError) as raised:
            export_candidates(reordered(), folder / "kandidaten.xlsx")
        assert raised.value.message == (
            "kandidaten.xlsx: kan niet worden geschreven: u mag in deze map niet schrijven; "
            "er is niets geschreven"
        )
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)
