"""Persistence of a party's work (the ``.kandidaat`` project file)."""
