"""Counting: totals of counts and the checks a count must pass (standard library only)."""
