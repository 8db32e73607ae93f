"""Use cases and the command line: the layer that connects domain, files and documents."""
