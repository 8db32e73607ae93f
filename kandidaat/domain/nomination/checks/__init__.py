"""The Kieswet checks of a party's nomination: one module per topic, one entry point.

Every check is a function ``(nomination, context) -> list[Finding]``; they read
the nomination and never change it. :func:`run_checks` runs them all and sorts
the findings: errors first, then warnings, then information; within a
severity the party-level findings first, then by list and position.
Kieswet and Kiesbesluit geldend op 2026-01-01.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from kandidaat.domain.nomination.checks.appellation import check_appellation
from kandidaat.domain.nomination.checks.candidate_data import (
    check_bsn,
    check_gender,
    check_naming,
    check_required_data,
)
from kandidaat.domain.nomination.checks.context import CheckContext
from kandidaat.domain.nomination.checks.deposit import check_deposit
from kandidaat.domain.nomination.checks.documents import (
    check_european_parliament,
    check_id_copies,
)
from kandidaat.domain.nomination.checks.duplicates import check_duplicates
from kandidaat.domain.nomination.checks.eligibility import check_age
from kandidaat.domain.nomination.checks.facts import Gap, PartialDate, SourceFacts
from kandidaat.domain.nomination.checks.lists import (
    check_duplicate_kieskringen,
    check_language,
    check_lists,
    check_structure,
)
from kandidaat.domain.nomination.checks.maximum import check_maximum, check_previous_result_known
from kandidaat.domain.nomination.checks.residence import (
    check_agent,
    check_correspondence,
    check_settlement,
)
from kandidaat.domain.nomination.checks.submitters import check_submitters
from kandidaat.domain.nomination.checks.support import check_support
from kandidaat.domain.nomination.checks.timing import check_deadlines
from kandidaat.domain.nomination.findings import Finding, Severity
from kandidaat.domain.nomination.model import Nomination

__all__ = ["CHECKS", "Check", "CheckContext", "Gap", "PartialDate", "SourceFacts", "run_checks"]

Check = Callable[[Nomination, CheckContext], list[Finding]]

CHECKS: tuple[Check, ...] = (
    check_lists,
    check_duplicate_kieskringen,
    check_structure,
    check_language,
    check_maximum,
    check_previous_result_known,
    check_support,
    check_deposit,
    check_appellation,
    check_submitters,
    check_required_data,
    check_naming,
    check_bsn,
    check_gender,
    check_age,
    check_duplicates,
    check_settlement,
    check_agent,
    check_correspondence,
    check_id_copies,
    check_european_parliament,
    check_deadlines,
)
"""Every check, in the order of the Kieswet's chapters H and I."""

_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def run_checks(
    nomination: Nomination, *, today: date | None = None, facts: SourceFacts | None = None
) -> tuple[Finding, ...]:
    """All findings for ``nomination``, sorted: errors first, then by list and position.

    ``today`` decides which deadlines have passed (default: the computer's date).
    ``facts`` says what the source did not carry (default: a complete project);
    a check that needs a missing fact says it cannot be checked (ADR 0024).
    """
    day = today or date.today()  # noqa: DTZ011 - a calendar day is what the deadlines compare with
    context = CheckContext.build(nomination, day, facts)
    findings = [finding for check in CHECKS for finding in check(nomination, context)]
    return tuple(sorted(findings, key=lambda finding: _order(finding, context)))


def _order(finding: Finding, context: CheckContext) -> tuple[int, int, int, int]:
    """Sort key: severity, list number (party first), position, original order."""
    list_number = context.list_number(finding.list_key) if finding.list_key else 0
    position = 0
    if finding.candidate_key:
        for appearance in context.appearances.get(finding.candidate_key, ()):
            if finding.list_key in {None, appearance.candidate_list.key}:
                list_number = list_number or appearance.list_number
                position = appearance.position
                break
    return (_RANK[finding.severity], list_number, position, 0)
