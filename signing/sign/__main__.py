"""Allow ``python -m signing.sign``."""

from signing.sign.cli import main

raise SystemExit(main())
