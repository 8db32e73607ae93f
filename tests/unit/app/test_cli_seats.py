"""``kandidaat seats`` as a user runs it: reports, JSON, batches, lots and bad input."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from typing import TYPE_CHECKING, Any

import pytest

from kandidaat.app.cli import main

if TYPE_CHECKING:
    from pathlib import Path

P9_CONTEST: dict[str, Any] = {
    "body": "GR",
    "seats": 15,
    "lists": [
        {"number": 1, "name": "Partij A", "votes": 2552, "candidate_count": 50},
        {"number": 2, "votes": 511, "candidate_count": 50},
        {"number": 3, "votes": 511, "candidate_count": 50},
        {"number": 4, "votes": 511, "candidate_count": 50},
        {"number": 5, "votes": 509, "candidate_count": 50},
        {"number": 6, "votes": 509, "candidate_count": 50},
    ],
}

SMALL_WITH_CANDIDATES: dict[str, Any] = {
    "body": "GR",
    "seats": 9,
    "lists": [
        {
            "number": 1,
            "name": "Lokaal Belang",
            "candidates": [
                {"position": 1, "name": "A. de Vries", "votes": 400},
                {"position": 2, "name": "B. Jansen", "votes": 150},
                {"position": 3, "name": "C. Bakker", "votes": 500},
                {"position": 4, "name": "D. Visser", "votes": 50},
                {"position": 5, "name": "E. de Boer", "votes": 0},
                {"position": 6, "name": "F. Mulder", "votes": 0},
                {"position": 7, "name": "G. de Groot", "votes": 0},
            ],
        },
        {
            "number": 2,
            "name": "Dorpspartij",
            "candidates": [
                {"position": 1, "name": "H. Smit", "votes": 600},
                {"position": 2, "name": "I. Meijer", "votes": 90},
            ],
        },
    ],
}


def _write(tmp_path: Path, name: str, data: object) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _run(
    capsys: pytest.CaptureFixture[str], *argv: str, stdin: str | None = None
) -> tuple[int, str, str]:
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        code = main(list(argv))
    finally:
        sys.stdin = sys.__stdin__
    out, err = capsys.readouterr()
    return code, out, err


def test_a_tie_for_the_p9_seat_stops_with_exit_code_3_and_asks_the_committee(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "p9.json", P9_CONTEST)
    code, out, _ = _run(capsys, "seats", str(path))
    assert code == 3
    assert "LOTING NODIG" in out
    assert "lijsten 2, 3, 4" in out
    assert "nooit zelf een lot" in out


def test_the_drawn_lot_given_with_lot_completes_the_distribution(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "p9.json", P9_CONTEST)
    code, out, _ = _run(capsys, "seats", str(path), "--json", "--lot", "3")
    assert code == 0
    result = json.loads(out)
    assert result["status"] == "complete"
    assert result["seats"] == {"1": 8, "2": 2, "3": 1, "4": 2, "5": 1, "6": 1}
    assert result["quota"] == "1701/5"
    assert result["lots_drawn"][0]["drawn"] == 3
    p9 = [s for s in result["steps"] if s["type"] == "absolute_majority_reassignment"]
    assert p9 == [
        {
            "type": "absolute_majority_reassignment",
            "article": "P 9",
            "to_list": 1,
            "from_list": 3,
            "seat_number": 2,
            "value": "854/5",
            "drawing_lots": True,
        }
    ]


def test_lots_in_the_input_file_are_replayed_like_lot_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "p9.json", {**P9_CONTEST, "lots": [3]})
    code, out, _ = _run(capsys, "seats", str(path), "--json")
    assert code == 0
    assert json.loads(out)["seats"]["3"] == 1


def test_json_lot_request_names_kind_options_value_and_seat(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "p9.json", P9_CONTEST)
    code, out, _ = _run(capsys, "seats", str(path), "--json")
    assert code == 3
    result = json.loads(out)
    assert result["status"] == "drawing_of_lots_required"
    request = result["lot_request"]
    assert request["kind"] == "absolute_majority_largest_remainder"
    assert request["options"] == [2, 3, 4]
    assert request["assign_to"] == 1
    assert request["index"] == 1
    assert "volstrekte meerderheid" in request["question"]


def test_a_lot_answer_outside_the_options_is_refused_in_dutch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "p9.json", P9_CONTEST)
    code, out, err = _run(capsys, "seats", str(path), "--lot", "6")
    assert code == 2
    assert out == ""
    assert "lijst 6 kan niet uit deze loting komen" in err
    assert "Traceback" not in err


def test_more_lot_answers_than_lots_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "p9.json", P9_CONTEST)
    code, _, err = _run(capsys, "seats", str(path), "--lot", "3", "--lot", "2")
    assert code == 2
    assert "2 lotingsuitslagen opgegeven" in err


def test_the_text_report_explains_quota_full_seats_residual_seats_and_candidates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "small.json", SMALL_WITH_CANDIDATES)
    code, out, _ = _run(capsys, "seats", str(path))
    assert code == 0
    assert "Kiesdeler (art. P 5): 1790 / 9 = 198 8/9" in out
    assert "lijst   1:   5 volle zetel(s), overschot 105 5/9" in out
    assert "restzetel 1: lijst 1, grootste overschot 105 5/9" in out
    assert "lijstuitputting: lijst 2 heeft te weinig kandidaten" in out
    assert "restzetel 2: lijst 1, grootste gemiddelde 157 1/7 (één per lijst)" in out
    assert "Voorkeurdrempel (art. P 15): 1/2 van de kiesdeler = 99 4/9" in out
    assert "3. C. Bakker (500 stemmen) - voorkeurstemmen [P 15]" in out
    assert "Gewijzigde rangschikking" in out


def test_json_output_lists_elected_candidates_per_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "small.json", SMALL_WITH_CANDIDATES)
    code, out, _ = _run(capsys, "seats", str(path), "--json")
    assert code == 0
    result = json.loads(out)
    # Dorpspartij has 3 full seats but only 2 candidates: P 10 moves the seat to list 1.
    assert result["seats"] == {"1": 7, "2": 2}
    assert result["full_seats"] == {"1": 5, "2": 2}
    assert result["elected"] == {"1": [1, 2, 3, 4, 5, 6, 7], "2": [1, 2]}
    assert result["candidates"]["1"]["preferential"] == [3, 1, 2]
    assert result["candidates"]["1"]["ranking"] == [3, 1, 2, 4, 5, 6, 7]
    assert result["candidates"]["2"]["preferential"] == [1]
    assert result["candidates"]["2"]["in_list_order"] == [2]
    assert result["empty_seats"] == 0


def test_batch_of_files_prints_one_json_line_per_contest_in_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _write(tmp_path, "good.json", SMALL_WITH_CANDIDATES)
    lots = _write(tmp_path, "lots.json", P9_CONTEST)
    bad = _write(tmp_path, "bad.json", {"body": "XX", "seats": 3, "lists": []})
    code, out, _ = _run(capsys, "seats", "--json", str(good), str(bad), str(lots))
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["status"] for line in lines] == [
        "complete",
        "error",
        "drawing_of_lots_required",
    ]
    assert "onbekend orgaan 'XX'" in lines[1]["error"]
    assert lines[1]["source"].endswith("bad.json")
    assert code == 2


def test_json_lines_from_standard_input_keep_going_after_a_bad_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    stdin = "\n".join(
        [json.dumps(SMALL_WITH_CANDIDATES), "{niet json", json.dumps(SMALL_WITH_CANDIDATES)]
    )
    code, out, _ = _run(capsys, "seats", "--json", "-", stdin=stdin)
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["status"] for line in lines] == ["complete", "error", "complete"]
    assert lines[1]["error"].startswith("regel 2, regel 1, kolom 2: dit is geen geldige JSON")
    assert code == 2


BAD_INPUTS = [
    ({"seats": 3, "lists": [{"number": 1, "votes": 1, "candidate_count": 1}]}, "'body' ontbreekt"),
    ({**SMALL_WITH_CANDIDATES, "body": "Gemeente"}, "onbekend orgaan"),
    ({**SMALL_WITH_CANDIDATES, "seats": 0}, "'seats' moet minstens 1 zijn"),
    ({**SMALL_WITH_CANDIDATES, "seats": 9.5}, "'seats' moet een geheel getal zijn"),
    ({"body": "GR", "lists": []}, "veld 'seats' ontbreekt"),
    (
        {"body": "GR", "seats": 9, "lists": [{"number": 1, "votes": -5, "candidate_count": 3}]},
        "'lists[0].votes' kan niet negatief zijn",
    ),
    (
        {"body": "GR", "seats": 9, "lists": [{"number": 1, "votes": 12.5, "candidate_count": 3}]},
        "'lists[0].votes' moet een geheel getal zijn, niet 12.5",
    ),
    (
        {"body": "GR", "seats": 9, "lists": [{"number": 1, "votes": True, "candidate_count": 3}]},
        "moet een geheel getal zijn, niet true",
    ),
    (
        {
            "body": "GR",
            "seats": 9,
            "lists": [
                {"number": 1, "votes": 5, "candidate_count": 3},
                {"number": 1, "votes": 5, "candidate_count": 3},
            ],
        },
        "lijstnummers komen dubbel voor (1)",
    ),
    (
        {
            "body": "GR",
            "seats": 9,
            "lists": [
                {"number": 2, "votes": 5, "candidate_count": 3},
                {"number": 1, "votes": 5, "candidate_count": 3},
            ],
        },
        "oplopend gesorteerd",
    ),
    (
        {
            "body": "GR",
            "seats": 9,
            "lists": [
                {
                    "number": 1,
                    "candidates": [
                        {"position": 2, "votes": 5},
                        {"position": 1, "votes": 5},
                    ],
                }
            ],
        },
        "kandidaatnummers moeten oplopend gesorteerd zijn",
    ),
    (
        {
            "body": "GR",
            "seats": 9,
            "lists": [{"number": 1, "votes": 11, "candidates": [{"position": 1, "votes": 10}]}],
        },
        "'votes' is 11, maar de stemmen op de kandidaten tellen op tot 10",
    ),
    (
        {"body": "GR", "seats": 9, "lists": [{"number": 1, "votes": 5}]},
        "'lists[0].candidate_count' ontbreekt",
    ),
    ({"body": "GR", "seats": 9, "lists": "veel"}, "veld 'lists' moet een niet-lege lijst"),
    ([1, 2, 3], "moet een JSON-object zijn"),
]


@pytest.mark.parametrize(("data", "message"), BAD_INPUTS, ids=[m for _, m in BAD_INPUTS])
def test_bad_input_gives_a_dutch_message_naming_the_field_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: object, message: str
) -> None:
    path = _write(tmp_path, "invoer.json", data)
    code, out, err = _run(capsys, "seats", str(path))
    assert code == 2
    assert out == ""
    assert message in err
    assert "invoer.json" in err
    assert "Traceback" not in err


def test_malformed_json_names_file_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kapot.json"
    path.write_text('{\n  "body": "GR",\n  "seats": 9,\n  "lists": [\n', encoding="utf-8")
    code, _, err = _run(capsys, "seats", str(path))
    assert code == 2
    assert "kapot.json, regel 5" in err


def test_a_missing_file_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = _run(capsys, "seats", str(tmp_path / "weg.json"))
    assert code == 2
    assert "weg.json: bestand bestaat niet" in err


def test_usage_errors_are_dutch_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["seats"])
    assert stopped.value.code == 2
    assert "deze argumenten ontbreken" in capsys.readouterr().err


def test_the_installed_command_runs_as_a_separate_process(tmp_path: Path) -> None:
    path = _write(tmp_path, "small.json", SMALL_WITH_CANDIDATES)
    completed = subprocess.run(
        [sys.executable, "-m", "kandidaat", "seats", "--json", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0
    assert json.loads(completed.stdout)["seats"] == {"1": 7, "2": 2}


def test_eerste_kamer_input_weighs_votes_by_province_u2_u3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Stemwaarde: Noord 584104 / (100 * 43) = 135.8 -> 136; Zuid given directly as 98.
    data = {
        "body": "EK",
        "seats": 5,
        "provinces": [
            {"name": "Noord", "inhabitants": 584104, "members": 43},
            {"name": "Zuid", "stemwaarde": 98},
        ],
        "lists": [
            {
                "number": 1,
                "candidates": [
                    {"position": 1, "province_votes": {"Noord": 20, "Zuid": 5}},
                    {"position": 2, "province_votes": {"Noord": 2}},
                ],
            },
            {"number": 2, "province_votes": {"Noord": 21, "Zuid": 30}, "candidate_count": 10},
        ],
    }
    path = _write(tmp_path, "ek.json", data)
    code, out, _ = _run(capsys, "seats", str(path), "--json")
    assert code == 0
    result = json.loads(out)
    # List 1: 22*136 + 5*98 = 3482; list 2: 21*136 + 30*98 = 5796.
    assert result["total_votes"] == 3482 + 5796
    assert result["seats"] == {"1": 2, "2": 3}


def test_a_province_without_stemwaarde_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = {
        "body": "EK",
        "seats": 5,
        "provinces": [{"name": "Noord", "stemwaarde": 100}],
        "lists": [{"number": 1, "province_votes": {"Oost": 3}, "candidate_count": 3}],
    }
    code, _, err = _run(capsys, "seats", str(_write(tmp_path, "ek.json", data)))
    assert code == 2
    assert "'Oost' heeft geen stemwaarde" in err


def test_a_lijstengroep_in_the_input_distributes_seats_over_its_lists(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = {
        "body": "PS",
        "seats": 25,
        "lists": [
            {
                "number": 1,
                "name": "Groep",
                "sublists": [
                    {
                        "number": 1,
                        "kieskringen": [1],
                        "candidates": [
                            {"position": 1, "name": "a", "votes": 400},
                            {"position": 2, "name": "b", "votes": 150},
                        ],
                    },
                    {
                        "number": 2,
                        "kieskringen": [2],
                        "candidates": [
                            {"position": 1, "name": "c", "votes": 90},
                            {"position": 2, "name": "d", "votes": 80},
                            {"position": 3, "name": "e", "votes": 80},
                        ],
                    },
                ],
            },
            {"number": 2, "name": "Ander", "votes": 9200, "candidate_count": 30},
        ],
    }
    code, out, _ = _run(capsys, "seats", str(_write(tmp_path, "ps.json", data)), "--json")
    assert code == 0
    result = json.loads(out)
    assert result["seats"] == {"1": 2, "2": 23}
    assert result["groups"]["1"]["seats"] == {"1": 2, "2": 0}
    assert result["groups"]["1"]["elected"] == {"1": [1, 2], "2": []}


def test_the_report_explains_the_seats_inside_a_lijstengroep(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = {
        "body": "PS",
        "seats": 25,
        "lists": [
            {
                "number": 1,
                "name": "Groep",
                "sublists": [
                    {
                        "number": 1,
                        "kieskringen": [1],
                        "candidates": [
                            {"position": 1, "name": "a", "votes": 400},
                            {"position": 2, "name": "b", "votes": 150},
                        ],
                    },
                    {
                        "number": 2,
                        "kieskringen": [2],
                        # c, d, e stay below the preference threshold of 100
                        "candidates": [
                            {"position": 1, "name": "c", "votes": 90},
                            {"position": 2, "name": "d", "votes": 80},
                            {"position": 3, "name": "e", "votes": 80},
                        ],
                    },
                ],
            },
            {"number": 2, "name": "Ander", "votes": 9200, "candidate_count": 30},
        ],
    }
    code, out, _ = _run(capsys, "seats", str(_write(tmp_path, "ps.json", data)))
    assert code == 0
    assert "groep 1, volle zetels binnen de groep: lijst 1: 1" in out
    assert "groep 1, lijst 2 krijgt een zetel met het grootste overschot 250 [P 12]" in out
    assert "groep 1, lijst 2 levert de laatst toegekende zetel in [P 16 lid 2]" in out
    assert "lijst 1, deellijst 2: geen zetel" in out


def _huge_votes_file(tmp_path: Path, digits: int) -> Path:
    path = tmp_path / "groot.json"
    path.write_text(
        '{"body": "GR", "seats": 9, "lists": [{"number": 1, "candidate_count": 3, '
        f'"votes": {"9" * digits}}}]}}',
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("digits", [11, 4301, 100_000])
def test_a_vote_count_with_thousands_of_digits_is_refused_in_dutch_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], digits: int
) -> None:
    # int() refuses more than 4300 digits with an English ValueError (CPython's limit).
    path = _huge_votes_file(tmp_path, digits)
    code, out, err = _run(capsys, "seats", str(path))
    assert code == 2
    assert out == ""
    assert "groot.json: het getal 9999" in err
    assert "meer dan 10 cijfers" in err
    assert len(err) < 300


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {
                "body": "TK",
                "seats": 151,
                "lists": [{"number": 1, "votes": 5, "candidate_count": 1}],
            },
            "veld 'seats' is 151; ten hoogste 150 is toegestaan",
        ),
        (
            {
                "body": "GR",
                "seats": 9,
                "lists": [{"number": 1, "votes": 1_000_000_001, "candidate_count": 1}],
            },
            "veld 'lists[0].votes' is 1000000001; ten hoogste 1000000000 is toegestaan",
        ),
        (
            {
                "body": "GR",
                "seats": 9,
                "lists": [{"number": 1, "votes": 5, "candidate_count": 5000}],
            },
            "veld 'lists[0].candidate_count' is 5000; ten hoogste 1000 is toegestaan",
        ),
        (
            {
                "body": "GR",
                "seats": 9,
                "lists": [{"number": 1, "votes": 5, "candidate_count": 1}],
                "lots": [10**10 - 1],
            },
            "veld 'lots[0]': een lotingsuitslag is een lijst- of kandidaatnummer",
        ),
    ],
)
def test_numbers_beyond_any_election_are_refused_naming_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: object, message: str
) -> None:
    path = _write(tmp_path, "invoer.json", data)
    code, _, err = _run(capsys, "seats", str(path))
    assert code == 2
    assert message in err
