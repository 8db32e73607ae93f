"""Real candidate lists (TK 2025, kieskring Nijmegen, EML 230b) printed as H 1, H 3-2 and H 4.

The 230b carries what the Kiesraad published: names, initials, roepnamen,
woonplaatsen, no dates of birth. So the documents print the names exactly and
are a concept: the date of birth of every candidate is missing.
"""

from __future__ import annotations

from datetime import date

import pytest
from demo_party import context_for
from pdf_support import flat, pages_text, text_pieces

from kandidaat.documents import CONCEPT_MARK, model_h1, model_h3_2, model_h4, plan_lists
from kandidaat.documents.render import effective_context
from kandidaat.domain.nomination.elections import tweede_kamer_election
from kandidaat.domain.nomination.model import (
    AppellationKind,
    Candidate,
    CandidateList,
    Gender,
    Nomination,
    Party,
    StatutoryParty,
)
from kandidaat.eml.documents import read_path

SAMPLE = "eml_nl/samples/TK2025/Kandidatenlijsten_TK2025_Nijmegen.eml.xml"
NIJMEGEN = "6"


def _nomination(shared_dir, list_number: int, kind: AppellationKind) -> Nomination:
    record = read_path(shared_dir / SAMPLE)
    affiliation = next(a for a in record.affiliations if a.number == list_number)
    candidates = tuple(
        Candidate(
            key=f"k{c.position}",
            initials=c.initials,
            last_name=c.last_name,
            prefix=c.prefix or "",
            first_name=c.first_name or "",
            gender={"male": Gender.MALE, "female": Gender.FEMALE}.get(c.gender or ""),
            locality=c.locality or "",
            country_code=c.country_code or "NL",
        )
        for c in affiliation.candidates
    )
    groups = tuple(StatutoryParty(part.strip(), "") for part in affiliation.name.split("/"))
    party = Party(kind=kind, appellation=affiliation.name, groups=groups)
    the_list = CandidateList("L", (NIJMEGEN,), tuple(c.key for c in candidates))
    return Nomination(tweede_kamer_election(date(2025, 10, 29)), party, candidates, (the_list,))


@pytest.fixture(scope="module")
def pvv(shared_dir):
    return _nomination(shared_dir, 1, AppellationKind.REGISTERED)


def test_a_real_list_of_80_candidates_is_printed_in_order_with_every_name_intact(pvv):
    context = effective_context(pvv, context_for(pvv))
    plan = plan_lists(pvv, context)[0]
    data = model_h1.render_pdf_bytes(pvv, plan, context)
    pages = pages_text(data)
    text = "\n".join(pages)
    assert "PVV (Partij voor de Vrijheid)" in text
    assert "Kieskring(en)\n6 Nijmegen" in text
    lines = text.splitlines()
    previous = -1
    for position, candidate in enumerate(pvv.candidates, start=1):
        name = f"{candidate.prefix} {candidate.last_name}".strip()
        index = lines.index(name, previous + 1)
        assert lines[index - 1] == str(position)
        assert lines[index + 1].startswith(candidate.initials)
        previous = index
    assert len(pvv.candidates) == 80
    for piece in text_pieces(data):
        assert piece.right <= piece.page_width - 15 * 72 / 25.4


def test_a_real_list_without_dates_of_birth_is_a_concept_on_every_page(pvv):
    context = effective_context(pvv, context_for(pvv))
    assert "Lijst 1, kandidaat 1 (Wilders): geboortedatum ontbreekt." in context.concept_reasons
    assert len(context.concept_reasons) == 80
    pages = pages_text(model_h1.render_pdf_bytes(pvv, plan_lists(pvv, context)[0], context))
    assert all(CONCEPT_MARK in page for page in pages)


def _table_rows(data: bytes, candidates: tuple[Candidate, ...]) -> list[str]:
    """The lines of the candidate table, without the footers and repeated table heads."""
    lines = "\n".join(pages_text(data)).splitlines()
    start = lines.index(candidates[0].last_name) - 1
    end = lines.index(f"{candidates[-1].prefix} {candidates[-1].last_name}".strip()) + 3
    head = {"nr.", "naam", "voorletters", "(roepnaam)", "voorletters (roepnaam)", "geboortedatum"}
    head |= {"woonplaats", "kandidaat 0.1.0"}
    return [
        line
        for line in lines[start:end]
        if line.strip()
        and line not in head
        and not line.startswith(("Model H", "Hashcode", "pagina"))
    ]


def test_the_h4_of_a_real_list_repeats_the_h1_table_and_the_kieskring(pvv):
    context = context_for(pvv)
    plan = plan_lists(pvv, context)[0]
    h1 = model_h1.render_pdf_bytes(pvv, plan, context)
    h4 = model_h4.render_pdf_bytes(pvv, plan, NIJMEGEN, context)
    rows = _table_rows(h1, pvv.candidates)
    assert rows == _table_rows(h4, pvv.candidates)
    assert rows[:4] == ["1", "Wilders", "G. (Geert)", "'s-Gravenhage"]
    assert len(rows) == 4 * 80
    assert flat("kiezer in kieskring 6 Nijmegen") in flat("\n".join(pages_text(h4)))


def test_a_real_combined_appellation_gets_one_signature_block_per_group(shared_dir):
    nomination = _nomination(shared_dir, 2, AppellationKind.COMBINED)
    context = context_for(nomination)
    data = model_h3_2.render_pdf_bytes(nomination, plan_lists(nomination, context)[0], context)
    text = "\n".join(pages_text(data))
    assert "GROENLINKS / Partij van de Arbeid (PvdA)" in text
    assert text.count("Handtekening (plaatsvervangend) gemachtigde") == 2
    assert "Timmermans" in text
