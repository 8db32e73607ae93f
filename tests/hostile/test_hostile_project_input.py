"""Hostile project files and hostile input for a project: never a crash, never damage.

Every damaged ``.kandidaat`` file either opens and passes SQLite's integrity
check, or is refused with a Dutch message naming the file; a refused file keeps
every byte. Text and numbers from outside are refused at input with a Dutch
message naming the field, so that no document or EML export can crash later.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import random
import sqlite3
import struct
from pathlib import Path

import pytest

from kandidaat.app.nomination.demo_party import demo_nomination
from kandidaat.domain.errors import InputError
from kandidaat.store.errors import ProjectFileError
from kandidaat.store.project import ProjectFile
from kandidaat.store.reasons import Action, os_reason

SEED = 20261207
"""Fixed, so that a red run can be replayed exactly."""
CORRUPTIONS = 240
ENGLISH_WORDS = ("SQLite meldt", "no such", "malformed", "Permission", "denied", "not a", "disk")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The bytes of a freshly created project holding the demo party."""
    path = tmp_path_factory.mktemp("schoon") / "demo.kandidaat"
    nomination, _today, _created = demo_nomination()
    ProjectFile.create(path, nomination).close()
    return path.read_bytes()


def _assert_dutch_error_naming(error: ProjectFileError, path: Path) -> None:
    message = str(error)
    assert message.startswith(f"{path.name}: "), message
    for word in ENGLISH_WORDS:
        assert word not in message, f"English reached the user: {message}"


def _open_fully(path: Path) -> None:
    with ProjectFile.open(path) as project:
        project.load()
        assert project.meta.revision >= 0


def _corrupt(data: bytes, rng: random.Random) -> bytes:
    damaged = bytearray(data)
    kind = rng.choice(("flip", "flip", "flip", "truncate", "zero-page", "header"))
    if kind == "truncate":
        return bytes(damaged[: rng.randrange(len(damaged))])
    if kind == "zero-page":
        page = rng.randrange(len(damaged) // 4096)
        damaged[page * 4096 : (page + 1) * 4096] = bytes(4096)
        return bytes(damaged)
    limit = 100 if kind == "header" else len(damaged)
    for _ in range(rng.randint(1, 12)):
        damaged[rng.randrange(limit)] = rng.randrange(256)
    return bytes(damaged)


def test_hundreds_of_random_corruptions_open_cleanly_or_give_a_dutch_error_and_keep_the_file(
    tmp_path: Path, pristine: bytes
) -> None:
    rng = random.Random(SEED)  # noqa: S311 - reproducible damage, not cryptography
    refused = 0
    for number in range(CORRUPTIONS):
        damaged = _corrupt(pristine, rng)
        path = tmp_path / f"kapot-{number}.kandidaat"
        path.write_bytes(damaged)
        try:
            _open_fully(path)
        except ProjectFileError as error:
            refused += 1
            _assert_dutch_error_naming(error, path)
            assert path.read_bytes() == damaged, f"corruption {number}: a refused file changed"
        else:
            check = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            finally:
                check.close()
        assert not Path(f"{path}-journal").exists()
    # The corruptions really damage: most of them must be refused.
    assert refused > CORRUPTIONS // 3


def _with_user_version(data: bytes, version: int) -> bytes:
    return data[:60] + struct.pack(">I", version) + data[64:]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda data: data[:50], "beschadigd"),
        (lambda data: data[:4096], "beschadigd"),
        (lambda _data: b"PK\x03\x04 geen database", "geen kandidaat-projectbestand"),
        (lambda _data: bytes(300), "geen kandidaat-projectbestand"),
        (lambda data: _with_user_version(data, 99), "nieuwere versie van kandidaat"),
        (lambda data: data[:18] + b"\x02\x02" + data[20:], "beschadigd"),
    ],
    ids=["short-header", "one-page", "zip", "zeros", "newer-version", "wal-header"],
)
def test_each_kind_of_damage_is_named_in_dutch_and_the_file_keeps_every_byte(
    tmp_path: Path, pristine: bytes, change, message: str
) -> None:
    damaged = change(pristine)
    path = tmp_path / "project.kandidaat"
    path.write_bytes(damaged)
    with pytest.raises(ProjectFileError, match=message) as caught:
        _open_fully(path)
    _assert_dutch_error_naming(caught.value, path)
    assert path.read_bytes() == damaged


def test_a_sqlite_database_of_another_application_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "fotos.kandidaat"
    other = sqlite3.connect(path)
    other.execute("PRAGMA application_id = 1234")
    other.execute("CREATE TABLE foto (naam TEXT)")
    other.commit()
    other.close()
    before = path.read_bytes()
    with pytest.raises(ProjectFileError, match="ander programma") as caught:
        _open_fully(path)
    _assert_dutch_error_naming(caught.value, path)
    assert path.read_bytes() == before


def test_a_project_whose_tables_were_dropped_says_so_in_dutch(tmp_path: Path, pristine) -> None:
    path = tmp_path / "leeg.kandidaat"
    path.write_bytes(pristine)
    other = sqlite3.connect(path)
    other.execute("DROP TABLE list_member")
    other.commit()
    other.close()
    before = path.read_bytes()
    with pytest.raises(ProjectFileError, match="er ontbreekt een tabel") as caught:
        _open_fully(path)
    _assert_dutch_error_naming(caught.value, path)
    assert path.read_bytes() == before


def test_a_folder_with_the_project_name_is_not_a_project(tmp_path: Path) -> None:
    path = tmp_path / "map.kandidaat"
    path.mkdir()
    with pytest.raises(ProjectFileError, match="is een map") as caught:
        _open_fully(path)
    _assert_dutch_error_naming(caught.value, path)


def test_an_unreadable_project_says_reading_the_file_was_refused(
    tmp_path: Path, pristine: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "geheim.kandidaat"
    path.write_bytes(pristine)
    if os.geteuid() == 0:  # root reads everything: let the system refuse as it would
        real_open = Path.open

        def refuse(self: Path, *args, **kwargs):
            if self == path:
                raise PermissionError(errno.EACCES, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)

        monkeypatch.setattr(Path, "open", refuse)
    else:
        path.chmod(0)
    with pytest.raises(ProjectFileError) as caught:
        _open_fully(path)
    message = str(caught.value)
    assert "geen toestemming om het bestand te lezen" in message
    assert "schrijven" not in message
    _assert_dutch_error_naming(caught.value, path)


def test_a_read_only_project_opens_for_reading_or_says_it_is_read_only(
    tmp_path: Path, pristine: bytes
) -> None:
    path = tmp_path / "alleen-lezen.kandidaat"
    path.write_bytes(pristine)
    path.chmod(0o444)
    refusal: ProjectFileError | None = None
    try:
        _open_fully(path)
    except ProjectFileError as error:
        refusal = error
    if refusal is not None:
        assert "alleen-lezen" in str(refusal)
        _assert_dutch_error_naming(refusal, path)
    assert path.read_bytes() == pristine


@pytest.mark.parametrize(
    ("code", "action", "expected"),
    [
        (errno.EACCES, Action.READ_FILE, "geen toestemming om het bestand te lezen"),
        (errno.EACCES, Action.WRITE_FOLDER, "geen toestemming om in deze map te schrijven"),
        (errno.ENOSPC, Action.WRITE_FILE, "de schijf is vol"),
        (errno.EROFS, Action.WRITE_FILE, "de schijf is alleen-lezen"),
        (errno.ENOENT, Action.WRITE_FOLDER, "de map bestaat niet"),
    ],
)
def test_operating_system_refusals_are_told_in_dutch_as_they_are(code, action, expected) -> None:
    error = PermissionError(code, "x") if code == errno.EACCES else OSError(code, "English")
    assert os_reason(error, action) == expected


def test_project_errors_are_bad_input_for_the_command_line() -> None:
    assert issubclass(ProjectFileError, InputError)


# -- text and numbers from the command line ---------------------------------------------

GR_OPTIONS = ("--gemeente", "Demodorp", "--date", "2026-03-18")
INLEVERAAR = "J.;de;Vries;Markt 1;{postcode};Demodorp"


def _new(path: Path, *options: str) -> int:
    from kandidaat.app.cli import main  # noqa: PLC0415 - the command line under test

    try:
        return main(["new", str(path), *options])
    except SystemExit as stop:  # argparse refuses an option's value itself
        return int(str(stop.code))


def _new_gr(tmp_path: Path, appellation: str, seats: str = "17") -> tuple[int, Path]:
    path = tmp_path / "groen.kandidaat"
    return _new(path, *GR_OPTIONS, "--seats", seats, "--aanduiding", appellation), path


@pytest.mark.parametrize(
    ("appellation", "expected"),
    [
        ("Groe\x1bn", "--aanduiding: teken 5 is een stuurteken (ESC)"),
        ("\x07Groen", "--aanduiding: teken 1 is een stuurteken (BEL)"),
        ("Gr\x00oen", "--aanduiding: teken 3 is een stuurteken (NUL)"),
        ("Groen\x9b", "--aanduiding: teken 6 is een stuurteken (U+009B)"),
        ("Groen\ud800", "--aanduiding: teken 6 is een losse surrogaatcode, geen teken (U+D800)"),
        ("Gro\ufffeen", "--aanduiding: teken 4 is geen teken (U+FFFE)"),
        ("Groen\u202e", "teken 6 is een onzichtbaar teken dat de schrijfrichting omkeert"),
    ],
)
def test_a_control_character_in_the_appellation_is_refused_with_its_position(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], appellation: str, expected: str
) -> None:
    code, path = _new_gr(tmp_path, appellation)
    assert code == 2
    assert expected in capsys.readouterr().err
    assert not path.exists()


def test_an_appellation_of_200_characters_is_refused_and_no_project_appears(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, path = _new_gr(tmp_path, "A" * 200)
    assert code == 2
    assert "--aanduiding: is te lang: 200 tekens" in capsys.readouterr().err
    assert not path.exists()


def test_the_appellation_has_at_most_35_characters_not_counting_spaces(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Kieswet art. G 1 lid 4: "meer dan 35 letters of andere tekens" is refused;
    # spaces are not counted (ADR 0022). 35 letters in 7 words of 5 pass; 36 do not.
    allowed = " ".join(["Groen"] * 7)
    code, path = _new_gr(tmp_path, allowed)
    assert code == 0
    assert path.exists()
    too_long = allowed + "X"
    assert (
        _new(tmp_path / "b.kandidaat", *GR_OPTIONS, "--seats", "17", "--aanduiding", too_long) == 2
    )
    assert "telt 36 tekens (zonder spaties); ten hoogste 35" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("--seats", "99999999999999999999", "--seats: is een getal van meer dan 12 cijfers"),
        ("--seats", "151", "--seats: is 151; ten hoogste 150 is toegestaan"),
        ("--vorige-zetels", "9" * 5000, "meer dan 12 cijfers; ten hoogste 150"),
    ],
)
def test_numbers_beyond_any_body_are_refused_in_dutch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, value: str, expected: str
) -> None:
    path = tmp_path / "groot.kandidaat"
    options = [*GR_OPTIONS, "--aanduiding", "Groen", "--seats", "17", option, value]
    code = _new(path, *options)
    assert code == 2
    err = capsys.readouterr().err
    assert expected in err
    assert "Traceback" not in err
    assert not path.exists()


def test_a_control_character_in_the_municipality_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bel.kandidaat"
    code = _new(
        path,
        "--gemeente",
        "Demo\x07dorp",
        "--date",
        "2026-03-18",
        "--seats",
        "17",
        "--aanduiding",
        "Groen",
    )
    assert code == 2
    assert "--gemeente: teken 5 is een stuurteken (BEL)" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("postcode", "accepted"),
    [
        ("9999 AA", True),
        ("1234AB", True),
        ("ABCDEF", False),
        ("0123 AB", False),
        ("1234 SS", False),
        ("1234 SA", False),
        ("1234 SD", False),
        ("12345 AB", False),
    ],
)
def test_the_postcode_of_the_inleveraar_is_a_dutch_postcode(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], postcode: str, *, accepted: bool
) -> None:
    from kandidaat.app.cli import main  # noqa: PLC0415 - the command line under test

    code, path = _new_gr(tmp_path, "Groen")
    assert code == 0
    before = path.read_bytes()
    code = main(["party", str(path), "--inleveraar", INLEVERAAR.format(postcode=postcode)])
    err = capsys.readouterr().err
    if accepted:
        assert code == 0, err
    else:
        assert code == 2
        assert f"lijstinleveraar, postcode: '{postcode}' is geen Nederlandse postcode" in err
        assert path.read_bytes() == before


def test_a_foreign_address_keeps_its_own_postcode(tmp_path: Path, pristine: bytes) -> None:
    from kandidaat.domain.nomination.model import PostalAddress, Submitter  # noqa: PLC0415

    path = tmp_path / "buitenland.kandidaat"
    path.write_bytes(pristine)
    with ProjectFile.open(path) as project:
        party = project.load().party
        abroad = Submitter(
            "K.", "Berg", "van den", PostalAddress("Rue 3", "1000", "Bruxelles", "BE")
        )
        project.put_party(dataclasses.replace(party, substitutes=(abroad,)))
        assert project.load().party.substitutes == (abroad,)


def test_a_control_character_in_a_name_is_refused_by_the_project_and_nothing_changes(
    tmp_path: Path, pristine: bytes
) -> None:
    path = tmp_path / "naam.kandidaat"
    path.write_bytes(pristine)
    with ProjectFile.open(path) as project:
        person = project.load().candidates[0]
        hostile = dataclasses.replace(person, last_name="Jan\x1bsen")
        with pytest.raises(
            ProjectFileError, match=r"achternaam: teken 4 is een stuurteken \(ESC\)"
        ):
            project.put_candidate(hostile)
        assert project.load().candidates[0] == person


# -- spreadsheets ----------------------------------------------------------------------------


def _workbook(path: Path, rows: list[list[object]]) -> Path:
    from openpyxl import Workbook  # noqa: PLC0415 - only these tests build workbooks

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _replace_part(path: Path, name: str, content: bytes) -> None:
    import zipfile  # noqa: PLC0415

    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    assert name in parts, f"openpyxl wrote no {name}; parts: {sorted(parts)}"
    parts[name] = content
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, data in parts.items():
            archive.writestr(part, data)


_SHEET_WITH_ENTITY = (
    '<?xml version="1.0" encoding="UTF-16"?>\n'
    '<!DOCTYPE worksheet [<!ENTITY naam "Geheim">]>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    "<sheetData>"
    '<row r="1"><c r="A1" t="inlineStr"><is><t>voorletters</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>achternaam</t></is></c></row>'
    '<row r="2"><c r="A2" t="inlineStr"><is><t>J.</t></is></c>'
    '<c r="B2" t="inlineStr"><is><t>&naam;</t></is></c></row>'
    "</sheetData></worksheet>"
)


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-16"),  # with byte order mark
        lambda text: text.encode("utf-16-le"),  # without: XML 1.0 Appendix F
        lambda text: text.replace("UTF-16", "UTF-32").encode("utf-32"),
        lambda text: text.replace("UTF-16", "UTF-8").encode("utf-8-sig"),
    ],
    ids=["utf-16-bom", "utf-16-le", "utf-32", "utf-8-bom"],
)
def test_an_xlsx_sheet_with_an_entity_is_refused_in_any_encoding(tmp_path: Path, encode) -> None:
    from kandidaat.store.spreadsheet import read_candidates  # noqa: PLC0415

    path = _workbook(tmp_path / "entiteit.xlsx", [["voorletters", "achternaam"], ["J.", "Jansen"]])
    _replace_part(path, "xl/worksheets/sheet1.xml", encode(_SHEET_WITH_ENTITY))
    result = read_candidates(path)
    assert not result.candidates
    messages = [str(problem) for problem in result.problems]
    assert messages == [
        "entiteit.xlsx: het Excel-bestand bevat een DOCTYPE of ENTITY en wordt geweigerd"
    ]


def test_a_formula_cell_in_an_xlsx_says_it_is_a_formula_and_must_be_typed(tmp_path: Path) -> None:
    from kandidaat.store.spreadsheet import read_candidates  # noqa: PLC0415

    path = _workbook(
        tmp_path / "formule.xlsx",
        [["voorletters", "achternaam", "woonplaats"], ["J.", '=CONCAT("Jan";"sen")', "Assen"]],
    )
    result = read_candidates(path)
    assert not result.candidates
    [problem] = [str(problem) for problem in result.problems]
    assert problem.startswith("formule.xlsx, rij 2, kolom achternaam: bevat een formule")
    assert "typ de waarde zelf in" in problem


@pytest.mark.parametrize(
    ("last_name", "expected"),
    [
        ("Jan\x1bsen", "teken 4 is een stuurteken (ESC)"),
        ("Jansen\x7f", "teken 7 is een stuurteken (U+007F)"),
        ("J" * 201, "is te lang: 201 tekens, ten hoogste 200"),
    ],
)
def test_a_hostile_name_in_a_csv_is_named_with_row_column_and_position(
    tmp_path: Path, last_name: str, expected: str
) -> None:
    from kandidaat.store.spreadsheet import read_candidates  # noqa: PLC0415

    path = tmp_path / "kandidaten.csv"
    path.write_text(f"voorletters;achternaam\nJ.;{last_name}\n", encoding="utf-8")
    result = read_candidates(path)
    assert not result.candidates
    assert [str(p) for p in result.problems] == [
        f"kandidaten.csv, regel 2, kolom achternaam: {expected}"
    ]


def test_a_postcode_with_letters_postnl_never_issues_is_refused_in_a_csv(tmp_path: Path) -> None:
    from kandidaat.store.spreadsheet import read_candidates  # noqa: PLC0415

    path = tmp_path / "kandidaten.csv"
    path.write_text(
        "voorletters;achternaam;postadres;postcode;plaats\nJ.;Jansen;Markt 1;1234 SS;Assen\n",
        encoding="utf-8",
    )
    result = read_candidates(path)
    expected = (
        "kandidaten.csv, regel 2, kolom postcode: '1234 SS' is geen Nederlandse postcode: "
        "SA, SD en SS komen niet voor"
    )
    assert [str(p) for p in result.problems] == [expected]


def test_an_unreadable_spreadsheet_says_reading_was_refused_in_dutch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kandidaat.store.spreadsheet import read_candidates  # noqa: PLC0415

    path = tmp_path / "kandidaten.csv"
    path.write_text("voorletters;achternaam\nJ.;Jansen\n", encoding="utf-8")
    real_open = Path.open

    def refuse(self: Path, *args, **kwargs):
        if self == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    result = read_candidates(path)
    expected = (
        "kandidaten.csv: het bestand kan niet worden gelezen "
        "(geen toestemming om het bestand te lezen)"
    )
    assert [str(p) for p in result.problems] == [expected]


# -- EML 210 into a project ---------------------------------------------------------------

EKS_FIRST_NAME = "<xnl:LastName>Candidate I<"


def test_a_210_with_a_c1_control_character_in_a_name_is_not_imported_into_the_project(
    tmp_path: Path, shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kandidaat.app.cli import main  # noqa: PLC0415 - the command line under test

    source = shared_dir / "eml_nl" / "fixtures" / "e-ks" / "models_eml_210-ps27-1.eml.xml"
    text = source.read_text(encoding="utf-8")
    assert EKS_FIRST_NAME in text, f"{source.name} changed: it no longer holds {EKS_FIRST_NAME}"
    # U+009B (CSI) is legal in XML 1.0, so the parser accepts it; the project must not.
    hostile = tmp_path / "vijandig.eml.xml"
    hostile.write_text(
        text.replace(EKS_FIRST_NAME, "<xnl:LastName>Cand&#x9b;idate I<", 1), encoding="utf-8"
    )
    project = tmp_path / "groningen.kandidaat"
    new = ["new", str(project), "--election", "PS2027_Groningen", "--aanduiding", "Kiesraad Demo"]
    assert main(new) == 0
    before = project.read_bytes()
    capsys.readouterr()
    assert main(["list", "import", str(project), str(hostile)]) == 2
    err = capsys.readouterr().err
    assert "achternaam: teken 5 is een stuurteken (U+009B)" in err
    assert "\x9b" not in err
    assert project.read_bytes() == before


@pytest.mark.parametrize("place", ["9" * 5000, "1001", "0"])
def test_a_place_on_a_list_beyond_any_list_is_refused_in_dutch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], place: str
) -> None:
    from kandidaat.app.cli import main  # noqa: PLC0415 - the command line under test

    code, path = _new_gr(tmp_path, "Groen")
    assert code == 0
    capsys.readouterr()
    with pytest.raises(SystemExit) as stop:
        main(["list", "move", str(path), "lijst-1", place, "1"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "POSITIE" in err
    assert len(err) < 1_000
    assert "invalid" not in err
