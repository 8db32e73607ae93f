"""Exit codes shared by every subcommand (documented in the README)."""

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2
EXIT_LOTS_REQUIRED = 3
