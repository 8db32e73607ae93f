"""Benchmark: importing EML counts (parse + checks + domain records) vs a bare lxml parse.

Builds a national-scale count by scaling the real TK2023 510b of Aa en Hunze (26
lists, about 1 100 candidates per polling station): the polling-station blocks are
repeated with new identifiers until the wanted number of stations, and the total is
their sum. The file is written block by block to a temporary folder, so building it
costs little memory.

Fair comparison: both sides get the same bytes and the same parser settings
(kandidaat's safe parser: no DTD, no entities, no network, no huge_tree); the garbage
collector is on for both, as in real use, and collected before every run; the runs
alternate (bare, ours, bare, ours, ...) and the best of each counts. Times are CPU
seconds of the process (robust on a busy machine); wall-clock seconds are printed too.
Each size is measured in fresh child processes, which also report the peak resident
memory (ru_maxrss) of a bare parse and of our import on their own.

The streaming reader (ADR 0125, what ``kandidaat uitslag`` uses for a 510) gets its
own row per size: its CPU time against a bare ``lxml.etree.iterparse`` of the same file
with the same parser settings (alternating, best of ``--repeat``; goal at least
STREAM_GOAL of the bare parse's speed), and the peak resident memory of a fresh process
that streams the file (VmHWM; goal under STREAM_PEAK_GOAL_MB whatever the size), with
the whole-tree import's peak as the reference. A file over the reader's size limit
(safe_xml.MAX_BYTES) is refused by both readers and gets no streaming row.

Usage: .venv/bin/python bench/bench_eml.py [--stations 1000] [--scales 1,2,5,10]
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from kandidaat.domain.election import CountRecord, ListCount, VoteCounts
from kandidaat.domain.tally.checks import check_counts
from kandidaat.eml.documents import read_bytes, read_path
from kandidaat.eml.safe_xml import MAX_BYTES, safe_parser
from kandidaat.eml.stream_counts import stream_counts
from kandidaat.eml.write_common import to_canonical
from kandidaat.eml.write_counts import build_counts

if TYPE_CHECKING:
    from collections.abc import Callable

SAMPLES = Path(__file__).resolve().parents[1] / ".." / "shared" / "eml_nl" / "samples"
BASE = SAMPLES / "TK2023" / "Telling_TK2023_gemeente_Aa_en_Hunze.eml.xml"
GOAL = 0.5
STREAM_GOAL = 0.5
"""The streaming reader at least half as fast as a bare lxml iterparse of the same file."""
STREAM_PEAK_GOAL_MB = 200
"""Peak resident memory of streaming a count, whatever the size of the file."""


def _station_id(municipality: str, index: int) -> str:
    """A polling-station id of the file's own municipality (``1680::SB1``, ``1680::SB2``, ...).

    A 510b counts only its own municipality's stations: an id with another
    municipality code would be reported as "hoort niet bij gemeente ..." and the
    benchmark would time the writing of findings instead of a clean import.
    """
    return f"{municipality}::SB{index + 1}"


def _scaled_total(base: CountRecord, stations: int) -> VoteCounts:
    """The sum of ``stations`` polling stations cloned in turn from the real ones."""
    if base.total is None:
        raise SystemExit("the base count has no TotalVotes")
    rounds, rest = divmod(stations, len(base.units))
    list_votes: Counter[int] = Counter()
    candidate_votes: Counter[tuple[int, int]] = Counter()
    cast = total_counted = 0
    rejected: Counter[str] = Counter()
    uncounted: Counter[str] = Counter()
    for index, unit in enumerate(base.units):
        times = rounds + (1 if index < rest else 0)
        cast += times * unit.counts.cast
        total_counted += times * unit.counts.total_counted
        for code, number in unit.counts.rejected:
            rejected[code] += times * number
        for code, number in unit.counts.uncounted:
            uncounted[code] += times * number
        for item in unit.counts.lists:
            list_votes[item.number] += times * item.votes
            for position, votes in item.candidate_votes:
                candidate_votes[(item.number, position)] += times * votes
    return VoteCounts(
        lists=tuple(
            ListCount(
                item.number,
                item.name,
                list_votes[item.number],
                tuple((p, candidate_votes[(item.number, p)]) for p, _ in item.candidate_votes),
            )
            for item in base.total.lists
        ),
        cast=cast,
        total_counted=total_counted,
        rejected=tuple((code, rejected[code]) for code, _ in base.total.rejected),
        uncounted=tuple((code, uncounted[code]) for code, _ in base.total.uncounted),
    )


def write_scaled_count(base: CountRecord, stations: int, path: Path) -> int:
    """Write a 510 with ``stations`` polling stations; return its size in bytes.

    The canonical bytes of the real stations are written once by kandidaat's own
    writer (with marked identifiers) and then repeated block by block; the result is
    the same file the writer would give for the whole scaled record.
    """
    marks = [f"MARK{index:04d}" for index in range(len(base.units))]
    record = dataclasses.replace(
        base,
        total=_scaled_total(base, stations),
        units=tuple(
            dataclasses.replace(unit, id=mark) for unit, mark in zip(base.units, marks, strict=True)
        ),
    )
    data = to_canonical(build_counts(record))
    opening, closing = b"<ReportingUnitVotes>", b"</ReportingUnitVotes>"
    first, last = data.index(opening), data.rindex(closing) + len(closing)
    blocks = [block + closing for block in data[first:last].split(closing)[:-1]]
    if len(blocks) != len(marks):
        raise SystemExit("unexpected structure of the written count")
    municipality = base.envelope.authority_id or ""
    if not (municipality.isdigit() and len(municipality) == 4):
        raise SystemExit(f"the base count has no municipality code: {municipality!r}")
    with path.open("wb") as handle:
        handle.write(data[:first])
        for index in range(stations):
            which = index % len(blocks)
            new_id = f'Id="{_station_id(municipality, index)}"'.encode()
            handle.write(blocks[which].replace(f'Id="{marks[which]}"'.encode(), new_id, 1))
        handle.write(data[last:])
    return path.stat().st_size


def import_count(data: bytes) -> None:
    """What kandidaat does on import: safe parse, records, semantic checks."""
    record = read_bytes(data, "telling.eml.xml")
    if isinstance(record, CountRecord):
        check_counts(record)


def bare_parse(data: bytes) -> None:
    """A bare lxml parse of the same bytes with the same parser settings."""
    etree.fromstring(data, safe_parser())


def _timed(function: Callable[[bytes], None], data: bytes) -> tuple[float, float]:
    gc.collect()
    cpu, wall = time.process_time(), time.perf_counter()
    function(data)
    return time.process_time() - cpu, time.perf_counter() - wall


def compare(data: bytes, repeat: int) -> dict[str, float]:
    """Best CPU and wall times of a bare parse and of our import, runs alternating."""
    best = {"bare_cpu": float("inf"), "bare_wall": float("inf")}
    best |= {"ours_cpu": float("inf"), "ours_wall": float("inf")}
    for _ in range(repeat):
        for name, function in (("bare", bare_parse), ("ours", import_count)):
            cpu, wall = _timed(function, data)
            best[f"{name}_cpu"] = min(best[f"{name}_cpu"], cpu)
            best[f"{name}_wall"] = min(best[f"{name}_wall"], wall)
    return best


def _peak_megabytes() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bare_iterparse(path: Path) -> None:
    """A bare lxml iterparse of the file, every element, with the safe parser's settings."""
    for _event, _element in etree.iterparse(
        str(path),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        collect_ids=False,
    ):
        pass


def stream_count(path: Path) -> None:
    """The streaming reader alone: a 510 file into its record (the checks are timed above)."""
    stream_counts(path)


def compare_stream(path: Path, repeat: int) -> dict[str, float]:
    """Best CPU and wall times of a bare iterparse and of the streaming reader, alternating."""
    best = {"bare_cpu": float("inf"), "bare_wall": float("inf")}
    best |= {"ours_cpu": float("inf"), "ours_wall": float("inf")}
    for _ in range(repeat):
        for name, function in (("bare", bare_iterparse), ("ours", stream_count)):
            gc.collect()
            cpu, wall = time.process_time(), time.perf_counter()
            function(path)
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            best[f"{name}_cpu"] = min(best[f"{name}_cpu"], cpu)
            best[f"{name}_wall"] = min(best[f"{name}_wall"], wall)
    return best


def _high_water_megabytes() -> float:
    """This program's peak resident memory since it started (VmHWM).

    ru_maxrss can carry the parent's peak into a child started with vfork; VmHWM
    belongs to the memory of this program alone. ru_maxrss where /proc is missing.
    """
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return _peak_megabytes()


def _child(path: str, what: str, repeat: int) -> None:
    """Measure in this fresh process and print one JSON line."""
    if what.startswith("stream"):
        before = _high_water_megabytes()
        if what == "stream-both":
            result = compare_stream(Path(path), repeat)
        else:
            stream_count(Path(path))
            result = {}
        result |= {"peak_mb": _high_water_megabytes(), "peak_before_mb": before}
        print(json.dumps(result))
        return
    data = Path(path).read_bytes()
    before = _peak_megabytes()
    if what == "both":
        result = compare(data, repeat)
    else:
        (bare_parse if what == "bare" else import_count)(data)
        result = {}
    result |= {"peak_mb": _peak_megabytes(), "peak_before_mb": before}
    print(json.dumps(result))


def _run_child(path: Path, what: str, repeat: int) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", str(path), what, str(repeat)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603 - our own script, argument list
    result: dict[str, float] = json.loads(done.stdout)
    return result


def _line(label: str, megabytes: float, best: dict[str, float]) -> str:
    ratio = best["bare_cpu"] / best["ours_cpu"]
    return (
        f"{label:<44} {megabytes:8.1f} MB  kandidaat {megabytes / best['ours_cpu']:6.1f} MB/s"
        f"  bare lxml {megabytes / best['bare_cpu']:6.1f} MB/s  ratio {ratio:4.2f}"
        f" (wall {best['bare_wall'] / best['ours_wall']:4.2f})"
    )


def _holds(holds: bool) -> str:  # noqa: FBT001 - a verdict, printed
    return "holds" if holds else "DOES NOT HOLD"


def _stream_lines(
    megabytes: float,
    streamed: tuple[dict[str, float], dict[str, float]] | None,
    whole_peak: float,
) -> list[str]:
    """The streaming reader's row: figure, reference, ratio, goal and whether it holds."""
    if streamed is None:
        return [
            (
                f"streaming reader: none; the file is over the size limit of {MAX_BYTES} bytes "
                "(both readers refuse it)"
            )
        ]
    best, peak = streamed[0], streamed[1]["peak_mb"]
    ratio = best["bare_cpu"] / best["ours_cpu"]
    time_line = (
        f"streaming reader: {best['ours_cpu']:6.2f} s CPU ({megabytes / best['ours_cpu']:5.1f}"
        f" MB/s), bare lxml iterparse {best['bare_cpu']:6.2f} s, ratio {ratio:4.2f}"
        f" (wall {best['bare_wall'] / best['ours_wall']:4.2f}); goal >= {STREAM_GOAL:.2f}:"
        f" {_holds(ratio >= STREAM_GOAL)}"
    )
    memory_line = (
        f"streaming reader: peak memory {peak:6.0f} MB ({peak / megabytes:4.2f} x the file),"
        f" whole-tree import {whole_peak:6.0f} MB, ratio {peak / whole_peak:4.2f};"
        f" goal < {STREAM_PEAK_GOAL_MB} MB: {_holds(peak < STREAM_PEAK_GOAL_MB)}"
    )
    return [time_line, memory_line]


def main() -> None:
    """Run the benchmark."""
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        _child(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        return
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stations", type=int, default=1000, help="polling stations at 1x")
    parser.add_argument("--scales", default="1,2,5,10", help="comma-separated multiples")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-samples", action="store_true", help="only the scaled count")
    args = parser.parse_args()

    print(f"CPU-time ratio = bare parse / our import; goal {GOAL:.2f} or more")
    if not args.skip_samples:
        print("real samples:")
        for path in sorted(SAMPLES.rglob("*.eml.xml")):
            if "synthetic" in path.parts:
                continue
            data = path.read_bytes()
            print(_line(path.name[:44], len(data) / 1e6, compare(data, args.repeat)))

    base = read_path(BASE)
    if not isinstance(base, CountRecord):
        raise SystemExit(f"{BASE} is not a count")
    print(f"scaled national count (base: {BASE.name}, {len(base.units)} stations):")
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for scale in (int(s) for s in args.scales.split(",")):
            stations = args.stations * scale
            path = Path(folder) / f"telling_{stations}.eml.xml"
            megabytes = write_scaled_count(base, stations, path) / 1e6
            best = _run_child(path, "both", max(1, args.repeat - 1))
            bare_peak = _run_child(path, "bare", 1)["peak_mb"]
            ours_peak = _run_child(path, "ours", 1)["peak_mb"]
            streamed = (
                (_run_child(path, "stream-both", args.repeat), _run_child(path, "stream", 1))
                if path.stat().st_size <= MAX_BYTES
                else None
            )
            path.unlink()
            print(_line(f"{scale:>3}x = {stations} polling stations", megabytes, best))
            print(
                f"{'':<44} peak memory: bare parse {bare_peak:8.0f} MB,"
                f" kandidaat {ours_peak:8.0f} MB ({ours_peak / megabytes:4.1f} x the file)"
            )
            for line in _stream_lines(megabytes, streamed, ours_peak):
                print(f"{'':<44} {line}")
            rows.append((scale, best["ours_cpu"], best["bare_cpu"], ours_peak))
    first_scale, first_ours, first_bare, first_peak = rows[0]
    for scale, ours, bare, peak in rows[1:]:
        size = scale / first_scale
        print(
            f"{scale}x / {first_scale}x per unit of size (1.00 = linear): "
            f"time kandidaat {ours / first_ours / size:.2f}, bare {bare / first_bare / size:.2f};"
            f" peak memory kandidaat {peak / first_peak / size:.2f}"
        )


if __name__ == "__main__":
    main()
