"""The count workspace's log as Dutch text, and whether its chain holds."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kandidaat.app.csb.log import LogReport
from kandidaat.store.count import CountWorkspace

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from kandidaat.store.audit_log import LogEntry

__all__ = ["describe", "read_log", "render_log"]

_CHOICES = {"1": "invoer 1 behouden", "2": "invoer 2 behouden", "opnieuw": "beide opnieuw"}


def read_log(workspace_path: Path) -> LogReport:
    """Open the workspace even when its chain is broken, and read the log."""
    with CountWorkspace.open(workspace_path, allow_broken_log=True) as workspace:
        return LogReport(workspace.log(), workspace.log_problems)


def describe(entry: LogEntry) -> str:
    """One entry's action in Dutch words (never the figures of an entry)."""
    try:
        data: Any = entry.data
    except ValueError:
        return f"{entry.action} (gegevens onleesbaar)"
    if not isinstance(data, dict):
        return entry.action
    described: Callable[[dict[str, Any]], str] | None = {
        "aangemaakt": _created,
        "zitting": _session,
        "invoer": _entry,
        "besluit": _decision,
        "export": _export,
        "onderzoek": _investigation,
    }.get(entry.action)
    if described is not None:
        return described(data)
    return f"{entry.action}: {entry.payload[:200]}"


def _created(data: dict[str, Any]) -> str:
    files = ", ".join(f"{kind} {name}" for kind, name, _ in data.get("bestanden", []))
    return (
        f"telbestand aangemaakt voor {data.get('verkiezing')}: {data.get('stembureaus')} "
        f"stembureau(s), {data.get('lijsten')} lijst(en) ({files})"
    )


def _session(data: dict[str, Any]) -> str:
    return (
        f"zitting {data.get('zitting')} op {data.get('datum')} in {data.get('plaats')} "
        f"({data.get('reden')}), aanwezig: {', '.join(data.get('leden', []))}"
    )


def _entry(data: dict[str, Any]) -> str:
    confirmed = data.get("bevestigd") or []
    extra = f", waarschuwingen bevestigd: {', '.join(confirmed)}" if confirmed else ""
    return f"invoer {data.get('invoer')} van stembureau {data.get('stembureau')}{extra}"


def _decision(data: dict[str, Any]) -> str:
    return (
        f"besluit over stembureau {data.get('stembureau')}: "
        f"{_CHOICES.get(str(data.get('houd')), data.get('houd'))} "
        f"({len(data.get('verschillen', []))} veld(en) verschilden)"
    )


def _investigation(data: dict[str, Any]) -> str:
    return (
        f"onderzoek van stembureau {data.get('stembureau')} in zitting {data.get('zitting')}: "
        f"{data.get('reden')}; het eerdere resultaat is bewaard"
    )


def _export(data: dict[str, Any]) -> str:
    return f"EML 510b geschreven: {data.get('bestand')}, hashcode {data.get('hashcode')}"


def render_log(report: LogReport) -> str:
    """The log, one line per entry, and a last line on the chain."""
    lines = [
        f"{entry.seq:>4}  {entry.at[:19].replace('T', ' ')} UTC  {entry.actor}  {describe(entry)}"
        for entry in report.entries
    ]
    if report.intact:
        lines.append(
            f"Het logboek is intact: {len(report.entries)} regel(s); de keten van "
            "SHA-256-hashes klopt."
        )
    else:
        lines.append("HET LOGBOEK IS NIET INTACT: het bestand is buiten kandidaat gewijzigd.")
        lines.extend(f"  - {problem}" for problem in report.problems)
    return "\n".join(lines) + "\n"
