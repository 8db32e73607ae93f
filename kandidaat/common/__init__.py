"""Small standard-library helpers shared by every layer above ``domain``."""
