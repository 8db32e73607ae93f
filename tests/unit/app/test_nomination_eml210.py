"""EML 210: a nomination written as the Kiesraad's files and read back, valid against the XSD."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

import pytest

from kandidaat.app.nomination.eml210 import (
    contest_of,
    nomination_record,
)
from kandidaat.app.nomination.eml_files import (
    export_210,
    export_all_210,
    file_name_210,
    read_210,
    read_210_with_facts,
    read_candidate_data,
)
from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.checks import Gap
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
from kandidaat.eml.canonical import hash_file
from kandidaat.eml.safe_xml import parse_file
from kandidaat.eml.schema import SchemaSet
from kandidaat.eml.write_common import to_canonical
from kandidaat.eml.write_lists import build_nomination

if TYPE_CHECKING:
    from pathlib import Path

CREATED = datetime(2026, 1, 20, 14, 5, 9, 123000, tzinfo=UTC)

DEMODORP = Election(
    body=Body.GR,
    identifier="GR2026_Demodorp",
    name="Gemeenteraad Demodorp 2026",
    election_date=date(2026, 3, 18),
    seats=17,
    kieskringen=(Kieskring("1", "Demodorp"),),
    area_name="Demodorp",
    area_code="9999",
)

GELDERLAND = Election(
    body=Body.PS,
    identifier="PS2027_Gelderland",
    name="Provinciale Staten Gelderland 2027",
    election_date=date(2027, 3, 17),
    seats=55,
    kieskringen=(Kieskring("1", "Arnhem"), Kieskring("2", "Nijmegen"), Kieskring("3", "Zutphen")),
    area_name="Gelderland",
)

CANDIDATES = (
    Candidate(
        key="a",
        initials="A.",
        last_name="Çelik",
        first_name="Ayşe",
        gender=Gender.FEMALE,
        date_of_birth=date(1985, 4, 2),
        locality="Demodorp",
        bsn="123456782",
        correspondence=PostalAddress("Dorpsstraat 1", "9999 AA", "Demodorp"),
    ),
    Candidate(
        key="b",
        initials="M.",
        last_name="Đurić",
        prefix="van der",
        gender=Gender.MALE,
        date_of_birth=date(1990, 12, 31),
        locality="Demodorp",
    ),
    Candidate(
        key="c",
        initials="K.",
        last_name="Ødegård",
        first_name="Kari",
        date_of_birth=date(1979, 6, 15),
        locality="Oslo",
        country_code="NO",
        bsn="111222333",
        agent=Agent(
            initials="J.",
            last_name="Vries",
            prefix="de",
            address=PostalAddress("Kerkplein 3", "9999 AB", "Demodorp"),
        ),
    ),
    Candidate(
        key="d",
        initials="T.H.",
        last_name="Nguyễn",
        first_name="Thu",
        gender=Gender.FEMALE,
        locality="Utrecht",
        correspondence=PostalAddress("Rue 4", "", "Bruxelles", "BE"),
    ),
)

PARTY = Party(
    kind=AppellationKind.REGISTERED,
    appellation="Groen Demodorp",
    submitter=Submitter(
        "P.", "Wiśniewska", address=PostalAddress("Markt 2", "9999 AC", "Demodorp")
    ),
    substitutes=(
        Submitter("Q.", "Jansen", address=PostalAddress("Markt 4", "9999 AC", "Demodorp")),
        Submitter("R.", "Bakker", "de", PostalAddress("Laan 9", "9999 AD", "Demodorp")),
    ),
)


def _nomination(election: Election = DEMODORP, *lists: CandidateList) -> Nomination:
    default = CandidateList(
        key="lijst-1",
        kieskringen=tuple(k.number for k in election.kieskringen),
        candidates=tuple(c.key for c in CANDIDATES),
        publish_gender=True,
    )
    return Nomination(
        election=election, party=PARTY, candidates=CANDIDATES, lists=lists or (default,)
    )


@pytest.fixture(scope="module")
def schemas(shared_dir: Path) -> SchemaSet:
    return SchemaSet(shared_dir / "eml_nl" / "xsd")


def _without_key(candidate: Candidate) -> Candidate:
    return dataclasses.replace(candidate, key="")


def test_a_project_written_as_210_and_read_back_loses_no_field(tmp_path: Path) -> None:
    nomination = _nomination()
    path = tmp_path / "lijst.eml.xml"
    export_210(nomination, nomination.lists[0], path, created=CREATED)
    again = read_210(path, election=DEMODORP)
    assert again.election == nomination.election
    assert again.party == nomination.party
    assert [_without_key(c) for c in again.candidates] == [_without_key(c) for c in CANDIDATES]
    [lst] = again.lists
    assert [again.candidate(k).last_name for k in lst.candidates] == [
        "Çelik",
        "Đurić",
        "Ødegård",
        "Nguyễn",
    ]
    assert lst.kieskringen == ("1",)
    assert lst.publish_gender is True
    assert lst.language == "nl"


def test_reading_a_210_into_its_own_project_gives_the_project_back(tmp_path: Path) -> None:
    settled = dataclasses.replace(
        CANDIDATES[3], settlement_areas=("Demodorp",), lives_in_area=False
    )
    nomination = dataclasses.replace(_nomination(), candidates=(*CANDIDATES[:3], settled))
    groups = (StatutoryParty("Vereniging Groen Demodorp", "E. Eerst", previous_seats=3),)
    nomination = dataclasses.replace(
        nomination, party=dataclasses.replace(PARTY, groups=groups, previous_seats=3)
    )
    path = tmp_path / "lijst.eml.xml"
    export_210(nomination, nomination.lists[0], path, created=CREATED)
    assert read_210(path, base=nomination) == nomination


def test_every_210_we_write_is_valid_against_the_official_xsd(
    tmp_path: Path, schemas: SchemaSet
) -> None:
    blank = dataclasses.replace(
        _nomination(), party=dataclasses.replace(PARTY, kind=AppellationKind.BLANK, appellation="")
    )
    lists = (
        CandidateList("noord", ("1", "3"), ("a", "b"), language="fy"),
        CandidateList("zuid", ("2",), ("c", "d")),
    )
    cases = [_nomination(), blank, _nomination(GELDERLAND, *lists)]
    for number, nomination in enumerate(cases):
        for exported in export_all_210(nomination, tmp_path / str(number), created=CREATED):
            tree = parse_file(exported.path)
            assert schemas.validate(tree, "210") == [], exported.path.name


def test_the_hash_code_returned_is_the_one_every_tool_computes_from_the_file(
    tmp_path: Path,
) -> None:
    nomination = _nomination()
    path = tmp_path / "lijst.eml.xml"
    code = export_210(nomination, nomination.lists[0], path, created=CREATED)
    report = hash_file(path)
    assert report.is_canonical
    assert code == report.form_hash == report.file_hash
    assert len(code.split(" ")) == 16


def test_the_same_project_at_the_same_moment_gives_the_same_file_and_hash(tmp_path: Path) -> None:
    nomination = _nomination()
    first = export_210(nomination, nomination.lists[0], tmp_path / "a.xml", created=CREATED)
    second = export_210(nomination, nomination.lists[0], tmp_path / "b.xml", created=CREATED)
    assert first == second
    assert (tmp_path / "a.xml").read_bytes() == (tmp_path / "b.xml").read_bytes()


def test_an_election_with_one_kieskring_uses_contest_geen_without_a_contest_list() -> None:
    nomination = _nomination()
    record = nomination_record(nomination, nomination.lists[0], created=CREATED)
    assert record.contest_id == "geen"
    assert record.contest_name == "Demodorp"
    assert record.affiliation.contests == ()
    assert record.election.subcategory == "GR1"
    assert record.election.nomination_date == "2026-02-02"
    assert record.affiliation.list_type == "op zichzelf staande lijst"


def test_a_list_for_every_kieskring_uses_contest_alle_and_names_them_all() -> None:
    nomination = _nomination(GELDERLAND)
    assert contest_of(GELDERLAND, nomination.lists[0]) == (
        "alle",
        "alle kieskringen",
        ("1", "2", "3"),
    )


def test_a_list_for_some_kieskringen_uses_the_first_and_lists_the_full_set(
    tmp_path: Path,
) -> None:
    partial = CandidateList("oost", ("3", "2"), ("a", "b"))
    nomination = _nomination(GELDERLAND, partial)
    record = nomination_record(nomination, partial, created=CREATED)
    assert (record.contest_id, record.contest_name) == ("2", "Nijmegen")
    assert record.affiliation.contests == ("2", "3")
    # One list for two kieskringen is a stel gelijkluidende lijsten (Kieswet H 11).
    assert record.affiliation.list_type == "stel gelijkluidende lijsten"
    assert record.affiliation.belongs_to_set == "1"
    path = tmp_path / "oost.eml.xml"
    export_210(nomination, partial, path, created=CREATED)
    assert read_210(path, election=GELDERLAND).lists[0].kieskringen == ("2", "3")


def test_the_inleveraar_and_numbered_vervangers_are_the_proposers() -> None:
    nomination = _nomination()
    record = nomination_record(nomination, nomination.lists[0], created=CREATED)
    assert [(p.role, p.last_name, p.identifier) for p in record.proposers] == [
        ("inleveraar", "Wiśniewska", None),
        ("plaatsvervanger van de inleveraar", "Jansen", "1"),
        ("plaatsvervanger van de inleveraar", "Bakker", "2"),
    ]


def test_a_candidate_abroad_gets_an_h10_agent_and_a_country_code() -> None:
    nomination = _nomination()
    record = nomination_record(nomination, nomination.lists[0], created=CREATED)
    abroad = record.affiliation.candidates[2]
    assert abroad.country_code == "NO"
    assert abroad.agent is not None
    assert abroad.agent.role == "H10"
    assert abroad.agent.living_locality == "Demodorp"
    assert abroad.national_id == "111222333"
    assert record.affiliation.candidates[0].national_id == "123456782"
    assert record.affiliation.candidates[1].gender == "male"
    assert record.affiliation.candidates[2].gender == "unknown"


def test_without_a_vervanger_no_210_is_written_and_the_message_says_why(tmp_path: Path) -> None:
    nomination = dataclasses.replace(
        _nomination(), party=dataclasses.replace(PARTY, substitutes=())
    )
    with pytest.raises(InputError, match=r"vervanger.*Kieswet art\. H 5"):
        export_all_210(nomination, tmp_path / "uit", created=CREATED)
    assert not (tmp_path / "uit").exists()


def test_a_list_naming_a_kieskring_the_election_lacks_is_refused_in_dutch() -> None:
    wrong = CandidateList("x", ("7",), ("a",))
    with pytest.raises(InputError, match="kieskring 7 bestaat niet bij Provinciale Staten"):
        nomination_record(_nomination(GELDERLAND, wrong), wrong, created=CREATED)


def test_a_210_of_another_election_is_refused(tmp_path: Path) -> None:
    nomination = _nomination()
    path = tmp_path / "lijst.eml.xml"
    export_210(nomination, nomination.lists[0], path, created=CREATED)
    with pytest.raises(InputError, match="hoort bij verkiezing GR2026_Demodorp"):
        read_210(path, election=GELDERLAND)


def test_a_210_read_without_a_definition_still_knows_election_and_candidates(
    tmp_path: Path,
) -> None:
    nomination = _nomination()
    path = tmp_path / "lijst.eml.xml"
    export_210(nomination, nomination.lists[0], path, created=CREATED)
    again = read_210(path)
    assert again.election.identifier == "GR2026_Demodorp"
    assert again.election.area_code == "9999"
    assert again.election.nomination_date == date(2026, 2, 2)
    assert len(again.candidates) == 4


def test_a_broken_candidate_in_a_210_is_named_with_its_position(tmp_path: Path) -> None:
    nomination = _nomination()
    record = nomination_record(nomination, nomination.lists[0], created=CREATED)
    broken = dataclasses.replace(record.affiliation.candidates[1], date_of_birth="1990-13-45")
    candidates = (record.affiliation.candidates[0], broken)
    record = dataclasses.replace(
        record, affiliation=dataclasses.replace(record.affiliation, candidates=candidates)
    )
    path = tmp_path / "kapot.eml.xml"
    path.write_bytes(to_canonical(build_nomination(record)))
    with pytest.raises(InputError, match=r"kapot\.eml\.xml, kandidaat 2 \(M\. van der Đurić\)"):
        read_210(path)


def test_a_file_that_is_no_210_is_refused_by_name(shared_dir: Path) -> None:
    path = (
        shared_dir
        / "eml_nl"
        / "samples"
        / "GR2022_WestMaasenWaal"
        / "Telling_GR2022_WestMaasenWaal.eml.xml"
    )
    with pytest.raises(InputError, match="geen EML 210"):
        read_210(path)
    with pytest.raises(InputError, match="bevat geen kandidatenlijsten"):
        read_candidate_data(path)


def test_the_real_tk2025_candidate_lists_import_as_candidate_data(shared_dir: Path) -> None:
    path = (
        shared_dir / "eml_nl" / "samples" / "TK2025" / "Kandidatenlijsten_TK2025_Nijmegen.eml.xml"
    )
    nominations = read_candidate_data(path)
    assert len(nominations) == 24
    assert sum(len(n.candidates) for n in nominations) == 1085
    first = nominations[0]
    assert first.party.appellation == "PVV (Partij voor de Vrijheid)"
    assert first.election.identifier == "TK2025"
    # The built-in TK2025 supplies what a 230b lacks: seats and all 20 kieskringen.
    assert first.election.seats == 150
    assert len(first.election.kieskringen) == 20
    assert first.lists[0].kieskringen == ("6",)
    abroad = [c for n in nominations for c in n.candidates if c.lives_abroad]
    assert len(abroad) == 13
    assert all(c.locality for c in abroad)
    with_prefix = [c for n in nominations for c in n.candidates if c.prefix]
    assert len(with_prefix) == 261


def test_the_real_gr2022_candidate_lists_import_with_their_appellations(shared_dir: Path) -> None:
    folder = shared_dir / "eml_nl" / "samples" / "GR2022_WestMaasenWaal"
    nominations = read_candidate_data(folder / "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml")
    assert len(nominations) == 8
    assert sum(len(n.candidates) for n in nominations) == 251
    assert nominations[0].party.appellation == "FD Partij Beneden-Leeuwen"
    assert nominations[0].election.area_name == "West Maas en Waal"
    rob = nominations[0].candidates[0]
    assert (rob.initials, rob.first_name, rob.last_name, rob.gender) == (
        "R.A.N.",
        "Rob",
        "Reuvers",
        Gender.MALE,
    )
    assert rob.locality == "Beneden-Leeuwen"


FOREIGN_210 = """<?xml version="1.0" encoding="UTF-8"?>
<EML xmlns="urn:oasis:names:tc:evs:schema:eml" xmlns:kr="http://www.kiesraad.nl/extensions"
     xmlns:xal="urn:oasis:names:tc:ciq:xsdschema:xAL:2.0"
     xmlns:xnl="urn:oasis:names:tc:ciq:xsdschema:xNL:2.0"
     xmlns:rg="http://www.kiesraad.nl/reportgenerator" Id="210" SchemaVersion="5">
  <TransactionId>42</TransactionId>
  <ManagingAuthority>
    <AuthorityIdentifier Id="0000">De politieke partij</AuthorityIdentifier>
    <AuthorityAddress/>
    <kr:CreatedByAuthority Id="0000">De politieke partij</kr:CreatedByAuthority>
  </ManagingAuthority>
  <IssueDate>2027-01-20</IssueDate>
  <kr:CreationDateTime>2027-01-20T10:11:12.000</kr:CreationDateTime>
  <Nomination>
    <ElectionIdentifier Id="PS2027_Gelderland">
      <ElectionName>Provinciale Staten Gelderland 2027</ElectionName>
      <ElectionCategory>PS</ElectionCategory>
      <kr:ElectionSubcategory>PS2</kr:ElectionSubcategory>
      <kr:ElectionDomain>Gelderland</kr:ElectionDomain>
      <kr:ElectionDate>2027-03-17</kr:ElectionDate>
      <kr:NominationDate>2027-02-01</kr:NominationDate>
    </ElectionIdentifier>
    <ContestIdentifier Id="2"><ContestName>Nijmegen</ContestName></ContestIdentifier>
    <Affiliation>
      <AffiliationIdentifier><RegisteredName>Partij Waal</RegisteredName></AffiliationIdentifier>
      <Type>op zichzelf staande lijst</Type>
      <rg:RG210 NominationMode="paper"/>
      <kr:ListData PublishGender="true" PublicationLanguage="nl">
        <kr:Contests><kr:Contest Id="2"/></kr:Contests>
      </kr:ListData>
      <Candidate>
        <CandidateIdentifier Id="1"/>
        <CandidateFullName><xnl:PersonName>
          <xnl:NameLine NameType="Initials">W.</xnl:NameLine>
          <xnl:FirstName>Wim</xnl:FirstName>
          <xnl:NamePrefix>van de</xnl:NamePrefix>
          <xnl:LastName>Waal</xnl:LastName>
        </xnl:PersonName></CandidateFullName>
        <DateOfBirth>1970-05-06</DateOfBirth>
        <Gender>male</Gender>
        <QualifyingAddress><xal:Locality><xal:LocalityName>Nijmegen</xal:LocalityName></xal:Locality></QualifyingAddress>
        <Contact><MailingAddress><xal:Locality>
          <xal:AddressLine>Waalkade 1</xal:AddressLine>
          <xal:LocalityName>Nijmegen</xal:LocalityName>
          <xal:PostalCode><xal:PostalCodeNumber>6511 XR</xal:PostalCodeNumber></xal:PostalCode>
        </xal:Locality></MailingAddress></Contact>
        <kr:NationalIdentificationNumber>999990007</kr:NationalIdentificationNumber>
      </Candidate>
      <Candidate>
        <CandidateIdentifier Id="2"/>
        <CandidateFullName><xnl:PersonName>
          <xnl:NameLine NameType="Initials">S.</xnl:NameLine>
          <xnl:LastName>Smit</xnl:LastName>
        </xnl:PersonName></CandidateFullName>
        <Gender>female</Gender>
        <QualifyingAddress><xal:Country><xal:CountryNameCode>BQ</xal:CountryNameCode>
          <xal:Locality><xal:LocalityName>Kralendijk</xal:LocalityName></xal:Locality>
        </xal:Country></QualifyingAddress>
        <Agent Role="H10">
          <AgentIdentifier><AgentName><xnl:PersonName>
            <xnl:NameLine NameType="Initials">G.</xnl:NameLine>
            <xnl:LastName>Gemachtigd</xnl:LastName>
          </xnl:PersonName></AgentName></AgentIdentifier>
          <kr:LivingAddress><kr:LocalityName>Arnhem</kr:LocalityName></kr:LivingAddress>
        </Agent>
        <kr:DateOfBirthAnnex>XX-05-1976</kr:DateOfBirthAnnex>
      </Candidate>
    </Affiliation>
    <Nominate>
      <Proposer>
        <Name><xnl:PersonName><xnl:NameLine NameType="Initials">I.</xnl:NameLine>
          <xnl:LastName>Inleveraar</xnl:LastName></xnl:PersonName></Name>
        <Contact><MailingAddress><xal:Locality><xal:LocalityName>Nijmegen</xal:LocalityName>
        </xal:Locality></MailingAddress></Contact>
        <JobTitle>inleveraar</JobTitle>
        <kr:LivingAddress><kr:LocalityName>Nijmegen</kr:LocalityName></kr:LivingAddress>
      </Proposer>
      <Proposer>
        <Name><xnl:PersonName><xnl:NameLine NameType="Initials">V.</xnl:NameLine>
          <xnl:LastName>Vervanger</xnl:LastName></xnl:PersonName></Name>
        <Contact><MailingAddress><xal:Locality><xal:LocalityName>Arnhem</xal:LocalityName>
        </xal:Locality></MailingAddress></Contact>
        <JobTitle>plaatsvervanger van de inleveraar</JobTitle>
        <Id>1</Id>
      </Proposer>
    </Nominate>
  </Nomination>
</EML>
"""


def test_a_210_in_the_style_of_osv2020_and_e_ks_reads_into_a_nomination(tmp_path: Path) -> None:
    path = tmp_path / "eks.eml.xml"
    path.write_text(FOREIGN_210, encoding="utf-8")
    nomination = read_210(path, election=GELDERLAND)
    assert nomination.party.appellation == "Partij Waal"
    assert nomination.party.submitter is not None
    assert nomination.party.submitter.last_name == "Inleveraar"
    assert [s.last_name for s in nomination.party.substitutes] == ["Vervanger"]
    [lst] = nomination.lists
    assert lst.kieskringen == ("2",)
    wim, saskia = nomination.candidates_of(lst)
    assert (wim.prefix, wim.first_name, wim.bsn) == ("van de", "Wim", "999990007")
    assert wim.correspondence == PostalAddress("Waalkade 1", "6511 XR", "Nijmegen")
    assert (saskia.country_code, saskia.locality) == ("BQ", "Kralendijk")
    assert saskia.date_of_birth is None  # only XX-05-1976 is known
    assert saskia.agent is not None
    assert (saskia.agent.last_name, saskia.agent.address.locality) == ("Gemachtigd", "Arnhem")


def test_the_osv2020_style_210_keeps_its_partial_date_of_birth(tmp_path: Path) -> None:
    path = tmp_path / "osv.eml.xml"
    path.write_text(FOREIGN_210, encoding="utf-8")
    read = read_210_with_facts(path)
    saskia = read.nomination.candidates[1]
    partial = read.facts.partial_births[saskia.key]
    assert (partial.text, partial.year, partial.month) == ("XX-05-1976", 1976, 5)
    # PS2027_Gelderland is built in: the seats and kieskring names are known; only the
    # paper-only facts are missing from a bare 210 (ADR 0024).
    assert read.facts.gaps == frozenset({Gap.PAPER})


def test_a_210_of_an_unknown_election_marks_seats_and_names_unknown(tmp_path: Path) -> None:
    text = FOREIGN_210.replace("PS2027_Gelderland", "PS2031_Gelderland")
    path = tmp_path / "ps2031.eml.xml"
    path.write_text(text, encoding="utf-8")
    read = read_210_with_facts(path)
    assert read.nomination.election.seats == 0
    assert {Gap.SEATS, Gap.KIESKRINGEN, Gap.PAPER} <= read.facts.gaps


def test_reading_a_210_into_a_project_has_no_gaps_and_still_refuses_unknown_kieskringen(
    tmp_path: Path,
) -> None:
    text = FOREIGN_210.replace('<kr:Contest Id="2"/>', '<kr:Contest Id="2"/><kr:Contest Id="7"/>')
    path = tmp_path / "zeven.eml.xml"
    path.write_text(text, encoding="utf-8")
    base = Nomination(GELDERLAND, Party(AppellationKind.REGISTERED, "Partij Waal"))
    with pytest.raises(InputError, match="kieskring 7 bestaat niet"):
        read_210(path, base=base)
    assert read_210_with_facts(path).nomination.lists[0].kieskringen == ("2", "7")


@pytest.mark.parametrize("appellation", ["A" * 200, "Ω/" * 50_000, "../" * 40])
def test_a_long_or_strange_appellation_gives_a_short_file_name_that_is_still_unique(
    appellation: str,
) -> None:
    # Older projects and 210s of other tools may carry appellations the input now refuses;
    # the file name must still fit every file system (255 bytes) and never leave its folder.
    nomination = dataclasses.replace(
        _nomination(), party=dataclasses.replace(PARTY, appellation=appellation)
    )
    other = dataclasses.replace(
        _nomination(), party=dataclasses.replace(PARTY, appellation=appellation + "B")
    )
    name = file_name_210(nomination, nomination.lists[0])
    assert len(name.encode("utf-8")) < 200
    assert "/" not in name
    assert not name.startswith(".")
    assert name != file_name_210(other, other.lists[0])
