"""What the signer checks before it signs: the manifest, the artifacts and the scan report."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kandidaat.common.selfcheck import (
    MANIFEST_NAME,
    SIGNATURE_NAME,
    ManifestError,
    check_files,
    parse_manifest,
)
from signing.sign.errors import SigningRefusedError, SigningSetupError

BUILD_INFO = "build-info.json"
SBOM_SUFFIX = ".cdx.json"


@dataclass(frozen=True)
class Release:
    """A checked release folder and the exact manifest bytes to sign."""

    folder: Path
    manifest: bytes
    digests: tuple[tuple[str, str], ...]


def check_release_folder(folder: Path) -> Release:
    """Check that ``SHA256SUMS`` matches the folder exactly and names the required files.

    Raises:
        SigningSetupError: when the folder or the manifest is missing, or it is signed already.
        SigningRefusedError: when a file is changed, missing or extra, or build-info.json
            disagrees with the manifest.
    """
    if not folder.is_dir():
        raise SigningSetupError(f"{folder}: map met artefacten bestaat niet")
    if (folder / SIGNATURE_NAME).exists():
        raise SigningSetupError(f"{folder / SIGNATURE_NAME}: deze uitgave is al ondertekend")
    try:
        manifest = (folder / MANIFEST_NAME).read_bytes()
        entries = parse_manifest(manifest.decode("utf-8"), MANIFEST_NAME)
    except OSError:
        raise SigningSetupError(f"{folder / MANIFEST_NAME}: ontbreekt") from None
    except (ManifestError, UnicodeDecodeError) as error:
        raise SigningRefusedError(f"{MANIFEST_NAME} onleesbaar: {error}") from None
    names = {entry.name for entry in entries}
    if BUILD_INFO not in names:
        raise SigningRefusedError(f"{MANIFEST_NAME} noemt {BUILD_INFO} niet")
    if not any(name.endswith(SBOM_SUFFIX) for name in names):
        raise SigningRefusedError(f"{MANIFEST_NAME} noemt geen SBOM (*{SBOM_SUFFIX})")
    result = check_files(folder, entries, frozenset({MANIFEST_NAME}))
    if not result.ok:
        raise SigningRefusedError(
            f"{MANIFEST_NAME} klopt niet met de artefacten in {folder}:\n  "
            + "\n  ".join(result.problems)
        )
    _check_build_info(folder, {entry.name: entry.sha256 for entry in entries})
    digests = tuple(sorted((entry.name, entry.sha256) for entry in entries))
    return Release(folder, manifest, digests)


def _check_build_info(folder: Path, listed: dict[str, str]) -> None:
    try:
        info: Any = json.loads((folder / BUILD_INFO).read_text(encoding="utf-8"))
        recorded = dict(info["artifacts"])
    except (ValueError, KeyError, TypeError):
        raise SigningRefusedError(f"{BUILD_INFO}: onleesbaar of zonder 'artifacts'") from None
    for name, digest in sorted(recorded.items()):
        if listed.get(name) != digest:
            raise SigningRefusedError(
                f"{BUILD_INFO}: hash van {name} verschilt van {MANIFEST_NAME} (of ontbreekt daar)"
            )
    if info.get("inputs", {}).get("extra_modules"):
        modules = ", ".join(sorted(info["inputs"]["extra_modules"]))
        raise SigningRefusedError(
            f"{BUILD_INFO}: testbuild met extra modules ({modules}); zo'n build wordt nooit "
            "ondertekend"
        )


def check_scan_covers(report: Path, release: Release) -> None:
    """When the report lists what it scanned, it must be exactly this release.

    The list is optional: ``"targets": [{"path": ..., "sha256": ...}, ...]``; every
    artifact named in ``SHA256SUMS`` must appear in it with the same SHA-256.

    Raises:
        SigningRefusedError: naming an artifact the scan did not see in this exact form.
    """
    data: Any = json.loads(report.read_text(encoding="utf-8"))
    targets = data.get("targets") if isinstance(data, dict) else None
    if targets is None:
        return
    seen = {
        Path(str(item.get("path", ""))).name: item.get("sha256")
        for item in targets
        if isinstance(item, dict)
    }
    listed = dict(release.digests)
    for name, digest in sorted(listed.items()):
        if seen.get(name) != digest:
            raise SigningRefusedError(
                f"{report}: het scanrapport hoort niet bij deze uitgave "
                f"({name} niet of in een andere versie gescand)"
            )


def check_scan_report(report: Path | None) -> int:
    """Refuse unless the scan report exists, is complete and has no findings; return files seen.

    Raises:
        SigningRefusedError: when the report is missing, unreadable, incomplete or has
            findings (each finding is named with its rule and location).
    """
    if report is None:
        raise SigningRefusedError("geen scanrapport: scan eerst met kandidaat-scan --json")
    try:
        data: Any = json.loads(report.read_text(encoding="utf-8"))
    except OSError:
        raise SigningRefusedError(f"{report}: scanrapport ontbreekt") from None
    except ValueError:
        raise SigningRefusedError(f"{report}: scanrapport is geen geldige JSON") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise SigningRefusedError(f"{report}: scanrapport zonder lijst 'findings'")
    findings = data["findings"]
    if findings:
        lines = [
            f"{item.get('rule', '?')}: {item.get('location', '?')}"
            if isinstance(item, dict)
            else str(item)
            for item in findings
        ]
        raise SigningRefusedError(
            f"{report}: de scan vond {len(findings)} lek(ken); niet ondertekend:\n  "
            + "\n  ".join(lines)
        )
    problems = data.get("problems", [])
    if problems:
        raise SigningRefusedError(
            f"{report}: {len(problems)} deel/delen konden niet gescand worden; niet ondertekend"
        )
    files = data.get("files")
    if data.get("exit_code", 0) != 0 or not isinstance(files, int) or files < 1:
        raise SigningRefusedError(f"{report}: scanrapport is onvolledig (geen bestanden gescand)")
    return files
