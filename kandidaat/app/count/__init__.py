"""Use cases of the count (telling): the same functions for the command line and the GUI."""
