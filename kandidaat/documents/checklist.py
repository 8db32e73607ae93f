"""The inleveraar's checklist for one list: what to collect, per candidate, and by when.

Not an official model: a working page for the party. It follows the documents
the list needs (Kieswet art. H 1-H 14, Y 13, Y 35; geldend op 2026-01-01) and the
deadlines the app computed, and lists why the documents are a concept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.documents import model_h4
from kandidaat.documents.layout import (
    Story,
    checkbox_lines,
    header,
    hint,
    para,
    render_single,
    section,
    table,
)
from kandidaat.documents.text import (
    appellation_text,
    election_phrase,
    kieskring_name,
    long_date,
    surname,
)

if TYPE_CHECKING:
    from kandidaat.documents._rl import Flowable
    from kandidaat.documents.context import NominationDates, RenderContext
    from kandidaat.documents.plan import ListPlan, PersonPlan
    from kandidaat.domain.nomination.model import Nomination

__all__ = ["TITLE", "render_pdf_bytes", "story"]

MODEL = "checklist"
TITLE = "Checklist voor de inleveraar"
NOT_NEEDED = "–"
TO_TICK = "☐"


def story(nomination: Nomination, plan: ListPlan, context: RenderContext) -> Story:
    """The checklist of one list."""
    return Story(
        model=MODEL,
        title=TITLE,
        label=f"{TITLE}, lijst {plan.number}",
        list_key=plan.candidate_list.key,
        filename="checklist.pdf",
        build=lambda: _content(nomination, plan, context),
    )


def render_pdf_bytes(nomination: Nomination, plan: ListPlan, context: RenderContext) -> bytes:
    """The checklist of one list as PDF bytes."""
    return render_single(story(nomination, plan, context), plan.hash_code, context)


def _content(nomination: Nomination, plan: ListPlan, context: RenderContext) -> list[Flowable]:
    election = nomination.election
    subtitle = (
        f"Lijst {plan.number}, {appellation_text(nomination.party)}, "
        f"voor {election_phrase(election)}"
    )
    parts: list[Flowable] = header("", TITLE, subtitle)
    numbers = iter(range(1, 10))
    if context.concept_reasons:
        parts.append(section("", "Concept: deze documenten mogen nog niet worden ingeleverd"))
        parts.extend(para(f"• {reason}") for reason in context.concept_reasons)
    if context.dates is not None:
        parts.append(section(str(next(numbers)), "Termijnen"))
        parts.append(_deadlines(plan, context.dates))
    parts.append(section(str(next(numbers)), "Stukken voor deze lijst"))
    parts.append(hint("Verzamel de stukken, controleer ze en kruis aan wat compleet is."))
    parts.append(checkbox_lines(_list_items(nomination, plan, context)))
    parts.append(section(str(next(numbers)), "Stukken per kandidaat"))
    parts.append(
        hint(
            "H 9: instemmingsverklaring, ondertekend door de kandidaat. ID: kopie van een geldig "
            "identiteitsbewijs (voor- en achterkant). – betekent: niet nodig."
        )
    )
    parts.append(_person_table(plan))
    parts.append(section(str(next(numbers)), "Bij het inleveren"))
    parts.append(
        checkbox_lines(
            [
                (
                    "De inleveraar is kiezer voor deze verkiezing en neemt een geldig "
                    "identiteitsbewijs mee."
                ),
                (
                    "Alle stukken worden in persoon ingeleverd bij het centraal stembureau, op "
                    "de dag van de kandidaatstelling tussen 09.00 en 17.00 uur."
                ),
                (
                    "De hashcode onderaan elke pagina is gelijk aan die van het ingeleverde "
                    "EML 210-bestand."
                ),
            ]
        )
    )
    return parts


def _deadlines(plan: ListPlan, dates: NominationDates) -> Flowable:
    rows = []
    if plan.h4:
        rows.append(
            [
                "Ondersteuningsverklaringen (H 4) laten tekenen in het gemeentehuis",
                (
                    f"van {long_date(dates.support_window_start)} "
                    f"tot en met {long_date(dates.support_window_end)}"
                ),
            ]
        )
    if plan.deposit_cents:
        rows.append(
            [
                (
                    f"Waarborgsom van {plan.deposit_text} bijgeschreven op de rekening "
                    "(kenmerk “waarborgsom kandidaatstelling”)"
                ),
                f"uiterlijk {long_date(dates.deposit_deadline)}",
            ]
        )
    rows.append(
        [
            "Kandidatenlijst en alle stukken inleveren bij het centraal stembureau",
            f"{long_date(dates.nomination_day)}, 09.00 tot 17.00 uur",
        ]
    )
    rows.append(["Dag van stemming", long_date(dates.election_date)])
    return table(["wat", "wanneer"], rows, [100, 70])


def _list_items(nomination: Nomination, plan: ListPlan, context: RenderContext) -> list[str]:
    election = nomination.election
    items = ["Kandidatenlijst (model H 1, H1.pdf), ondertekend door de inleveraar."]
    if plan.appellation_model:
        file = plan.appellation_model.replace(" ", "")
        signers = "de gemachtigde van elke groepering" if file == "H3-2" else "de gemachtigde"
        items.append(
            f"Machtiging aanduiding (model {plan.appellation_model}, {file}.pdf), "
            f"ondertekend door {signers}."
        )
    for kring, count in plan.h4:
        where = (
            ""
            if election.single_kieskring
            else f" voor kieskring {kieskring_name(election, kring)}"
        )
        items.append(
            f"Ten minste {count} ondersteuningsverklaringen{where} (model H 4, "
            f"{model_h4.filename(kring)}), elk met de verklaring van de burgemeester"
            + ("." if not plan.ek_support else "; getekend door een lid van staten of kiescollege.")
        )
    if context.h4_required is None:
        items.append("Geen ondersteuningsverklaringen nodig (vrijgesteld).")
    items.append(
        f"{len(plan.candidates)} instemmingsverklaringen (model H 9) en {plan.id_copies} kopieën "
        "van een identiteitsbewijs; zie de tabel hieronder."
    )
    if plan.deposit_cents:
        items.append(
            f"Bewijs van betaling van de waarborgsom van {plan.deposit_text} (model H 12)."
        )
    return items


def _person_table(plan: ListPlan) -> Flowable:
    settlement = any(p.settlement for p in plan.persons)
    y35 = any(p.y35 for p in plan.persons)
    head = ["nr.", "naam", "H 9", "ID"]
    widths = [9, 70, 24, 14]
    if plan.ep:
        head.append("Y 13")
        widths.append(14)
    if y35:
        head.append("Y 35")
        widths.append(14)
    if settlement:
        head.append("vestiging")
        widths.append(18)
    rows = []
    for position, person in enumerate(plan.persons, start=1):
        rows.append(_person_row(plan, position, person, ep=plan.ep, y35=y35, settlement=settlement))
    return table(head, rows, widths)


def _person_row(
    plan: ListPlan, position: int, person: PersonPlan, *, ep: bool, y35: bool, settlement: bool
) -> list[str]:
    candidate = person.candidate
    here = person.folder == plan.folder
    h9 = TO_TICK if here else f"bij {person.folder.replace('_', ' ')}"
    row = [
        str(position),
        f"{surname(candidate)}, {candidate.initials}",
        h9,
        NOT_NEEDED if candidate.is_member else (TO_TICK if here else "idem"),
    ]
    mark = TO_TICK if here else "idem"
    if ep:
        row.append(mark)
    if y35:
        row.append(mark if person.y35 else NOT_NEEDED)
    if settlement:
        row.append(mark if person.settlement else NOT_NEEDED)
    return row
