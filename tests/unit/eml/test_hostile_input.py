"""Hostile and broken EML files are refused with a Dutch message: never expanded, never a crash.

The fixtures are built here at test time (no hostile file is committed).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import pytest
from conftest import SAMPLES

from kandidaat.domain.errors import KandidaatError
from kandidaat.eml.documents import read_bytes
from kandidaat.eml.errors import EmlError
from kandidaat.eml.safe_xml import read_file

if TYPE_CHECKING:
    from pathlib import Path

COUNT = SAMPLES / "GR2022_WestMaasenWaal" / "Telling_GR2022_WestMaasenWaal.eml.xml"
LISTS = SAMPLES / "GR2022_WestMaasenWaal" / "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml"
EML_NS = 'xmlns="urn:oasis:names:tc:evs:schema:eml"'

XXE = (
    b'<?xml version="1.0"?>\n<!DOCTYPE EML [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    b"<EML " + EML_NS.encode() + b' Id="230b"><TransactionId>&xxe;</TransactionId></EML>'
)
BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
        for i in range(1, 10)
    )
    + b"]>\n<EML "
    + EML_NS.encode()
    + b' Id="230b">&lol9;</EML>'
)
EXTERNAL_DTD = (
    b'<?xml version="1.0"?>\n<!DOCTYPE EML SYSTEM "http://example.invalid/eml.dtd">\n'
    b"<EML " + EML_NS.encode() + b' Id="230b"/>'
)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (XXE, "DOCTYPE- of ENTITY-declaratie"),
        (BILLION_LAUGHS, "DOCTYPE- of ENTITY-declaratie"),
        (EXTERNAL_DTD, "DOCTYPE- of ENTITY-declaratie"),
        (b'<EML xmlns="urn:example:wrong" Id="510b"/>', "dit is geen EML_NL-bestand"),
        (b"<Telling><Lijst/></Telling>", "dit is geen EML_NL-bestand"),
        (COUNT.read_bytes()[:5000], "geen geldige XML"),
        (COUNT.read_bytes()[:5012], "geen geldige XML"),
        (COUNT.read_bytes().decode().encode("utf-16"), "geen UTF-8"),
        (b"", "het bestand is leeg"),
        (b"   \n  ", "het bestand is leeg"),
        (b"<EML " + EML_NS.encode() + b' Id="999"/>', "berichttype '999' wordt niet ondersteund"),
        (b"<EML " + EML_NS.encode() + b"/>", "berichttype '' wordt niet ondersteund"),
        (b"not xml at all", "geen geldige XML"),
    ],
    ids=[
        "xxe",
        "billion-laughs",
        "external-dtd",
        "wrong-namespace",
        "not-eml",
        "truncated",
        "truncated-elsewhere",
        "utf-16",
        "empty",
        "whitespace",
        "unknown-type",
        "no-type",
        "garbage",
    ],
)
def test_hostile_or_broken_input_is_refused_in_dutch(data: bytes, message: str) -> None:
    with pytest.raises(EmlError) as refused:
        read_bytes(data, "aanval.eml.xml")
    assert message in refused.value.message
    assert refused.value.message.startswith("aanval.eml.xml")


def test_the_xxe_file_never_reads_the_referenced_file() -> None:
    with pytest.raises(EmlError) as refused:
        read_bytes(XXE, "xxe.eml.xml")
    assert "root:" not in refused.value.message
    assert refused.value.line == 2


def test_elements_nested_thousands_deep_are_refused() -> None:
    deep = b"<EML " + EML_NS.encode() + b' Id="510b">' + b"<a>" * 5000 + b"</a>" * 5000 + b"</EML>"
    with pytest.raises(EmlError, match="geen geldige XML"):
        read_bytes(deep, "diep.eml.xml")


def test_a_file_larger_than_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "groot.eml.xml"
    with big.open("wb") as handle:  # a sparse file that claims 2 GB
        handle.seek(2 * 1024**3)
        handle.write(b"\0")
    with pytest.raises(EmlError, match="bestand is te groot"):
        read_file(big)


def test_a_missing_file_and_a_folder_are_named(tmp_path: Path) -> None:
    with pytest.raises(EmlError, match="bestand bestaat niet"):
        read_file(tmp_path / "weg.eml.xml")
    with pytest.raises(EmlError, match="dit is een map"):
        read_file(tmp_path)


def _replace_once(data: bytes, old: bytes, new: bytes) -> bytes:
    assert old in data
    return data.replace(old, new, 1)


def test_lists_out_of_order_are_refused_with_the_line() -> None:
    data = _replace_once(
        LISTS.read_bytes(), b'<AffiliationIdentifier Id="2">', b'<AffiliationIdentifier Id="1">'
    )
    with pytest.raises(EmlError) as refused:
        read_bytes(data, LISTS.name)
    assert "lijstnummers zijn niet oplopend (1 gevolgd door 1)" in refused.value.message
    assert refused.value.line == 1


def test_candidates_out_of_order_are_refused() -> None:
    data = _replace_once(
        LISTS.read_bytes(), b'<CandidateIdentifier Id="2">', b'<CandidateIdentifier Id="1">'
    )
    with pytest.raises(EmlError, match=r"lijst 1: kandidaatnummers zijn niet oplopend"):
        read_bytes(data, LISTS.name)


def test_a_vote_count_that_is_not_a_number_names_the_polling_station() -> None:
    head, tail = COUNT.read_bytes().split(b"<ReportingUnitVotes>", 1)
    tail = _replace_once(tail, b"<ValidVotes>3</ValidVotes>", b"<ValidVotes>drie</ValidVotes>")
    data = head + b"<ReportingUnitVotes>" + tail
    with pytest.raises(EmlError) as refused:
        read_bytes(data, COUNT.name)
    assert "stembureau 0668::SB1: ValidVotes moet een geheel getal >= 0 zijn, niet 'drie'" in (
        refused.value.message
    )


def test_a_negative_vote_count_is_refused() -> None:
    data = _replace_once(
        COUNT.read_bytes(), b"<ValidVotes>581</ValidVotes>", b"<ValidVotes>-581</ValidVotes>"
    )
    with pytest.raises(KandidaatError, match="TotalVotes: ValidVotes moet een geheel getal"):
        read_bytes(data, COUNT.name)


def test_a_record_read_from_a_count_is_a_value_that_cannot_be_changed_in_place() -> None:
    record = read_bytes(COUNT.read_bytes(), COUNT.name)
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.contest_id = "x"  # type: ignore[misc]
