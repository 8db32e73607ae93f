"""What a centraal stembureau checks on each printed model, read back from the PDF text."""

from __future__ import annotations

from dataclasses import replace

import pytest
from demo_party import (
    DEMO_HASH,
    SPECIAL_NAMES,
    context_for,
    demo_blank_nomination,
    demo_combined_nomination,
    demo_ek_nomination,
    demo_nomination,
    demo_tk_nomination,
)
from pdf_support import flat, page_count, pages_text, text_pieces

from kandidaat.documents import (
    CONCEPT_MARK,
    model_h1,
    model_h3_1,
    model_h3_2,
    model_h4,
    model_h9,
    plan_lists,
)
from kandidaat.documents.text import numeric_date, surname


def _h1_text(nomination, context=None) -> str:
    context = context or context_for(nomination)
    plan = plan_lists(nomination, context)[0]
    return "\n".join(pages_text(model_h1.render_pdf_bytes(nomination, plan, context)))


def test_the_h1_shows_the_appellation_and_every_candidate_in_order_with_the_fields_of_kb_h2():
    nomination = demo_nomination()
    text = _h1_text(nomination)
    assert "Kandidatenlijst" in text
    assert "Gemeentebelangen Demodorp" in text
    lines = text.splitlines()
    previous = -1
    for position, candidate in enumerate(nomination.candidates, start=1):
        index = lines.index(surname(candidate), previous + 1)
        assert lines[index - 1] == str(position)
        assert lines[index + 1] == f"{candidate.initials} ({candidate.first_name})"
        assert lines[index + 2] == numeric_date(candidate.date_of_birth)
        assert lines[index + 3].startswith(candidate.locality)
        previous = index


def test_a_candidate_living_abroad_has_the_country_code_after_the_woonplaats():
    assert "Gent (BE)" in _h1_text(demo_nomination()).splitlines()


def test_a_single_kieskring_election_names_no_kieskring_on_the_h1():
    text = _h1_text(demo_nomination())
    assert "Kieskring(en)\n" not in text
    assert "alle kieskringen" not in text


def test_a_list_for_every_kieskring_says_alle_kieskringen():
    nomination = demo_tk_nomination(kieskringen=2, candidates=3)
    the_list = replace(
        nomination.lists[0], kieskringen=tuple(k.number for k in nomination.election.kieskringen)
    )
    text = _h1_text(replace(nomination, lists=(the_list,)))
    assert "alle kieskringen" in text


def test_a_list_for_some_kieskringen_names_each_by_number_and_name():
    nomination = demo_ek_nomination()
    text = _h1_text(nomination)
    assert "1 Groningen, 2 Fryslân" in text
    assert "alle kieskringen" not in text


def test_the_gender_is_printed_only_when_the_list_publishes_it():
    nomination = demo_tk_nomination(kieskringen=1, candidates=2)
    assert "J.W. (Jan-Willem) (m)" in _h1_text(nomination)
    hidden = replace(nomination, lists=(replace(nomination.lists[0], publish_gender=False),))
    assert "(m)" not in _h1_text(hidden)


def test_names_with_letters_outside_latin_1_are_extracted_intact_from_the_pdf():
    text = _h1_text(demo_nomination()) + _h1_text(demo_combined_nomination())
    for name in SPECIAL_NAMES:
        assert name in text


def test_the_h1_names_the_substitutes_the_submitter_and_has_room_to_sign():
    text = _h1_text(demo_nomination())
    assert "Ramdin, M." in text
    assert "van der Linden, A." in text
    assert "Handtekening inleveraar" in text
    assert "Dorpsstraat 12" in text


def test_the_h1_lists_the_attachments_this_list_needs():
    text = flat(_h1_text(demo_nomination()))
    assert (
        flat("machtiging om de aanduiding boven de kandidatenlijst te plaatsen (model H 3-1)")
        in text
    )
    assert flat("ten minste 10 ondersteuningsverklaringen (model H 4)") in text
    assert flat("14 instemmingsverklaringen van de kandidaten (model H 9)") in text
    assert flat("13 kopieën van een geldig identiteitsbewijs") in text
    assert flat("waarborgsom van € 225,00 (model H 12)") in text
    assert flat("2 verklaringen voorgenomen vestiging") in text


def test_every_page_carries_the_footer_with_the_hash_code_and_page_numbers():
    nomination = demo_nomination()
    context = context_for(nomination)
    plan = plan_lists(nomination, context)[0]
    pages = pages_text(model_h1.render_pdf_bytes(nomination, plan, context))
    assert len(pages) == 2
    for number, text in enumerate(pages, start=1):
        assert f"Hashcode EML 210: {DEMO_HASH}" in text
        assert f"pagina {number} van 2" in text
        assert "Model H 1 Kandidatenlijst, lijst 1" in text
        assert "kandidaat 0.1.0" in text


def test_a_concept_carries_the_mark_on_every_page_and_a_final_version_nowhere():
    nomination = demo_nomination()
    concept = context_for(nomination, concept=("Kandidaat 3 is jonger dan 18.",))
    pages = pages_text(
        model_h1.render_pdf_bytes(nomination, plan_lists(nomination, concept)[0], concept)
    )
    assert all(CONCEPT_MARK in text for text in pages)
    assert CONCEPT_MARK not in _h1_text(nomination)


def test_the_h3_1_authorises_the_submitter_and_lists_the_candidates():
    nomination = demo_nomination()
    context = context_for(nomination)
    text = "\n".join(
        pages_text(
            model_h3_1.render_pdf_bytes(nomination, plan_lists(nomination, context)[0], context)
        )
    )
    assert "Model H 3-1" in text
    assert "K. de Vos" in text
    assert "Vereniging Gemeentebelangen Demodorp" in text
    assert "Wiśniewska" in text
    assert text.count("Handtekening (plaatsvervangend) gemachtigde") == 1


def test_the_h3_2_has_one_signature_block_per_group():
    nomination = demo_combined_nomination()
    context = context_for(nomination)
    data = model_h3_2.render_pdf_bytes(nomination, plan_lists(nomination, context)[0], context)
    text = "\n".join(pages_text(data))
    assert "GROENLINKS-PvdA" in text
    assert text.count("Handtekening (plaatsvervangend) gemachtigde") == 2
    assert "GroenLinks" in text
    assert "Partij van de Arbeid" in text


def test_the_h4_lists_the_candidates_exactly_as_the_h1_does():
    nomination = demo_nomination()
    context = context_for(nomination)
    plan = plan_lists(nomination, context)[0]
    h1 = "\n".join(pages_text(model_h1.render_pdf_bytes(nomination, plan, context)))
    h4 = "\n".join(pages_text(model_h4.render_pdf_bytes(nomination, plan, "1", context)))

    def table_of(text: str) -> str:
        start = text.index("woonplaats\n1\n")
        end = text.index("Bakker\nI. (Ilse)\n09-04-1975\nDemodorp", start)
        return text[start:end]

    assert table_of(h1) == table_of(h4)
    assert "Verklaring van de burgemeester" in h4
    assert "Stempel van de gemeente" in h4


def test_the_eerste_kamer_h4_has_no_mayor_block_and_is_signed_by_a_member():
    nomination = demo_ek_nomination()
    context = context_for(nomination)
    plan = plan_lists(nomination, context)[0]
    assert plan.h4 == (("1", 1), ("2", 1))
    text = "\n".join(pages_text(model_h4.render_pdf_bytes(nomination, plan, "2", context)))
    assert "burgemeester" not in text
    assert "lid van provinciale staten" in text
    assert "Kieskring\n2 Fryslân" in text


def test_the_h9_names_the_candidate_and_asks_the_bsn_and_the_address_for_the_notice():
    nomination = demo_nomination()
    context = context_for(nomination)
    plan = plan_lists(nomination, context)[0]
    person = plan.persons[1]
    data = model_h9.render_pdf_bytes(nomination, plan, person, context)
    assert page_count(data) == 1
    text = pages_text(data)[0]
    assert "Çelik" in text
    assert "A. (Anouk)" in text
    assert "23-11-1988" in text
    assert "Burgerservicenummer (BSN)" in text
    assert "Adres voor de kennisgeving van benoeming" in text
    assert "Lindelaan 2" in text
    assert "Voeg een kopie van een geldig identiteitsbewijs bij" in text


def test_a_candidate_abroad_appoints_a_gemachtigde_on_the_h9():
    nomination = demo_nomination()
    context = context_for(nomination)
    plan = plan_lists(nomination, context)[0]
    text = pages_text(model_h9.render_pdf_bytes(nomination, plan, plan.persons[6], context))[0]
    assert "Gemachtigde voor de kennisgeving van benoeming" in text
    assert "Gent (BE)" in text
    assert "Dorpsstraat 12" in text


def test_a_sitting_member_needs_no_copy_of_an_identity_document():
    nomination = demo_nomination()
    context = context_for(nomination)
    plan = plan_lists(nomination, context)[0]
    text = pages_text(model_h9.render_pdf_bytes(nomination, plan, plan.persons[0], context))[0]
    assert "niet nodig: de kandidaat is lid van het orgaan" in text
    assert "Voeg een kopie" not in text


@pytest.mark.parametrize("factory", [demo_nomination, demo_blank_nomination])
def test_a_name_of_300_characters_wraps_inside_the_page(factory):
    nomination = factory()
    long_name = "Van" + "abcdefghij" * 30
    candidates = (
        replace(nomination.candidates[0], last_name=long_name, prefix=""),
        *nomination.candidates[1:],
    )
    nomination = replace(nomination, candidates=candidates)
    context = context_for(nomination)
    data = model_h1.render_pdf_bytes(nomination, plan_lists(nomination, context)[0], context)
    assert long_name in flat("\n".join(pages_text(data)))
    pieces = [piece for piece in text_pieces(data) if "abcdefghij" in piece.text]
    assert len(pieces) >= 4
    for piece in text_pieces(data):
        assert piece.right <= piece.page_width - 15 * 72 / 25.4, piece


def test_on_bonaire_the_gezaghebber_certifies_the_h4_and_ten_declarations_suffice():
    nomination = demo_tk_nomination(kieskringen=20, candidates=2)
    context = context_for(nomination)
    plan = plan_lists(nomination, context)[19]
    assert plan.h4 == (("20", 10),)
    text = "\n".join(pages_text(model_h4.render_pdf_bytes(nomination, plan, "20", context)))
    assert "Verklaring van de gezaghebber" in text
    assert "burgemeester" not in text
    other = plan_lists(nomination, context)[0]
    text = "\n".join(pages_text(model_h4.render_pdf_bytes(nomination, other, "1", context)))
    assert "Verklaring van de burgemeester" in text
    assert other.h4 == (("1", 30),)
