"""Extractors that read figures and acronyms out of a file's body lines."""
