"""``kandidaat uitslag``: the result of an election from the Kiesraad's count files."""
