"""Whatever a user types, the checks answer with findings, never with a traceback."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nomination_factories import gemeente, party, tk

from kandidaat.domain.nomination.checks import run_checks
from kandidaat.domain.nomination.model import (
    AppellationKind,
    Candidate,
    CandidateList,
    Election,
    Gender,
    Nomination,
    PostalAddress,
)

_TEXT = st.text(max_size=12)
_CANDIDATES = st.lists(
    st.builds(
        Candidate,
        key=st.sampled_from(["a", "b", "c", "d", "e"]),
        initials=_TEXT,
        last_name=_TEXT,
        prefix=st.sampled_from(["", "van", "De", "v.d."]),
        first_name=_TEXT,
        gender=st.none() | st.sampled_from(list(Gender)),
        date_of_birth=st.none() | st.dates(date(1890, 1, 1), date(2030, 1, 1)),
        locality=st.sampled_from(["", "Utrecht", "Zeist", "Kralendijk"]),
        country_code=st.sampled_from(["NL", "BE", "BQ", "", "??"]),
        bsn=st.text(alphabet="0123456789 .x", max_size=11),
        correspondence=st.none() | st.builds(PostalAddress, _TEXT, _TEXT, _TEXT),
        lives_in_area=st.none() | st.booleans(),
        settlement_areas=st.lists(st.sampled_from(["Utrecht", "Ede"]), max_size=2).map(tuple),
        is_member=st.booleans(),
        nationality=st.sampled_from(["NL", "BE", "US", ""]),
    ),
    max_size=6,
)
_LISTS = st.lists(
    st.builds(
        CandidateList,
        key=st.sampled_from(["L1", "L2", "L3"]),
        kieskringen=st.lists(st.sampled_from(["1", "2", "20", "99"]), max_size=3).map(tuple),
        candidates=st.lists(st.sampled_from(["a", "b", "c", "x"]), max_size=5).map(tuple),
        publish_gender=st.booleans(),
        language=st.sampled_from(["nl", "fy", "xx"]),
    ),
    max_size=3,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    election=st.sampled_from([gemeente(), tk()]),
    kind=st.sampled_from(list(AppellationKind)),
    previous=st.none() | st.integers(0, 40),
    candidates=_CANDIDATES,
    lists=_LISTS,
    today=st.dates(date(2024, 1, 1), date(2027, 1, 1)),
)
def test_any_nomination_gives_sorted_dutch_findings_and_never_raises(
    election: Election,
    kind: AppellationKind,
    previous: int | None,
    candidates: list[Candidate],
    lists: list[CandidateList],
    today: date,
) -> None:
    nomination = Nomination(election, party(previous, kind), tuple(candidates), tuple(lists))
    findings = run_checks(nomination, today=today)
    ranks = [("error", "warning", "info").index(f.severity.value) for f in findings]
    assert ranks == sorted(ranks)
    for finding in findings:
        assert finding.article.startswith(("Kieswet ", "Kiesbesluit "))
        assert finding.message.strip()
        assert not finding.message[0].islower()  # a sentence; user text may start with a digit
