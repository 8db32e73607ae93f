"""``kandidaat seats -`` that reads no contest says so (exit 2), never "klaar" (exit 0)."""

from __future__ import annotations

import io
import json

import pytest

from kandidaat.app.cli import main


@pytest.mark.parametrize("text", ["", "\n", "   \n\n\t\n"], ids=["leeg", "lege regel", "witruimte"])
@pytest.mark.parametrize("as_json", [True, False], ids=["json", "tekst"])
def test_standard_input_without_a_contest_is_bad_input(
    text: str, *, as_json: bool, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    code = main(["seats", *(["--json"] if as_json else []), "-"])
    captured = capsys.readouterr()
    assert code == 2
    assert "geen verkiezing" in captured.err
    assert captured.out == ""


def test_one_contest_on_standard_input_is_still_computed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Kieswet P 5/P 7: 3 seats, quota 300/3 = 100; A 200 -> 2, B 100 -> 1 (hand computation).
    line = (
        '{"body": "GR", "seats": 3, "lists": [{"number": 1, "votes": 200, "candidate_count": 5},'
        ' {"number": 2, "votes": 100, "candidate_count": 5}]}\n'
    )
    monkeypatch.setattr("sys.stdin", io.StringIO(line))
    code = main(["seats", "--json", "-"])
    out = capsys.readouterr().out
    assert code == 0
    [document] = [json.loads(row) for row in out.splitlines()]
    assert document["seats"] == {"1": 2, "2": 1}
