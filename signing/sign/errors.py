"""Why the signer refuses: every message is Dutch and names the file or the setting."""

from kandidaat.domain.errors import InputError


class SigningRefusedError(InputError):
    """The release itself is not fit to sign (scan findings, manifest mismatch): exit 1."""


class SigningSetupError(InputError):
    """The signing set-up is unsafe or incomplete (key location, passphrase source): exit 2."""
