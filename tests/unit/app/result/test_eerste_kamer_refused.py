"""``kandidaat uitslag`` refuses the Eerste Kamer instead of counting unweighted votes.

Kieswet art. U 2 and U 3 (versie 2026): every vote for the Eerste Kamer counts
with the stemwaarde of the province (or kiescollege) of the member who cast it,
inhabitants / (100 x members). No count file carries those figures, so a result
computed from the counts alone would be wrong. Here: two provinces whose one
list each wins by its raw votes but not by its weighted votes. With the EK2015
weights of Groningen (136) and Zuid-Holland (655), ../shared/vectors/real/
ek2015_stemwaarde.json: list 1 has 40 Groningen votes (5440 weighted), list 2
has 10 Zuid-Holland votes (6550); unweighted list 1 would look the larger.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from kandidaat.app.cli import main
from kandidaat.domain.election import (
    CountRecord,
    ElectionIdentifier,
    Envelope,
    ListCount,
    ReportingUnitCount,
    VoteCounts,
)
from kandidaat.eml.write_common import write_document
from kandidaat.eml.write_counts import build_counts

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

EK = ElectionIdentifier(
    id="EK2099", name="Eerste Kamer proef", category="EK", subcategory="EK", election_date=""
)


def _counts(first: int, second: int) -> VoteCounts:
    return VoteCounts(
        lists=(
            ListCount(1, "Partij Noord", first, ((1, first),)),
            ListCount(2, "Partij West", second, ((1, second),)),
        ),
        cast=first + second,
        total_counted=first + second,
        rejected=(("ongeldig", 0), ("blanco", 0)),
        uncounted=(),
    )


def _ek_count(folder: Path) -> Path:
    units = (
        ReportingUnitCount(id="HSB1", name="Groningen", counts=_counts(40, 0)),
        ReportingUnitCount(id="HSB2", name="Zuid-Holland", counts=_counts(0, 10)),
    )
    record = CountRecord(
        envelope=Envelope(
            message_id="510d",
            authority_id="CSB",
            authority_name="Kiesraad",
            creation_date_time="2099-06-01T10:00:00.000",
        ),
        election=EK,
        contest_id="alle",
        contest_name=None,
        total=_counts(40, 10),
        units=units,
    )
    path = folder / "Totaaltelling_EK2099.eml.xml"
    write_document(path, build_counts(record))
    return path


def test_an_eerste_kamer_count_is_refused_in_dutch_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    count = _ek_count(tmp_path)
    assert main(["uitslag", str(count), "--zetels", "75"]) == 2
    captured = capsys.readouterr()
    assert "Eerste Kamer" in captured.err
    assert "stemwaarde" in captured.err
    assert "U 2" in captured.err
    assert "Traceback" not in captured.err
    assert "Zetelverdeling" not in captured.out


def test_the_json_of_a_refused_eerste_kamer_gives_no_seats(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    count = _ek_count(tmp_path)
    assert main(["uitslag", str(count), "--zetels", "75", "--json"]) == 2
    document = json.loads(capsys.readouterr().out)
    assert document["status"] == "error"
    assert any("stemwaarde" in error for error in document["errors"])
    assert "lists" not in document


def test_a_refused_eerste_kamer_writes_no_result_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    count = _ek_count(tmp_path)
    out = tmp_path / "uit"
    assert main(["uitslag", str(count), "--zetels", "75", "--out", str(out)]) == 2
    capsys.readouterr()
    assert not out.exists() or list(out.iterdir()) == []
