"""The layers of docs/architecture.md, enforced on every import in the tree.

Dependencies point one way, downwards:
gui -> app -> (eml | documents | store) -> common -> domain.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "kandidaat"

# Which kandidaat subpackages each layer may import (besides itself).
ALLOWED_INTERNAL: dict[str, set[str]] = {
    "domain": set(),
    "common": {"domain"},
    "eml": {"domain", "common"},
    "documents": {"domain", "common"},
    "store": {"domain", "common"},
    "app": {"domain", "common", "eml", "documents", "store"},
    "gui": {"domain", "common", "app"},
}

# Third-party packages that only one layer may import.
EXCLUSIVE_THIRD_PARTY = {
    "lxml": "eml",
    "reportlab": "documents",
    "PySide6": "gui",
}


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every absolute module name imported by a file, with its line number."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                # Relative imports stay inside a subpackage; resolve them to be sure.
                base = path.relative_to(ROOT).with_suffix("").parts[: -node.level]
                module = ".".join((*base, node.module)) if node.module else ".".join(base)
                found.append((node.lineno, module))
            elif node.module:
                found.append((node.lineno, node.module))
    return found


def _layer_of(path: Path) -> str | None:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else None


def _package_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_every_subpackage_of_kandidaat_has_a_declared_layer() -> None:
    subpackages = {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert subpackages <= set(ALLOWED_INTERNAL), subpackages - set(ALLOWED_INTERNAL)


@pytest.mark.parametrize("path", _package_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_point_only_downwards(path: Path) -> None:
    layer = _layer_of(path)
    violations = []
    for lineno, module in _imports(path):
        top, _, rest = module.partition(".")
        if top == "kandidaat" and rest and layer is not None:
            target = rest.split(".")[0]
            allowed = ALLOWED_INTERNAL[layer]
            if target in ALLOWED_INTERNAL and target != layer and target not in allowed:
                violations.append(f"{lineno}: {layer} imports {module}")
        owner = EXCLUSIVE_THIRD_PARTY.get(top)
        if owner is not None and layer != owner:
            violations.append(f"{lineno}: only {owner}/ may import {top} ({module})")
    assert not violations, violations


@pytest.mark.parametrize(
    "path",
    sorted((PACKAGE / "domain").rglob("*.py")),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_domain_imports_only_the_standard_library(path: Path) -> None:
    outside = [
        f"{lineno}: {module}"
        for lineno, module in _imports(path)
        if module.split(".")[0] not in sys.stdlib_module_names
        and not module.startswith("kandidaat.domain")
    ]
    assert not outside, outside


@pytest.mark.parametrize(
    "path",
    sorted([*(ROOT / "build").rglob("*.py"), *(ROOT / "signing").rglob("*.py")]),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_build_and_signing_never_import_the_gui(path: Path) -> None:
    bad = [
        f"{lineno}: {module}"
        for lineno, module in _imports(path)
        if module.startswith(("kandidaat.gui", "PySide6"))
    ]
    assert not bad, bad


def test_the_layer_check_catches_a_forbidden_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import lxml.etree\nfrom kandidaat.app import cli\n", encoding="utf-8")
    modules = [module for _, module in _imports(sample)]
    assert modules == ["lxml.etree", "kandidaat.app"]
