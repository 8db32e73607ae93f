"""Release security: leak scanning, signing and verification of installers (issue 7)."""
