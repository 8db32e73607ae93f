"""The installed program starts the PDF viewer with the user's library path, not its own."""

from __future__ import annotations

from kandidaat.gui.desktop import system_library_path


def test_inside_the_installed_program_the_viewer_gets_the_original_library_path() -> None:
    environ = {"LD_LIBRARY_PATH": "/opt/kandidaat/_internal", "LD_LIBRARY_PATH_ORIG": "/usr/lib"}
    with system_library_path(environ, frozen=True):
        assert environ["LD_LIBRARY_PATH"] == "/usr/lib"
    assert environ["LD_LIBRARY_PATH"] == "/opt/kandidaat/_internal"


def test_without_an_original_path_the_viewer_gets_none() -> None:
    environ = {"LD_LIBRARY_PATH": "/opt/kandidaat/_internal"}
    with system_library_path(environ, frozen=True):
        assert "LD_LIBRARY_PATH" not in environ
    assert environ["LD_LIBRARY_PATH"] == "/opt/kandidaat/_internal"


def test_run_from_source_nothing_changes() -> None:
    environ = {"LD_LIBRARY_PATH": "/home/gebruiker/lib"}
    with system_library_path(environ, frozen=False):
        assert environ["LD_LIBRARY_PATH"] == "/home/gebruiker/lib"
    assert environ == {"LD_LIBRARY_PATH": "/home/gebruiker/lib"}
