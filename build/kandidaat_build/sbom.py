"""A CycloneDX 1.5 software bill of materials of what the installer carries.

Deterministic: the serial number is derived from the content and the timestamp is
``SOURCE_DATE_EPOCH``, so two builds of one commit write the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable

    from kandidaat_build.locks import LockedWheel

SBOM_NAMESPACE = uuid.UUID("0b6a7c2e-3c0e-5e0b-9a63-6b616e646964")


def _component(wheel: LockedWheel, role: str) -> dict[str, Any]:
    purl = f"pkg:pypi/{wheel.normalized_name}@{wheel.version}"
    return {
        "type": "library",
        "bom-ref": purl,
        "name": wheel.normalized_name,
        "version": wheel.version,
        "purl": purl,
        "hashes": [{"alg": "SHA-256", "content": wheel.sha256}],
        "properties": [
            {"name": "kandidaat:wheel", "value": wheel.filename},
            {"name": "kandidaat:role", "value": role},
        ],
    }


def sbom_document(
    name: str,
    version: str,
    commit: str,
    source_date_epoch: int,
    runtime: Iterable[LockedWheel],
    bootloader: Iterable[LockedWheel],
    python_version: str,
) -> dict[str, Any]:
    """The SBOM as a JSON-ready dictionary.

    ``runtime`` are the wheels whose code ships in the bundle; ``bootloader`` the
    build tools that leave code in it (PyInstaller's bootloader and loader modules).
    The CPython interpreter (its shared library and standard library) is listed too.
    """
    components = [_component(wheel, "runtime") for wheel in runtime]
    components += [_component(wheel, "bootloader") for wheel in bootloader]
    components.append(
        {
            "type": "application",
            "bom-ref": f"pkg:generic/cpython@{python_version}",
            "name": "cpython",
            "version": python_version,
            "purl": f"pkg:generic/cpython@{python_version}",
        }
    )
    components.sort(key=lambda component: component["bom-ref"])
    application_ref = f"pkg:generic/{name}@{version}"
    document: dict[str, Any] = {
        "bomFormat": "CycloneDX",
        "specVersion": "1.5",
        "version": 1,
        "metadata": {
            "timestamp": datetime.fromtimestamp(source_date_epoch, tz=UTC).strftime(
                "%Y-%m-%dT%H:%M:%SZ"
            ),
            "tools": {
                "components": [
                    {"type": "application", "name": "kandidaat-build", "version": version}
                ]
            },
            "component": {
                "type": "application",
                "bom-ref": application_ref,
                "name": name,
                "version": version,
                "purl": application_ref,
                "properties": [{"name": "kandidaat:commit", "value": commit}],
            },
        },
        "components": components,
        "dependencies": [
            {
                "ref": application_ref,
                "dependsOn": [component["bom-ref"] for component in components],
            }
        ],
    }
    body = json.dumps(document, sort_keys=True).encode("utf-8")
    document["serialNumber"] = (
        f"urn:uuid:{uuid.uuid5(SBOM_NAMESPACE, hashlib.sha256(body).hexdigest())}"
    )
    return document


def sbom_bytes(document: dict[str, Any]) -> bytes:
    """The SBOM as stable JSON bytes (sorted keys, two-space indent, final newline)."""
    return (json.dumps(document, sort_keys=True, indent=2, ensure_ascii=False) + "\n").encode()
