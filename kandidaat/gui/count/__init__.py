"""The count window: typing in the processen-verbaal of a ``.tel`` file (issue 14)."""
