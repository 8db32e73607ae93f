"""The installer leak scanner (``kandidaat-scan``), issue 7 "Installers that cannot leak".

Public API: :func:`scan_paths`, :func:`scan_data`, :class:`ScanOptions`,
:class:`ScanReport`, :class:`Finding`, :class:`Limits`; canaries in
:mod:`signing.scan.canaries`; the command line in :mod:`signing.scan.cli`.
"""

from signing.scan.model import Finding, Limits, ScanProblem
from signing.scan.scanner import ScanOptions, ScanReport, scan_data, scan_paths

__all__ = [
    "Finding",
    "Limits",
    "ScanOptions",
    "ScanProblem",
    "ScanReport",
    "scan_data",
    "scan_paths",
]
