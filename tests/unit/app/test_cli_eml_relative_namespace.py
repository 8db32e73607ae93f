"""A file with a relative namespace URI has no canonical form: refused in Dutch, not a crash.

Found by the fuzz test (tests/property/test_eml_fuzz.py): mutating
``http://www.kiesraad.nl/extensions`` into ``//www.kiesraad.nl/extensions`` made
lxml raise C14NError out of ``kandidaat eml check`` and ``kandidaat eml hash``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from kandidaat.app.cli import main

if TYPE_CHECKING:
    import pytest

SAMPLE = (
    Path(__file__).resolve().parents[3]
    / ".."
    / "shared"
    / "eml_nl"
    / "samples"
    / "synthetic"
    / "valid"
    / "deserialize_eml510d_test.eml.xml"
)


def _relative_namespace_copy(tmp_path: Path) -> Path:
    data = SAMPLE.read_bytes()
    assert b'"http://www.kiesraad.nl/extensions"' in data
    broken = tmp_path / "relatief.eml.xml"
    broken.write_bytes(
        data.replace(b'"http://www.kiesraad.nl/extensions"', b'"//www.kiesraad.nl/extensions"')
    )
    return broken


def test_hash_of_a_file_with_a_relative_namespace_is_refused_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = _relative_namespace_copy(tmp_path)
    assert main(["eml", "hash", str(broken)]) == 2
    err = capsys.readouterr().err
    assert "relatief.eml.xml" in err
    assert "geen canonieke vorm" in err
    assert "Traceback" not in err


def test_check_of_a_file_with_a_relative_namespace_reports_a_hash_code_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = _relative_namespace_copy(tmp_path)
    code = main(["eml", "check", "--json", str(broken)])
    [result] = json.loads(capsys.readouterr().out)
    assert code in {1, 2}
    assert result["hash_code"] is None
    assert any("geen canonieke vorm" in f["message"] for f in result["findings"])
