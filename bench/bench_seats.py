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

GOAL = 1.0
"""Goal of issue 16: kandidaat's full procedure at most as slow as plain D'Hondt."""

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


def seats_only(contest: Contest) -> Contest:
    """The same contest with candidate counts instead of candidate votes.

    The engine then computes the list seats (P 5 - P 10) and no candidate
    election: the work votelib's D'Hondt does, plus the Dutch rules.
    """
    lists = tuple(
        PartyList(p.number, p.name, p.votes, candidate_count=len(p.candidates))
        for p in contest.lists
    )
    return Contest(contest.body, contest.seats, lists)


def timed(function: Callable[[], object], repeat: int) -> float:
    """Best wall-clock time of ``repeat`` runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def runner(contests: list[Contest], lots: list[list[int]]) -> Callable[[], None]:
    """Run kandidaat's full procedure on every contest; results are dropped."""
    pairs = list(zip(contests, lots, strict=True))

    def run() -> None:
        for contest, answers in pairs:
            outcome = allocate(contest, answers)
            if not isinstance(outcome, Completed):
                raise TypeError(outcome)

    return run


def best_of(functions: list[Callable[[], object]], repeat: int) -> list[float]:
    """Best time of each function; the functions take turns, so load hits all alike."""
    best = [float("inf")] * len(functions)
    for _ in range(repeat):
        for index, function in enumerate(functions):
            best[index] = min(best[index], timed(function, 1))
    return best


def verdict(ratio: float) -> str:
    """Whether a ratio meets the goal, as the table prints it."""
    return "holds" if ratio <= GOAL else "NOT met"


def main() -> None:
    """Run the benchmark and print figures and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contests", type=int, default=200, help="contests per body type")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    # votelib is a development dependency (imported here only) and ships no type hints.
    from votelib.evaluate.proportional import (  # type: ignore[import-untyped]  # noqa: PLC0415
        HighestAverages,
    )

    rng = random.Random(args.seed)
    contests = [generate(body, rng) for body in SEATS for _ in range(args.contests)]
    lots = [answers_for(contest) for contest in contests]
    bare = [seats_only(contest) for contest in contests]
    bare_lots = [answers_for(contest) for contest in bare]
    with_lots = sum(1 for answers in lots if answers)
    dhondt = HighestAverages("d_hondt")
    plain = [
        ({str(p.number): p.votes for p in contest.lists}, contest.seats) for contest in contests
    ]

    def reference_runner(part: list[tuple[dict[str, int], int]]) -> Callable[[], None]:
        def run() -> None:
            for votes, seats in part:
                dhondt.evaluate(votes, seats)

        return run

    n = len(contests)
    candidates = sum(len(p.candidates) for c in contests for p in c.lists)
    # The three take turns (best of N each), so load from other processes hits all alike.
    t_ours, t_bare, t_ref = best_of(
        [runner(contests, lots), runner(bare, bare_lots), reference_runner(plain)], args.repeat
    )
    print(f"contests: {n} ({args.contests} per body type: {', '.join(b.value for b in SEATS)})")
    print(f"lists: {sum(len(c.lists) for c in contests)}, candidates: {candidates}")
    print(f"contests needing drawing of lots (replayed with answers): {with_lots}")
    print("per body type (microseconds per contest, best of --repeat, the three taking turns;")
    print("  ratio = kandidaat / votelib measured in the same run; goal: ratio <= 1.0;")
    print("  'seats only' = the same contests without candidate votes: list seats P 5 - P 10):")
    for index, body in enumerate(SEATS):
        part = slice(index * args.contests, (index + 1) * args.contests)
        mine, only, theirs = best_of(
            [
                runner(contests[part], lots[part]),
                runner(bare[part], bare_lots[part]),
                reference_runner(plain[part]),
            ],
            args.repeat,
        )
        per = 1e6 / args.contests
        ratio = mine / theirs
        print(
            f"  {body.value}: kandidaat {mine * per:7.0f}  seats only {only * per:7.0f}"
            f"  votelib {theirs * per:7.0f}  ratio {ratio:5.2f}"
            f"  seats-only ratio {only / theirs:5.2f}  goal <= {GOAL:.2f}: {verdict(ratio)}"
        )
    print(f"kandidaat full procedure (seats + candidates + ranking): {n / t_ours:10.0f} contests/s")
    print(f"kandidaat list seats only (P 5 - P 10):                  {n / t_bare:10.0f} contests/s")
    print(f"votelib plain D'Hondt (list seats only):                {n / t_ref:10.0f} contests/s")
    print(
        f"ratio kandidaat time / votelib time (all contests): {t_ours / t_ref:.2f}"
        f"  goal <= {GOAL:.2f}: {verdict(t_ours / t_ref)}"
    )
    print(f"ratio for list seats only (all contests):           {t_bare / t_ref:.2f}")


if __name__ == "__main__":
    main()
