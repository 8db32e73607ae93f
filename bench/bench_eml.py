"""Benchmark: importing EML counts (parse + checks + domain records) vs a bare lxml parse.

Builds a national-scale count by scaling the real TK2023 510b of Aa en Hunze (26
lists, about 1 100 candidates per polling station): the polling-station blocks are
repeated with new identifiers until the wanted number of stations, and the total is
their sum. Prints MB/s of kandidaat's full import next to ``lxml.etree.fromstring``
of the same bytes, the ratio, and how the time grows from 1x to the largest size.
The real samples are measured the same way.

Usage: .venv/bin/python bench/bench_eml.py [--stations 1000] [--scales 1,2,5,10]
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import time
from collections import Counter
from pathlib import Path

from lxml import etree

from kandidaat.domain.election import CountRecord, ListCount, VoteCounts
from kandidaat.domain.tally.checks import check_counts
from kandidaat.eml.documents import read_bytes, read_path
from kandidaat.eml.write_common import to_canonical
from kandidaat.eml.write_counts import build_counts

SAMPLES = Path(__file__).resolve().parents[1] / ".." / "shared" / "eml_nl" / "samples"
BASE = SAMPLES / "TK2023" / "Telling_TK2023_gemeente_Aa_en_Hunze.eml.xml"


def scaled_count(base: CountRecord, stations: int) -> bytes:
    """A 510 with ``stations`` polling stations cloned from the real ones."""
    units = []
    for index in range(stations):
        model = base.units[index % len(base.units)]
        units.append(dataclasses.replace(model, id=f"{1000 + index // 500:04d}::SB{index + 1}"))
    list_votes: Counter[int] = Counter()
    candidate_votes: Counter[tuple[int, int]] = Counter()
    for unit in units:
        for item in unit.counts.lists:
            list_votes[item.number] += item.votes
            for position, votes in item.candidate_votes:
                candidate_votes[(item.number, position)] += votes
    if base.total is None:
        raise SystemExit("the base count has no TotalVotes")
    lists = tuple(
        ListCount(
            item.number,
            item.name,
            list_votes[item.number],
            tuple((p, candidate_votes[(item.number, p)]) for p, _ in item.candidate_votes),
        )
        for item in base.total.lists
    )
    total = VoteCounts(
        lists=lists,
        cast=sum(u.counts.cast for u in units),
        total_counted=sum(list_votes.values()),
        rejected=tuple(
            (code, sum(u.counts.rejected_votes(code) for u in units))
            for code, _ in base.total.rejected
        ),
        uncounted=tuple(
            (code, sum(dict(u.counts.uncounted).get(code, 0) for u in units))
            for code, _ in base.total.uncounted
        ),
    )
    record = dataclasses.replace(base, total=total, units=tuple(units))
    return to_canonical(build_counts(record))


def best_of(repeat: int, function: object) -> float:
    """Best wall-clock time of ``repeat`` calls."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        function()  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return best


def import_count(data: bytes) -> None:
    """What kandidaat does on import: safe parse, records, semantic checks."""
    record = read_bytes(data, "telling.eml.xml")
    if isinstance(record, CountRecord):
        check_counts(record)


def measure(label: str, data: bytes, repeat: int) -> tuple[float, float]:
    """Print MB/s of our import and of a bare parse; return both times."""
    bare = best_of(repeat, lambda: etree.fromstring(data))
    ours = best_of(repeat, lambda: import_count(data))
    megabytes = len(data) / 1e6
    print(
        f"{label:<58} {megabytes:8.1f} MB  kandidaat {megabytes / ours:6.1f} MB/s"
        f"  bare lxml {megabytes / bare:6.1f} MB/s  ratio {bare / ours:4.2f}"
    )
    return ours, bare


def main() -> None:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stations", type=int, default=1000, help="polling stations at 1x")
    parser.add_argument("--scales", default="1,2,5,10", help="comma-separated multiples")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    print("real samples:")
    for path in sorted(SAMPLES.rglob("*.eml.xml")):
        if "synthetic" in path.parts:
            continue
        measure(path.name[:58], path.read_bytes(), args.repeat)

    base = read_path(BASE)
    if not isinstance(base, CountRecord):
        raise SystemExit(f"{BASE} is not a count")
    print(f"scaled national count (base: {BASE.name}, {len(base.units)} stations):")
    timings = []
    for scale in (int(s) for s in args.scales.split(",")):
        stations = args.stations * scale
        data = scaled_count(base, stations)
        ours, _ = measure(
            f"{scale:>3}x = {stations} polling stations", data, max(1, args.repeat - 1)
        )
        timings.append((scale, ours))
        del data
    first_scale, first_time = timings[0]
    for scale, seconds in timings[1:]:
        growth = (seconds / first_time) / (scale / first_scale)
        print(
            f"time at {scale}x / time at {first_scale}x, per unit of size: {growth:.2f}"
            " (1.00 = linear)"
        )


if __name__ == "__main__":
    main()
