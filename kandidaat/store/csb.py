"""The ``.csb`` workspace of a centraal stembureau: one election, every submission, the log.

Built on :mod:`kandidaat.store.workspace` (opening, migrations, lock, one
transaction per change) and :mod:`kandidaat.store.audit_log` (the hash-chained
log). Every change is one transaction that also appends its log entry, so the
log and the content never disagree. The file holds:

- the election (``election``: the definition as JSON, and where it came from);
- the register of appellations with the previous election's votes and seats;
- every submission exactly as received (the file's bytes and their SHA-256),
  the time of receipt and how the hash code was confirmed;
- the log (``audit_log``) of everything recorded, with the member's name.

Opening verifies the log's chain; a broken chain refuses the file, except for
:meth:`CsbWorkspace.open` with ``allow_broken_log`` (to print the log and show
where it breaks).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from kandidaat import __version__
from kandidaat.domain.csb.checklist import ReceiptItem
from kandidaat.domain.csb.model import RegisterEntry
from kandidaat.domain.csb.omissions import Omission
from kandidaat.domain.csb.support import SupportDeclaration
from kandidaat.domain.nomination.model import Body, Election, Kieskring
from kandidaat.store import audit_log
from kandidaat.store.workspace import (
    Migration,
    Workspace,
    WorkspaceError,
    WorkspaceKind,
    corrupt_error,
)

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Sequence
    from types import TracebackType

    from kandidaat.store.audit_log import LogEntry

__all__ = ["CSB_KIND", "SUFFIX", "CsbWorkspace", "Objection", "StoredSubmission"]

SUFFIX = ".csb"

_V1 = Migration(
    1,
    "verkiezing, register van aanduidingen, inleveringen en logboek",
    (
        """
        CREATE TABLE meta (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            created_at TEXT NOT NULL,
            app_version TEXT NOT NULL
        ) STRICT
        """,
        """
        CREATE TABLE election (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            identifier TEXT NOT NULL,
            definition TEXT NOT NULL,
            source TEXT NOT NULL
        ) STRICT
        """,
        """
        CREATE TABLE register (
            position INTEGER PRIMARY KEY CHECK (position >= 1),
            appellation TEXT NOT NULL UNIQUE CHECK (appellation <> ''),
            previous_votes INTEGER CHECK (previous_votes >= 0),
            previous_seats INTEGER CHECK (previous_seats >= 0)
        ) STRICT
        """,
        """
        CREATE TABLE submission (
            number INTEGER PRIMARY KEY CHECK (number >= 1),
            file_name TEXT NOT NULL,
            sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
            data BLOB NOT NULL,
            received_at TEXT NOT NULL,
            hash_confirmed TEXT NOT NULL CHECK (hash_confirmed IN ('volledig', 'twee groepen')),
            recorded_by TEXT NOT NULL
        ) STRICT
        """,
        *audit_log.LOG_STATEMENTS,
    ),
)

_V2 = Migration(
    2,
    "checklist van ingeleverde stukken per inlevering",
    (
        """
        CREATE TABLE receipt_item (
            submission INTEGER NOT NULL REFERENCES submission (number),
            position INTEGER NOT NULL CHECK (position >= 1),
            code TEXT NOT NULL CHECK (code <> ''),
            kieskring TEXT,
            count INTEGER CHECK (count >= 0),
            received_at TEXT NOT NULL,
            recorded_by TEXT NOT NULL,
            PRIMARY KEY (submission, position)
        ) STRICT
        """,
    ),
)

_V3 = Migration(
    3,
    "vingerafdruk van de inhoud van een inlevering (dezelfde lijst twee keer)",
    (
        "ALTER TABLE submission ADD COLUMN content_sha256 TEXT",
        "CREATE INDEX submission_by_content ON submission (content_sha256)",
    ),
)

_V4 = Migration(
    4,
    "register van ondersteuningsverklaringen (model H 4)",
    (
        """
        CREATE TABLE support_declaration (
            position INTEGER PRIMARY KEY CHECK (position >= 1),
            submission INTEGER NOT NULL REFERENCES submission (number),
            kieskring TEXT NOT NULL CHECK (kieskring <> ''),
            name TEXT NOT NULL CHECK (name <> ''),
            born TEXT NOT NULL,
            address TEXT NOT NULL,
            source TEXT NOT NULL,
            recorded_by TEXT NOT NULL
        ) STRICT
        """,
        "CREATE INDEX support_by_submission ON support_declaration (submission, kieskring)",
    ),
)

_V5 = Migration(
    5,
    "verzuimen en hun herstel (Kieswet I 2)",
    (
        """
        CREATE TABLE omission (
            number INTEGER PRIMARY KEY CHECK (number >= 1),
            submission INTEGER NOT NULL REFERENCES submission (number),
            code TEXT NOT NULL CHECK (code <> ''),
            kieskring TEXT CHECK (kieskring <> ''),
            candidate_key TEXT CHECK (candidate_key <> ''),
            note TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            recorded_by TEXT NOT NULL
        ) STRICT
        """,
        """
        CREATE TABLE omission_repair (
            omission INTEGER PRIMARY KEY REFERENCES omission (number),
            repaired_at TEXT NOT NULL,
            note TEXT NOT NULL,
            recorded_by TEXT NOT NULL
        ) STRICT
        """,
    ),
)

_V6 = Migration(
    6,
    "bezwaren van kiezers in de openbare zitting (Kieswet I 4)",
    (
        """
        CREATE TABLE objection (
            number INTEGER PRIMARY KEY CHECK (number >= 0),
            objection TEXT NOT NULL,
            raised_by TEXT NOT NULL,
            answer TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            recorded_by TEXT NOT NULL
        ) STRICT
        """,
    ),
)

_V7 = Migration(
    7,
    "lijsten die alleen op papier zijn ingeleverd en zijn ingetypt",
    ("ALTER TABLE submission ADD COLUMN paper_source TEXT CHECK (paper_source <> '')",),
)

CSB_KIND = WorkspaceKind(
    0x4B435342, "CSB-werkbestand van kandidaat", (_V1, _V2, _V3, _V4, _V5, _V6, _V7)
)
"""``application_id`` "KCSB"."""


@dataclass(frozen=True, slots=True)
class Objection:
    """A voter's objection in the public session and the committee's answer.

    Number 0 with empty texts records that no objection was raised.
    """

    number: int
    text: str
    raised_by: str
    answer: str


@dataclass(frozen=True, slots=True)
class StoredSubmission:
    """A submission as stored: the bytes exactly as received and how they were confirmed."""

    number: int
    file_name: str
    sha256: str
    data: bytes
    received_at: datetime
    hash_confirmed: str
    recorded_by: str
    paper_source: str | None = None
    """For a list handed in on paper only: the file it was typed into (None: an EML 210)."""


class CsbWorkspace:
    """An open ``.csb`` file; use :meth:`create` or :meth:`open`."""

    __slots__ = ("_log_problems", "_workspace")

    def __init__(self, workspace: Workspace, log_problems: tuple[str, ...]) -> None:
        """Wrap an opened workspace (use :meth:`create` or :meth:`open`)."""
        self._workspace = workspace
        self._log_problems = log_problems

    @classmethod
    def create(cls, path: Path, election: Election, source: str, actor: str) -> Self:
        """Create a new workspace for ``election``; the first log entry records it."""
        actor = _actor(path, actor)
        definition = json.dumps(election_to_json(election), ensure_ascii=False, sort_keys=True)

        def fill(connection: sqlite3.Connection) -> None:
            now = _now()
            connection.execute(
                "INSERT INTO meta (id, created_at, app_version) VALUES (1, ?, ?)",
                (now, __version__),
            )
            connection.execute(
                "INSERT INTO election (id, identifier, definition, source) VALUES (1, ?, ?, ?)",
                (election.identifier, definition, source),
            )
            audit_log.append(
                connection,
                actor,
                "aangemaakt",
                {"verkiezing": election.identifier, "bron": source, "versie": __version__},
            )

        return cls(Workspace.create(path, CSB_KIND, fill), ())

    @classmethod
    def open(cls, path: Path, *, allow_broken_log: bool = False) -> Self:
        """Open, lock, check and verify the log's chain.

        Raises:
            WorkspaceError: not a CSB workspace, damaged, newer, or (unless
                ``allow_broken_log``) a log whose chain does not hold.
        """
        path = Path(path)
        found: list[str] = []

        def verify(connection: sqlite3.Connection) -> None:
            problems = audit_log.verify(connection)
            if problems and not allow_broken_log:
                raise WorkspaceError(
                    path,
                    "het logboek is niet intact; het bestand is buiten kandidaat gewijzigd: "
                    + "; ".join(problems)
                    + ". Bekijk het met 'kandidaat csb log'.",
                )
            found.extend(problems)

        return cls(Workspace.open(path, CSB_KIND, verify), tuple(found))

    @property
    def path(self) -> Path:
        """Where the file is."""
        return self._workspace.path

    @property
    def log_problems(self) -> tuple[str, ...]:
        """Where the log's chain breaks (empty when it holds), found on opening."""
        return self._log_problems

    def close(self) -> None:
        """Close the file (releases the lock)."""
        self._workspace.close()

    def __enter__(self) -> Self:
        """Use in a ``with`` block."""
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Close at the end of the ``with`` block."""
        self.close()

    # -- reading -----------------------------------------------------------------

    def election(self) -> Election:
        """The election of this workspace."""
        with self._workspace.read() as connection:
            row = connection.execute("SELECT definition FROM election WHERE id = 1").fetchone()
        if row is None:
            raise corrupt_error(self.path, "de verkiezing ontbreekt")
        try:
            return election_from_json(json.loads(str(row[0])))
        except (ValueError, KeyError, TypeError) as error:
            raise corrupt_error(self.path, f"de verkiezing is onleesbaar ({error})") from error

    def register(self) -> tuple[RegisterEntry, ...]:
        """The register of appellations in the order it was entered."""
        with self._workspace.read() as connection:
            rows = connection.execute(
                "SELECT appellation, previous_votes, previous_seats FROM register ORDER BY position"
            ).fetchall()
        return tuple(
            RegisterEntry(
                str(name),
                None if votes is None else int(votes),
                None if seats is None else int(seats),
            )
            for name, votes, seats in rows
        )

    def submissions(self) -> tuple[StoredSubmission, ...]:
        """Every submission in order of receipt (its number)."""
        with self._workspace.read() as connection:
            rows = connection.execute(
                "SELECT number, file_name, sha256, data, received_at, hash_confirmed, recorded_by,"
                " paper_source FROM submission ORDER BY number"
            ).fetchall()
        stored = []
        for number, name, sha, data, received, confirmed, actor, paper in rows:
            blob = bytes(data)
            if hashlib.sha256(blob).hexdigest() != sha:
                raise corrupt_error(
                    self.path, f"inlevering {number} ({name}) is niet meer zoals ontvangen"
                )
            stored.append(
                StoredSubmission(
                    int(number),
                    str(name),
                    str(sha),
                    blob,
                    datetime.fromisoformat(str(received)),
                    str(confirmed),
                    str(actor),
                    None if paper is None else str(paper),
                )
            )
        return tuple(stored)

    def support_declarations(self) -> tuple[SupportDeclaration, ...]:
        """Every ondersteuningsverklaring entered, in the order entered."""
        with self._workspace.read() as connection:
            rows = connection.execute(
                "SELECT submission, kieskring, name, born, address FROM support_declaration"
                " ORDER BY position"
            ).fetchall()
        try:
            return tuple(
                SupportDeclaration(int(n), str(k), str(name), date.fromisoformat(str(born)), str(a))
                for n, k, name, born, a in rows
            )
        except ValueError as error:
            raise corrupt_error(
                self.path, f"een ondersteuningsverklaring is onleesbaar ({error})"
            ) from error

    def omissions(self) -> tuple[Omission, ...]:
        """Every omission recorded, in order, with whether it was repaired."""
        with self._workspace.read() as connection:
            rows = connection.execute(
                "SELECT o.number, o.submission, o.code, o.kieskring, o.candidate_key, o.note,"
                " r.omission IS NOT NULL FROM omission o"
                " LEFT JOIN omission_repair r ON r.omission = o.number ORDER BY o.number"
            ).fetchall()
        return tuple(
            Omission(
                int(number),
                int(submission),
                str(code),
                None if kieskring is None else str(kieskring),
                None if key is None else str(key),
                str(note),
                bool(repaired),
            )
            for number, submission, code, kieskring, key, note, repaired in rows
        )

    def objections(self) -> tuple[Objection, ...]:
        """The objections recorded for the public session (number 0: none was raised)."""
        with self._workspace.read() as connection:
            rows = connection.execute(
                "SELECT number, objection, raised_by, answer FROM objection ORDER BY number"
            ).fetchall()
        return tuple(Objection(int(n), str(o), str(by), str(a)) for n, o, by, a in rows)

    def log(self) -> tuple[LogEntry, ...]:
        """Every log entry in order."""
        with self._workspace.read() as connection:
            return audit_log.entries(connection)

    # -- changing ------------------------------------------------------------------

    def replace_register(self, entries: Sequence[RegisterEntry], source: str, actor: str) -> None:
        """Replace the register by ``entries`` (one transaction, logged)."""
        actor = _actor(self.path, actor)
        with self._workspace.change() as connection:
            connection.execute("DELETE FROM register")
            connection.executemany(
                "INSERT INTO register (position, appellation, previous_votes, previous_seats)"
                " VALUES (?, ?, ?, ?)",
                [
                    (position, e.appellation, e.previous_votes, e.previous_seats)
                    for position, e in enumerate(entries, start=1)
                ],
            )
            audit_log.append(
                connection,
                actor,
                "register",
                {
                    "bron": source,
                    "aanduidingen": [
                        [e.appellation, e.previous_votes, e.previous_seats] for e in entries
                    ],
                },
            )

    def add_submission(  # noqa: PLR0913 - one submission's stored columns, named at the call
        self,
        file_name: str,
        data: bytes,
        received_at: datetime,
        hash_confirmed: str,
        actor: str,
        summary: dict[str, Any],
        *,
        content: str | None = None,
        paper_source: str | None = None,
    ) -> int:
        """Store a submission exactly as received; returns its number.

        ``paper_source`` names the file a list handed in on paper only was typed
        into; the stored bytes are then the 210 kandidaat made of it.

        ``content`` is a fingerprint of the list's content (appellation,
        kieskringen, candidates in order): the same list in another file is
        refused like the same file.

        Raises:
            WorkspaceError: the same file, or the same list, was already
                received (Dutch, naming the earlier submission); nothing is stored.
        """
        actor = _actor(self.path, actor)
        sha = hashlib.sha256(data).hexdigest()
        with self._workspace.change() as connection:
            earlier = connection.execute(
                "SELECT number, file_name FROM submission WHERE sha256 = ?", (sha,)
            ).fetchone()
            if earlier is not None:
                raise WorkspaceError(
                    self.path,
                    f"{file_name} is al ontvangen als inlevering {int(earlier[0])} "
                    f"({earlier[1]}); er is niets opgeslagen",
                )
            same = (
                None
                if content is None
                else connection.execute(
                    "SELECT number, file_name FROM submission WHERE content_sha256 = ?",
                    (content,),
                ).fetchone()
            )
            if same is not None:
                raise WorkspaceError(
                    self.path,
                    f"{file_name} bevat dezelfde lijst (aanduiding, kieskringen en kandidaten "
                    f"in dezelfde volgorde) als inlevering {int(same[0])} ({same[1]}); "
                    "er is niets opgeslagen",
                )
            (last,) = connection.execute("SELECT max(number) FROM submission").fetchone()
            number = 1 if last is None else int(last) + 1
            connection.execute(
                "INSERT INTO submission (number, file_name, sha256, data, received_at,"
                " hash_confirmed, recorded_by, content_sha256, paper_source)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    number,
                    file_name,
                    sha,
                    data,
                    received_at.isoformat(),
                    hash_confirmed,
                    actor,
                    content,
                    paper_source,
                ),
            )
            audit_log.append(
                connection,
                actor,
                "ontvangen",
                {
                    "inlevering": number,
                    "bestand": file_name,
                    "sha256": sha,
                    "ontvangen": received_at.isoformat(),
                    "hashcode": hash_confirmed,
                    **summary,
                },
            )
        return number

    def receipt_items(self, number: int) -> tuple[ReceiptItem, ...]:
        """The checklist items recorded for submission ``number``, in the order recorded."""
        with self._workspace.read() as connection:
            rows = connection.execute(
                "SELECT code, kieskring, count, received_at, recorded_by FROM receipt_item"
                " WHERE submission = ? ORDER BY position",
                (number,),
            ).fetchall()
        return tuple(
            ReceiptItem(
                str(code),
                None if kieskring is None else str(kieskring),
                None if count is None else int(count),
                datetime.fromisoformat(str(received)),
                str(actor),
            )
            for code, kieskring, count, received, actor in rows
        )

    def add_receipt_items(
        self,
        number: int,
        items: Sequence[tuple[str, str | None, int | None]],
        received_at: datetime,
        actor: str,
    ) -> None:
        """Record documents handed in with submission ``number`` (one transaction, logged).

        Raises:
            WorkspaceError: there is no submission ``number``; nothing is recorded.
        """
        actor = _actor(self.path, actor)
        with self._workspace.change() as connection:
            if (
                connection.execute(
                    "SELECT 1 FROM submission WHERE number = ?", (number,)
                ).fetchone()
                is None
            ):
                raise WorkspaceError(
                    self.path, f"er is geen inlevering {number}; er is niets vastgelegd"
                )
            (last,) = connection.execute(
                "SELECT max(position) FROM receipt_item WHERE submission = ?", (number,)
            ).fetchone()
            start = 1 if last is None else int(last) + 1
            connection.executemany(
                "INSERT INTO receipt_item (submission, position, code, kieskring, count,"
                " received_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (number, start + i, code, kieskring, count, received_at.isoformat(), actor)
                    for i, (code, kieskring, count) in enumerate(items)
                ],
            )
            audit_log.append(
                connection,
                actor,
                "stukken",
                {
                    "inlevering": number,
                    "ontvangen": received_at.isoformat(),
                    "stukken": [list(item) for item in items],
                },
            )

    def add_support_declarations(
        self, declarations: Sequence[SupportDeclaration], source: str, sha256: str, actor: str
    ) -> None:
        """Add ``declarations`` from one file (one transaction, logged with the file's SHA-256)."""
        actor = _actor(self.path, actor)
        with self._workspace.change() as connection:
            row = connection.execute(
                "SELECT COALESCE(MAX(position), 0) FROM support_declaration"
            ).fetchone()
            start = int(row[0]) + 1
            connection.executemany(
                "INSERT INTO support_declaration (position, submission, kieskring, name, born,"
                " address, source, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        start + i,
                        d.submission,
                        d.kieskring,
                        d.name,
                        d.born.isoformat(),
                        d.address,
                        source,
                        actor,
                    )
                    for i, d in enumerate(declarations)
                ],
            )
            audit_log.append(
                connection,
                actor,
                "ondersteuningsverklaringen",
                {"bron": source, "sha256": sha256, "aantal": len(declarations)},
            )

    def add_omission(
        self,
        omission: Omission,
        recorded_at: datetime,
        described: dict[str, Any],
        actor: str,
    ) -> int:
        """Record ``omission`` (its number is assigned here); logged with ``described``."""
        actor = _actor(self.path, actor)
        with self._workspace.change() as connection:
            row = connection.execute("SELECT COALESCE(MAX(number), 0) FROM omission").fetchone()
            number = int(row[0]) + 1
            connection.execute(
                "INSERT INTO omission (number, submission, code, kieskring, candidate_key, note,"
                " recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    number,
                    omission.submission,
                    omission.code,
                    omission.kieskring,
                    omission.candidate_key,
                    omission.note,
                    recorded_at.isoformat(),
                    actor,
                ),
            )
            audit_log.append(connection, actor, "verzuim", {"verzuim": number, **described})
        return number

    def repair_omission(self, number: int, repaired_at: datetime, note: str, actor: str) -> None:
        """Record that omission ``number`` was repaired (once; logged)."""
        actor = _actor(self.path, actor)
        with self._workspace.change() as connection:
            connection.execute(
                "INSERT INTO omission_repair (omission, repaired_at, note, recorded_by)"
                " VALUES (?, ?, ?, ?)",
                (number, repaired_at.isoformat(), note, actor),
            )
            audit_log.append(
                connection,
                actor,
                "hersteld",
                {"verzuim": number, "hersteld": repaired_at.isoformat(), "toelichting": note},
            )

    def add_objection(self, objection: Objection, actor: str) -> int:
        """Record an objection (or, as number 0, that none was raised); logged.

        Raises:
            WorkspaceError: 'none raised' after an objection, or an objection after 'none'.
        """
        actor = _actor(self.path, actor)
        with self._workspace.change() as connection:
            numbers = [int(row[0]) for row in connection.execute("SELECT number FROM objection")]
            none_recorded = 0 in numbers
            if none_recorded or (objection.number == 0 and numbers):
                raise WorkspaceError(
                    self.path,
                    "er is al vastgelegd dat er geen bezwaren zijn"
                    if none_recorded
                    else "er zijn al bezwaren vastgelegd",
                )
            number = 0 if objection.number == 0 else max(numbers, default=0) + 1
            connection.execute(
                "INSERT INTO objection (number, objection, raised_by, answer, recorded_at,"
                " recorded_by) VALUES (?, ?, ?, ?, ?, ?)",
                (number, objection.text, objection.raised_by, objection.answer, _now(), actor),
            )
            audit_log.append(
                connection,
                actor,
                "bezwaar",
                {
                    "bezwaar": number,
                    "tekst": objection.text,
                    "kiezer": objection.raised_by,
                    "antwoord": objection.answer,
                },
            )
        return number

    def record(self, action: str, payload: dict[str, Any], actor: str) -> None:
        """Only a log entry (e.g. an examination and its findings)."""
        actor = _actor(self.path, actor)
        with self._workspace.change() as connection:
            audit_log.append(connection, actor, action, payload)


def _actor(path: Path, actor: str) -> str:
    try:
        return audit_log.check_actor(actor)
    except ValueError as error:
        raise WorkspaceError(path, str(error)) from error


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# -- the election as JSON ------------------------------------------------------------------


def election_to_json(election: Election) -> dict[str, Any]:
    """The election as a JSON object (dates ISO, kieskringen as [number, name])."""
    return {
        "body": election.body.value,
        "identifier": election.identifier,
        "name": election.name,
        "election_date": election.election_date.isoformat(),
        "seats": election.seats,
        "kieskringen": [[k.number, k.name] for k in election.kieskringen],
        "area_name": election.area_name,
        "area_code": election.area_code,
        "frisian": election.frisian,
        "nomination_date": None
        if election.nomination_date is None
        else election.nomination_date.isoformat(),
        "term_years": election.term_years,
    }


def election_from_json(data: dict[str, Any]) -> Election:
    """The inverse of :func:`election_to_json`; ValueError/KeyError/TypeError when broken."""
    nomination_date = data["nomination_date"]
    return Election(
        body=Body(data["body"]),
        identifier=str(data["identifier"]),
        name=str(data["name"]),
        election_date=date.fromisoformat(data["election_date"]),
        seats=int(data["seats"]),
        kieskringen=tuple(Kieskring(str(n), str(name)) for n, name in data["kieskringen"]),
        area_name=data["area_name"],
        area_code=data["area_code"],
        frisian=bool(data["frisian"]),
        nomination_date=None if nomination_date is None else date.fromisoformat(nomination_date),
        term_years=int(data["term_years"]),
    )
