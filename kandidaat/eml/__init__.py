"""EML_NL reading and writing (the only package that imports lxml)."""
