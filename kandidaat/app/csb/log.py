"""The CSB workspace's log as Dutch text, and whether its chain holds."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kandidaat.store.audit_log import LogEntry
from kandidaat.store.csb import CsbWorkspace

if TYPE_CHECKING:
    from pathlib import Path


__all__ = ["LogReport", "describe", "grouped_hash", "read_log", "render_log"]


@dataclass(frozen=True, slots=True)
class LogReport:
    """Every entry and the breaks in the chain (empty when it holds)."""

    entries: tuple[LogEntry, ...]
    problems: tuple[str, ...]

    @property
    def intact(self) -> bool:
        """True when the chain holds."""
        return not self.problems


def grouped_hash(hex_digest: str) -> str:
    """A hex digest as the Kiesraad prints hash codes: upper case, groups of four."""
    upper = hex_digest.upper()
    return " ".join(upper[i : i + 4] for i in range(0, len(upper), 4))


def read_log(workspace_path: Path) -> LogReport:
    """Open the workspace even when its chain is broken, and read the log."""
    with CsbWorkspace.open(workspace_path, allow_broken_log=True) as workspace:
        return LogReport(workspace.log(), workspace.log_problems)


def describe(entry: LogEntry) -> str:
    """One entry's action in Dutch words."""
    try:
        data: Any = entry.data
    except ValueError:
        return f"{entry.action} (gegevens onleesbaar)"
    if not isinstance(data, dict):
        return entry.action
    simple = {
        "aangemaakt": lambda: (
            f"werkbestand aangemaakt voor {data.get('verkiezing')} ({data.get('bron')})"
        ),
        "stukken": lambda: (
            f"stukken bij inlevering {data.get('inlevering')} ontvangen "
            f"{data.get('ontvangen')}: "
            + ", ".join(
                f"{code}{'@' + kk if kk else ''}{'=' + str(n) if n is not None else ''}"
                for code, kk, n in data.get("stukken", [])
            )
        ),
        "lijsten genummerd": lambda: _numbering(data),
        "vastgesteld": lambda: _established(data),
        "proces-verbaal I 1": lambda: (
            f"proces-verbaal I 1 geschreven: {data.get('bestand')} van {data.get('datum')}, "
            f"bij logboek-hash {data.get('logboek')} (SHA-256 {data.get('sha256')})"
        ),
        "bezwaar": lambda: (
            "vastgelegd: geen bezwaren ingebracht in de zitting"
            if data.get("bezwaar") == 0
            else f"bezwaar {data.get('bezwaar')}"
            + (f" van {str(data.get('kiezer'))[:100]}" if data.get("kiezer") else "")
            + f": {str(data.get('tekst'))[:200]}; antwoord: {str(data.get('antwoord'))[:200]}"
        ),
        "verzuim": lambda: (
            f"verzuim {data.get('verzuim')} vastgesteld bij inlevering {data.get('inlevering')}"
            + (f", kieskring {data.get('kieskring')}" if data.get("kieskring") else "")
            + (f", kandidaat op plaats {data.get('kandidaat')}" if data.get("kandidaat") else "")
            + f": {data.get('code')}"
            + (f" ({str(data.get('toelichting'))[:200]})" if data.get("toelichting") else "")
        ),
        "hersteld": lambda: (
            f"verzuim {data.get('verzuim')} hersteld op {data.get('hersteld')}"
            + (f" ({str(data.get('toelichting'))[:200]})" if data.get("toelichting") else "")
        ),
        "verzuimbrief": lambda: (
            f"verzuimbrief voor inlevering {data.get('inlevering')} van {data.get('datum')} "
            f"geschreven: {data.get('bestand')} (verzuim "
            + ", ".join(str(n) for n in data.get("verzuimen", []))
            + f"; SHA-256 {data.get('sha256')})"
        ),
        "ondersteuningsverklaringen": lambda: (
            f"{data.get('aantal')} ondersteuningsverklaring(en) ingevoerd uit {data.get('bron')} "
            f"(SHA-256 {data.get('sha256')})"
        ),
        "register": lambda: (
            f"register van aanduidingen ingelezen uit {data.get('bron')}: "
            f"{len(data.get('aanduidingen', []))} aanduiding(en)"
        ),
    }
    if entry.action in simple:
        return simple[entry.action]()
    if entry.action == "ontvangen":
        return _received(data)
    if entry.action == "onderzocht":
        return (
            f"onderzoek: {data.get('fouten')} fout(en), {data.get('waarschuwingen')} "
            f"waarschuwing(en) over {data.get('inleveringen')} inlevering(en)"
        )
    return f"{entry.action}: {entry.payload[:200]}"


def _received(data: dict[str, Any]) -> str:
    """A received submission: file or paper, in time or late, how it was confirmed."""
    on_time = "" if data.get("op_tijd", True) else ", NA DE TERMIJN"
    if data.get("papier"):
        return (
            f"inlevering {data.get('inlevering')} ontvangen op papier, ingetypt in "
            f"{data.get('papier')} (SHA-256 {data.get('papier_sha256')}) "
            f"({data.get('aanduiding') or 'blanco lijst'}, {data.get('kandidaten')} "
            f"kandidaten), ontvangen {data.get('ontvangen')}{on_time}, ingetypte lijst "
            f"bevestigd met de hashcode ({data.get('hashcode')}), SHA-256 {data.get('sha256')}"
        )
    return (
        f"inlevering {data.get('inlevering')} ontvangen: {data.get('bestand')} "
        f"({data.get('aanduiding') or 'blanco lijst'}, {data.get('kandidaten')} "
        f"kandidaten), ontvangen {data.get('ontvangen')}{on_time}, hashcode "
        f"{data.get('hashcode')} bevestigd, SHA-256 {data.get('sha256')}"
    )


def _numbering(data: dict[str, Any]) -> str:
    """The logged numbering: number=appellation, the draws and the invalid submissions."""
    order = ", ".join(
        f"{item.get('nummer')}={item.get('aanduiding') or 'blanco'}"
        for item in data.get("lijsten", [])
        if isinstance(item, dict)
    )
    lots = data.get("loten") or []
    drawn = f"; loting: {', '.join(str(n) for n in lots)}" if lots else ""
    invalid = data.get("ongeldig") or []
    struck = f"; ongeldig: {', '.join(str(n) for n in invalid)}" if invalid else ""
    return f"lijsten genummerd: {order}{drawn}{struck}"[:400]


def _established(data: dict[str, Any]) -> str:
    """The logged establishment: the date, the numbers and every 230b with its hash code."""
    order = ", ".join(
        f"{item[0]}={item[1] or 'blanco'}"
        for item in data.get("lijsten", [])
        if isinstance(item, list) and len(item) >= 2
    )
    files = "; ".join(
        f"{item[0]} (hashcode {item[1]})"
        for item in data.get("bestanden", [])
        if isinstance(item, list) and len(item) == 2
    )
    invalid = data.get("ongeldig") or []
    struck = f"; ongeldig: {', '.join(str(n) for n in invalid)}" if invalid else ""
    there = [
        f"inlevering {item[0]} in kieskring {item[1]}"
        for item in data.get("ongeldig_in", [])
        if isinstance(item, list) and len(item) >= 2
    ]
    if there:
        struck += f"; ongeldig in: {', '.join(there)}"
    return f"lijsten vastgesteld op {data.get('datum')}: {order}{struck}; 230b: {files}"[:2000]


def render_log(report: LogReport, *, hashes: bool = False) -> str:
    """The log, a line per entry (with ``hashes`` its chain hash), a last line on the chain."""
    lines = []
    for entry in report.entries:
        when = entry.at[:19].replace("T", " ")
        lines.append(f"{entry.seq:>4}  {when} UTC  {entry.actor}  {describe(entry)}")
        if hashes:
            lines.append(f"      hash {grouped_hash(entry.hash)}")
    if report.intact:
        lines.append(
            f"Het logboek is intact: {len(report.entries)} regel(s); de keten van "
            "SHA-256-hashes klopt."
        )
    else:
        lines.append("HET LOGBOEK IS NIET INTACT: het bestand is buiten kandidaat gewijzigd.")
        lines.extend(f"  - {problem}" for problem in report.problems)
    return "\n".join(lines) + "\n"
