"""The publication of the established lists and the page of hash codes.

Kieswet art. I 17 (versie 2026; Eerste Kamer S 13): the centraal stembureau
publishes the valid, numbered lists with the candidates as they will be on the
ballot (number, name, initials, woonplaats), per kieskring. The second document
is one page listing every file the finalisation wrote with its hash code
(SHA-256 in groups of four), so anyone can check the files against the paper.
Both come from the same rows as the proces-verbaal I 4 and the 230b. Our own
texts, after the Kiesraad's publication model (OSV 3-7, "Publicatie
kandidatenlijsten").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.documents._rl import Spacer, mm
from kandidaat.documents.layout import Story, build_pdf, header, para, styles, table

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

    from kandidaat.documents._rl import Flowable
    from kandidaat.documents.model_i4 import ValidList

__all__ = ["render_hash_overview", "render_publication"]


def render_publication(
    election_name: str,
    authority: str,
    lists: Sequence[ValidList],
    *,
    hash_label: str,
    hash_code: str,
    version: str,
    created: date,
) -> bytes:
    """The publication of the established lists (PDF, deterministic)."""

    def build() -> list[Flowable]:
        flowables: list[Flowable] = [
            *header(
                "",
                "Publicatie van de kandidatenlijsten",
                f"{authority} maakt de geldige en genummerde kandidatenlijsten bekend voor de "
                f"{election_name} (Kieswet I 17).",
            )
        ]
        kieskring = None
        for item in lists:
            if item.kieskring != kieskring:
                kieskring = item.kieskring
                flowables.append(para(f"Kieskring {kieskring}", styles().section))
            flowables.append(para(f"Lijst {item.number}. {item.appellation or 'blanco lijst'}"))
            rows = [[str(p), last, initials, place] for p, last, initials, place in item.candidates]
            flowables.append(
                table(["nr.", "naam", "voorletters", "woonplaats"], rows, [8, 45, 20, 35])
            )
            flowables.append(Spacer(1, 2 * mm))
        return flowables

    story = Story(
        "",
        "Publicatie van de kandidatenlijsten",
        f"Publicatie kandidatenlijsten - {election_name}",
        "",
        "Publicatie_kandidatenlijsten.pdf",
        build,
        hash_label=hash_label,
    )
    data, _ = build_pdf(
        [story],
        hashes=[hash_code],
        version=version,
        created=created,
        concept=False,
        title="Publicatie van de kandidatenlijsten",
    )
    return data


def render_hash_overview(
    election_name: str,
    files: Sequence[tuple[str, str]],
    *,
    hash_label: str,
    hash_code: str,
    version: str,
    created: date,
) -> bytes:
    """One page: every file of the finalisation with its hash code (PDF, deterministic)."""

    def build() -> list[Flowable]:
        return [
            *header(
                "",
                "Hashcodes van de vastgestelde bestanden",
                f"De bestanden van het vaststellen van de kandidatenlijsten voor de "
                f"{election_name}, met hun hashcode (SHA-256 van de bytes, in groepen van vier). "
                "Controleer een bestand met bijvoorbeeld 'sha256sum BESTAND'.",
            ),
            table(["bestand", "hashcode"], [list(f) for f in files], [2, 3]),
        ]

    story = Story(
        "",
        "Hashcodes van de vastgestelde bestanden",
        f"Hashcodes - {election_name}",
        "",
        "Hashcodes.pdf",
        build,
        hash_label=hash_label,
    )
    data, _ = build_pdf(
        [story],
        hashes=[hash_code],
        version=version,
        created=created,
        concept=False,
        title="Hashcodes van de vastgestelde bestanden",
    )
    return data
