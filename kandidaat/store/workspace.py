"""The shared core of every kandidaat workspace file (party, CSB, count): one SQLite file.

A :class:`WorkspaceKind` says what a kind of file is: its ``PRAGMA
application_id``, its Dutch name, its migrations (an ordered list; the file's
``PRAGMA user_version`` says how many ran). :class:`Workspace` opens such a file
with the rules of docs/adr/0030 and 0031, written once for every kind:

- the header is read before SQLite touches the file: a file that is not an
  SQLite database or carries another application id is refused and left
  exactly as it was (not even its journal mode changes);
- ``journal_mode=DELETE``, ``synchronous=FULL`` (one file, durable commits),
  ``locking_mode=EXCLUSIVE`` taken at opening (a second program is refused),
  ``trusted_schema=OFF``, ``foreign_keys=ON``;
- a newer schema version is refused; an older one is migrated inside the same
  exclusive transaction as ``integrity_check`` and ``foreign_key_check``, so a
  crash during a migration leaves the old version;
- :meth:`Workspace.change` is one ``BEGIN IMMEDIATE ... COMMIT``: everything or
  nothing;
- :meth:`Workspace.create` builds the file under a temporary name beside the
  target and gives it its name with a hard link (never replacing a file).

Every SQLite and OS failure becomes a :class:`WorkspaceError` in Dutch that
names the file (bad input, exit code 2).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Self

from kandidaat import __version__
from kandidaat.common.atomic import link_new_file
from kandidaat.common.os_reasons import Action, os_reason
from kandidaat.domain.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from types import TracebackType

__all__ = ["Migration", "Workspace", "WorkspaceError", "WorkspaceKind"]

_SQLITE_MAGIC = b"SQLite format 3\x00"
_BUSY_TIMEOUT_SECONDS = 0.5
_MAX_REPORTED_PROBLEMS = 3


class WorkspaceError(InputError):
    """A workspace file that cannot be created, opened, read or written (Dutch, naming it)."""

    def __init__(self, path: Path | str, message: str) -> None:
        """Compose "file: message"."""
        name = Path(path).name if str(path) else str(path)
        super().__init__(f"{name}: {message}")
        self.path = Path(path)
        self.detail = message


@dataclass(frozen=True, slots=True)
class Migration:
    """The statements that turn a file of ``version - 1`` into ``version``; never edited."""

    version: int
    description: str
    statements: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class WorkspaceKind:
    """One kind of workspace file: identity, Dutch name and migrations.

    ``noun`` is how a user calls the file ("CSB-werkbestand");
    ``migrations[n - 1]`` turns version ``n - 1`` into ``n``.
    """

    application_id: int
    noun: str
    migrations: tuple[Migration, ...]

    def __post_init__(self) -> None:
        """Refuse a kind whose migrations are not numbered 1, 2, 3, ..."""
        numbers = [migration.version for migration in self.migrations]
        if numbers != list(range(1, len(numbers) + 1)):
            msg = f"migrations of {self.noun} must be numbered 1..n, not {numbers}"
            raise ValueError(msg)

    @property
    def version(self) -> int:
        """The schema version this release writes."""
        return len(self.migrations)


class Workspace:
    """An open workspace file with its exclusive lock; use :meth:`create` or :meth:`open`."""

    __slots__ = ("_connection", "_kind", "_path")

    def __init__(self, path: Path, kind: WorkspaceKind, connection: sqlite3.Connection) -> None:
        """Wrap an opened and checked connection (use :meth:`create` or :meth:`open`)."""
        self._path = path
        self._kind = kind
        self._connection: sqlite3.Connection | None = connection

    @classmethod
    def create(
        cls,
        path: Path,
        kind: WorkspaceKind,
        fill: Callable[[sqlite3.Connection], None],
    ) -> Self:
        """Create a new file of ``kind``; ``fill`` writes its first content.

        The schema and ``fill`` run in one transaction in a temporary file
        beside ``path``, which gets its name only when complete. An existing
        file is never overwritten.
        """
        path = Path(path)
        if path.exists() or path.is_symlink():
            raise WorkspaceError(
                path,
                "bestaat al; kandidaat overschrijft geen bestaand bestand. Kies een andere naam.",
            )
        directory = path.parent if str(path.parent) else Path()
        try:
            fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".nieuw", dir=directory)
        except OSError as error:
            raise WorkspaceError(
                path, f"kan het {kind.noun} niet aanmaken: {os_reason(error, Action.WRITE_FOLDER)}"
            ) from error
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            connection = _connect(tmp, path)
            try:
                connection.execute("BEGIN EXCLUSIVE")
                _migrate(connection, kind, 0)
                connection.execute(f"PRAGMA application_id = {int(kind.application_id)}")
                fill(connection)
                connection.execute("COMMIT")
            except sqlite3.Error as error:
                rollback(connection)
                raise write_error(path, error) from error
            except BaseException:
                rollback(connection)
                raise
            finally:
                connection.close()
            _publish(tmp, path)
        finally:
            for leftover in (tmp, Path(f"{tmp}-journal")):
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()
        return cls.open(path, kind)

    @classmethod
    def open(
        cls,
        path: Path,
        kind: WorkspaceKind,
        verify: Callable[[sqlite3.Connection], None] | None = None,
    ) -> Self:
        """Open, lock, check and migrate a file of ``kind``.

        ``verify`` runs inside the opening transaction after the checks and
        the migrations (e.g. the audit log's chain); it raises to refuse.
        """
        path = Path(path)
        check_header(path, kind)
        connection = _connect(path, path)
        try:
            # Takes the exclusive lock now and keeps it; also rolls back what a
            # crash left in the journal.
            connection.execute("BEGIN EXCLUSIVE")
            version = _check_identity(connection, path, kind)
            _check_integrity(connection, path)
            _migrate(connection, kind, version)
            if verify is not None:
                verify(connection)
            connection.execute("COMMIT")
        except sqlite3.Error as error:
            rollback(connection)
            connection.close()
            raise open_error(path, error) from error
        except BaseException:
            rollback(connection)
            connection.close()
            raise
        return cls(path, kind, connection)

    @property
    def path(self) -> Path:
        """Where the file is."""
        return self._path

    @property
    def kind(self) -> WorkspaceKind:
        """What kind of workspace this is."""
        return self._kind

    def close(self) -> None:
        """Close the file and release the lock."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __enter__(self) -> Self:
        """Use the open workspace in a ``with`` block."""
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Close at the end of the ``with`` block."""
        self.close()

    def _open_connection(self) -> sqlite3.Connection:
        if self._connection is None:
            raise WorkspaceError(self._path, f"het {self._kind.noun} is al gesloten")
        return self._connection

    @contextlib.contextmanager
    def change(self) -> Iterator[sqlite3.Connection]:
        """One transaction: committed when the block ends, rolled back when it raises."""
        connection = self._open_connection()
        try:
            connection.execute("BEGIN IMMEDIATE")
            yield connection
            connection.execute("COMMIT")
        except sqlite3.Error as error:
            rollback(connection)
            raise write_error(self._path, error) from error
        except BaseException:
            rollback(connection)
            raise

    @contextlib.contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A consistent read (one transaction); SQLite errors become Dutch."""
        connection = self._open_connection()
        try:
            connection.execute("BEGIN")
            yield connection
            connection.execute("COMMIT")
        except sqlite3.Error as error:
            rollback(connection)
            raise corrupt_error(self._path, str(error)) from error
        except BaseException:
            rollback(connection)
            raise


# -- opening ---------------------------------------------------------------------------


def check_header(path: Path, kind: WorkspaceKind) -> None:
    """Refuse a missing, empty, non-SQLite or foreign file before SQLite touches it."""
    not_ours = f"is geen {kind.noun}"
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except FileNotFoundError as error:
        raise WorkspaceError(path, "bestaat niet") from error
    except IsADirectoryError as error:
        raise WorkspaceError(path, f"is een map, geen {kind.noun}") from error
    except OSError as error:
        raise WorkspaceError(
            path, f"kan niet worden gelezen: {os_reason(error, Action.READ_FILE)}"
        ) from error
    if not header:
        raise WorkspaceError(path, f"het bestand is leeg; het {not_ours}")
    if not header.startswith(_SQLITE_MAGIC) or len(header) < 100:
        raise WorkspaceError(path, f"{not_ours} (het is geen SQLite-database)")
    if int.from_bytes(header[68:72], "big") != kind.application_id:
        raise WorkspaceError(
            path,
            f"{not_ours} (het is een SQLite-database van een ander programma "
            "of een ander soort kandidaat-bestand)",
        )


def _connect(database: Path, shown_as: Path) -> sqlite3.Connection:
    uri = f"{database.resolve().as_uri()}?mode=rw"
    try:
        connection = sqlite3.connect(
            uri, uri=True, isolation_level=None, timeout=_BUSY_TIMEOUT_SECONDS
        )
    except sqlite3.Error as error:
        raise open_error(shown_as, error) from error
    try:
        for pragma in (
            "PRAGMA trusted_schema = OFF",
            "PRAGMA foreign_keys = ON",
            "PRAGMA locking_mode = EXCLUSIVE",
            "PRAGMA journal_mode = DELETE",
            "PRAGMA synchronous = FULL",
        ):
            connection.execute(pragma)
    except sqlite3.Error as error:
        connection.close()
        raise open_error(shown_as, error) from error
    return connection


def _check_identity(connection: sqlite3.Connection, path: Path, kind: WorkspaceKind) -> int:
    application_id = int(connection.execute("PRAGMA application_id").fetchone()[0])
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    if application_id != kind.application_id:
        raise WorkspaceError(path, f"is geen {kind.noun} (het is een ander soort SQLite-database)")
    if version > kind.version:
        raise WorkspaceError(
            path,
            f"is gemaakt met een nieuwere versie van kandidaat (schemaversie {version}; "
            f"deze versie {__version__} kent tot en met {kind.version}). "
            "Werk kandidaat bij om dit bestand te openen.",
        )
    if version < 1:
        raise WorkspaceError(path, "is onvolledig: het aanmaken is nooit afgerond")
    return version


def _check_integrity(connection: sqlite3.Connection, path: Path) -> None:
    problems = [str(row[0]) for row in connection.execute("PRAGMA integrity_check").fetchall()]
    if problems != ["ok"]:
        shown = "; ".join(problems[:_MAX_REPORTED_PROBLEMS])
        raise WorkspaceError(path, f"is beschadigd (controle door SQLite: {shown})")
    dangling = connection.execute("PRAGMA foreign_key_check").fetchall()
    if dangling:
        tables = ", ".join(sorted({str(row[0]) for row in dangling}))
        raise WorkspaceError(
            path,
            f"is beschadigd: {len(dangling)} verwijzing(en) naar iets dat ontbreekt ({tables})",
        )


def _migrate(connection: sqlite3.Connection, kind: WorkspaceKind, version: int) -> None:
    for migration in kind.migrations[version:]:
        for statement in migration.statements:
            connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {int(migration.version)}")


def _publish(tmp: Path, path: Path) -> None:
    """Give the complete file its name without ever replacing an existing file."""
    try:
        link_new_file(tmp, path)
    except FileExistsError as error:
        raise WorkspaceError(
            path, "bestaat al; kandidaat overschrijft geen bestaand bestand."
        ) from error
    except OSError as error:
        raise WorkspaceError(
            path, f"kan niet worden aangemaakt: {os_reason(error, Action.WRITE_FOLDER)}"
        ) from error


# -- errors ------------------------------------------------------------------------------


def rollback(connection: sqlite3.Connection) -> None:
    """Roll back an open transaction, ignoring a connection that is already broken."""
    if connection.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            connection.execute("ROLLBACK")


def sqlite_reason(error: sqlite3.Error) -> str:
    """A Dutch reason for the SQLite errors a user can run into."""
    text = str(error).lower()
    reasons = (
        ("locked", "het is al geopend in een ander venster of programma; sluit dat eerst"),
        ("busy", "het is al geopend in een ander venster of programma; sluit dat eerst"),
        ("disk is full", "de schijf is vol"),
        ("readonly", "het bestand of de map is alleen-lezen"),
        ("read-only", "het bestand of de map is alleen-lezen"),
        ("not a database", "het is geen kandidaat-bestand"),
        ("malformed", "het bestand is beschadigd"),
        ("disk i/o", "de schijf gaf een leesfout of schrijffout"),
        ("append-only", "het logboek mag niet worden gewijzigd of ingekort"),
    )
    for needle, reason in reasons:
        if needle in text:
            return reason
    return f"SQLite meldt: {str(error)[:200]}"


def open_error(path: Path, error: sqlite3.Error) -> WorkspaceError:
    """The Dutch error for a file SQLite could not open."""
    return WorkspaceError(path, f"kan niet worden geopend: {sqlite_reason(error)}")


def write_error(path: Path, error: sqlite3.Error) -> WorkspaceError:
    """The Dutch error for a change that was not committed."""
    return WorkspaceError(
        path, f"de wijziging is niet opgeslagen: {sqlite_reason(error)}; er is niets veranderd"
    )


def corrupt_error(path: Path, reason: str) -> WorkspaceError:
    """The Dutch error for content no kandidaat writes."""
    return WorkspaceError(path, f"is beschadigd of buiten kandidaat gewijzigd: {reason}")
