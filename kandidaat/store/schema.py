"""The tables of the ``.kandidaat`` project file and the migrations between versions.

One SQLite database per project. ``PRAGMA application_id`` marks it as a
kandidaat file (other SQLite files are refused) and ``PRAGMA user_version``
holds the schema version. :data:`MIGRATIONS` lists, in order, what turns a file
of version ``n - 1`` into version ``n``; a new file runs them all, starting from
an empty database (version 0). A migration is never edited once released: a
change of the schema is a new migration at the end.

Every table is ``STRICT`` (SQLite refuses a value of the wrong type, so no float
can slip into an integer column). Keys are TEXT, dates ISO 8601 text
(``YYYY-MM-DD``), booleans 0/1 integers, positions integers from 1.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["APPLICATION_ID", "MIGRATIONS", "SCHEMA_VERSION", "Migration"]

APPLICATION_ID = 0x4B414E44
"""``PRAGMA application_id`` of every project file: the ASCII bytes "KAND"."""


@dataclass(frozen=True, slots=True)
class Migration:
    """The statements that turn a file of ``version - 1`` into ``version``."""

    version: int
    description: str
    statements: tuple[str, ...]


_V1 = Migration(
    version=1,
    description="verkiezing, partij, adresboek en kandidatenlijsten",
    statements=(
        """
        CREATE TABLE meta (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            created_at TEXT NOT NULL,
            app_version TEXT NOT NULL,
            revision INTEGER NOT NULL CHECK (revision >= 0),
            last_change_at TEXT NOT NULL,
            documents_printed_at TEXT,
            documents_printed_revision INTEGER
        ) STRICT
        """,
        """
        CREATE TABLE election (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            body TEXT NOT NULL CHECK (body IN ('TK', 'EK', 'EP', 'PS', 'AB', 'GR', 'ER')),
            identifier TEXT NOT NULL,
            name TEXT NOT NULL,
            election_date TEXT NOT NULL,
            seats INTEGER NOT NULL CHECK (seats >= 0),
            area_name TEXT,
            area_code TEXT,
            frisian INTEGER NOT NULL CHECK (frisian IN (0, 1)),
            nomination_date TEXT,
            term_years INTEGER NOT NULL
        ) STRICT
        """,
        """
        CREATE TABLE kieskring (
            number TEXT PRIMARY KEY,
            position INTEGER NOT NULL UNIQUE CHECK (position >= 1),
            name TEXT NOT NULL
        ) STRICT
        """,
        """
        CREATE TABLE party (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            kind TEXT NOT NULL CHECK (kind IN ('geregistreerd', 'samengevoegd', 'blanco')),
            appellation TEXT NOT NULL,
            previous_seats INTEGER CHECK (previous_seats >= 0)
        ) STRICT
        """,
        """
        CREATE TABLE statutory_party (
            position INTEGER PRIMARY KEY CHECK (position >= 1),
            statutory_name TEXT NOT NULL,
            agent_name TEXT NOT NULL,
            previous_seats INTEGER CHECK (previous_seats >= 0)
        ) STRICT
        """,
        # position 0 is the lijstinleveraar, 1.. the vervangers in order.
        """
        CREATE TABLE submitter (
            position INTEGER PRIMARY KEY CHECK (position >= 0),
            initials TEXT NOT NULL,
            prefix TEXT NOT NULL,
            last_name TEXT NOT NULL,
            street TEXT NOT NULL,
            postal_code TEXT NOT NULL,
            locality TEXT NOT NULL,
            country_code TEXT NOT NULL
        ) STRICT
        """,
        # The correspondence address and the agent are all-or-nothing groups of columns.
        """
        CREATE TABLE candidate (
            key TEXT PRIMARY KEY CHECK (key <> ''),
            position INTEGER NOT NULL UNIQUE CHECK (position >= 1),
            initials TEXT NOT NULL,
            prefix TEXT NOT NULL,
            last_name TEXT NOT NULL,
            first_name TEXT NOT NULL,
            gender TEXT CHECK (gender IN ('m', 'v')),
            date_of_birth TEXT,
            locality TEXT NOT NULL,
            country_code TEXT NOT NULL,
            bsn TEXT NOT NULL,
            postal_street TEXT,
            postal_code TEXT,
            postal_locality TEXT,
            postal_country_code TEXT,
            agent_initials TEXT,
            agent_prefix TEXT,
            agent_last_name TEXT,
            agent_street TEXT,
            agent_postal_code TEXT,
            agent_locality TEXT,
            agent_country_code TEXT,
            lives_in_area INTEGER CHECK (lives_in_area IN (0, 1)),
            is_member INTEGER NOT NULL CHECK (is_member IN (0, 1)),
            CHECK ((postal_street IS NULL) = (postal_code IS NULL)
                AND (postal_code IS NULL) = (postal_locality IS NULL)
                AND (postal_locality IS NULL) = (postal_country_code IS NULL)),
            CHECK ((agent_initials IS NULL) = (agent_prefix IS NULL)
                AND (agent_prefix IS NULL) = (agent_last_name IS NULL)
                AND (agent_last_name IS NULL) = (agent_street IS NULL)
                AND (agent_street IS NULL) = (agent_postal_code IS NULL)
                AND (agent_postal_code IS NULL) = (agent_locality IS NULL)
                AND (agent_locality IS NULL) = (agent_country_code IS NULL))
        ) STRICT
        """,
        """
        CREATE TABLE candidate_list (
            key TEXT PRIMARY KEY CHECK (key <> ''),
            position INTEGER NOT NULL UNIQUE CHECK (position >= 1),
            publish_gender INTEGER NOT NULL CHECK (publish_gender IN (0, 1)),
            language TEXT NOT NULL
        ) STRICT
        """,
        # Kieskring numbers are not a foreign key: a list keeps its choice when the
        # election's kieskringen are replaced; the nomination checks report a mismatch.
        """
        CREATE TABLE list_kieskring (
            list_key TEXT NOT NULL REFERENCES candidate_list (key) ON DELETE CASCADE,
            position INTEGER NOT NULL CHECK (position >= 1),
            kieskring_number TEXT NOT NULL,
            PRIMARY KEY (list_key, position)
        ) STRICT
        """,
        """
        CREATE TABLE list_member (
            list_key TEXT NOT NULL REFERENCES candidate_list (key) ON DELETE CASCADE,
            position INTEGER NOT NULL CHECK (position >= 1),
            candidate_key TEXT NOT NULL REFERENCES candidate (key),
            PRIMARY KEY (list_key, position)
        ) STRICT
        """,
        "CREATE INDEX list_member_by_candidate ON list_member (candidate_key)",
    ),
)

_V2 = Migration(
    version=2,
    description="Europees Parlement (Y 35) en verklaring voorgenomen vestiging",
    statements=(
        "ALTER TABLE candidate ADD COLUMN nationality TEXT NOT NULL DEFAULT 'NL'",
        "ALTER TABLE candidate ADD COLUMN place_of_birth TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE candidate ADD COLUMN home_state_address TEXT NOT NULL DEFAULT ''",
        """
        CREATE TABLE settlement_area (
            candidate_key TEXT NOT NULL REFERENCES candidate (key) ON DELETE CASCADE,
            position INTEGER NOT NULL CHECK (position >= 1),
            area TEXT NOT NULL,
            PRIMARY KEY (candidate_key, position)
        ) STRICT
        """,
    ),
)

_V3 = Migration(
    version=3,
    description="geboortedatum die maar voor een deel bekend is (kr:DateOfBirthAnnex)",
    statements=("ALTER TABLE candidate ADD COLUMN date_of_birth_annex TEXT NOT NULL DEFAULT ''",),
)

MIGRATIONS: tuple[Migration, ...] = (_V1, _V2, _V3)
"""Every migration in order; ``MIGRATIONS[n - 1]`` turns version ``n - 1`` into ``n``."""

SCHEMA_VERSION = MIGRATIONS[-1].version
"""The schema version this release writes (``PRAGMA user_version``)."""
