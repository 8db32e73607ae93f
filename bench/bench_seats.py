"""Benchmark: the full Dutch procedure against a plain D'Hondt apportionment (votelib).

Generates many contests of every body type (with candidate votes, so candidate
election and ranking are included), runs kandidaat's engine on them and, in the
same run, votelib's plain D'Hondt on the same list totals and seat numbers.
votelib knows none of the Dutch rules; it is only a reference point for cost.

Usage: .venv/bin/python bench/bench_seats.py [--contests N] [--seed S]
"""

from __future__ import annotations

import argparse
import random
import time
from typing import TYPE_CHECKING

from kandidaat.domain.seats import (
    Body,
    Candidate,
    Completed,
    Contest,
    LotsRequired,
    PartyList,
    allocate,
)

if TYPE_CHECKING:
    from collections.abc import Callable

SEATS = {
    Body.TK: (150, 150),
    Body.EP: (31, 31),
    Body.EK: (75, 75),
    Body.PS: (39, 55),
    Body.AB: (18, 30),
    Body.GR: (9, 45),
    Body.ER: (5, 9),
}
LISTS = {Body.TK: (15, 26), Body.EP: (10, 20), Body.EK: (10, 16)}


def generate(body: Body, rng: random.Random) -> Contest:
    """One contest with a realistic shape: a few big lists, many small ones."""
    low, high = SEATS[body]
    seats = rng.randint(low, high)
    list_low, list_high = LISTS.get(body, (3, 14))
    count = rng.randint(list_low, list_high)
    electorate = seats * rng.randint(300, 70_000)
    weights = [rng.paretovariate(1.2) for _ in range(count)]
    scale = sum(weights)
    lists = []
    for number, weight in enumerate(weights, 1):
        votes = int(electorate * weight / scale)
        size = rng.randint(max(1, seats // 4), 80 if body is Body.TK else 50)
        shares = [rng.paretovariate(1.5) for _ in range(size)]
        shares[0] *= 20  # the lijsttrekker draws most votes
        total_share = sum(shares)
        candidate_votes = [int(votes * share / total_share) for share in shares]
        candidate_votes[0] += votes - sum(candidate_votes)
        candidates = tuple(
            Candidate(position, f"kandidaat {position}", v)
            for position, v in enumerate(candidate_votes, 1)
        )
        lists.append(PartyList(number, f"lijst {number}", votes, candidates))
    return Contest(body, seats, tuple(lists))


def answers_for(contest: Contest) -> list[int]:
    """Lots a committee might draw (first option), so every contest completes."""
    answers: list[int] = []
    outcome = allocate(contest, answers)
    while isinstance(outcome, LotsRequired):
        answers.append(outcome.request.options[0])
        outcome = allocate(contest, answers)
    return answers


def timed(function: Callable[[], object], repeat: int) -> float:
    """Best wall-clock time of ``repeat`` runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    """Run the benchmark and print figures and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contests", type=int, default=200, help="contests per body type")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    from votelib.evaluate.proportional import HighestAverages  # noqa: PLC0415 - dev only

    rng = random.Random(args.seed)
    contests = [generate(body, rng) for body in SEATS for _ in range(args.contests)]
    lots = [answers_for(contest) for contest in contests]
    with_lots = sum(1 for answers in lots if answers)
    dhondt = HighestAverages("d_hondt")
    plain = [
        ({str(p.number): p.votes for p in contest.lists}, contest.seats) for contest in contests
    ]

    def ours() -> None:
        for contest, answers in zip(contests, lots, strict=True):
            outcome = allocate(contest, answers)
            if not isinstance(outcome, Completed):
                raise TypeError(outcome)

    def reference() -> None:
        for votes, seats in plain:
            dhondt.evaluate(votes, seats)

    n = len(contests)
    candidates = sum(len(p.candidates) for c in contests for p in c.lists)
    # Interleave the two so that load from other processes hits both alike.
    t_ours = t_ref = float("inf")
    for _ in range(args.repeat):
        t_ours = min(t_ours, timed(ours, 1))
        t_ref = min(t_ref, timed(reference, 1))
    print(f"contests: {n} ({args.contests} per body type: {', '.join(b.value for b in SEATS)})")
    print(f"lists: {sum(len(c.lists) for c in contests)}, candidates: {candidates}")
    print(f"contests needing drawing of lots (replayed with answers): {with_lots}")
    print("per body type (microseconds per contest; ratio = kandidaat / votelib):")
    for index, body in enumerate(SEATS):
        part = slice(index * args.contests, (index + 1) * args.contests)
        mine = list(zip(contests[part], lots[part], strict=True))
        theirs = plain[part]
        best_mine = best_theirs = float("inf")
        for _ in range(args.repeat):
            best_mine = min(best_mine, timed(lambda m=mine: [allocate(c, a) for c, a in m], 1))
            best_theirs = min(
                best_theirs, timed(lambda t=theirs: [dhondt.evaluate(v, s) for v, s in t], 1)
            )
        per = 1e6 / args.contests
        print(
            f"  {body.value}: kandidaat {best_mine * per:7.0f}  votelib {best_theirs * per:7.0f}"
            f"  ratio {best_mine / best_theirs:5.2f}"
        )
    print(f"kandidaat full procedure (seats + candidates + ranking): {n / t_ours:10.0f} contests/s")
    print(f"votelib plain D'Hondt (list seats only):                {n / t_ref:10.0f} contests/s")
    print(f"ratio kandidaat time / votelib time (all contests): {t_ours / t_ref:.2f}")


if __name__ == "__main__":
    main()
