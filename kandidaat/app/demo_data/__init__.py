"""Data of the embedded demo election (fictitious; no real persons)."""
