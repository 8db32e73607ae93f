"""Building the engine's frozen records quickly, without changing what they are.

The ``__init__`` that :func:`dataclasses.dataclass` writes for a frozen class sets
every field through ``object.__setattr__``, which looks the field up by name each
time. The engine builds a :class:`~kandidaat.domain.seats.steps.Step` for every
residual seat and a :class:`~kandidaat.domain.seats.candidates.ListElection` for
every list, so in its hot paths it sets the slots through their descriptors
instead: the record is the same frozen value (equal, same ``repr``, same hash,
still refusing every change), built in about half the time. See
docs/adr/0137-seat-engine-per-contest-overhead.md.
"""

from __future__ import annotations

import dataclasses
from typing import Any

Setter = Any
"""A slot descriptor's ``__set__``: called as ``setter(record, value)``."""


def slot_setters(cls: type, names: tuple[str, ...]) -> tuple[Setter, ...]:
    """The slot setters of the frozen, slotted dataclass ``cls``, one per name.

    ``names`` must be all fields of ``cls`` in their declared order, and ``cls``
    must have no ``__post_init__``: a builder that sets every slot then makes
    exactly the record the dataclass ``__init__`` makes.

    Raises:
        TypeError: when ``cls`` is not such a class or ``names`` are not its fields.
    """
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen or "__slots__" not in cls.__dict__:
        raise TypeError(f"{cls.__name__} is not a frozen dataclass with slots")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has a __post_init__ that a builder would skip")
    fields = tuple(field.name for field in dataclasses.fields(cls))
    if fields != names:
        raise TypeError(f"{cls.__name__} has the fields {fields}, not {names}")
    return tuple(cls.__dict__[name].__set__ for name in names)
