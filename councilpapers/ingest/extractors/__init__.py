"""Extractors that read records (figures, acronyms, people, actions) out of a file's body lines."""
