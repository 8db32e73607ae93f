"""The ``.kandidaat`` project file: a party's whole nomination in one SQLite file.

A project holds one :class:`~kandidaat.domain.nomination.model.Nomination`:
the election, the party, the address book of persons and the candidate lists.
Every change is one SQLite transaction: the GUI commits every edit at once, and
a crash or power cut leaves the last committed state (docs/adr/0030).

The file is opened with ``journal_mode=DELETE`` and ``synchronous=FULL`` (one
file to copy or mail, durable commits) and ``locking_mode=EXCLUSIVE`` (a second
window or program cannot write to it at the same time). On opening, the file
must carry kandidaat's ``application_id``, a schema version this release knows
(older versions are migrated in one transaction), and pass SQLite's
``integrity_check`` and ``foreign_key_check``; otherwise a Dutch
:class:`~kandidaat.store.errors.ProjectFileError` names the file.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Self

from kandidaat import __version__
from kandidaat.common.atomic import link_new_file
from kandidaat.domain.nomination.model import (
    Agent,
    AppellationKind,
    Body,
    Candidate,
    CandidateList,
    Election,
    Gender,
    Kieskring,
    Nomination,
    Party,
    PostalAddress,
    StatutoryParty,
    Submitter,
)
from kandidaat.domain.nomination.text_rules import (
    candidate_problems,
    election_problems,
    list_problems,
    nomination_problems,
    party_problems,
)
from kandidaat.store.errors import ProjectFileError
from kandidaat.store.reasons import Action, os_reason, sqlite_reason
from kandidaat.store.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from kandidaat.store.workspace import rollback

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from types import TracebackType

__all__ = ["SUFFIX", "ProjectFile", "ProjectMeta"]

SUFFIX = ".kandidaat"
"""The file name extension of a project file."""

_SQLITE_MAGIC = b"SQLite format 3\x00"
_BUSY_TIMEOUT_SECONDS = 0.5
_NOT_A_PROJECT = "is geen kandidaat-projectbestand"
_SQLITE_HEADER_SIZE = 100
_USER_VERSION_OFFSET = 60
_JOURNAL_VERSION_OFFSETS = (18, 19)
_LEGACY_JOURNAL = 1
_SqliteFailure = (sqlite3.Error, UnicodeError)
"""What SQLite raises on a damaged file: its errors, and bad UTF-8 in its messages."""


@dataclass(frozen=True, slots=True)
class ProjectMeta:
    """Bookkeeping of a project: when it was made and changed, and when printed.

    ``revision`` counts the committed changes. The printed documents are
    outdated when anything changed after they were printed: paper is leading,
    so they must then be printed and signed again.
    """

    created_at: datetime
    app_version: str
    revision: int
    last_change_at: datetime
    documents_printed_at: datetime | None
    documents_printed_revision: int | None

    @property
    def documents_outdated(self) -> bool:
        """True when documents were printed and the project changed afterwards."""
        printed = self.documents_printed_revision
        return printed is not None and self.revision > printed


class _CorruptError(ValueError):
    """A value in the file that no version of kandidaat writes."""


class ProjectFile:
    """An open ``.kandidaat`` file; use :meth:`create` or :meth:`open`.

    Each public method that changes the project is one transaction. Close the
    file with :meth:`close` or use it as a context manager.
    """

    __slots__ = ("_connection", "_path")

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        """Wrap an opened and checked connection (use :meth:`create` or :meth:`open`)."""
        self._path = path
        self._connection: sqlite3.Connection | None = connection

    # -- opening and closing -------------------------------------------------

    @classmethod
    def create(cls, path: Path, nomination: Nomination) -> ProjectFile:
        """Create a new project file holding ``nomination``; never overwrite a file.

        The file is built beside ``path`` under a temporary name and appears
        under its own name only when it is complete.
        """
        path = Path(path)
        _validate_nomination(path, nomination)
        if path.exists():
            raise ProjectFileError(
                path,
                "bestaat al; kandidaat overschrijft geen bestaand project. Kies een andere naam.",
            )
        directory = path.parent if str(path.parent) else Path()
        try:
            fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".nieuw", dir=directory)
        except OSError as error:
            raise ProjectFileError(
                path, f"kan het project niet aanmaken: {os_reason(error, Action.WRITE_FOLDER)}"
            ) from error
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            _build(tmp, path, nomination)
            _publish(tmp, path)
        finally:
            for leftover in (tmp, Path(f"{tmp}-journal")):
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()
        return cls.open(path)

    @classmethod
    def open(cls, path: Path) -> ProjectFile:
        """Open an existing project file, check it and migrate an older schema."""
        path = Path(path)
        _check_header(path)
        if not Path(f"{path}-journal").exists():
            # No crash to roll back: check everything read-only first, so that a
            # damaged file is refused without a single byte of it being changed.
            _check_read_only(path)
        connection = _connect(path, path)
        try:
            _check_and_migrate(connection, path)
        except BaseException:
            connection.close()
            raise
        return cls(path, connection)

    @property
    def path(self) -> Path:
        """Where the project file is."""
        return self._path

    def close(self) -> None:
        """Close the file (releases the lock); further use raises an error."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __enter__(self) -> Self:
        """Use the open project in a ``with`` block."""
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Close the file at the end of the ``with`` block."""
        self.close()

    # -- reading ---------------------------------------------------------------

    def load(self) -> Nomination:
        """The whole nomination as last committed."""
        connection = self._open_connection()
        try:
            connection.execute("BEGIN")
            try:
                return _read_nomination(connection)
            finally:
                connection.execute("COMMIT")
        except (*_SqliteFailure, _CorruptError) as error:
            raise _corrupt(self._path, error) from error

    @property
    def meta(self) -> ProjectMeta:
        """When the project was made, last changed and its documents printed."""
        connection = self._open_connection()
        try:
            return _read_meta(connection)
        except (*_SqliteFailure, _CorruptError) as error:
            raise _corrupt(self._path, error) from error

    # -- writing ---------------------------------------------------------------

    def save(self, nomination: Nomination) -> None:
        """Replace the whole content by ``nomination`` in one transaction."""
        _validate_nomination(self._path, nomination)
        with self._change() as connection:
            _delete_everything(connection)
            _write_nomination(connection, nomination)

    def put_candidate(self, candidate: Candidate) -> None:
        """Add a person to the address book, or replace the person with the same key.

        A new person comes last in the address book; a replaced one keeps its
        place and stays on every list it is on.
        """
        _require_key(self._path, candidate.key, "kandidaat")
        _refuse(self._path, candidate_problems(candidate))
        with self._change() as connection:
            row = connection.execute(
                "SELECT position FROM candidate WHERE key = ?", (candidate.key,)
            ).fetchone()
            position = (
                _integer(row[0]) if row is not None else _next_position(connection, "candidate")
            )
            _upsert_candidate(connection, candidate, position)

    def remove_candidate(self, key: str) -> None:
        """Remove a person from the address book and from every list."""
        with self._change() as connection:
            if (
                connection.execute("SELECT 1 FROM candidate WHERE key = ?", (key,)).fetchone()
                is None
            ):
                raise ProjectFileError(self._path, f"kandidaat '{key}' staat niet in het adresboek")
            lists = connection.execute(
                "SELECT DISTINCT list_key FROM list_member WHERE candidate_key = ?", (key,)
            ).fetchall()
            for (list_key,) in lists:
                members = [
                    _text(member)
                    for (member,) in connection.execute(
                        "SELECT candidate_key FROM list_member WHERE list_key = ?"
                        " ORDER BY position",
                        (list_key,),
                    )
                ]
                _write_members(connection, _text(list_key), [m for m in members if m != key])
            connection.execute("DELETE FROM candidate WHERE key = ?", (key,))

    def put_list(self, candidate_list: CandidateList) -> None:
        """Add a candidate list, or replace the list with the same key (keeps its place)."""
        _require_key(self._path, candidate_list.key, "lijst")
        _refuse(self._path, list_problems(candidate_list))
        with self._change() as connection:
            known = {
                _text(key) for (key,) in connection.execute("SELECT key FROM candidate").fetchall()
            }
            _check_members(self._path, candidate_list, known)
            row = connection.execute(
                "SELECT position FROM candidate_list WHERE key = ?", (candidate_list.key,)
            ).fetchone()
            if row is None:
                position = _next_position(connection, "candidate_list")
            else:
                position = _integer(row[0])
                connection.execute(
                    "DELETE FROM candidate_list WHERE key = ?", (candidate_list.key,)
                )
            _insert_list(connection, candidate_list, position)

    def remove_list(self, key: str) -> None:
        """Remove a candidate list (the persons stay in the address book)."""
        with self._change() as connection:
            cursor = connection.execute("DELETE FROM candidate_list WHERE key = ?", (key,))
            if cursor.rowcount == 0:
                raise ProjectFileError(self._path, f"lijst '{key}' bestaat niet in het project")

    def put_party(self, party: Party) -> None:
        """Replace the party data: appellation, statutory parties, submitter, vervangers."""
        _validate_party(self._path, party)
        with self._change() as connection:
            for table in ("submitter", "statutory_party", "party"):
                connection.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
            _write_party(connection, party)

    def put_election(self, election: Election) -> None:
        """Replace the election and its kieskringen (lists keep their kieskring choice)."""
        _validate_election(self._path, election)
        with self._change() as connection:
            connection.execute("DELETE FROM kieskring")
            connection.execute("DELETE FROM election")
            _write_election(connection, election)

    def mark_documents_printed(self) -> None:
        """Record that the documents were printed now (not counted as a change)."""
        with self._transaction() as connection:
            connection.execute(
                "UPDATE meta SET documents_printed_at = ?, documents_printed_revision = revision",
                (_now(),),
            )

    # -- transactions ----------------------------------------------------------

    def _open_connection(self) -> sqlite3.Connection:
        if self._connection is None:
            raise ProjectFileError(self._path, "het project is al gesloten")
        return self._connection

    @contextlib.contextmanager
    def _change(self) -> Iterator[sqlite3.Connection]:
        """One transaction that changes the content: counts as a change in ``meta``."""
        with self._transaction() as connection:
            yield connection
            connection.execute(
                "UPDATE meta SET revision = revision + 1, last_change_at = ?, app_version = ?",
                (_now(), __version__),
            )

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        connection = self._open_connection()
        try:
            connection.execute("BEGIN IMMEDIATE")
            yield connection
            connection.execute("COMMIT")
        except _SqliteFailure as error:
            rollback(connection)
            raise _write_error(self._path, error) from error
        except BaseException:
            rollback(connection)
            raise


# -- opening ---------------------------------------------------------------------


def _check_header(path: Path) -> None:
    """Refuse a missing, empty, non-SQLite or foreign file before SQLite touches it."""
    try:
        with path.open("rb") as handle:
            header = handle.read(_SQLITE_HEADER_SIZE)
    except FileNotFoundError as error:
        raise ProjectFileError(path, "bestaat niet") from error
    except IsADirectoryError as error:
        raise ProjectFileError(path, "is een map, geen projectbestand") from error
    except OSError as error:
        reason = os_reason(error, Action.READ_FILE)
        raise ProjectFileError(path, f"kan niet worden gelezen: {reason}") from error
    if not header:
        raise ProjectFileError(path, f"het bestand is leeg; het {_NOT_A_PROJECT}")
    if not header.startswith(_SQLITE_MAGIC):
        raise ProjectFileError(path, f"{_NOT_A_PROJECT} (het is geen SQLite-database)")
    if len(header) < _SQLITE_HEADER_SIZE:
        raise ProjectFileError(path, "is beschadigd (het bestand is afgekapt)")
    # The application id never changes after creation: checking it here means SQLite
    # never opens (and never changes the journal mode of) another program's database.
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        raise ProjectFileError(
            path, f"{_NOT_A_PROJECT} (het is een SQLite-database van een ander programma)"
        )
    if any(header[offset] != _LEGACY_JOURNAL for offset in _JOURNAL_VERSION_OFFSETS):
        # kandidaat always writes rollback-journal files; anything else is damage,
        # and SQLite would rewrite the header when switching the journal mode.
        raise ProjectFileError(path, "is beschadigd (de kop van het bestand klopt niet)")
    version = int.from_bytes(header[_USER_VERSION_OFFSET : _USER_VERSION_OFFSET + 4], "big")
    if version > SCHEMA_VERSION:
        raise ProjectFileError(path, _newer_message(version))


def _newer_message(version: int) -> str:
    return (
        f"is gemaakt met een nieuwere versie van kandidaat (schemaversie {version}; "
        f"deze versie {__version__} kent tot en met {SCHEMA_VERSION}). "
        "Werk kandidaat bij om dit project te openen."
    )


def _check_read_only(path: Path) -> None:
    """Identity, integrity and a trial read through a read-only connection."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        connection = sqlite3.connect(
            uri, uri=True, isolation_level=None, timeout=_BUSY_TIMEOUT_SECONDS
        )
    except _SqliteFailure as error:
        raise _open_error(path, error) from error
    try:
        connection.execute("PRAGMA trusted_schema = OFF")
        connection.execute("BEGIN")
        version = _check_identity(connection, path)
        _check_integrity(connection, path)
        if version == SCHEMA_VERSION:
            _read_meta(connection)
            _read_nomination(connection)
        connection.execute("COMMIT")
    except _SqliteFailure as error:
        raise _open_error(path, error) from error
    except _CorruptError as error:
        raise _corrupt(path, error) from error
    finally:
        connection.close()


def _connect(database: Path, shown_as: Path) -> sqlite3.Connection:
    """Open an existing database file with the pragmas of every project file."""
    uri = f"{database.resolve().as_uri()}?mode=rw"
    try:
        connection = sqlite3.connect(
            uri, uri=True, isolation_level=None, timeout=_BUSY_TIMEOUT_SECONDS
        )
    except _SqliteFailure as error:
        raise _open_error(shown_as, error) from error
    try:
        for pragma in (
            "PRAGMA trusted_schema = OFF",
            "PRAGMA foreign_keys = ON",
            "PRAGMA locking_mode = EXCLUSIVE",
            "PRAGMA journal_mode = DELETE",
            "PRAGMA synchronous = FULL",
        ):
            connection.execute(pragma)
    except _SqliteFailure as error:
        connection.close()
        raise _open_error(shown_as, error) from error
    return connection


def _check_and_migrate(connection: sqlite3.Connection, path: Path) -> None:
    """Take the lock, check identity and integrity, and migrate an older schema."""
    try:
        # Take the exclusive lock now and keep it (locking_mode=EXCLUSIVE); this also
        # rolls back a transaction a crash left behind in the journal.
        connection.execute("BEGIN EXCLUSIVE")
        version = _check_identity(connection, path)
        _check_integrity(connection, path)
        _migrate(connection, version)
        connection.execute("COMMIT")
    except _SqliteFailure as error:
        rollback(connection)
        raise _open_error(path, error) from error
    except BaseException:
        rollback(connection)
        raise


def _check_identity(connection: sqlite3.Connection, path: Path) -> int:
    """Our application_id and a schema version this release can read; returns the version."""
    application_id = _integer(connection.execute("PRAGMA application_id").fetchone()[0])
    version = _integer(connection.execute("PRAGMA user_version").fetchone()[0])
    if application_id != APPLICATION_ID:
        raise ProjectFileError(
            path, f"{_NOT_A_PROJECT} (het is een SQLite-database van een ander programma)"
        )
    if version > SCHEMA_VERSION:
        raise ProjectFileError(path, _newer_message(version))
    if version < 1:
        raise ProjectFileError(path, "is onvolledig: het aanmaken is nooit afgerond")
    return version


def _check_integrity(connection: sqlite3.Connection, path: Path) -> None:
    """PRAGMA integrity_check and foreign_key_check must both find nothing."""
    problems = [str(row[0]) for row in connection.execute("PRAGMA integrity_check").fetchall()]
    if problems != ["ok"]:
        # SQLite's own lines are English and technical: count them, do not show them.
        count = len(problems)
        found = "1 fout" if count == 1 else f"{count} fouten"
        raise ProjectFileError(
            path,
            f"is beschadigd: de controle van de database vond {found}. "
            "Open een reservekopie, of maak het project opnieuw.",
        )
    dangling = connection.execute("PRAGMA foreign_key_check").fetchall()
    if dangling:
        tables = ", ".join(sorted({str(row[0]) for row in dangling}))
        raise ProjectFileError(
            path,
            f"is beschadigd: {len(dangling)} verwijzing(en) naar iets dat ontbreekt ({tables})",
        )


def _migrate(connection: sqlite3.Connection, version: int) -> None:
    """Run the migrations after ``version`` inside the caller's transaction."""
    for migration in MIGRATIONS[version:]:
        for statement in migration.statements:
            connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {int(migration.version)}")


def _build(tmp: Path, path: Path, nomination: Nomination) -> None:
    """Create the schema and the content in the empty file ``tmp`` in one transaction."""
    connection = _connect(tmp, path)
    try:
        connection.execute("BEGIN EXCLUSIVE")
        _migrate(connection, 0)
        connection.execute(f"PRAGMA application_id = {int(APPLICATION_ID)}")
        now = _now()
        connection.execute(
            "INSERT INTO meta (id, created_at, app_version, revision, last_change_at)"
            " VALUES (1, ?, ?, 0, ?)",
            (now, __version__, now),
        )
        _write_nomination(connection, nomination)
        connection.execute("COMMIT")
    except _SqliteFailure as error:
        rollback(connection)
        raise _write_error(path, error) from error
    finally:
        connection.close()


def _publish(tmp: Path, path: Path) -> None:
    """Give the complete file its name without ever replacing an existing file."""
    try:
        link_new_file(tmp, path)
    except FileExistsError as error:
        raise ProjectFileError(
            path, "bestaat al; kandidaat overschrijft geen bestaand project. Kies een andere naam."
        ) from error
    except OSError as error:
        raise ProjectFileError(
            path, f"kan het project niet aanmaken: {os_reason(error, Action.WRITE_FOLDER)}"
        ) from error


# -- errors ------------------------------------------------------------------------


def _open_error(path: Path, error: BaseException) -> ProjectFileError:
    return ProjectFileError(path, f"kan niet worden geopend: {sqlite_reason(error)}")


def _write_error(path: Path, error: BaseException) -> ProjectFileError:
    return ProjectFileError(
        path, f"de wijziging is niet opgeslagen: {sqlite_reason(error)}; er is niets veranderd"
    )


def _corrupt(path: Path, error: Exception) -> ProjectFileError:
    reason = str(error) if isinstance(error, _CorruptError) else sqlite_reason(error)
    return ProjectFileError(path, f"is beschadigd of buiten kandidaat gewijzigd: {reason}")


# -- validation before writing ---------------------------------------------------------


def _require_key(path: Path, key: str, what: str) -> None:
    if not key:
        raise ProjectFileError(path, f"een {what} zonder sleutel kan niet worden opgeslagen")


def _check_members(path: Path, candidate_list: CandidateList, known: set[str]) -> None:
    for key in candidate_list.candidates:
        if key not in known:
            raise ProjectFileError(
                path,
                f"lijst '{candidate_list.key}' noemt kandidaat '{key}', "
                "die niet in het adresboek staat",
            )


_MAX_SHOWN_PROBLEMS = 10


def _refuse(path: Path, problems: Sequence[str]) -> None:
    """Text or numbers that no document or EML file could hold: refuse before writing."""
    if not problems:
        return
    shown = list(problems[:_MAX_SHOWN_PROBLEMS])
    if len(problems) > _MAX_SHOWN_PROBLEMS:
        shown.append(f"en nog {len(problems) - _MAX_SHOWN_PROBLEMS} andere")
    raise ProjectFileError(path, "niet opgeslagen, er is niets veranderd:\n  " + "\n  ".join(shown))


def _validate_election(path: Path, election: Election) -> None:
    _refuse(path, election_problems(election))
    if election.seats < 0:
        raise ProjectFileError(path, f"het aantal zetels ({election.seats}) is negatief")
    numbers = [kieskring.number for kieskring in election.kieskringen]
    for number in numbers:
        if numbers.count(number) > 1:
            raise ProjectFileError(path, f"kieskring {number} komt meer dan eens voor")


def _validate_party(path: Path, party: Party) -> None:
    _refuse(path, party_problems(party))
    seats = [party.previous_seats, *(group.previous_seats for group in party.groups)]
    if any(value is not None and value < 0 for value in seats):
        raise ProjectFileError(path, "het aantal zetels bij de vorige verkiezing is negatief")


def _validate_nomination(path: Path, nomination: Nomination) -> None:
    """Refuse content that cannot be stored, with a Dutch message (before any write)."""
    _refuse(path, nomination_problems(nomination))
    _validate_election(path, nomination.election)
    _validate_party(path, nomination.party)
    known: set[str] = set()
    for candidate in nomination.candidates:
        _require_key(path, candidate.key, "kandidaat")
        if candidate.key in known:
            raise ProjectFileError(path, f"kandidaat '{candidate.key}' komt twee keer voor")
        known.add(candidate.key)
    list_keys: set[str] = set()
    for candidate_list in nomination.lists:
        _require_key(path, candidate_list.key, "lijst")
        if candidate_list.key in list_keys:
            raise ProjectFileError(path, f"lijst '{candidate_list.key}' komt twee keer voor")
        list_keys.add(candidate_list.key)
        _check_members(path, candidate_list, known)


# -- writing -----------------------------------------------------------------------------

_CANDIDATE_COLUMNS = (
    "key",
    "position",
    "initials",
    "prefix",
    "last_name",
    "first_name",
    "gender",
    "date_of_birth",
    "locality",
    "country_code",
    "bsn",
    "postal_street",
    "postal_code",
    "postal_locality",
    "postal_country_code",
    "agent_initials",
    "agent_prefix",
    "agent_last_name",
    "agent_street",
    "agent_postal_code",
    "agent_locality",
    "agent_country_code",
    "lives_in_area",
    "is_member",
    "nationality",
    "place_of_birth",
    "home_state_address",
    "date_of_birth_annex",
)
_CANDIDATE_UPSERT = (
    f"INSERT INTO candidate ({', '.join(_CANDIDATE_COLUMNS)})"  # noqa: S608 - fixed column names
    f" VALUES ({', '.join(':' + column for column in _CANDIDATE_COLUMNS)})"
    " ON CONFLICT (key) DO UPDATE SET "
    + ", ".join(f"{column} = excluded.{column}" for column in _CANDIDATE_COLUMNS[2:])
)

_SqlValue = str | int | None


def _delete_everything(connection: sqlite3.Connection) -> None:
    for table in (
        "list_member",
        "list_kieskring",
        "candidate_list",
        "settlement_area",
        "candidate",
        "kieskring",
        "election",
        "submitter",
        "statutory_party",
        "party",
    ):
        connection.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names


def _write_nomination(connection: sqlite3.Connection, nomination: Nomination) -> None:
    _write_election(connection, nomination.election)
    _write_party(connection, nomination.party)
    # The tables are empty here: plain inserts in bulk, no upsert per person.
    connection.executemany(
        _CANDIDATE_UPSERT,
        [
            _candidate_row(candidate, position)
            for position, candidate in enumerate(nomination.candidates, start=1)
        ],
    )
    connection.executemany(
        "INSERT INTO settlement_area (candidate_key, position, area) VALUES (?, ?, ?)",
        [
            (candidate.key, index, area)
            for candidate in nomination.candidates
            for index, area in enumerate(candidate.settlement_areas, start=1)
        ],
    )
    for position, candidate_list in enumerate(nomination.lists, start=1):
        _insert_list(connection, candidate_list, position)


def _write_election(connection: sqlite3.Connection, election: Election) -> None:
    connection.execute(
        "INSERT INTO election (id, body, identifier, name, election_date, seats, area_name,"
        " area_code, frisian, nomination_date, term_years)"
        " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            election.body.value,
            election.identifier,
            election.name,
            election.election_date.isoformat(),
            election.seats,
            election.area_name,
            election.area_code,
            int(election.frisian),
            _iso_or_none(election.nomination_date),
            election.term_years,
        ),
    )
    connection.executemany(
        "INSERT INTO kieskring (number, position, name) VALUES (?, ?, ?)",
        [
            (kieskring.number, position, kieskring.name)
            for position, kieskring in enumerate(election.kieskringen, start=1)
        ],
    )


def _write_party(connection: sqlite3.Connection, party: Party) -> None:
    connection.execute(
        "INSERT INTO party (id, kind, appellation, previous_seats) VALUES (1, ?, ?, ?)",
        (party.kind.value, party.appellation, party.previous_seats),
    )
    connection.executemany(
        "INSERT INTO statutory_party (position, statutory_name, agent_name, previous_seats)"
        " VALUES (?, ?, ?, ?)",
        [
            (position, group.statutory_name, group.agent_name, group.previous_seats)
            for position, group in enumerate(party.groups, start=1)
        ],
    )
    submitters = [(0, party.submitter)] if party.submitter is not None else []
    submitters += list(enumerate(party.substitutes, start=1))
    connection.executemany(
        "INSERT INTO submitter (position, initials, prefix, last_name, street, postal_code,"
        " locality, country_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                position,
                person.initials,
                person.prefix,
                person.last_name,
                person.address.street,
                person.address.postal_code,
                person.address.locality,
                person.address.country_code,
            )
            for position, person in submitters
        ],
    )


def _candidate_row(candidate: Candidate, position: int) -> dict[str, _SqlValue]:
    postal = candidate.correspondence
    agent = candidate.agent
    return {
        "key": candidate.key,
        "position": position,
        "initials": candidate.initials,
        "prefix": candidate.prefix,
        "last_name": candidate.last_name,
        "first_name": candidate.first_name,
        "gender": None if candidate.gender is None else candidate.gender.value,
        "date_of_birth": _iso_or_none(candidate.date_of_birth),
        "locality": candidate.locality,
        "country_code": candidate.country_code,
        "bsn": candidate.bsn,
        "postal_street": None if postal is None else postal.street,
        "postal_code": None if postal is None else postal.postal_code,
        "postal_locality": None if postal is None else postal.locality,
        "postal_country_code": None if postal is None else postal.country_code,
        "agent_initials": None if agent is None else agent.initials,
        "agent_prefix": None if agent is None else agent.prefix,
        "agent_last_name": None if agent is None else agent.last_name,
        "agent_street": None if agent is None else agent.address.street,
        "agent_postal_code": None if agent is None else agent.address.postal_code,
        "agent_locality": None if agent is None else agent.address.locality,
        "agent_country_code": None if agent is None else agent.address.country_code,
        "lives_in_area": None if candidate.lives_in_area is None else int(candidate.lives_in_area),
        "is_member": int(candidate.is_member),
        "nationality": candidate.nationality,
        "place_of_birth": candidate.place_of_birth,
        "home_state_address": candidate.home_state_address,
        "date_of_birth_annex": candidate.date_of_birth_annex,
    }


def _upsert_candidate(connection: sqlite3.Connection, candidate: Candidate, position: int) -> None:
    connection.execute(_CANDIDATE_UPSERT, _candidate_row(candidate, position))
    connection.execute("DELETE FROM settlement_area WHERE candidate_key = ?", (candidate.key,))
    connection.executemany(
        "INSERT INTO settlement_area (candidate_key, position, area) VALUES (?, ?, ?)",
        [
            (candidate.key, index, area)
            for index, area in enumerate(candidate.settlement_areas, start=1)
        ],
    )


def _insert_list(
    connection: sqlite3.Connection, candidate_list: CandidateList, position: int
) -> None:
    connection.execute(
        "INSERT INTO candidate_list (key, position, publish_gender, language) VALUES (?, ?, ?, ?)",
        (
            candidate_list.key,
            position,
            int(candidate_list.publish_gender),
            candidate_list.language,
        ),
    )
    connection.executemany(
        "INSERT INTO list_kieskring (list_key, position, kieskring_number) VALUES (?, ?, ?)",
        [
            (candidate_list.key, index, number)
            for index, number in enumerate(candidate_list.kieskringen, start=1)
        ],
    )
    _write_members(connection, candidate_list.key, candidate_list.candidates)


def _write_members(connection: sqlite3.Connection, list_key: str, members: Sequence[str]) -> None:
    connection.execute("DELETE FROM list_member WHERE list_key = ?", (list_key,))
    connection.executemany(
        "INSERT INTO list_member (list_key, position, candidate_key) VALUES (?, ?, ?)",
        [(list_key, index, key) for index, key in enumerate(members, start=1)],
    )


def _next_position(connection: sqlite3.Connection, table: str) -> int:
    row = connection.execute(f"SELECT COALESCE(MAX(position), 0) + 1 FROM {table}").fetchone()  # noqa: S608 - fixed table names
    return _integer(row[0])


# -- reading -------------------------------------------------------------------------------


def _read_meta(connection: sqlite3.Connection) -> ProjectMeta:
    row = connection.execute(
        "SELECT created_at, app_version, revision, last_change_at,"
        " documents_printed_at, documents_printed_revision FROM meta WHERE id = 1"
    ).fetchone()
    if row is None:
        raise _CorruptError("de tabel meta is leeg")
    return ProjectMeta(
        created_at=_datetime(row[0]),
        app_version=_text(row[1]),
        revision=_integer(row[2]),
        last_change_at=_datetime(row[3]),
        documents_printed_at=None if row[4] is None else _datetime(row[4]),
        documents_printed_revision=_optional_integer(row[5]),
    )


def _read_nomination(connection: sqlite3.Connection) -> Nomination:
    return Nomination(
        election=_read_election(connection),
        party=_read_party(connection),
        candidates=_read_candidates(connection),
        lists=_read_lists(connection),
    )


def _read_election(connection: sqlite3.Connection) -> Election:
    row = connection.execute(
        "SELECT body, identifier, name, election_date, seats, area_name, area_code, frisian,"
        " nomination_date, term_years FROM election WHERE id = 1"
    ).fetchone()
    if row is None:
        raise _CorruptError("de verkiezing ontbreekt")
    kieskringen = tuple(
        Kieskring(number=_text(number), name=_text(name))
        for number, name in connection.execute(
            "SELECT number, name FROM kieskring ORDER BY position"
        )
    )
    return Election(
        body=Body(_text(row[0])),
        identifier=_text(row[1]),
        name=_text(row[2]),
        election_date=_date(row[3]),
        seats=_integer(row[4]),
        kieskringen=kieskringen,
        area_name=_optional_text(row[5]),
        area_code=_optional_text(row[6]),
        frisian=_boolean(row[7]),
        nomination_date=_optional_date(row[8]),
        term_years=_integer(row[9]),
    )


def _read_party(connection: sqlite3.Connection) -> Party:
    row = connection.execute(
        "SELECT kind, appellation, previous_seats FROM party WHERE id = 1"
    ).fetchone()
    if row is None:
        raise _CorruptError("de partijgegevens ontbreken")
    groups = tuple(
        StatutoryParty(
            statutory_name=_text(name),
            agent_name=_text(agent),
            previous_seats=_optional_integer(seats),
        )
        for name, agent, seats in connection.execute(
            "SELECT statutory_name, agent_name, previous_seats FROM statutory_party"
            " ORDER BY position"
        )
    )
    submitter: Submitter | None = None
    substitutes: list[Submitter] = []
    for record in connection.execute(
        "SELECT position, initials, prefix, last_name, street, postal_code, locality,"
        " country_code FROM submitter ORDER BY position"
    ):
        person = Submitter(
            initials=_text(record[1]),
            prefix=_text(record[2]),
            last_name=_text(record[3]),
            address=PostalAddress(
                street=_text(record[4]),
                postal_code=_text(record[5]),
                locality=_text(record[6]),
                country_code=_text(record[7]),
            ),
        )
        if _integer(record[0]) == 0:
            submitter = person
        else:
            substitutes.append(person)
    return Party(
        kind=AppellationKind(_text(row[0])),
        appellation=_text(row[1]),
        groups=groups,
        previous_seats=_optional_integer(row[2]),
        submitter=submitter,
        substitutes=tuple(substitutes),
    )


def _read_candidates(connection: sqlite3.Connection) -> tuple[Candidate, ...]:
    areas: dict[str, list[str]] = {}
    for key, area in connection.execute(
        "SELECT candidate_key, area FROM settlement_area ORDER BY candidate_key, position"
    ):
        areas.setdefault(_text(key), []).append(_text(area))
    cursor = connection.execute(
        f"SELECT {', '.join(_CANDIDATE_COLUMNS)} FROM candidate ORDER BY position"  # noqa: S608 - fixed column names
    )
    return tuple(
        _candidate_from_row(dict(zip(_CANDIDATE_COLUMNS, row, strict=True)), areas)
        for row in cursor
    )


def _candidate_from_row(row: dict[str, object], areas: dict[str, list[str]]) -> Candidate:
    key = _text(row["key"])
    correspondence = None
    if row["postal_street"] is not None:
        correspondence = PostalAddress(
            street=_text(row["postal_street"]),
            postal_code=_text(row["postal_code"]),
            locality=_text(row["postal_locality"]),
            country_code=_text(row["postal_country_code"]),
        )
    agent = None
    if row["agent_initials"] is not None:
        agent = Agent(
            initials=_text(row["agent_initials"]),
            prefix=_text(row["agent_prefix"]),
            last_name=_text(row["agent_last_name"]),
            address=PostalAddress(
                street=_text(row["agent_street"]),
                postal_code=_text(row["agent_postal_code"]),
                locality=_text(row["agent_locality"]),
                country_code=_text(row["agent_country_code"]),
            ),
        )
    gender = _optional_text(row["gender"])
    lives_in_area = row["lives_in_area"]
    return Candidate(
        key=key,
        initials=_text(row["initials"]),
        prefix=_text(row["prefix"]),
        last_name=_text(row["last_name"]),
        first_name=_text(row["first_name"]),
        gender=None if gender is None else Gender(gender),
        date_of_birth=_optional_date(row["date_of_birth"]),
        locality=_text(row["locality"]),
        country_code=_text(row["country_code"]),
        bsn=_text(row["bsn"]),
        correspondence=correspondence,
        agent=agent,
        lives_in_area=None if lives_in_area is None else _boolean(lives_in_area),
        settlement_areas=tuple(areas.get(key, ())),
        is_member=_boolean(row["is_member"]),
        nationality=_text(row["nationality"]),
        place_of_birth=_text(row["place_of_birth"]),
        home_state_address=_text(row["home_state_address"]),
        date_of_birth_annex=_text(row["date_of_birth_annex"]),
    )


def _read_lists(connection: sqlite3.Connection) -> tuple[CandidateList, ...]:
    kieskringen: dict[str, list[str]] = {}
    for key, number in connection.execute(
        "SELECT list_key, kieskring_number FROM list_kieskring ORDER BY list_key, position"
    ):
        kieskringen.setdefault(_text(key), []).append(_text(number))
    members: dict[str, list[str]] = {}
    for key, candidate_key in connection.execute(
        "SELECT list_key, candidate_key FROM list_member ORDER BY list_key, position"
    ):
        members.setdefault(_text(key), []).append(_text(candidate_key))
    return tuple(
        CandidateList(
            key=_text(key),
            kieskringen=tuple(kieskringen.get(_text(key), ())),
            candidates=tuple(members.get(_text(key), ())),
            publish_gender=_boolean(publish_gender),
            language=_text(language),
        )
        for key, publish_gender, language in connection.execute(
            "SELECT key, publish_gender, language FROM candidate_list ORDER BY position"
        )
    )


# -- values ---------------------------------------------------------------------------------


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _iso_or_none(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


_FOUND_MAX = 40


def _found(value: object) -> str:
    """A value from a damaged file, short and printable, for a message."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**_FOUND_MAX:
        return "een heel groot getal"
    text = repr(value)
    text = "".join(char if char.isprintable() else "?" for char in text[:_FOUND_MAX])
    return text if len(repr(value)) <= _FOUND_MAX else f"{text}..."


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise _CorruptError(f"tekst verwacht, gevonden: {_found(value)}")
    return value


def _optional_text(value: object) -> str | None:
    return None if value is None else _text(value)


def _integer(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise _CorruptError(f"geheel getal verwacht, gevonden: {_found(value)}")
    return value


def _optional_integer(value: object) -> int | None:
    return None if value is None else _integer(value)


def _boolean(value: object) -> bool:
    number = _integer(value)
    if number not in {0, 1}:
        raise _CorruptError(f"0 of 1 verwacht, gevonden: {_found(number)}")
    return bool(number)


def _date(value: object) -> date:
    text = _text(value)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _CorruptError(f"{_found(text)} is geen datum (JJJJ-MM-DD)") from None


def _optional_date(value: object) -> date | None:
    return None if value is None else _date(value)


def _datetime(value: object) -> datetime:
    text = _text(value)
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise _CorruptError(f"{_found(text)} is geen tijdstip") from None
