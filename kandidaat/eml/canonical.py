"""Canonical XML and the hash code printed on the official forms.

OSV2020 writes EML in Canonical XML 1.0 with comments; the hash code on a form
is the SHA-256 of the file, shown as 16 groups of 4 hexadecimal digits. For a
canonical file the SHA-256 of the bytes equals the SHA-256 of the canonical form,
so OSV2020, OSV and abacus all show the same code.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lxml import etree

from kandidaat.eml.errors import EmlError
from kandidaat.eml.safe_xml import parse_bytes, read_file

if TYPE_CHECKING:
    from pathlib import Path


def canonical_bytes(tree: etree._ElementTree | etree._Element, source: str = "") -> bytes:
    """Inclusive Canonical XML 1.0 with comments (not C14N 2.0, not exclusive).

    Canonical XML 1.0 has no canonical form for a document that declares a
    relative namespace URI (e.g. ``xmlns:kr="//www.kiesraad.nl/extensions"``);
    such a file is refused with a Dutch message instead of an lxml error.
    """
    try:
        data: bytes = etree.tostring(tree, method="c14n", with_comments=True)
    except etree.C14NError as error:
        raise EmlError(
            source or "EML-bestand",
            "het bestand heeft geen canonieke vorm (Canonical XML 1.0); controleer of "
            'elke namespace een volledige URI is (bijvoorbeeld "http://www.kiesraad.nl/extensions")',
        ) from error
    return data


def hash_code(data: bytes) -> str:
    """The SHA-256 of ``data`` as 16 groups of 4 upper-case hexadecimal digits."""
    digest = hashlib.sha256(data).hexdigest().upper()
    return " ".join(digest[i : i + 4] for i in range(0, 64, 4))


@dataclass(frozen=True, slots=True)
class HashReport:
    """The hash code of a file and whether the file is in canonical form."""

    file_hash: str
    canonical_hash: str
    is_canonical: bool
    declares_canonicalization: bool

    @property
    def form_hash(self) -> str:
        """The code to compare with the printed form.

        OSV hashes the canonical form when the file declares
        ds:CanonicalizationMethod, otherwise the raw bytes.
        """
        return self.canonical_hash if self.declares_canonicalization else self.file_hash


def hash_report(data: bytes, source: str) -> HashReport:
    """Hash a file's bytes and its canonical form (parsed safely)."""
    tree = parse_bytes(data, source)
    canonical = canonical_bytes(tree, source)
    declares = (
        tree.getroot().find("{http://www.w3.org/2000/09/xmldsig#}CanonicalizationMethod")
        is not None
    )
    return HashReport(
        file_hash=hash_code(data),
        canonical_hash=hash_code(canonical),
        is_canonical=canonical == data,
        declares_canonicalization=declares,
    )


def hash_file(path: Path) -> HashReport:
    """:func:`hash_report` for a file on disk."""
    return hash_report(read_file(path), path.name)
