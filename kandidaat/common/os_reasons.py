"""Dutch reasons for the errors of the operating system (every layer uses these).

No English ``strerror`` reaches the user: the ``errno`` values a user can run into
map to a Dutch reason that says what is true (reading or writing; the file or the
folder); anything else gets a Dutch sentence with the technical code (ADR 0035).
"""

from __future__ import annotations

import errno
from enum import Enum

__all__ = ["Action", "os_reason"]


class Action(Enum):
    """What kandidaat was doing when the operating system refused."""

    READ_FILE = "het bestand te lezen"
    WRITE_FILE = "het bestand te schrijven"
    WRITE_FOLDER = "in deze map te schrijven"


_ERRNO_REASONS: dict[int, str] = {
    errno.ENOENT: "het bestand of de map bestaat niet",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EISDIR: "het is een map, geen bestand",
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.EIO: "de schijf gaf een leesfout of schrijffout",
    errno.ENAMETOOLONG: "de bestandsnaam is te lang",
    errno.EEXIST: "er bestaat al een bestand met die naam",
    errno.EMFILE: "er zijn te veel bestanden tegelijk geopend",
    errno.EBUSY: "het bestand is in gebruik",
    errno.EDQUOT: "de schijfruimte (quotum) is op",
    errno.ELOOP: "het pad verwijst in een kring naar zichzelf",
    errno.EINVAL: "de naam of het pad is ongeldig",
}


def os_reason(error: OSError, action: Action) -> str:
    """A Dutch reason for an ``OSError`` that says what was refused: reading or writing."""
    if isinstance(error, PermissionError) or error.errno in {errno.EACCES, errno.EPERM}:
        return f"geen toestemming om {action.value}"
    if error.errno == errno.ENOENT and action is Action.WRITE_FOLDER:
        return "de map bestaat niet"
    if error.errno in _ERRNO_REASONS:
        return _ERRNO_REASONS[error.errno]
    code = errno.errorcode.get(error.errno or 0, "onbekend")
    return f"het besturingssysteem weigerde {action.value} (foutcode {code})"
