"""The centraal stembureau's side of the nomination (Kieswet chapter I): pure rules."""
