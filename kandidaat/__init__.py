"""kandidaat: open-source software for Dutch elections.

Candidate nomination for parties, examination and result determination for the
centraal stembureau, and installers that can be rebuilt and verified by anyone.
"""

__version__ = "0.1.0"
