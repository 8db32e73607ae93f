"""``kandidaat check LIST.eml.xml`` on a 210 alone tells the truth (ADR 0024 - 0026).

A 210 does not carry the seats, often not the kieskring names, and nothing that
lives only on paper. The check must say what it cannot check and how to supply
it (``--election``), recognise the elections in Fryslân whatever spelling, report
a kieskring the election lacks as a finding, and read partial dates of birth.
The expected numbers come from the law (Kieswet H 4 lid 1: 10/20/30) and from
hand computations written next to each test.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

import pytest
from pypdf import PdfReader

from kandidaat.app.cli import main

if TYPE_CHECKING:
    from pathlib import Path

CANDIDATE = """
      <Candidate>
        <CandidateIdentifier Id="{position}"/>
        <CandidateFullName><xnl:PersonName>
          <xnl:NameLine NameType="Initials">A.</xnl:NameLine>
          <xnl:LastName>{last_name}</xnl:LastName>
        </xnl:PersonName></CandidateFullName>
        {born}
        <Gender>female</Gender>
        <QualifyingAddress><xal:Locality><xal:LocalityName>{locality}</xal:LocalityName>
        </xal:Locality></QualifyingAddress>
        <kr:NationalIdentificationNumber>{bsn}</kr:NationalIdentificationNumber>
      </Candidate>"""

TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<EML xmlns="urn:oasis:names:tc:evs:schema:eml" xmlns:kr="http://www.kiesraad.nl/extensions"
     xmlns:xal="urn:oasis:names:tc:ciq:xsdschema:xAL:2.0"
     xmlns:xnl="urn:oasis:names:tc:ciq:xsdschema:xNL:2.0" Id="210" SchemaVersion="5">
  <TransactionId>7</TransactionId>
  <IssueDate>2026-12-01</IssueDate>
  <kr:CreationDateTime>2026-12-01T10:00:00.000</kr:CreationDateTime>
  <Nomination>
    <ElectionIdentifier Id="{identifier}">
      <ElectionName>{name}</ElectionName>
      <ElectionCategory>{category}</ElectionCategory>
      {domain}
      {election_date}
      <kr:NominationDate>{nomination_date}</kr:NominationDate>
    </ElectionIdentifier>
    <ContestIdentifier Id="{contest}"><ContestName>{contest_name}</ContestName></ContestIdentifier>
    <Affiliation>
      <AffiliationIdentifier><RegisteredName>Partij Noord</RegisteredName></AffiliationIdentifier>
      <Type>op zichzelf staande lijst</Type>
      <kr:ListData PublishGender="true" PublicationLanguage="{language}">{contests}</kr:ListData>
      {candidates}
    </Affiliation>
    <Nominate>
      <Proposer>
        <Name><xnl:PersonName><xnl:NameLine NameType="Initials">I.</xnl:NameLine>
          <xnl:LastName>Inleveraar</xnl:LastName></xnl:PersonName></Name>
        <Contact><MailingAddress><xal:Locality><xal:AddressLine>Nieuwestad 1</xal:AddressLine>
          <xal:LocalityName>Leeuwarden</xal:LocalityName>
          <xal:PostalCode><xal:PostalCodeNumber>8911 CL</xal:PostalCodeNumber></xal:PostalCode>
        </xal:Locality></MailingAddress></Contact>
        <JobTitle>inleveraar</JobTitle>
      </Proposer>
      <Proposer>
        <Name><xnl:PersonName><xnl:NameLine NameType="Initials">V.</xnl:NameLine>
          <xnl:LastName>Vervanger</xnl:LastName></xnl:PersonName></Name>
        <Contact><MailingAddress><xal:Locality><xal:AddressLine>Nieuwestad 2</xal:AddressLine>
          <xal:LocalityName>Leeuwarden</xal:LocalityName>
          <xal:PostalCode><xal:PostalCodeNumber>8911 CL</xal:PostalCodeNumber></xal:PostalCode>
        </xal:Locality></MailingAddress></Contact>
        <JobTitle>plaatsvervanger van de inleveraar</JobTitle>
        <Id>1</Id>
      </Proposer>
    </Nominate>
  </Nomination>
</EML>
"""

VALID_BSNS = ("111222333", "123456782", "999990019", "999990020", "999990032")
TODAY_2026 = "2026-01-05"
"""Before every deadline of the GR and AB elections below."""
TODAY_2027 = "2027-01-05"


def _210(  # noqa: PLR0913 - one keyword per part of the file a test varies
    tmp_path: Path,
    *,
    identifier: str,
    category: str,
    name: str,
    election_date: str = "2026-03-18",
    nomination_date: str = "2026-02-02",
    domain: str = "",
    contest: str = "geen",
    contest_name: str = "",
    contests: tuple[str, ...] = (),
    language: str = "nl",
    births: tuple[str, ...] = ("<DateOfBirth>1980-05-17</DateOfBirth>",) * 3,
    locality: str = "Leeuwarden",
) -> Path:
    listed = "".join(f'<kr:Contest Id="{number}"/>' for number in contests)
    candidates = "".join(
        CANDIDATE.format(
            position=position,
            last_name=f"Boer{'abcdefgh'[position]}",
            born=born,
            locality=locality,
            bsn=VALID_BSNS[position - 1],
        )
        for position, born in enumerate(births, start=1)
    )
    text = TEMPLATE.format(
        identifier=identifier,
        name=name,
        category=category,
        domain=domain,
        election_date=(
            f"<kr:ElectionDate>{election_date}</kr:ElectionDate>" if election_date else ""
        ),
        nomination_date=nomination_date,
        contest=contest,
        contest_name=contest_name,
        language=language,
        contests=f"<kr:Contests>{listed}</kr:Contests>" if listed else "",
        candidates=candidates,
    )
    path = tmp_path / f"{identifier}.eml.xml"
    path.write_text(text, encoding="utf-8")
    return path


def _check(
    capsys: pytest.CaptureFixture[str], path: Path, *extra: str, today: str = TODAY_2026
) -> tuple[int, list[dict[str, Any]]]:
    capsys.readouterr()
    code = main(["check", str(path), "--json", "--today", today, *extra])
    captured = capsys.readouterr()
    assert captured.err == "", captured.err
    return code, json.loads(captured.out)


def _codes(findings: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {finding["code"]: finding for finding in findings}


# --- Frisian (Kiesbesluit H 2 lid 5) -----------------------------------------------


@pytest.mark.parametrize(
    ("identifier", "category", "name", "domain"),
    [
        # e-KS spells the waterschap election without circumflex and without "Wetterskip".
        ("AB2027_Fryslan", "AB", "Algemeen bestuur Wetterskip Fryslân 2027", ""),
        ("AB2027_WetterskipFryslan", "AB", "Waterschap 2027", ""),
        (
            "GR2026_Leeuwarden",
            "GR",
            "Gemeenteraad Leeuwarden 2026",
            '<kr:ElectionDomain Id="0080">Leeuwarden</kr:ElectionDomain>',
        ),
        # Only the CBS code says it: 1900 is Súdwest-Fryslân.
        ("GR2026_Gemeente", "GR", "Gemeenteraad 2026", '<kr:ElectionDomain Id="1900"/>'),
        (
            "GR2026_SudwestFryslan",
            "GR",
            "Gemeenteraad Sudwest Fryslan 2026",
            "<kr:ElectionDomain>Sudwest-Fryslan</kr:ElectionDomain>",
        ),
    ],
)
def test_a_frisian_list_for_an_election_in_fryslan_is_no_error(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    identifier: str,
    category: str,
    name: str,
    domain: str,
) -> None:
    path = _210(
        tmp_path, identifier=identifier, category=category, name=name, domain=domain, language="fy"
    )
    _, findings = _check(capsys, path)
    assert "frisian-not-allowed" not in _codes(findings)
    assert "unknown-language" not in _codes(findings)


def test_a_frisian_list_for_ps_fryslan_spelled_without_circumflex_is_no_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _210(
        tmp_path,
        identifier="PS2027_Fryslan",
        category="PS",
        name="Provinciale Staten Fryslân 2027",
        election_date="2027-03-17",
        nomination_date="2027-02-01",
        language="fy",
    )
    _, findings = _check(capsys, path, today=TODAY_2027)
    codes = _codes(findings)
    assert "frisian-not-allowed" not in codes
    # The built-in PS2027_Fryslân is found whatever the spelling: one kieskring, 30
    # declarations (Kieswet H 4 lid 1), named after the province.
    assert (
        "30 ondersteuningsverklaringen nodig van kiezers in Fryslân"
        in (codes["support-required"]["message"])
    )


def test_a_frisian_list_outside_fryslan_is_still_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _210(
        tmp_path,
        identifier="GR2026_Groningen",
        category="GR",
        name="Gemeenteraad Groningen 2026",
        domain='<kr:ElectionDomain Id="0014">Groningen</kr:ElectionDomain>',
        language="fy",
        locality="Groningen",
    )
    code, findings = _check(capsys, path)
    assert code == 1
    assert _codes(findings)["frisian-not-allowed"]["article"] == "Kiesbesluit H 2 lid 5"


# --- What the 210 does not say (Kieswet H 4 lid 1) ----------------------------------


def test_a_gr_list_without_its_definition_says_the_support_count_cannot_be_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _210(
        tmp_path,
        identifier="GR2026_Stadskanaal",
        category="GR",
        name="Gemeenteraad Stadskanaal 2026",
        locality="Stadskanaal",
    )
    _, findings = _check(capsys, path)
    codes = _codes(findings)
    assert "support-required" not in codes
    unknown = codes["support-not-checkable"]
    assert unknown["article"] == "Kieswet H 4 lid 1"
    assert "niet te controleren zonder de verkiezingsdefinitie (--election" in unknown["message"]
    assert not any("kiezers in ." in finding["message"] for finding in findings)


def test_a_gr_list_with_its_110a_needs_20_declarations_for_23_seats(
    tmp_path: Path, shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Stadskanaal has 23 seats (its 110a); 19 to 38 seats need 20 (Kieswet H 4 lid 1).
    definition = (
        shared_dir
        / "eml_nl"
        / "samples"
        / "GR2026_Stadskanaal"
        / "Verkiezingsdefinitie_GR2026_Stadskanaal.eml.xml"
    )
    path = _210(
        tmp_path,
        identifier="GR2026_Stadskanaal",
        category="GR",
        name="Gemeenteraad Stadskanaal 2026",
        locality="Stadskanaal",
    )
    _, findings = _check(capsys, path, "--election", str(definition))
    codes = _codes(findings)
    assert "support-not-checkable" not in codes
    assert (
        "20 ondersteuningsverklaringen nodig van kiezers in Stadskanaal"
        in (codes["support-required"]["message"])
    )


def test_a_ps_list_of_an_unknown_election_never_prints_an_empty_kieskring_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _210(
        tmp_path,
        identifier="PS2031_Groningen",
        category="PS",
        name="Provinciale Staten 2031",
        election_date="2031-03-19",
        nomination_date="2031-02-03",
        locality="Groningen",
    )
    _, findings = _check(capsys, path, today="2031-01-05")
    message = _codes(findings)["support-required"]["message"]
    # PS: 30 per kieskring whatever the seats (H 4 lid 1); the name is not in the file.
    assert "30 ondersteuningsverklaringen" in message
    assert "de naam staat niet in het bestand" in message
    assert "kiezers in ." not in message


@pytest.mark.parametrize("with_definition", [False, True])
def test_the_e_ks_ps_fixture_is_checked_with_and_without_its_110a(
    shared_dir: Path, capsys: pytest.CaptureFixture[str], *, with_definition: bool
) -> None:
    # PS2027_Groningen: one kieskring named after the province, 30 (Kieswet H 4 lid 1).
    folder = shared_dir / "eml_nl" / "fixtures" / "e-ks"
    extra = (
        ("--election", str(folder / "models_eml_110a-ps27-1.eml.xml")) if with_definition else ()
    )
    _, findings = _check(capsys, folder / "models_eml_210-ps27-1.eml.xml", *extra, today=TODAY_2027)
    message = _codes(findings)["support-required"]["message"]
    assert "30 ondersteuningsverklaringen nodig van kiezers in Groningen" in message


def test_the_e_ks_eerste_kamer_fixture_is_checked_with_its_110a(
    shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = shared_dir / "eml_nl" / "fixtures" / "e-ks"
    code, findings = _check(
        capsys,
        folder / "models_eml_210-ek27.eml.xml",
        "--election",
        str(folder / "models_eml_110a-ek27.eml.xml"),
        today=TODAY_2027,
    )
    assert code in {0, 1}
    # Kieswet R 2: one declaration of a member of the Staten per province.
    assert "support-required" in _codes(findings)


def test_a_built_in_election_is_accepted_by_check_election(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _210(
        tmp_path,
        identifier="PS2027_Fryslan",
        category="PS",
        name="Provinciale Staten Fryslân 2027",
        election_date="2027-03-17",
        nomination_date="2027-02-01",
    )
    capsys.readouterr()
    assert main(["check", str(path), "--election", "PS2027_Fryslan", "--today", TODAY_2027]) == 0
    assert "Provinciale Staten Fryslân 2027" in capsys.readouterr().out


def test_an_unknown_election_argument_is_a_dutch_input_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _210(tmp_path, identifier="GR2026_Leeuwarden", category="GR", name="GR Leeuwarden")
    capsys.readouterr()
    assert main(["check", str(path), "--election", "XX2099_Nergens"]) == 2
    assert "geen bestaand bestand (EML 110a) en geen ingebouwde verkiezing" in (
        capsys.readouterr().err
    )


# --- Kieskringen the election lacks (Kieswet H 2) -----------------------------------


def test_a_210_naming_a_kieskring_the_election_lacks_is_a_finding_not_a_refusal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # PS2027_Gelderland has kieskringen 1 Arnhem and 2 Nijmegen; the list names 2 and 5.
    path = _210(
        tmp_path,
        identifier="PS2027_Gelderland",
        category="PS",
        name="Provinciale Staten Gelderland 2027",
        election_date="2027-03-17",
        nomination_date="2027-02-01",
        contest="2",
        contest_name="Nijmegen",
        contests=("2", "5"),
        locality="Nijmegen",
    )
    code, findings = _check(capsys, path, today=TODAY_2027)
    assert code == 1
    codes = _codes(findings)
    unknown = codes["unknown-kieskring"]
    assert unknown["severity"] == "error"
    assert unknown["article"] == "Kieswet H 2"
    assert "kieskring 5" in unknown["message"]
    assert "1 Arnhem, 2 Nijmegen" in unknown["message"]
    # The rest is still checked: kieskring 2 Nijmegen needs 30 declarations.
    assert "30" in codes["support-required"]["message"]


# --- Dates of birth known only in part (kr:DateOfBirthAnnex) ------------------------


def _ps_with_births(tmp_path: Path, *births: str) -> Path:
    """PS2027 Groningen: election 17 March 2027, so the term ends 16 March 2031 (ADR 0023)."""
    return _210(
        tmp_path,
        identifier="PS2027_Groningen",
        category="PS",
        name="Provinciale Staten Groningen 2027",
        election_date="2027-03-17",
        nomination_date="2027-02-01",
        births=tuple(f"<kr:DateOfBirthAnnex>{born}</kr:DateOfBirthAnnex>" for born in births),
        locality="Groningen",
    )


def test_a_partial_date_of_birth_is_kept_shown_and_not_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, findings = _check(capsys, _ps_with_births(tmp_path, "XX-05-1976"), today=TODAY_2027)
    assert not [
        f
        for f in findings
        if f["code"] == "candidate-data-missing" and f["field"] == "date_of_birth"
    ]
    shown = _codes(findings)["date-of-birth-partial"]
    assert shown["severity"] == "info"
    assert "XX-05-1976" in shown["message"]
    assert "mei 1976" in shown["message"]


def test_the_age_is_decided_from_the_known_month_and_year_where_it_can_be(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Term end 16 March 2031 (day before 17 March 2031). Hand computation:
    # XX-02-2013: at the latest 28 Feb 2013, 18 on 28 Feb 2031 <= 16 Mar 2031: may stand.
    # XX-04-2013: at the earliest 1 Apr 2013, 18 on 1 Apr 2031 > 16 Mar 2031: too young.
    # XX-03-2013: 18 between 1 and 31 March 2031: depends on the day, cannot be told.
    _, findings = _check(
        capsys,
        _ps_with_births(tmp_path, "XX-02-2013", "XX-04-2013", "XX-03-2013"),
        today=TODAY_2027,
    )
    by_name = {
        f["candidate_name"].split(",")[0]: f
        for f in findings
        if f["field"] == "date_of_birth" and f["candidate_name"]
    }
    assert by_name["Boerb"]["code"] == "date-of-birth-partial"
    assert by_name["Boerc"]["code"] == "too-young"
    assert by_name["Boerc"]["severity"] == "error"
    assert "1 april 2031" in by_name["Boerc"]["message"]
    assert by_name["Boerd"]["code"] == "age-not-checkable"
    assert by_name["Boerd"]["severity"] == "warning"


def test_an_unknown_year_of_birth_says_the_age_cannot_be_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, findings = _check(capsys, _ps_with_births(tmp_path, "XX-XX-XXXX"), today=TODAY_2027)
    unknown = _codes(findings)["age-not-checkable"]
    assert "geheel onbekend (XX-XX-XXXX)" in unknown["message"]


def test_a_malformed_partial_date_is_a_dutch_input_error_naming_the_candidate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _ps_with_births(tmp_path, "05-1976")
    capsys.readouterr()
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "kandidaat 1" in err
    assert "kr:DateOfBirthAnnex" in err


def test_a_tk_list_of_a_future_election_knows_the_statutory_kieskringen(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # TK2029 is not built in, but Kieswet E 1 fixes the 20 kieskringen: 20 is Bonaire,
    # where 10 declarations suffice (H 4 lid 1), not the 30 of an unnamed kieskring.
    path = _210(
        tmp_path,
        identifier="TK2029",
        category="TK",
        name="Tweede Kamer 2029",
        election_date="2029-03-21",
        nomination_date="2029-02-05",
        contest="20",
        contest_name="",
        contests=("20",),
        locality="Kralendijk",
    )
    _, findings = _check(capsys, path, today="2029-01-08")
    message = _codes(findings)["support-required"]["message"]
    assert "10 ondersteuningsverklaringen nodig van kiezers in kieskring 20 Bonaire" in message


def test_an_ep_list_says_the_nationality_is_not_in_the_210(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _210(
        tmp_path,
        identifier="EP2029",
        category="EP",
        name="Europees Parlement 2029",
        election_date="2029-05-24",
        nomination_date="2029-04-09",
    )
    _, findings = _check(capsys, path, today="2029-01-08")
    codes = _codes(findings)
    assert codes["y35-not-checkable"]["article"] == "Kieswet Y 35 lid 1"
    assert "y35-needed" not in codes


def test_the_text_says_up_front_what_the_210_does_not_carry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _210(
        tmp_path,
        identifier="GR2026_Stadskanaal",
        category="GR",
        name="Gemeenteraad Stadskanaal 2026",
        locality="Stadskanaal",
    )
    capsys.readouterr()
    main(["check", str(path), "--today", TODAY_2026])
    head = capsys.readouterr().out.splitlines()[:3]
    assert head[1].startswith(
        "Let op: het bestand noemt het aantal zetels en de namen van de kieskringen niet"
    )
    assert "--election" in head[1]
    assert "machtiging H 3-1/H 3-2" in head[2]


def test_a_list_of_an_unknown_election_is_never_called_a_list_for_all_kieskringen(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # PS2031_Gelderland is not built in: the file names kieskringen 1 and 2 of the list,
    # but not whether the election has more, so "alle kieskringen" would be a guess.
    path = _210(
        tmp_path,
        identifier="PS2031_Gelderland",
        category="PS",
        name="Provinciale Staten Gelderland 2031",
        election_date="2031-03-19",
        nomination_date="2031-02-03",
        contest="1",
        contest_name="Arnhem",
        contests=("1", "2"),
        locality="Arnhem",
    )
    _, findings = _check(capsys, path, today="2031-01-05")
    assert not [f for f in findings if "alle kieskringen" in f["message"]]
    assert any("Lijst 1 (kieskringen 1 Arnhem, 2)" in f["message"] for f in findings)


def test_every_e_ks_210_checks_alone_and_with_the_110a_of_its_election(
    shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = shared_dir / "eml_nl" / "fixtures" / "e-ks"
    files = sorted(folder.iterdir())
    unexpected = [p.name for p in files if not p.name.endswith(".eml.xml")]
    assert not unexpected, f"{folder}: unexpected files {unexpected} (only .eml.xml expected)"
    definitions = {}
    for path in files:
        if "_110a-" in path.name:
            text = path.read_text(encoding="utf-8")
            found = re.search(r'ElectionIdentifier Id="([^"]+)"', text)
            assert found, f"{path.name}: no ElectionIdentifier"
            definitions[found.group(1)] = path
    lists = [p for p in files if "210" in p.name and "_110a-" not in p.name]
    assert len(lists) >= 3, f"{folder}: expected the three e-KS 210 files, found {lists}"
    for path in lists:
        identifier = re.search(r'ElectionIdentifier Id="([^"]+)"', path.read_text("utf-8"))
        assert identifier, f"{path.name}: no ElectionIdentifier"
        runs = [()]
        if identifier.group(1) in definitions:
            runs.append(("--election", str(definitions[identifier.group(1)])))
        for extra in runs:
            code, findings = _check(capsys, path, *extra, today=TODAY_2027)
            assert code in {0, 1}, f"{path.name} {extra}: exit {code}"
            for finding in findings:
                assert "kiezers in ." not in finding["message"], (path.name, finding)
                assert finding["code"] != "group-missing", (path.name, finding)


def _without_election_date(tmp_path: Path) -> Path:
    # The XSD asks two of subcategory, domain, ElectionDate and NominationDate: this file
    # gives a domain and the nomination day, but not the day of the election.
    return _210(
        tmp_path,
        identifier="GR2030_Stadskanaal",
        category="GR",
        name="Gemeenteraad Stadskanaal 2030",
        election_date="",
        domain='<kr:ElectionDomain Id="0037">Stadskanaal</kr:ElectionDomain>',
        locality="Stadskanaal",
    )


def test_a_210_without_the_election_date_is_checked_and_says_what_needs_the_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, findings = _check(capsys, _without_election_date(tmp_path))
    assert code in {0, 1}
    codes = _codes(findings)
    for code_name in ("dates-not-checkable", "age-not-checkable"):
        assert codes[code_name]["severity"] == "warning"
        assert "niet te controleren zonder de verkiezingsdefinitie" in codes[code_name]["message"]
    # What does not need the date is still checked: the names, the BSNs, the list.
    assert "too-young" not in codes
    assert "dates-unknown" not in codes
    capsys.readouterr()
    main(["check", str(_without_election_date(tmp_path)), "--today", TODAY_2026])
    assert "de verkiezingsdatum" in capsys.readouterr().out.splitlines()[1]


def test_documents_of_a_210_without_the_election_date_are_refused_not_dated_by_guess(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _without_election_date(tmp_path)
    out = tmp_path / "stukken"
    capsys.readouterr()
    assert main(["documents", str(path), "--out", str(out)]) == 2
    assert "kr:ElectionDate" in capsys.readouterr().err
    assert not out.exists()


def pdf_text(path: Path) -> str:
    """The text of every page of the PDF at ``path``, as a PDF reader shows it."""
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _stadskanaal_210(tmp_path: Path) -> Path:
    return _210(
        tmp_path,
        identifier="GR2026_Stadskanaal",
        category="GR",
        name="Gemeenteraad Stadskanaal 2026",
        locality="Stadskanaal",
    )


def test_documents_of_a_gr_210_without_its_definition_are_refused_not_printed_with_10(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The H 1 and the checklist state the number of H 4 needed; for a gemeenteraad it
    # depends on the seats (Kieswet H 4 lid 1), which a 210 does not carry.
    out = tmp_path / "stukken"
    capsys.readouterr()
    assert main(["documents", str(_stadskanaal_210(tmp_path)), "--out", str(out)]) == 2
    error = capsys.readouterr().err
    assert "GR2026_Stadskanaal.eml.xml: het bestand noemt het aantal zetels" in error
    assert "--election" in error
    assert not out.exists()


def test_documents_of_a_gr_210_with_its_110a_print_20_declarations_for_23_seats(
    tmp_path: Path, shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Stadskanaal: 23 seats in its 110a; 19 to 38 seats need 20 (Kieswet H 4 lid 1).
    definition = (
        shared_dir
        / "eml_nl"
        / "samples"
        / "GR2026_Stadskanaal"
        / "Verkiezingsdefinitie_GR2026_Stadskanaal.eml.xml"
    )
    out = tmp_path / "stukken"
    arguments = ["documents", str(_stadskanaal_210(tmp_path)), "--out", str(out)]
    code = main([*arguments, "--election", str(definition), "--today", TODAY_2026])
    assert code in {0, 1}, capsys.readouterr().err
    h1 = pdf_text(out / "lijst_1" / "H1.pdf")
    checklist = pdf_text(out / "lijst_1" / "checklist.pdf")
    assert "ten minste 20 ondersteuningsverklaringen" in " ".join(h1.split())
    assert "Ten minste 20 ondersteuningsverklaringen" in " ".join(checklist.split())


def test_documents_of_an_exempt_gr_210_need_no_definition(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # An appellation with seats at the previous election needs no H 4 (Kieswet H 4 lid 8).
    out = tmp_path / "stukken"
    arguments = ["documents", str(_stadskanaal_210(tmp_path)), "--out", str(out)]
    code = main([*arguments, "--previous-seats", "3", "--today", TODAY_2026])
    assert code in {0, 1}, capsys.readouterr().err
    assert not list((out / "lijst_1").glob("H4*.pdf"))
