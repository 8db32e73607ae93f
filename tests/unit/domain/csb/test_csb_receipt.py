"""Kieswet H 1 lid 1 and I 5: lists are handed in on the nomination day from 09:00 to 17:00."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kandidaat.domain.csb.receipt import handed_in_in_time, late_finding
from kandidaat.domain.nomination.findings import Severity
from kandidaat.domain.nomination.model import Body

DAY = date(2026, 2, 2)  # kandidaatstelling gemeenteraden 2026: maandag 2 februari 2026


@pytest.mark.parametrize(
    ("moment", "in_time"),
    [
        (datetime.fromisoformat("2026-02-02 09:00:00"), True),
        (datetime.fromisoformat("2026-02-02 12:15:00"), True),
        (datetime.fromisoformat("2026-02-02 17:00:00"), True),
        (datetime.fromisoformat("2026-02-02 17:00:01"), False),
        (datetime.fromisoformat("2026-02-02 17:01:00"), False),
        (datetime.fromisoformat("2026-02-02 08:59:00"), False),
        (datetime.fromisoformat("2026-02-01 12:00:00"), False),
        (datetime.fromisoformat("2026-02-03 10:00:00"), False),
    ],
)
def test_only_the_nomination_day_between_nine_and_seventeen_is_in_time(
    moment: datetime, *, in_time: bool
) -> None:
    assert handed_in_in_time(moment, DAY) is in_time


def test_a_list_received_after_17_00_is_invalid_under_article_i_5() -> None:
    finding = late_finding(Body.GR, datetime.fromisoformat("2026-02-02 17:05:00"), DAY, "lijst-1")
    assert finding is not None
    assert finding.severity is Severity.ERROR
    assert finding.article == "Kieswet H 1 lid 1 en I 5"
    assert "02-02-2026 17:05" in finding.message
    assert "ongeldig" in finding.message


def test_the_eerste_kamer_cites_its_own_articles() -> None:
    finding = late_finding(
        Body.EK, datetime.fromisoformat("2027-03-30 18:00:00"), date(2027, 3, 30), None
    )
    assert finding is not None
    assert finding.article == "Kieswet R 1 lid 1 en S 3"


def test_a_list_in_time_has_no_finding() -> None:
    assert (
        late_finding(Body.GR, datetime.fromisoformat("2026-02-02 16:59:00"), DAY, "lijst-1") is None
    )
