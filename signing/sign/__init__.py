"""Offline signing of a release: refuses unless the scan is clean and the manifest matches.

The signer receives only the artifacts folder (artifacts, ``SHA256SUMS``,
``build-info.json``, the SBOM) and the scan report; it signs the exact bytes of
``SHA256SUMS`` with Ed25519, using a key in a PKCS#11 token or in an encrypted
key file that lives outside the repository and the build workspace.
"""
