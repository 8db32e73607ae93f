"""The checks while a typist enters a proces-verbaal: errors block, warnings are confirmed.

Every expected figure below is computed by hand in the test from the rules of the
form (A + B + C = D, E + F + G = H, list total = its candidates, I/J = H - D).
"""

from __future__ import annotations

import dataclasses

from count_figures import LAYOUT, figures

from kandidaat.domain.count.checks import blocking, check_entry, warnings_of
from kandidaat.domain.count.compare import FieldDifference, compare_entries
from kandidaat.domain.count.figures import StationFigures
from kandidaat.domain.nomination.findings import Severity


def test_a_proces_verbaal_that_adds_up_has_no_findings() -> None:
    # 50+30+20 + 40+10 = 150 on lists, + 1 blank + 1 invalid = 152 = 140 + 12 admitted.
    assert check_entry(figures(), LAYOUT) == ()


def test_a_list_total_that_is_not_the_sum_of_its_candidates_is_an_error_naming_the_list() -> None:
    entry = figures()
    wrong = dataclasses.replace(entry.lists[1], total=51)  # candidates 40 + 10 = 50
    entry = dataclasses.replace(entry, lists=(entry.lists[0], wrong))
    errors = blocking(check_entry(entry, LAYOUT))
    by_code = {f.code: f for f in errors}
    assert by_code["count-list-candidates-sum"].field == "lijst 2"
    assert (
        "(50) tellen niet op tot het lijsttotaal (51)"
        in by_code["count-list-candidates-sum"].message
    )
    # The list totals (100 + 51 = 151) no longer match E (150) either.
    assert by_code["count-lists-sum"].field == "stemmen op lijsten"
    assert all(f.severity == Severity.ERROR for f in errors)


def test_admitted_voters_that_do_not_add_up_to_d_are_an_error() -> None:
    errors = blocking(
        check_entry(figures(admitted=153, cast=152, minder_geteld=1, andere_verklaring=1), LAYOUT)
    )
    assert [f.code for f in errors] == ["count-voters-sum"]
    assert errors[0].field == "toegelaten kiezers"
    assert "kiezerspassen: 152)" in errors[0].message  # 140 + 12 + 0
    assert "toegelaten kiezers (153)" in errors[0].message
    # Kieswet N 1a lid 1: "De som van deze aantallen is het aantal kiezers dat tot de
    # stemming is toegelaten."
    assert errors[0].article.startswith("Kieswet N 1a lid 1")


def test_ballots_that_do_not_add_up_to_h_are_an_error() -> None:
    findings = check_entry(figures(cast=153, meer_geteld=1, andere_verklaring=1), LAYOUT)
    assert [f.code for f in blocking(findings)] == ["count-votes-sum"]


def test_more_ballots_than_voters_with_the_difference_explained_is_a_warning_only() -> None:
    # D = 140 + 11 = 151, H = 152: one ballot more, explained as "te veel uitgereikt".
    entry = figures(volmacht=11, meer_geteld=1, te_veel_uitgereikt=1)
    findings = check_entry(entry, LAYOUT)
    assert blocking(findings) == ()
    assert [f.code for f in warnings_of(findings)] == ["count-more-ballots-than-voters"]


def test_a_difference_in_the_wrong_box_is_an_error() -> None:
    # H - D = +1, so I (meer geteld) is 1, not J.
    entry = figures(volmacht=11, minder_geteld=1, te_veel_uitgereikt=1)
    assert [f.code for f in blocking(check_entry(entry, LAYOUT))] == ["count-difference-figure"]


def test_a_difference_whose_explanations_do_not_add_up_is_an_error() -> None:
    entry = figures(volmacht=11, meer_geteld=1)
    errors = blocking(check_entry(entry, LAYOUT))
    assert [f.code for f in errors] == ["count-difference-explanations-sum"]
    assert "tellen op tot 0" in errors[0].message
    assert "is 1" in errors[0].message


def test_a_difference_without_explanation_needs_a_confirmation() -> None:
    entry = figures(volmacht=11, meer_geteld=1, geen_verklaring=1)
    codes = [f.code for f in warnings_of(check_entry(entry, LAYOUT))]
    assert "count-unexplained-difference" in codes


def test_three_percent_blank_is_a_warning_and_less_is_not() -> None:
    # H = 100: 3 blank is 3% (warning), 2 blank is 2% (none).
    many = figures(
        lists=((1, (50, 30, 16)), (2, (1, 0))), stempassen=100, volmacht=0, blank=3, invalid=0
    )
    few = figures(
        lists=((1, (50, 30, 16)), (2, (1, 0))), stempassen=100, volmacht=0, blank=2, invalid=1
    )
    assert [f.code for f in check_entry(many, LAYOUT)] == ["count-many-blank"]
    assert check_entry(few, LAYOUT) == ()


def test_a_large_difference_between_voters_and_ballots_is_a_warning() -> None:
    # D = 167, H = 152: 15 fewer, and 15 * 100 >= 2 * 152.
    entry = figures(stempassen=155, minder_geteld=15, meegenomen=15)
    codes = [f.code for f in check_entry(entry, LAYOUT)]
    assert codes == ["count-large-difference"]


def test_a_missing_candidate_is_an_error_before_any_sum_is_checked() -> None:
    entry = figures(lists=((1, (50, 30)), (2, (40, 10))))
    errors = check_entry(entry, LAYOUT)
    assert [f.code for f in errors] == ["count-candidates-not-the-list"]
    assert "ontbrekend: 3" in errors[0].message


def test_a_missing_list_is_an_error() -> None:
    entry = figures(lists=((1, (50, 30, 20)),))
    assert [f.code for f in check_entry(entry, LAYOUT)] == ["count-list-missing"]


def test_two_entries_differing_in_one_candidate_show_exactly_that_field() -> None:
    first = figures()
    second = figures(lists=((1, (50, 30, 20)), (2, (41, 10))))
    differences = compare_entries(first, second)
    # Candidate 1 of list 2, the list's total and E and H all follow from the one typo.
    assert FieldDifference("lijst 2 kandidaat 1", 40, 41) in differences
    assert [d.field for d in differences] == [
        "stemmen op lijsten",
        "uitgebrachte stemmen",
        "lijst 2",
        "lijst 2 kandidaat 1",
    ]
    assert compare_entries(first, figures()) == ()


def test_figures_survive_their_json_form() -> None:
    entry = figures(volmacht=11, meer_geteld=1, te_veel_uitgereikt=1)
    assert StationFigures.from_json(entry.to_json()) == entry
