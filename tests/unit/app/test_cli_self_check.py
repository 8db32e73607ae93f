"""``kandidaat --self-check`` as a user runs it from a source checkout."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.app.cli import main

if TYPE_CHECKING:
    from pathlib import Path

    import pytest


def test_self_check_from_the_source_says_it_is_not_an_installed_program(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--self-check"]) == 2
    assert "geen geïnstalleerd programma" in capsys.readouterr().out


def test_self_check_with_a_release_but_no_public_key_is_refused_in_dutch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--self-check", "--release", str(tmp_path)]) == 2
    assert "--release en --public-key samen" in capsys.readouterr().err
