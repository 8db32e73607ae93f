"""Making the documents of the open project, and page previews of a PDF.

The use case behind the Documenten page: it writes the EML 210 of every list
(its hash code goes into every footer), computes what the documents print
besides the nomination (H 4 counts, waarborgsom, deadlines, the CONCEPT
reasons) and calls :func:`kandidaat.documents.render_documents`. It runs in a
worker thread: it takes plain frozen records and touches neither the session
nor the project file.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kandidaat import __version__
from kandidaat.app.nomination.eml_files import ExportedList, export_all_210
from kandidaat.common.os_reasons import Action, os_reason
from kandidaat.common.unprintable import find_unprintable, visible
from kandidaat.documents import RenderContext, render_documents
from kandidaat.documents.folder import (
    check_target,
    clean_leftovers,
    new_work_folder,
    remove_work_folder,
)
from kandidaat.domain.errors import InputError, KandidaatError
from kandidaat.domain.nomination.deadlines import election_dates
from kandidaat.domain.nomination.findings import Severity
from kandidaat.domain.nomination.model import Nomination
from kandidaat.domain.nomination.structure import (
    deposit_rule,
    exempt_from_support,
    support_required,
)

if TYPE_CHECKING:
    from kandidaat.app.editing.session import EditingSession
    from kandidaat.domain.nomination.findings import Finding

__all__ = [
    "EML_FOLDER",
    "GeneratedDocuments",
    "concept_reasons",
    "generate_documents",
    "preview_pages",
    "refuse_unprintable",
]

EML_FOLDER = "EML_210"
"""The sub-folder of the documents folder that holds the EML 210 files."""
NO_HASH = " ".join(["0000"] * 16)
"""Printed in the footer of a concept when no EML 210 could be written yet."""
PREVIEW_DPI = 60
PDFTOPPM_TIMEOUT_SECONDS = 60


@dataclass(frozen=True, slots=True)
class GeneratedDocuments:
    """The documents written for one state of the nomination."""

    nomination: Nomination
    out_dir: Path
    files: tuple[Path, ...]
    combined: Path
    concept: bool
    reasons: tuple[str, ...]


def findings_concept_reasons(findings: tuple[Finding, ...]) -> tuple[str, ...]:
    """Why the documents are a concept: the errors the checks still find."""
    errors = sum(1 for finding in findings if finding.severity is Severity.ERROR)
    if not errors:
        return ()
    word = "fout" if errors == 1 else "fouten"
    return (f"de controle vindt nog {errors} {word}",)


def concept_reasons(session: EditingSession) -> tuple[str, ...]:
    """Why documents made now would be marked CONCEPT (empty: they may be handed in)."""
    try:
        return findings_concept_reasons(session.findings())
    except KandidaatError as error:
        return (f"de controle kon niet worden uitgevoerd ({error.message})",)


def render_context(
    nomination: Nomination,
    findings: tuple[Finding, ...],
    hashes: dict[str, str],
    created: datetime,
    extra_reasons: tuple[str, ...] = (),
) -> RenderContext:
    """What the documents print besides the nomination.

    Kieswet art. H 4 lid 1 and lid 8 (ondersteuningsverklaringen per
    kieskring, or none when exempt), H 12 - H 14 (waarborgsom; none when
    exempt, H 12 lid 2) and the deadlines of chapter J and H (geldend op
    2026-01-01), all from the domain.
    """
    election = nomination.election
    exempt = exempt_from_support(nomination.party)
    h4 = (
        None
        if exempt
        else {kring.number: support_required(election, kring) for kring in election.kieskringen}
    )
    rule = deposit_rule(election.body)
    deposit = 0 if exempt or not rule.required else (rule.amount_cents or 0)
    first_hash = next(iter(hashes.values()), NO_HASH)
    return RenderContext(
        eml_hash=first_hash,
        app_version=__version__,
        created=created.date(),
        h4_required=h4,
        deposit_cents=deposit,
        dates=election_dates(election),
        concept_reasons=(*findings_concept_reasons(findings), *extra_reasons),
        eml_hashes=hashes,
    )


def generate_documents(
    nomination: Nomination,
    findings: tuple[Finding, ...],
    out_dir: Path,
    *,
    created: datetime | None = None,
) -> GeneratedDocuments:
    """Write the EML 210 files and every document into ``out_dir``.

    ``out_dir`` must be new, empty, or hold an earlier set of documents: the
    files kandidaat wrote are replaced, the user's files kept (ADR 0046). The
    EML 210 files are part of the set, written in place with it. On any error
    nothing half-written remains.

    Raises:
        InputError: no lists, a list that cannot be written as EML 210, or a
            folder that cannot be used (Dutch, naming it).
    """
    refuse_unprintable(nomination)
    out_dir = Path(out_dir)
    moment = created or datetime.now().astimezone()
    clean_leftovers(out_dir)
    check_target(out_dir, frozenset())  # a foreign folder is refused before anything is made
    eml_tmp = new_work_folder(out_dir, suffix=".eml")
    try:
        exported, reasons = _export_eml(nomination, eml_tmp, moment)
        hashes = {item.list_key: item.hash_code for item in exported}
        context = render_context(nomination, findings, hashes, moment, reasons)
        extra = ((EML_FOLDER, eml_tmp),) if exported else ()
        document_set = render_documents(nomination, context, out_dir, extra_folders=extra)
    finally:
        if eml_tmp.exists():
            remove_work_folder(eml_tmp)
    eml_files = tuple(out_dir / EML_FOLDER / item.path.name for item in exported)
    return GeneratedDocuments(
        nomination=nomination,
        out_dir=out_dir,
        files=tuple(item.path for item in document_set.files) + eml_files,
        combined=document_set.combined,
        concept=context.concept,
        reasons=context.concept_reasons,
    )


_FIELD_NAMES = {
    "appellation": "aanduiding",
    "last_name": "achternaam",
    "initials": "voorletters",
    "prefix": "tussenvoegsel",
    "first_name": "roepnaam",
    "locality": "woonplaats",
    "street": "straat en huisnummer",
    "postal_code": "postcode",
    "country_code": "land",
    "place_of_birth": "geboorteplaats",
    "home_state_address": "adres in de lidstaat van herkomst",
    "statutory_name": "statutaire naam",
    "agent_name": "naam van de gemachtigde",
    "settlement_areas": "gebied van vestiging",
    "nationality": "nationaliteit",
    "bsn": "BSN",
    "key": "kenmerk",
    "name": "naam",
}
_PARTS = {
    "submitter": "de inleveraar",
    "substitutes": "plaatsvervanger",
    "agent": "de gemachtigde",
    "correspondence": "het correspondentieadres",
    "address": "het adres",
    "groups": "groepering",
    "election": "de verkiezing",
    "kieskringen": "kieskring",
}


def refuse_unprintable(nomination: Nomination) -> None:
    """Refuse, in Dutch and naming the field, text that cannot be printed (an old project).

    Raises:
        InputError: a field holds a control character or a lone surrogate.
    """
    found = find_unprintable(nomination)
    if found is None:
        return
    where: list[str] = []
    path = list(found.path)
    if path[:1] == ["candidates"] and len(path) > 1 and isinstance(path[1], int):
        candidate = nomination.candidates[path[1]]
        name = visible(f"{candidate.initials} {candidate.last_name}".strip())
        where.append(f"kandidaat {path[1] + 1} ({name})")
        path = path[2:]
    elif path[:1] == ["lists"] and len(path) > 1 and isinstance(path[1], int):
        where.append(f"lijst {path[1] + 1}")
        path = path[2:]
    elif path[:1] == ["party"]:
        where.append("de partij")
        path = path[1:]
    field = "?"
    for index, part in enumerate(path):
        if isinstance(part, int):
            where[-1:] = [f"{where[-1]} {part + 1}"] if where else [str(part + 1)]
        elif index == len(path) - 1 or part not in _PARTS:
            field = _FIELD_NAMES.get(part, part)
        else:
            where.append(_PARTS[part])
    if found.path and isinstance(found.path[-1], int) and len(path) > 1:
        field = _FIELD_NAMES.get(str(path[-2]), str(path[-2]))
    place = ", ".join(where) or "de kandidaatstelling"
    place = place[0].upper() + place[1:]
    raise InputError(
        f"{place}: het veld {field} bevat een teken dat niet kan worden afgedrukt "
        f"({found.code}, teken {found.position}). Haal het weg en maak de documenten "
        "opnieuw; er is niets geschreven."
    )


def _export_eml(
    nomination: Nomination, folder: Path, moment: datetime
) -> tuple[tuple[ExportedList, ...], tuple[str, ...]]:
    """The EML 210 files, or none and the reason (the documents are then a concept)."""
    try:
        return export_all_210(nomination, folder, created=moment), ()
    except InputError as error:
        if not nomination.lists:
            raise
        return (), (f"het EML 210-bestand kon nog niet worden gemaakt ({error.message})",)
    except OSError as error:
        # e.g. a file name the EML export derived from a long appellation (ENAMETOOLONG).
        if not nomination.lists:
            raise
        reason = os_reason(error, Action.WRITE_FILE)
        return (), (f"het EML 210-bestand kon niet worden geschreven ({reason})",)


def preview_pages(pdf: Path, *, pages: int = 1) -> tuple[Path, ...]:
    """PNG images of the first ``pages`` pages of ``pdf`` (empty without pdftoppm).

    Uses ``pdftoppm`` of poppler-utils when it is installed; the images go to
    a temporary folder that the operating system cleans up.
    """
    if pdf.suffix.lower() != ".pdf":
        return ()
    program = shutil.which("pdftoppm")
    if program is None:
        return ()
    folder = Path(tempfile.mkdtemp(prefix="kandidaat-voorbeeld-"))
    prefix = folder / "blad"
    command = [
        program,
        "-png",
        "-r",
        str(PREVIEW_DPI),
        "-f",
        "1",
        "-l",
        str(pages),
        str(pdf),
        str(prefix),
    ]
    try:
        subprocess.run(  # noqa: S603 - fixed program found on PATH, argument list, no shell
            command, check=True, capture_output=True, timeout=PDFTOPPM_TIMEOUT_SECONDS
        )
    except (OSError, subprocess.SubprocessError) as error:
        raise InputError(f"{pdf.name}: er kon geen voorbeeld worden gemaakt ({error})") from error
    return tuple(sorted(folder.glob("blad*.png")))
