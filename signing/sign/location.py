"""Where a signing key may not live: inside a repository or a build workspace.

A key (or a token's storage) below the checkout can be committed by accident; one
below the build workspace is readable by the build, which runs third-party code.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from signing.sign.errors import SigningSetupError

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

WORKSPACE_MARKER = ".kandidaat-build-workspace"
PACKAGE_REPO = Path(__file__).resolve().parents[2]


def enclosing_repository(path: Path) -> Path | None:
    """The nearest folder at or above ``path`` that holds a ``.git`` entry."""
    for folder in (path, *path.parents):
        if (folder / ".git").exists():
            return folder
    return None


def enclosing_workspace(path: Path) -> Path | None:
    """The nearest folder at or above ``path`` marked as a build workspace."""
    for folder in (path, *path.parents):
        if (folder / WORKSPACE_MARKER).is_file():
            return folder
    return None


def forbidden_roots(release: Path | None, environ: Mapping[str, str]) -> list[tuple[Path, str]]:
    """Every folder a key may not be in, with a Dutch description of each.

    These are the artifacts folder, every repository around this code, the current
    folder or the artifacts, and the build workspace around the artifacts or in
    ``$KANDIDAAT_OUT``.
    """
    starts = [PACKAGE_REPO, Path.cwd().resolve()]
    roots: list[tuple[Path, str]] = []
    if release is not None:
        roots.append((release.resolve(), "de map met de artefacten"))
        starts.append(release.resolve())
        workspace = enclosing_workspace(release.resolve())
        if workspace is not None:
            roots.append((workspace, "de werkmap van de build"))
    for start in starts:
        repo = enclosing_repository(start)
        if repo is not None:
            roots.append((repo, "de repository"))
    configured = environ.get("KANDIDAAT_OUT")
    if configured:
        roots.append((Path(configured).resolve(), "de werkmap van de build ($KANDIDAAT_OUT)"))
    return roots


def refuse_key_inside(key: Path, roots: Iterable[tuple[Path, str]], what: str) -> None:
    """Refuse a key path (links resolved) that lies in one of ``roots``.

    Raises:
        SigningSetupError: naming the key and the folder it is in.
    """
    resolved = Path(os.path.realpath(key))
    for root, description in roots:
        if resolved == root or resolved.is_relative_to(root):
            raise SigningSetupError(
                f"{what} {resolved} ligt in {description} ({root}); bewaar sleutels buiten "
                "de repository en buiten de build, bij voorkeur op een token"
            )


def softhsm_token_dir(environ: Mapping[str, str]) -> Path | None:
    """SoftHSM2's token folder from ``$SOFTHSM2_CONF`` (``directories.tokendir``), if any."""
    conf = environ.get("SOFTHSM2_CONF")
    if not conf:
        return None
    try:
        text = Path(conf).read_text(encoding="utf-8")
    except OSError:
        return None
    for line in text.splitlines():
        name, _, value = line.partition("=")
        if name.strip() == "directories.tokendir" and value.strip():
            return Path(value.strip())
    return None
