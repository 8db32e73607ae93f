"""Subcommands of the ``kandidaat`` command line, one module each."""
