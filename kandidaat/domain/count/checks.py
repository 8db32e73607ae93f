"""The checks of one entry of a proces-verbaal while it is typed, as abacus does and more.

Errors (:attr:`Severity.ERROR`) are figures of the form that cannot all be right: the
entry is refused until the typist corrects a typing error, or the coordinator the
paper. Warnings (:attr:`Severity.WARNING`) are remarkable but possible figures: the
typist confirms each one and the confirmation is logged. Codes are stable; the
abacus rule each one follows is named in its docstring line (F.2xx, W.2xx).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.domain.count.figures import (
    DIFFERENCE_FIELDS,
    MAX_FIGURE,
    TOTAL_FIELDS,
    list_field,
)
from kandidaat.domain.nomination.findings import Finding, Severity

if TYPE_CHECKING:
    from kandidaat.domain.count.figures import BallotLayout, StationFigures

__all__ = ["EXPLANATIONS", "blocking", "check_entry", "check_structure", "warnings_of"]

EXPLANATIONS = (
    "meegenomen",
    "te weinig uitgereikt",
    "te veel uitgereikt",
    "geen verklaring",
    "andere verklaring",
)
"""The explanations of a difference between admitted voters (D) and ballots (H)."""

_N2 = "Kieswet N 1a lid 1 (versie 2026)"
_N8 = "Kieswet N 6 lid 1 (versie 2026)"
_N10 = "Kieswet N 10 (versie 2026), model N 10-1"


def _error(code: str, article: str, message: str, field: str | None) -> Finding:
    return Finding(code, Severity.ERROR, article, message, field=field)


def _warning(code: str, message: str, field: str | None) -> Finding:
    return Finding(code, Severity.WARNING, _N10, message, field=field)


def check_structure(figures: StationFigures, layout: BallotLayout) -> list[Finding]:
    """Every list and candidate of the ballot once, nothing else, every figure in range.

    Kieswet N 6 lid 1 (versie 2026): the stembureau counts the votes of every candidate of
    every list; a candidate without votes has 0 on the form, never an empty field.
    """
    findings: list[Finding] = []
    expected = {item.number: item for item in layout.lists}
    given = {item.number: item for item in figures.lists}
    findings += [
        _error(
            "count-list-missing", _N8, f"lijst {n} ontbreekt; vul haar in, ook met 0", list_field(n)
        )
        for n in sorted(set(expected) - set(given))
    ]
    findings += [
        _error(
            "count-list-unknown",
            _N8,
            f"lijst {n} staat niet op het stembiljet (de kandidatenlijsten, 230b)",
            list_field(n),
        )
        for n in sorted(set(given) - set(expected))
    ]
    for number in sorted(set(expected) & set(given)):
        wanted = expected[number].positions
        typed = tuple(p for p, _ in given[number].candidates)
        if typed != wanted:
            missing = sorted(set(wanted) - set(typed))
            extra = sorted(set(typed) - set(wanted))
            parts = []
            if missing:
                parts.append("ontbrekend: " + ", ".join(map(str, missing[:10])))
            if extra:
                parts.append("niet op de lijst: " + ", ".join(map(str, extra[:10])))
            detail = "; ".join(parts) or "de volgorde wijkt af van de kandidatenlijst"
            findings.append(
                _error(
                    "count-candidates-not-the-list",
                    _N8,
                    f"lijst {number}: de kandidaten zijn niet die van de lijst ({detail})",
                    list_field(number),
                )
            )
    findings += [
        _error(
            "count-figure-out-of-range",
            _N10,
            f"{name}: {value} is geen aantal van 0 tot en met {MAX_FIGURE}",
            name,
        )
        for name, value in figures.fields()
        if not 0 <= value <= MAX_FIGURE
    ]
    return findings


def _sums(figures: StationFigures) -> list[Finding]:
    """The totals of the form add up (abacus F.201, F.202, F.203, F.402)."""
    t = figures.total
    findings = []
    voters = t("stempassen") + t("volmachtbewijzen") + t("kiezerspassen")
    if voters != t("toegelaten kiezers"):
        findings.append(
            _error(
                "count-voters-sum",
                _N2,
                f"A + B + C (stempassen, volmachtbewijzen, kiezerspassen: {voters}) is niet "
                f"gelijk aan D, het totaal toegelaten kiezers ({t('toegelaten kiezers')})",
                "toegelaten kiezers",
            )
        )
    lists = sum(item.total for item in figures.lists)
    if lists != t("stemmen op lijsten"):
        findings.append(
            _error(
                "count-lists-sum",
                _N8,
                f"de lijsttotalen samen ({lists}) zijn niet gelijk aan E, de stemmen op "
                f"lijsten ({t('stemmen op lijsten')})",
                "stemmen op lijsten",
            )
        )
    cast = t("stemmen op lijsten") + t("blanco") + t("ongeldig")
    if cast != t("uitgebrachte stemmen"):
        findings.append(
            _error(
                "count-votes-sum",
                _N10,
                f"E + F + G (stemmen op lijsten, blanco, ongeldig: {cast}) is niet gelijk aan "
                f"H, het totaal uitgebrachte stemmen ({t('uitgebrachte stemmen')})",
                "uitgebrachte stemmen",
            )
        )
    findings += [
        _error(
            "count-list-candidates-sum",
            _N8,
            f"lijst {item.number}: de stemmen op de kandidaten ({item.candidate_sum}) tellen niet "
            f"op tot het lijsttotaal ({item.total})",
            list_field(item.number),
        )
        for item in figures.lists
        if item.candidate_sum != item.total
    ]
    return findings


def _differences(figures: StationFigures) -> list[Finding]:
    """I and J state the difference between D and H; the explanations add up to it.

    Kieswet N 10 (versie 2026) with model N 10-1: the proces-verbaal explains every
    difference between the admitted voters and the ballots counted (abacus F.305 -
    F.309 and the explanation rubric).
    """
    t = figures.total
    admitted, cast = t("toegelaten kiezers"), t("uitgebrachte stemmen")
    more, fewer = max(cast - admitted, 0), max(admitted - cast, 0)
    findings = []
    if t("meer geteld") != more or t("minder geteld") != fewer:
        findings.append(
            _error(
                "count-difference-figure",
                _N10,
                f"H - D is {cast - admitted}: I (meer geteld) hoort {more} en J (minder geteld) "
                f"{fewer} te zijn, niet {t('meer geteld')} en {t('minder geteld')}",
                "meer geteld" if t("meer geteld") != more else "minder geteld",
            )
        )
    explained = sum(t(name) for name in EXPLANATIONS)
    if explained != more + fewer:
        findings.append(
            _error(
                "count-difference-explanations-sum",
                _N10,
                f"de verklaringen van het verschil tellen op tot {explained}, maar het verschil "
                f"tussen D ({admitted}) en H ({cast}) is {more + fewer}",
                "geen verklaring",
            )
        )
    return findings


def _plausibility(figures: StationFigures) -> list[Finding]:
    """Remarkable figures a typist confirms (abacus W.201, W.202, W.203, W.205, and more)."""
    t = figures.total
    admitted, cast = t("toegelaten kiezers"), t("uitgebrachte stemmen")
    findings = []
    if cast == 0:
        findings.append(
            _warning(
                "count-no-votes",
                "H, het totaal uitgebrachte stemmen, is 0",
                "uitgebrachte stemmen",
            )
        )
    if cast > admitted:
        findings.append(
            _warning(
                "count-more-ballots-than-voters",
                f"er zijn meer stembiljetten geteld (H {cast}) dan kiezers toegelaten "
                f"(D {admitted})",
                "uitgebrachte stemmen",
            )
        )
    difference = abs(cast - admitted)
    if difference >= 15 and difference * 100 >= 2 * cast:
        findings.append(
            _warning(
                "count-large-difference",
                f"groot verschil tussen D ({admitted}) en H ({cast}): {difference}, 2% of meer "
                "en 15 of meer",
                "toegelaten kiezers",
            )
        )
    if t("geen verklaring") > 0:
        findings.append(
            _warning(
                "count-unexplained-difference",
                f"{t('geen verklaring')} stembiljet(ten) zonder verklaring van het verschil; "
                "het gemeentelijk stembureau telt opnieuw of verklaart het",
                "geen verklaring",
            )
        )
    for code, name, word in (
        ("count-many-blank", "blanco", "blanco"),
        ("count-many-invalid", "ongeldig", "ongeldige"),
    ):
        if cast and t(name) * 100 >= 3 * cast:
            findings.append(
                _warning(
                    code,
                    f"{t(name)} {word} stembiljetten: 3% of meer van H ({cast})",
                    name,
                )
            )
    return findings


def check_entry(figures: StationFigures, layout: BallotLayout) -> tuple[Finding, ...]:
    """Every error and warning of one entry, errors first, in the order of the form."""
    names = {name for name, _ in (*TOTAL_FIELDS, *DIFFERENCE_FIELDS)}
    given = {name for name, _ in (*figures.totals, *figures.differences)}
    if given != names:
        missing = ", ".join(sorted(names - given))
        return (_error("count-field-missing", _N10, f"velden ontbreken: {missing}", None),)
    structure = check_structure(figures, layout)
    if structure:
        return tuple(structure)
    findings = _sums(figures) + _differences(figures) + _plausibility(figures)
    findings.sort(key=lambda f: f.severity != Severity.ERROR)
    return tuple(findings)


def blocking(findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
    """The errors: an entry with any of them is not stored."""
    return tuple(f for f in findings if f.severity == Severity.ERROR)


def warnings_of(findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
    """The warnings: each needs the typist's confirmation."""
    return tuple(f for f in findings if f.severity == Severity.WARNING)
