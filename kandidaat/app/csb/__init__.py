"""Use cases of the centraal stembureau: the workspace, receiving and examining lists."""
