"""What the personal declarations (Y 13, Y 35, vestiging) share: story and footer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.documents.layout import Story
from kandidaat.documents.text import surname

if TYPE_CHECKING:
    from collections.abc import Callable

    from kandidaat.documents._rl import Flowable
    from kandidaat.documents.plan import ListPlan, PersonPlan


def person_story(
    *,
    model: str,
    title: str,
    prefix: str,
    plan: ListPlan,
    person: PersonPlan,
    build: Callable[[], list[Flowable]],
    numbered: bool = True,
) -> Story:
    """A declaration of one candidate, filed as ``<prefix>_<nr>_<achternaam>.pdf``.

    ``numbered`` is False for a declaration without a model number.
    """
    name = surname(person.candidate) or person.candidate.key
    label = f"{title}, {name} (lijst {plan.number}, nr. {person.position})"
    if numbered:
        label = f"Model {model} {label}"
    return Story(
        model=model,
        title=title,
        label=label,
        list_key=plan.candidate_list.key,
        filename=person.filename(prefix),
        build=build,
    )
