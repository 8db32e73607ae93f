"""The desktop window of the centraal stembureau (``kandidaat gui WERK.csb``)."""
