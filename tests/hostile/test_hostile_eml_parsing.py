"""Hostile EML bytes: huge numbers, foreign encodings, files that do not say their size.

Every case is built at test time from a real count of ../shared; each must end in a
Dutch refusal (exit 2) naming the problem, never a traceback.
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING

import pytest

from kandidaat.app.cli import main
from kandidaat.domain.errors import KandidaatError
from kandidaat.eml.documents import read_bytes
from kandidaat.eml.safe_xml import parse_bytes, read_file

if TYPE_CHECKING:
    from pathlib import Path

COUNT = "eml_nl/samples/GR2022_WestMaasenWaal/Telling_GR2022_WestMaasenWaal.eml.xml"
RESULT = "eml_nl/samples/synthetic/valid/eml520_test.eml.xml"
HUGE = "9" * 5000  # more digits than Python's int() accepts (4300)


def _count_text(shared_dir: Path) -> str:
    return (shared_dir / COUNT).read_text(encoding="utf-8")


def _first_replaced(text: str, start: str, end: str, value: str) -> str:
    """The text with the content of the first start...end element set to value."""
    begin = text.index(start) + len(start)
    return text[:begin] + value + text[text.index(end, begin) :]


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("<ValidVotes>", "</ValidVotes>"),
        ("<Cast>", "</Cast>"),
        ("<TotalCounted>", "</TotalCounted>"),
        ('ReasonCode="ongeldig">', "</RejectedVotes>"),
    ],
)
def test_a_number_of_thousands_of_digits_in_a_count_is_refused_in_dutch(
    shared_dir: Path, start: str, end: str
) -> None:
    text = _count_text(shared_dir)
    if start not in text:
        pytest.fail(f"{COUNT} has no {start} any more: the test must pick another element")
    data = _first_replaced(text, start, end, HUGE).encode("utf-8")
    with pytest.raises(KandidaatError) as raised:
        read_bytes(data, "telling.eml.xml")
    assert "5000 cijfers" in raised.value.message
    assert "de grens is 12 cijfers" in raised.value.message
    assert HUGE not in raised.value.message  # the value is not echoed whole


def test_an_identifier_of_thousands_of_digits_is_refused_in_dutch(shared_dir: Path) -> None:
    text = _count_text(shared_dir)
    data = text.replace('<AffiliationIdentifier Id="1">', f'<AffiliationIdentifier Id="{HUGE}">', 1)
    assert data != text
    with pytest.raises(KandidaatError) as raised:
        read_bytes(data.encode("utf-8"), "telling.eml.xml")
    assert "cijfers" in raised.value.message


def test_eml_check_of_a_huge_number_exits_2_without_a_traceback(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "telling.eml.xml"
    text = _first_replaced(_count_text(shared_dir), "<ValidVotes>", "</ValidVotes>", HUGE)
    path.write_text(text, encoding="utf-8")
    code = main(["eml", "check", str(path)])
    out = capsys.readouterr()
    assert code in {1, 2}
    assert "Traceback" not in out.out + out.err
    assert "cijfers" in out.out + out.err


def test_a_file_that_declares_latin_1_is_refused_as_not_utf_8(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _count_text(shared_dir).replace("Partij Beneden", "Partij Bénéden", 1)
    body = text.split("?>", 1)[1] if text.startswith("<?xml") else text
    path = tmp_path / "latin1.eml.xml"
    path.write_bytes(b'<?xml version="1.0" encoding="ISO-8859-1"?>\n' + body.encode("latin-1"))
    assert main(["eml", "check", str(path)]) == 2
    err = capsys.readouterr()
    assert "ISO-8859-1" in err.out + err.err
    assert "EML_NL is altijd UTF-8" in err.out + err.err


def test_latin_1_bytes_under_no_declaration_are_refused_as_not_utf_8(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _count_text(shared_dir).replace("Partij Beneden", "Partij Bénéden", 1)
    path = tmp_path / "latin1.eml.xml"
    path.write_bytes(text.encode("latin-1"))
    assert main(["eml", "check", str(path)]) == 2
    out = capsys.readouterr()
    assert "geen geldige UTF-8-tekst" in out.out + out.err


def test_a_pipe_is_read_whole_and_bounded_by_the_limit(tmp_path: Path) -> None:
    fifo = tmp_path / "pijp.eml.xml"
    os.mkfifo(fifo)
    payload = b"<a/>" * 100_000

    def write() -> None:
        with fifo.open("wb") as handle:
            handle.write(payload)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        assert read_file(fifo) == payload  # a size of 0 does not mean an empty file
    finally:
        writer.join(timeout=10)


def test_a_huge_number_of_votes_in_a_published_result_is_refused(shared_dir: Path) -> None:
    text = (shared_dir / RESULT).read_text(encoding="utf-8")
    if "<Ranking>1</Ranking>" not in text:
        pytest.fail(f"{RESULT} has no elected candidate with a Ranking any more")
    # The sample carries no votes; give the first elected candidate a huge number of them.
    data = text.replace(
        "<Ranking>1</Ranking>", f"<Ranking>1</Ranking><Votes>{HUGE}</Votes>", 1
    ).encode("utf-8")
    with pytest.raises(KandidaatError) as raised:
        read_bytes(data, "resultaat.eml.xml")
    assert "cijfers" in raised.value.message


def test_a_flood_of_empty_elements_is_refused_before_a_tree_is_built(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 40 MB of empty elements (10 million of them): far below the size limit, but
    # denser than any real EML file; parsing it whole would take gigabytes.
    path = tmp_path / "vloed.eml.xml"
    with path.open("wb") as handle:
        handle.write(b'<EML xmlns="urn:oasis:names:tc:evs:schema:eml" Id="510b">')
        block = b"<a/>" * 250_000
        for _ in range(40):
            handle.write(block)
        handle.write(b"</EML>")
    assert main(["eml", "check", str(path)]) == 2
    out = capsys.readouterr()
    assert "elementtags" in out.out + out.err
    assert "te veel geheugen" in out.out + out.err


def test_every_real_sample_stays_within_the_element_bounds(shared_dir: Path) -> None:
    folder = shared_dir / "eml_nl" / "samples"
    samples = sorted(folder.rglob("*.eml.xml"))
    assert samples, f"no EML samples found in {folder}"
    for sample in samples:
        if "invalid" in sample.parts:
            continue  # known-invalid fixtures are refused for other reasons
        assert parse_bytes(sample.read_bytes(), sample.name).getroot() is not None
