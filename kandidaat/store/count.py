"""The ``.tel`` workspace of a gemeentelijk stembureau: the count, entered twice, with its log.

Built on the shared core :mod:`kandidaat.store.workspace` (opening, migrations,
exclusive lock, one transaction per change) and :mod:`kandidaat.store.audit_log`
(the hash-chained log), as the ``.csb`` file is (docs/adr/0110). Every change is one
transaction that also appends its log entry. The file holds:

- the election files it was made from (110a, 110b, 230b: bytes and SHA-256), and what
  the count needs of them: the election, the municipality, its polling stations and
  the lists with their candidate positions;
- the sessions (zittingen) of the gemeentelijk stembureau: date, place, members;
- per polling station at most one entry per slot (invoer 1 and invoer 2), each by a
  named typist: the two slots always have two different typists;
- the coordinator's decisions where two entries differ (keep 1, keep 2, both again):
  the entry not kept is removed from the content and stays in the log;
- the earlier results of stations reopened for an investigation (onderzoek) in a later
  session, with the reason (migration 2) and its kind (migration 3);
- the draft (concept) of an entry being typed, field by field, with its typist
  (migration 4): saved when the cursor leaves a field, removed in the transaction
  that stores the entry or when the typist throws it away (docs/adr/0139).

A station whose two entries are equal is agreed; nothing else counts. A SIGKILL
during an entry loses at most the field being typed: every field left before is in
the draft.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from kandidaat import __version__
from kandidaat.domain.count.figures import BallotLayout, ListLayout, StationFigures
from kandidaat.domain.election import ElectionIdentifier, PollingStation
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
    from collections.abc import Mapping, Sequence
    from types import TracebackType

    from kandidaat.store.audit_log import LogEntry

__all__ = [
    "COUNT_KIND",
    "INVESTIGATION_KINDS",
    "SUFFIX",
    "CountSetup",
    "CountWorkspace",
    "Decision",
    "Draft",
    "EarlierResult",
    "EntryHead",
    "Session",
    "StoredEntry",
]

SUFFIX = ".tel"
SLOTS = (1, 2)
CHOICES = ("1", "2", "opnieuw")

_V1 = Migration(
    1,
    "verkiezing, stembureaus, lijsten, zittingen, invoer per stembureau, besluiten, logboek",
    (
        """
        CREATE TABLE meta (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            created_at TEXT NOT NULL,
            app_version TEXT NOT NULL
        ) STRICT
        """,
        """
        CREATE TABLE source (
            kind TEXT PRIMARY KEY CHECK (kind IN ('110a', '110b', '230b')),
            file_name TEXT NOT NULL,
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
            data BLOB NOT NULL
        ) STRICT
        """,
        """
        CREATE TABLE election (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            identifier TEXT NOT NULL,
            contest_id TEXT NOT NULL,
            municipality_id TEXT NOT NULL,
            municipality_name TEXT NOT NULL,
            eligible INTEGER CHECK (eligible >= 0)
        ) STRICT
        """,
        """
        CREATE TABLE station (
            number INTEGER PRIMARY KEY CHECK (number >= 0),
            name TEXT NOT NULL,
            postal_code TEXT,
            voters INTEGER CHECK (voters >= 0),
            kind TEXT
        ) STRICT
        """,
        """
        CREATE TABLE party_list (
            number INTEGER PRIMARY KEY CHECK (number >= 1),
            name TEXT NOT NULL,
            positions TEXT NOT NULL
        ) STRICT
        """,
        """
        CREATE TABLE session (
            number INTEGER PRIMARY KEY CHECK (number >= 1),
            held_on TEXT NOT NULL,
            place TEXT NOT NULL CHECK (place <> ''),
            members TEXT NOT NULL,
            reason TEXT NOT NULL,
            recorded_by TEXT NOT NULL
        ) STRICT
        """,
        """
        CREATE TABLE entry (
            station INTEGER NOT NULL REFERENCES station (number),
            slot INTEGER NOT NULL CHECK (slot IN (1, 2)),
            typist TEXT NOT NULL CHECK (typist <> ''),
            figures TEXT NOT NULL,
            confirmed TEXT NOT NULL,
            entered_at TEXT NOT NULL,
            session INTEGER REFERENCES session (number),
            PRIMARY KEY (station, slot)
        ) STRICT
        """,
        """
        CREATE TABLE decision (
            number INTEGER PRIMARY KEY CHECK (number >= 1),
            station INTEGER NOT NULL REFERENCES station (number),
            choice TEXT NOT NULL CHECK (choice IN ('1', '2', 'opnieuw')),
            coordinator TEXT NOT NULL,
            decided_at TEXT NOT NULL,
            differences TEXT NOT NULL
        ) STRICT
        """,
        *audit_log.LOG_STATEMENTS,
    ),
)

_V2 = Migration(
    2,
    "onderzoek in een latere zitting: het eerdere resultaat van een stembureau blijft bewaard",
    (
        """
        CREATE TABLE earlier_result (
            station INTEGER NOT NULL REFERENCES station (number),
            number INTEGER NOT NULL CHECK (number >= 1),
            figures TEXT NOT NULL,
            agreed_in INTEGER REFERENCES session (number),
            reopened_in INTEGER NOT NULL REFERENCES session (number),
            reason TEXT NOT NULL CHECK (reason <> ''),
            recorded_by TEXT NOT NULL,
            PRIMARY KEY (station, number)
        ) STRICT
        """,
    ),
)

_V3 = Migration(
    3,
    "soort onderzoek (onverklaard verschil of andere fout), voor de 510b",
    (
        """
        ALTER TABLE earlier_result ADD COLUMN kind TEXT NOT NULL DEFAULT 'andere fout'
            CHECK (kind IN ('onverklaard verschil', 'andere fout'))
        """,
    ),
)

_V4 = Migration(
    4,
    "concept van een invoer, veld voor veld bewaard terwijl de invoerder typt",
    (
        """
        CREATE TABLE entry_draft (
            station INTEGER NOT NULL REFERENCES station (number),
            slot INTEGER NOT NULL CHECK (slot IN (1, 2)),
            typist TEXT NOT NULL CHECK (typist <> ''),
            field TEXT NOT NULL CHECK (field <> '' AND length(field) <= 100),
            value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 99999999),
            updated_at TEXT NOT NULL,
            PRIMARY KEY (station, slot, field)
        ) STRICT
        """,
    ),
)

INVESTIGATION_KINDS = ("onverklaard verschil", "andere fout")
"""Why a station was investigated, as the 510b's kr:Investigation codes say it (DSO)."""

COUNT_KIND = WorkspaceKind(0x4B54454C, "telbestand van kandidaat", (_V1, _V2, _V3, _V4))
"""``application_id`` "KTEL"."""


@dataclass(frozen=True, slots=True)
class CountSetup:
    """What a new count workspace is made of (read from the 110a, 110b and 230b)."""

    election: ElectionIdentifier
    contest_id: str
    municipality_id: str
    municipality_name: str
    eligible: int | None
    stations: tuple[PollingStation, ...]
    layout: BallotLayout
    sources: tuple[tuple[str, str, bytes], ...]
    """(kind 110a/110b/230b, file name, bytes) of every file read."""


@dataclass(frozen=True, slots=True)
class Session:
    """A session (zitting) of the gemeentelijk stembureau."""

    number: int
    held_on: date
    place: str
    members: tuple[str, ...]
    reason: str
    recorded_by: str


@dataclass(frozen=True, slots=True)
class StoredEntry:
    """One entry of one polling station's proces-verbaal as stored."""

    station: int
    slot: int
    typist: str
    figures: StationFigures
    confirmed: tuple[str, ...]
    """The codes of the warnings the typist confirmed."""
    entered_at: str
    session: int | None


@dataclass(frozen=True, slots=True)
class EntryHead:
    """Who typed one stored entry, without its figures (for the list of stations)."""

    station: int
    slot: int
    typist: str
    same_as_other: bool
    """Whether the other slot of the station holds the very same stored figures text."""


@dataclass(frozen=True, slots=True)
class Decision:
    """A decision of the coordinator on two differing entries, with what differed."""

    number: int
    station: int
    choice: str
    coordinator: str
    decided_at: str
    differences: tuple[tuple[str, int | None, int | None], ...]


@dataclass(frozen=True, slots=True)
class EarlierResult:
    """The agreed result of a station before it was reopened for an investigation."""

    station: int
    number: int
    figures: StationFigures
    agreed_in: int | None
    reopened_in: int
    reason: str
    recorded_by: str
    kind: str = "andere fout"
    """One of :data:`INVESTIGATION_KINDS`."""


@dataclass(frozen=True, slots=True)
class Draft:
    """The fields typed so far of one entry that is not stored yet (a concept)."""

    station: int
    slot: int
    typist: str
    values: dict[str, int]
    """Field name (as in the CSV and the checks) to the figure typed."""
    updated_at: str
    """When the latest field was saved (UTC)."""


def _optional(value: object) -> int | None:
    return None if value is None else int(str(value))


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3]


def _name(path: Path, name: str, option: str) -> str:
    """A person's name cleaned, or a Dutch error naming the option."""
    try:
        return audit_log.check_actor(name)
    except ValueError as error:
        raise WorkspaceError(path, str(error).replace("--lid", option, 1)) from error


class CountWorkspace:
    """An open ``.tel`` file; use :meth:`create` or :meth:`open`."""

    __slots__ = ("_log_problems", "_workspace")

    def __init__(self, workspace: Workspace, log_problems: tuple[str, ...]) -> None:
        """Wrap an opened workspace (use :meth:`create` or :meth:`open`)."""
        self._workspace = workspace
        self._log_problems = log_problems

    @classmethod
    def create(cls, path: Path, setup: CountSetup, actor: str) -> Self:
        """Create a new workspace; the first log entry records the files it was made of."""
        actor = _name(path, actor, "--coordinator")

        def fill(connection: sqlite3.Connection) -> None:
            connection.execute(
                "INSERT INTO meta (id, created_at, app_version) VALUES (1, ?, ?)",
                (_now(), __version__),
            )
            sources = [
                (kind, name, hashlib.sha256(data).hexdigest(), data)
                for kind, name, data in setup.sources
            ]
            connection.executemany(
                "INSERT INTO source (kind, file_name, sha256, data) VALUES (?, ?, ?, ?)", sources
            )
            connection.execute(
                "INSERT INTO election (id, identifier, contest_id, municipality_id,"
                " municipality_name, eligible) VALUES (1, ?, ?, ?, ?, ?)",
                (
                    json.dumps(dataclasses.asdict(setup.election), ensure_ascii=False),
                    setup.contest_id,
                    setup.municipality_id,
                    setup.municipality_name,
                    setup.eligible,
                ),
            )
            connection.executemany(
                "INSERT INTO station (number, name, postal_code, voters, kind)"
                " VALUES (?, ?, ?, ?, ?)",
                [(s.number, s.name, s.postal_code, s.voters, s.kind) for s in setup.stations],
            )
            connection.executemany(
                "INSERT INTO party_list (number, name, positions) VALUES (?, ?, ?)",
                [
                    (item.number, item.name, json.dumps(list(item.positions)))
                    for item in setup.layout.lists
                ],
            )
            audit_log.append(
                connection,
                actor,
                "aangemaakt",
                {
                    "verkiezing": setup.election.id,
                    "gemeente": [setup.municipality_id, setup.municipality_name],
                    "stembureaus": len(setup.stations),
                    "lijsten": len(setup.layout.lists),
                    "bestanden": [[kind, name, sha] for kind, name, sha, _ in sources],
                    "versie": __version__,
                },
            )

        return cls(Workspace.create(path, COUNT_KIND, fill), ())

    @classmethod
    def open(cls, path: Path, *, allow_broken_log: bool = False) -> Self:
        """Open, lock, check and verify the log's chain.

        Raises:
            WorkspaceError: not a count workspace, damaged, newer, or (unless
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
                    + ". Bekijk het met 'kandidaat telling log'.",
                )
            found.extend(problems)

        return cls(Workspace.open(path, COUNT_KIND, verify), tuple(found))

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

    def election(self) -> tuple[ElectionIdentifier, str, tuple[str, str], int | None]:
        """The election, the contest, the municipality (code, name) and its eligible voters."""
        with self._workspace.read() as connection:
            row = connection.execute(
                "SELECT identifier, contest_id, municipality_id, municipality_name, eligible"
                " FROM election WHERE id = 1"
            ).fetchone()
        if row is None:
            raise corrupt_error(self.path, "de verkiezing ontbreekt")
        try:
            identifier = ElectionIdentifier(**json.loads(str(row[0])))
        except (ValueError, TypeError) as error:
            raise corrupt_error(self.path, f"de verkiezing is onleesbaar ({error})") from error
        eligible = None if row[4] is None else int(row[4])
        return identifier, str(row[1]), (str(row[2]), str(row[3])), eligible

    def stations(self) -> tuple[PollingStation, ...]:
        """The polling stations in number order."""
        with self._workspace.read() as connection:
            rows = connection.execute(
                "SELECT number, name, postal_code, voters, kind FROM station ORDER BY number"
            ).fetchall()
        return tuple(
            PollingStation(
                int(number),
                str(name),
                None if postal is None else str(postal),
                None if voters is None else int(voters),
                None if kind is None else str(kind),
            )
            for number, name, postal, voters, kind in rows
        )

    def layout(self) -> BallotLayout:
        """The lists and their candidate positions, in list order."""
        with self._workspace.read() as connection:
            rows = connection.execute(
                "SELECT number, name, positions FROM party_list ORDER BY number"
            ).fetchall()
        try:
            return BallotLayout(
                tuple(
                    ListLayout(int(n), str(name), tuple(int(p) for p in json.loads(str(pos))))
                    for n, name, pos in rows
                )
            )
        except (ValueError, TypeError) as error:
            raise corrupt_error(self.path, f"de lijsten zijn onleesbaar ({error})") from error

    def sessions(self) -> tuple[Session, ...]:
        """Every session in order."""
        with self._workspace.read() as connection:
            rows = connection.execute(
                "SELECT number, held_on, place, members, reason, recorded_by FROM session"
                " ORDER BY number"
            ).fetchall()
        return tuple(
            Session(
                int(n),
                date.fromisoformat(str(held)),
                str(place),
                tuple(str(m) for m in json.loads(str(members))),
                str(reason),
                str(by),
            )
            for n, held, place, members, reason, by in rows
        )

    def entries(self, station: int | None = None) -> tuple[StoredEntry, ...]:
        """Every stored entry (or those of one ``station``), by station and slot."""
        query = "SELECT station, slot, typist, figures, confirmed, entered_at, session FROM entry"
        with self._workspace.read() as connection:
            if station is None:
                rows = connection.execute(query + " ORDER BY station, slot").fetchall()
            else:
                rows = connection.execute(
                    query + " WHERE station = ? ORDER BY slot", (station,)
                ).fetchall()
        return tuple(self._entry(row) for row in rows)

    def entry_heads(self) -> tuple[EntryHead, ...]:
        """Every stored entry's station, slot and typist, by station and slot; no figures.

        SQLite compares the two entries' stored figures text itself, so nothing is parsed:
        equal text means equal figures; unequal text needs :meth:`entries` to tell.
        """
        with self._workspace.read() as connection:
            rows = connection.execute(
                "SELECT a.station, a.slot, a.typist, coalesce(a.figures = b.figures, 0)"
                " FROM entry AS a LEFT JOIN entry AS b"
                " ON b.station = a.station AND b.slot <> a.slot"
                " ORDER BY a.station, a.slot"
            ).fetchall()
        return tuple(
            EntryHead(int(station), int(slot), str(typist), bool(same))
            for station, slot, typist, same in rows
        )

    def _entry(self, row: tuple[Any, ...]) -> StoredEntry:
        station, slot, typist, figures, confirmed, at, session = row
        try:
            parsed = StationFigures.from_json(json.loads(str(figures)))
            codes = tuple(str(code) for code in json.loads(str(confirmed)))
        except (ValueError, KeyError, TypeError) as error:
            raise corrupt_error(
                self.path, f"invoer {slot} van stembureau {station} is onleesbaar ({error})"
            ) from error
        return StoredEntry(
            int(station),
            int(slot),
            str(typist),
            parsed,
            codes,
            str(at),
            None if session is None else int(session),
        )

    def source(self, kind: str) -> bytes:
        """The bytes of the 110a, 110b or 230b the workspace was made of, as read."""
        with self._workspace.read() as connection:
            row = connection.execute(
                "SELECT sha256, data FROM source WHERE kind = ?", (kind,)
            ).fetchone()
        if row is None:
            raise corrupt_error(self.path, f"het bronbestand {kind[:10]} ontbreekt")
        data = bytes(row[1])
        if hashlib.sha256(data).hexdigest() != str(row[0]):
            raise corrupt_error(
                self.path, f"het bronbestand {kind[:10]} is niet meer zoals gelezen"
            )
        return data

    def last_change(self) -> str | None:
        """When the latest entry or decision was recorded (None: nothing entered yet)."""
        with self._workspace.read() as connection:
            row = connection.execute(
                "SELECT max(at) FROM (SELECT max(entered_at) AS at FROM entry"
                " UNION ALL SELECT max(decided_at) FROM decision)"
            ).fetchone()
        return None if row is None or row[0] is None else str(row[0])

    def log(self) -> tuple[LogEntry, ...]:
        """Every log entry in order."""
        with self._workspace.read() as connection:
            return audit_log.entries(connection)

    # -- changing ------------------------------------------------------------------

    def add_session(
        self, held_on: date, place: str, members: Sequence[str], reason: str, actor: str
    ) -> int:
        """Record a session (zitting) with the members present; returns its number."""
        actor = _name(self.path, actor, "--coordinator")
        names = [_name(self.path, member, "--lid") for member in members]
        with self._workspace.change() as connection:
            (last,) = connection.execute("SELECT max(number) FROM session").fetchone()
            number = 1 if last is None else int(last) + 1
            connection.execute(
                "INSERT INTO session (number, held_on, place, members, reason, recorded_by)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (number, held_on.isoformat(), place, json.dumps(names), reason, actor),
            )
            audit_log.append(
                connection,
                actor,
                "zitting",
                {
                    "zitting": number,
                    "datum": held_on.isoformat(),
                    "plaats": place,
                    "leden": names,
                    "reden": reason,
                },
            )
        return number

    def add_entry(
        self,
        station: int,
        slot: int,
        typist: str,
        figures: StationFigures,
        confirmed: Sequence[str],
        summary: Mapping[str, Any],
    ) -> None:
        """Store one entry of one polling station (one transaction, logged).

        Raises:
            WorkspaceError: an unknown station or slot, a slot already entered, or the
                typist of the other slot; nothing is stored.
        """
        typist = _name(self.path, typist, "--invoerder")
        if slot not in SLOTS:
            raise WorkspaceError(self.path, f"--invoer {slot}: kies 1 of 2")
        with self._workspace.change() as connection:
            if (
                connection.execute("SELECT 1 FROM station WHERE number = ?", (station,)).fetchone()
                is None
            ):
                raise WorkspaceError(
                    self.path, f"stembureau {station} staat niet in de stembureaulijst (110b)"
                )
            rows = dict(
                connection.execute(
                    "SELECT slot, typist FROM entry WHERE station = ?", (station,)
                ).fetchall()
            )
            if slot in rows:
                raise WorkspaceError(
                    self.path,
                    f"invoer {slot} van stembureau {station} is al gedaan door {rows[slot]}; "
                    "verschillen beslist de coördinator ('kandidaat telling besluit'); "
                    "er is niets opgeslagen",
                )
            other = rows.get(3 - slot)
            if other is not None and str(other).casefold() == typist.casefold():
                raise WorkspaceError(
                    self.path,
                    f"{typist} heeft invoer {3 - slot} van stembureau {station} al gedaan; de "
                    "twee invoeren moeten door twee verschillende invoerders gebeuren; er is "
                    "niets opgeslagen",
                )
            (session,) = connection.execute("SELECT max(number) FROM session").fetchone()
            # The draft of this entry, whoever typed it, ends with the entry (ADR 0139).
            connection.execute(
                "DELETE FROM entry_draft WHERE station = ? AND slot = ?", (station, slot)
            )
            connection.execute(
                "INSERT INTO entry (station, slot, typist, figures, confirmed, entered_at,"
                " session) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    station,
                    slot,
                    typist,
                    json.dumps(figures.to_json(), ensure_ascii=False, sort_keys=True),
                    json.dumps(list(confirmed)),
                    _now(),
                    session,
                ),
            )
            audit_log.append(
                connection,
                typist,
                "invoer",
                {
                    "stembureau": station,
                    "invoer": slot,
                    "zitting": session,
                    "bevestigd": list(confirmed),
                    "cijfers": figures.to_json(),
                    **summary,
                },
            )

    def decide(
        self,
        station: int,
        choice: str,
        coordinator: str,
        differences: Sequence[tuple[str, int | None, int | None]],
    ) -> None:
        """The coordinator's decision on two differing entries (one transaction, logged).

        ``choice`` "1" keeps entry 1 (entry 2 is typed again), "2" keeps entry 2,
        "opnieuw" removes both. The removed figures stay in the log.

        Raises:
            WorkspaceError: the station does not have two differing entries.
        """
        coordinator = _name(self.path, coordinator, "--coordinator")
        if choice not in CHOICES:
            raise WorkspaceError(self.path, f"--houd {choice[:20]!r}: kies 1, 2 of opnieuw")
        with self._workspace.change() as connection:
            rows = dict(
                connection.execute(
                    "SELECT slot, figures FROM entry WHERE station = ?", (station,)
                ).fetchall()
            )
            if set(rows) != set(SLOTS):
                raise WorkspaceError(
                    self.path,
                    f"stembureau {station} heeft geen twee invoeren; er is niets te beslissen",
                )
            if json.loads(str(rows[1])) == json.loads(str(rows[2])):
                raise WorkspaceError(
                    self.path,
                    f"de twee invoeren van stembureau {station} zijn gelijk; er is niets te "
                    "beslissen",
                )
            removed = {"1": (2,), "2": (1,), "opnieuw": SLOTS}[choice]
            connection.executemany(
                "DELETE FROM entry WHERE station = ? AND slot = ?",
                [(station, slot) for slot in removed],
            )
            (last,) = connection.execute("SELECT max(number) FROM decision").fetchone()
            number = 1 if last is None else int(last) + 1
            connection.execute(
                "INSERT INTO decision (number, station, choice, coordinator, decided_at,"
                " differences) VALUES (?, ?, ?, ?, ?, ?)",
                (number, station, choice, coordinator, _now(), json.dumps(list(differences))),
            )
            audit_log.append(
                connection,
                coordinator,
                "besluit",
                {
                    "stembureau": station,
                    "houd": choice,
                    "verwijderd": list(removed),
                    "verschillen": [list(d) for d in differences],
                },
            )

    def decisions(self) -> tuple[Decision, ...]:
        """Every decision of the coordinator in order."""
        with self._workspace.read() as connection:
            rows = connection.execute(
                "SELECT number, station, choice, coordinator, decided_at, differences"
                " FROM decision ORDER BY number"
            ).fetchall()
        try:
            return tuple(
                Decision(
                    int(number),
                    int(station),
                    str(choice),
                    str(coordinator),
                    str(at),
                    tuple(
                        (str(field), _optional(first), _optional(second))
                        for field, first, second in json.loads(str(differences))
                    ),
                )
                for number, station, choice, coordinator, at, differences in rows
            )
        except (ValueError, TypeError) as error:
            raise corrupt_error(self.path, f"een besluit is onleesbaar ({error})") from error

    def earlier_results(self) -> tuple[EarlierResult, ...]:
        """The results of polling stations reopened for an investigation, in order."""
        with self._workspace.read() as connection:
            rows = connection.execute(
                "SELECT station, number, figures, agreed_in, reopened_in, reason, recorded_by,"
                " kind FROM earlier_result ORDER BY station, number"
            ).fetchall()
        try:
            return tuple(
                EarlierResult(
                    int(station),
                    int(number),
                    StationFigures.from_json(json.loads(str(figures))),
                    None if agreed is None else int(agreed),
                    int(reopened),
                    str(reason),
                    str(by),
                    str(kind),
                )
                for station, number, figures, agreed, reopened, reason, by, kind in rows
            )
        except (ValueError, KeyError, TypeError) as error:
            raise corrupt_error(
                self.path, f"een eerder resultaat is onleesbaar ({error})"
            ) from error

    def reopen(self, station: int, reason: str, coordinator: str, kind: str = "andere fout") -> int:
        """Reopen an agreed station in a later session (onderzoek); returns that session.

        The agreed figures are kept as an earlier result with the reason; both entries
        are removed from the content (they stay in the log) and are typed again.

        Raises:
            WorkspaceError: the station is not agreed, or there is no session after the
                one in which it was agreed.
        """
        coordinator = _name(self.path, coordinator, "--coordinator")
        if kind not in INVESTIGATION_KINDS:
            raise WorkspaceError(
                self.path, f"--soort {kind[:40]!r}: kies {' of '.join(INVESTIGATION_KINDS)}"
            )
        with self._workspace.change() as connection:
            rows = connection.execute(
                "SELECT figures, session FROM entry WHERE station = ? ORDER BY slot", (station,)
            ).fetchall()
            if len(rows) != len(SLOTS) or json.loads(str(rows[0][0])) != json.loads(
                str(rows[1][0])
            ):
                raise WorkspaceError(
                    self.path,
                    f"stembureau {station} heeft geen vastgesteld resultaat (twee gelijke "
                    "invoeren); er is niets te onderzoeken",
                )
            agreed_in = max((int(r[1]) for r in rows if r[1] is not None), default=None)
            (current,) = connection.execute("SELECT max(number) FROM session").fetchone()
            if current is None or (agreed_in is not None and int(current) <= agreed_in):
                raise WorkspaceError(
                    self.path,
                    f"een onderzoek van stembureau {station} hoort in een latere zitting dan "
                    "die waarin het resultaat is vastgesteld; leg eerst die zitting vast "
                    "('kandidaat telling zitting')",
                )
            (last,) = connection.execute(
                "SELECT max(number) FROM earlier_result WHERE station = ?", (station,)
            ).fetchone()
            number = 1 if last is None else int(last) + 1
            connection.execute(
                "INSERT INTO earlier_result (station, number, figures, agreed_in, reopened_in,"
                " reason, recorded_by, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    station,
                    number,
                    str(rows[0][0]),
                    agreed_in,
                    int(current),
                    reason,
                    coordinator,
                    kind,
                ),
            )
            connection.execute("DELETE FROM entry WHERE station = ?", (station,))
            audit_log.append(
                connection,
                coordinator,
                "onderzoek",
                {
                    "stembureau": station,
                    "zitting": int(current),
                    "reden": reason,
                    "soort": kind,
                    "eerder": json.loads(str(rows[0][0])),
                },
            )
        return int(current)

    def record(self, action: str, payload: dict[str, Any], actor: str) -> None:
        """Only a log entry (e.g. an export and its hash code)."""
        actor = _name(self.path, actor, "--coordinator")
        with self._workspace.change() as connection:
            audit_log.append(connection, actor, action, payload)

    # -- drafts (concepten) of entries being typed ------------------------------------

    def draft(self, station: int, slot: int) -> Draft | None:
        """The draft of entry ``slot`` of ``station`` (None: nothing is being typed)."""
        with self._workspace.read() as connection:
            rows = connection.execute(
                "SELECT typist, field, value, updated_at FROM entry_draft"
                " WHERE station = ? AND slot = ? ORDER BY updated_at, field",
                (station, slot),
            ).fetchall()
        if not rows:
            return None
        return Draft(
            station,
            slot,
            str(rows[0][0]),
            {str(field): int(value) for _typist, field, value, _at in rows},
            max(str(row[3]) for row in rows),
        )

    def save_draft(
        self, station: int, slot: int, typist: str, values: Mapping[str, int | None]
    ) -> None:
        """Save fields of the draft of an entry (one small transaction; None clears a field).

        Not logged per field: only the first field of a draft logs "concept begonnen".
        A draft of this entry by another typist is replaced (logged as "concept
        verwijderd"): one entry has one typist (docs/adr/0139).

        Raises:
            WorkspaceError: an unknown station or slot, an entry already stored, or the
                typist of the other entry; nothing is saved.
        """
        typist = _name(self.path, typist, "--invoerder")
        if slot not in SLOTS:
            raise WorkspaceError(self.path, f"--invoer {slot}: kies 1 of 2")
        with self._workspace.change() as connection:
            self._check_draft_allowed(connection, station, slot, typist)
            row = connection.execute(
                "SELECT typist, count(*) FROM entry_draft WHERE station = ? AND slot = ?"
                " GROUP BY typist",
                (station, slot),
            ).fetchone()
            owner = None if row is None else str(row[0])
            if owner is not None and owner.casefold() != typist.casefold():
                self._drop_draft(
                    connection, station, slot, typist, int(row[1]), f"overgenomen door {typist}"
                )
                owner = None
            now = _now()
            for field, value in values.items():
                if value is None:
                    connection.execute(
                        "DELETE FROM entry_draft WHERE station = ? AND slot = ? AND field = ?",
                        (station, slot, field),
                    )
                    continue
                connection.execute(
                    "INSERT INTO entry_draft (station, slot, typist, field, value, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (station, slot, field)"
                    " DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                    (station, slot, owner or typist, field, value, now),
                )
            if owner is None and any(value is not None for value in values.values()):
                audit_log.append(
                    connection, typist, "concept begonnen", {"stembureau": station, "invoer": slot}
                )

    def delete_draft(self, station: int, slot: int, typist: str, reason: str) -> int:
        """Throw away ``typist``'s draft of an entry (logged); returns how many fields it had.

        A draft of another typist is left alone (0).
        """
        typist = _name(self.path, typist, "--invoerder")
        with self._workspace.change() as connection:
            row = connection.execute(
                "SELECT typist, count(*) FROM entry_draft WHERE station = ? AND slot = ?"
                " GROUP BY typist",
                (station, slot),
            ).fetchone()
            if row is None or str(row[0]).casefold() != typist.casefold():
                return 0
            self._drop_draft(connection, station, slot, typist, int(row[1]), reason)
            return int(row[1])

    def _check_draft_allowed(
        self, connection: sqlite3.Connection, station: int, slot: int, typist: str
    ) -> None:
        if (
            connection.execute("SELECT 1 FROM station WHERE number = ?", (station,)).fetchone()
            is None
        ):
            raise WorkspaceError(
                self.path, f"stembureau {station} staat niet in de stembureaulijst (110b)"
            )
        rows = dict(
            connection.execute("SELECT slot, typist FROM entry WHERE station = ?", (station,))
        )
        if slot in rows:
            raise WorkspaceError(
                self.path,
                f"invoer {slot} van stembureau {station} is al gedaan door {rows[slot]}; er is "
                "geen concept bewaard",
            )
        other = rows.get(3 - slot)
        if other is not None and str(other).casefold() == typist.casefold():
            raise WorkspaceError(
                self.path,
                f"{typist} heeft invoer {3 - slot} van stembureau {station} al gedaan; er is "
                "geen concept bewaard",
            )

    @staticmethod
    def _drop_draft(
        connection: sqlite3.Connection,
        station: int,
        slot: int,
        actor: str,
        fields: int,
        reason: str,
    ) -> None:
        connection.execute(
            "DELETE FROM entry_draft WHERE station = ? AND slot = ?", (station, slot)
        )
        audit_log.append(
            connection,
            actor,
            "concept verwijderd",
            {"stembureau": station, "invoer": slot, "velden": fields, "reden": reason},
        )
