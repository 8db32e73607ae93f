"""Run the nomination checks on a project or an EML 210 and present the findings.

The checks themselves live in :mod:`kandidaat.domain.nomination.checks`; this
module loads the target, applies what the command line adds (another election
definition, the previous result), and turns the findings into Dutch text grouped
by severity or into JSON.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kandidaat.app.exitcodes import EXIT_FINDINGS, EXIT_OK
from kandidaat.app.nomination.project import election_from_110a, load_target_with_facts
from kandidaat.domain.nomination.checks import Gap, SourceFacts, run_checks
from kandidaat.domain.nomination.findings import Finding, Severity
from kandidaat.domain.nomination.model import Election, Nomination

if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path


__all__ = ["CheckReport", "check_nomination", "check_target", "findings_json", "render_text"]

_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_HEADINGS = {
    Severity.ERROR: ("Fouten (niet inleverbaar)", "fout", "fouten"),
    Severity.WARNING: ("Waarschuwingen (actie vereist)", "waarschuwing", "waarschuwingen"),
    Severity.INFO: ("Ter informatie", "ter informatie", "ter informatie"),
}


@dataclass(frozen=True, slots=True)
class CheckReport:
    """What was checked and what the checks found."""

    source: str
    nomination: Nomination
    findings: tuple[Finding, ...]
    facts: SourceFacts = dataclasses.field(default_factory=SourceFacts)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings that make a list impossible to submit."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def exit_code(self) -> int:
        """1 when there are errors, else 0 (warnings and information do not fail)."""
        return EXIT_FINDINGS if self.errors else EXIT_OK


def check_nomination(
    nomination: Nomination,
    source: str,
    *,
    today: date | None = None,
    facts: SourceFacts | None = None,
) -> CheckReport:
    """Run every check on a nomination already in memory.

    ``facts`` says what its source did not carry (default: a complete project).
    """
    known = facts or SourceFacts()
    findings = run_checks(nomination, today=today, facts=known)
    return CheckReport(source, nomination, tuple(findings), known)


def check_target(
    path: Path,
    *,
    election_file: Path | None = None,
    election: Election | None = None,
    previous_seats: int | None = None,
    today: date | None = None,
) -> CheckReport:
    """Check a ``.kandidaat`` project or an EML 210 file.

    ``election_file`` (an EML 110a) or ``election`` (already read, e.g. a
    built-in one) replaces the election the target names; ``previous_seats``
    sets the appellation's result at the previous election (Kieswet art. H 4
    lid 8 and H 6 lid 2, geldend op 2026-01-01), which a 210 does not carry.
    What a bare 210 does not say is reported as not checkable (ADR 0024).

    Raises:
        InputError: a target or 110a that cannot be read (Dutch, naming it).
    """
    if election_file is not None:
        election = election_from_110a(election_file)
    read = load_target_with_facts(path, election=election, allow_unknown_date=True)
    nomination = read.nomination
    if previous_seats is not None:
        party = dataclasses.replace(nomination.party, previous_seats=previous_seats)
        nomination = dataclasses.replace(nomination, party=party)
    return check_nomination(nomination, path.name, today=today, facts=read.facts)


def _candidate_name(nomination: Nomination, key: str | None) -> str | None:
    if key is None:
        return None
    try:
        return nomination.candidate(key).display_name
    except KeyError:
        return None


def findings_json(report: CheckReport) -> list[dict[str, Any]]:
    """The findings as JSON objects, most severe first.

    Each has ``severity`` (error, warning, info), ``article`` (e.g. "Kieswet
    H 6 lid 2"), ``message`` and ``advice`` (Dutch), ``list`` and
    ``candidate`` (keys, or null), ``candidate_name``, ``code`` and ``field``.
    """
    ordered = sorted(report.findings, key=lambda f: _ORDER.index(f.severity))
    return [
        {
            "severity": finding.severity.value,
            "article": finding.article,
            "message": finding.message,
            "advice": finding.advice,
            "list": finding.list_key,
            "candidate": finding.candidate_key,
            "candidate_name": _candidate_name(report.nomination, finding.candidate_key),
            "code": finding.code,
            "field": finding.field,
        }
        for finding in ordered
    ]


def _where(report: CheckReport, finding: Finding) -> str:
    """Which list a finding is about, numbered as the user sees the lists (1, 2, ...).

    The message itself already names the candidate; the keys and field names
    are for ``--json`` and the desktop application, not for reading.
    """
    if finding.list_key is None or len(report.nomination.lists) < 2:
        return ""
    for number, candidate_list in enumerate(report.nomination.lists, 1):
        if candidate_list.key == finding.list_key:
            return f" (lijst {number})"
    return ""


def _count(severity: Severity, number: int) -> str:
    _, one, many = _HEADINGS[severity]
    return f"{number} {one if number == 1 else many}"


_GAP_WORDS = {
    Gap.ELECTION_DATE: "de verkiezingsdatum",
    Gap.SEATS: "het aantal zetels",
    Gap.KIESKRING_NAMES: "de namen van de kieskringen",
    Gap.KIESKRINGEN: "welke kieskringen de verkiezing heeft",
}


def _gaps_lines(facts: SourceFacts) -> list[str]:
    """Say up front what the source did not carry (ADR 0024); nothing for a project."""
    lines = []
    missing = [words for gap, words in _GAP_WORDS.items() if facts.lacks(gap)]
    if missing:
        lines.append(
            f"Let op: het bestand noemt {_and(missing)} niet; wat daarvan afhangt is "
            "zonder de verkiezingsdefinitie niet te controleren (geef --election: een EML "
            "110a-bestand of een ingebouwde verkiezing)."
        )
    if facts.lacks(Gap.PAPER):
        lines.append(
            f"Wat alleen op papier staat (machtiging H 3-1/H 3-2, verklaringen van "
            f"voorgenomen vestiging, zittende leden, de vorige uitslag) staat niet in "
            f"{facts.source}; controleer dat in het project of op de stukken."
        )
    return lines


def _and(items: list[str]) -> str:
    """Items joined as a Dutch reader writes them: a; a en b; a, b en c."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} en {items[-1]}"


def render_text(report: CheckReport) -> str:
    """The findings in Dutch, grouped by severity, with what to do and where."""
    nomination = report.nomination
    party = nomination.party.appellation or "blanco lijst"
    lines = [f"Controle van {report.source}: {party}, {nomination.election.name}"]
    lines += _gaps_lines(report.facts)
    lines.append("")
    for severity in _ORDER:
        group = [f for f in report.findings if f.severity is severity]
        if not group:
            continue
        lines.append(f"{_HEADINGS[severity][0]}: {len(group)}")
        for finding in group:
            lines.append(f"  - [{finding.article}] {finding.message}{_where(report, finding)}")
            if finding.advice:
                lines.append(f"    Wat te doen: {finding.advice}")
        lines.append("")
    if report.findings:
        summary = ", ".join(
            _count(severity, sum(1 for f in report.findings if f.severity is severity))
            for severity in _ORDER
        )
        lines.append(f"Samenvatting: {summary}.")
    else:
        lines.append("Geen bevindingen: de controles vonden niets.")
    if not report.errors:
        lines.append("Geen fouten: de lijst(en) kunnen zo worden ingeleverd.")
    return "\n".join(lines) + "\n"
