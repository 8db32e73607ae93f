"""Allow ``python -m signing.verify``."""

from signing.verify.cli import main

raise SystemExit(main())
