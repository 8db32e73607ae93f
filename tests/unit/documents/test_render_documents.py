"""render_documents: the folder a party prints from, written whole or not at all."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import pytest
from demo_party import (
    context_for,
    demo_blank_nomination,
    demo_combined_nomination,
    demo_ep_nomination,
    demo_nomination,
    demo_tk_nomination,
)
from pdf_support import flat, page_count, pages_text
from pypdf import PdfReader

from kandidaat.documents import COMBINED_NAME, CONCEPT_MARK, fonts, model_h9, render_documents
from kandidaat.domain.errors import InputError

if TYPE_CHECKING:
    from pathlib import Path


def _names(out: Path) -> set[str]:
    return {str(path.relative_to(out)) for path in out.rglob("*.pdf")}


@pytest.fixture(scope="module")
def demo_set(tmp_path_factory):
    """The demo party's documents, written once for the tests that only read them."""
    out = tmp_path_factory.mktemp("demo") / "documenten"
    return render_documents(demo_nomination(), context_for(demo_nomination()), out)


def test_the_demo_party_gets_one_folder_with_every_document_and_a_print_file(demo_set):
    out = demo_set.out_dir
    result = demo_set
    names = _names(out)
    assert {
        "lijst_1/H1.pdf",
        "lijst_1/H3-1.pdf",
        "lijst_1/H4_1.pdf",
        "lijst_1/checklist.pdf",
    } <= names
    assert COMBINED_NAME in names
    assert len([n for n in names if n.startswith("lijst_1/H9_")]) == 14
    assert "lijst_1/H9_2_Celik.pdf" in names
    assert {n for n in names if "vestiging" in n} == {
        "lijst_1/vestiging_3_Berg.pdf",
        "lijst_1/vestiging_7_Brouwer.pdf",
    }
    assert not [n for n in names if n.startswith(("lijst_1/Y13", "lijst_1/Y35"))]
    assert result.combined_pages == sum(f.pages for f in result.files)
    assert page_count((out / COMBINED_NAME).read_bytes()) == result.combined_pages
    for item in result.files:
        assert page_count(item.path.read_bytes()) == item.pages
    assert {item.pages for item in result.of_model("H 9")} == {1}
    assert result.concept_reasons == ()


def test_the_print_file_numbers_the_pages_of_each_document_on_its_own(demo_set):
    pages = pages_text(demo_set.combined.read_bytes())
    assert "Model H 1 Kandidatenlijst, lijst 1" in pages[0]
    assert "pagina 1 van 2" in pages[0]
    assert "pagina 2 van 2" in pages[1]
    assert "Model H 3-1" in pages[2]
    assert "pagina 1 van 1" in pages[2]
    assert sum("Model H 9 Instemmingsverklaring" in text for text in pages) == 14


def test_an_exempt_party_gets_no_h4_and_pays_no_deposit(tmp_path):
    nomination = demo_combined_nomination()
    out = tmp_path / "documenten"
    render_documents(nomination, context_for(nomination), out)
    names = _names(out)
    assert not [n for n in names if "/H4_" in n]
    assert "lijst_1/H3-2.pdf" in names
    checklist = "\n".join(pages_text((out / "lijst_1" / "checklist.pdf").read_bytes()))
    assert "Geen ondersteuningsverklaringen nodig (vrijgesteld)." in checklist
    assert "waarborgsom" not in checklist.lower()


def test_a_blank_list_has_no_authorisation_but_needs_support_and_a_deposit(tmp_path):
    nomination = demo_blank_nomination()
    out = tmp_path / "documenten"
    render_documents(nomination, context_for(nomination), out)
    names = _names(out)
    assert not [n for n in names if "/H3" in n]
    assert "lijst_1/H4_1.pdf" in names
    h1 = "\n".join(pages_text((out / "lijst_1" / "H1.pdf").read_bytes()))
    assert "geen aanduiding (blanco lijst)" in h1
    assert "€ 225,00" in h1


def test_a_european_list_adds_y13_for_everyone_and_y35_for_a_national_of_another_state(tmp_path):
    nomination = demo_ep_nomination()
    out = tmp_path / "documenten"
    render_documents(nomination, context_for(nomination), out)
    names = _names(out)
    assert {n for n in names if "/Y13_" in n} == {
        "lijst_1/Y13_1_Graaf.pdf",
        "lijst_1/Y13_2_Celik.pdf",
        "lijst_1/Y13_3_Berg.pdf",
    }
    assert {n for n in names if "/Y35_" in n} == {"lijst_1/Y35_2_Celik.pdf"}
    assert not [n for n in names if "vestiging" in n]
    y13 = flat(pages_text((out / "lijst_1" / "Y13_2_Celik.pdf").read_bytes())[0])
    assert flat("niet ook in een andere lidstaat van de Europese Unie kandidaat stelt") in y13
    assert flat("NaamÇelik") in y13
    y35 = pages_text((out / "lijst_1" / "Y35_2_Celik.pdf").read_bytes())[0]
    assert "Rue Neuve 8, 4000 Luik, België" in y35
    assert "Luik" in y35
    assert "BE" in y35.splitlines()


def test_a_tk_party_with_a_list_per_kieskring_gets_one_h9_per_person_for_all_kieskringen(tmp_path):
    nomination = demo_tk_nomination(kieskringen=3, candidates=4)
    context = context_for(nomination)
    out = tmp_path / "documenten"
    result = render_documents(nomination, context, out)
    assert len(result.of_model("H 1")) == 3
    assert len(result.of_model("H 4")) == 3
    assert len(result.of_model("H 9")) == 4
    h4 = "\n".join(pages_text((out / "lijst_2" / "H4_2.pdf").read_bytes()))
    assert "Kieskring\n2 Leeuwarden" in h4
    h9 = next(f for f in result.of_model("H 9") if "Graaf" in f.path.name)
    text = pages_text(h9.path.read_bytes())[0]
    assert flat("1 Groningen, 2 Leeuwarden, 3 Assen") in flat(text)
    checklist = "\n".join(pages_text((out / "lijst_2" / "checklist.pdf").read_bytes()))
    assert "bij lijst 1" in checklist
    assert flat("Ten minste 30 ondersteuningsverklaringen voor kieskring 2 Leeuwarden") in flat(
        checklist
    )
    assert "€ 11.250,00" in checklist


def test_the_checklist_states_the_deadlines_from_the_domain(demo_set):
    checklist = demo_set.out_dir / "lijst_1" / "checklist.pdf"
    text = flat("\n".join(pages_text(checklist.read_bytes())))
    assert flat("van maandag 19 januari 2026 tot en met maandag 2 februari 2026") in text
    assert flat("uiterlijk maandag 19 januari 2026") in text
    assert flat("maandag 2 februari 2026, 09.00 tot 17.00 uur") in text
    assert flat("Ten minste 10 ondersteuningsverklaringen (model H 4, H4_1.pdf)") in text


def test_two_runs_give_byte_identical_files(demo_set, tmp_path):
    nomination = demo_nomination()
    first = demo_set
    second = render_documents(nomination, context_for(nomination), tmp_path / "b")
    for one, two in zip(first.files, second.files, strict=True):
        assert one.path.read_bytes() == two.path.read_bytes(), one.path.name
    assert first.combined.read_bytes() == second.combined.read_bytes()
    metadata = PdfReader(first.combined).metadata
    assert metadata["/CreationDate"].startswith("D:20260120")
    assert metadata["/Title"] == "Alle documenten van de kandidaatstelling"


def test_a_list_without_candidates_is_refused_in_dutch_and_nothing_is_written(tmp_path):
    nomination = demo_nomination()
    nomination = replace(nomination, lists=(replace(nomination.lists[0], candidates=()),))
    out = tmp_path / "documenten"
    with pytest.raises(InputError, match="Lijst 1 heeft geen kandidaten"):
        render_documents(nomination, context_for(nomination), out)
    assert list(tmp_path.iterdir()) == []


def test_a_missing_date_of_birth_leaves_the_field_empty_and_makes_every_page_a_concept(tmp_path):
    nomination = demo_blank_nomination()
    candidates = list(nomination.candidates)
    candidates[2] = replace(candidates[2], date_of_birth=None)
    nomination = replace(nomination, candidates=tuple(candidates))
    out = tmp_path / "documenten"
    result = render_documents(nomination, context_for(nomination), out)
    h1 = pages_text((out / "lijst_1" / "H1.pdf").read_bytes())
    assert "van den Berg\nP.H. (Pieter)\nOosterwijk" in h1[0]
    for item in result.files:
        assert all(CONCEPT_MARK in text for text in pages_text(item.path.read_bytes())), item.path
    checklist = "\n".join(pages_text((out / "lijst_1" / "checklist.pdf").read_bytes()))
    assert "Lijst 1, kandidaat 3 (Berg): geboortedatum ontbreekt." in checklist
    assert result.concept_reasons == ("Lijst 1, kandidaat 3 (Berg): geboortedatum ontbreekt.",)


def test_an_error_halfway_leaves_no_half_written_folder(tmp_path, monkeypatch):
    nomination = demo_blank_nomination()
    out = tmp_path / "documenten"

    def broken():
        raise InputError("kapot")

    original = model_h9.story

    def story_that_breaks_late(nomination, plan, person):
        result = original(nomination, plan, person)
        if person.position == 3:
            return replace(result, build=broken)
        return result

    monkeypatch.setattr(model_h9, "story", story_that_breaks_late)
    with pytest.raises(InputError, match="kapot"):
        render_documents(nomination, context_for(nomination), out)
    assert list(tmp_path.iterdir()) == []


def test_an_earlier_set_is_replaced_whole_and_a_foreign_folder_is_left_alone(tmp_path):
    out = tmp_path / "documenten"
    render_documents(demo_blank_nomination(), context_for(demo_blank_nomination()), out)
    assert "lijst_1/H4_1.pdf" in _names(out)
    render_documents(demo_combined_nomination(), context_for(demo_combined_nomination()), out)
    names = _names(out)
    assert "lijst_1/H3-2.pdf" in names
    assert "lijst_1/H4_1.pdf" not in names
    assert sorted(p.name for p in tmp_path.iterdir()) == ["documenten"]
    foreign = tmp_path / "mijn_map"
    foreign.mkdir()
    (foreign / "brief.txt").write_text("niet weggooien")
    with pytest.raises(InputError, match="bestaat al en bevat andere bestanden"):
        render_documents(demo_blank_nomination(), context_for(demo_blank_nomination()), foreign)
    assert [p.name for p in foreign.iterdir()] == ["brief.txt"]


def test_a_malformed_hash_code_is_refused_in_dutch(tmp_path):
    nomination = demo_nomination()
    context = context_for(nomination, eml_hash="ABCD")
    with pytest.raises(InputError, match="16 groepen van 4 hexadecimale tekens"):
        render_documents(nomination, context, tmp_path / "documenten")


def test_a_font_folder_without_dejavu_gives_a_dutch_message_naming_the_folder(tmp_path):
    with pytest.raises(InputError, match=f"De map {tmp_path}.*DejaVuSans.ttf"):
        fonts.find_font_dir({fonts.FONT_DIR_VARIABLE: str(tmp_path)})


def test_the_font_folder_can_be_named_in_the_environment(tmp_path):
    system = fonts.find_font_dir({})
    for name in (fonts.REGULAR_FILE, fonts.BOLD_FILE):
        (tmp_path / name).write_bytes((system / name).read_bytes())
    assert fonts.find_font_dir({fonts.FONT_DIR_VARIABLE: str(tmp_path)}) == tmp_path


def test_a_field_too_long_for_any_page_is_refused_in_dutch_naming_the_document(tmp_path):
    nomination = demo_blank_nomination()
    substitute = replace(nomination.party.submitter, last_name="Lang" * 6000)
    nomination = replace(nomination, party=replace(nomination.party, substitutes=(substitute,)))
    with pytest.raises(InputError, match="Kandidatenlijst, lijst 1: een onderdeel past niet"):
        render_documents(nomination, context_for(nomination), tmp_path / "documenten")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_cannot_be_made_is_reported_in_dutch(tmp_path):
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    nomination = demo_blank_nomination()
    with pytest.raises(InputError, match="hier kan niet worden geschreven"):
        render_documents(nomination, context_for(nomination), blocker / "documenten")


def test_a_candidate_twice_on_one_list_is_refused_in_dutch_naming_the_person(tmp_path):
    nomination = demo_blank_nomination()
    the_list = nomination.lists[0]
    twice = replace(the_list, candidates=(*the_list.candidates, the_list.candidates[1]))
    nomination = replace(nomination, lists=(twice,))
    with pytest.raises(InputError, match="Lijst 1: Çelik staat twee keer op de lijst"):
        render_documents(nomination, context_for(nomination), tmp_path / "documenten")
