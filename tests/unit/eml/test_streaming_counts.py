"""A count read block by block (stream_counts) is the count read as a whole tree, in less memory.

The reference is the whole-tree reader (read_counts on parse_file): on every 510 under
../shared/eml_nl/samples and ../shared/eml_nl/fixtures, and on small real counts changed
anywhere (hypothesis), both give the same record with the same line numbers, or the same
Dutch message. Hostile files are built here at test time (none is committed), as is the
30 MB count the memory is measured on.
"""

from __future__ import annotations

import copy
import gc
import json
import re
import subprocess
import sys
import tracemalloc
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import EML_NL, SAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from kandidaat.app.result.files import read_files
from kandidaat.domain.election import (
    CountRecord,
    ElectionIdentifier,
    Envelope,
    ListCount,
    ReportingUnitCount,
    VoteCounts,
)
from kandidaat.eml.documents import read_bytes
from kandidaat.eml.errors import EmlError
from kandidaat.eml.read_counts import read_counts
from kandidaat.eml.safe_xml import HEAD_BYTES, MAX_BYTES, parse_file
from kandidaat.eml.stream_counts import CHUNK, peek_message_type, stream_counts
from kandidaat.eml.write_common import to_canonical
from kandidaat.eml.write_counts import build_counts

if TYPE_CHECKING:
    from collections.abc import Callable

FOLDERS = (SAMPLES, EML_NL / "fixtures")
COUNT_TYPES = {"510b", "510c", "510d"}
GR2022 = SAMPLES / "GR2022_WestMaasenWaal" / "Telling_GR2022_WestMaasenWaal.eml.xml"
TK2023 = SAMPLES / "TK2023" / "Telling_TK2023_gemeente_Aa_en_Hunze.eml.xml"
DEFINITION = SAMPLES / "TK2023" / "Verkiezingsdefinitie_TK2023.eml.xml"
EML_NS = b'xmlns="urn:oasis:names:tc:evs:schema:eml"'


def _files() -> list[tuple[Path, Path | None]]:
    """(folder, file) for every XML file below each folder; (folder, None) if it is missing."""
    found: list[tuple[Path, Path | None]] = []
    for folder in FOLDERS:
        files = sorted(folder.rglob("*.xml")) if folder.is_dir() else []
        found.extend((folder, path) for path in files)
        if not files:
            found.append((folder, None))
    return found


def _root_id(path: Path) -> str:
    """The message type as the whole file says it (root Id), read without our readers."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.parse(str(path), parser).getroot().get("Id") or ""


def _whole(path: Path) -> CountRecord | str:
    try:
        return read_counts(parse_file(path), path.name)
    except EmlError as error:
        return error.message


def _streamed(path: Path) -> CountRecord | str:
    try:
        return stream_counts(path)
    except EmlError as error:
        return error.message


def _lines(record: CountRecord | str) -> list[int | None]:
    """Every line number a record carries (records compare without them)."""
    if isinstance(record, str):
        return []
    groups = [record.total] if record.total is not None else []
    groups += [unit.counts for unit in record.units]
    return [unit.line for unit in record.units] + [
        line for group in groups for line in (group.line, *(item.line for item in group.lists))
    ]


def _refusal(path: Path) -> str:
    with pytest.raises(EmlError) as refused:
        stream_counts(path)
    return refused.value.message


@pytest.mark.parametrize(
    ("folder", "path"),
    _files(),
    ids=lambda value: value.name if value is not None else "geen-bestanden",
)
def test_every_510_in_the_samples_and_fixtures_is_read_the_same_streamed_as_whole(
    folder: Path, path: Path | None
) -> None:
    if path is None:
        pytest.fail(f"map {folder} ontbreekt of bevat geen XML-bestanden: niets te vergelijken")
    kind = _root_id(path)
    if kind not in COUNT_TYPES:
        pytest.skip(f"{path.relative_to(folder)} in {folder}: een {kind or '?'}, geen 510b/c/d")
    whole, streamed = _whole(path), _streamed(path)
    where = f"{path.relative_to(folder)} in {folder}"
    assert streamed == whole, f"{where}: gestreamd anders gelezen dan als geheel"
    assert _lines(streamed) == _lines(whole), f"{where}: andere regelnummers"


def test_the_samples_hold_the_510_files_the_comparison_stands_on() -> None:
    counts = [path for folder, path in _files() if path and _root_id(path) in COUNT_TYPES]
    # In the samples today (see their README.md): three 510b of municipalities, the
    # derived AB2023 510d and two synthetic files (a 510d and a 510b with investigations).
    assert len(counts) >= 6, f"te weinig 510-bestanden in {SAMPLES}: {counts}"


@pytest.mark.parametrize(("folder", "path"), [p for p in _files() if p[1] is not None])
def test_the_start_of_a_file_names_the_message_type_the_whole_file_has(
    folder: Path, path: Path
) -> None:
    assert peek_message_type(path) == _root_id(path), f"{path} in {folder}"


SMALL_COUNTS = (
    SAMPLES / "synthetic" / "invalid" / "eml510b_with_investigations.eml.xml",
    SAMPLES / "synthetic" / "valid" / "deserialize_eml510d_test.eml.xml",
    SAMPLES
    / "derived"
    / "AB2023_Scheldestromen"
    / "Totaaltelling_AB2023_Scheldestromen_waterschap_Scheldestromen.eml.xml",
)
"""Small counts written over several lines, so that every line number is compared."""
TEXTS = ["", "x", "-1", "05", "7", "1000", " 3"]


def _mutate(draw: st.DrawFn, root: etree._Element) -> None:
    """One change a buggy or hostile writer could make anywhere in the file."""
    elements = [node for node in root.iter(etree.Element) if node is not root]
    if not elements:
        return
    node = draw(st.sampled_from(elements))
    parent = node.getparent()
    assert parent is not None
    action = draw(st.sampled_from(["remove", "copy", "move", "text", "id", "comment"]))
    if action == "remove":
        parent.remove(node)
    elif action == "copy":
        parent.insert(draw(st.integers(0, len(parent))), copy.deepcopy(node))
    elif action == "move":
        target = draw(st.sampled_from([root, *elements]))
        if node is not target and node not in target.iterancestors():
            target.insert(draw(st.integers(0, len(target))), node)
    elif action == "text":
        node.text = draw(st.sampled_from(TEXTS))
    elif action == "id":
        node.set("Id", draw(st.sampled_from(TEXTS)))
    else:
        parent.insert(parent.index(node), etree.Comment("opmerking"))


@st.composite
def changed_counts(draw: st.DrawFn) -> bytes:
    path = draw(st.sampled_from(SMALL_COUNTS))
    root = etree.fromstring(path.read_bytes())
    for _ in range(draw(st.integers(1, 8))):
        _mutate(draw, root)
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    if draw(st.booleans()):  # and cut short, or given bytes no reader may accept
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from([b"", b"<!DOCTYPE x>", b"\xff", b"&x;", b"<"]))
    return data


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("veranderd")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=changed_counts())
def test_a_count_changed_anywhere_is_read_or_refused_the_same_streamed_as_whole(
    scratch: Path, data: bytes
) -> None:
    path = _write(scratch / "veranderd.eml.xml", data)
    whole, streamed = _whole(path), _streamed(path)
    assert streamed == whole
    assert _lines(streamed) == _lines(whole)


@pytest.mark.parametrize("offset", [-1, 0, 1, CHUNK + 5])
@pytest.mark.parametrize("suffix", [b"", b"&x;", b"\xff"])
def test_a_large_count_cut_at_a_read_boundary_gets_the_whole_tree_message(
    tmp_path: Path, offset: int, suffix: bytes
) -> None:
    data = TK2023.read_bytes()[: HEAD_BYTES + CHUNK + offset] + suffix  # 3 MB: four reads
    path = _write(tmp_path / "afgebroken.eml.xml", data)
    message = _refusal(path)
    assert message.startswith("afgebroken.eml.xml, regel 1: geen geldige XML")
    assert message == _whole(path)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


XXE = (
    b'<?xml version="1.0"?>\n<!DOCTYPE EML [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    b"<EML " + EML_NS + b' Id="510b"><TransactionId>&xxe;</TransactionId></EML>'
)


def test_a_count_with_a_doctype_and_an_external_entity_is_refused_unexpanded(
    tmp_path: Path,
) -> None:
    message = _refusal(_write(tmp_path / "xxe.eml.xml", XXE))
    assert message.startswith("xxe.eml.xml, regel 2: ")
    assert "DOCTYPE- of ENTITY-declaratie" in message
    assert "root:" not in message


def test_a_doctype_split_over_two_reads_is_still_seen(tmp_path: Path) -> None:
    data = TK2023.read_bytes()
    boundary = HEAD_BYTES + CHUNK  # the end of the second read the parser gets
    at = data.rindex(b">", 0, boundary - 20) + 1
    # "<!DO" before the boundary, "CTYPE" after it, inside a comment between two elements.
    comment = b"<!--" + b" " * (boundary - at - 8) + b"<!DOCTYPE x -->"
    assert (at + len(comment) - len(b"CTYPE x -->")) == boundary
    path = _write(tmp_path / "verstopt.eml.xml", data[:at] + comment + data[at:])
    message = _refusal(path)
    assert message.startswith("verstopt.eml.xml, regel 1: ")  # the file is one line
    assert "DOCTYPE- of ENTITY-declaratie" in message


def _nested(levels: int) -> bytes:
    return b"<a>" * levels + b"</a>" * levels


def test_elements_nested_a_hundred_deep_in_a_polling_station_are_refused(tmp_path: Path) -> None:
    data = GR2022.read_bytes().replace(
        b"</ReportingUnitVotes>", _nested(100) + b"</ReportingUnitVotes>", 1
    )
    message = _refusal(_write(tmp_path / "diep.eml.xml", data))
    assert message.startswith("diep.eml.xml")
    assert "meer dan 64 niveaus diep genest" in message


def test_elements_nested_a_hundred_deep_outside_the_counts_are_refused(tmp_path: Path) -> None:
    data = GR2022.read_bytes().replace(b"<TransactionId>", _nested(100) + b"<TransactionId>", 1)
    message = _refusal(_write(tmp_path / "diep-kop.eml.xml", data))
    assert message.startswith("diep-kop.eml.xml")
    assert "niveaus diep genest" in message


def test_elements_nested_a_hundred_deep_between_two_polling_stations_are_refused(
    tmp_path: Path,
) -> None:
    data = GR2022.read_bytes()
    second = data.index(b"<ReportingUnitVotes>", data.index(b"</ReportingUnitVotes>"))
    data = data[:second] + _nested(100) + data[second:]
    message = _refusal(_write(tmp_path / "tussen.eml.xml", data))
    assert message.startswith("tussen.eml.xml")
    assert "meer dan 64 niveaus diep genest" in message


def test_elements_nested_thousands_deep_are_refused_in_dutch(tmp_path: Path) -> None:
    data = b"<EML " + EML_NS + b' Id="510b">' + _nested(5000) + b"</EML>"
    message = _refusal(_write(tmp_path / "heel-diep.eml.xml", data))
    assert message.startswith("heel-diep.eml.xml")
    assert "te diep genest" in message


def test_a_flood_of_empty_elements_is_refused_before_the_end_of_the_file(tmp_path: Path) -> None:
    data = TK2023.read_bytes()
    first_block_end = data.index(b"</ReportingUnitVotes>")
    flood = b"<a/>" * 1_000_000  # 4 MB of tags: 1 tag per 4 bytes, real files 1 per 15 or more
    data = data[:first_block_end] + flood + data[first_block_end:]
    path = _write(tmp_path / "vloed.eml.xml", data)
    message = _refusal(path)
    assert message.startswith("vloed.eml.xml: ")
    assert "elementtags" in message
    read = int(re.search(r"in de eerste (\d+) bytes", message).group(1))  # type: ignore[union-attr]
    assert read < len(data)  # stopped before the end, as soon as the count passed the limit
    with pytest.raises(EmlError, match="elementtags"):
        read_bytes(data, "vloed.eml.xml")  # the whole-tree reader refuses it too


def test_a_file_over_the_size_limit_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "groot.eml.xml"
    with big.open("wb") as handle:  # a sparse file that claims 2 GB
        handle.seek(2 * 1024**3)
        handle.write(b"\0")
    message = _refusal(big)
    assert message == (
        f"groot.eml.xml: bestand is te groot ({2 * 1024**3 + 1} bytes; de grens is "
        f"{MAX_BYTES} bytes)"
    )


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "leeg.eml.xml: het bestand is leeg"),
        (b" \n" * 5000, "leeg.eml.xml: het bestand is leeg"),
        (GR2022.read_bytes().decode().encode("utf-16"), "geen UTF-8"),
        (GR2022.read_bytes()[:5000], "leeg.eml.xml, regel 1: geen geldige XML"),
        (b"<EML " + EML_NS + b' Id="510b"/>', "element Count ontbreekt"),
    ],
    ids=["empty", "whitespace", "utf-16", "truncated", "no-count"],
)
def test_broken_input_gets_the_dutch_message_of_the_whole_tree_reader(
    tmp_path: Path, data: bytes, expected: str
) -> None:
    path = _write(tmp_path / "leeg.eml.xml", data)
    message = _refusal(path)
    assert expected in message
    assert message == _whole(path)


def test_broken_xml_after_a_wrong_number_is_what_is_reported(tmp_path: Path) -> None:
    data = GR2022.read_bytes().replace(b"<ValidVotes>", b"<ValidVotes>x", 1)
    assert "ValidVotes moet een geheel getal" in str(_whole(_write(tmp_path / "a.eml.xml", data)))
    path = _write(tmp_path / "b.eml.xml", data[: len(data) - 30])
    message = _refusal(path)
    assert "geen geldige XML" in message  # as the whole tree: the file is not XML at all
    assert message == _whole(path)


# --- memory -------------------------------------------------------------------------------

LISTS, CANDIDATES, STATIONS = 20, 50, 240
"""20 lists of 50 candidates are about 127 kB per polling station: 240 stations make 30 MB."""


def _station_votes() -> VoteCounts:
    """One polling station: candidate p of list n has (n + p) % 40 votes, the list their sum."""
    lists = tuple(
        ListCount(
            number,
            f"Lijst {number}",
            sum((number + position) % 40 for position in range(1, CANDIDATES + 1)),
            tuple((position, (number + position) % 40) for position in range(1, CANDIDATES + 1)),
        )
        for number in range(1, LISTS + 1)
    )
    valid = sum(item.votes for item in lists)
    return VoteCounts(
        lists, cast=valid + 3, total_counted=valid, rejected=(("blanco", 3),), uncounted=()
    )


def _times(counts: VoteCounts, factor: int) -> VoteCounts:
    return VoteCounts(
        tuple(
            ListCount(
                item.number,
                item.name,
                item.votes * factor,
                tuple((position, votes * factor) for position, votes in item.candidate_votes),
            )
            for item in counts.lists
        ),
        cast=counts.cast * factor,
        total_counted=counts.total_counted * factor,
        rejected=tuple((reason, number * factor) for reason, number in counts.rejected),
        uncounted=(),
    )


def _generate_count(path: Path) -> int:
    """A 510b of STATIONS equal polling stations, written block by block; its size in bytes."""
    station = _station_votes()
    record = CountRecord(
        envelope=Envelope("510b", authority_id="0999", authority_name="Demodorp"),
        election=ElectionIdentifier("GR2026_Demodorp", "Gemeenteraad Demodorp 2026", "GR", "GR"),
        contest_id="geen",
        contest_name=None,
        total=_times(station, STATIONS),
        units=(ReportingUnitCount("MARK", "Stembureau", station),),
    )
    data = to_canonical(build_counts(record))
    opening, closing = b"<ReportingUnitVotes>", b"</ReportingUnitVotes>"
    first, last = data.index(opening), data.index(closing) + len(closing)
    block = data[first:last]
    with path.open("wb") as handle:
        handle.write(data[:first])
        for number in range(1, STATIONS + 1):
            handle.write(block.replace(b'Id="MARK"', f'Id="0999::SB{number}"'.encode(), 1))
        handle.write(data[last:])
    return path.stat().st_size


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("telling") / "Telling_GR2026_Demodorp.eml.xml"
    size = _generate_count(path)
    assert 28e6 < size < 34e6, f"{path}: {size} bytes, verwacht ongeveer 30 MB"
    return path


def test_the_generated_count_is_read_the_same_streamed_as_whole(national: Path) -> None:
    streamed = stream_counts(national)
    assert len(streamed.units) == STATIONS
    assert streamed.units[-1].id == f"0999::SB{STATIONS}"
    # List 1, candidate 1: (1 + 1) % 40 = 2 votes per station, 240 stations.
    assert streamed.total is not None
    assert streamed.total.lists[0].candidate_votes[0] == (1, 2 * STATIONS)
    whole = read_counts(parse_file(national), national.name)
    assert streamed == whole
    assert _lines(streamed) == _lines(whole)


def _traced(read: Callable[[], object]) -> tuple[int, int]:
    """(peak, kept) of the memory Python's allocators hand out during ``read``."""
    gc.collect()
    tracemalloc.start()
    try:
        result = read()
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del result
    return peak, kept


@pytest.mark.slow
def test_streaming_a_30_mb_count_needs_a_fraction_of_the_memory_of_the_whole_tree(
    national: Path,
) -> None:
    """tracemalloc: the memory a read holds beyond the record it returns.

    Both readers return the same record (about half the file's size here), so what is
    compared is the peak minus what is kept. tracemalloc sees only Python's allocators:
    for the whole tree that is the file's bytes, never libxml2's tree of them (malloc),
    so the whole tree's real figure is larger still; the next test measures it.
    """
    whole_peak, whole_kept = _traced(lambda: read_counts(parse_file(national), national.name))
    stream_peak, stream_kept = _traced(lambda: stream_counts(national))
    whole, streamed = whole_peak - whole_kept, stream_peak - stream_kept
    size = national.stat().st_size
    assert whole > size // 3  # the file's bytes, held while the tree is built
    assert streamed < whole / 4, f"gestreamd {streamed} bytes, heel {whole} bytes"
    assert stream_peak < whole_peak


_CHILD = """
import json, sys
from pathlib import Path
from kandidaat.eml.read_counts import read_counts
from kandidaat.eml.safe_xml import parse_file
from kandidaat.eml.stream_counts import stream_counts

def high_water_kb():
    # VmHWM belongs to this program's memory since exec; ru_maxrss would carry pytest's.
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise SystemExit("geen VmHWM")

path = Path(sys.argv[1])
before = high_water_kb()
if sys.argv[2] == "heel":
    record = read_counts(parse_file(path), path.name)
else:
    record = stream_counts(path)
print(json.dumps({"added_kb": high_water_kb() - before, "units": len(record.units)}))
"""


def _peak_added(path: Path, how: str) -> int:
    """Kilobytes a fresh process's peak resident memory grows by while reading the file."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), how], capture_output=True, text=True, check=True
    )
    result = json.loads(done.stdout)
    assert result["units"] == STATIONS
    return int(result["added_kb"])


@pytest.mark.slow
def test_the_peak_resident_memory_of_a_streamed_30_mb_count_is_far_below_the_whole_tree(
    national: Path,
) -> None:
    """The peak resident memory of a fresh process sees libxml2's tree as well as Python's."""
    if not Path("/proc/self/status").is_file():
        pytest.skip("/proc/self/status ontbreekt: het piekgeheugen is hier niet te meten")
    whole = _peak_added(national, "heel")
    streamed = _peak_added(national, "gestreamd")
    size_kb = national.stat().st_size // 1024
    assert whole > 3 * size_kb  # the bytes and the tree of the whole file at once
    assert streamed < whole / 4, f"gestreamd {streamed} kB, heel {whole} kB"


def test_uitslag_streams_a_count_and_reads_other_files_whole(tmp_path: Path) -> None:
    deep = GR2022.read_bytes().replace(
        b"</ReportingUnitVotes>", _nested(100) + b"</ReportingUnitVotes>", 1
    )
    files = read_files([GR2022, _write(tmp_path / "diep.eml.xml", deep), DEFINITION])
    # Only the streaming reader has the limit of 64 levels; libxml2's own is 256.
    assert len(files.errors) == 1
    assert files.errors[0].startswith("diep.eml.xml")
    assert "meer dan 64 niveaus diep genest" in files.errors[0]
    assert [count.source for count in files.level("510b")] == [GR2022.name]
    # The 21 polling stations of the GR2022 sample (its README: SB1-SB11 and SB112-SB121).
    assert len(files.level("510b")[0].unit_ids) == 21
    assert files.definition is not None
