"""A date of birth known only in part (kr:DateOfBirthAnnex) survives the project.

The BRP records some people born abroad with the day (or day and month)
unknown; an EML 210 carries that as ``XX-05-1976`` (kiesraad-eml-extensions.xsd,
ADR 0026). Imported into a project, the candidate must keep it: the check must
not report a missing date, the exported 210 must carry it again, and the H 9
must print it, instead of the "no date" the project used to store.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from lxml import etree
from pypdf import PdfReader

from kandidaat.app.cli import main
from kandidaat.app.editing.fields import candidate_text, with_candidate_text
from kandidaat.domain.nomination.model import Candidate
from kandidaat.store.project import ProjectFile

if TYPE_CHECKING:
    from pathlib import Path

KR = "{http://www.kiesraad.nl/extensions}"
PS_210 = """<?xml version="1.0" encoding="UTF-8"?>
<EML xmlns="urn:oasis:names:tc:evs:schema:eml" xmlns:kr="http://www.kiesraad.nl/extensions"
     xmlns:xal="urn:oasis:names:tc:ciq:xsdschema:xAL:2.0"
     xmlns:xnl="urn:oasis:names:tc:ciq:xsdschema:xNL:2.0" Id="210" SchemaVersion="5">
  <TransactionId>1</TransactionId>
  <IssueDate>2026-12-01</IssueDate>
  <Nomination>
    <ElectionIdentifier Id="PS2027_Groningen">
      <ElectionName>Provinciale Staten Groningen 2027</ElectionName>
      <ElectionCategory>PS</ElectionCategory>
      <kr:ElectionDate>2027-03-17</kr:ElectionDate>
      <kr:NominationDate>2027-02-01</kr:NominationDate>
    </ElectionIdentifier>
    <ContestIdentifier Id="geen"/>
    <Affiliation>
      <AffiliationIdentifier><RegisteredName>Partij Noord</RegisteredName></AffiliationIdentifier>
      <Type>op zichzelf staande lijst</Type>
      <Candidate>
        <CandidateIdentifier Id="1"/>
        <CandidateFullName><xnl:PersonName>
          <xnl:NameLine NameType="Initials">A.</xnl:NameLine>
          <xnl:LastName>Haddou</xnl:LastName>
        </xnl:PersonName></CandidateFullName>
        <kr:DateOfBirthAnnex>XX-05-1976</kr:DateOfBirthAnnex>
        <QualifyingAddress><xal:Locality><xal:LocalityName>Groningen</xal:LocalityName>
        </xal:Locality></QualifyingAddress>
        <kr:NationalIdentificationNumber>111222333</kr:NationalIdentificationNumber>
      </Candidate>
    </Affiliation>
    <Nominate>
      <Proposer>
        <Name><xnl:PersonName><xnl:NameLine NameType="Initials">I.</xnl:NameLine>
          <xnl:LastName>Inleveraar</xnl:LastName></xnl:PersonName></Name>
        <Contact><MailingAddress><xal:Locality><xal:AddressLine>Grote Markt 1</xal:AddressLine>
          <xal:LocalityName>Groningen</xal:LocalityName>
          <xal:PostalCode><xal:PostalCodeNumber>9711 LV</xal:PostalCodeNumber></xal:PostalCode>
        </xal:Locality></MailingAddress></Contact>
        <JobTitle>inleveraar</JobTitle>
      </Proposer>
      <Proposer>
        <Name><xnl:PersonName><xnl:NameLine NameType="Initials">V.</xnl:NameLine>
          <xnl:LastName>Vervanger</xnl:LastName></xnl:PersonName></Name>
        <Contact><MailingAddress><xal:Locality><xal:AddressLine>Grote Markt 2</xal:AddressLine>
          <xal:LocalityName>Groningen</xal:LocalityName>
          <xal:PostalCode><xal:PostalCodeNumber>9711 LV</xal:PostalCodeNumber></xal:PostalCode>
        </xal:Locality></MailingAddress></Contact>
        <JobTitle>plaatsvervanger van de inleveraar</JobTitle>
        <Id>1</Id>
      </Proposer>
    </Nominate>
  </Nomination>
</EML>
"""
TODAY = "2027-01-05"
"""Before the nomination day of PS2027 (1 February 2027)."""


@pytest.fixture
def project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A PS Groningen project with the 210 above imported as a list."""
    path = tmp_path / "noord.kandidaat"
    assert main(["new", str(path), "--election", "PS2027_Groningen", "--aanduiding", "Noord"]) == 0
    eml = tmp_path / "lijst.eml.xml"
    eml.write_text(PS_210, encoding="utf-8")
    assert main(["list", "import", str(path), str(eml)]) == 0, capsys.readouterr().err
    capsys.readouterr()
    return path


def _haddou(path: Path) -> Candidate:
    with ProjectFile.open(path) as opened:
        (found,) = [c for c in opened.load().candidates if c.last_name == "Haddou"]
    return found


def test_an_imported_partial_date_of_birth_is_kept_in_the_project(project: Path) -> None:
    candidate = _haddou(project)
    assert candidate.date_of_birth is None
    assert candidate.date_of_birth_annex == "XX-05-1976"


def test_the_check_of_the_project_does_not_call_the_partial_date_missing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", str(project), "--json", "--today", TODAY])
    findings = json.loads(capsys.readouterr().out)
    missing = [
        f
        for f in findings
        if f["code"] == "candidate-data-missing" and f["field"] == "date_of_birth"
    ]
    assert missing == []
    partial = [f for f in findings if f["code"] == "date-of-birth-partial"]
    assert partial
    assert "mei 1976" in partial[0]["message"]


def test_the_exported_210_carries_the_partial_date_again_valid_against_the_xsd(
    project: Path, tmp_path: Path, shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "eml"
    assert main(["export210", str(project), "--out", str(out), "--today", TODAY]) in {0, 1}
    capsys.readouterr()
    (written,) = out.glob("*.eml.xml")
    tree = etree.parse(str(written))
    assert [node.text for node in tree.iter(f"{KR}DateOfBirthAnnex")] == ["XX-05-1976"]
    xsd = shared_dir / "eml_nl" / "xsd"
    assert main(["eml", "check", "--xsd", str(xsd), str(written)]) == 0
    assert "in orde" in capsys.readouterr().out


def test_the_h9_prints_the_partial_date_as_the_brp_writes_it(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "stukken"
    assert main(["documents", str(project), "--out", str(out), "--today", TODAY]) in {0, 1}
    capsys.readouterr()
    (h9,) = (out / "lijst_1").glob("H9_*Haddou*.pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(h9).pages)
    assert "XX-05-1976" in text


def test_typing_a_partial_date_keeps_it_and_a_full_date_replaces_it() -> None:
    candidate = Candidate(key="k1", initials="A.", last_name="Haddou")
    partial = with_candidate_text(candidate, "date_of_birth", "xx-xx-1964")
    assert partial.date_of_birth is None
    assert partial.date_of_birth_annex == "XX-XX-1964"
    assert candidate_text(partial, "date_of_birth") == "XX-XX-1964"
    full = with_candidate_text(partial, "date_of_birth", "07-03-1964")
    assert full.date_of_birth_annex == ""
    assert candidate_text(full, "date_of_birth") == "07-03-1964"
