"""A Frisian list in Fryslân gets the Frisian models (Kiesbesluit art. H 2 lid 5, ADR 0131).

The expected Frisian words are copied from the Kiesraad's own Frisian texts of
the models, osv v2.24.3 (repository ties/kiesraad-ondersteunende_software_verkiezingen,
commit 8ef3cba), folder
``src/de.ivu.wahl.wus.reportgenerator/src/main/resources/de/ivu/wahl/wus/reportgen/text/fy/``;
each assertion names the file and the parameter it comes from. The text is
read back from the PDF as a reader shows it (pypdf, :mod:`pdf_support`).
"""

from __future__ import annotations

import string
from dataclasses import replace
from datetime import date

from demo_party import (
    context_for,
    demo_blank_nomination,
    demo_combined_nomination,
    demo_nomination,
)
from pdf_support import flat, pages_text

from kandidaat.documents import (
    model_h1,
    model_h3_1,
    model_h3_2,
    model_h4,
    model_h9,
    plan_lists,
    render_documents,
)
from kandidaat.documents.texts_fy import FRISIAN
from kandidaat.domain.nomination.elections import (
    municipal_election,
    provincial_election,
    waterschap_election,
)

PS_FRYSLAN = provincial_election("Fryslân", date(2027, 3, 17))

# reused-parts-simple-text.xslt: RP_ElectionName_verkiezingLeden "de ferkiezing fan de leden fan ",
# RP_ElectionNameSimple_provincialeStaten "provinsjale steaten", RP_ElectionNameSimple_van " fan",
# RP_ElectionName_op " op ", RP_Date_maart "maart"; put together by hand:
FRISIAN_PS_ELECTION = (
    "de ferkiezing fan de leden fan provinsjale steaten fan Fryslân op 17 maart 2027"
)
DUTCH_PS_ELECTION = "de verkiezing van de leden van provinciale staten van Fryslân op 17 maart 2027"


def _in_fryslan(nomination, *, language: str, election=PS_FRYSLAN):
    lists = tuple(replace(item, language=language) for item in nomination.lists)
    return replace(nomination, election=election, lists=lists)


def _h1_text(nomination) -> str:
    context = context_for(nomination)
    plan = plan_lists(nomination, context)[0]
    return "\n".join(pages_text(model_h1.render_pdf_bytes(nomination, plan, context)))


def _h9_text(nomination, position: int) -> str:
    context = context_for(nomination)
    plan = plan_lists(nomination, context)[0]
    person = plan.persons[position - 1]
    return "\n".join(pages_text(model_h9.render_pdf_bytes(nomination, plan, person, context)))


def test_the_h1_of_a_frisian_list_for_ps_fryslan_carries_the_kiesraad_frisian_title():
    text = _h1_text(_in_fryslan(demo_nomination(), language="fy"))
    lines = text.splitlines()
    assert "Model H 1" in lines  # H1-text.xslt: H1_010_pretitle
    assert "Kandidatelist" in lines  # H1-text.xslt: H1_010_title
    assert f"foar {FRISIAN_PS_ELECTION}" in lines
    assert "Kandidatenlijst" not in text  # the Dutch title (nl/H1-text.xslt: H1_010_title)


def test_the_h1_of_a_frisian_list_heads_its_candidate_table_with_the_kiesraad_frisian_words():
    text = flat(_h1_text(_in_fryslan(demo_nomination(), language="fy")))
    # reused-parts-simple-text.xslt: RP_CandidatesOnListTable-naam, -voorletters,
    # -geboortedatum, -woonplaats.
    for word in ("namme", "foarletters", "bertedatum", "wenplak"):
        assert word in text
    for dutch in ("geboortedatum", "woonplaats", "Voorletters"):
        assert dutch not in text


def test_the_h1_of_a_frisian_list_is_signed_in_frisian_without_a_dutch_sentence():
    text = _h1_text(_in_fryslan(demo_nomination(), language="fy"))
    flat_text = flat(text)
    # H1-text.xslt: H1_200_Ondertekening "Undertekening troch dejinge dy’t ynleveret",
    # H1_230_Handtekening "Hantekening", H9-text.xslt: H9_210_Plaats "Plak".
    assert flat("dejinge dy’t ynleveret") in flat_text
    assert "Hantekening" in text
    assert "Plak" in text.splitlines()
    for dutch in ("Ondergetekende", "inleveraar", "verkiezing", "Handtekening", "Bijlagen"):
        assert dutch not in text


def test_the_h1_of_a_frisian_list_names_the_attachments_with_the_kiesraad_frisian_terms():
    text = flat(_h1_text(_in_fryslan(demo_nomination(), language="fy")))
    # H1-text.xslt: H1_130_modelH4 "... (model H 4)" for stypje, H1_140 "(model H 9)",
    # H1_150 "jildich identiteitsbewiis", H1_160 "betellingsbewiis fan de boarchsom",
    # H1_170 "ferklearring fan foarnommen fêstiging".
    assert flat("(model H 4)") in text
    assert "stipeferklearrings" in text  # H4-text.xslt: H4_010_title "Stipeferklearring"
    assert "ynstimmingsferklearrings" in text  # H9-text.xslt: H9_020 "Ynstimmingsferklearring"
    assert flat("jildich identiteitsbewiis") in text
    assert flat("betellingsbewiis fan de boarchsom fan € 1.125,00 (model H 12)") in text
    assert flat("foarnommen fêstiging") in text


def test_the_h9_of_a_frisian_list_for_ps_fryslan_carries_the_kiesraad_frisian_title_and_labels():
    text = _h9_text(_in_fryslan(demo_nomination(), language="fy"), 2)
    lines = text.splitlines()
    assert "Model H 9" in lines  # H9-text.xslt: H9_010_pretitle
    assert "Ynstimmingsferklearring" in lines  # H9-text.xslt: H9_020_title
    assert f"foar {FRISIAN_PS_ELECTION}" in lines
    # H9-text.xslt: H9_230_Naam "Namme", H9_240_Woonplaats "Wenplak",
    # H9_250_Burgerservicenummer "Boargerservicenûmer", H9_190 "Postadres",
    # H9_200 "Postkoade", H9_260 "Hantekening".
    for label in ("Namme", "Wenplak", "Postadres", "Hantekening"):
        assert label in text
    assert "Boargerservicenûmer" in text
    assert "Postkoade" in text
    for dutch in ("Instemmingsverklaring", "Burgerservicenummer", "Woonplaats", "Handtekening"):
        assert dutch not in text


def test_the_h9_of_a_frisian_candidate_abroad_asks_a_lesthawwer_in_frisian():
    text = flat(_h9_text(_in_fryslan(demo_nomination(), language="fy"), 7))
    # H9-text.xslt: H9_090_GemachtigdeBenoeming "Lêsthawwer foar it oannimmen fan jo beneaming",
    # H9_100 "(allinnich ynfolje as jo bûten it Europeeske diel fan Nederlân wenje ...)".
    assert "Lêsthawwer" in text
    assert flat("bûten it Europeeske diel fan Nederlân") in text
    assert "Gemachtigde" not in text
    assert "gemachtigde" not in text


def test_the_footer_of_a_frisian_model_names_it_and_counts_its_pages_in_frisian():
    text = _h9_text(_in_fryslan(demo_nomination(), language="fy"), 1)
    # reused-parts-simple-text.xslt: RP_LegacyFooter_pagina "side "; RP_KieskringParty: "list".
    assert "side 1 fan 1" in text
    assert "pagina" not in text
    assert flat("Model H 9 Ynstimmingsferklearring, de Graaf (list 1, nr. 1)") in flat(text)


def test_a_frisian_blank_list_is_called_a_blanko_list():
    text = flat(_h1_text(_in_fryslan(demo_blank_nomination(), language="fy")))
    # reused-parts-simple-text.xslt: RP_PartyName_blancoLijst "net fan tapassing (blanko list)".
    assert flat("(blanko list)") in text
    assert "blanco" not in text


def _h3_text(nomination, model) -> str:
    context = context_for(nomination)
    plan = plan_lists(nomination, context)[0]
    return "\n".join(pages_text(model.render_pdf_bytes(nomination, plan, context)))


def _h4_text(nomination) -> str:
    context = context_for(nomination)
    plan = plan_lists(nomination, context)[0]
    [(kring, _)] = plan.h4
    return "\n".join(pages_text(model_h4.render_pdf_bytes(nomination, plan, kring, context)))


def test_the_h3_1_of_a_frisian_list_authorises_the_oantsjutting_in_frisian():
    text = _h3_text(_in_fryslan(demo_nomination(), language="fy"), model_h3_1)
    flat_text = flat(text)
    assert "Model H 3-1" in text.splitlines()  # H3-1-text.xslt: H3-1_010_pretitle
    # H3-1-text.xslt: H3-1_010_title "Machtiging om oantsjutting boppe kandidatelist te pleatsen",
    # H3-1_090_2 " om de ûnder punt 3 neamde oantsjutting boppe de kandidatelist te pleatsen.",
    # H3-1_130 "lêsthawwer fan de politike groepearring", H3-1_140 "statutêre namme",
    # H3-1_150_handtekening "Hantekening".
    assert flat("boppe de kandidatelist") in flat_text
    assert flat("politike groepearring") in flat_text
    assert "lêsthawwer" in text
    assert flat("Statutêre namme") in flat_text
    assert "Hantekening" in text
    for dutch in ("aanduiding", "gemachtigde", "kandidatenlijst", "Handtekening"):
        assert dutch not in text


def test_the_h3_2_of_a_frisian_list_has_the_gearfoege_oantsjutting_and_a_block_per_groepearring():
    text = _h3_text(_in_fryslan(demo_combined_nomination(), language="fy"), model_h3_2)
    flat_text = flat(text)
    assert "Model H 3-2" in text.splitlines()  # H3-2-text.xslt: H3-2_010_pretitle
    # H3-2-text.xslt: H3-2_010_title "Machtiging om gearfoege oantsjutting boppe kandidatelist
    # te pleatsen", H3-2_115_Gemachtigde "Lêsthawwer fan politike groepearring ".
    assert flat("gearfoege oantsjutting") in flat_text
    assert text.count("Hantekening (plakferfangend) lêsthawwer") == 2
    for dutch in ("samengevoegde", "groepering", "Handtekening"):
        assert dutch not in text


def test_the_h4_of_a_frisian_list_is_a_stipeferklearring_certified_by_the_boargemaster():
    text = _h4_text(_in_fryslan(demo_nomination(), language="fy"))
    flat_text = flat(text)
    lines = text.splitlines()
    assert "Model H 4" in lines  # H4-text.xslt: H4_010_pretitle
    assert "Stipeferklearring" in lines  # H4-text.xslt: H4_010_title
    # H4-text.xslt: H4_100 "Undertekening troch de kiezer", H4_146 "Ferklearring fan de ",
    # H4_091_Burgemeester "boargemaster", H4_150_4 " as kiezer registrearre is."
    assert flat("Ferklearring fan de boargemaster") in flat_text
    assert flat("as kiezer registrearre is") in flat_text
    assert "Hantekening kiezer" in text
    for dutch in ("Ondersteuningsverklaring", "burgemeester", "verklaart", "Handtekening"):
        assert dutch not in text


def test_a_dutch_list_of_ps_fryslan_stays_dutch():
    nomination = _in_fryslan(demo_nomination(), language="nl")
    h1 = _h1_text(nomination)
    assert "Kandidatenlijst" in h1.splitlines()
    assert f"voor {DUTCH_PS_ELECTION}" in h1.splitlines()
    assert "Kandidatelist" not in h1
    h9 = _h9_text(nomination, 2)
    assert "Instemmingsverklaring" in h9.splitlines()
    assert "Ynstimmingsferklearring" not in h9
    assert "pagina 1 van 1" in h9
    assert "Ondersteuningsverklaring" in _h4_text(nomination).splitlines()
    assert "Machtiging aanduiding" in _h3_text(nomination, model_h3_1).splitlines()


def test_a_frisian_list_outside_fryslan_gets_the_dutch_models():
    nomination = _in_fryslan(
        demo_nomination(),
        language="fy",
        election=municipal_election("Demodorp", 17, date(2026, 3, 18)),
    )
    text = _h1_text(nomination)
    assert "Kandidatenlijst" in text.splitlines()
    assert "Kandidatelist" not in text


def test_the_frisian_models_name_the_wetterskip_and_a_frisian_gemeenterie():
    # reused-parts-simple-text.xslt: RP_ElectionNameSimple_algemeen_bestuur
    # "algemien bestjoer fan it ", RP_ElectionNameSimple_raadVanDeGemeente "gemeenterie".
    wetterskip = waterschap_election("Wetterskip Fryslân", 25, date(2027, 3, 17))
    text = flat(_h1_text(_in_fryslan(demo_nomination(), language="fy", election=wetterskip)))
    assert flat("de leden fan it algemien bestjoer fan Wetterskip Fryslân op 17 maart 2027") in text
    ljouwert = municipal_election("Leeuwarden", 39, date(2026, 3, 18), cbs_code="0080")
    text = flat(_h1_text(_in_fryslan(demo_nomination(), language="fy", election=ljouwert)))
    assert flat("de leden fan de gemeenterie fan Leeuwarden op 18 maart 2026") in text


def test_the_printed_folder_of_a_frisian_list_holds_frisian_models(tmp_path):
    nomination = _in_fryslan(demo_nomination(), language="fy")
    written = render_documents(nomination, context_for(nomination), tmp_path / "stukken")
    [h1] = written.of_model("H 1")
    assert "Kandidatelist" in pages_text(h1.path.read_bytes())[0].splitlines()
    assert h1.title == "Kandidatelist"
    h9s = written.of_model("H 9")
    assert len(h9s) == len(nomination.candidates)
    assert all(item.title == "Ynstimmingsferklearring" for item in h9s)
    combined = "\n".join(pages_text(written.combined.read_bytes()))
    assert "Instemmingsverklaring" not in combined


def test_a_frisian_herindelingsverkiezing_in_november_names_the_month_in_frisian():
    # reused-parts-simple-text.xslt: RP_Date_november "novimber" (Dutch "november").
    dantumadiel = municipal_election("Dantumadiel", 19, date(2026, 11, 25), cbs_code="1891")
    text = flat(_h1_text(_in_fryslan(demo_nomination(), language="fy", election=dantumadiel)))
    assert flat("de gemeenterie fan Dantumadiel op 25 novimber 2026") in text
    assert "november" not in text


def test_every_frisian_sentence_fills_in_the_same_values_as_its_dutch_sentence():
    def names(template: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}

    assert FRISIAN
    for dutch, frisian in FRISIAN.items():
        assert names(frisian) == names(dutch), dutch
