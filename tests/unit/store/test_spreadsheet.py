"""Candidates from CSV and XLSX files as volunteers make them, and back out again.

Every awkward file is built here at test time. A problem names the file, the
row and the column in Dutch; a file with any problem imports nobody.
"""

from __future__ import annotations

import dataclasses
import zipfile
from datetime import date, datetime, time
from typing import TYPE_CHECKING

import openpyxl
import pytest
from store_samples import ABROAD, PLAIN, RESIDENT

from kandidaat.domain.nomination.model import Agent, Candidate, Gender, PostalAddress
from kandidaat.store.errors import ProjectFileError, SpreadsheetError
from kandidaat.store.spreadsheet import (
    COLUMNS,
    merge_candidates,
    read_candidates,
    write_candidates,
)

if TYPE_CHECKING:
    from pathlib import Path

HEADER = ";".join(COLUMNS)
TODAY = date(2026, 11, 23)
FULL_ROW = (
    "1;A.B.;Ayşe;van der;Çelik;v;29-02-1980;Leeuwarden;nl;111222333;Nieuwestad 10;8911cm;"
    "Leeuwarden;M.;de;Jansen;Markt 5;8601 AA;Sneek"
)


def write(tmp_path: Path, text: str, name: str = "kandidaten.csv", encoding: str = "utf-8-sig"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def problems(path: Path) -> list[str]:
    result = read_candidates(path, today=TODAY)
    assert result.candidates == ()
    return [str(problem) for problem in result.problems]


def only(path: Path) -> Candidate:
    result = read_candidates(path, today=TODAY)
    assert [str(p) for p in result.problems] == []
    (candidate,) = result.candidates
    return candidate


def excel_date(year: int, month: int, day: int) -> datetime:
    """A date as Excel stores it: a naive date and time at midnight."""
    return datetime.combine(date(year, month, day), time())


def without_key(candidate: Candidate) -> Candidate:
    return dataclasses.replace(candidate, key="")


# -- what a good file gives ------------------------------------------------------------


def test_a_dutch_excel_csv_gives_every_field_of_the_candidate(tmp_path):
    path = write(tmp_path, f"{HEADER}\r\n{FULL_ROW}\r\n")
    candidate = only(path)
    assert without_key(candidate) == Candidate(
        key="",
        initials="A.B.",
        first_name="Ayşe",
        prefix="van der",
        last_name="Çelik",
        gender=Gender.FEMALE,
        date_of_birth=date(1980, 2, 29),
        locality="Leeuwarden",
        country_code="NL",
        bsn="111222333",
        correspondence=PostalAddress("Nieuwestad 10", "8911 CM", "Leeuwarden", "NL"),
        agent=Agent("M.", "Jansen", "de", PostalAddress("Markt 5", "8601 AA", "Sneek", "NL")),
    )
    assert len(candidate.key) == 32


def test_windows_1252_names_are_read_correctly(tmp_path):
    path = write(tmp_path, "voorletters;achternaam;woonplaats\nÖ.;Çelik;Ærø\n", encoding="cp1252")
    assert (only(path).initials, only(path).last_name) == ("Ö.", "Çelik")


def test_utf8_without_bom_and_utf16_from_excel_unicode_text_are_read(tmp_path):
    plain = write(tmp_path, "voorletters;achternaam\nŞ.;Yılmaz\n", encoding="utf-8")
    utf16 = write(tmp_path, "voorletters\tachternaam\r\nŞ.\tYılmaz\r\n", "u.txt", "utf-16")
    assert only(plain).last_name == only(utf16).last_name == "Yılmaz"


def test_comma_separated_files_with_quoted_separators_are_read(tmp_path):
    path = write(
        tmp_path,
        'voorletters,achternaam,postadres,postcode,plaats\n"J.","Dam, van","Laan 1; achter",'
        '"1234AB","Ee ""de"" Stad"\n',
    )
    candidate = only(path)
    assert candidate.last_name == "Dam, van"
    assert candidate.correspondence == PostalAddress("Laan 1; achter", "1234 AB", 'Ee "de" Stad')


def test_empty_lines_and_trailing_separators_are_ignored_and_lines_are_counted(tmp_path):
    path = write(tmp_path, "\n\nvoorletters;achternaam;;;\r\n;;;;\r\nJ.;Dam;;\r\n\r\nK.;;\r\n")
    assert problems(path) == [
        (
            "kandidaten.csv, regel 7, kolom achternaam: "
            "is leeg; elke kandidaat heeft voorletters en een achternaam"
        )
    ]


def test_header_names_ignore_case_spaces_and_order(tmp_path):
    path = write(tmp_path, " ACHTERNAAM ;Voorletters;Gemachtigde Achternaam\nDam;J.;\n")
    assert (only(path).last_name, only(path).agent) == ("Dam", None)


def test_the_positie_column_decides_the_order_of_the_list(tmp_path):
    path = write(tmp_path, "positie;voorletters;achternaam\n2;B.;Twee\n3;C.;Drie\n1;A.;Een\n")
    result = read_candidates(path, today=TODAY)
    assert [c.last_name for c in result.candidates] == ["Een", "Twee", "Drie"]
    assert result.rows == (4, 2, 3)


def test_without_positie_the_file_order_is_the_list_order(tmp_path):
    path = write(tmp_path, "voorletters;achternaam\nB.;Twee\nA.;Een\n")
    assert [c.last_name for c in read_candidates(path).candidates] == ["Twee", "Een"]


@pytest.mark.parametrize("text", ["1-2-1980", "01-02-1980", "1/2/1980", "01.02.1980", "1980-02-01"])
def test_dates_are_read_day_first_or_iso(tmp_path, text):
    path = write(tmp_path, f"voorletters;achternaam;geboortedatum\nJ.;Dam;{text}\n")
    assert only(path).date_of_birth == date(1980, 2, 1)


@pytest.mark.parametrize("text", ["XX-05-1976", "xx-xx-1964", "XX-XX-XXXX"])
def test_a_date_of_birth_known_only_in_part_is_kept_as_the_brp_writes_it(tmp_path, text):
    # Kiesraad EML extension kr:DateOfBirthAnnex: day (and month, year) unknown (ADR 0026).
    path = write(tmp_path, f"voorletters;achternaam;geboortedatum\nJ.;Dam;{text}\n")
    candidate = only(path)
    assert candidate.date_of_birth is None
    assert candidate.date_of_birth_annex == text.upper()


def test_a_partial_date_of_birth_is_written_back_and_read_again(tmp_path):
    person = Candidate(key="k", initials="J.", last_name="Dam", date_of_birth_annex="XX-05-1976")
    path = tmp_path / "uit.csv"
    write_candidates(path, [person])
    assert only(path).date_of_birth_annex == "XX-05-1976"


def test_an_8_digit_bsn_gets_the_leading_zero_excel_dropped(tmp_path):
    path = write(
        tmp_path, "voorletters;achternaam;bsn\nJ.;Dam;12345672\nK.;Kok;kandidaat heeft geen BSN\n"
    )
    result = read_candidates(path, today=TODAY)
    assert [c.bsn for c in result.candidates] == ["012345672", ""]


def test_the_kiesraad_e_ks_export_header_is_understood(tmp_path):
    header = (
        "voorletters;roepnaam;voorvoegsel;achternaam;woonplaats;landcode;bsn;geboortedatum;"
        "geslacht;correspondentie_postcode;correspondentie_huisnummer;correspondentie_toevoeging;"
        "correspondentie_straatnaam;correspondentie_plaats;gemachtigde_voorletters;"
        "gemachtigde_voorvoegsel;gemachtigde_achternaam;gemachtigde_postcode;"
        "gemachtigde_huisnummer;gemachtigde_toevoeging;gemachtigde_straatnaam;gemachtigde_plaats"
    )
    row = "J.;Jan;van de;Berg;Amsterdam;NL;;20-10-2000;m;1234AB;12;a;Mooie Straat;Rotterdam;;;;;;;;"
    candidate = only(write(tmp_path, f"{header}\n{row}\n"))
    assert candidate.correspondence == PostalAddress("Mooie Straat 12a", "1234 AB", "Rotterdam")
    assert (candidate.first_name, candidate.gender) == ("Jan", Gender.MALE)


def test_a_200_character_name_is_accepted(tmp_path):
    path = write(tmp_path, f"voorletters;achternaam\nJ.;{'a' * 200}\n")
    assert len(only(path).last_name) == 200


# -- every problem, named ----------------------------------------------------------------


def test_every_problem_of_every_row_is_reported_at_once_and_nobody_is_imported(tmp_path):
    rows = [
        HEADER,
        FULL_ROW,
        "2;J.;;;Dam;;1-1-1990;Ede;;;;;;;;;;;",
        "",
        "3;K.;;;Kok;x;;Ede;Nederland;123;;;;;;;;;",
        "4;L.;;;Lam;;;Ede;;111222334;Weg 1;1234;;;;;;;",
        "",
        "5;M.;;;Mol;;31-02-1980;Ede;;;;;;;;Puk;;;",
        "6;N.;;;Nes;;1-1-2099;Ede;;;;;;;;;;;",
    ]
    path = write(tmp_path, "\n".join(rows) + "\n")
    agent = "is leeg; een gemachtigde heeft voorletters, achternaam en een adres"
    assert [p.removeprefix("kandidaten.csv, regel ") for p in problems(path)] == [
        "5, kolom geslacht: 'x' is geen geslacht; gebruik m, v of laat het leeg",
        (
            "5, kolom landcode: 'NEDERLAND' is geen landcode van twee letters (ISO 3166, "
            "bijvoorbeeld NL of BE)"
        ),
        "5, kolom bsn: '123' is geen BSN: een BSN heeft 9 cijfers",
        "6, kolom bsn: '111222334' is geen geldig BSN (de elfproef klopt niet)",
        (
            "6, kolom postcode: '1234' is geen Nederlandse postcode: vier cijfers "
            "(niet beginnend met 0) en twee letters, zoals 1234 AB"
        ),
        "6, kolom plaats: is leeg; vul postadres, postcode en plaats alle drie in of geen",
        "8, kolom geboortedatum: '31-02-1980' is geen bestaande datum",
        f"8, kolom gemachtigde_voorletters: {agent}",
        f"8, kolom gemachtigde_postadres: {agent}",
        f"8, kolom gemachtigde_postcode: {agent}",
        f"8, kolom gemachtigde_plaats: {agent}",
        "9, kolom geboortedatum: 01-01-2099 ligt in de toekomst",
    ]


def test_the_error_lists_every_problem_in_one_dutch_message(tmp_path):
    path = write(tmp_path, "voorletters;achternaam;geboortedatum\nJ.;Dam;1-2-80\nK.;Kok;morgen\n")
    result = read_candidates(path, today=TODAY)
    with pytest.raises(SpreadsheetError) as raised:
        result.raise_for_problems()
    assert str(raised.value) == (
        "De kandidaten zijn niet ingelezen (2 problemen gevonden):\n"
        "kandidaten.csv, regel 2, kolom geboortedatum: '1-2-80': schrijf het jaar met vier "
        "cijfers (dd-mm-jjjj)\n"
        "kandidaten.csv, regel 3, kolom geboortedatum: 'morgen' is geen datum; schrijf "
        "dd-mm-jjjj, bijvoorbeeld 29-02-1980"
    )


def test_unknown_duplicate_and_missing_columns_are_named(tmp_path):
    path = write(tmp_path, "voorletters;Email;voorletters;straat\nJ.;j@x.nl;J.;Laan\n")
    found = problems(path)
    assert found[0].startswith(
        "kandidaten.csv, regel 1, kolom Email: onbekende kolom; bekend zijn:"
    )
    assert found[1].startswith("kandidaten.csv, regel 1, kolom straat: onbekende kolom")
    assert found[2:] == [
        "kandidaten.csv, regel 1, kolom voorletters: deze kolom staat twee keer in de kopregel",
        "kandidaten.csv, regel 1, kolom achternaam: deze kolom ontbreekt in de kopregel",
    ]


def test_an_e_ks_column_next_to_our_own_column_for_the_same_field_is_refused(tmp_path):
    path = write(tmp_path, "voorletters;achternaam;postcode;correspondentie_postcode\nJ.;Dam;;\n")
    assert problems(path) == [
        (
            "kandidaten.csv, regel 1, kolom correspondentie_postcode: "
            "deze kolom en kolom postcode beschrijven hetzelfde"
        )
    ]


def test_a_value_under_no_column_name_is_refused(tmp_path):
    path = write(tmp_path, "voorletters;achternaam\nJ.;Dam;Ede\n")
    assert problems(path) == [
        "kandidaten.csv, regel 2: kolom 3 heeft een waarde, maar geen kolomnaam in de kopregel"
    ]


def test_positions_must_number_the_rows_once_each(tmp_path):
    path = write(tmp_path, "positie;voorletters;achternaam\n1;A.;Een\n1;B.;Twee\nx;C.;Drie\n")
    assert problems(path) == [
        "kandidaten.csv, regel 3, kolom positie: positie 1 staat ook op regel 2",
        "kandidaten.csv, regel 4, kolom positie: 'x' is geen positie (een heel getal vanaf 1)",
    ]
    gap = write(tmp_path, "positie;voorletters;achternaam\n1;A.;Een\n3;B.;Twee\n", "gat.csv")
    assert problems(gap) == [
        "gat.csv, kolom positie: de posities moeten 1 tot en met 2 zijn; ontbrekend: 2"
    ]


def test_the_same_person_twice_in_one_file_is_refused(tmp_path):
    path = write(
        tmp_path,
        "voorletters;achternaam;geboortedatum;bsn\n"
        "J.;Dam;1-1-1990;111222333\nJ.;Dijk;2-2-1990;111222333\n"
        "J.;Dam;1-1-1990;012345672\nJ. ;DAM;01-01-1990;\n",
    )
    assert problems(path) == [
        "kandidaten.csv, regel 3: dezelfde persoon staat al op regel 2",
        "kandidaten.csv, regel 5: dezelfde persoon staat al op regel 2",
    ]


def test_a_300_character_name_is_refused_with_its_length(tmp_path):
    path = write(tmp_path, f"voorletters;achternaam\nJ.;{'a' * 300}\n")
    assert problems(path) == [
        "kandidaten.csv, regel 2, kolom achternaam: is te lang: 300 tekens, ten hoogste 200"
    ]


def test_a_line_break_inside_a_quoted_field_is_refused(tmp_path):
    path = write(tmp_path, 'voorletters;achternaam\nJ.;"Dam\nvan"\nK.;Kok\n')
    assert problems(path) == [
        "kandidaten.csv, regel 2, kolom achternaam: teken 4 is een stuurteken (LF)"
    ]


def test_a_stray_value_and_an_empty_name_in_one_row_are_both_reported(tmp_path):
    path = write(tmp_path, "voorletters;achternaam\nJ.;;Ede\n")
    assert problems(path) == [
        "kandidaten.csv, regel 2: kolom 3 heeft een waarde, maar geen kolomnaam in de kopregel",
        (
            "kandidaten.csv, regel 2, kolom achternaam: is leeg; elke kandidaat heeft voorletters "
            "en een achternaam"
        ),
    ]


def test_a_giant_field_is_reported_with_its_line(tmp_path):
    path = write(tmp_path, f'voorletters;achternaam\nJ.;"{"a" * 200_000}"\n')
    assert problems(path) == ["kandidaten.csv, regel 2: een veld is langer dan 131072 tekens"]


def test_an_unclosed_quote_is_reported_with_its_line(tmp_path):
    path = write(tmp_path, 'voorletters;achternaam\nJ.;Dam\nK.;"Kok\n')
    assert problems(path) == [
        (
            "kandidaten.csv, regel 3: de aanhalingstekens kloppen niet "
            '(een veld begint met " maar sluit niet af)'
        )
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "het bestand is leeg"),
        (b"\r\n;;\r\n", "het bestand is leeg"),
        (b"voorletters;achternaam\r\n", "het bestand bevat alleen een kopregel en geen kandidaten"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "dit is geen CSV-bestand: het bevat binaire gegevens",
        ),
        (b"abc\x81\x8d\x8f", "dit is geen tekstbestand (onbekende tekenset); is het een CSV?"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(50), "dit is een oud Excel-bestand (.xls)"),
    ],
    ids=["empty", "blank", "header-only", "png", "no-charset", "xls"],
)
def test_a_file_that_is_no_candidate_csv_is_refused_with_its_name(tmp_path, content, message):
    path = tmp_path / "kandidaten.csv"
    path.write_bytes(content)
    assert problems(path)[0].startswith(f"kandidaten.csv: {message}")


def test_prose_is_not_taken_for_a_header(tmp_path):
    path = write(tmp_path, "Beste vrijwilliger, hierbij de lijst.\nJan Dam\n")
    assert problems(path) == [
        (
            "kandidaten.csv, regel 1: dit is geen kopregel met kolomnamen; de eerste regel moet "
            "kolommen noemen zoals positie;voorletters;roepnaam;voorvoegsel;achternaam "
            "(zie de handleiding)"
        )
    ]


def test_a_missing_file_is_named(tmp_path):
    assert problems(tmp_path / "weg.csv") == ["weg.csv: het bestand bestaat niet"]


# -- XLSX ---------------------------------------------------------------------------------


def xlsx(
    tmp_path: Path,
    rows: list[list[object]],
    name: str = "kandidaten.xlsx",
    title: str = "Blad1",
    *,
    extra: bool = False,
):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    if extra:
        workbook.create_sheet("Toelichting").append(["geen kandidaten hier"])
    sheet.title = title
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    workbook.save(path)
    return path


def test_excel_dates_numbers_and_text_dates_are_read_from_xlsx(tmp_path):
    path = xlsx(
        tmp_path,
        [
            [
                "Positie",
                "Voorletters",
                "Achternaam",
                "Geboortedatum",
                "BSN",
                "Postcode",
                "Postadres",
                "Plaats",
            ],
            [2.0, "B.", "Twee", "29-02-1980", 12345672, "1234ab", "Laan 1", "Ede"],
            [1, "A.", "Een", excel_date(1975, 5, 4), "111222333", None, None, None],
        ],
    )
    result = read_candidates(path, today=TODAY)
    assert [str(p) for p in result.problems] == []
    first, second = result.candidates
    assert (first.last_name, first.date_of_birth, first.bsn) == (
        "Een",
        date(1975, 5, 4),
        "111222333",
    )
    assert (second.date_of_birth, second.bsn) == (date(1980, 2, 29), "012345672")
    assert second.correspondence == PostalAddress("Laan 1", "1234 AB", "Ede")
    assert result.rows == (3, 2)


def test_the_sheet_called_kandidaten_is_read_and_named_in_problems(tmp_path):
    path = xlsx(
        tmp_path,
        [["voorletters", "achternaam", "geboortedatum"], [], ["J.", "Dam", 29221]],
        title="Kandidaten",
        extra=True,
    )
    assert problems(path) == [
        (
            "kandidaten.xlsx, blad Kandidaten, rij 3, kolom geboortedatum: '29221' is een getal en "
            "geen datum; maak de kolom op als datum of typ dd-mm-jjjj"
        )
    ]


def test_an_xlsx_with_a_date_where_text_belongs_or_a_fraction_is_refused(tmp_path):
    path = xlsx(
        tmp_path, [["voorletters", "achternaam", "bsn"], ["J.", excel_date(2020, 1, 1), 1.5]]
    )
    assert problems(path) == [
        "kandidaten.xlsx, rij 2, kolom achternaam: de datum 01-01-2020 is geen tekst",
        "kandidaten.xlsx, rij 2, kolom bsn: '1.5' is geen tekst",
    ]


def test_an_xlsx_saved_under_a_csv_name_is_still_read_as_xlsx(tmp_path):
    path = xlsx(tmp_path, [["voorletters", "achternaam"], ["J.", "Dam"]], name="kandidaten.csv")
    assert only(path).last_name == "Dam"


def test_a_truncated_xlsx_is_refused_as_damaged(tmp_path):
    good = xlsx(tmp_path, [["voorletters", "achternaam"], ["J.", "Dam"]])
    broken = tmp_path / "kapot.xlsx"
    broken.write_bytes(good.read_bytes()[:1500])
    assert problems(broken) == [
        "kapot.xlsx: het Excel-bestand is beschadigd (geen geldig zip-archief)"
    ]


def test_a_zip_that_is_no_workbook_is_refused(tmp_path):
    path = tmp_path / "foto.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("foto.txt", "geen werkmap")
    assert problems(path) == [
        "foto.xlsx: het bestand kan niet als Excel-werkmap (.xlsx) worden gelezen"
    ]


def test_an_xlsx_that_unpacks_to_a_huge_size_is_refused_as_a_zip_bomb(tmp_path):
    path = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\x00" * (16 * 1024 * 1024))
    assert path.stat().st_size < 100_000
    assert problems(path) == [
        "bom.xlsx: het Excel-bestand pakt uit tot een onredelijke omvang (zip-bom?)"
    ]


def test_an_xlsx_with_a_doctype_is_refused_before_it_is_parsed(tmp_path):
    good = xlsx(tmp_path, [["voorletters", "achternaam"], ["J.", "Dam"]])
    hostile = tmp_path / "entiteit.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(hostile, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + data
            target.writestr(item, data)
    assert problems(hostile) == [
        "entiteit.xlsx: het Excel-bestand bevat een DOCTYPE of ENTITY en wordt geweigerd"
    ]


# -- export ----------------------------------------------------------------------------------


def test_csv_export_is_semicolon_separated_utf8_with_bom_and_crlf(tmp_path):
    path = tmp_path / "uit.csv"
    write_candidates(path, [RESIDENT, PLAIN])
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + HEADER.encode() + b"\r\n")
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[1] == (
        "1;A.B.;Ayşe;;Çelik;v;29-02-1980;Leeuwarden;NL;111222333;Nieuwestad 10;8911 CM;"
        "Leeuwarden;;;;;;"
    )
    assert lines[2] == "2;Q.;;;Zwart;;;;NL;;;;;;;;;;"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_what_is_exported_reads_back_with_the_same_fields(tmp_path, suffix):
    agent_only = dataclasses.replace(
        ABROAD,
        settlement_areas=(),
        nationality="NL",
        place_of_birth="",
        home_state_address="",
        lives_in_area=None,
    )
    resident = dataclasses.replace(RESIDENT, lives_in_area=None, is_member=False)
    path = tmp_path / f"lijst{suffix}"
    write_candidates(path, [resident, agent_only, PLAIN])
    result = read_candidates(path, today=TODAY)
    assert [without_key(c) for c in result.candidates] == [
        without_key(c) for c in (resident, agent_only, PLAIN)
    ]


def test_cells_that_look_like_formulas_are_neutralised_in_csv_and_read_back_as_typed(tmp_path):
    sneaky = Candidate(
        key="x", initials="=1+1", last_name="@SUM(A1)", locality="-2+3", first_name="+31"
    )
    path = tmp_path / "uit.csv"
    write_candidates(path, [sneaky])
    row = path.read_bytes().decode("utf-8-sig").split("\r\n")[1]
    assert row.startswith("1;'=1+1;'+31;;'@SUM(A1);;;'-2+3;")
    back = only(path)
    assert (back.initials, back.last_name, back.locality, back.first_name) == (
        "=1+1",
        "@SUM(A1)",
        "-2+3",
        "+31",
    )


def test_xlsx_export_writes_formula_like_text_as_text_cells_and_dates_as_dates(tmp_path):
    sneaky = dataclasses.replace(RESIDENT, last_name='=HYPERLINK("http://x")')
    path = tmp_path / "uit.xlsx"
    write_candidates(path, [sneaky])
    sheet = openpyxl.load_workbook(path)["Kandidaten"]
    assert sheet["E2"].data_type == "s"
    assert sheet["E2"].value == '=HYPERLINK("http://x")'
    assert sheet["G2"].value == excel_date(1980, 2, 29)
    assert sheet["G2"].number_format == "DD-MM-YYYY"
    assert [cell.value for cell in sheet[1]] == list(COLUMNS)


def test_export_to_an_unknown_type_or_missing_folder_is_refused_in_dutch(tmp_path):
    with pytest.raises(ProjectFileError, match=r"lijst\.ods: onbekend bestandstype '\.ods'"):
        write_candidates(tmp_path / "lijst.ods", [PLAIN])
    with pytest.raises(ProjectFileError, match="kan niet worden geschreven"):
        write_candidates(tmp_path / "weg" / "lijst.csv", [PLAIN])
    assert list(tmp_path.iterdir()) == []


def test_export_replaces_an_existing_file_completely(tmp_path):
    path = tmp_path / "lijst.csv"
    path.write_text("oud;" * 10_000, encoding="utf-8")
    write_candidates(path, [PLAIN])
    assert path.read_bytes().decode("utf-8-sig").count("\r\n") == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lijst.csv"]


# -- merging into the address book --------------------------------------------------------------


def test_merging_finds_persons_by_bsn_or_name_and_birth_date_and_keeps_other_fields(tmp_path):
    path = write(
        tmp_path,
        "voorletters;achternaam;geboortedatum;bsn;woonplaats\n"
        "Q;zwart;;;Joure\n"
        "N.;Nieuw;1-1-2000;;Ede\n"
        "X.;Anders;1-1-1970;111222333;Sneek\n",
    )
    result = read_candidates(path, today=TODAY)
    merged = merge_candidates([RESIDENT, ABROAD, PLAIN], result)
    new_key = result.candidates[1].key
    assert merged.keys == ("p-3", new_key, "p-1")
    assert merged.added == (new_key,)
    assert merged.updated == ("p-3", "p-1")
    book = {c.key: c for c in merged.address_book}
    assert [c.key for c in merged.address_book] == ["p-1", "p-2", "p-3", new_key]
    assert book["p-3"].locality == "Joure"
    assert book["p-1"].last_name == "Anders"
    assert book["p-1"].is_member
    assert book["p-1"].correspondence == RESIDENT.correspondence
    assert book["p-2"] == ABROAD


def test_a_person_with_another_bsn_is_a_different_person(tmp_path):
    path = write(
        tmp_path, "voorletters;achternaam;geboortedatum;bsn\nA.B.;Çelik;29-2-1980;012345672\n"
    )
    merged = merge_candidates([RESIDENT], read_candidates(path, today=TODAY))
    assert len(merged.address_book) == 2


def test_a_file_with_problems_cannot_be_merged(tmp_path):
    path = write(tmp_path, "voorletters;achternaam\nJ.;\n")
    with pytest.raises(SpreadsheetError, match="regel 2, kolom achternaam"):
        merge_candidates([RESIDENT], read_candidates(path))


def test_a_1600_row_xlsx_is_read_completely_in_list_order(tmp_path):
    rows = [["positie", "voorletters", "achternaam", "geboortedatum"]]
    rows += [[i, "J.", f"Naam {i}", date(1980, 1, 1 + i % 28)] for i in range(1, 1601)]
    result = read_candidates(xlsx(tmp_path, rows), today=TODAY)
    assert len(result.candidates) == 1600
    assert result.candidates[-1].last_name == "Naam 1600"


def test_bytes_in_memory_do_not_leak_between_reads(tmp_path):
    first = write(tmp_path, "voorletters;achternaam\nA.;Een\n", "a.csv")
    second = write(tmp_path, "voorletters;achternaam\nB.;Twee\n", "b.csv")
    assert only(first).last_name == "Een"
    assert only(second).last_name == "Twee"
