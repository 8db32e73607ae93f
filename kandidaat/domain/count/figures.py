"""The figures of one polling station's proces-verbaal, as a typist enters them.

The proces-verbaal of a stembureau (model N 10-1 of the Regeling modellen Kieswet,
prescribed by Kieswet art. N 10, versie 2026) carries, in this order:

- the admitted voters (Kieswet art. N 1a lid 1, versie 2026): A valid stempassen, B valid
  volmachtbewijzen, C valid kiezerspassen and D their total;
- the votes cast: E the votes on lists (candidates), F blank, G invalid ballots
  (Kieswet art. N 6 and N 7, versie 2026) and H their total;
- when D and H differ: I more or J fewer ballots counted than voters admitted, and the
  explanations (ballots taken away, too few or too many handed out, other explanation)
  or that there is none;
- the votes per candidate of each list and the list's total (Kieswet art. N 6 lid 1,
  versie 2026).

Every figure has a field name (:func:`field_names`) that the checks, the comparison of
two entries and the CSV use, e.g. ``stempassen``, ``lijst 2`` (the list total) and
``lijst 2 kandidaat 5``.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "DIFFERENCE_FIELDS",
    "MAX_FIGURE",
    "TOTAL_FIELDS",
    "BallotLayout",
    "ListFigures",
    "ListLayout",
    "StationFigures",
    "candidate_field",
    "list_field",
]

MAX_FIGURE = 10_000_000
"""No polling station counts more ballots than this (a bound on input, not a rule)."""

TOTAL_FIELDS: tuple[tuple[str, str], ...] = (
    ("stempassen", "A: geldige stempassen"),
    ("volmachtbewijzen", "B: geldige volmachtbewijzen"),
    ("kiezerspassen", "C: geldige kiezerspassen"),
    ("toegelaten kiezers", "D: totaal toegelaten kiezers"),
    ("stemmen op lijsten", "E: stemmen op kandidaten (alle lijsten samen)"),
    ("blanco", "F: blanco stembiljetten"),
    ("ongeldig", "G: ongeldige stembiljetten"),
    ("uitgebrachte stemmen", "H: totaal uitgebrachte stemmen"),
)
"""The fields of the totals in the order of the proces-verbaal, with their Dutch label."""

DIFFERENCE_FIELDS: tuple[tuple[str, str], ...] = (
    ("meer geteld", "I: stembiljetten meer geteld dan kiezers toegelaten"),
    ("minder geteld", "J: stembiljetten minder geteld dan kiezers toegelaten"),
    ("meegenomen", "kiezers die het stembiljet hebben meegenomen"),
    ("te weinig uitgereikt", "te weinig uitgereikte stembiljetten"),
    ("te veel uitgereikt", "te veel uitgereikte stembiljetten"),
    ("geen verklaring", "stembiljetten waarvoor geen verklaring is"),
    ("andere verklaring", "stembiljetten met een andere verklaring"),
)
"""The explained differences between voters and ballots, in the order of the 510b."""


def list_field(number: int) -> str:
    """The field of a list's total: ``lijst 2``."""
    return f"lijst {number}"


def candidate_field(number: int, position: int) -> str:
    """The field of a candidate's votes: ``lijst 2 kandidaat 5``."""
    return f"lijst {number} kandidaat {position}"


@dataclass(frozen=True, slots=True)
class ListLayout:
    """One list on the ballot: its number, appellation and candidate positions (230b)."""

    number: int
    name: str
    positions: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class BallotLayout:
    """Every list of the ballot, in list order: what a proces-verbaal must hold."""

    lists: tuple[ListLayout, ...]

    def field_names(self) -> tuple[str, ...]:
        """Every field of a proces-verbaal with this ballot, in the order of the form."""
        names = [name for name, _ in TOTAL_FIELDS] + [name for name, _ in DIFFERENCE_FIELDS]
        for item in self.lists:
            names.append(list_field(item.number))
            names.extend(candidate_field(item.number, p) for p in item.positions)
        return tuple(names)


@dataclass(frozen=True, slots=True)
class ListFigures:
    """The votes of one list: its total as written and each candidate's votes by position."""

    number: int
    total: int
    candidates: tuple[tuple[int, int], ...]
    """(position, votes) in the order of the list."""

    @property
    def candidate_sum(self) -> int:
        """The candidates' votes added up."""
        return sum(votes for _, votes in self.candidates)


@dataclass(frozen=True, slots=True)
class StationFigures:
    """Every figure of one polling station's proces-verbaal, as typed (not yet checked).

    ``totals`` and ``differences`` map the field names of :data:`TOTAL_FIELDS` and
    :data:`DIFFERENCE_FIELDS` to the figures; ``lists`` follows the ballot's order.
    """

    totals: tuple[tuple[str, int], ...]
    differences: tuple[tuple[str, int], ...]
    lists: tuple[ListFigures, ...]

    def total(self, name: str) -> int:
        """One figure of the totals or the differences by field name (KeyError if unknown)."""
        for key, value in (*self.totals, *self.differences):
            if key == name:
                return value
        raise KeyError(name)

    def fields(self) -> tuple[tuple[str, int], ...]:
        """Every (field name, figure) in the order of the form."""
        items = [*self.totals, *self.differences]
        for item in self.lists:
            items.append((list_field(item.number), item.total))
            items.extend((candidate_field(item.number, p), v) for p, v in item.candidates)
        return tuple(items)

    def to_json(self) -> dict[str, object]:
        """A JSON object: totals, differences and per list [number, total, [[pos, votes]...]]."""
        return {
            "totalen": dict(self.totals),
            "verschillen": dict(self.differences),
            "lijsten": [
                [item.number, item.total, [list(c) for c in item.candidates]] for item in self.lists
            ],
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> StationFigures:
        """The inverse of :meth:`to_json`; ValueError/KeyError/TypeError when broken."""
        totals = data["totalen"]
        differences = data["verschillen"]
        lists = data["lijsten"]
        if not (
            isinstance(totals, dict) and isinstance(differences, dict) and isinstance(lists, list)
        ):
            msg = "totalen, verschillen of lijsten heeft de verkeerde vorm"
            raise TypeError(msg)
        return cls(
            totals=tuple((name, int(totals[name])) for name, _ in TOTAL_FIELDS),
            differences=tuple((name, int(differences[name])) for name, _ in DIFFERENCE_FIELDS),
            lists=tuple(
                ListFigures(
                    int(number),
                    int(total),
                    tuple((int(p), int(v)) for p, v in candidates),
                )
                for number, total, candidates in lists
            ),
        )
