"""The Frisian words of the models H 1, H 3-1, H 3-2, H 4 and H 9 (Kiesbesluit art. H 2 lid 5).

At the elections of provinciale staten of Fryslân, of the algemeen bestuur of
Wetterskip Fryslân and of the gemeenteraad of a municipality in Fryslân a list
may be in Frisian (Kiesbesluit art. H 2 lid 5, geldend op 2026-01-01); the
Kiesraad publishes Frisian versions of the models. Every Frisian sentence here
is keyed by the Dutch sentence the model prints (``{name}`` marks a value), so
the Dutch text stays in the model modules and leading for the structure
(:func:`kandidaat.documents.text.wording`).

Source of the Frisian wording: the Kiesraad's Ondersteunende Software
Verkiezingen, osv v2.24.3, ``reportgen/text/fy/`` (``H1-text.xslt``,
``H3-1-text.xslt``, ``H3-2-text.xslt``, ``H4-text.xslt``, ``H9-text.xslt``,
``reused-parts-simple-text.xslt``), compared sentence by sentence with
``reportgen/text/nl/``. A comment names the Kiesraad parameter a sentence is
taken from; a sentence without one has no counterpart there (our Dutch model
words it differently) and is translated with the Kiesraad's vocabulary
(kandidatelist, oantsjutting, lêsthawwer, kiesrûnte, stipeferklearring,
ynstimmingsferklearring, boarchsom, fêstiging). ADR 0131 lists the choices.
"""

from __future__ import annotations

from types import MappingProxyType

from kandidaat.domain.nomination.model import Body

__all__ = ["BODY_MEMBERS", "FRISIAN", "MONTHS"]

MONTHS = (
    "jannewaris",
    "febrewaris",
    "maart",
    "april",
    "maaie",
    "juny",
    "july",
    "augustus",
    "septimber",
    "oktober",
    "novimber",
    "desimber",
)
"""RP_Date_januari ... RP_Date_december."""

BODY_MEMBERS = MappingProxyType(
    {
        Body.TK: "de leden fan de Twadde Keamer fan de Steaten-Generaal",
        Body.EK: "de leden fan de Earste Keamer fan de Steaten-Generaal",
        Body.EP: "de leden fan it Europeesk Parlemint",
        Body.PS: "de leden fan provinsjale steaten",
        Body.AB: "de leden fan it algemien bestjoer fan it wetterskip",
        Body.GR: "de leden fan de gemeenterie",
        Body.ER: "de leden fan de eilânsrie",
    }
)
"""RP_ElectionName_verkiezingLeden with RP_ElectionNameSimple_* (only PS, AB and GR occur)."""

_SHARED = {
    # The title line under every model: "voor de verkiezing van ..." (RP_ElectionName_op: "op").
    "voor {election}": "foar {election}",
    # Section 1 and the list heading (RP_ChapterPartyName_*, RP_ChapterDistrictTitle_Kieskringen).
    "Aanduiding": "Oantsjutting",
    "Aanduiding en kieskring(en)": "Oantsjutting en kiesrûnte(n)",
    "Aanduiding boven de lijst": "Oantsjutting boppe de list",
    "Kieskring": "Kiesrûnte",
    "Kieskring(en)": "Kiesrûnte(n)",
    "alle kieskringen": "alle kiesrûnten",  # RP_KieskringParty_inAlleKieskringen
    # Kiesraad: "net fan tapassing (blanko list)" (RP_PartyName_blancoLijst) for
    # "niet van toepassing (blanco lijst)"; our Dutch says "geen aanduiding".
    "geen aanduiding (blanco lijst)": "gjin oantsjutting (blanko list)",
    "Kandidatenlijst": "Kandidatelist",  # H1_010_title
    "Kandidaten": "Kandidaten",  # H1_030: "Kandidaten op de list"
    # The candidate tables (RP_CandidatesOnListTable-*).
    "naam": "namme",
    "voorletters": "foarletters",
    "voorletters (roepnaam)": "foarletters (roepnamme)",
    "geboortedatum": "bertedatum",
    "woonplaats": "wenplak",
    # Labels of fields and signatures (H1_205-H1_230, H9_190-H9_260, RP_SignatureBlock_plaats).
    "Naam": "Namme",  # H9_230_Naam
    "Voorletters": "Foarletters",  # H1_310: "foarletters"
    "Postadres": "Postadres",  # H9_190_Postadres
    "Postcode en plaats": "Postkoade en plak",  # H9_200, H9_210
    "Plaats": "Plak",  # H9_210_Plaats
    "Datum": "Datum",  # H9_220_Datum
    "Handtekening": "Hantekening",  # H9_260_Handtekening
    "Ondertekening": "Undertekening",  # H9_215: "Undertekening troch de kandidaat"
    "kandidaat": "kandidaat",
    "pagina {page} van {total}": "side {page} fan {total}",  # RP_LegacyFooter_pagina
}

_H1 = {
    "Model {model} {title}, lijst {number}": "Model {model} {title}, list {number}",
    "In te leveren bij het centraal stembureau, in persoon, op de dag van de "
    "kandidaatstelling tussen 09.00 en 17.00 uur, door een kiezer die bevoegd is "
    "aan deze verkiezing deel te nemen.": (
        "Yn te leverjen by it sintraal stimburo, yn persoan, op de dei fan de "
        "kandidaatstelling tusken 09.00 en 17.00 oere, troch in kiezer dy’t foech is "
        "om oan dizze ferkiezing diel te nimmen."
    ),
    "De kandidaten staan in de volgorde van voorkeur, met naam, voorletters, "
    "geboortedatum en woonplaats zoals in de basisregistratie personen "
    "(Kiesbesluit artikel H 2).": (
        "De kandidaten steane yn de folchoarder fan foarkar, mei namme, foarletters, "
        "bertedatum en wenplak lykas yn de basisregistraasje persoanen "
        "(Kiesbesluit kêst H 2)."
    ),
    # H1_040: "Ferfanger(s) foar it ferhelpen fan fersommen" is the Kiesraad's title.
    "Vervangers van de inleveraar": "Ferfangers fan dejinge dy’t ynleveret",
    "De volgende personen zijn bevoegd om in plaats van de inleveraar verzuimen te "
    "herstellen (Kieswet artikel H 5).": (
        "De neikommende persoanen binne foech om yn it plak fan dejinge dy’t ynleveret "
        "fersommen te ferhelpen (Kieswet kêst H 5)."
    ),
    # H1_300-H1_340: namme, foarletters, postadres, postkoade, plak.
    "naam en voorletters": "namme en foarletters",  # H1_205: "Namme en foarletters"
    "postadres": "postadres",
    "postcode en plaats": "postkoade en plak",
    # H1_100: "Yn te leverjen by de kandidatelist"; H1_110: "taheakke", "oanfinke".
    "Bijlagen": "Taheakken",
    "Kruis aan welke stukken bij deze kandidatenlijst worden overgelegd.": (
        "Fink oan hokker stikken by dizze kandidatelist oerlein wurde."
    ),
    # H1_200: "Undertekening troch dejinge dy’t ynleveret".
    "Inleveraar": "Dejinge dy’t ynleveret",
    "inleveraar": "fan dejinge dy’t ynleveret",
    "Ondergetekende verklaart deze kandidatenlijst in te leveren voor {election}.": (
        "Undertekene ferklearret dizze kandidatelist yn te leverjen foar {election}."
    ),
    # The attachments (H1_120-H1_170, shortened as our Dutch model shortens them).
    "machtiging om de aanduiding boven de kandidatenlijst te plaatsen (model {model})": (
        "machtiging om de oantsjutting boppe de kandidatelist te pleatsen (model {model})"
    ),
    " voor kieskring {kieskring}": " foar kiesrûnte {kieskring}",
    "ten minste {count} ondersteuningsverklaringen (model H 4){where}": (
        "op syn minst {count} stipeferklearrings (model H 4){where}"
    ),
    "{count} instemmingsverklaringen van de kandidaten (model H 9)": (
        "{count} ynstimmingsferklearrings fan de kandidaten (model H 9)"
    ),
    "{count} kopieën van een geldig identiteitsbewijs van de kandidaten die "
    "geen lid zijn van het orgaan": (
        "{count} kopyen fan in jildich identiteitsbewiis fan de kandidaten dy’t "
        "gjin lid binne fan it orgaan"
    ),
    "bewijs van betaling van de waarborgsom van {amount} (model H 12)": (
        "betellingsbewiis fan de boarchsom fan {amount} (model H 12)"
    ),
    "{count} verklaringen voorgenomen vestiging": (
        "{count} ferklearrings fan foarnommen fêstiging"
    ),
}

_H9 = {
    "Instemmingsverklaring": "Ynstimmingsferklearring",  # H9_020_title
    "Model {model} {title}, {name} (lijst {number}, nr. {position})": (
        "Model {model} {title}, {name} (list {number}, nr. {position})"
    ),
    "Gegevens van de kandidaat": "Gegevens fan de kandidaat",
    "Voorletters (roepnaam)": "Foarletters (roepnamme)",
    "Geboortedatum": "Bertedatum",  # RP_CandidatesOnListTable-geboortedatum
    "Woonplaats": "Wenplak",  # H9_240_Woonplaats
    "Burgerservicenummer (BSN)": "Boargerservicenûmer (BSN)",  # H9_250
    "Verklaring van instemming": "Ferklearring fan ynstimming",
    "Ondergetekende verklaart in te stemmen met zijn of haar kandidaatstelling op de "
    "hierboven genoemde kandidatenlijst voor {election}.": (
        "Undertekene ferklearret yn te stimmen mei syn of har kandidaatstelling op de "
        "hjirboppe neamde kandidatelist foar {election}."
    ),
    "Deze verklaring kan niet worden ingetrokken.": "Dizze ferklearring kin net ynlutsen wurde.",
    # Kiesraad H9_090 "Lêsthawwer foar it oannimmen fan jo beneaming" and
    # H9_160 "Adres foar de meidieling fan myn beneaming" give the words.
    "Gemachtigde voor de kennisgeving van benoeming": (
        "Lêsthawwer foar de meidieling fan beneaming"
    ),
    "Adres voor de kennisgeving van benoeming": "Adres foar de meidieling fan beneaming",
    "De kandidaat woont buiten het Europese deel van Nederland en wijst daarom "
    "een gemachtigde aan die in het Europese deel van Nederland woont (Kieswet "
    "artikel H 10). Deze gemachtigde ontvangt de kennisgeving van benoeming.": (
        "De kandidaat wennet bûten it Europeeske diel fan Nederlân en wiist dêrom "
        "in lêsthawwer oan dy’t yn it Europeeske diel fan Nederlân wennet (Kieswet "
        "kêst H 10). Dy lêsthawwer ûntfangt de meidieling fan beneaming."
    ),
    # H9_100: "... by gebrûkmeitsjen fan in memmelist".
    "Alleen invullen bij gebruik van een moederlijst (Kieswet artikel H 10a): "
    "gemachtigde die de kennisgeving van benoeming ontvangt.": (
        "Allinnich ynfolje by gebrûkmeitsjen fan in memmelist (Kieswet kêst H 10a): "
        "lêsthawwer dy’t de meidieling fan beneaming ûntfangt."
    ),
    "Naam gemachtigde": "Namme lêsthawwer",
    "Een kopie van een identiteitsbewijs is niet nodig: de kandidaat is lid van het orgaan.": (
        "In kopy fan in identiteitsbewiis is net nedich: de kandidaat is lid fan it orgaan."
    ),
    # Kiesraad H9_050 ends with the words "Foegje dan in kopy fan in jildich identiteitsbewiis ta"
    "Voeg een kopie van een geldig identiteitsbewijs bij (voor- en achterkant).": (
        "Foegje in kopy fan in jildich identiteitsbewiis ta (foar- en efterkant)."
    ),
}

_H3 = {
    # H3-1-text.xslt: H3-1_010_title "Machtiging om oantsjutting boppe kandidatelist te
    # pleatsen"; H3-2-text.xslt: H3-2_010_title "Machtiging om gearfoege oantsjutting ...";
    # our Dutch titles are the short forms.
    "Machtiging aanduiding": "Machtiging oantsjutting",
    "Machtiging samengevoegde aanduiding": "Machtiging gearfoege oantsjutting",
    "Machtiging": "Machtiging",
    "Ondergetekende, gemachtigde of plaatsvervangend gemachtigde van de hieronder "
    "genoemde politieke groepering waarvan de aanduiding is ingeschreven in het "
    "register van de aanduidingen, machtigt hierbij {submitter}, "
    "inleveraar van de kandidatenlijst, om de aanduiding “{appellation}” te plaatsen "
    "boven de kandidatenlijst voor {election} waarop de volgende "
    "kandidaten staan.": (
        "Undertekene, lêsthawwer of plakferfangend lêsthawwer fan de hjirûnder neamde "
        "politike groepearring dêr’t de oantsjutting fan ynskreaun is yn it register fan "
        "de oantsjuttings, machtiget hjirby {submitter}, dejinge dy’t de kandidatelist "
        "ynleveret, om de oantsjutting “{appellation}” boppe de kandidatelist foar "
        "{election} te pleatsen dêr’t de neikommende kandidaten op steane."
    ),
    "De ondergetekenden, ieder gemachtigde of plaatsvervangend gemachtigde van een van "
    "de hieronder genoemde politieke groeperingen waarvan de aanduiding is ingeschreven "
    "in het register van de aanduidingen, machtigen hierbij "
    "{submitter}, inleveraar van de kandidatenlijst, om de "
    "samengevoegde aanduiding “{appellation}” te plaatsen boven de kandidatenlijst "
    "voor {election} waarop de volgende kandidaten staan.": (
        "De undertekenen, elk lêsthawwer of plakferfangend lêsthawwer fan ien fan de "
        "hjirûnder neamde politike groepearrings dêr’t de oantsjutting fan ynskreaun is yn "
        "it register fan de oantsjuttings, machtigje hjirby {submitter}, dejinge dy’t de "
        "kandidatelist ynleveret, om de gearfoege oantsjutting “{appellation}” boppe de "
        "kandidatelist foar {election} te pleatsen dêr’t de neikommende kandidaten op steane."
    ),
    "Ondertekening per groepering": "Undertekening per groepearring",
    "Elke groepering waarvan de aanduiding deel uitmaakt van de samenvoeging tekent.": (
        "Elke groepearring dêr’t de oantsjutting fan diel útmakket fan de gearfoeging, tekenet."
    ),
    "Groepering {index}": "Groepearring {index}",
    # H3-1_140_verenigingsnaam "Folsleine statutêre namme fan de politike groepearring";
    # H3-1_130_NaamGemachtigde "Namme fan de lêsthawwer fan de politike groepearring".
    "Statutaire naam van de groepering": "Statutêre namme fan de groepearring",
    "Naam (plaatsvervangend) gemachtigde": "Namme (plakferfangend) lêsthawwer",
    "(plaatsvervangend) gemachtigde": "(plakferfangend) lêsthawwer",
}

_H4 = {
    "Ondersteuningsverklaring": "Stipeferklearring",  # H4_010_title
    "Model {model} {title}, lijst {number}{where}": "Model {model} {title}, list {number}{where}",
    ", kieskring {kieskring}": ", kiesrûnte {kieskring}",
    "in kieskring {kieskring}": "yn kiesrûnte {kieskring}",  # RP_Kieskring_inKieskring
    "voor deze verkiezing": "foar dizze ferkiezing",
    "Verklaring van de kiezer": "Ferklearring fan de kiezer",  # H4_146: "Ferklearring fan de "
    # Kiesraad H4_110_IkVerklaar has the words "ferklearje", "boppeneamde kandidatelist", "stypje"
    "Ondergetekende, kiezer {where}, verklaart de hierboven vermelde "
    "kandidatenlijst te ondersteunen.": (
        "Undertekene, kiezer {where}, ferklearret de hjirboppe neamde kandidatelist te stypjen."
    ),
    "Onderteken in {building} van {area} "
    "waar u als kiezer staat ingeschreven, in het bijzijn van de "
    "{official} of een door hem aangewezen ambtenaar, en toon een "
    "geldig identiteitsbewijs. Elke kiezer mag voor deze verkiezing maar één "
    "ondersteuningsverklaring tekenen; de verklaring kan niet worden "
    "ingetrokken.": (
        "Undertekenje yn {building} fan {area} dêr’t jo as kiezer ynskreaun steane, yn "
        "it bywêzen fan de {official} of in troch him oanwiisde amtner, en lit in jildich "
        "identiteitsbewiis sjen. Elke kiezer mei foar dizze ferkiezing mar ien "
        "stipeferklearring tekenje; de ferklearring kin net ynlutsen wurde."
    ),
    "Adres": "Adres",
    "Postcode en woonplaats": "Postkoade en wenplak",
    "kiezer": "kiezer",  # H4_100_Ondertekening "Undertekening troch de kiezer"
    # The mayor (H4_091_Burgemeester "boargemaster", H4_101_Gemeente "gemeente").
    "burgemeester": "boargemaster",
    "de gemeente": "de gemeente",
    "deze gemeente": "dizze gemeente",
    "die": "dy",
    "het gemeentehuis": "it gemeentehûs",
    "Verklaring van de {official}": "Ferklearring fan de {official}",  # H4_146_VerklaringVanDe
    "In te vullen door {area}.": "Yn te foljen troch {area}.",
    # H4_150_*: "De ... fan ... ferklearret dat de stiper yn syn ... as kiezer registrearre is."
    "De {official} van {area} "
    "............................................. verklaart dat de ondergetekende "
    "op de dag van ondertekening als kiezer is geregistreerd in "
    "{this_area}{part_of} en dat deze verklaring in zijn bijzijn of in dat "
    "van een door hem aangewezen ambtenaar is ondertekend.": (
        "De {official} fan {area} "
        "............................................. ferklearret dat de ûndertekene "
        "op de dei fan ûndertekening as kiezer registrearre is yn "
        "{this_area}{part_of} en dat dizze ferklearring yn syn bywêzen of yn dat "
        "fan in troch him oanwiisde amtner ûndertekene is."
    ),
    # H4_160_kiezerBehoort: "De kiezer heart ta kiesrûnte".
    ", {relative} behoort tot kieskring {kieskring},": (
        ", {relative} ta kiesrûnte {kieskring} heart,"
    ),
    "Handtekening {official} of aangewezen ambtenaar": "Hantekening {official} of oanwiisde amtner",
    # H4_180_OndertekeningGemeentestempel: "Undertekening of gemeentestimpel".
    "Stempel van {area}": "Stimpel fan {area}",
}

FRISIAN = MappingProxyType({**_SHARED, **_H1, **_H3, **_H4, **_H9})
"""Frisian model text keyed by the Dutch text the model prints."""
