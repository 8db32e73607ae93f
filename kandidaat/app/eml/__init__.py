"""Use cases for EML_NL files: check, show, hash."""
