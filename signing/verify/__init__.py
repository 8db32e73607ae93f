"""``kandidaat-verify``: check a signed release (signature, manifest, every file)."""
