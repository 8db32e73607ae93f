"""The append-only, hash-chained log inside a workspace file.

Every entry has a sequence number (1, 2, 3, ...), the UTC time, the actor (the
name of the member who recorded it), an action and a JSON payload. Its hash is
the SHA-256 over the previous entry's hash and the entry itself
(:func:`entry_hash`; the first entry chains to 64 zeros). A head row holds the
number of entries and the last hash, written in the same transaction as the
entry, so removing the last entry is noticed too.

SQLite triggers refuse UPDATE and DELETE on the log (and DELETE of the head);
:func:`verify` finds what someone did after dropping them: an entry changed,
removed, moved or inserted. A workspace runs it on every opening.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite3

__all__ = [
    "GENESIS",
    "LOG_STATEMENTS",
    "LogEntry",
    "append",
    "check_actor",
    "entries",
    "entry_hash",
    "verify",
]

GENESIS = "0" * 64
"""The 'previous hash' of the first entry."""

MAX_ACTOR = 100
MAX_ACTION = 60
MAX_PAYLOAD = 1_000_000
"""Characters of the JSON payload of one entry."""
MAX_PROBLEMS = 10
"""How many broken links :func:`verify` reports."""

LOG_STATEMENTS: tuple[str, ...] = (
    """
    CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY CHECK (seq >= 1),
        at TEXT NOT NULL,
        actor TEXT NOT NULL CHECK (actor <> ''),
        action TEXT NOT NULL CHECK (action <> ''),
        payload TEXT NOT NULL,
        hash TEXT NOT NULL CHECK (length(hash) = 64)
    ) STRICT
    """,
    """
    CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        count INTEGER NOT NULL CHECK (count >= 0),
        head TEXT NOT NULL CHECK (length(head) = 64)
    ) STRICT
    """,
    # printf gives GENESIS: 64 zeros.
    "INSERT INTO audit_head (id, count, head) VALUES (1, 0, printf('%064d', 0))",
    """
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END
    """,
    """
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END
    """,
    """
    CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
    BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END
    """,
)
"""The tables and triggers of the log; a workspace's first migration includes them."""


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One entry of the log as stored."""

    seq: int
    at: str
    actor: str
    action: str
    payload: str
    hash: str

    @property
    def data(self) -> Any:  # noqa: ANN401 - JSON
        """The payload decoded."""
        return json.loads(self.payload)


def entry_hash(previous: str, seq: int, at: str, actor: str, action: str, payload: str) -> str:
    """SHA-256 (hex) over the previous hash and the canonical entry.

    The canonical entry is the JSON array ``[previous, seq, at, actor, action,
    payload]`` with no spaces and non-ASCII kept as UTF-8.
    """
    canonical = json.dumps(
        [previous, seq, at, actor, action, payload], ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def check_actor(actor: str) -> str:
    """The member's name cleaned, or ValueError with a Dutch reason."""
    name = " ".join(actor.split())
    if not name:
        msg = "--lid: geef de naam van het lid dat dit vastlegt"
        raise ValueError(msg)
    if len(name) > MAX_ACTOR:
        msg = f"--lid: de naam is langer dan {MAX_ACTOR} tekens"
        raise ValueError(msg)
    if any(unicodedata.category(char).startswith("C") for char in name):
        msg = "--lid: de naam bevat een stuurteken"
        raise ValueError(msg)
    return name


def canonical_payload(payload: object) -> str:
    """A payload as canonical JSON (sorted keys, no spaces)."""
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def append(
    connection: sqlite3.Connection,
    actor: str,
    action: str,
    payload: object,
    *,
    now: datetime | None = None,
) -> LogEntry:
    """Add an entry inside the caller's transaction and move the head.

    Raises:
        ValueError: an empty or too long actor or action, or a too large payload.
    """
    name = check_actor(actor)
    if not action or len(action) > MAX_ACTION:
        msg = f"ongeldige handeling {action[:MAX_ACTION]!r}"
        raise ValueError(msg)
    text = canonical_payload(payload)
    if len(text) > MAX_PAYLOAD:
        msg = f"de gegevens van de handeling zijn groter dan {MAX_PAYLOAD} tekens"
        raise ValueError(msg)
    count, head = connection.execute("SELECT count, head FROM audit_head WHERE id = 1").fetchone()
    seq = int(count) + 1
    at = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    digest = entry_hash(str(head), seq, at, name, action, text)
    connection.execute(
        "INSERT INTO audit_log (seq, at, actor, action, payload, hash) VALUES (?, ?, ?, ?, ?, ?)",
        (seq, at, name, action, text, digest),
    )
    connection.execute("UPDATE audit_head SET count = ?, head = ? WHERE id = 1", (seq, digest))
    return LogEntry(seq, at, name, action, text, digest)


def entries(connection: sqlite3.Connection) -> tuple[LogEntry, ...]:
    """Every entry in sequence order."""
    rows = connection.execute(
        "SELECT seq, at, actor, action, payload, hash FROM audit_log ORDER BY seq"
    ).fetchall()
    return tuple(
        LogEntry(int(seq), str(at), str(actor), str(action), str(payload), str(digest))
        for seq, at, actor, action, payload, digest in rows
    )


def verify(connection: sqlite3.Connection) -> tuple[str, ...]:
    """Dutch descriptions of every break in the chain; empty when it holds.

    Finds an entry whose content changed (its hash no longer fits), a removed
    or inserted entry (a gap or an extra number, or a hash that chains to the
    wrong predecessor), entries that changed places, and a removed last entry
    (the head no longer matches).
    """
    problems: list[str] = []
    previous = GENESIS
    expected_seq = 1
    log = entries(connection)
    for entry in log:
        if entry.seq != expected_seq:
            problems.append(
                f"regel {expected_seq} van het logboek ontbreekt of is verplaatst "
                f"(het volgende nummer is {entry.seq})"
            )
            expected_seq = entry.seq
        digest = entry_hash(previous, entry.seq, entry.at, entry.actor, entry.action, entry.payload)
        if digest != entry.hash:
            problems.append(
                f"regel {entry.seq} van het logboek ({entry.action}, {entry.at}) is gewijzigd, "
                "verplaatst of ingevoegd: de hash klopt niet met de regel en de vorige regel"
            )
        previous = entry.hash
        expected_seq += 1
    row = connection.execute("SELECT count, head FROM audit_head WHERE id = 1").fetchone()
    if row is None:
        problems.append("de kop van het logboek ontbreekt")
    else:
        count, head = int(row[0]), str(row[1])
        if count != len(log) or head != previous:
            problems.append(
                f"het logboek hoort {count} regel(s) te hebben en eindigt nu na {len(log)}: "
                "de laatste regel(s) zijn verwijderd of buiten kandidaat toegevoegd"
            )
    return tuple(problems[:MAX_PROBLEMS])
