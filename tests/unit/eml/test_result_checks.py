"""EML 520: elected lists once each, each with its elected candidates in order 1, 2, 3."""

from __future__ import annotations

import dataclasses

from conftest import SAMPLES

from kandidaat.domain.election import ResultRecord
from kandidaat.domain.election.checks import check_result
from kandidaat.eml.documents import read_path


def _result() -> ResultRecord:
    record = read_path(SAMPLES / "synthetic" / "valid" / "eml520_test.eml.xml")
    assert isinstance(record, ResultRecord)
    return record


def test_the_synthetic_result_passes() -> None:
    assert check_result(_result()) == []


def test_an_elected_list_without_elected_candidates_is_a_finding() -> None:
    result = _result()
    number = result.elected_lists[0][0]
    others = tuple(c for c in result.elected if c.list_number != number)
    findings = check_result(dataclasses.replace(result, elected=others))
    assert [f.code for f in findings] == ["elected_list_without_candidates"]
    assert f"lijst {number} is gekozen" in findings[0].message


def test_an_order_of_election_with_a_gap_is_a_finding() -> None:
    result = _result()
    first = result.elected[0]
    changed = (dataclasses.replace(first, order=first.order + 10), *result.elected[1:])
    findings = check_result(dataclasses.replace(result, elected=changed))
    assert [f.code for f in findings] == ["elected_order"]


def test_a_result_without_elected_lists_is_a_finding() -> None:
    findings = check_result(dataclasses.replace(_result(), elected_lists=(), elected=()))
    assert [f.message for f in findings] == ["de uitslag noemt geen enkele gekozen lijst"]
