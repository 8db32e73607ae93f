"""When a list must be handed in: on the day of candidate nomination, 09:00 to 17:00."""

from __future__ import annotations

from datetime import datetime, time
from typing import TYPE_CHECKING

from kandidaat.domain.nomination.findings import Finding, Severity
from kandidaat.domain.nomination.model import Body

if TYPE_CHECKING:
    from datetime import date

__all__ = ["CLOSES", "OPENS", "handed_in_in_time", "late_finding"]

OPENS = time(9, 0)
CLOSES = time(17, 0)


def handed_in_in_time(received_at: datetime, nomination_day: date) -> bool:
    """True when a list was received on the nomination day between 09:00 and 17:00.

    Kieswet art. H 1 lid 1 (EK: R 1 lid 1), geldend op 2026-01-01: lists are
    handed in "op de dag van de kandidaatstelling tussen negen en zeventien
    uur". 17:00:00 itself is in time; 17:00:01 and later is late.
    """
    return received_at.date() == nomination_day and OPENS <= received_at.time() <= CLOSES


def late_finding(
    body: Body, received_at: datetime, nomination_day: date, list_key: str | None
) -> Finding | None:
    """The finding for a list not handed in in time, or None.

    Kieswet art. I 5 onder a (EK: S 3 onder a), geldend op 2026-01-01: a list
    that was not handed in in time is invalid; it is recorded, never refused at
    the counter, so the committee decides in the public session.
    """
    if handed_in_in_time(received_at, nomination_day):
        return None
    article = "Kieswet R 1 lid 1 en S 3" if body is Body.EK else "Kieswet H 1 lid 1 en I 5"
    shown = received_at.strftime("%d-%m-%Y %H:%M")
    day = nomination_day.strftime("%d-%m-%Y")
    return Finding(
        "received-late",
        Severity.ERROR,
        article,
        f"De lijst is ontvangen op {shown}, niet op de dag van de kandidaatstelling "
        f"({day}) tussen 09:00 en 17:00 uur: de lijst is ongeldig.",
        "Een te laat ingeleverde lijst kan niet worden hersteld; het centraal stembureau "
        "verklaart haar ongeldig in de openbare zitting.",
        list_key=list_key,
        field="received_at",
    )
