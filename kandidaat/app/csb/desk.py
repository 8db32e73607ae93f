"""The CSB workspace as the desktop application's window uses it.

The window never reads the store itself: it opens a :class:`CsbDesk` and calls the
same use cases as ``kandidaat csb``: :func:`~kandidaat.app.csb.receiving.receive`,
:func:`~kandidaat.app.csb.examining.examine`, the omissions, the numbering with the
committee's draws, and :func:`~kandidaat.app.csb.establish.establish`. Every change
is made by a member whose name is asked first and logged as with ``--lid``.

The file is opened (and locked) only for each read or change, so ``kandidaat csb``
works while the window is open.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Self

from kandidaat.app.csb.checklist import checklist, record_documents
from kandidaat.app.csb.establish import establish
from kandidaat.app.csb.examining import examine
from kandidaat.app.csb.numbering import late_numbers, number_submissions
from kandidaat.app.csb.omission_letter import write_letter
from kandidaat.app.csb.omissions import (
    omission_lines,
    record_omission,
    record_repair,
)
from kandidaat.app.csb.receiving import MAX_210_BYTES, HashCodeNeededError, receive
from kandidaat.app.csb.report_i1 import write_i1
from kandidaat.app.csb.support import import_support, support_tally
from kandidaat.app.csb.workspace import load_submissions
from kandidaat.domain.csb.hashcode import shown_blanked
from kandidaat.domain.csb.numbering import lot_question
from kandidaat.domain.csb.receipt import handed_in_in_time
from kandidaat.domain.nomination.deadlines import election_dates
from kandidaat.domain.nomination.findings import Severity
from kandidaat.eml.canonical import hash_code, hash_report
from kandidaat.eml.safe_xml import read_file
from kandidaat.store.audit_log import check_actor
from kandidaat.store.csb import SUFFIX, CsbWorkspace

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

    from kandidaat.app.csb.establish import Established
    from kandidaat.app.csb.examining import Examination
    from kandidaat.app.csb.omissions import OmissionLine, OmissionRequest
    from kandidaat.app.csb.receiving import Received
    from kandidaat.domain.csb.numbering import Numbered, NumberingLotRequired
    from kandidaat.domain.csb.support import SupportTally

__all__ = [
    "SUFFIX",
    "ChecklistRow",
    "CsbDesk",
    "CsbTitle",
    "SubmissionRow",
    "file_hash",
    "lot_text",
    "member_problem",
    "omission_state",
]


@dataclass(frozen=True, slots=True)
class CsbTitle:
    """What the window's title says: the election's name and identifier."""

    name: str
    identifier: str


@dataclass(frozen=True, slots=True)
class SubmissionRow:
    """One submission as the list of submissions shows it."""

    number: int
    appellation: str
    kieskringen: tuple[str, ...]
    candidates: int
    received_at: datetime
    in_time: bool
    file_name: str


@dataclass(frozen=True, slots=True)
class ChecklistRow:
    """One document of a submission's checklist: handed in or not, and what was recorded."""

    handed_in: bool
    document: str
    recorded: str


def file_hash(path: Path) -> str:
    """The SHA-256 of a file written, grouped as the Kiesraad prints hash codes.

    Raises:
        OSError: the file cannot be read.
    """
    return hash_code(Path(path).read_bytes())


def member_problem(member: str) -> str | None:
    """Why ``member`` cannot be logged as the one who records a change (None: it can)."""
    if not " ".join(member.split()):
        return "vul eerst uw naam in (het lid van het centraal stembureau dat dit vastlegt)"
    try:
        check_actor(member)
    except ValueError as error:
        return "naam lid" + str(error).removeprefix("--lid")
    return None


def omission_state(line: OmissionLine) -> str:
    """'hersteld', 'niet herstelbaar' or 'open (herstel tot en met ...)', as ``csb verzuimen``."""
    if not line.kind.recoverable:
        return "niet herstelbaar"
    if line.omission.repaired:
        return "hersteld"
    return f"open (herstel tot en met {line.repair_end:%d-%m-%Y})"


def lot_text(outcome: NumberingLotRequired) -> str:
    """The draw the committee must make, without the command line's ``--lot``."""
    question = lot_question(outcome.request, outcome.units)
    asked, _, _ = question.partition(" Trek welke lijst")
    return (
        f"{asked} Trek het lot en kies hieronder welke lijst het eerstvolgende nummer krijgt "
        "(de getrokken lijst)."
    )


class CsbDesk:
    """A ``.csb`` file for the committee's window; use :meth:`open`."""

    __slots__ = ("_path", "_title")

    def __init__(self, path: Path, title: CsbTitle) -> None:
        """A desk on ``path`` (use :meth:`open`)."""
        self._path = path
        self._title = title

    @classmethod
    def open(cls, path: Path) -> Self:
        """Check that ``path`` is a CSB workspace that can be opened.

        Raises:
            WorkspaceError: not a CSB workspace, damaged, newer, in use by another
                program, or a log whose chain does not hold (Dutch, naming the file).
        """
        with CsbWorkspace.open(Path(path)) as workspace:
            election = workspace.election()
            return cls(workspace.path, CsbTitle(election.name, election.identifier))

    @property
    def path(self) -> Path:
        """Where the file is."""
        return self._path

    def title(self) -> CsbTitle:
        """The election's name and identifier."""
        return self._title

    def submissions(self) -> list[SubmissionRow]:
        """Every submission received, in order of receipt.

        Raises:
            InputError: the workspace cannot be opened or a stored file no longer reads.
        """
        with CsbWorkspace.open(self._path) as workspace:
            election, _, submissions = load_submissions(workspace)
        day = election_dates(election).nomination_day
        return [
            SubmissionRow(
                s.number,
                s.appellation,
                s.kieskringen,
                sum(len(lst.candidates) for lst in s.nomination.lists),
                s.received_at,
                handed_in_in_time(s.received_at, day),
                s.file_name,
            )
            for s in submissions
        ]

    def receive(self, file: Path, hashcode: str | None, at: datetime, member: str) -> Received:
        """Receive an EML 210 with the hash code typed from its H 1, as ``csb import``.

        Raises:
            HashCodeNeededError: no code typed (the message shows the two groups to type).
            InputError: anything refused; the workspace is then unchanged.
        """
        if hashcode is None or not hashcode.strip():
            data = read_file(file, limit=MAX_210_BYTES)
            shown = shown_blanked(hash_report(data, file.name).form_hash)
            raise HashCodeNeededError(
                f"{file.name}: typ de hashcode van het H 1 (onderaan het model H 1) in het veld "
                "Hashcode: alle 16 groepen, of alleen de 2 groepen die hier open staan:\n"
                f"{shown}\nEr is niets opgeslagen."
            )
        return receive(self._path, file, hashcode, at, member)

    def examine(self, member: str | None = None) -> Examination:
        """The examination of every submission, as ``csb examine`` (logged with ``--lid``).

        With ``member`` the examination is logged with its counts and findings, as
        the command line logs it.

        Raises:
            InputError: a stored file that no longer reads.
        """
        examination = examine(self._path)
        if member is not None:
            counts = dict.fromkeys(Severity, 0)
            for item in examination.findings:
                counts[item.finding.severity] += 1
            with CsbWorkspace.open(self._path) as workspace:
                workspace.record(
                    "onderzocht",
                    {
                        "inleveringen": len(examination.submissions),
                        "fouten": counts[Severity.ERROR],
                        "waarschuwingen": counts[Severity.WARNING],
                        "bevindingen": [
                            [f.submission, f.finding.code, f.kieskring, f.candidate]
                            for f in examination.findings
                        ],
                    },
                    member,
                )
        return examination

    def omissions(self) -> list[OmissionLine]:
        """Every omission recorded, with its state."""
        return omission_lines(self._path)

    def record_omission(self, request: OmissionRequest, at: datetime, member: str) -> int:
        """Record an omission found at the examination, as ``csb verzuim``; its number.

        Raises:
            InputError: an unknown code or submission, a kieskring or place that does
                not fit, an omission already recorded, a note too long (Dutch).
        """
        return record_omission(self._path, request, at=at, actor=member)

    def repair(self, number: int, at: datetime, note: str, member: str) -> OmissionLine:
        """Record the repair of omission ``number``, as ``csb herstel``.

        Raises:
            InputError: unknown, not recoverable, already repaired, or too late (Dutch).
        """
        return record_repair(self._path, number, at=at, note=note, actor=member)

    def number(self, lots: Sequence[int], member: str) -> Numbered | NumberingLotRequired:
        """Number the lists with the draws so far, as ``csb number --lid``.

        Raises:
            InputError: no submissions, an incomplete register (Dutch).
            LotAnswerError: a draw that does not fit.
        """
        return number_submissions(self._path, lots=lots, actor=member)

    def late(self) -> tuple[int, ...]:
        """The submissions handed in late, which get no number (Kieswet I 5 onder a)."""
        return late_numbers(self._path)

    def establish(
        self, out_dir: Path, day: date, lots: Sequence[int], member: str
    ) -> Established | NumberingLotRequired:
        """Write the 230b of every kieskring and the I 4, as ``csb vaststellen``.

        Raises:
            InputError: open omissions in the repair period, no valid list, a folder
                that cannot be written (Dutch); nothing half-written.
            LotAnswerError: a draw that does not fit.
        """
        return establish(self._path, out_dir, day=day, lots=lots, actor=member)

    def checklist(self, number: int) -> list[ChecklistRow]:
        """The checklist of submission ``number``, as ``csb ontvangst`` shows it.

        Raises:
            InputError: an unknown submission or an unreadable workspace.
        """
        rows = []
        for line in checklist(self._path, number)[1:]:
            mark, _, rest = line.partition("] ")
            document, _, recorded = rest.partition(": ")
            rows.append(ChecklistRow(mark == "[x", document, recorded))
        return rows

    def record_documents(self, number: int, items: Sequence[str], at: datetime, member: str) -> int:
        """Record documents handed in (``CODE[@KIESKRING][=AANTAL]``), as ``csb ontvangst``.

        Raises:
            InputError: a wrong item or an unknown submission; nothing is recorded then.
        """
        return record_documents(self._path, number, items, at, member)

    def support(self) -> SupportTally:
        """The H 4 register per submission and kieskring, as ``csb ondersteuning``."""
        return support_tally(self._path)

    def import_support(self, csv: Path, member: str, today: date) -> int:
        """Add the H 4 declarations of ``csv`` (all or nothing), as ``csb ondersteuning --csv``.

        Raises:
            InputError: an unreadable or wrong CSV (lines named); nothing is stored then.
        """
        return import_support(self._path, csv, member, today)

    def write_i1(self, out: Path, day: date, member: str) -> Path:
        """Write the proces-verbaal I 1, as ``csb pv-onderzoek`` (never over a file).

        Raises:
            InputError: no list handed in, an existing or non-PDF ``out`` (Dutch).
        """
        return write_i1(self._path, out, day=day, actor=member)

    def write_letter(self, number: int, out: Path, day: date, place: str, member: str) -> Path:
        """Write the verzuimbrief of submission ``number``, as ``csb verzuimbrief``.

        Raises:
            InputError: an unknown submission, no open omission, a wrong place, an
                existing or non-PDF ``out`` (Dutch); nothing written then.
        """
        return write_letter(self._path, number, out, day=day, place=place, actor=member)

    def finalise(
        self, out_dir: Path, day: date, lots: Sequence[int], member: str
    ) -> Established | NumberingLotRequired:
        """Establish and write every document (230b, 230c, I 1, I 4, ...), as ``csb finalise``.

        Raises:
            InputError: as :meth:`establish`.
            LotAnswerError: a draw that does not fit.
        """
        return establish(self._path, out_dir, day=day, lots=lots, actor=member, complete=True)
