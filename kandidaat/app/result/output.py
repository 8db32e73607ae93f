"""The output of ``kandidaat uitslag``: one JSON object, or the Dutch report."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kandidaat.app.seats.output_json import fraction_text, request_to_json
from kandidaat.app.seats.report_text import render
from kandidaat.domain.seats import Completed, LotsRequired

if TYPE_CHECKING:
    from kandidaat.app.result.run import ResultRun
    from kandidaat.domain.seats import Contest, SeatResult

STATUS = {0: "result", 1: "result_with_findings", 2: "error", 3: "drawing_of_lots_required"}


def elected_in_order(result: SeatResult, number: int) -> list[dict[str, Any]]:
    """The elected candidates of one list in the order of election (P 15, then P 17).

    For a lijstengroep (Kieswet art. P 3, P 16, P 18, versie 2026) each elected
    candidate also names the list of the group he is elected on (``sublist``,
    numbered by the lowest kieskring) and its kieskringen; ``votes`` are his
    votes on that list.
    """
    contest = result.contest
    party_list = contest.list_by_number(number)
    sublists = {s.number: s for s in party_list.sublists}
    elected: list[dict[str, Any]] = []
    for election in result.elections:
        if election.list_number != number:
            continue
        sublist = sublists.get(election.sublist_number or 0)
        candidates = sublist.candidates if sublist is not None else party_list.candidates
        by_position = {c.position: c for c in candidates}
        for how, positions in (
            ("voorkeur", election.preferential),
            ("lijstvolgorde", election.in_list_order),
        ):
            for position in positions:
                candidate = by_position[position]
                entry: dict[str, Any] = {
                    "name": candidate.name,
                    "position": position,
                    "short_code": candidate.key if candidate.key != candidate.name else None,
                    "votes": candidate.votes,
                    "by": how,
                }
                if sublist is not None:
                    entry["sublist"] = sublist.number
                    entry["kieskringen"] = list(sublist.kieskringen)
                elected.append(entry)
    return elected


def _lists(contest: Contest, result: SeatResult | None, *, named: bool) -> list[dict[str, Any]]:
    lists = []
    for party_list in contest.lists:
        item: dict[str, Any] = {
            "number": party_list.number,
            "name": party_list.name,
            "votes": party_list.votes,
            "seats": result.seats[party_list.number] if result is not None else None,
        }
        if result is not None and named:
            item["elected"] = elected_in_order(result, party_list.number)
        lists.append(item)
    return lists


def to_json(run: ResultRun) -> dict[str, Any]:
    """One object: election, contest, seats, quota, lists with elected, differences."""
    code = run.exit_code
    document: dict[str, Any] = {"status": STATUS[code], "exit_code": code}
    if run.errors:
        document["errors"] = list(run.errors)
    if run.election is not None:
        document["election"] = {
            "id": run.election.id,
            "name": run.election.name,
            "category": run.election.category,
        }
    document["level"] = run.top_level or None
    if run.conversion is not None:
        contest = run.conversion.contest
        result = run.outcome.result if isinstance(run.outcome, Completed) else None
        document["contest"] = contest.name
        document["seats"] = contest.seats
        document["total_votes"] = contest.total_votes
        document["quota"] = fraction_text(result.quota) if result is not None else None
        document["candidates_named"] = run.conversion.named
        document["lists"] = _lists(contest, result, named=run.conversion.named)
        if isinstance(run.outcome, LotsRequired):
            document["lot_request"] = request_to_json(
                run.outcome.request, len(run.outcome.lots_drawn) + 1
            )
    if run.totals is not None:
        document["blank"] = run.totals.blank
        document["invalid"] = run.totals.invalid
    document["differences"] = [
        {
            "what": d.what,
            "lower_sources": list(d.lower_sources),
            "lower": d.lower,
            "upper_source": d.upper_source,
            "upper": d.upper,
            "message": d.message,
        }
        for d in run.differences
    ]
    document["findings"] = list(run.findings)
    return document


def to_text(run: ResultRun) -> str:
    """The Dutch report: differences and findings first, then the seat report."""
    lines: list[str] = []
    if run.errors:
        lines += ["Fout:", *(f"  - {error}" for error in run.errors)]
        return "\n".join(lines) + "\n"
    if run.differences:
        lines.append(f"Verschillen tussen de niveaus ({len(run.differences)}):")
        lines += [f"  - {d.message}" for d in run.differences]
    elif run.top_level:
        lines.append("Tellingen: geen verschillen tussen de gegeven niveaus.")
    if run.findings:
        lines.append(f"Bevindingen ({len(run.findings)}):")
        lines += [f"  - {finding}" for finding in run.findings]
    if run.totals is not None:
        lines.append(
            f"Blanco stemmen: {run.totals.blank}; ongeldige stemmen: {run.totals.invalid}; "
            f"uitslag uit {run.top_level} ({len(run.totals.sources)} bestand(en))"
        )
    lines.append("")
    text = "\n".join(lines) + "\n"
    if run.outcome is not None and run.conversion is not None:
        text += render(run.outcome, run.conversion.contest)
        if not run.conversion.named:
            text += "\nDe gekozen kandidaten zijn niet aangewezen: zie de bevindingen hierboven.\n"
    return text
