"""XML namespaces of EML_NL and the prefixes OSV2020 writes."""

EML = "urn:oasis:names:tc:evs:schema:eml"
KR = "http://www.kiesraad.nl/extensions"
SB = "http://www.kiesraad.nl/sb-extensions"
DS = "http://www.w3.org/2000/09/xmldsig#"
XAL = "urn:oasis:names:tc:ciq:xsdschema:xAL:2.0"
XNL = "urn:oasis:names:tc:ciq:xsdschema:xNL:2.0"

# The namespace declarations OSV2020 puts on the root of every file it writes.
NSMAP: dict[str | None, str] = {None: EML, "ds": DS, "kr": KR, "xal": XAL, "xnl": XNL}
C14N_WITH_COMMENTS = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments"


def e(name: str) -> str:
    """Clark notation for an element in the EML namespace."""
    return f"{{{EML}}}{name}"


def kr(name: str) -> str:
    """Clark notation for a Kiesraad extension element."""
    return f"{{{KR}}}{name}"


def xnl(name: str) -> str:
    """Clark notation for an xNL (person name) element."""
    return f"{{{XNL}}}{name}"


def xal(name: str) -> str:
    """Clark notation for an xAL (address) element."""
    return f"{{{XAL}}}{name}"


def ds(name: str) -> str:
    """Clark notation for an XML-DSig element."""
    return f"{{{DS}}}{name}"
