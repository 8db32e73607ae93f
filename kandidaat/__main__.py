"""Allow ``python -m kandidaat``."""

from kandidaat.app.cli import main

raise SystemExit(main())
