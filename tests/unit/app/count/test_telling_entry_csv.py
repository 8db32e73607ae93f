"""The CSV of one proces-verbaal: every problem named by file and line, nothing half read."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "domain" / "count"))
from count_figures import LAYOUT, figures

from kandidaat.app.count.entry_csv import MAX_BYTES, figures_to_csv, parse_figures
from kandidaat.domain.errors import InputError

GOOD = figures_to_csv(figures())


def test_a_csv_written_for_figures_reads_back_as_the_same_figures() -> None:
    assert parse_figures(GOOD.encode(), "sb.csv", LAYOUT) == figures()


def test_a_byte_order_mark_and_lines_in_any_order_are_accepted() -> None:
    header, *rest = GOOD.splitlines()
    data = ("\ufeff" + "\n".join([header, *reversed(rest)]) + "\n").encode()
    assert parse_figures(data, "sb.csv", LAYOUT) == figures()


def test_a_file_that_is_not_utf8_is_refused_with_the_byte() -> None:
    data = GOOD.replace("stempassen", "stempassén").encode("latin-1")
    with pytest.raises(InputError, match=r"sb.csv: het bestand is geen UTF-8-tekst \(byte \d+\)"):
        parse_figures(data, "sb.csv", LAYOUT)


def test_a_wrong_header_is_refused_on_line_1() -> None:
    with pytest.raises(
        InputError, match=r"sb\.csv, regel 1: de kop moet 'rubriek;lijst;kandidaat;aantal'"
    ):
        parse_figures(GOOD.replace("rubriek", "veld", 1).encode(), "sb.csv", LAYOUT)


def test_a_field_given_twice_names_both_lines() -> None:
    data = (GOOD + "blanco;;;9\n").encode()
    with pytest.raises(InputError) as refused:
        parse_figures(data, "sb.csv", LAYOUT)
    last = len(GOOD.splitlines()) + 1
    assert f"sb.csv, regel {last}: blanco staat ook op regel 7" in refused.value.message


def test_an_unknown_field_and_a_candidate_not_on_the_list_are_named() -> None:
    data = (GOOD + "stemmen;;;1\nkandidaat;2;9;4\n").encode()
    with pytest.raises(InputError) as refused:
        parse_figures(data, "sb.csv", LAYOUT)
    assert "'stemmen;;' is geen veld van dit proces-verbaal" in refused.value.message
    assert "'kandidaat;2;9' is geen veld van dit proces-verbaal" in refused.value.message


def test_a_number_of_5000_digits_is_refused_without_a_crash() -> None:
    data = GOOD.replace("blanco;;;1", "blanco;;;" + "9" * 5000).encode()
    with pytest.raises(InputError, match="is geen geheel getal van 0 of meer"):
        parse_figures(data, "sb.csv", LAYOUT)


def test_an_empty_figure_is_refused_and_asks_for_0() -> None:
    data = GOOD.replace("blanco;;;1", "blanco;;;").encode()
    with pytest.raises(InputError, match="blanco: leeg; vul het getal van het proces-verbaal in"):
        parse_figures(data, "sb.csv", LAYOUT)


def test_a_file_larger_than_the_bound_is_refused_before_it_is_read() -> None:
    with pytest.raises(InputError, match="groter dan 4096 kB"):
        parse_figures(b"x" * (MAX_BYTES + 1), "groot.csv", LAYOUT)
