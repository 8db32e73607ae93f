"""The .kandidaat project file: what is saved comes back, and only kandidaat files open."""

from __future__ import annotations

import dataclasses
import sqlite3
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from store_samples import ABROAD, NOMINATION, PLAIN, RESIDENT, nominations

from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.model import (
    AppellationKind,
    Candidate,
    CandidateList,
    Kieskring,
    Party,
)
from kandidaat.store.errors import ProjectFileError
from kandidaat.store.project import ProjectFile
from kandidaat.store.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return tmp_path / "groen.kandidaat"


@pytest.fixture
def project(project_path: Path):
    with ProjectFile.create(project_path, NOMINATION) as opened:
        yield opened


def reopened(path: Path):
    with ProjectFile.open(path) as project:
        return project.load()


# -- round trip ------------------------------------------------------------------------


def test_every_field_of_every_record_comes_back_after_closing_and_opening(project_path):
    ProjectFile.create(project_path, NOMINATION).close()
    assert reopened(project_path) == NOMINATION


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=nominations(), second=nominations())
def test_any_nomination_comes_back_exactly_as_saved_also_after_replacing_it(first, second):
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "p.kandidaat"
        with ProjectFile.create(path, first) as project:
            assert project.load() == first
            project.save(second)
        assert reopened(path) == second


def test_a_new_project_file_is_marked_as_kandidaat_file_with_the_current_schema(project_path):
    ProjectFile.create(project_path, NOMINATION).close()
    connection = sqlite3.connect(project_path)
    try:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        dates = connection.execute("SELECT date_of_birth FROM candidate ORDER BY position")
        assert [row[0] for row in dates] == ["1980-02-29", "1959-12-31", None]
    finally:
        connection.close()


def test_creating_never_overwrites_an_existing_file(project_path):
    project_path.write_text("mijn aantekeningen", encoding="utf-8")
    with pytest.raises(ProjectFileError, match=r"groen\.kandidaat: bestaat al"):
        ProjectFile.create(project_path, NOMINATION)
    assert project_path.read_text(encoding="utf-8") == "mijn aantekeningen"
    assert sorted(p.name for p in project_path.parent.iterdir()) == ["groen.kandidaat"]


def test_creating_in_a_missing_folder_names_the_file_in_dutch(tmp_path):
    with pytest.raises(
        ProjectFileError, match="kan het project niet aanmaken: de map bestaat niet"
    ):
        ProjectFile.create(tmp_path / "weg" / "p.kandidaat", NOMINATION)


def test_content_that_cannot_be_stored_is_refused_before_a_file_appears(project_path):
    twice = dataclasses.replace(NOMINATION, candidates=(RESIDENT, RESIDENT))
    with pytest.raises(ProjectFileError, match="kandidaat 'p-1' komt twee keer voor"):
        ProjectFile.create(project_path, twice)
    assert list(project_path.parent.iterdir()) == []


# -- fine-grained edits ------------------------------------------------------------------


def test_a_new_person_comes_last_and_a_changed_person_keeps_place_and_lists(project):
    newcomer = Candidate(key="p-4", initials="N.", last_name="Nieuw")
    moved = dataclasses.replace(RESIDENT, locality="Drachten", bsn="")
    project.put_candidate(newcomer)
    project.put_candidate(moved)
    loaded = reopened_in(project)
    assert loaded.candidates == (moved, ABROAD, PLAIN, newcomer)
    assert loaded.lists == NOMINATION.lists


def reopened_in(project: ProjectFile):
    path = project.path
    project.close()
    return reopened(path)


def test_removing_a_person_takes_them_off_every_list_and_keeps_the_order(project):
    project.remove_candidate("p-1")
    loaded = reopened_in(project)
    assert [c.key for c in loaded.candidates] == ["p-2", "p-3"]
    assert [lst.candidates for lst in loaded.lists] == [("p-2", "p-3"), ("p-3",)]


def test_removing_an_unknown_person_is_refused_in_dutch(project):
    with pytest.raises(ProjectFileError, match="kandidaat 'p-9' staat niet in het adresboek"):
        project.remove_candidate("p-9")
    assert project.load() == NOMINATION


def test_a_list_is_replaced_in_its_place_and_a_new_list_comes_last(project):
    changed = CandidateList("lijst-1", ("2",), ("p-2",))
    extra = CandidateList("lijst-3", ("1", "2"), ("p-3", "p-2", "p-1"), publish_gender=True)
    project.put_list(changed)
    project.put_list(extra)
    assert reopened_in(project).lists == (changed, NOMINATION.lists[1], extra)


def test_a_list_naming_a_person_outside_the_address_book_changes_nothing(project):
    with pytest.raises(ProjectFileError, match="lijst 'lijst-1' noemt kandidaat 'p-9'"):
        project.put_list(CandidateList("lijst-1", ("1",), ("p-1", "p-9")))
    assert project.load() == NOMINATION


def test_removing_a_list_keeps_the_persons(project):
    project.remove_list("lijst-1")
    loaded = reopened_in(project)
    assert loaded.lists == (NOMINATION.lists[1],)
    assert loaded.candidates == NOMINATION.candidates


def test_removing_an_unknown_list_is_refused_in_dutch(project):
    with pytest.raises(ProjectFileError, match="lijst 'lijst-9' bestaat niet"):
        project.remove_list("lijst-9")


def test_party_and_election_are_replaced_and_lists_keep_their_kieskringen(project):
    party = Party(kind=AppellationKind.BLANK)
    election = dataclasses.replace(
        NOMINATION.election, kieskringen=(Kieskring("3", "Heerenveen"),), seats=41
    )
    project.put_party(party)
    project.put_election(election)
    loaded = reopened_in(project)
    assert (loaded.party, loaded.election) == (party, election)
    assert loaded.lists == NOMINATION.lists


def test_an_election_with_a_kieskring_twice_is_refused_and_nothing_changes(project):
    twice = dataclasses.replace(
        NOMINATION.election, kieskringen=(Kieskring("1", "a"), Kieskring("1", "b"))
    )
    with pytest.raises(ProjectFileError, match="kieskring 1 komt meer dan eens voor"):
        project.put_election(twice)
    assert project.load() == NOMINATION


def test_every_edit_counts_as_a_change_and_makes_printed_documents_outdated(project):
    start = project.meta
    assert start.revision == 0
    assert not start.documents_outdated
    project.put_candidate(dataclasses.replace(PLAIN, locality="Joure"))
    project.mark_documents_printed()
    printed = project.meta
    assert printed.revision == 1
    assert printed.documents_printed_at is not None
    assert not printed.documents_outdated
    project.remove_list("lijst-2")
    assert project.meta.revision == 2
    assert project.meta.documents_outdated
    assert project.meta.last_change_at >= start.created_at


def test_a_closed_project_says_so_in_dutch(project):
    project.close()
    with pytest.raises(ProjectFileError, match="het project is al gesloten"):
        project.load()


# -- refusing what is not a kandidaat project ------------------------------------------------


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(ProjectFileError, match=r"^weg\.kandidaat: bestaat niet$"):
        ProjectFile.open(tmp_path / "weg.kandidaat")
    assert not (tmp_path / "weg.kandidaat").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "het bestand is leeg"),
        (b"positie;voorletters;achternaam\n1;J.;Jansen\n", "is geen kandidaat-projectbestand"),
        (b"PK\x03\x04" + bytes(200), "is geen kandidaat-projectbestand"),
        (b"SQLite format 3\x00" + b"\xff" * 84, "een SQLite-database van een ander programma"),
    ],
    ids=["empty", "text", "zip", "broken-header"],
)
def test_a_file_that_is_no_sqlite_database_is_refused_with_its_name(tmp_path, content, message):
    path = tmp_path / "lijst.kandidaat"
    path.write_bytes(content)
    with pytest.raises(ProjectFileError, match=rf"^lijst\.kandidaat: .*{message}"):
        ProjectFile.open(path)
    assert path.read_bytes() == content


def test_a_folder_is_not_a_project(tmp_path):
    with pytest.raises(ProjectFileError, match="is een map"):
        ProjectFile.open(tmp_path)


def test_a_sqlite_database_of_another_program_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "firefox.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE moz_places (url TEXT)")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(ProjectFileError, match="SQLite-database van een ander programma"):
        ProjectFile.open(path)
    assert path.read_bytes() == before


def test_a_foreign_database_in_wal_mode_is_not_switched_to_another_journal_mode(tmp_path):
    path = tmp_path / "ander.db"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("CREATE TABLE t (x INTEGER)")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(ProjectFileError, match="SQLite-database van een ander programma"):
        ProjectFile.open(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ander.db"]


def test_a_file_of_a_newer_kandidaat_is_refused_with_a_hint_to_update(project_path):
    ProjectFile.create(project_path, NOMINATION).close()
    connection = sqlite3.connect(project_path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(
        ProjectFileError, match="is gemaakt met een nieuwere versie van kandidaat"
    ) as raised:
        ProjectFile.open(project_path)
    assert "Werk kandidaat bij" in str(raised.value)


def test_a_file_whose_creation_never_finished_is_refused(tmp_path):
    path = tmp_path / "half.kandidaat"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.close()
    with pytest.raises(ProjectFileError, match="is onvolledig"):
        ProjectFile.open(path)


def test_a_damaged_file_is_refused_as_damaged(project_path):
    many = dataclasses.replace(
        NOMINATION,
        candidates=tuple(
            dataclasses.replace(PLAIN, key=f"k{i}", last_name="x" * 200) for i in range(200)
        ),
        lists=(),
    )
    ProjectFile.create(project_path, many).close()
    data = bytearray(project_path.read_bytes())
    page = 4096
    data[3 * page : 3 * page + 200] = b"\x07" * 200
    project_path.write_bytes(bytes(data))
    with pytest.raises(ProjectFileError, match="beschadigd"):
        ProjectFile.open(project_path)


def test_a_list_pointing_at_a_missing_person_is_found_on_opening(project_path):
    ProjectFile.create(project_path, NOMINATION).close()
    connection = sqlite3.connect(project_path)
    connection.execute("PRAGMA foreign_keys = OFF")
    connection.execute("DELETE FROM candidate WHERE key = 'p-3'")
    connection.commit()
    connection.close()
    with pytest.raises(ProjectFileError, match=r"beschadigd: 2 verwijzing\(en\).*list_member"):
        ProjectFile.open(project_path)


def test_a_value_no_kandidaat_writes_is_reported_as_changed_outside_kandidaat(project_path):
    ProjectFile.create(project_path, NOMINATION).close()
    connection = sqlite3.connect(project_path)
    connection.execute("UPDATE candidate SET date_of_birth = '29-02-1980' WHERE key = 'p-1'")
    connection.commit()
    connection.close()
    before = project_path.read_bytes()
    # Found on opening (a trial read), so the desktop application never opens a
    # project it cannot show; the file is left exactly as it was.
    with pytest.raises(
        ProjectFileError, match="buiten kandidaat gewijzigd: '29-02-1980' is geen datum"
    ):
        ProjectFile.open(project_path)
    assert project_path.read_bytes() == before


def test_a_project_open_in_another_window_cannot_be_opened_twice(project):
    with pytest.raises(ProjectFileError, match="al geopend in een ander venster of programma"):
        ProjectFile.open(project.path)
    assert project.load() == NOMINATION


def test_project_errors_are_input_errors_so_the_command_line_exits_with_2(tmp_path):
    with pytest.raises(InputError):
        ProjectFile.open(tmp_path / "weg.kandidaat")


# -- migration -----------------------------------------------------------------------------


def _version_1_file(path: Path) -> None:
    """A project as the first schema version wrote it (built from migration 1 only)."""
    connection = sqlite3.connect(path, isolation_level=None)
    for statement in MIGRATIONS[0].statements:
        connection.execute(statement)
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute("PRAGMA user_version = 1")
    connection.execute(
        "INSERT INTO meta VALUES (1, '2026-11-01T10:00:00+00:00', '0.0.9', 5,"
        " '2026-11-02T10:00:00+00:00', NULL, NULL)"
    )
    connection.execute(
        "INSERT INTO election VALUES (1, 'GR', 'GR2026_Demodorp', 'Gemeenteraad Demodorp 2026',"
        " '2026-03-18', 17, 'Demodorp', 'GM9999', 0, NULL, 4)"
    )
    connection.execute("INSERT INTO kieskring VALUES ('1', 1, 'Demodorp')")
    connection.execute("INSERT INTO party VALUES (1, 'geregistreerd', 'Dorpsbelang', 2)")
    connection.execute(
        "INSERT INTO candidate (key, position, initials, prefix, last_name, first_name, gender,"
        " date_of_birth, locality, country_code, bsn, is_member) VALUES"
        " ('a', 1, 'J.', 'van', 'Dam', 'Jan', 'm', '1970-01-31', 'Demodorp', 'NL', '', 0)"
    )
    connection.execute("INSERT INTO candidate_list VALUES ('l', 1, 0, 'nl')")
    connection.execute("INSERT INTO list_kieskring VALUES ('l', 1, '1')")
    connection.execute("INSERT INTO list_member VALUES ('l', 1, 'a')")
    connection.close()


def test_a_file_of_the_first_schema_version_is_migrated_and_keeps_its_content(project_path):
    _version_1_file(project_path)
    with ProjectFile.open(project_path) as project:
        loaded = project.load()
        assert project.meta.revision == 5
    candidate = loaded.candidates[0]
    assert (candidate.last_name, candidate.prefix, candidate.date_of_birth) == (
        "Dam",
        "van",
        date(1970, 1, 31),
    )
    assert (candidate.nationality, candidate.place_of_birth, candidate.settlement_areas) == (
        "NL",
        "",
        (),
    )
    assert loaded.lists == (CandidateList("l", ("1",), ("a",)),)
    connection = sqlite3.connect(project_path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    connection.close()


def test_a_migrated_file_stores_the_new_fields(project_path):
    _version_1_file(project_path)
    with ProjectFile.open(project_path) as project:
        candidate = project.load().candidates[0]
        project.put_candidate(
            dataclasses.replace(candidate, nationality="DE", settlement_areas=("Demodorp",))
        )
    assert reopened(project_path).candidates[0].settlement_areas == ("Demodorp",)


def test_every_migration_follows_the_previous_one():
    assert [m.version for m in MIGRATIONS] == list(range(1, SCHEMA_VERSION + 1))
